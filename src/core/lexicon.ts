/**
 * Names as data: per language, plain words and phrases (parties, treaty nouns, references, topic cues,
 * look-alikes) and one morphology rule, compiled to the matcher's terms. Adding a language is adding its
 * entry to `names.lexicon` in the pack; no code and no regular expression is written by hand.
 *
 * The rule says how a word's written form becomes the forms a page may use:
 * - `strip`: final letters dropped to find the stem ("smlouva" → "smlouv", "dohoda" → "dohod"), at most two,
 *   never below a stem of three letters;
 * - `endings`: how many letters may follow the stem ("smlouvy", "smlouvou", "dohodě"); 0 for languages that
 *   do not inflect (Vietnamese) or where a word needs no case forms;
 * - `apostrophe`: a suffix may follow after an apostrophe (Turkish "Rusya'nın", "KDHC’ye");
 * - `prefixes`: clitics that may be written onto the front (Arabic "و", "ب", "ال");
 * - `dotless`: "i" and "ı" stand for each other and for "İ" (Turkish: a headline in capitals, "ANLAŞMASI",
 *   lower-cases to "anlaşmasi", and "İ" is left as it is by the normaliser).
 * A word written with a leading "=" is taken as it is ("=Nga": only "Nga"); digits never inflect.
 *
 * Beside plain words, an item may be a composed term (`ComposedTerm`): words in order with optional parts,
 * alternatives, endings, gaps and conditions on what stands around the match ("러" only right before "북";
 * "Kim" only within 80 characters of "Putin"), for the treaty's full names and one-character compounds that a
 * word list cannot say. Its words are taken as written (no morphology rule): the forms a page may use are
 * spelled out (`endings`). The item format is documented at `ComposedTerm`; pack-schema.ts validates it.
 *
 * Runs at build time (build.mjs folds the lexicon into the names the page bundles carry) and in Node (CLI,
 * tests): the page never compiles it.
 */
import type { PackNames, TermsByLanguage, MatchNames } from './pack-schema';
import { LEXICON_GROUPS, type LexiconGroup } from './lexicon-groups';

// The group names live apart (lexicon-groups.ts); importers of the lexicon find them here too.
export { LEXICON_GROUPS, type LexiconGroup };

export interface MorphologyRule {
  strip?: string[];
  endings?: number;
  apostrophe?: boolean;
  dotless?: boolean;
  prefixes?: string[];
}

/**
 * How a composed term's words and parts are joined: `space` (a run of separators: space, hyphen, slash; the
 * default), `optional` (the same or nothing: Korean writes "상호 방위" and "상호방위"), `none` (nothing: Chinese,
 * Japanese), `dot` (a middle dot, slash or hyphen, or nothing: "북·러", "북러"), `dotOrSpace` (that or a space).
 */
export const spacings = ['space', 'optional', 'none', 'dot', 'dotOrSpace'] as const;
export type Spacing = (typeof spacings)[number];
/** What may not stand right before a match's start (or after its end): a letter or digit, a letter, a digit. */
export const edges = ['word', 'letter', 'digit'] as const;
export type Edge = (typeof edges)[number];

/**
 * A part of a composed term:
 * - a phrase: words as written (its spaces and hyphens are joined like the parts);
 * - an array: alternatives, tried in the order written;
 * - `{ "optional": part }`: the part or nothing;
 * - `{ "seq": [parts], "spacing"?, "start"?, "end"? }`: parts in order, with their own spacing and edges;
 * - `{ "endings": ["n", "'s"] }`: one of these written right onto the part before (no space), or nothing;
 *   `{ "endings": "any" }`: any letters ("договор" + any: "договора", "договорённость");
 * - `{ "gap": n, "letters"?: m }`: up to n words (of up to m letters) between, each followed by a space;
 * - `{ "within": n, "shortest"?: true, "whole"?: true }`: up to n characters of anything between (the fewest
 *   that do, with `shortest`), joined without spaces; with `whole`, they start and end at word edges (the word
 *   before ends, the word after starts);
 * - `{ "list": "name" }`: the alternatives listed under that name in the language's `lists`;
 * - `{ "count": n }`: a whole number written in digits, from n to 999, with no digit right before or after it
 *   (the count of an anniversary: "63돌", "65th").
 */
export type Part =
  | string
  | Part[]
  | { optional: Part }
  | SeqPart
  | { endings: string[] | 'any' }
  | { gap: number; letters?: number }
  | { within: number; shortest?: boolean; whole?: boolean }
  | { list: string }
  | { count: number };
export interface SeqPart {
  seq: Part[];
  spacing?: Spacing;
  /** The match does not start right after such a character. */
  start?: Edge;
  /** The match does not end right before such a character. */
  end?: Edge;
}
/** Words that must (or must not) stand within `within` characters of the match. */
export interface Nearby {
  words: Part;
  within: number;
}
/**
 * A composed term: a `seq` with conditions on its surroundings. A condition is a part (or a `seq` with its own
 * spacing and edges) joined to the match by the condition's spacing, else the term's:
 * - `precededBy` / `notPrecededBy`: what stands (or does not stand) right before the match;
 * - `followedBy` / `notFollowedBy`: the same right after it;
 * - `near`: the words end at most `within` characters before the match or start at most that far after it;
 * - `awayFrom`: the words stand nowhere within `within` characters before the match's end or after it.
 * Words in `near` and `awayFrom` are whole words when they begin or end with a letter of an alphabetic script.
 */
export interface ComposedTerm extends SeqPart {
  precededBy?: Part;
  notPrecededBy?: Part;
  followedBy?: Part;
  notFollowedBy?: Part;
  near?: Nearby;
  awayFrom?: Nearby;
}
/** An item of a lexicon group: a plain word or phrase (inflected by the rule), or a composed term. */
export type LexiconItem = string | ComposedTerm;


export type LanguageLexicon = { inflect?: MorphologyRule; lists?: Record<string, Part[]>; exclusions?: Record<string, LexiconItem[]> } & Partial<
  Record<LexiconGroup, LexiconItem[]>
>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = /\p{L}/u;
const DOTTED = (s: string) => s.replace(/[iı]/g, '[iı\\u0130]');

/** One word's pattern under the rule. */
export function wordPattern(word: string, rule: MorphologyRule = {}): string {
  const exact = word.startsWith('=');
  let w = (exact ? word.slice(1) : word).toLowerCase();
  const last = w.at(-1) ?? '';
  const dots = rule.dotless ? DOTTED : (s: string) => s;
  if (exact || !LETTER.test(last) || !rule.endings) return dots(escape(w));
  const strip = new Set((rule.strip ?? []).map((s) => s.toLowerCase()));
  for (let i = 0; i < 2 && w.length > 3 && strip.has(w.at(-1)!); i++) w = w.slice(0, -1);
  const suffix = `\\p{L}{0,${rule.endings}}`;
  return `${dots(escape(w))}${suffix}${rule.apostrophe ? `(?:'\\p{L}{1,8})?` : ''}`;
}

const WORD_SPLIT = /[\s\u00A0\-‐‑–—]+/u;

/**
 * A phrase's term: its words joined by single spaces (a space in a term is any run of separators), each
 * word inflected; the prefixes, when the rule has them, before the first word only.
 */
export function phraseTerm(phrase: string, rule: MorphologyRule = {}): string {
  const words = phrase.trim().split(WORD_SPLIT).filter((w) => w.length > 0);
  if (words.length === 0) throw new Error(`empty phrase "${phrase}"`);
  const body = words.map((w) => wordPattern(w, rule)).join(' ');
  const prefixes = rule.prefixes ?? [];
  return prefixes.length > 0 ? `(?:${prefixes.map(escape).join('|')})?${body}` : body;
}

const JOIN: Record<Spacing, string> = { space: ' ', optional: '(?: )?', none: '', dot: '(?:[·ㆍ・/\\-])?', dotOrSpace: '(?:[·ㆍ・/\\-]| )?' };
const EDGE: Record<Edge, string> = { word: '[\\p{L}\\p{N}]', letter: '[\\p{L}]', digit: '[\\p{N}]' };
const ALPHABETIC_END = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F]/u;
const group = (alternatives: string[]) => (alternatives.length === 1 && /^[^|()[\]]*$/u.test(alternatives[0]!) ? alternatives[0]! : `(?:${alternatives.join('|')})`);

const isObject = (p: unknown): p is Record<string, unknown> => typeof p === 'object' && p !== null && !Array.isArray(p);

/** A part's pattern; `lists` are the language's named alternatives, `spacing` the enclosing sequence's. */
function partPattern(part: Part, spacing: Spacing, lists: Record<string, Part[]>): string {
  if (typeof part === 'string') {
    const words = part.trim().split(WORD_SPLIT).filter((w) => w.length > 0);
    return words.map((w) => escape(w.toLowerCase())).join(JOIN[spacing]);
  }
  if (Array.isArray(part)) return group(part.map((p) => partPattern(p, spacing, lists)));
  if ('seq' in part) return seqPattern(part, spacing, lists);
  if ('list' in part) {
    const list = lists[part.list];
    if (!list) throw new Error(`unknown list "${part.list}"`);
    return group(list.map((p) => partPattern(p, spacing, lists)));
  }
  if ('optional' in part) return `(?:${partPattern(part.optional, spacing, lists)})?`;
  if ('count' in part) return countPattern(part.count);
  throw new Error(`a ${Object.keys(part)[0]} part stands only inside a sequence`);
}

/** A whole number from `min` (1–99) to 999 in ASCII digits, not part of a longer number. */
export function countPattern(min: number): string {
  const alternatives: string[] = [];
  if (min <= 9) alternatives.push(min === 9 ? '9' : `[${min}-9]`, '[1-9][0-9]');
  else {
    const [tens, units] = [Math.floor(min / 10), min % 10];
    alternatives.push(units === 9 ? `${tens}9` : `${tens}[${units}-9]`);
    if (tens < 9) alternatives.push(tens === 8 ? '9[0-9]' : `[${tens + 1}-9][0-9]`);
  }
  alternatives.push('[1-9][0-9][0-9]');
  return `(?<![0-9])(?:${alternatives.join('|')})(?![0-9])`;
}

/**
 * A sequence's pattern: parts joined by the spacing. An optional part carries its joint inside ("(?: and)?"),
 * after it when nothing stands before it; a gap carries its own trailing space; `within` and endings join
 * without one.
 */
function seqPattern(seq: SeqPart, outer: Spacing, lists: Record<string, Part[]>): string {
  const spacing = seq.spacing ?? outer;
  const join = JOIN[spacing];
  let out = '';
  let needsJoin = false;
  for (const part of seq.seq) {
    if (isObject(part) && 'endings' in part) {
      out += part.endings === 'any' ? '\\p{L}*' : `(?:${part.endings.map((e) => escape(e.toLowerCase())).join('|')})?`;
    } else if (isObject(part) && 'within' in part) {
      const any = `.{0,${part.within}}${part.shortest ? '?' : ''}`;
      out += part.whole ? `(?!${EDGE.word})${any}(?<!${EDGE.word})` : any;
      needsJoin = false;
    } else if (isObject(part) && 'gap' in part) {
      out += (needsJoin ? join : '') + `(?:\\p{L}${part.letters ? `{1,${part.letters}}` : '+'} )?`.repeat(part.gap);
      needsJoin = false;
    } else if (isObject(part) && 'optional' in part) {
      const body = partPattern(part.optional, spacing, lists);
      out += needsJoin ? `(?:${join}${body})?` : `(?:${body}${join})?`;
    } else {
      out += (needsJoin ? join : '') + partPattern(part, spacing, lists);
      needsJoin = true;
    }
  }
  if (seq.start) out = `(?<!${EDGE[seq.start]})${out}`;
  if (seq.end) out = `${out}(?!${EDGE[seq.end]})`;
  return out;
}

/** The phrases a part may spell (for `near` and `awayFrom`: are they whole words?). */
function phrasesOf(part: Part, lists: Record<string, Part[]>): string[] {
  if (typeof part === 'string') return [part.trim()];
  if (Array.isArray(part)) return part.flatMap((p) => phrasesOf(p, lists));
  if ('seq' in part) return part.seq.flatMap((p) => phrasesOf(p, lists));
  if ('optional' in part) return phrasesOf(part.optional, lists);
  if ('list' in part) return (lists[part.list] ?? []).flatMap((p) => phrasesOf(p, lists));
  return [];
}

/** Words for `near` and `awayFrom`: whole words where they begin or end with an alphabetic letter. */
function nearbyPattern(n: Nearby, spacing: Spacing, lists: Record<string, Part[]>): string {
  const phrases = phrasesOf(n.words, lists);
  const words = partPattern(n.words, spacing, lists);
  const starts = phrases.every((p) => ALPHABETIC_END.test(p[0] ?? ''));
  const ends = phrases.every((p) => ALPHABETIC_END.test(p.at(-1) ?? ''));
  return `${starts ? `(?<!${EDGE.word})` : ''}${words}${ends ? `(?!${EDGE.word})` : ''}`;
}

/** A condition's pattern and the joint between it and the match. */
function condition(c: Part, spacing: Spacing, lists: Record<string, Part[]>): [pattern: string, join: string] {
  const own = isObject(c) && 'seq' in c ? ((c as SeqPart).spacing ?? spacing) : spacing;
  return [partPattern(c, spacing, lists), JOIN[own]];
}

/** A composed term's patterns: one, or two for `near` (the words before, the words after). */
export function composedTerms(term: ComposedTerm, lists: Record<string, Part[]> = {}): string[] {
  const spacing = term.spacing ?? 'space';
  let body = seqPattern({ seq: term.seq, spacing }, spacing, lists);
  const before: string[] = [];
  const after: string[] = [];
  if (term.precededBy !== undefined) {
    const [p, j] = condition(term.precededBy, spacing, lists);
    before.push(`(?<=${p}${j})`);
  }
  if (term.notPrecededBy !== undefined) {
    const [p, j] = condition(term.notPrecededBy, spacing, lists);
    before.push(`(?<!${p}${j})`);
  }
  if (term.followedBy !== undefined) {
    const [p, j] = condition(term.followedBy, spacing, lists);
    after.push(`(?=${j}${p})`);
  }
  if (term.notFollowedBy !== undefined) {
    const [p, j] = condition(term.notFollowedBy, spacing, lists);
    after.push(`(?!${j}${p})`);
  }
  if (term.awayFrom) {
    const w = nearbyPattern(term.awayFrom, spacing, lists);
    after.push(`(?<!${w}.{0,${term.awayFrom.within}})(?!.{0,${term.awayFrom.within}}${w})`);
  }
  body = `${term.start ? `(?<!${EDGE[term.start]})` : ''}${before.join('')}${body}${after.join('')}${term.end ? `(?!${EDGE[term.end]})` : ''}`;
  if (!term.near) return [body];
  const w = nearbyPattern(term.near, spacing, lists);
  return [`(?<=${w}.{0,${term.near.within}})${body}`, `${body}(?=.{0,${term.near.within}}${w})`];
}

/** An item's terms under the language's rule and lists. */
export function itemTerms(item: LexiconItem, rule: MorphologyRule = {}, lists: Record<string, Part[]> = {}): string[] {
  return typeof item === 'string' ? [phraseTerm(item, rule)] : composedTerms(item, lists);
}

function add(into: Record<string, string[]>, lang: string, terms: string[]): void {
  if (terms.length === 0) return;
  const list = (into[lang] ??= []);
  for (const t of terms) if (!list.includes(t)) list.push(t);
}

const cache = new WeakMap<object, MatchNames>();

/**
 * The matcher's names: every language's lexicon compiled into the groups (LEXICON_GROUPS) and each look-alike's
 * terms. Names already compiled (the page bundles carry them so, build.mjs) come back as they are.
 */
export function expandNames(names: PackNames | MatchNames): MatchNames {
  if (!('lexicon' in names)) return names;
  const hit = cache.get(names);
  if (hit) return hit;
  const groups = Object.fromEntries(LEXICON_GROUPS.map((g) => [g, {}])) as Record<LexiconGroup, Record<string, string[]>>;
  const exclusions = names.exclusions.map((e) => ({ ...e, terms: {} as Record<string, string[]> }));
  for (const [lang, entry] of Object.entries(names.lexicon) as [string, LanguageLexicon | undefined][]) {
    if (!entry) continue;
    const rule = entry.inflect ?? {};
    const lists = entry.lists ?? {};
    const terms = (items: LexiconItem[] | undefined) => (items ?? []).flatMap((item) => itemTerms(item, rule, lists));
    for (const g of LEXICON_GROUPS) add(groups[g], lang, terms(entry[g]));
    for (const [id, items] of Object.entries(entry.exclusions ?? {})) {
      const ex = exclusions.find((e) => e.id === id);
      if (!ex) throw new Error(`lexicon.${lang}.exclusions: unknown look-alike "${id}"`);
      add(ex.terms, lang, terms(items));
    }
  }
  const out: MatchNames = { ...(groups as Record<LexiconGroup, TermsByLanguage>), exclusions };
  cache.set(names, out);
  return out;
}
