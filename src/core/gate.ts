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

/**
 * The gate's literals as content.js carries them (build.mjs derives them from the compiled pack): the core
 * search as a ready pattern, and the rest as JSON, parsed only on a page where a core literal was seen.
 */
export interface PackedGate {
  /** corePattern(literals.core). */
  core: string;
  /** JSON of the literals a page needs once a core literal is seen (names, dprk, russia, agreement). */
  rest: string;
  /** Longest literal less one: how much consecutive pieces overlap. */
  overlap: number;
}

export function packGate(literals: GateLiterals): PackedGate {
  const { names, dprk, russia, agreement } = literals;
  return { core: corePattern(literals.core), rest: JSON.stringify({ names, dprk, russia, agreement }), overlap: literals.longest - 1 };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * One regular expression (no flags) that matches a text exactly when one of `literals` occurs in it, shaped as
 * a tree of shared beginnings ("p(?:yongyang|jöngjang)" rather than "pyongyang|pjöngjang"): on lower-cased
 * prose, where most letters begin some literal, each position costs one test of the next character instead
 * of one per literal. Built on UTF-16 code units, as a pattern without the u flag reads them. A literal that
 * another one begins with is enough on its own. No literal: a pattern that never matches.
 */
export function corePattern(literals: readonly string[]): string {
  type Node = Map<string, Node | null>; // null: a literal ends here
  const root: Node = new Map();
  for (const literal of literals) {
    if (literal === '') return '';
    let node = root;
    for (let i = 0; i < literal.length; i++) {
      const unit = literal[i]!;
      if (i === literal.length - 1) {
        node.set(unit, null);
        break;
      }
      let next = node.get(unit);
      if (next === null) break; // a shorter literal already ends here
      if (next === undefined) node.set(unit, (next = new Map()));
      node = next;
    }
  }
  const source = (node: Node): string => {
    const single: string[] = [];
    const longer: string[] = [];
    for (const [unit, next] of [...node].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (next === null) single.push(escapeRegExp(unit));
      else longer.push(escapeRegExp(unit) + source(next));
    }
    const alternatives = [...longer, ...(single.length > 1 ? [`[${single.join('')}]`] : single)];
    return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
  };
  return root.size === 0 ? '[^\\s\\S]' : source(root);
}

/** The literals a page needs only once a core literal was seen (PackedGate.rest). */
type RestLiterals = Pick<GateLiterals, 'names' | 'dprk' | 'russia' | 'agreement'>;

export function createGate(packed: PackedGate): Gate {
  let phase: 'core' | 'rest' = 'core';
  let open = false;
  // Over lower-cased text (the normaliser's folding). The core literals, searched on every page, as one
  // pattern: one pass over the text instead of one String.includes each. Only whether any matches counts.
  let core: RegExp | null = null;
  let rest: RestLiterals | null = null;
  let unseen: string[] = [];
  const seen = new Set<string>();
  const any = (list: readonly string[]) => list.some((literal) => seen.has(literal));
  const decide = (l: RestLiterals) => l.names.some((clauses) => clauses.every(any)) || (any(l.dprk) && any(l.russia) && any(l.agreement));
  return {
    feed(text) {
      if (open) return 'open';
      let lower = text.toLowerCase();
      if (INVISIBLE.test(lower)) lower = lower.replace(INVISIBLE_ALL, '');
      if (phase === 'core') {
        core ??= new RegExp(packed.core);
        if (!core.test(lower)) return 'shut';
        phase = 'rest';
        rest = JSON.parse(packed.rest) as RestLiterals;
        unseen = [...new Set([...rest.dprk, ...rest.russia, ...rest.agreement, ...rest.names.flat(2)])];
        return 'rescan';
      }
      const before = unseen.length;
      unseen = unseen.filter((literal) => !(lower.includes(literal) && seen.add(literal)));
      if (unseen.length < before && decide(rest!)) open = true;
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
