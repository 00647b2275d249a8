import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pack as shipped } from '../../src/dataset/index';
import { packMeta } from '../../src/dataset/meta';
import { canonicalJson, packContentHash } from '../../src/core/pack-hash';
import { formatPackErrors, formatPath, validatePack } from '../../src/core/pack-validate';
import { auditPack, urlKey } from '../../src/core/pack-audit';
import { expandNames } from '../../src/core/lexicon';

const raw = JSON.parse(readFileSync(new URL('../../src/dataset/treaty-2024.json', import.meta.url), 'utf8')) as Record<string, any>;

/** Validates a broken copy of the real pack (`mutate` breaks it) and returns the errors. */
function broken(mutate: (pack: Record<string, any>) => void): string[] {
  const copy = structuredClone(raw);
  mutate(copy);
  const result = validatePack(copy);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('the lexicon (names as plain words)', () => {
  it('refuses a pattern where a word belongs, naming the field', () => {
    const errors = broken((p) => (p.names.lexicon.cs.agreement[0] = 'smlouv\\p{L}*'));
    expect(errors.join('\n')).toMatch(/names\.lexicon\.cs\.agreement\[0\]: must be plain words/);
  });
  it('refuses a look-alike id that names.exclusions does not have', () => {
    const errors = broken((p) => (p.names.lexicon.pl.exclusions['russia-iran-2026'] = ['Iran']));
    expect(errors.join('\n')).toMatch(/names\.lexicon\.pl\.exclusions\.russia-iran-2026: unknown look-alike/);
  });
  it('refuses a morphology rule that is not a rule', () => {
    const errors = broken((p) => (p.names.lexicon.ru.inflect.endings = 12));
    expect(errors.join('\n')).toMatch(/names\.lexicon\.ru\.inflect\.endings/);
  });
  it('refuses a bad composed term, naming the field', () => {
    const errors = broken((p) => {
      p.names.lexicon.en.treaty.push({ seq: ['russia', '(?:north )?korea'] });
      p.names.lexicon.en.treaty.push({ seq: ['pact', { optional: 'new', spacing: 'none' }], spacing: 'wide' });
      p.names.lexicon.ko.russia.push({ seq: [{ optional: '러' }] });
      p.names.lexicon.ru.treaty.push({ seq: ['договор', { list: 'parties' }], near: { words: 'КНДР' } });
      p.names.lexicon.ja.dprk.push({ seq: ['朝', { gap: 9 }], followedBy: [], within: 3 });
      p.names.lexicon.zh.references.push({ seq: [{ endings: 'any' }, '条约'], start: 'space' });
      p.names.lexicon.en.exclusions.nato.push({ sequence: ['nato'] });
      p.names.lexicon.ko.exclusions['earlier-anniversary'].push({ seq: [{ count: 1000 }, '주년'] });
    });
    const text = errors.join('\n');
    expect(text).toMatch(/names\.lexicon\.en\.treaty\[\d+\]\.seq\[1\]: must be plain text, not a pattern \(found "\("\)/);
    expect(text).toMatch(/names\.lexicon\.en\.treaty\[\d+\]\.seq\[1\]\.spacing: is not a field of a "optional" part/);
    expect(text).toMatch(/names\.lexicon\.en\.treaty\[\d+\]\.spacing: must be one of space, optional, none, dot, dotOrSpace/);
    expect(text).toMatch(/names\.lexicon\.ko\.russia\[\d+\]\.seq: needs a part that is not optional/);
    expect(text).toMatch(/names\.lexicon\.ru\.treaty\[\d+\]\.seq\[1\]\.list: names no list of this language/);
    expect(text).toMatch(/names\.lexicon\.ru\.treaty\[\d+\]\.near\.within: must be a number of characters/);
    expect(text).toMatch(/names\.lexicon\.ja\.dprk\[\d+\]\.seq\[1\]\.gap: must be a number of words from 1 to 3/);
    expect(text).toMatch(/names\.lexicon\.ja\.dprk\[\d+\]\.followedBy: needs at least one alternative/);
    expect(text).toMatch(/names\.lexicon\.ja\.dprk\[\d+\]\.within: is not a field of a composed term/);
    expect(text).toMatch(/names\.lexicon\.zh\.references\[\d+\]\.start: must be one of word, letter, digit/);
    expect(text).toMatch(/names\.lexicon\.en\.exclusions\.nato\[\d+\]: must be a plain phrase or a composed term/);
    expect(text).toMatch(/names\.lexicon\.ko\.exclusions\.earlier-anniversary\[\d+\]\.seq\[0\]\.count: must be the smallest count, a whole number from 1 to 99/);
  });

  it('compiles composed terms to the matcher\'s patterns', () => {
    const names = expandNames(raw.names as never);
    // "Kim" only near "Putin": one pattern for each side.
    expect(names.dprk.en).toContain('(?<=(?<![\\p{L}\\p{N}])putin(?![\\p{L}\\p{N}]).{0,80})kim');
    // Korean one-syllable abbreviations: "러" right before "북", with or without a middle dot or space.
    expect(names.russia.ko).toContain('(?<![\\p{L}])러(?=(?:[·ㆍ・/\\-]| )?북)');
    const find = (terms: string[] | undefined, text: string) => (terms ?? []).some((t) => new RegExp(t.replace(/ /g, '[ \\-/]+'), 'u').test(text));
    expect(find(names.treaty.en, "russia's and north korea's landmark treaty")).toBe(true);
    expect(find(names.treaty.ko, '북·러 신조약')).toBe(true);
    expect(find(names.treaty.ja, '北朝鮮とロシアが締結した包括的戦略的パートナーシップ条約')).toBe(true);
    const article = (names.references.en ?? []).filter((t) => t.startsWith('article (?:3'));
    expect(article).toHaveLength(1);
    expect(find(article, 'article 5 of the north atlantic treaty')).toBe(false);
    expect(find(article, 'article 5 of the treaty')).toBe(true);
  });

  it('inflects as the rule says', () => {
    const stems = expandNames(raw.names as never).agreement.cs ?? [];
    expect(stems).toContain('smlouv\\p{L}{0,4}');
    expect(expandNames(raw.names as never).russia.tr).toContain('rus');
  });
});

describe('the shipped pack', () => {
  it('validates', () => {
    const result = validatePack(raw);
    if (!result.ok) throw new Error(formatPackErrors(result.errors));
    expect(result.pack.id).toBe('rus-dprk-treaty-2024');
  });

  it('is what the extension imports, with every default written out', () => {
    const result = validatePack(raw);
    expect(result.ok && result.pack).toEqual(shipped);
    // From source the hash is "dev"; build.mjs injects the real one.
    expect(packMeta).toEqual({ id: 'rus-dprk-treaty-2024', version: shipped.version, updated: shipped.updated, hash: 'dev' });
  });

  it('meets the content bar', () => {
    expect(shipped.facts.length).toBeGreaterThanOrEqual(15);
    expect(shipped.quotes.length).toBeGreaterThanOrEqual(15);
    // The names as the matcher gets them: the lexicon's plain words folded in.
    const names = expandNames(shipped.names);
    for (const key of ['treaty', 'russia', 'dprk', 'agreement'] as const) {
      expect(Object.keys(names[key])).toEqual(expect.arrayContaining(['en', 'ru', 'ko', 'ja', 'zh']));
    }
    for (const key of ['russia', 'dprk', 'agreement', 'references'] as const) {
      expect(Object.keys(names[key])).toEqual(expect.arrayContaining(['cs', 'pl', 'it', 'pt', 'tr', 'vi', 'ar']));
    }
    expect(shipped.facts.find((f) => f.id === 'signing')?.date).toBe('2024-06-19');
    expect(shipped.facts.find((f) => f.id === 'treaty-1961-lapse')?.disputed).toBe(true);
  });

  it('never presents the bare "Treaty on Comprehensive Strategic Partnership" as this treaty (Russia–Iran has it too)', () => {
    const sep = (t: string) => new RegExp(t.replace(/ /g, '[ \\-/]+'), 'iu');
    const treatyTerms = Object.values(expandNames(shipped.names).treaty).flat().map(sep);
    const iran = 'Russia and Iran signed a Treaty on Comprehensive Strategic Partnership in January 2025.';
    expect(treatyTerms.some((re) => re.test(iran))).toBe(false);
    expect(treatyTerms.some((re) => re.test('the DPRK-Russia Treaty on Comprehensive Strategic Partnership'))).toBe(true);
  });
});

describe('validatePack errors name the path and the reason', () => {
  it('unknown source', () => {
    // S99 is a real source in the shipped pack; drop it first so every reference to it dangles.
    const errors = broken((p) => {
      p.sources = p.sources.filter((s: any) => s.id !== 'S99');
      p.quotes[3].sources[0] = 'S99';
    });
    expect(errors).toContain('quotes[3].sources[0]: unknown source "S99"');
    expect(errors.filter((e) => e.endsWith('unknown source "S99"')).length).toBeGreaterThan(1);
  });

  it('duplicate ids, per section and for sources', () => {
    const errors = broken((p) => {
      p.facts[5].id = p.facts[0].id;
      p.sources[2].id = p.sources[1].id;
    });
    expect(errors).toContain(`facts[5].id: duplicate id "${raw.facts[0].id}" (first used at facts[0])`);
    expect(errors).toContain(`sources[2].id: duplicate id "${raw.sources[1].id}" (first used at sources[1])`);
  });

  it('bad and future dates', () => {
    const errors = broken((p) => {
      p.timeline[0].date = '2024-02-30';
      p.facts[0].date = '19 June 2024';
      p.quotes[0].date = '2027-01-01';
    });
    expect(errors).toContain('timeline[0].date: must be an ISO date (YYYY-MM-DD)');
    expect(errors).toContain('facts[0].date: must be an ISO date (YYYY-MM-DD)');
    expect(errors).toContain(`quotes[0].date: 2027-01-01 is after the pack's updated date ${raw.updated}`);
  });

  it('non-http URL', () => {
    const errors = broken((p) => {
      p.sources[0].url = 'ftp://example.org/treaty.txt';
      p.sources[1].url = 'javascript:alert(1)';
    });
    expect(errors).toContain('sources[0].url: must be an http(s) URL');
    expect(errors).toContain('sources[1].url: must be an http(s) URL');
  });

  it('empty quote and missing speaker', () => {
    const errors = broken((p) => {
      p.quotes[0].text = '   ';
      p.quotes[1].text = '“…”';
      delete p.quotes[2].speaker;
    });
    expect(errors).toContain('quotes[0].text: must not be empty');
    expect(errors).toContain('quotes[1].text: has no words');
    expect(errors).toContain('quotes[2].speaker: is required');
  });

  it('a translated quote must say so', () => {
    const i = raw.quotes.findIndex((q: any) => q.language === 'ru');
    expect(broken((p) => delete p.quotes[i].translation)).toContain(
      `quotes[${i}].translation: is required (Latin-script text for words spoken in "ru")`,
    );
  });

  it('claimReviewed longer than 75 characters', () => {
    expect(broken((p) => (p.claims[0].claimReviewed = 'x'.repeat(76)))).toContain(
      'claims[0].claimReviewed: must be at most 75 characters (schema.org ClaimReview)',
    );
  });

  it('bad regular expressions', () => {
    const errors = broken((p) => {
      p.claims[1].patterns[0][1] = '(a+)+';
      p.framing[0].patterns[0] = 'x?';
      p.claims[2].patterns[0][0] = '(?:north korea';
      p.framing[1].patterns[0] = '[north korea]';
    });
    expect(errors).toContain('claims[2].patterns[0][0]: is not a valid regular expression (Invalid regular expression: /(?:north korea/iu: Unterminated group)');
    expect(errors).toContain('claims[1].patterns[0][1]: repeats a group that contains a repetition (catastrophic backtracking)');
    expect(errors).toContain('framing[0].patterns[0]: matches the empty string');
    expect(errors).toContain('framing[1].patterns[0]: has a space inside a character class (spaces are separator runs)');
  });

  it('missing English names', () => {
    const errors = broken((p) => {
      delete p.names.lexicon.en.treaty;
      p.names.lexicon.en.russia = [];
    });
    expect(errors).toContain('names.lexicon.en.treaty: needs English words');
    expect(errors).toContain('names.lexicon.en.russia: needs at least one word');
  });

  it('unknown fields and unwritten defaults', () => {
    const errors = broken((p) => {
      p.facts[0].note = 'x';
      delete p.facts[1].disputed;
    });
    expect(errors).toContain('facts[0].note: is not a known field');
    expect(errors).toContain('facts[1].disputed: must be written out (the extension reads the file without schema defaults)');
  });

  it('lists every error at once, numbered', () => {
    const errors = broken((p) => {
      p.quotes[3].sources[0] = 'S999';
      p.sources[0].url = 'ftp://x';
    });
    expect(formatPackErrors(errors).split('\n')).toHaveLength(errors.length);
    expect(formatPackErrors(errors)).toMatch(/^ {2}1\. /);
  });

  it('rejects what is not a pack', () => {
    expect(validatePack(null)).toEqual({ ok: false, errors: ['(pack): must be an object'] });
  });
});

describe('paths and hash', () => {
  it('formats paths with dotted keys and [index]', () => {
    expect(formatPath(['quotes', 3, 'sources', 0])).toBe('quotes[3].sources[0]');
    expect(formatPath(['names', 'treaty', 'en', 2])).toBe('names.treaty.en[2]');
    expect(formatPath([])).toBe('(pack)');
  });

  it('hash is short, stable and independent of key order', () => {
    const hash = packContentHash(raw);
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    const reordered = Object.fromEntries(Object.entries(raw).reverse());
    expect(packContentHash(reordered)).toBe(hash);
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    const changed = structuredClone(raw);
    changed.facts[0].text += '.';
    expect(packContentHash(changed)).not.toBe(hash);
  });

  it('hashes the validated pack and the raw file alike (build uses the former)', () => {
    const result = validatePack(raw);
    expect(result.ok && packContentHash(result.pack)).toBe(packContentHash(raw));
  });
});

/** Audits a changed copy of the real pack (`mutate` changes it; the copy must still validate). */
function audited(mutate: (pack: Record<string, any>) => void): string[] {
  const copy = structuredClone(raw);
  mutate(copy);
  const result = validatePack(copy);
  if (!result.ok) throw new Error(formatPackErrors(result.errors));
  return auditPack(result.pack);
}
const index = (section: string, id: string) => raw[section].findIndex((x: any) => x.id === id);

describe('the dataset check (auditPack, run by npm run dataset)', () => {
  it('passes on the shipped pack', () => {
    expect(auditPack(shipped)).toEqual([]);
  });

  it('flags a source that no item cites', () => {
    expect(
      audited((p) => p.sources.push({ id: 'S900', publisher: 'Example Daily', title: 'An unused page', url: 'https://example.org/unused', date: '2024-07-01', kind: 'news' })),
    ).toEqual(['source S900: no item cites it']);
  });

  it('flags two sources with one URL, whatever its spelling', () => {
    expect(urlKey('https://www.example.org/a/b/amp/')).toBe(urlKey('http://example.org/a/b'));
    const problems = audited((p) => {
      const first = p.sources[0];
      p.sources[1].url = first.url.replace('https://', 'http://') + '/';
    });
    expect(problems).toEqual([`source ${raw.sources[1].id}: same URL as ${raw.sources[0].id} (${raw.sources[0].url.replace('https://', 'http://')}/)`]);
  });

  it('flags a source dated before the event it is cited for, unless its date basis is "context"', () => {
    const t = index('timeline', 'entry-into-force');
    const sourceId = raw.timeline[t].sources[0];
    const s = raw.sources.findIndex((x: any) => x.id === sourceId);
    const early = (p: Record<string, any>) => {
      p.sources[s].date = '2024-11-20';
      p.sources[s].dateBasis = 'published';
    };
    expect(audited(early)).toContain(`timeline[${t}] entry-into-force (2024-12-04): source ${sourceId} is dated 2024-11-20, before the event`);
    expect(
      audited((p) => {
        early(p);
        p.sources[s].dateBasis = 'context';
      }).some((line) => line.includes(`source ${sourceId} is dated`)),
    ).toBe(false);
  });

  it('flags a quote whose sources are all analysis or reference', () => {
    const q = index('quotes', 'putin-breakthrough');
    const analysis = raw.sources.find((x: any) => x.kind === 'analysis').id;
    expect(audited((p) => (p.quotes[q].sources = [analysis]))).toContain(`quotes[${q}] putin-breakthrough: no source of kind primary, wire or news`);
  });

  it('flags a quote whose reader in the spoken language does not get the original words', () => {
    const q = index('quotes', 'putin-breakthrough');
    expect(audited((p) => (p.quotes[q].i18n.ru.text = 'Это действительно прорывной документ'))).toEqual([`quotes[${q}] putin-breakthrough: i18n.ru.text is not the original`]);
    // A published translation named with `by` may stand in its place.
    expect(
      audited((p) => {
        p.quotes[q].i18n.ru.text = 'Это действительно прорывной документ';
        p.quotes[q].i18n.ru.by = p.quotes[q].sources[0];
      }),
    ).toEqual([]);
  });

  it('flags an aggregator cited alone, and lets it pass beside an original or with readAt', () => {
    const f = index('facts', 'structure');
    const agg = raw.sources.findIndex((x: any) => x.kind === 'aggregator' && !x.readAt);
    const aggId = raw.sources[agg].id;
    const alone = (p: Record<string, any>) => (p.facts[f].sources = [aggId]);
    expect(audited(alone)).toContain(`facts[${f}] structure: cites aggregator ${aggId} (${raw.sources[agg].publisher}) without an original`);
    expect(audited((p) => (p.facts[f].sources = [aggId, 'S4']))).not.toContainEqual(expect.stringContaining('without an original'));
    expect(
      audited((p) => {
        alone(p);
        p.sources[agg].readAt = { url: p.sources[agg].url };
      }),
    ).not.toContainEqual(expect.stringContaining('without an original'));
  });

  it('lists every problem of a deliberately broken pack at once', () => {
    const aggId = raw.sources.find((x: any) => x.kind === 'aggregator' && !x.readAt).id;
    const problems = audited((p) => {
      p.sources.push({ id: 'S901', publisher: 'Example Daily', title: 'Copy', url: p.sources[2].url, date: '2024-07-01', kind: 'news' });
      const q = p.quotes.findIndex((x: any) => x.id === 'kirby-trip');
      p.quotes[q].sources = ['S23'];
      const t = p.timeline.findIndex((x: any) => x.id === 'duma');
      p.timeline[t].sources = ['S29'];
      p.facts[0].sources = [aggId];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'source S901: no item cites it',
        expect.stringMatching(/^source S901: same URL as /),
        expect.stringMatching(/duma \(2024-10-24\): source S29 is dated 2024-06-17, before the event$/),
        expect.stringMatching(/kirby-trip: no source of kind primary, wire or news$/),
        expect.stringMatching(new RegExp(`^facts\\[0\\] signing: cites aggregator ${aggId} `)),
      ]),
    );
  });
});

describe('the names the page bundles carry', () => {
  // The build once dropped the look-alikes' `partner` flag: the extension then lost mentions the CLI found.
  it('find exactly what the full names find, on a page that needs every look-alike field', async () => {
    const { pageNames } = await import('../../src/cli/pack-tools');
    const { compileMatcher } = await import('../../src/core/matcher');
    const page = [
      'Russia and Iran to sign a partnership treaty',
      'The deal has no defence clause, unlike the agreements the Kremlin signed with Pyongyang and Minsk.',
      'A Soviet-era friendship treaty of 1961 bound Moscow to Pyongyang until 1996.',
    ];
    const mentions = (names: Parameters<typeof compileMatcher>[0]) => compileMatcher(names).findInDocument(page).map(({ mention }) => mention.text);
    const full = mentions(shipped.names);
    expect(full.some((t) => t.includes('Pyongyang and Minsk') || t.includes('signed with Pyongyang'))).toBe(true);
    expect(mentions(pageNames(shipped.names))).toEqual(full);
    expect(pageNames(shipped.names).exclusions.every((e) => !('label' in e) && !('reason' in e))).toBe(true);
  });
});
