/**
 * The page gate: could this page's text hold a mention at all? It runs on every page before anything else
 * loads, so it only looks for literal strings in the page's text, read a few large pieces at a time.
 *
 * A mention is a treaty name, or a DPRK term and a treaty word or reference with a Russia term somewhere on the
 * page (matcher.ts, steps 3 and 6). matcher.ts (gateLiterals) derives from the pack's terms literals that every
 * match holds; its "treaty word" literals include the references, general agreement words and cues. So:
 * 1. "core": each piece is searched for the core literals (DPRK names and one clause of every treaty name);
 *    nearly every page ends here, shut.
 * 2. "rest": after a core literal, the rest may sit anywhere on the page, also in pieces already read, so
 *    feed() answers "rescan" and wants the whole page again. It opens once some treaty name has a literal
 *    of each of its clauses, or a DPRK, a Russia and a treaty-word literal have all been seen.
 * Sticky and order-free: the gate may open for a page whose words are far apart, never stay shut for a page
 * with a mention.
 */
import { INVISIBLE } from './invisible';

export interface GateLiterals {
  /** Every mention holds one of these. */
  core: string[];
  /** Per treaty name, its clauses: a match holds a literal of each. */
  names: string[][][];
  dprk: string[];
  russia: string[];
  agreement: string[];
  /** Length of the longest literal above (pieces overlap by one less; computed when the literals are). */
  longest: number;
}

export type GateAnswer = 'shut' | 'rescan' | 'open';

export interface Gate {
  /** Adds a piece of page text (a literal split between two pieces is the caller's to carry over). */
  feed(text: string): GateAnswer;
  readonly open: boolean;
}

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** Longest literal: pieces must overlap by this much less one so that no literal falls between two. */
export function longestLiteral(literals: Omit<GateLiterals, 'longest'>): number {
  return Math.max(...[literals.core, literals.dprk, literals.russia, literals.agreement, ...literals.names.flat()].flat().map((l) => l.length));
}

export function createGate(literals: GateLiterals): Gate {
  let phase: 'core' | 'rest' = 'core';
  let open = false;
  // Over lower-cased text (the normaliser's folding). The core literals, searched on every page, as one
  // alternation: one pass over the text instead of one String.includes each (0.4 against 0.6 ms for 40 KB,
  // first run). Only whether any matches counts, so the alternation's leftmost-first choice loses nothing.
  let core: RegExp | null = null;
  let unseen: string[] = [];
  const seen = new Set<string>();
  const any = (list: readonly string[]) => list.some((literal) => seen.has(literal));
  const decide = () =>
    literals.names.some((clauses) => clauses.every(any)) || (any(literals.dprk) && any(literals.russia) && any(literals.agreement));
  return {
    feed(text) {
      if (open) return 'open';
      let lower = text.toLowerCase();
      if (INVISIBLE.test(lower)) lower = lower.replace(INVISIBLE_ALL, '');
      if (phase === 'core') {
        core ??= new RegExp(literals.core.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
        if (literals.core.length === 0 || !core.test(lower)) return 'shut';
        phase = 'rest';
        unseen = [...new Set([...literals.dprk, ...literals.russia, ...literals.agreement, ...literals.names.flat(2)])];
        return 'rescan';
      }
      const before = unseen.length;
      unseen = unseen.filter((literal) => !(lower.includes(literal) && seen.add(literal)));
      if (unseen.length < before && decide()) open = true;
      return open ? 'open' : 'shut';
    },
    get open() {
      return open;
    },
  };
}

/** Feeds pieces of text in reading order, carrying the end of one into the next so no literal falls between. */
export class PieceReader {
  private carry = '';

  constructor(
    private readonly gate: Gate,
    /** Longest literal less one. */
    private readonly overlap: number,
    /** Longer pieces are not read here but handed to `tooLong` (to be read later, in windows). */
    private readonly maxPiece: number,
    private readonly tooLong?: () => void,
  ) {}

  feed(text: string): GateAnswer {
    if (text.length > this.maxPiece && this.tooLong) {
      this.tooLong();
      return 'shut';
    }
    const answer = this.gate.feed(this.carry + text);
    this.carry = this.overlap > 0 ? (text.length >= this.overlap ? text : this.carry + text).slice(-this.overlap) : '';
    return answer;
  }

  /** The next piece does not follow the last one in the text (another tree, another mutation). */
  restart(): void {
    this.carry = '';
  }
}
