import { describe, expect, it } from 'vitest';
import { composedTerms, itemTerms } from './lexicon';

describe('composed terms compile to the matcher\'s patterns', () => {
  it('joins parts by the spacing, optional parts carrying their joint', () => {
    expect(composedTerms({ seq: ['treaty on', { optional: 'the' }, ['russia', 'dprk']] })).toEqual(['treaty on(?: the)? (?:russia|dprk)']);
    expect(composedTerms({ seq: [{ optional: ['new', 'mutual'] }, 'pact'] })).toEqual(['(?:(?:new|mutual) )?pact']);
    expect(composedTerms({ seq: [['북', '조'], ['러', '로'], '조약'], spacing: 'optional', start: 'letter' })).toEqual(['(?<![\\p{L}])(?:북|조)(?: )?(?:러|로)(?: )?조약']);
    expect(composedTerms({ seq: [{ seq: ['러', '북'], spacing: 'dot' }, '조약'], spacing: 'none' })).toEqual(['러(?:[·ㆍ・/\\-])?북조약']);
  });
  it('writes endings onto the part before, gaps and spans of characters between', () => {
    expect(composedTerms({ seq: ['договор', { endings: 'any' }, 'о дружбе'] })).toEqual(['договор\\p{L}* о дружбе']);
    expect(composedTerms({ seq: ['russia', { endings: ['n', "'s"] }, 'pact'] })).toEqual(["russia(?:n|'s)? pact"]);
    expect(composedTerms({ seq: [['the', 'its'], { gap: 2 }, 'treaty'] })).toEqual(['(?:the|its) (?:\\p{L}+ )?(?:\\p{L}+ )?treaty']);
    expect(composedTerms({ seq: ['ロシア', { within: 30, shortest: true }, '条約'], spacing: 'none' })).toEqual(['ロシア.{0,30}?条約']);
    expect(composedTerms({ seq: ['china', { within: 40, whole: true }, 'strategic'] })).toEqual(['china(?![\\p{L}\\p{N}]).{0,40}(?<![\\p{L}\\p{N}])strategic']);
  });
  it('puts conditions around the match and shares lists', () => {
    expect(composedTerms({ seq: ['러'], spacing: 'dotOrSpace', precededBy: { seq: [['북', '조']], start: 'letter' } })).toEqual(['(?<=(?<![\\p{L}])(?:북|조)(?:[·ㆍ・/\\-]| )?)러']);
    expect(composedTerms({ seq: ['kim'], near: { words: 'putin', within: 80 } })).toEqual([
      '(?<=(?<![\\p{L}\\p{N}])putin(?![\\p{L}\\p{N}]).{0,80})kim',
      'kim(?=.{0,80}(?<![\\p{L}\\p{N}])putin(?![\\p{L}\\p{N}]))',
    ]);
    expect(composedTerms({ seq: ['vostochny'], awayFrom: { words: '2024', within: 200 } })).toEqual(['vostochny(?<!2024.{0,200})(?!.{0,200}2024)']);
    expect(composedTerms({ seq: [{ list: 'sides' }, 'pact'] }, { sides: ['russia', 'dprk'] })).toEqual(['(?:russia|dprk) pact']);
    expect(() => composedTerms({ seq: [{ list: 'none' }] })).toThrow('unknown list "none"');
  });
  it('reads a count as a whole number from its smallest value to 999, not part of a longer number', () => {
    const count = (min: number) => new RegExp(`^${composedTerms({ seq: [{ count: min }] })[0]}$`);
    const matching = (min: number) => Array.from({ length: 1200 }, (_, n) => n).filter((n) => count(min).test(String(n)));
    for (const min of [1, 5, 9, 10, 37, 89, 90, 99]) expect(matching(min)).toEqual(Array.from({ length: 1000 - min }, (_, i) => min + i));
    const anniversary = new RegExp(composedTerms({ seq: [{ count: 5 }, '주년'], spacing: 'optional' })[0]!);
    expect(anniversary.test('체결 63주년')).toBe(true);
    expect(anniversary.test('체결 1주년')).toBe(false);
    expect(anniversary.test('2024주년')).toBe(false);
    expect(anniversary.test('x063주년')).toBe(false);
  });
  it('leaves plain words to the morphology rule', () => {
    expect(itemTerms('smlouva', { strip: ['a'], endings: 4 })).toEqual(['smlouv\\p{L}{0,4}']);
    expect(itemTerms({ seq: ['smlouva'] }, { strip: ['a'], endings: 4 })).toEqual(['smlouva']);
  });
});
