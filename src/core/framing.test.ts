import { describe, expect, it } from 'vitest';
import { compileFraming, compileTermSource, type FramingCue } from './framing';
import type { FramingTerm } from './pack-schema';
import { lexiconSchema } from './framing-model-schema';
import lexiconJson from './framing-lexicon.json';

const term = (id: string, patterns: string[], neutral: string): FramingTerm => ({
  id,
  patterns,
  label: id,
  usedBy: 'test',
  neutral,
  why: `${id} is loaded`,
  sources: ['s1'],
  i18n: { ru: { label: id, usedBy: 'ru', neutral, why: 'ru' }, ko: { label: id, usedBy: 'ko', neutral, why: 'ko' } },
});
// A small lexicon in the project's own words; the pack's own lexicon is exercised by the corpus test.
const lexicon: FramingTerm[] = [
  term('hermit-kingdom', ['\\bhermit (?:kingdom|state)\\b'], 'North Korea'),
  term('regime', ['\\b(?<!sanctions )regimes?\\b', 'режим'], 'government'),
  term('puppet', ['\\bpuppets?\\b', '괴뢰'], 'South Korean government'),
  term('imperialist', ['\\bimperialis(?:t|ts|m)\\b', '\\bhegemonistic\\b', 'империалист'], 'US policy'),
  term('collective-west', ['\\bcollective West\\b', 'коллективн\\p{L}* Запад'], 'Western governments'),
  term('axis', ['\\baxis of (?:upheaval|evil)\\b'], 'cooperation among Russia, China, Iran and North Korea'),
];
const analyzer = compileFraming(lexicon);
const one = (text: string, using = analyzer) => {
  const all = using.assessSentences(text);
  expect(all, text).toHaveLength(1);
  return all[0]!;
};
const kinds = (cues: FramingCue[], quoted = false) => cues.filter((c) => c.quoted === quoted).map((c) => c.kind);

describe('cue kinds, author voice', () => {
  it.each([
    ['loaded-term', 'The hermit kingdom has found a patron in Moscow.', 'hermit kingdom'],
    ['rhetorical-question', 'Is this pact really about defence?', 'Is this pact really about defence?'],
    ['prescriptive', 'Seoul needs to rethink its arms export rules.', 'needs to'],
    ['prescriptive', 'Washington must answer this treaty.', 'must'],
    ['speculation', 'The treaty could prove deadly for Ukrainian soldiers.', 'could prove deadly'],
    ['speculation', 'This deal is bound to embolden Pyongyang.', 'is bound to'],
    ['speculation', 'The pact threatens to upend the balance in Northeast Asia.', 'threatens to upend'],
    ['generalisation', 'Much of the world shrugged at the signing.', 'Much of the world'],
    ['generalisation', 'No one believes the clause is purely defensive.', 'No one believes'],
    ['intensifier', 'It was a brazen show of contempt for the sanctions.', 'brazen'],
    ['sarcasm', 'The so-called partnership is an arms deal.', 'so-called'],
    ['sarcasm', 'Of course, Moscow denies everything.', 'Of course'],
    ['sarcasm', 'Kim’s ‘friendship’ has a price in shells.', '‘friendship’'],
    ['second-person', 'Imagine a war in which Moscow is bound to fight for Pyongyang.', 'Imagine'],
    ['second-person', 'We cannot look away from this pact.', 'We'],
  ])('%s: %s', (kind, sentence, text) => {
    const s = one(sentence);
    expect(s.level).not.toBe('none');
    const cue = s.cues.find((c) => c.kind === kind && !c.quoted);
    expect(cue?.text).toBe(text);
    expect(sentence.slice(cue!.start, cue!.end)).toBe(text);
    expect(cue!.explanation.length).toBeGreaterThan(10);
  });

  it('gives the lexicon term’s neutral alternative and why', () => {
    const cue = one('The regime in Pyongyang signed the treaty.').cues[0]!;
    expect(cue).toMatchObject({ kind: 'loaded-term', text: 'regime', neutral: 'government', quoted: false });
    expect(cue.explanation).toContain('regime is loaded');
  });

  it('leaves technical compounds alone when the lexicon says so', () => {
    expect(one('The UN sanctions regime bans arms trade with North Korea.').level).toBe('none');
  });

  it('Russian and Korean cues', () => {
    expect(kinds(one('Запад должен наконец признать провал санкций.').cues)).toContain('prescriptive');
    expect(kinds(one('Так называемый оборонительный договор развязывает Кремлю руки.').cues)).toContain('sarcasm');
    expect(one('Коллективный Запад боится этой дружбы.').cues[0]).toMatchObject({ kind: 'loaded-term', quoted: false });
    expect(kinds(one('정부는 단호하게 대응해야 한다.').cues)).toContain('prescriptive');
    expect(kinds(one('과연 러시아가 참전할 것인가?').cues)).toContain('rhetorical-question');
  });
});

describe('the quotation rule', () => {
  it('neutral wire copy that quotes loaded words is level none', () => {
    const s = one('Putin denounced the "imperialist hegemonistic policies" of the US, AP reported.');
    expect(s.level).toBe('none');
    expect(s.cues.map((c) => [c.kind, c.quoted])).toEqual([
      ['loaded-term', true],
      ['loaded-term', true],
    ]);
    expect(s.cues[0]!.speaker).toBe('Putin');
  });

  it.each([
    ['curly', 'Kim said “the imperialists and their puppets” would fail.'],
    ['guillemets', 'Путин заявил, что «империалисты» проиграют.'],
    ['German-style', 'Kim said „the puppets“ would fail.'],
    ['corner brackets', '김 위원장은 「괴뢰들」이 실패할 것이라고 말했다.'],
    ['single', "Kim called Seoul's leaders 'puppets' on Friday."],
  ])('%s quotes are the speaker’s', (_name, sentence) => {
    const s = one(sentence);
    expect(s.level).toBe('none');
    expect(s.cues.length).toBeGreaterThan(0);
    expect(s.cues.every((c) => c.quoted)).toBe(true);
  });

  it('reported speech without quotes is the speaker’s', () => {
    for (const text of [
      'Kim said the imperialists had met their match.',
      'A UN spokesman said Seoul must stay calm.',
      'According to the Kremlin, the West must accept the new reality.',
      'The West must respond, analysts said.',
      'Critics say the treaty is bound to embolden Pyongyang.',
    ]) {
      const s = one(text);
      expect(s.level, text).toBe('none');
      expect(s.cues.some((c) => c.quoted), text).toBe(true);
    }
    expect(one('A UN spokesman said Seoul must stay calm.').cues[0]!.speaker).toBe('UN spokesman');
  });

  it('a headline-style speaker ("Kim: …") is someone else; a stance lead-in ("Make no mistake: …") is the author', () => {
    const named = one('Kim: the imperialists will regret their hostile plots.');
    expect(named.level).toBe('none');
    expect(named.cues.every((c) => c.quoted && c.speaker === 'Kim')).toBe(true);
    const stance = one('Make no mistake: this pact props up the regime for years to come.');
    expect(stance.cues.some((c) => c.kind === 'loaded-term' && c.text === 'regime' && !c.quoted)).toBe(true);
    expect(stance.level).toBe('strong');
  });

  it('a quoted question is not the author’s; an unquoted one is', () => {
    expect(one('“Why now?” he asked.').level).toBe('none');
    expect(one('Why would Kim risk his soldiers for this?').level).toBe('some');
    expect(one('What does Article 4 say?').level).toBe('none'); // explainer, not rhetoric
  });

  it('the author’s words around a quotation still count', () => {
    const s = one('Putin called the treaty a "breakthrough", but that is laughably naive.');
    expect(kinds(s.cues)).toEqual(['intensifier', 'intensifier']);
    expect(s.level).not.toBe('none');
  });

  it('treaty obligations described are reporting, not advice', () => {
    expect(one('Under Article 4, each side must provide assistance without delay.').level).toBe('none');
    expect(one('The treaty must still be ratified by both parliaments.').level).toBe('none');
  });

  it('conditions and explainer furniture are not advice or appeals', () => {
    // The rules' own judgement. With the learned model on, "Should war break out, Moscow would help." is
    // flagged as the author's judgement ("would", "war" weigh): a known false alarm of the model, kept visible.
    const rulesOnly = compileFraming(lexicon, { model: null });
    for (const text of [
      'North Korea would provide help should Russia be attacked.',
      'Should war break out, Moscow would help.',
      'What you need to know about the Russia–North Korea treaty.',
      'A must-read guide to the pact.',
    ]) {
      expect(rulesOnly.assessSentences(text)[0]!.level, text).toBe('none');
      expect(kinds(one(text).cues), text).not.toContain('prescriptive');
    }
    expect(one('North Korea would provide help should Russia be attacked.').level).toBe('none');
    expect(one('What you need to know about the Russia–North Korea treaty.').level).toBe('none');
    expect(one('A must-read guide to the pact.').level).toBe('none');
    expect(one('Seoul should also be worried.').level).toBe('some');
  });

  it('a quote left open at a paragraph’s end (it goes on in the next) stays the speaker’s', () => {
    const block = 'Kim said: “The imperialists will fail. The puppets must tremble.';
    expect(analyzer.assessSentences(block).map((s) => s.level)).toEqual(['none', 'none']);
  });

  it('a state-media voice is the author’s own', () => {
    expect(one('The imperialists and their puppets tremble before the invincible friendship.').level).toBe('strong');
  });
});

describe('reported speech, from the attribution data (framing-markers.json)', () => {
  // Rules alone: what is asserted here is whose words the rules say they are.
  const rules = compileFraming(lexicon, { model: null });
  const only = (text: string) => {
    const all = rules.assessSentences(text);
    expect(all, text).toHaveLength(1);
    return all[0]!;
  };

  it('estimates, reports that suggest, assessments and claims by name are the speaker’s, in three languages', () => {
    for (const text of [
      'Seoul’s spy agency estimates that the regime will inevitably send more troops.',
      'Early reports suggest the puppets must now choose a side.',
      'A retired general reckons the imperialists will never accept the pact.',
      'По оценкам разведки, режим неизбежно пошлёт новых солдат.',
      'Представитель ведомства утверждает, что режим должен ответить.',
      '전문가들은 괴뢰 정부가 결국 대가를 치를 수밖에 없다고 전망했다.',
      '국방부는 이번 협력을 "괴뢰들의 불장난"으로 규정했다.',
    ]) {
      const s = only(text);
      expect(s.level, text).toBe('none');
      expect(s.cues.length, text).toBeGreaterThan(0);
      expect(s.cues.every((c) => c.quoted), text).toBe(true);
    }
  });

  it('Korean: a quotation closed straight onto "-고" or "-며" is attributed', () => {
    for (const text of ['통신은 "괴뢰 패당은 반드시 대가를 치러야 한다"며 위협했다.', '대변인은 "괴뢰들이 결코 이기지 못한다"고 주장했다.']) {
      const s = only(text);
      expect(s.level, text).toBe('none');
      expect(kinds(s.cues), text).toEqual([]);
    }
  });

  it('a single word in scare quotes outside what the speaker says stays the author’s, even when someone reports', () => {
    const s = only('After weeks of “studying” the photographs, the ministry confirmed that troops had arrived.');
    expect(kinds(s.cues)).toEqual(['sarcasm']);
    // Inside the reported words it is the speaker's.
    expect(kinds(only('The ministry confirmed that the “volunteers” had arrived.').cues)).toEqual([]);
  });

  it('a capitalised word in quotes is a name, not irony', () => {
    for (const text of ['Как сообщает РИА «Новости», делегация пробудет в Пхеньяне два дня.', 'The newspaper “Izvestia” printed the text in full.'])
      expect(kinds(only(text).cues), text).toEqual([]);
  });

  it('"(!)" and "(?)" after a word are the author’s aside, also inside reported speech', () => {
    expect(kinds(only('The leaders of the Democratic (!) Republic received the guests.').cues)).toEqual(['sarcasm']);
    expect(kinds(only('Как пишут газеты, Народная (!) Республика готовит парад.').cues)).toEqual(['sarcasm']);
    expect(kinds(only('보도에 따르면 양측은 역사적인(?) 회담을 준비하고 있다.').cues)).toEqual(['sarcasm']);
    expect(kinds(only('Exports rose (see the table) in May.').cues)).toEqual([]);
  });

  it('"The point is plain: …" is the author’s clause, not a speaker; "Lavrov: …" is a speaker', () => {
    expect(kinds(only('The conclusion is simple: Seoul must rethink its approach.').cues)).toEqual(['prescriptive']);
    expect(only('Lavrov: Seoul must rethink its approach.').level).toBe('none');
  });

  it('a reporting verb that mocks the speaker is the author’s, while what is reported stays the speaker’s', () => {
    for (const text of ['The envoy boasted that the regime had never been stronger.', 'Посол твердит, что режим силён как никогда.', '대사는 괴뢰 정권이 곧 무너진다고 강변했다.']) {
      const s = only(text);
      expect(kinds(s.cues), text).toEqual(['sarcasm']);
      expect(kinds(s.cues, true), text).toContain('loaded-term');
    }
    // A plain reporting verb leaves the sentence neutral.
    expect(only('The envoy said that the regime had never been stronger.').level).toBe('none');
  });

  it('"so-called" is the author’s distance, never an attribution verb', () => {
    expect(kinds(only('The so-called friendship treaty binds both sides.').cues)).toEqual(['sarcasm']);
  });

  it('tells the model which quotation marks nobody in the sentence owns', () => {
    expect(rules.modelInput('This “military tourism” suits both capitals.').unowned).toBe(true);
    expect(rules.modelInput('Kim called it “military tourism” on Friday.').unowned).toBe(false);
    expect(rules.modelInput('Kim: “military tourism” is a lie.').unowned).toBe(false);
    expect(rules.modelInput('The ministry published the figures.').unowned).toBe(false);
  });
});

describe('levels and passages', () => {
  it('strong = loaded term plus another cue, or three cues', () => {
    expect(one('The regime must be stopped.').level).toBe('strong');
    expect(one('Washington must act.').level).toBe('some');
    expect(one('Surely we must act, and you know it.').level).toBe('strong');
    expect(one('The treaty was signed in Pyongyang on June 19.').level).toBe('none');
  });

  it('analyzePassage looks at the mention’s sentence and its neighbours in the block', () => {
    const block =
      'The treaty was signed on June 19. It has 23 articles. Article 4 covers mutual assistance. ' +
      'Its ratification followed in November. Seoul must respond firmly to this axis of upheaval.';
    const at = block.indexOf('June 19');
    expect(analyzer.analyzePassage(block, { start: at, end: at + 7 }).level).toBe('none');
    const near = block.indexOf('Its ratification');
    const r = analyzer.analyzePassage(block, { start: near, end: near + 16 });
    expect(r.level).toBe('strong');
    expect(block.slice(r.cues[0]!.start, r.cues[0]!.end)).toBe('must');
  });

  it('page-level signals: opinion page alone is some, with a cue strong', () => {
    const page = { opinionType: true };
    const r = analyzer.analyzePassage('The treaty was signed on June 19.', { start: 4, end: 10 }, page);
    expect(r.level).toBe('some');
    expect(r.cues.map((c) => c.kind)).toEqual(['page-opinion']);
    expect(analyzer.analyzePassage('Seoul must act on the treaty.', { start: 22, end: 28 }, page).level).toBe('strong');
  });

  it('pageLevel reads schema type, section, URL path and a question headline', () => {
    expect(analyzer.pageLevel({})).toEqual([]);
    expect(analyzer.pageLevel({ section: 'World' })).toEqual([]);
    expect(analyzer.pageLevel({ url: 'https://example.com/world/asia/treaty' })).toEqual([]);
    expect(analyzer.pageLevel({ section: 'Opinion' })[0]!.kind).toBe('page-opinion');
    for (const url of ['https://x.com/opinion/2024/06/pact', 'https://x.com/op-ed/a', 'https://x.com/editorial/b', 'https://x.com/commentary/c', 'https://x.com/columns/d'])
      expect(analyzer.pageLevel({ url }).map((c) => c.kind), url).toEqual(['page-opinion']);
    const q = analyzer.pageLevel({ headline: 'Is the Russia–North Korea pact a new Cold War?' });
    expect(q.map((c) => c.kind)).toEqual(['rhetorical-question']);
    // A question headline is context, not a verdict on every passage.
    expect(analyzer.analyzePassage('The treaty was signed.', { start: 4, end: 10 }, { headline: 'Is it war?' }).level).toBe('none');
  });
});

describe('helpers', () => {
  it('pack terms: a space is any separator; the pack’s own edges are kept, none added', () => {
    const re = new RegExp(compileTermSource('\\bcollective West\\b'), 'iu');
    expect(re.test('the collective‑West says')).toBe(true);
    expect(re.test('collective\u00a0West’s')).toBe(true);
    expect(new RegExp(compileTermSource('\\bpuppets?\\b'), 'iu').test('puppeteer')).toBe(false);
    expect(new RegExp(compileTermSource('режим'), 'iu').test('киевскому режиму')).toBe(true);
    expect(new RegExp(compileTermSource('제국주의'), 'u').test('미제국주의자들')).toBe(true);
  });

  // Exponential backtracking would not finish within the test timeout; no wall-clock limit here.
  it('handles long adversarial input', () => {
    const long = `${'"a '.repeat(5000)}${'so-called '.repeat(2000)}${'?'.repeat(1000)}`;
    const sentences = analyzer.assessSentences(long);
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(long.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});

describe('the rule lexicon (framing-lexicon.json), per class and language', () => {
  // The rules alone: each reason below is the lexicon's, not the model's.
  const rules = compileFraming([], { model: null });
  const cues = (sentence: string) => one(sentence, rules).cues;
  it.each([
    // verdicts: a judgement of a person, act or policy
    ['verdict', 'Seoul’s answer to the summit was inept.', 'inept'],
    ['verdict', 'Sanctions on Pyongyang have proved futile.', 'futile'],
    ['verdict', 'Ответ Сеула на саммит оказался беспомощным.', 'беспомощным'],
    ['verdict', '이번 파병은 북한의 자충수다.', '자충수'],
    // stance and certainty markers
    ['stance', 'Small wonder that Tokyo is nervous.', 'Small wonder'],
    ['stance', 'Frankly, the clause is a blank cheque.', 'Frankly'],
    ['stance', 'Make no doubt: the aim all along was ammunition.', 'Make no doubt'],
    ['stance', 'Сеул не может не беспокоиться о новом союзе.', 'не может не'],
    ['stance', 'Несомненно, Москва выиграла от этой сделки.', 'Несомненно'],
    ['stance', '이번 조약으로 한반도 안보 지형은 크게 흔들릴 수밖에 없다.', '수밖에 없'],
    ['stance', '결국 북한만 이득을 보는 셈이다.', '는 셈이다'],
    // advice in the author's voice
    ['prescriptive', 'Tokyo would do well to keep its head.', 'would do well to'],
    ['prescriptive', 'The sensible course for Seoul is to talk to Beijing.', 'The sensible course'],
    ['prescriptive', 'Europe had better take the clause seriously.', 'had better'],
    ['prescriptive', 'Сеулу стоило бы поговорить с Пекином.', 'стоило бы'],
    ['prescriptive', '정부는 섣불리 개입해서는 안 된다.', '해서는 안 된'],
    // a prediction stated as certain
    ['speculation', 'Chances are the pact will outlast both leaders.', 'Chances are'],
    ['speculation', 'Этот союз обречён на провал.', 'обречён'],
    ['speculation', '머지않아 북한군이 전선에 투입될 것이다.', '머지않아'],
    // irony and mockery
    ['sarcasm', 'Kim basks in memories of Soviet patronage.', 'basks in'],
    ['sarcasm', 'The hand-wringing in European capitals changed nothing.', 'hand-wringing'],
    ['sarcasm', 'Пхеньян кичится новым союзником.', 'кичится'],
    ['sarcasm', '북한은 러시아에 추파를 던졌다.', '추파'],
  ])('%s: %s', (kind, sentence, text) => {
    const own = cues(sentence).filter((c) => !c.quoted);
    expect(own.map((c) => [c.kind, c.text])).toContainEqual([kind, text]);
    expect(rules.assessSentences(sentence)[0]!.level).toBe('some');
  });

  it('a verdict inside a quotation or reported speech stays the speaker’s', () => {
    for (const sentence of [
      '"The summit was a fiasco," the opposition leader said.',
      '야당 대표는 "이번 파병은 자충수"라고 말했다.',
      'Лидер оппозиции заявил, что ответ Сеула был беспомощным.',
      // "обратил внимание, что" (pointed out that) reports as "заявил, что" does.
      'Депутат обратил внимание, что ответ Сеула был беспомощным.',
    ]) {
      const all = cues(sentence);
      expect(all.some((c) => c.kind === 'verdict' && c.quoted), sentence).toBe(true);
      expect(all.filter((c) => !c.quoted), sentence).toEqual([]);
    }
  });

  it('matches whole words and stems only where the entry says so', () => {
    // "подло" (basely) is an entry, "подлежит" (is subject to) is not; "would-be" is not "would be".
    for (const sentence of ['Документ подлежит ратификации.', 'Would-be defectors crossed the border in June.', 'The clumsy wording of the draft was fixed by the lawyers.'])
      expect(cues(sentence).filter((c) => c.kind === 'verdict' || c.kind === 'stance'), sentence).toEqual([]);
    expect(cues('Так поступить было подло.').map((c) => c.kind)).toEqual(['verdict']);
  });

  it('the lexicon file is plain words: the schema refuses a pattern, an upper-case entry and an unknown class', () => {
    expect(lexiconSchema.safeParse(lexiconJson).success).toBe(true);
    const bad = structuredClone(lexiconJson) as { languages: { en: Record<string, string[]> } };
    bad.languages.en.verdict!.push('inept|feckless');
    expect(lexiconSchema.safeParse(bad).success).toBe(false);
    const upper = structuredClone(lexiconJson) as { languages: { en: Record<string, string[]> } };
    upper.languages.en.stance!.push('Plainly');
    expect(lexiconSchema.safeParse(upper).success).toBe(false);
    const other = structuredClone(lexiconJson) as { languages: { en: Record<string, string[]> } };
    other.languages.en.gossip = ['rumour has it'];
    expect(lexiconSchema.safeParse(other).success).toBe(false);
  });
});
