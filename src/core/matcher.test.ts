import { describe, expect, it } from 'vitest';
import pack from '../dataset/treaty-2024.json';
import { compileMatcher, expandSpaces, requiredClauses, requiredLiterals, termTable, type Mention } from './matcher';
import { namesSchema } from './pack-schema';

const matcher = compileMatcher(namesSchema.parse(pack.names));
const block = (text: string, has = false) => matcher.findInBlock(text, has);
const doc = (...blocks: string[]) => matcher.findInDocument(blocks);
const texts = (ms: readonly Mention[]) => ms.map((m) => m.text);

describe('term compilation', () => {
  it('turns spaces outside classes into separator runs', () => {
    expect(expandSpaces('north korea[ab]', 'S')).toBe('northSkorea[ab]');
    expect(expandSpaces('a\\ b', 'S')).toBe('a\\ b');
  });
  it('finds literals one of which every match must contain', () => {
    expect(requiredLiterals('north korea(?:n|ns)?', 3)).toEqual(['north']);
    expect(requiredLiterals('(?<![\\p{L}\\p{N}])пхеньян\\p{L}*', 3)).toEqual(['пхеньян']);
    expect(requiredLiterals('(?:the )?(?:russia|moscow) pact', 3)).toEqual(['russia', 'moscow']);
    expect(requiredLiterals('(?:kim|n\\.k\\.) pact', 3)).toEqual(['pact']);
    expect(requiredLiterals('(?:a|b)?c', 3)).toBeNull();
  });
  it('finds clauses, each of which every match holds a literal of (the page gate needs them all)', () => {
    expect(requiredClauses('(?:russia|moscow) (?:and )?(?:north korea|dprk) (?:pact|treaty)', 1)).toEqual([
      ['russia', 'moscow'],
      ['north', 'dprk'],
      ['pact', 'treaty'],
    ]);
    // Top-level alternatives are not all needed: one clause, as requiredLiterals gives.
    expect(requiredClauses('russia pact|dprk treaty', 1)).toEqual([requiredLiterals('russia pact|dprk treaty', 1)]);
    expect(requiredClauses('(?:a|b)?c?', 1)).toBeNull();
  });
  it('a matcher given the build-time term table finds exactly what one built from the names does', () => {
    const names = namesSchema.parse(pack.names);
    const fast = compileMatcher(names, { termTable: termTable(names) });
    const samples = [
      'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang.',
      'Россия и КНДР подписали договор о всеобъемлющем стратегическом партнёрстве.',
      '북러 조약이 발효됐다. 러시아와 북한은 포괄적 전략적 동반자 관계에 관한 조약을 맺었다.',
      'The 1961 treaty between the USSR and the DPRK lapsed; the new pact replaced it. Article 4 obliges aid.',
    ];
    for (const text of samples) expect(fast.findInDocument([text])).toEqual(matcher.findInDocument([text]));
  });
});

describe('mayContain (per text node prefilter)', () => {
  it('is false on ordinary text and true on DPRK-side stems or treaty names', () => {
    expect(matcher.mayContain('The weather in Paris was mild on Tuesday.')).toBe(false);
    expect(matcher.mayContain('Korea')).toBe(true);
    expect(matcher.mayContain('КНДР')).toBe(true);
    expect(matcher.mayContain('북한')).toBe(true);
    expect(matcher.mayContain('朝俄')).toBe(true);
  });
  it('takes treaty words and references from the start: the page decides what they mean (document level)', () => {
    expect(matcher.mayContain('the treaty')).toBe(true);
    expect(matcher.mayContain('Article 4 of the accord')).toBe(true);
    expect(matcher.mayContain('The weather in Moscow was mild.')).toBe(false);
  });
  it('lets soft hyphens through (they can hide a name)', () => {
    expect(matcher.mayContain('Ko\u00adrea')).toBe(true);
  });
});

describe('names', () => {
  it.each([
    ['the Russia–North Korea treaty', 'Russia–North Korea treaty'],
    ['a Moscow-Pyongyang pact', 'Moscow-Pyongyang pact'],
    ['the Russia/North Korea treaty', 'Russia/North Korea treaty'],
    ['Russia and North Korea\u2019s mutual defence treaty', 'Russia and North Korea\u2019s mutual defence treaty'],
    ['the DPRK-Russia Treaty on Comprehensive Strategic Partnership', 'DPRK-Russia Treaty on Comprehensive Strategic Partnership'],
    ['Российско-северокорейский договор', 'Российско-северокорейский договор'],
    ['북러 조약', '북러 조약'],
    ['북·러 조약', '북·러 조약'],
    ['露朝条約が発効', '露朝条約'],
    ['朝俄条约生效', '朝俄条约'],
  ])('%s', (text, want) => {
    const ms = block(text);
    expect(texts(ms)).toContain(want);
    expect(ms.find((m) => m.text === want)?.kind).toBe('name');
    expect(ms.find((m) => m.text === want)?.confidence).toBeCloseTo(0.95);
  });

  it('tolerates NBSP, soft hyphens, line breaks and curly quotes, and reports original offsets', () => {
    const text = 'Seoul condemned the “Rus\u00adsia\u00a0–\u00a0North\nKorea pact” on Friday.';
    const [m] = block(text);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe(m!.text);
    expect(m!.text).toBe('Rus\u00adsia\u00a0–\u00a0North\nKorea pact');
  });

  it('does not take the bare name shared with the Russia–Iran treaty as this treaty', () => {
    expect(block('Russia and Iran signed a Treaty on Comprehensive Strategic Partnership in January 2025.')).toEqual([]);
  });
});

describe('co-occurrence in one sentence', () => {
  it.each([
    ["Russia's pact with North Korea was signed in Pyongyang.", "Russia's pact with North Korea"],
    ['Pyongyang\u2019s treaty with Moscow took effect in December.', 'Pyongyang\u2019s treaty with Moscow'],
    ['It is the defence pact Putin and Kim signed in June.', 'defence pact Putin and Kim'],
    ['The Kremlin ratified the comprehensive strategic partnership agreement with North Korea.', 'Kremlin ratified the comprehensive strategic partnership agreement with North Korea'],
    ['КНДР и Россия подписали договор о партнерстве.', 'КНДР и Россия подписали договор'],
    ['러시아와 북한이 체결한 조약이 발효됐다.', '러시아와 북한이 체결한 조약'],
    ['ロシアと北朝鮮の条約締結以降', 'ロシアと北朝鮮の条約'],
    ['Russland und Nordkorea haben einen Vertrag unterzeichnet.', 'Russland und Nordkorea haben einen Vertrag'],
  ])('%s', (text, want) => {
    const ms = block(text);
    expect(texts(ms).some((t) => t.includes(want) || want.includes(t))).toBe(true);
    for (const m of ms) expect(m.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('gives lower confidence to a spread-out group, and underlines only the treaty word when long', () => {
    const tight = block('Russia and North Korea signed a treaty.')[0]!;
    const loose = block(
      'Russia, which has been fighting in Ukraine for more than two years and needs shells badly, and North Korea, long isolated, have now signed a treaty.',
    )[0];
    expect(tight.confidence).toBeGreaterThan(0.85);
    if (loose) {
      expect(loose.confidence).toBeLessThan(tight.confidence);
      expect(loose.text).toBe('treaty');
    }
  });

  it('needs all three in one sentence', () => {
    expect(block('Russia and North Korea held talks. A treaty on fisheries was signed by Norway.')).toEqual([]);
  });

  it.each([
    'Russia and North Korea deepened ties while China signed a treaty with Laos.',
    "North Korea's nuclear deal with the US in 1994 was criticised in Russia.",
    'Russia and North Korea deepened ties while China signed a trade deal.',
    'Russia and North Korea are both parties to the Nuclear Non-Proliferation Treaty.',
    'Russia and North Korea signed an agreement on visa-free tourism.',
  ])('stays silent on the trap %s', (text) => {
    expect(doc(text)).toEqual([]);
  });
});

describe('references', () => {
  const headline = 'Russia and North Korea sign mutual defence pact';
  it('count only after a confident mention earlier in the document, at confidence 0.5', () => {
    const found = doc(headline, 'Analysts say the treaty changes the balance in Asia.');
    const ref = found.find((f) => f.block === 1)?.mention;
    expect(ref?.kind).toBe('reference');
    expect(ref?.confidence).toBe(0.5);
    expect(doc('Analysts say the treaty changes the balance in Asia.')).toEqual([]);
    expect(doc('Analysts say the treaty changes the balance in Asia.', headline).some((f) => f.block === 0)).toBe(false);
  });
  it('follow the flag in findInBlock', () => {
    expect(block('Article 4 applies.', false)).toEqual([]);
    expect(block('Article 4 applies.', true)[0]?.kind).toBe('reference');
  });
});

describe('look-alikes stay silent', () => {
  it.each([
    ['1961 treaty', ['On 6 July 1961, the Soviet Union and North Korea signed the Treaty of Friendship, Co-operation and Mutual Assistance in Moscow.', "The treaty obliged Moscow to come to Pyongyang's aid if it were attacked.", 'Russia told North Korea in 1996 that the treaty would not be renewed.']],
    ['2000 treaty', ['In February 2000, Russia and North Korea signed a Treaty of Friendship, Good-Neighbourliness and Cooperation.', 'The 2000 treaty committed Moscow and Pyongyang only to consult each other.']],
    ['Russia–Iran 2025', ['Russia and Iran signed a Treaty on Comprehensive Strategic Partnership in Moscow on 17 January 2025.', 'Tehran ratified the pact in May.']],
    ['Russia–Vietnam', ['Putin and To Lam agreed to deepen the comprehensive strategic partnership between Russia and Vietnam.']],
    ['China–Russia', ['China and Russia marked the anniversary of their 2001 Treaty of Good-Neighbourliness and Friendly Cooperation.']],
    ['NATO', ['Article 5 of the North Atlantic Treaty says an attack on one ally is an attack on all; Russia has tested it.']],
    ['US–ROK', ['The Mutual Defense Treaty between the United States and the Republic of Korea was signed in 1953 to deter North Korea.']],
    ['2023 summit', ['Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome in September 2023.', 'Officials fear Moscow and Pyongyang are negotiating an arms deal.']],
    ['1961 in Russian', ['6 июля 1961 года СССР и КНДР заключили в Москве Договор о дружбе, сотрудничестве и взаимной помощи.', 'Советский Союз обязался оказать Пхеньяну военную помощь.', 'В 1996 году Россия сообщила Пхеньяну, что договор не будет продлен.']],
    ['1961 in Korean', ['1961년 북한과 소련은 모스크바에서 우호 협조 및 상호 원조 조약을 체결했다.']],
    ['US–ROK in Korean', ['한미 상호방위조약 체결 70주년 기념식이 서울에서 열렸다. 한미 동맹은 북한의 위협에 맞서 왔다.']],
    ['1961 in Japanese', ['1961年、ソ連と北朝鮮は友好協力相互援助条約を結んだ。']],
    ['Sino-Russian in Chinese', ['中俄睦邻友好合作条约签署二十周年之际，两国元首互致贺电。']],
  ])('%s', (_label, blocks) => {
    expect(doc(...blocks)).toEqual([]);
  });

  it('a 2024 article that mentions 1961 in passing keeps its 2024 mentions, not the 1961 sentence', () => {
    const found = doc(
      'Russia and North Korea signed a mutual defence treaty on Wednesday.',
      'The 1961 treaty between the Soviet Union and North Korea also bound Moscow to defend Pyongyang.',
      'The new treaty was signed during a one-day visit.',
    );
    expect(found.some((f) => f.block === 0)).toBe(true);
    expect(found.some((f) => f.block === 1)).toBe(false);
    expect(found.some((f) => f.block === 2)).toBe(true);
  });

  it('keeps a pact whose sentence compares it with 1961 after a clause break', () => {
    const found = doc('Russia and North Korea signed a mutual defence pact on Wednesday, which some compare with the 1961 treaty.');
    expect(found.map((f) => f.mention.kind)).toContain('co-occurrence');
  });
});

describe('findInDocument', () => {
  it('reports block indices and offsets into each block', () => {
    const blocks = ['Weather: sunny.', 'Putin in Pyongyang: Russia–North Korea pact signed.'];
    const [f] = doc(...blocks);
    expect(f?.block).toBe(1);
    expect(blocks[1]!.slice(f!.mention.start, f!.mention.end)).toBe(f!.mention.text);
  });
  it('underlines one phrase once, not in pieces', () => {
    const block = 'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang.';
    const found = doc(block);
    expect(found).toHaveLength(1);
    expect(found[0]!.mention.text).toBe('Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership');
  });
  it('keeps a head noun with its mention', () => {
    const block = '러시아와 북한의 상호방위 조약은 지난해 발효됐다.';
    const found = doc(block);
    expect(found.map((f) => f.mention.text)).toEqual(['러시아와 북한의 상호방위 조약']);
  });
  it('prepares its patterns a batch at a time, with the same results', () => {
    const fresh = compileMatcher(namesSchema.parse(pack.names));
    let steps = 0;
    while (!fresh.warm(10)) steps++;
    expect(steps).toBeGreaterThan(10);
    const block = 'Moscow and Pyongyang signed a mutual defence treaty in June 2024.';
    expect(fresh.findInDocument([block])).toEqual(matcher.findInDocument([block]));
  });
  // Cost is measured by `npm run bench`, never timed here; these check why a page without mentions is cheap.
  it('stops ordinary text at the prefilter', () => {
    const blocks = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} about markets, rates and the weather in Europe.`);
    expect(blocks.some((block) => matcher.mayContain(block))).toBe(false);
    expect(doc(...blocks)).toEqual([]);
  });
  // Exponential backtracking would not finish within the test timeout; the answer itself is checked too.
  it('handles long near-misses', () => {
    const evil = `${'Russia '.repeat(2000)}${'- '.repeat(2000)}North Korea ${'pact-'.repeat(500)}`;
    expect(doc(evil).every(({ mention }) => evil.slice(mention.start, mention.end) === mention.text)).toBe(true);
  });
});
