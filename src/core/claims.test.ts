import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileClaims } from './claims';
import { topicPackSchema, type Claim } from './pack-schema';

const claim = (id: string, verdict: Claim['verdict'], patterns: string[][]): Claim => ({
  id,
  claimReviewed: id,
  patterns,
  verdict,
  verdictLabel: verdict,
  explanation: `${id} explained`,
  sources: ['s1'],
  i18n: { ru: { claimReviewed: id, verdictLabel: verdict, explanation: 'ru' }, ko: { claimReviewed: id, verdictLabel: verdict, explanation: 'ko' } },
});
// Inline claims in the pack's format; the pack's own claims are checked below when it is present.
const claims: Claim[] = [
  claim('first-visit', 'accurate', [['first (?:visit|trip)', '(?:over|more than) (?:20|twenty) years|24 years']]),
  claim('forced-pact', 'misleading', [['forced', '(?:military|defen[cs]e) (?:pact|alliance|treaty)']]),
  claim('suspected-munitions', 'understated', [['suspect(?:ed|s)?', 'munitions|ammunition|artillery shells|weapons']]),
];
const matcher = compileClaims(claims);
const ids = (sentence: string) => matcher.match(sentence).map((m) => m.claim.id);

describe('compileClaims', () => {
  it('recognises each claim and its verdict', () => {
    expect(matcher.match('It was Putin’s first visit in over 20 years.').map((m) => m.claim.verdict)).toEqual(['accurate']);
    expect(matcher.match('The two nuclear-armed states forced a military pact.').map((m) => m.claim.verdict)).toEqual([
      'misleading',
    ]);
    expect(matcher.match('Meanwhile the US suspected munitions supply from Pyongyang.').map((m) => m.claim.verdict)).toEqual([
      'understated',
    ]);
  });

  it('needs every term of a group in the same sentence', () => {
    expect(ids('It was his first visit to the region.')).toEqual([]);
    expect(ids('The treaty was signed in Pyongyang on June 19.')).toEqual([]);
    expect(ids('Seoul forced the issue at the UN.')).toEqual([]);
  });

  it('reports where the claim’s words are', () => {
    const s = 'Kim and Putin forced a military pact in June.';
    const [m] = matcher.match(s);
    expect(s.slice(m!.start, m!.end)).toBe('forced a military pact');
  });

  it('matchInBlock looks at the mention’s sentence and its neighbours only', () => {
    const block =
      'Putin arrived before dawn. It was his first visit in over 20 years. The treaty was signed that day. ' +
      'It has 23 articles. Washington suspected munitions were already flowing.';
    const at = block.indexOf('The treaty');
    const hits = matcher.matchInBlock(block, { start: at, end: at + 10 });
    expect(hits.map((h) => h.claim.id)).toEqual(['first-visit']);
    expect(block.slice(hits[0]!.start, hits[0]!.end)).toBe('It was his first visit in over 20 years.');
    const far = block.indexOf('23 articles');
    expect(matcher.matchInBlock(block, { start: far, end: far + 11 }).map((h) => h.claim.id)).toEqual(['suspected-munitions']);
  });
});

const packFile = new URL('../dataset/treaty-2024.json', import.meta.url);
describe.skipIf(!existsSync(packFile))('with the bundled pack’s claims', () => {
  const pack = topicPackSchema.parse(JSON.parse(readFileSync(packFile, 'utf8')));
  const real = compileClaims(pack.claims);
  const verdicts = (s: string) => real.match(s).map((m) => m.claim.verdict);

  it('recognises the reviewed claims', () => {
    expect(verdicts('It was Putin’s first visit to North Korea in over 20 years.')).toContain('accurate');
    expect(verdicts('Last June the two countries forced a military pact.')).toContain('misleading');
    expect(verdicts('Meanwhile the US suspected North Korea of supplying munitions to Russia.')).toContain('understated');
  });

  it('stays quiet on unrelated sentences', () => {
    for (const s of [
      'The weather in Pyongyang was warm.',
      'Seoul hosted a trade fair for electric vehicles.',
      'The treaty contains 23 articles.',
    ])
      expect(real.match(s), s).toEqual([]);
  });
});
