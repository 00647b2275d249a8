/**
 * Known claims from the pack, recognised in sentences near a mention. A claim's `patterns` are groups of terms:
 * every term of a group must match in one sentence, and any group may. No DOM, no browser API.
 */
import type { Claim } from './pack-schema';
import { compileTermSource } from './framing';
import { pageSentences, sentencesAround } from './sentences';
import { cheapLetterClasses } from './matcher';

export interface ClaimMatch {
  claim: Claim;
  /** match(): the matched words in the sentence; matchInBlock(): the sentence in the block. */
  start: number;
  end: number;
}
export interface ClaimMatcher {
  match(sentence: string): ClaimMatch[];
  /** Sentences near a mention: its own sentence and one either side, within the block. */
  matchInBlock(blockText: string, focus: { start: number; end: number }): ClaimMatch[];
}

/** Sentences either side of the mention's sentence that are still "near" it. */
const NEIGHBOURS = 1;

export function compileClaims(claims: Claim[]): ClaimMatcher {
  const compiled = claims.map((claim) => ({
    claim,
    // Letter classes written out (cheaper to compile under "iu": this runs on a page's first card).
    groups: claim.patterns.map((group) => group.map((source) => new RegExp(cheapLetterClasses(compileTermSource(source)), 'iu'))),
  }));

  function match(sentence: string): ClaimMatch[] {
    const out: ClaimMatch[] = [];
    for (const { claim, groups } of compiled) {
      for (const group of groups) {
        let start = Infinity;
        let end = -1;
        const all = group.every((re) => {
          const m = re.exec(sentence);
          if (!m) return false;
          start = Math.min(start, m.index);
          end = Math.max(end, m.index + m[0].length);
          return true;
        });
        if (all) {
          out.push({ claim, start, end });
          break; // one hit per claim
        }
      }
    }
    return out;
  }

  function matchInBlock(blockText: string, focus: { start: number; end: number }): ClaimMatch[] {
    const sentences = pageSentences(blockText);
    const [first, last] = sentencesAround(sentences, focus);
    const seen = new Set<string>();
    const out: ClaimMatch[] = [];
    // The mention's own sentences first, then the neighbours, so a claim is tied to the closest sentence.
    const order: number[] = [];
    for (let i = first; i <= last; i++) order.push(i);
    for (let d = 1; d <= NEIGHBOURS; d++) order.push(first - d, last + d);
    for (const i of order) {
      const s = sentences[i];
      if (!s) continue;
      for (const hit of match(blockText.slice(s.start, s.end))) {
        if (seen.has(hit.claim.id)) continue;
        seen.add(hit.claim.id);
        out.push({ claim: hit.claim, start: s.start, end: s.end });
      }
    }
    return out;
  }

  return { match, matchInBlock };
}
