/**
 * Finds mentions of the pack's topic in text, driven only by the pack's `names` (no DOM).
 *
 * Pipeline for one block (a paragraph-like unit):
 * 1. normalise (text-normalize.ts): lower case, one kind of space/dash/slash/quote, invisible chars dropped,
 *    with an offset map back to the block text. Terms therefore see plain text, and a space inside a term is
 *    compiled to "one or more of space, '-' or '/'" (so "north korea" also matches "North‑Korea", "North/Korea").
 *    Terms that start with a Latin, Cyrillic or Greek letter get letter/digit lookarounds at both ends (write
 *    inflections explicitly: "договор\p{L}*"); Hangul, kana and Han terms get none (no word boundaries there,
 *    and Korean particles attach to nouns).
 * 2. sentences (sentences.ts, Intl.Segmenter on the original text).
 * 3. per sentence, candidates:
 *    - name: a `treaty` term match (confidence 0.95);
 *    - co-occurrence: for each `agreement` match, the nearest `russia` match and the nearest `dprk` match in the
 *      same sentence, all within a window (140 chars; 70 for Korean; 50 for Chinese/Japanese). Confidence
 *      0.9 for a tight group, less with distance, clause breaks and contrast words ("while", "whereas"); below
 *      0.6 it is dropped. The underlined range is the whole group, first to last of the three, when it is
 *      short (≤ 90 chars, ≤ 35 in CJK) — "Russia and North Korea signed a mutual defence pact" — else only the
 *      agreement phrase, so a long sentence is not underlined end to end;
 *    - reference: a `references` match (confidence 0.5), kept only when the document already has a confident
 *      mention EARLIER in reading order (an earlier block, or earlier in the same block).
 * 4. exclusions: an exclusion term "attaches" to a candidate when it lies inside its range, or within a short
 *    distance before it, or shortly after it without a clause break in between ("the 1961 treaty",
 *    "a treaty signed in 1961", "signed a pact with Iran"). An attached exclusion drops the candidate: the
 *    sentence is about the look-alike. Exclusions further away in the sentence do not
 *    ("…signed a defence pact, which some compare with the 1961 treaty" keeps its pact). An anniversary count of
 *    five or more ("the 63rd anniversary of the treaty", "조약 체결 63돌") is such an exclusion: an earlier treaty.
 * 5. topic: a look-alike sentence makes the look-alike the topic for the rest of its block and the next
 *    block; meanwhile anaphoric candidates ("The treaty obliged Moscow to aid Pyongyang", "the pact", bare
 *    "договор") belong to it and are dropped, unless they say "new" or say who signed them ("Russia signed a
 *    partnership with North Korea"). A mention that names its treaty makes
 *    the target the topic again.
 * 6. document (findInDocument only), as a reader works: the whole page first (pageEvidence): each side's
 *    names, the treaty's cues, years of its time, look-alike sentences (a sentence where an exclusion attaches
 *    to a treaty word and that names either side; those about an earlier treaty of the same sides counted
 *    apart), names of another partner of Russia's. From these, the page's topic (pageTopic):
 *    - treaty: references and bare treaty words ("smlouva", "the document") count anywhere, the headline too;
 *    - local: mentions on their own words, references after the first confident one (as before);
 *    - lookalike: only mentions that name both sides in their own words (a passing comparison on a page
 *      about the Iran treaty);
 *    - none: nothing found, or a page about an earlier treaty or another partner's.
 *    A treaty word right beside the DPRK side ("l'accord avec la RPDC") counts when Russia is named anywhere
 *    on the page (pairs); a general word for an agreement ("agreement", "соглашение", "협정") only so, or on a
 *    page about the treaty, never by sharing a sentence with both sides.
 *    A treaty word in general use is none of these: a `general` word holding it or just before it ("any treaty",
 *    "법률문서", "各种条约"), third countries within two words of it ("Verträge mit Drittstaaten"), or another
 *    year attached to its group or name ("the treaty Russia and North Korea signed in 2000").
 *    On a page about the treaty, the signing told as an event counts too, in a sentence with no treaty word
 *    ("signed their alliance in Pyongyang last summer", "the summit where Putin and Kim Jong Un signed it"; eventsOf):
 *    beside both sides, the DPRK side or the time of the signing, and no other year in the sentence.
 * The names come from the pack, with the lexicon's plain words folded in (lexicon.ts).
 */
import type { MatchNames, PackNames, TermsByLanguage } from './pack-schema';
import { INVISIBLE } from './invisible';
import { normalizeText, toOriginalRange, type Normalized } from './text-normalize';
import { guessLocale, segmentSentences } from './sentences';
import { longestLiteral, type GateLiterals } from './gate';
import { expandNames } from './lexicon';
import { LEXICON_GROUPS, type LexiconGroup } from './lexicon-groups';

export type MentionKind = 'name' | 'co-occurrence' | 'reference';

/**
 * Why a mention counts (scan --explain): a treaty name; both sides and a treaty word in one sentence; a treaty
 * word beside the DPRK side with Russia named elsewhere on the page; a reference ("the pact", "Article 4");
 * a bare treaty word on a page about the treaty.
 */
export type MentionBasis = 'name' | 'both-sides' | 'beside-dprk' | 'two-countries' | 'reference' | 'treaty-word' | 'event';

/** Offsets into the block text given. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  confidence: number;
  basis?: MentionBasis;
}

export interface Matcher {
  /** Very cheap test on one text node's data / one string: could it be (part of) a mention? Most pages: false everywhere. */
  mayContain(text: string): boolean;
  /** Mentions in one block of text (a paragraph-like unit); no document-level look-alike rule. */
  findInBlock(text: string, documentHasMention: boolean): Mention[];
  /**
   * Prepares up to `batch` more of the name patterns (they are prepared on first use otherwise); true once all
   * are ready. Lets a sliced scan spread the one-time cost of its first candidate over several tasks.
   */
  warm(batch: number): boolean;
  /** Where in a (huge) text the core prefilter fires, at most `limit` offsets: the places worth analysing. */
  hotspots(text: string, limit: number): number[];
  /**
   * Whole document: blocks in reading order. References count only after a confident mention earlier in
   * reading order; the document-level look-alike rule applies.
   */
  findInDocument(blocks: readonly string[]): { block: number; mention: Mention }[];
  /** What the document level decided about these blocks, and from what (scan --explain). */
  explainDocument(blocks: readonly string[]): PageEvidence;
}

/** A mention counts as confident (enables references) from this confidence on. */
export const CONFIDENT = 0.7;
const NAME_CONFIDENCE = 0.95;
const REFERENCE_CONFIDENCE = 0.5;
const PAIR_CONFIDENCE = 0.8;
/** Both sides named before a verb of signing whose object is the treaty term: as sure as a pair. */
const SIGNED_CONFIDENCE = 0.8;
const MIN_COOCCURRENCE = 0.6;

/** What a space in a term stands for, once the text is normalised. */
const SEP = '(?:[ \\-/]+)';

/**
 * Letters of the Latin, Greek and Cyrillic scripts and digits, as explicit ranges. Unicode property classes
 * (\p{Script=Latin}…) made every term's regex enormous under the "iu" flags: compiling and running ~300 of
 * them cost hundreds of milliseconds per page in V8.
 */
const ALPHABETIC_RANGES = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02AF\\u0370-\\u03FF\\u0400-\\u052F\\u1C80-\\u1C8F\\u1E00-\\u1FFF\\u2DE0-\\u2DFF\\uA640-\\uA69F\\u0620-\\u065F\\u066E-\\u06D3\\u06FA-\\u06FF';
const WORD_CHAR = `[${ALPHABETIC_RANGES}0-9_]`;
/** Letters of the scripts the pack writes terms in (alphabetic, Hangul, kana, CJK ideographs). */
export const LETTER_RANGES = `${ALPHABETIC_RANGES}\\u1100-\\u11FF\\u3040-\\u30FF\\u3130-\\u318F\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF`;

/**
 * The pack's terms say \p{L} and \p{N}; the same ranges written out are far cheaper for V8 to compile and
 * run (see ALPHABETIC_RANGES). Other property classes are left as written.
 */
/** Lower-cases a term's literal letters, leaving escapes (\\S, \\W, \\p{…}, \\u{…}) as they are. */
export function lowerLiterals(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch !== '\\') {
      out += ch.toLowerCase();
      continue;
    }
    const next = source[i + 1] ?? '';
    if ('pPuk'.includes(next) && source[i + 2] === '{') {
      const close = source.indexOf('}', i);
      out += source.slice(i, close + 1);
      i = close;
    } else {
      out += ch + next;
      i++;
    }
  }
  return out;
}

export function cheapLetterClasses(source: string): string {
  const expansions = new Map([
    ['\\p{L}', LETTER_RANGES],
    ['\\p{N}', '0-9'],
  ]);
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const expansion = expansions.get(source.slice(i, i + 5));
    if (expansion !== undefined) {
      out += inClass ? expansion : `[${expansion}]`;
      i += 4;
    } else if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
    } else {
      if (inClass && ch === ']') inClass = false;
      else if (!inClass && ch === '[') inClass = true;
      out += ch;
    }
  }
  return out;
}
const ALPHABETIC = new RegExp(`[${ALPHABETIC_RANGES}]`);

/** Rewrites a term's spaces (outside character classes, unescaped) to `sep`. */
export function expandSpaces(source: string, sep = SEP): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ' ') {
      out += sep;
    } else out += ch;
  }
  return out;
}

/** The first letter a term literally contains (escapes and classes skipped). */
function firstLiteralLetter(source: string): string | undefined {
  const plain = source.replace(/\\[pPuk]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\.|\[(?:[^\]\\]|\\.)*\]|\(\?<?[=!](?:[^()\\]|\\.)*\)/g, ' ');
  return /\p{L}/u.exec(plain)?.[0];
}

/**
 * A set of literal strings at least one of which every match of a regular-expression source contains, or
 * null when none can be found (e.g. everything is optional or a class). Built from a small parse: in a
 * sequence, any one mandatory run or group will do (the longest is chosen); an alternative needs one per
 * branch; optional parts (?, *, {0,…}) and lookarounds contribute nothing. Strings shorter than
 * `minLength` code points are not used. Lower case. Sets made only of `prefer` strings win (the
 * prefilter then needs fewer distinct literals).
 */
export function requiredLiterals(source: string, minLength: number, prefer?: ReadonlySet<string>): string[] | null {
  return parseRequired(source, minLength, prefer, null);
}

/**
 * Like requiredLiterals, but every mandatory part of the term's outer sequence gives its own clause: each
 * match contains a literal of every clause ("russia … korea … pact" needs all three words, not just one).
 */
export function requiredClauses(source: string, minLength: number, prefer?: ReadonlySet<string>): string[][] | null {
  const clauses: string[][] = [];
  const single = parseRequired(source, minLength, prefer, clauses);
  if (!single) return null;
  return clauses.length > 0 ? clauses : [single];
}

function parseRequired(source: string, minLength: number, prefer: ReadonlySet<string> | undefined, clauses: string[][] | null): string[] | null {
  let i = 0;
  let depth = 0;
  let topBranches = 1;
  const note = (literals: string[] | null) => {
    if (clauses && depth === 0 && literals && literals.length > 0) clauses.push(literals);
  };
  const isOptional = () => {
    const q = source[i];
    if (q === '?' || q === '*') return true;
    return q === '{' && /^\{0[,}]/.test(source.slice(i));
  };
  const skipQuantifier = () => {
    const q = source[i];
    if (q === '?' || q === '*' || q === '+') i++;
    else if (q === '{') {
      const close = source.indexOf('}', i);
      i = close < 0 ? source.length : close + 1;
    } else return;
    if (source[i] === '?') i++; // lazy
  };
  const better = (a: string[] | null, b: string[] | null): string[] | null => {
    if (!a) return b;
    if (!b) return a;
    if (prefer) {
      const pa = a.every((x) => prefer.has(x));
      const pb = b.every((x) => prefer.has(x));
      if (pa !== pb) return pa ? a : b;
    }
    const la = Math.min(...a.map((x) => [...x].length));
    const lb = Math.min(...b.map((x) => [...x].length));
    return lb > la || (lb === la && b.length < a.length) ? b : a;
  };
  const parseAlt = (): string[] | null => {
    const branches: (string[] | null)[] = [parseSeq()];
    while (source[i] === '|') {
      i++;
      if (depth === 0) topBranches++;
      branches.push(parseSeq());
    }
    if (branches.some((b) => b === null)) return null;
    return [...new Set(branches.flat() as string[])];
  };
  const parseSeq = (): string[] | null => {
    let best: string[] | null = null;
    let run = '';
    const endRun = () => {
      if ([...run].length >= minLength) {
        best = better(best, [run.toLowerCase()]);
        note([run.toLowerCase()]);
      }
      run = '';
    };
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const ch = source[i]!;
      if (ch === '(') {
        endRun();
        i++;
        let look = false;
        if (source[i] === '?') {
          if (source[i + 1] === ':') i += 2;
          else if (source[i + 1] === '=' || source[i + 1] === '!') {
            look = true;
            i += 2;
          } else if (source[i + 1] === '<' && (source[i + 2] === '=' || source[i + 2] === '!')) {
            look = true;
            i += 3;
          } else if (source[i + 1] === '<') i = source.indexOf('>', i) + 1;
        }
        depth++;
        const inner = parseAlt();
        depth--;
        i++; // ')'
        const optional = isOptional();
        skipQuantifier();
        if (!look && !optional) {
          best = better(best, inner);
          note(inner);
        }
        continue;
      }
      if (ch === '\\') {
        endRun();
        const next = source[i + 1];
        if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && source[i + 2] === '{') i = source.indexOf('}', i) + 1;
        else if (next === 'u') i += 6;
        else if (next === 'x') i += 4;
        else i += 2;
        skipQuantifier();
        continue;
      }
      if (ch === '[') {
        endRun();
        for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
        i++;
        skipQuantifier();
        continue;
      }
      i++;
      const optional = isOptional();
      const quantified = i < source.length && '?*+{'.includes(source[i]!);
      skipQuantifier();
      if (!/\p{L}/u.test(ch) || optional) {
        endRun();
        continue;
      }
      run += ch;
      if (quantified) endRun(); // "a+" still holds "a", but the run cannot go on past it
    }
    endRun();
    return best;
  };
  const result = parseAlt();
  // Clauses from different top-level branches are alternatives, not all needed: one clause then.
  if (clauses && topBranches > 1) clauses.length = 0;
  return result && result.length > 0 ? result : null;
}

interface Term {
  source: string;
  cjk: boolean;
  /** One of these (lower-case) occurs in every match: a term whose literals are absent is not run. */
  literals: string[] | null;
  /** Compiled on first use: most terms never meet text that holds their literals. */
  compiled: RegExp | null;
}

/** What a term needs before its pattern is compiled: computed by the build too (termTable), as the same data. */
function termInfo(source: string): [cjk: boolean, literals: string[] | null] {
  const letter = firstLiteralLetter(source) ?? '';
  return [!ALPHABETIC.test(letter), requiredLiterals(lowerLiterals(source), 1)];
}

function compileTerm(source: string, info: [boolean, string[] | null] = termInfo(source)): Term {
  return { source, cjk: info[0], literals: info[1], compiled: null };
}

/** Every term's group order as compileMatcher queues them: the lexicon's groups (LEXICON_GROUPS), then each look-alike's. */
function termQueue(names: MatchNames): string[][] {
  return [...LEXICON_GROUPS.map((g) => allTerms(names[g])), ...names.exclusions.map((e) => allTerms(e.terms))];
}

/** termInfo for every term, in compileMatcher's order: shipped by the build so pages skip the parsing. */
export function termTable(input: PackNames | MatchNames): [boolean, string[] | null][] {
  const names = expandNames(input);
  return termQueue(names).flat().map(termInfo);
}

function regexOf(term: Term): RegExp {
  if (term.compiled) return term.compiled;
  const body = expandSpaces(cheapLetterClasses(lowerLiterals(term.source)));
  // Boundaries only against alphabetic letters and digits: "NATO加盟" and "КНДР-Россия" still match.
  const wrapped = term.cjk ? `(?:${body})` : `(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})`;
  // No "i": page text is lower-cased by normalizeText and so are the terms' literals. Case-insensitive
  // Unicode matching made V8 build case-folding closures for every letter range of every term.
  term.compiled = new RegExp(wrapped, 'gu');
  return term.compiled;
}

function allTerms(byLang: TermsByLanguage | undefined): string[] {
  if (!byLang) return [];
  return Object.values(byLang).flatMap((t) => t ?? []);
}

type Reach = readonly [before: number, after: number];

interface Hit {
  start: number;
  end: number;
}
interface ExclusionHit extends Hit {
  id: string;
  earlier: boolean;
  partner: boolean;
  anniversary: boolean;
}

/** All matches of all terms, overlaps resolved leftmost-longest. */
/** Nothing but spaces and quotation marks: "questo “trattato", "this treaty". */
const QUOTES_OR_SPACE = /^[\s"'“”„«»‘’‚‹›「」『』]*$/u;

/** The hit starts a word (Hangul and alphabetic terms match without boundaries only in kana and ideographs). */
function startsWord(text: string, h: Hit): boolean {
  return h.start === 0 || !/[\p{L}\p{N}]/u.test(text[h.start - 1]!) || /[\u3040-\u30FF\u3400-\u9FFF]/u.test(text[h.start]!);
}

function findHits(terms: readonly Term[], text: string): Hit[] {
  const raw: Hit[] = [];
  for (const t of terms) {
    if (t.literals && !t.literals.some((literal) => text.includes(literal))) continue;
    const re = regexOf(t);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      raw.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return resolveOverlaps(raw);
}

function resolveOverlaps<T extends Hit>(hits: T[]): T[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.end - h.start > last.end - last.start && h.start === last.start) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

function overlaps(a: Hit, b: Hit): boolean {
  return a.start < b.end && b.start < a.end;
}

function gap(a: Hit, b: Hit): number {
  if (overlaps(a, b)) return 0;
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

// Between a treaty word and a following exclusion: a clause break means the exclusion qualifies something else.
const CLAUSE_BREAK = /[,;:()"]| - |\bwhich\b|\bwho\b|\bbut\b|\band\b|который|которая|которое|но |、|。|，|；/u;
const SOFT_BREAK = /[;:()]| - |—/gu;
const COMMA = /[,，、]/gu;
const CONTRAST = /(?<![\p{L}])(?:while|whereas|meanwhile|although|though|but|unlike|instead|в то время как|тогда как|однако|но|а|반면|하지만|그러나|一方|しかし|而|但|然而)(?![\p{L}])/iu;

// "The new treaty" contrasts with an old one just mentioned: it does not continue a look-alike topic.
const NEW = /(?<![\p{L}])(?:new|nouveau|nouvel|nuevo|neue[nmrs]?|нов\p{L}*)(?![\p{L}])|새|신(?=조약)|新/u;

interface Candidate extends Hit {
  kind: MentionKind;
  basis: MentionBasis;
  confidence: number;
  /** The part that names the agreement (for exclusion attachment). */
  anchor: Hit;
  /** Its treaty word is a bare reference ("the treaty", "договор"): it continues the current topic. */
  anaphoric: boolean;
}

interface SentenceAnalysis extends Hit {
  candidates: Candidate[];
  /**
   * Treaty words and references that count only on a page about the treaty (document level): bare "smlouva",
   * "the document", a generic name. No look-alike attached to them.
   */
  loose: Candidate[];
  /** A treaty word next to the DPRK side alone: a mention when the page names Russia elsewhere. */
  pairs: Candidate[];
  /** A treaty word next to "the two countries": a mention when the page names both sides elsewhere. */
  twoCountries: Candidate[];
  /** An exclusion attached to a treaty word in a sentence that names either side. */
  lookalike: boolean;
  /** …and that exclusion is an earlier treaty of the same two sides. */
  earlier: boolean;
  /** It says something replaces something ("…replaces the 2000 treaty"). */
  replacing: boolean;
  /** Some exclusion and some side named (e.g. "the Soviet Union promised to aid Pyongyang"). */
  exclusionContext: boolean;
  /** The DPRK side named in the sentence. */
  dprkNamed: boolean;
  /** A treaty word of the sentence has a word that points back beside it ("this treaty", "hiệp ước này"). */
  pointedBack: boolean;
}

interface Settled {
  kept: Candidate[];
  /** About an earlier treaty of the same two sides (for the document-level balance). */
  earlier: boolean;
  /** The sentence's loose candidates that survive the topic (used on a page about the treaty). */
  loose: Candidate[];
  /** About a look-alike (for the document-level balance). */
  lookalike: boolean;
  /** The DPRK side named in the sentence. */
  dprkNamed: boolean;
  pointedBack: boolean;
}

interface BlockAnalysis {
  norm: Normalized;
  sentences: SentenceAnalysis[];
  /** Page evidence from this block: hits of each side and of the topic cues. */
  evidence: { russia: number; dprk: number; cues: number; modern: number; partner: number };
}

/** The compiled terms: one list per lexicon group (a new group needs no change here), and the look-alikes'. */
type Prepared = Record<LexiconGroup, Term[]> & { exclusions: { id: string; earlier: boolean; partner: boolean; anniversary: boolean; terms: Term[] }[] };

export interface CompileOptions {
  /** Maximum co-occurrence group length in normalised chars for alphabetic text. */
  window?: number;
  /** Prefilter sources computed ahead of time (build.mjs), to spare the content script the work. */
  prefilter?: { core: string; all: string };
  /** termTable(names), computed ahead of time (build.mjs); ignored when it does not fit the names. */
  termTable?: [boolean, string[] | null][];
}

/** The per-node prefilters as regex sources (flag "i"): cheap to build at build time and ship. */
export function prefilterSources(input: PackNames | MatchNames): { core: string; all: string } {
  const names = expandNames(input);
  // DPRK-side terms first: names then reuse their literals where they contain one. "all" holds the treaty
  // words too: a page about the treaty counts its bare treaty words (document level), wherever they stand.
  return {
    core: buildPrefilter([allTerms(names.dprk), allTerms(names.treaty)]),
    all: buildPrefilter([allTerms(names.dprk), allTerms(names.treaty), allTerms(names.references), allTerms(names.agreement), allTerms(names.generic)]),
  };
}

export function compileMatcher(input: PackNames | MatchNames, options: CompileOptions = {}): Matcher {
  const names = expandNames(input);
  const window = options.window ?? 140;
  // The terms are prepared on the first candidate block: on most pages there is none.
  // Prepared a batch at a time (warm), so a scan can spread the work over its slices.
  const groups = termQueue(names);
  const queue = groups.flat();
  const table = options.termTable && options.termTable.length === queue.length ? options.termTable : undefined;
  const built: Term[] = [];
  let compiled: Prepared | null = null;
  function warm(batch: number): boolean {
    if (compiled) return true;
    const stop = Math.min(queue.length, built.length + batch);
    while (built.length < stop) built.push(compileTerm(queue[built.length]!, table?.[built.length]));
    if (built.length < queue.length) return false;
    let at = 0;
    const take = (n: number) => built.slice(at, (at += n));
    const byGroup = Object.fromEntries(LEXICON_GROUPS.map((g, i) => [g, take(groups[i]!.length)])) as Record<LexiconGroup, Term[]>;
    const exclusions = names.exclusions.map((e, i) => ({ id: e.id, earlier: e.earlier === true, partner: e.partner === true, anniversary: e.anniversary === true, terms: take(groups[LEXICON_GROUPS.length + i]!.length) }));
    compiled = { ...byGroup, exclusions };
    return true;
  }
  const terms = (): Prepared => {
    warm(Infinity);
    return compiled!;
  };

  const sources = options.prefilter ?? prefilterSources(names);
  // Without the "u" flag: all literals are in the BMP, and V8's case-insensitive matching is faster.
  const anchorCore = new RegExp(sources.core, 'i');
  const anchorAll = new RegExp(sources.all, 'i');
  // Invisible characters tested apart: as a branch of the alternation, a one-character class that can match
  // anywhere, they made the whole prefilter 1.6 times slower (86 against 53 ms over 7 MB in V8).
  const anchored = (re: RegExp, text: string) => re.test(text) || INVISIBLE.test(text);

  // attach: how far [before, after] an exclusion qualifies a treaty word (see header, step 4).
  // named: the longest group that names both sides itself, so that its treaty word is no bare reference.
  function windowFor(locale: string): { max: number; tight: number; whole: number; named: number; attach: Reach; nameAttach: Reach } {
    if (locale === 'zh' || locale === 'ja') return { max: 50, tight: 16, whole: 35, named: 30, attach: [10, 8], nameAttach: [4, 4] };
    if (locale === 'ko') return { max: 70, tight: 22, whole: 45, named: 36, attach: [14, 10], nameAttach: [6, 6] };
    return { max: window, tight: 40, whole: 90, named: 40, attach: [25, 20], nameAttach: [14, 14] };
  }

  /** Does exclusion `x` qualify the candidate range `c` (see the header, step 4)? */
  function attaches(text: string, x: Hit & { anniversary?: boolean }, c: Hit, [before, after]: Reach): boolean {
    if (overlaps(x, c)) return true;
    if (x.end <= c.start) {
      const between = text.slice(x.end, c.start);
      // An anniversary is the treaty's own only within its clause ("on the 80th anniversary of Victory, the treaty…").
      return c.start - x.end <= before && !/[;:()]| - /.test(between) && !(x.anniversary && /[,，、]/.test(between));
    }
    const between = text.slice(c.end, x.start);
    return x.start - c.end <= after && !CLAUSE_BREAK.test(between);
  }

  function analyzeBlock(original: string): BlockAnalysis {
    const norm = normalizeText(original);
    const text = norm.text;
    const locale = guessLocale(text);
    const w = windowFor(locale);
    // Segment a case-preserving copy (ICU uses case to find sentence ends) with line breaks as spaces.
    const flat = original.replace(/[\n\r\u2028\u2029\u0085\v\f]/g, ' ');
    const spans = segmentSentences(flat).map(([s, e]) => toNormSpan(norm, s, e));

    const { treaty, russia, dprk, agreement, references, exclusions, cues, fresh, replaces, generic, signing, withParty, pointing, pointingAfter, general, about, third, summit, bond, when, venue, both } = terms();
    const nameHits = findHits(treaty, text);
    const ruHits = findHits(russia, text);
    const kpHits = findHits(dprk, text);
    const agHits = findHits(agreement, text);
    const refHits = findHits(references, text);
    const exHits: ExclusionHit[] = [];
    let partner = 0;
    for (const ex of exclusions) {
      for (const h of findHits(ex.terms, text)) {
        exHits.push({ ...h, id: ex.id, earlier: ex.earlier, partner: ex.partner, anniversary: ex.anniversary });
        if (ex.partner) partner++;
      }
    }
    const cueHits = findHits(cues, text);
    const genericHits = findHits(generic, text);
    const freshHits = findHits(fresh, text);
    const replaceHits = findHits(replaces, text);
    // The signing told as an event ("signed their alliance in Pyongyang", "the summit where … signed"):
    // looked for only in a block with a word for the meeting or for what was sealed there.
    const summitHits = findHits(summit, text);
    const bondHits = findHits(bond, text);
    const eventish = summitHits.length + bondHits.length > 0;
    // Verbs of signing matter only beside the DPRK side, or in such an event.
    const signHits = kpHits.length > 0 || eventish ? findHits(signing, text) : [];
    const whenHits = summitHits.length > 0 ? findHits(when, text) : [];
    const venueHits = eventish ? findHits(venue, text) : [];
    const withHits = kpHits.length > 0 ? findHits(withParty, text) : [];
    // Words that point back ("this", "questo", "이"), beside a treaty word: looked for only in a block that has one.
    const treatyish = nameHits.length + agHits.length + refHits.length + genericHits.length > 0;
    const pointHits = treatyish ? findHits(pointing, text).filter((h) => startsWord(text, h)) : [];
    const pointAfterHits = treatyish ? findHits(pointingAfter, text).filter((h) => startsWord(text, h)) : [];
    // Words that make a treaty word beside them any agreement ("any treaty", "법률문서"), and third countries.
    const generalHits = treatyish ? findHits(general, text).filter((h) => startsWord(text, h)) : [];
    const thirdHits = treatyish ? findHits(third, text) : [];
    const bothHits = agHits.length > 0 ? findHits(both, text) : [];
    const aboutHits = genericHits.length > 0 ? findHits(about, text).filter((h) => startsWord(text, h)) : [];
    const cjk = locale === 'zh' || locale === 'ja' || locale === 'ko';
    // With the verb last (Korean, Japanese: "이 문서는 2000년 조약을 대체한다") the earlier treaty stands between a
    // reference and the verb: it qualifies neither the reference nor a bare treaty word, only a group.
    const verbLast = locale === 'ko' || locale === 'ja';
    // "New" right before a treaty word, or inside it: the treaty of this page, not a reference back.
    const isNew = (h: Hit) => NEW.test(text.slice(h.start, h.end)) || freshHits.some((f) => f.end <= h.end && f.end >= h.start - 3 && f.start >= h.start - 16);

    const sentences: SentenceAnalysis[] = [];
    for (const [s0, s1] of spans) {
      const inS = <T extends Hit>(hs: T[]) => hs.filter((h) => h.start >= s0 && h.end <= s1);
      const names_ = inS(nameHits);
      const ru = inS(ruHits);
      const kp = inS(kpHits);
      const ag = inS(agHits);
      // Treaty words and general agreement words: those that may stand for the treaty beside the DPRK side or on
      // a page about it (pairs, loose), not in a sentence with both sides alone (co-occurrence: ag only).
      const words = [...ag, ...inS(genericHits).filter((g) => !ag.some((a) => overlaps(a, g)))].sort((x, y) => x.start - y.start);
      const refs = inS(refHits);
      // "X replaces the 2000 treaty": the earlier treaty after the verb does not qualify the treaty word before it.
      const rp = inS(replaceHits);
      const ex = inS(exHits);
      const signVerbs = inS(signHits);
      const withs = inS(withHits);
      // Another partner listed beside the DPRK side ("with Pyongyang and Minsk", "con la Corea del Nord e con Minsk") is
      // a sibling, not a qualifier.
      const sibling = (x: ExclusionHit) => x.partner && kp.some((k) => (k.end <= x.start && x.start - k.end <= 8) || (x.end <= k.start && k.start - x.end <= 8));
      const replacedAfter = (c: Hit, x: Hit) => verbLast && x.start >= c.end && rp.some((r) => r.start >= x.end);
      const attachedTo = (c: Hit, reach: Reach, alone = false) =>
        ex.some((x) => attaches(text, x, c, reach) && !sibling(x) && !rp.some((r) => r.start >= c.end && r.end <= x.start) && !(alone && replacedAfter(c, x)));
      // Nor does that treaty's year date them ("이번 문서는 2000년 조약을 대체한다").
      const yearAttached = (h: Hit) => otherYearAttached(text, h, w.attach, { start: s0, end: s1 }, (year) => replacedAfter(h, year));
      const gen = inS(generalHits);
      const thr = inS(thirdHits);
      // Any agreement, not this one: a general word holding the treaty word or just before it, or third countries
      // within two words of it ("treaties with third states").
      const generalUse = (h: Hit) =>
        gen.some((g) => overlaps(g, h) || (g.end <= h.start && beside(text.slice(g.end, h.start), cjk ? 2 : 1, cjk))) ||
        thr.some((g) => (g.end <= h.start && beside(text.slice(g.end, h.start), cjk ? 3 : 2, cjk)) || (h.end <= g.start && beside(text.slice(h.end, g.start), cjk ? 3 : 2, cjk)));
      // A general agreement word with a subject of its own right after it ("соглашение о строительстве моста"):
      // another agreement. The treaty's own subjects are longer agreement terms, which took the word first.
      const abt = inS(aboutHits);
      const otherSubject = (h: Hit) => !ag.includes(h) && abt.some((g) => g.start >= h.end && beside(text.slice(h.end, g.start), cjk ? 2 : 1, cjk));
      const candidates: Candidate[] = [];
      const years = [...text.slice(s0, s1).matchAll(YEAR)].map((m) => m[1]!);
      const datedNow = years.length > 0 && years.every(isTreatyYear);

      // Groups that name another year's treaty ("the treaty Russia and North Korea signed in 2000"): no word of theirs is this one.
      const otherYear: Hit[] = [];
      const yearOf = (h: Hit, reach: Reach) => otherYearAttached(text, h, reach, { start: s0, end: s1 }) && otherYear.push(h) > 0;
      // A group around treaty word `a` that is another treaty: a look-alike or another year attached, or any agreement.
      const otherTreaty = (group: Hit, a: Hit) => attachedTo(group, w.attach) || yearAttached(a) || yearOf(group, w.attach) || generalUse(a);
      for (const n of names_) {
        if (attachedTo(n, w.nameAttach) || yearOf(n, [w.nameAttach[0] + 4, w.nameAttach[1]])) continue;
        candidates.push({ ...n, kind: 'name', confidence: NAME_CONFIDENCE, anchor: n, anaphoric: false, basis: 'name' });
      }

      // A verb of signing right beside a term, nothing but words between: the term is what was signed.
      const signedTerm = (h: Hit) => signVerbs.some((v) => gap(v, h) <= (cjk ? 6 : 20) && !/[,;:()"，、]/.test(text.slice(Math.min(v.end, h.end), Math.max(v.start, h.start))));
      // A reference the sentence has the sides sign ("Putin and Kim Jong Un signed the document", "해당 문서에
      // 서명했다"): a treaty word of the group, as an agreement word is (no other year, no look-alike, as below);
      // not a general agreement word ("관광 협정을 체결했다").
      const signedRefs = refs.filter((f) => !words.some((a) => overlaps(a, f)) && signedTerm(f));
      for (const a of [...ag, ...signedRefs]) {
        if (names_.some((n) => overlaps(n, a))) continue;
        // The tightest group around this treaty word; ties go to names before it ("X and Y signed a treaty").
        let r: Hit | undefined;
        let k: Hit | undefined;
        let bestScore = Infinity;
        for (const rc of ru) {
          if (overlaps(rc, a)) continue;
          const kc = nearest(kp, a, [rc]);
          if (!kc) continue;
          const score = Math.max(a.end, rc.end, kc.end) - Math.min(a.start, rc.start, kc.start) + (rc.start >= a.end ? 2.5 : 0) + (kc.start >= a.end ? 2.5 : 0);
          if (score < bestScore) [r, k, bestScore] = [rc, kc, score];
        }
        if (!r || !k) continue;
        const start = Math.min(a.start, r.start, k.start);
        const end = Math.max(a.end, r.end, k.end);
        const len = end - start;
        if (len > w.max) continue;
        const span = text.slice(start, end);
        let conf = 0.9 - 0.2 * (Math.max(0, len - w.tight) / (w.max - w.tight));
        conf -= 0.1 * (span.match(SOFT_BREAK)?.length ?? 0);
        conf -= 0.04 * (span.match(COMMA)?.length ?? 0);
        if (CONTRAST.test(span)) conf -= 0.3;
        if (conf < MIN_COOCCURRENCE) continue;
        const group = { start, end };
        if (attachedTo(a, w.attach) || otherTreaty(group, a)) continue;
        const range = len <= w.whole ? group : a;
        // A tight group names both sides itself ("the treaty signed by Russia and the DPRK"): not a reference
        // that continues a look-alike topic, even when its treaty word is one ("the treaty").
        // Nor does a group that says who signed it, in a sentence that dates it to this treaty's time ("the treaty,
        // which Putin signed with Kim Jong Un in June 2024"): a verb of signing between the sides and the treaty word.
        // Or both sides as the subjects of a verb of signing whose object is a treaty term of several words
        // ("Russia's president and Kim Jong Un signed on June 19 the Comprehensive Strategic Partnership Agreement,
        // as Pyongyang…"), in a sentence with no other year: they say who signed it as surely as a tight group,
        // whichever group is the tightest (then the term alone is underlined when that group lies after it). Not a
        // bare "the treaty", which after a paragraph on the 2000 treaty is that one ("Putin and Kim Jong Il signed
        // the treaty in Pyongyang").
        const signers = (v: Hit) =>
          v.end <= a.start && a.start - v.end <= 40 && !/[;:(),]/.test(text.slice(v.end, a.start)) &&
          [ru, kp].every((side) => side.some((x) => x.end <= v.start && v.start - x.end <= 60 && !/[;:()]/.test(text.slice(x.end, v.start))));
        const signedBefore = /\s/.test(text.slice(a.start, a.end)) && years.every(isTreatyYear) && signVerbs.some(signers);
        // Or the Russian side signs a treaty term of several words "with" the DPRK side ("Russia had signed a
        // strategic partnership with North Korea", "mit Nordkorea eine Partnerschaft besiegelt"): the verb beside
        // the term and the word for "with" right before the DPRK side say which treaty it is, so a passing mention
        // on a page about another partner's treaty is no back-reference to that one.
        // (The term: the reference holding the treaty word, "договор о стратегическом партнерстве", or the word.)
        const signedWithK = () => {
          const term = refs.find((f) => f.start <= a.start && f.end >= a.end) ?? a;
          return withs.some((h) => h.end <= k.start && /^\s*(?:\p{L}{1,3}\s+)?$/u.test(text.slice(h.end, k.start))) && /\s/.test(text.slice(term.start, term.end)) && years.every(isTreatyYear) && signedTerm(term);
        };
        const signedBy = signedBefore || signedWithK() || (datedNow && signVerbs.some((v) => v.start >= start && v.end <= end && !/[;:()]/.test(text.slice(Math.min(v.end, a.end), Math.max(v.start, a.start)))));
        if (signedBefore) conf = Math.max(conf, SIGNED_CONFIDENCE);
        const anaphoric = (len > w.named || /[,;:()、，]/.test(span)) && refs.some((f) => f.start <= a.start && f.end >= a.end) && !isNew(a) && !signedBy;
        candidates.push({ ...(signedBefore && start >= a.start ? a : range), kind: 'co-occurrence', confidence: round(conf), anchor: a, anaphoric, basis: 'both-sides' });
      }

      for (const f of refs) {
        if (attachedTo(f, w.attach, true) || generalUse(f) || otherYear.some((o) => overlaps(o, f))) continue;
        candidates.push({ ...f, kind: 'reference', confidence: REFERENCE_CONFIDENCE, anchor: f, anaphoric: !isNew(f), basis: 'reference' });
      }

      // Names first, then stronger co-occurrences, then references; no overlaps.
      const rank = (c: Candidate) => (c.kind === 'name' ? 2 : c.kind === 'co-occurrence' ? 1 : 0) + c.confidence;
      candidates.sort((a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start));
      const kept: Candidate[] = [];
      for (const c of candidates) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
      kept.sort((a, b) => a.start - b.start);
      mergeAdjacent(kept, text);

      const treatyWords = [...names_, ...words, ...refs];
      // Not a general word ("this agreement" after "unlike the ones Moscow signed with Pyongyang" is the page's own).
      const points = inS(pointHits);
      const pointsAfter = inS(pointAfterHits);
      const pointedBack = [...names_, ...ag, ...refs].some(
        (t) =>
          points.some((d) => d.end <= t.start && t.start - d.end <= 3 && QUOTES_OR_SPACE.test(text.slice(d.end, t.start))) ||
          pointsAfter.some((d) => t.end <= d.start && d.start - t.end <= 3 && QUOTES_OR_SPACE.test(text.slice(t.end, d.start))),
      );
      // The exclusions that qualify a treaty word of a sentence naming either side: a look-alike sentence.
      const qualifying = ru.length > 0 || kp.length > 0 || names_.length > 0 ? ex.filter((x) => treatyWords.some((t) => attaches(text, x, t, w.attach))) : [];
      // "…replaces the 2000 treaty": the sentence is about this treaty, the earlier one only named — when every
      // look-alike it names is what is replaced (after the verb; verb last: between the treaty word and the verb,
      // or before a verb that qualifies the treaty word, "2000년 조약을 대체하는 새 조약"), not the one replacing
      // ("선린 조약은 … 상호원조조약을 대체한다").
      const replacedObject = (x: Hit) =>
        rp.some((r) => (verbLast ? treatyWords.some((t) => (x.start >= t.end && r.start >= x.end) || (r.start >= x.end && t.start >= r.end)) : r.end <= x.start));
      const replacing = rp.length > 0 && qualifying.every(replacedObject);
      const lookalike = qualifying.length > 0;
      const earlier = qualifying.some((x) => x.earlier);
      // Document level: a treaty word right next to the DPRK side ("l'accord avec la RPDC", "俄朝…条约" aside),
      // counted when the page names Russia somewhere: the page supplies the other party.
      const pairs: Candidate[] = [];
      for (const a of words) {
        if (kept.some((k) => k.kind !== 'reference' && overlaps(k, a))) continue;
        const k = nearest(kp, a, []);
        if (!k) continue;
        const start = Math.min(a.start, k.start);
        const end = Math.max(a.end, k.end);
        if (end - start > w.tight || /[;:(),，、]/.test(text.slice(start, end))) continue;
        // A general word must be tied to the DPRK side: it after the word by a preposition or two ("l'accord
        // avec la RPDC", "соглашение с КНДР"), or before it with one short particle ("북한과의 협정", "Kuzey Kore
        // ile anlaşma"), not as the subject of a verb ("КНДР подписали соглашение").
        if (!ag.includes(a) && (otherSubject(a) || !tiedToDprk(text, a, k, signVerbs, withs))) continue;
        const group = { start, end };
        if (kept.some((c) => c.kind !== 'reference' && overlaps(c, group))) continue;
        if (otherTreaty(group, a)) continue;
        pairs.push({ ...group, kind: 'co-occurrence', confidence: PAIR_CONFIDENCE, anchor: a, anaphoric: false, basis: 'beside-dprk' });
      }
      // Document level: an agreement signed with the DPRK side ("the one Moscow signed with Pyongyang and Minsk",
      // "북한과 체결한", "与朝鲜签署的"), in a sentence that speaks of an agreement, when the page names Russia.
      const signs = words.length + refs.length > 0 ? signVerbs : [];
      for (const v of signs) {
        const k = signedWith(text, v, kp, [...ru, ...ex.filter((x) => x.partner)], withs, ru);
        if (!k) continue;
        // From the agreement word the clause puts before the verb ("agreements Moscow has signed with…").
        const head = [...words, ...refs].filter((h) => h.end <= v.start && v.start - h.end <= 40 && !/[;:()]/.test(text.slice(h.end, v.start))).at(-1);
        if (head && otherSubject(head)) continue;
        const group = { start: Math.min(head?.start ?? v.start, k.start), end: Math.max(v.end, k.end) };
        if ([...kept, ...pairs].some((c) => c.kind !== 'reference' && overlaps(c, group))) continue;
        if (attachedTo(group, w.attach) || otherYearAttached(text, group, w.attach, { start: s0, end: s1 })) continue;
        pairs.push({ ...group, kind: 'co-occurrence', confidence: PAIR_CONFIDENCE, anchor: head ?? v, anaphoric: false, basis: 'beside-dprk' });
      }
      // Document level: a treaty word beside "the two countries" ("the treaty signed between the two countries",
      // "podpisanego między oboma krajami traktatu"): the sides are named elsewhere, counted when the page names
      // both and no other partner of Russia's. It points back to them, so a look-alike topic takes it (anaphoric).
      const twoCountries: Candidate[] = [];
      const bothHere = ag.length > 0 ? inS(bothHits) : [];
      for (const a of ag) {
        const b = bothHere.find((h) => (h.end <= a.start && beside(text.slice(h.end, a.start), 3, cjk)) || (a.end <= h.start && beside(text.slice(a.end, h.start), 3, cjk)));
        if (!b) continue;
        const group = { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
        if ([...kept, ...pairs].some((c) => c.kind !== 'reference' && overlaps(c, group))) continue;
        if (otherTreaty(group, a)) continue;
        twoCountries.push({ ...group, kind: 'co-occurrence', confidence: PAIR_CONFIDENCE, anchor: a, anaphoric: true, basis: 'two-countries' });
      }
      // Document level: bare treaty words, when nothing of the sentence's own took them and no
      // look-alike (nor another year: "the 2021 agreement") qualifies them.
      const loose: Candidate[] = [];
      // A reference inside a longer treaty word ("всеобъемлющем … партнёрстве" in "соглашение о всеобъемлющем …
      // партнёрстве") gives way to it on a page about the treaty (emit).
      const within = (k: Hit, h: Hit) => k.start >= h.start && k.end <= h.end && k.end - k.start < h.end - h.start;
      for (const h of words) {
        if (kept.some((k) => overlaps(k, h) && !(k.kind === 'reference' && within(k, h))) || pairs.some((k) => overlaps(k, h)) || loose.some((l) => overlaps(l, h))) continue;
        if (attachedTo(h, w.attach, true)) continue;
        if (yearAttached(h) || generalUse(h) || otherSubject(h) || otherYear.some((o) => overlaps(o, h))) continue;
        loose.push({ ...h, kind: 'reference', confidence: REFERENCE_CONFIDENCE, anchor: h, anaphoric: !isNew(h), basis: 'treaty-word' });
      }
      // Document level: the signing told as an event, in a sentence with no treaty word of its own ("since the two
      // leaders signed their alliance in Pyongyang last summer", "the Pyongyang summit where Putin and Kim Jong Un
      // signed it"): a verb of signing with what was sealed as its object, or after a meeting and a word for "at
      // which"; beside both sides, the DPRK side (Pyongyang as the venue) or the time of the signing. Counted
      // only on a page about the treaty (loose).
      // (Another year anywhere in the sentence makes it another event: "In 2000 Putin and Kim Jong Il sealed…".)
      const otherYearIn = years.some((y) => !isTreatyYear(y));
      if (names_.length + words.length + refs.length === 0 && !otherYearIn) {
        for (const e of eventsOf(text, signVerbs, inS(bondHits), inS(summitHits), inS(whenHits), cjk)) {
          const near = (h: Hit) => gap(h, e) <= (cjk ? 20 : 50);
          if (!((ru.length > 0 && kp.length > 0) || kp.some(near) || inS(venueHits).some(near))) continue;
          if (loose.some((l) => overlaps(l, e)) || attachedTo(e, w.attach) || yearOf(e, w.attach)) continue;
          loose.push({ ...e, kind: 'reference', confidence: REFERENCE_CONFIDENCE, anchor: e, anaphoric: true, basis: 'event' });
        }
      }
      for (const k of kept) if (k.kind === 'reference' && yearAttached(k)) k.confidence = 0;
      sentences.push({ start: s0, end: s1, candidates: kept.filter((k) => k.confidence > 0), pairs, twoCountries, loose, lookalike, earlier, replacing, exclusionContext: ex.length > 0 && (ru.length > 0 || kp.length > 0), dprkNamed: kp.length > 0, pointedBack });
    }
    let modern = 0;
    for (const m of text.matchAll(YEAR)) if (isTreatyYear(m[1]!)) modern++;
    return { norm, sentences, evidence: { russia: ruHits.length, dprk: kpHits.length, cues: cueHits.length, modern, partner } };
  }

  /**
   * Topic tracking over sentences in reading order (step 5): a look-alike sentence makes the look-alike
   * the current topic; a sentence with a non-anaphoric mention makes the target the topic. While the
   * topic is a look-alike, anaphoric candidates ("The treaty obliged Moscow to aid Pyongyang") and
   * references belong to it and are dropped.
   */
  function settle(analyses: readonly (BlockAnalysis | null)[]): Settled[][] {
    let topic: 'target' | 'lookalike' | null = null;
    // A look-alike topic lasts for its block and the next one (a paragraph that goes on about it).
    let lookalikeBlocksLeft = 0;
    return analyses.map((a) => {
      if (!a) return [];
      if (topic === 'lookalike' && lookalikeBlocksLeft-- <= 0) topic = null;
      return a.sentences.map((s) => {
        // While the page is on this treaty, "…it replaces the 2000 treaty" is about this one: the earlier
        // treaty is only named.
        const aside = s.lookalike && s.replacing && topic === 'target';
        const lookalike = s.lookalike && !aside;
        const kept = s.candidates.filter((c) => !(c.anaphoric && topic === 'lookalike'));
        const loose = lookalike ? [] : s.loose.filter((c) => !(c.anaphoric && topic === 'lookalike'));
        // Dropped for the topic: the sentence goes on about the look-alike.
        const continues = kept.length < s.candidates.length && kept.every((c) => c.kind === 'reference');
        if (lookalike || (topic === 'lookalike' && (s.exclusionContext || continues))) {
          topic = 'lookalike';
          lookalikeBlocksLeft = 1;
        } else if (kept.some((c) => !c.anaphoric)) topic = 'target';
        return { kept, loose, lookalike: lookalike || continues, earlier: s.earlier && !aside, dprkNamed: s.dprkNamed, pointedBack: s.pointedBack };
      });
    });
  }

  /** Russia is named on the page; `twoCountries`: "the two countries" can only be Russia and the DPRK side there. */
  function withPairs(a: BlockAnalysis, twoCountries: boolean): BlockAnalysis {
    let changed = false;
    const sentences = a.sentences.map((s) => {
      const pairs = twoCountries && s.twoCountries.length > 0 ? [...s.pairs, ...s.twoCountries] : s.pairs;
      if (pairs.length === 0) return s;
      changed = true;
      // A pair takes the place of the reference it holds ("l'accord" in "l'accord avec la RPDC"), and its
      // words: a reference of several words that holds the pair's treaty word ("포괄적 전략 동반자 협정'을 체결하며
      // 북…") is underlined whole (an elided article, "l'accord", is not; nor is one that holds the whole pair: "the
      // Pyongyang pact" stays "Pyongyang pact").
      return {
        ...s,
        candidates: [
          ...s.candidates.filter((c) => c.kind !== 'reference' || !pairs.some((p) => overlaps(c, p))),
          ...pairs.map((p) => s.candidates.filter((c) => c.kind === 'reference' && overlaps(c, p) && !(c.start <= p.start && c.end >= p.end) && / /.test(a.norm.text.slice(c.start, c.end))).reduce((q, c) => ({ ...q, start: Math.min(q.start, c.start), end: Math.max(q.end, c.end) }), p)),
        ].sort((x, y) => x.start - y.start),
      };
    });
    return changed ? { ...a, sentences } : a;
  }

  /**
   * `state.hasMention`: a confident mention came before (references count after one). `state.afterPassing`: on a
   * look-alike page, the sentence before named this treaty in passing.
   */
  function emit(original: string, norm: Normalized, sentences: readonly Settled[], state: { hasMention: boolean; afterPassing?: boolean }, out: Mention[], topic: PageTopic = 'local'): void {
    for (const { kept: own, loose, lookalike, dprkNamed, pointedBack } of sentences) {
      let kept: Candidate[];
      if (topic === 'lookalike') {
        // On a page about a look-alike, what names both sides in its own words (a passing comparison), and the
        // references of the sentence right after it when it names the DPRK side again or points back ("this
        // treaty") and is not about the look-alike ("…a similar treaty with the DPRK. This document sealed an
        // alliance of Moscow and Pyongyang."; on such a page Russia is named everywhere).
        const passing = own.filter((c) => c.kind !== 'reference' && !c.anaphoric && c.confidence >= 0.8);
        // (There a weak pairing of the two sides' words, "这一条约 … 朝鲜", is a reference back too.)
        const following = state.afterPassing && (dprkNamed || pointedBack) && !lookalike ? [...own, ...loose].filter((c) => !passing.includes(c) && !passing.some((p) => overlaps(p, c))) : [];
        kept = [...passing, ...following].sort((a, b) => a.start - b.start);
        state.afterPassing = passing.length > 0;
      } else
        kept =
          topic === 'treaty'
            ? [...own.filter((c) => !(c.kind === 'reference' && loose.some((l) => l.start <= c.start && l.end >= c.end && l.end - l.start > c.end - c.start))), ...loose].sort((a, b) => a.start - b.start)
            : own;
      for (const c of kept) {
        if (c.kind === 'reference' && !state.hasMention) continue;
        const [start, end] = toOriginalRange(norm, c.start, c.end);
        out.push({ start, end, text: original.slice(start, end), kind: c.kind, confidence: c.confidence, basis: c.basis });
        if (c.confidence >= CONFIDENT) state.hasMention = true;
      }
    }
  }

  // Analyses of recent blocks: the content script re-runs findInDocument on the same blocks after changes.
  const cache = new Map<string, BlockAnalysis>();
  function analyzeCached(text: string): BlockAnalysis {
    let a = cache.get(text);
    if (!a) {
      a = analyzeBlock(text);
      if (cache.size >= 512) cache.delete(cache.keys().next().value!);
      cache.set(text, a);
    }
    return a;
  }

  return {
    mayContain(text) {
      // Every treaty word, even before any mention: the page's topic is decided from all of it (document level).
      return anchored(anchorAll, text);
    },

    warm,

    hotspots(text, limit) {
      // The core literals (the DPRK side, the names): one pass over a huge text with the whole alternation of
      // every language's treaty words costs twice as long, and a window around each hotspot still holds the
      // references near it.
      const re = new RegExp(`${anchorCore.source}|${INVISIBLE.source}`, 'gi');
      const out: number[] = [];
      for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) out.push(m.index);
      return out;
    },

    findInBlock(text, documentHasMention) {
      if (!anchored(anchorAll, text)) return [];
      const a = analyzeCached(text);
      const out: Mention[] = [];
      emit(text, a.norm, settle([a])[0]!, { hasMention: documentHasMention }, out);
      return out;
    },

    findInDocument(blocks) {
      return readDocument(blocks).mentions;
    },

    explainDocument(blocks) {
      return readDocument(blocks).evidence;
    },
  };

  /** The document level (header, step 6, and pageTopic): what the page is about, then its mentions. */
  function readDocument(blocks: readonly string[]): { mentions: { block: number; mention: Mention }[]; evidence: PageEvidence } {
    const read = blocks.map((b) => (anchored(anchorAll, b) ? analyzeCached(b) : null));
    // Russia named anywhere on the page: a treaty word beside the DPRK side is a mention (pairs).
    const russiaOnPage = read.some((a) => a && a.evidence.russia > 0);
    // Both sides named, and no other partner of Russia's (Iran, Vietnam…): "the two countries" are these two.
    const twoCountries = read.some((a) => a && a.evidence.dprk > 0) && !read.some((a) => a && a.evidence.partner > 0);
    const analyses = russiaOnPage ? read.map((a) => a && withPairs(a, twoCountries)) : read;
    const settled = settle(analyses);
    let lookalikes = 0;
    let earlier = 0;
    let support = 0;
    analyses.forEach((a, i) => {
      a?.sentences.forEach((_s, j) => {
        const st = settled[i]![j]!;
        if (st.earlier) earlier++;
        const strong = st.kept.filter((c) => c.kind !== 'reference');
        if (strong.length === 0) {
          if (st.lookalike) lookalikes++;
          return;
        }
        support += Math.max(...strong.map((c) => (c.kind === 'name' ? 2 : c.confidence >= 0.8 ? 1.5 : 1)));
      });
    });
    // A short block beside the text (dateline, byline: "Reporter | 2024.06.19") dates the page too.
    let dated = 0;
    read.forEach((a, i) => {
      if (a || blocks[i]!.length > DATELINE_MAX || !(read[i - 1] || read[i + 1])) return;
      for (const m of blocks[i]!.matchAll(YEAR)) if (isTreatyYear(m[1]!)) dated++;
    });
    const evidence = pageEvidence(analyses, support, lookalikes, earlier, dated);
    const topic = evidence.topic;
    if (topic === 'none') return { mentions: [], evidence };
    const state = { hasMention: topic === 'treaty', afterPassing: false };
    const result: { block: number; mention: Mention }[] = [];
    analyses.forEach((a, block) => {
      // A block with no treaty word between a passing mention and a reference breaks the thread.
      if (!a) return void (state.afterPassing = false);
      const ms: Mention[] = [];
      emit(blocks[block]!, a.norm, settled[block]!, state, ms, topic);
      for (const mention of ms) result.push({ block, mention });
    });
    return { mentions: result, evidence };
  }
}

/**
 * Two mentions separated only by a short linking word ("… signed the treaty on comprehensive strategic
 * partnership") are one phrase to a reader: one underline, one card. References stay apart.
 */
const LINK_GAP = /^[ \-/]*(?:[\p{L}]{1,3}[ \-/]+)?$/u;
function mergeAdjacent(kept: Candidate[], text: string): void {
  for (let i = kept.length - 2; i >= 0; i--) {
    const a = kept[i]!;
    const b = kept[i + 1]!;
    const gapText = text.slice(a.end, b.start);
    // Two references joined by a short link word are one phrase ("The Treaty" + "on" + "Comprehensive
    // Strategic Partnership"); otherwise references stay apart.
    if (a.kind === 'reference' && b.kind === 'reference') {
      if (/^ [\p{L}]{1,3} $/u.test(gapText)) kept.splice(i, 2, { ...a, end: b.end, anaphoric: a.anaphoric && b.anaphoric });
      continue;
    }
    // A reference word right after a mention is its head noun ("상호방위 조약").
    const withReference = a.kind === 'reference' || b.kind === 'reference';
    if (withReference ? !/^ ?$/.test(gapText) : b.start - a.end > 5 || !LINK_GAP.test(gapText)) continue;
    const kind = a.kind === 'name' || b.kind === 'name' ? 'name' : 'co-occurrence';
    const basis = a.kind === 'reference' ? b.basis : a.basis;
    kept.splice(i, 2, { ...a, end: b.end, kind, confidence: Math.max(a.confidence, b.confidence), anaphoric: a.anaphoric && b.anaphoric, basis });
  }
}

/**
 * A gap of at most `words` words and no clause break (CJK: at most `words` characters): two words that belong
 * together ("any treaty", "treaty with a third country", "条約も第三国").
 */
function beside(gap: string, words: number, cjk: boolean): boolean {
  if (/[;:()。；：]/.test(gap)) return false;
  if (cjk) return gap.replace(/\s+/g, '').length <= words;
  return gap.length <= 30 && (gap.match(/\p{L}+/gu)?.length ?? 0) <= words;
}

/**
 * Signing told as an event: a verb of signing with what was sealed as its object, within three words after it
 * or just before it ("signed their alliance", "동맹을 맺은"), or after a meeting and a word for "at which"
 * between them ("the summit where Putin and Kim Jong Un signed"). The span from the one to the other.
 */
function eventsOf(text: string, verbs: readonly Hit[], bonds: readonly Hit[], summits: readonly Hit[], whens: readonly Hit[], cjk: boolean): Hit[] {
  const out: Hit[] = [];
  for (const v of verbs) {
    const object = bonds.find((b) => (b.start >= v.end && beside(text.slice(v.end, b.start), cjk ? 4 : 3, cjk)) || (b.end <= v.start && beside(text.slice(b.end, v.start), cjk ? 3 : 1, cjk)));
    const meeting = object
      ? undefined
      : summits.filter((s) => s.end <= v.start && v.start - s.end <= (cjk ? 24 : 60) && !/[;:()。]/.test(text.slice(s.end, v.start)) && whens.some((x) => x.start >= s.end && x.end <= v.start)).at(-1);
    const other = object ?? meeting;
    if (other) out.push({ start: Math.min(v.start, other.start), end: Math.max(v.end, other.end) });
  }
  return resolveOverlaps(out);
}

function tiedToDprk(text: string, word: Hit, dprk: Hit, signs: readonly Hit[], withWords: readonly Hit[]): boolean {
  if (dprk.start >= word.end) {
    const gap = text.slice(word.end, dprk.start);
    return gap.length <= 16 && (gap.match(/\p{L}+/gu)?.length ?? 0) <= 2;
  }
  const within = (h: Hit) => h.start >= dprk.end && h.end <= word.start;
  // The word between is a verb ("Triều Tiên ký thỏa thuận"), or a verb of signing stands just before the sides
  // (Arabic verb first: "وقعت روسيا وكوريا الشمالية اتفاقا"): the DPRK side signs the agreement, not owns it.
  if (signs.some((v) => within(v) || (v.end <= dprk.start && dprk.start - v.end <= 30 && !/[;:(),.]/.test(text.slice(v.end, dprk.start))))) return false;
  const gap = text.slice(dprk.end, word.start);
  // One short particle ("북한과의 협정"), or a word for "with"/"between" (Turkish "Pyongyang arasındaki anlaşma").
  return /^[\s\p{P}]*(?:\p{L}{1,3}[\s\p{P}]*)?$/u.test(gap) || (withWords.some(within) && /^[\s\p{P}]*\p{L}+[\s\p{P}]*$/u.test(gap));
}

/**
 * The DPRK hit a signing verb is tied to by a word for "with" or "between": after the verb within a few words
 * ("signed with Minsk and Pyongyang", "وقع بين روسيا وكوريا الشمالية"; the Russian side and another partner
 * listed there do not count as words), or before it with only that word between ("북한과 체결한", "Kuzey Kore
 * ile imzaladığı", "北朝鮮と結んだ") or just before the DPRK side ("与朝鲜签署").
 */
function signedWith(text: string, verb: Hit, dprk: readonly Hit[], listed: readonly Hit[], withWords: readonly Hit[], russia: readonly Hit[] = []): Hit | undefined {
  const inside = (h: Hit, s: number, e: number) => h.start >= s && h.end <= e;
  const after = dprk.find((k) => k.start >= verb.end);
  if (after && after.start - verb.end <= 45) {
    let gap = text.slice(verb.end, after.start);
    for (const l of listed) if (inside(l, verb.end, after.start)) gap = gap.slice(0, l.start - verb.end) + ' '.repeat(l.end - l.start) + gap.slice(l.end - verb.end);
    const words = gap.match(/\p{L}+/gu)?.length ?? 0;
    if (words <= 4 && !/[;:()]/.test(gap) && withWords.some((h) => inside(h, verb.end, after.start))) return after;
  }
  const before = dprk.filter((k) => k.end <= verb.start).at(-1);
  if (before && verb.start - before.end <= 12) {
    const gap = text.slice(before.end, verb.start);
    if ((gap.match(/\p{L}+/gu)?.length ?? 0) > 2 || /[;:(),，、]/.test(gap)) return undefined;
    if (withWords.some((h) => inside(h, before.end, verb.start) || (h.end <= before.start && before.start - h.end <= 1))) return before;
    // The DPRK side signs, with the Russian side after "with" ("Кім Чен Ин уклав з Путіним").
    const partner = russia.find((l) => l.start >= verb.end && l.start - verb.end <= 20);
    const between = partner ? text.slice(verb.end, partner.start) : '';
    if (partner && withWords.some((h) => inside(h, verb.end, partner.start)) && !dprk.some((k) => inside(k, verb.end, partner.start)) && (between.match(/\p{L}+/gu)?.length ?? 0) <= 2 && !/[;:(),.《「『"]/.test(between)) return before;
  }
  return undefined;
}

const YEAR = /(?<![\p{N}])(1[89]\d\d|20\d\d)(?![\p{N}])/gu;
/** Longest block read as a dateline or byline (its years date the page; see readDocument). */
const DATELINE_MAX = 80;
/** The treaty's years: signed 2024, in force 2025, in use since (the pack's story runs into 2026). */
const isTreatyYear = (year: string) => year === '2024' || year === '2025' || year === '2026';

/** Another year than the treaty's right before or after a treaty word ("the 2021 agreement"); not one `replaced` skips. */
function otherYearAttached(text: string, h: Hit, [before, after]: Reach, sentence: Hit, replaced: (year: Hit) => boolean = () => false): boolean {
  const from = Math.max(sentence.start, h.start - before);
  const slice = text.slice(from, Math.min(sentence.end, h.end + after));
  for (const m of slice.matchAll(YEAR)) {
    if (isTreatyYear(m[1]!)) continue;
    const at = from + m.index;
    if (replaced({ start: at, end: at + m[0].length })) continue;
    const between = at < h.start ? text.slice(at + m[0].length, h.start) : text.slice(h.end, at);
    if (!CLAUSE_BREAK.test(between) && !/[;:()]/.test(between)) return true;
  }
  return false;
}

/**
 * What a page is about, from all of it (document level): "treaty" when both sides are on the page and either
 * a full mention or the treaty's own cues (mutual assistance, Article 4, the partnership's name) outweigh the
 * look-alike sentences — then references and bare treaty words count wherever they stand; "local" when
 * mentions stand on their own words only (references after the first); "lookalike" when the page is about a
 * look-alike but names the treaty in passing; "none" when nothing is found.
 */
export type PageTopic = 'treaty' | 'local' | 'lookalike' | 'none';
export interface PageEvidence {
  topic: PageTopic;
  /** Hits of each side's names and of the treaty's cues, over the whole page. */
  russia: number;
  dprk: number;
  cues: number;
  /** Years of the treaty's time (2024–2026) written on the page. */
  modern: number;
  /** Names of another partner of Russia's (Iran, Vietnam…) on the page. */
  partner: number;
  /** Weight of the mentions that stand on their own words (names 2, confident co-occurrences 1.5, others 1). */
  support: number;
  /** Sentences about a look-alike (an exclusion attached to a treaty word). */
  lookalikes: number;
  /** Of those, sentences about an earlier treaty of the same two sides. */
  earlier: number;
}
function pageEvidence(analyses: readonly (BlockAnalysis | null)[], support: number, lookalikes: number, earlier: number, dated = 0): PageEvidence {
  const e = { russia: 0, dprk: 0, cues: 0, modern: dated, partner: 0, support, lookalikes, earlier };
  for (const a of analyses) {
    if (!a) continue;
    e.russia += a.evidence.russia;
    e.dprk += a.evidence.dprk;
    e.cues += a.evidence.cues;
    e.modern += a.evidence.modern;
    e.partner += a.evidence.partner;
  }
  return { topic: pageTopic(e), ...e };
}
function pageTopic({ russia, dprk, cues, modern, partner, support, lookalikes, earlier }: Omit<PageEvidence, 'topic'>): PageTopic {
  const bothSides = russia > 0 && dprk > 0;
  // Both sides named again and again: a page about the two countries, where an old treaty is history.
  // Unless the page never writes a year of this treaty's time and is short, or its sentences about an earlier
  // treaty are more than a third of its mentions of either side: then only mentions that stand on their own words count
  // (cues such as "mutual assistance" fit the 1961 treaty as well).
  const context = bothSides && (modern > 0 || earlier === 0 || (earlier * 3 <= Math.min(russia, dprk) && Math.min(russia, dprk) >= 6));
  const presence = context ? Math.min(russia, dprk, 8) * 0.25 : 0;
  // Both sides named again and again in a page of this treaty's time: the two countries are its subject, and
  // a treaty word there is most likely this treaty.
  const subject = context && modern > 0 && lookalikes === 0 && Math.min(russia, dprk) >= 5 ? 1 : 0;
  const evidence = support + (context ? Math.min(cues, 4) * 0.5 : 0) + subject;
  if (evidence === 0) return 'none';
  // A page about an earlier treaty (1961, 2000) never writes a year of this one's time: with no year, a page
  // that keeps coming back to the earlier treaty, or names nothing of this one's, is about that treaty (not
  // when the look-alike is another partner's treaty, which is of this treaty's time).
  if (modern === 0 && (earlier >= 3 || (lookalikes > 0 && cues === 0 && partner === 0))) return 'none';
  if (lookalikes > evidence + presence) return support > 0 ? 'lookalike' : 'none';
  // A page that names another partner of Russia's more often than North Korea is about that partner's treaty.
  if (partner > dprk) return 'lookalike';
  return bothSides && dprk >= 2 && (support >= 1.5 || cues > 0 || subject > 0) ? 'treaty' : 'local';
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function nearest(hits: readonly Hit[], to: Hit, avoid: readonly Hit[]): Hit | undefined {
  let best: Hit | undefined;
  let bestGap = Infinity;
  for (const h of hits) {
    if (overlaps(h, to) || avoid.some((a) => overlaps(a, h))) continue;
    // Ties go to names before the treaty word ("X and Y signed a treaty … in Moscow").
    const g = gap(h, to) + (h.start >= to.end ? 2.5 : 0);
    if (g < bestGap) {
      best = h;
      bestGap = g;
    }
  }
  return best;
}

function toNormSpan(norm: Normalized, s: number, e: number): [number, number] {
  // First normalised index whose original index is ≥ s, and likewise for e.
  const map = norm.map;
  const find = (o: number) => {
    let lo = 0;
    let hi = norm.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (map[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [find(s), find(e)];
}

/**
 * For each term, literals one of which every match of it contains (single words, so a name split over inline
 * elements still passes on the node holding that word), lower case. `found` carries literals chosen for
 * earlier groups, which later terms prefer (fewer distinct literals test faster).
 */
function termLiterals(terms: readonly string[], found: Set<string>): Set<string> {
  const own = new Set<string>();
  for (const t of terms) {
    const letter = firstLiteralLetter(t) ?? '';
    const min = ALPHABETIC.test(letter) ? 3 : 2;
    // No literal of the usual length (e.g. Korean "북" only before "러"): a shorter one, down to one
    // character; cheaper than compiling the term with lookarounds into the per-node test.
    const req = requiredLiterals(t, min, found) ?? requiredLiterals(t, 1, found);
    if (!req) throw new Error(`term has no literal text to prefilter on: ${t}`);
    for (const r of req) {
      found.add(r);
      own.add(r);
    }
  }
  return own;
}

/** One alternation of literals; a literal that contains another adds nothing ("nordkorea" ⊃ "korea"). */
function minimalLiterals(literals: Iterable<string>): string[] {
  const all = [...literals];
  return all.filter((r) => !all.some((o) => o !== r && r.includes(o))).sort((a, b) => b.length - a.length);
}

function literalAlternation(literals: Iterable<string>): string[] {
  return minimalLiterals(literals).map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * The per-node prefilter: the required literals of every term in `groups`, as one case-insensitive
 * alternation on raw (not normalised) text. Text with invisible characters (invisible.ts) passes too, tested
 * apart.
 */
function buildPrefilter(groups: readonly (readonly string[])[]): string {
  const found = new Set<string>();
  for (const terms of groups) termLiterals(terms, found);
  return literalAlternation(found).join('|');
}

/**
 * The page gate's literals (see gate.ts), lower case. Per group of terms: strings one of which every match of
 * any of its terms contains. Per treaty name: clauses, every one of which a match holds a literal of. And the
 * core: one clause per name plus the DPRK literals, so that every mention holds a core literal.
 */
export function gateLiterals(input: PackNames | MatchNames): GateLiterals {
  const names = expandNames(input);
  const found = new Set<string>();
  const group = (byLang: TermsByLanguage | undefined) => minimalLiterals(termLiterals(allTerms(byLang), found));
  const dprk = group(names.dprk);
  const russia = group(names.russia);
  // References and cues make mentions on a page about the treaty (document level): the gate opens for them.
  const agreement = minimalLiterals(termLiterals([...allTerms(names.agreement), ...allTerms(names.generic), ...allTerms(names.references), ...allTerms(names.cues)], found));
  const preferred = new Set(dprk);
  const nameClauses = allTerms(names.treaty).map((term) => {
    // Short words too ("on", "of"): each is one more thing a page must hold; DPRK literals preferred.
    const clauses = requiredClauses(term, 1, preferred);
    if (!clauses) throw new Error(`term has no literal text for the page gate: ${term}`);
    return clauses.map(minimalLiterals);
  });
  // For the core, a clause implied by the DPRK literals adds nothing; otherwise the most specific one.
  const impliedByDprk = (clause: readonly string[]) => clause.every((l) => dprk.some((d) => l.includes(d)));
  const shortest = (clause: readonly string[]) => Math.min(...clause.map((l) => l.length));
  const core = new Set(dprk);
  for (const clauses of nameClauses) {
    if (clauses.some(impliedByDprk)) continue;
    const pick = clauses.reduce((a, b) => (shortest(b) > shortest(a) ? b : a));
    for (const l of pick) core.add(l);
  }
  const literals = { core: minimalLiterals(core), names: nameClauses, dprk, russia, agreement };
  return { ...literals, longest: longestLiteral(literals) };
}
