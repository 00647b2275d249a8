/**
 * The topic pack: everything a card shows and everything detection needs, as data.
 * Validated at build time (build.mjs), in tests, and by the CLI. No DOM, no browser API.
 */
import { z } from 'zod';
import { composedTerms, edges, LEXICON_GROUPS, spacings, type ComposedTerm, type LexiconGroup, type LexiconItem, type Part } from './lexicon';

/** Languages the pack carries names for (BCP 47 primary subtags). */
export const packLanguages = ['en', 'ru', 'ko', 'ja', 'zh', 'uk', 'de', 'fr', 'es', 'cs', 'pl', 'it', 'pt', 'tr', 'vi', 'ar'] as const;
export type PackLanguage = (typeof packLanguages)[number];

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be an id of letters, digits, "_", "-" or "."');
const isoDate = z.iso.date({ message: 'must be an ISO date (YYYY-MM-DD)' });
const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const sourceIds = z.array(id).min(1, 'needs at least one source');

/**
 * Languages the notes are written in besides English, which each item holds in its own fields. Every item the
 * card can show carries `i18n` with each of these: written by us from the English and checked against the
 * sources, never translated at run time. A missing one fails the build, naming the item and the language.
 */
export const noteLanguages = ['ru', 'ko'] as const;
export type NoteLanguage = (typeof noteLanguages)[number];
const languageNames: Record<NoteLanguage, string> = { ru: 'Russian', ko: 'Korean' };
function translations<T extends z.ZodRawShape>(shape: T) {
  const missing = (langs: string) => (issue: { input?: unknown }) => (issue.input === undefined ? `missing the ${langs} translation${langs.includes(" and ") ? "s" : ""}` : undefined);
  return z.strictObject(
    Object.fromEntries(noteLanguages.map((lang) => [lang, z.strictObject(shape, { error: missing(languageNames[lang]) })])) as Record<NoteLanguage, z.ZodObject<T, z.core.$strict>>,
    { error: missing(noteLanguages.map((lang) => languageNames[lang]).join(' and ')) },
  );
}

/**
 * Why a compiled term cannot ship, or undefined. The lexicon compiles words into regular-expression sources
 * (lexicon.ts), matched with the flag "u" on normalised text; a space in a term stands for any run of
 * separators. Besides compiling, a term must not match the empty string (it would fire everywhere) and must
 * not repeat a group that itself repeats: "(a+)+" backtracks exponentially on a long near-miss, and the
 * matcher runs on arbitrary pages.
 */
export function termProblem(source: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(source, 'iu');
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  if (re.test('')) return 'matches the empty string';
  if (/\[[^\]]* [^\]]*\]/u.test(source)) return 'has a space inside a character class (spaces are separator runs)';
  if (nestedQuantifier.test(source)) return 'repeats a group that contains a repetition (catastrophic backtracking)';
  return undefined;
}
// A group (no nested parentheses inside) containing + or * or {n,}, itself followed by + * or {n,}.
// Heuristic, not a proof; it catches the usual shapes. Spaces count as repetitions (separator runs).
const nestedQuantifier = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\}| )(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/u;

/**
 * A term (claims, framing; and what the lexicon compiles to) is a JavaScript regular-expression source, matched
 * on normalised text. Inside a term a single space stands for any run of separators the matcher accepts between
 * words (whitespace, NBSP, hyphen, dashes, slash), so never put a literal space inside a character class.
 */
const term = z.string().min(1, 'must not be empty').superRefine((source, ctx) => {
  const problem = termProblem(source);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: source });
});

/** Compiled terms per language (what the matcher runs; lexicon.ts makes them from the lexicon). */
export type TermsByLanguage = Partial<Record<PackLanguage, string[]>>;

/** aggregator: re-publishers and content farms; weaker than the rest, reported by `npm run dataset`. */
export const sourceKinds = ['primary', 'wire', 'news', 'analysis', 'reference', 'aggregator'] as const;

export const sourceSchema = z.strictObject({
  id,
  publisher: nonEmpty,
  title: nonEmpty,
  url: httpUrl,
  /** Publication date, or the date of the event it reports when the page gives none. */
  date: isoDate,
  kind: z.enum(sourceKinds),
  /**
   * What `date` is: "published" (the page's own date, the default) or "event" (the page gives no date
   * we could confirm, so this is the date of the event it reports). "context": the page's own date, and the page
   * is cited on purpose beside later events — background (an earlier treaty or visit) or the announcement of what
   * was to come — so the dataset check does not flag it as dated before them.
   */
  dateBasis: z.enum(['published', 'event', 'context']).optional(),
  language: z.enum(packLanguages).optional(),
  /**
   * Where the text was read when that was not the publisher's own page: a copy on another site (an agency story
   * on a member's site, a re-publisher). `publisher`, `title` and `date` always describe the original; `url` is
   * the original's address when it is known, else the nearest copy (and then the same as `readAt.url`).
   */
  readAt: z
    .strictObject({
      url: httpUrl,
      /** When the copy was read or published, if known. */
      date: isoDate.optional(),
    })
    .optional(),
});

export const factSchema = z.strictObject({
  id,
  text: nonEmpty,
  date: isoDate.optional(),
  /** Words in page text that make this fact relevant to a passage (card selection). */
  topics: z.array(nonEmpty).default([]),
  /** Higher shows first when nothing in the passage points elsewhere. */
  weight: z.number().min(0).max(10).default(1),
  disputed: z.boolean().default(false),
  sources: sourceIds,
  i18n: translations({ text: nonEmpty }),
});

export const timelineEventSchema = z.strictObject({
  id,
  date: isoDate,
  event: nonEmpty,
  sources: sourceIds,
});

export const quoteSchema = z.strictObject({
  id,
  text: nonEmpty,
  speaker: nonEmpty,
  role: nonEmpty,
  date: isoDate,
  venue: nonEmpty.optional(),
  /** Language the words were spoken or written in. */
  language: z.enum(packLanguages),
  /** Present when `text` is a translation: who translated, from what. */
  translation: nonEmpty.optional(),
  /** The words as spoken or written, in `language`, when `text` is a translation and the sources give them. */
  original: nonEmpty.optional(),
  /** Where `original` was read, when not in every one of `sources` (the original publisher's own text). */
  originalSources: sourceIds.optional(),
  /** What the words are about, in our words, when the quote is a fragment or its date/setting needs a note. */
  context: nonEmpty.optional(),
  topics: z.array(nonEmpty).default([]),
  sources: sourceIds,
  /**
   * The quote for a reader of each language: `text` is the words in that language — the original itself when
   * the quote was spoken in it, else a translation; `by` names the published translation it is taken from (a
   * source id), and without it the translation is ours, made from `original` or, failing that, the English.
   */
  i18n: translations({
    text: nonEmpty,
    by: id.optional(),
    speaker: nonEmpty,
    role: nonEmpty,
    venue: nonEmpty.optional(),
    context: nonEmpty.optional(),
  }),
});

export const verdicts = ['accurate', 'mostly-accurate', 'misleading', 'understated', 'unproven', 'opinion'] as const;

export const claimSchema = z.strictObject({
  id,
  /** schema.org ClaimReview.claimReviewed */
  claimReviewed: nonEmpty.max(75, 'must be at most 75 characters (schema.org ClaimReview)'),
  /** Terms that recognise the claim in one sentence; all of a group must match, any group may. */
  patterns: z.array(z.array(term).min(1)).min(1),
  verdict: z.enum(verdicts),
  /** schema.org reviewRating.alternateName: the verdict in words. */
  verdictLabel: nonEmpty,
  explanation: nonEmpty,
  sources: sourceIds,
  i18n: translations({ claimReviewed: nonEmpty, verdictLabel: nonEmpty, explanation: nonEmpty }),
});

export const framingTermSchema = z.strictObject({
  id,
  /** Regular-expression sources (flags "iu"), any language. */
  patterns: z.array(term).min(1),
  label: nonEmpty,
  usedBy: nonEmpty,
  neutral: nonEmpty,
  why: nonEmpty,
  sources: sourceIds,
  i18n: translations({ label: nonEmpty, usedBy: nonEmpty, neutral: nonEmpty, why: nonEmpty }),
});

export const exclusionSchema = z.strictObject({
  id,
  label: nonEmpty,
  reason: nonEmpty,
  /**
   * An earlier treaty between the same two sides (1961, 2000): a page that keeps coming back to it and never
   * writes a year of this treaty's time is about it, whatever it calls it.
   */
  earlier: z.boolean().optional(),
  /**
   * Russia's treaty with another country (Iran, Vietnam…): a page that names that country more often than North
   * Korea is about it, and only mentions that name both sides in their own words count there.
   */
  partner: z.boolean().optional(),
  /**
   * An anniversary of an earlier treaty ("the 63rd anniversary of the treaty", "조약 체결 63돌"): its words hold
   * the count of years, and they qualify a treaty word after them only within the clause (no comma between).
   */
  anniversary: z.boolean().optional(),
});

/** A word or phrase of a lexicon: plain text (letters, digits, spaces, hyphens, apostrophes), never a pattern. */
const PLAIN_PHRASE = /^=?[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} '’\-.,·]*$/u;
const PLAIN_PHRASE_MESSAGE = 'must be plain words (letters, digits, spaces, hyphens, apostrophes, commas), not a pattern';
/** Text inside a composed term: written as it reads, punctuation too ("n.", "&", "《"), but no pattern syntax. */
const PATTERN_SYNTAX = /[\\()[\]{}|*+?^$]/u;

type Issue = { path: (string | number)[]; message: string };
const PART_KEYS: Record<string, readonly string[]> = {
  optional: ['optional'],
  seq: ['seq', 'spacing', 'start', 'end'],
  endings: ['endings'],
  gap: ['gap', 'letters'],
  within: ['within', 'shortest', 'whole'],
  list: ['list'],
  count: ['count'],
};
const TERM_KEYS = [...PART_KEYS.seq!, 'precededBy', 'notPrecededBy', 'followedBy', 'notFollowedBy', 'near', 'awayFrom'];
const CONDITIONS = ['precededBy', 'notPrecededBy', 'followedBy', 'notFollowedBy'] as const;
const intIn = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a part of a composed term (lexicon.ts, `Part`), each with its path below `path`. */
function partIssues(part: unknown, path: (string | number)[], lists: ReadonlySet<string>, inSeq: boolean, out: Issue[]): void {
  if (typeof part === 'string') {
    if (part.trim() === '') out.push({ path, message: 'must not be empty' });
    else if (PATTERN_SYNTAX.test(part)) out.push({ path, message: `must be plain text, not a pattern (found "${PATTERN_SYNTAX.exec(part)![0]}"); write alternatives as an array, optional parts as {"optional": …}` });
    return;
  }
  if (Array.isArray(part)) {
    if (part.length === 0) out.push({ path, message: 'needs at least one alternative' });
    part.forEach((p, i) => partIssues(p, [...path, i], lists, false, out));
    return;
  }
  if (!isRecord(part)) {
    out.push({ path, message: 'must be a phrase, an array of alternatives or an object (optional, seq, endings, gap, within, list, count)' });
    return;
  }
  const kind = Object.keys(PART_KEYS).find((k) => k in part);
  if (!kind) {
    out.push({ path, message: `must have one of "optional", "seq", "endings", "gap", "within", "list", "count" (found ${Object.keys(part).map((k) => `"${k}"`).join(', ') || 'nothing'})` });
    return;
  }
  for (const key of Object.keys(part)) if (!PART_KEYS[kind]!.includes(key)) out.push({ path: [...path, key], message: `is not a field of a "${kind}" part (${PART_KEYS[kind]!.join(', ')})` });
  if (['endings', 'gap', 'within'].includes(kind) && !inSeq) out.push({ path: [...path, kind], message: `stands only inside a "seq", after the part it follows` });
  switch (kind) {
    case 'optional':
      partIssues(part.optional, [...path, 'optional'], lists, false, out);
      break;
    case 'seq':
      seqIssues(part, path, lists, out);
      break;
    case 'endings':
      if (part.endings !== 'any' && !(Array.isArray(part.endings) && part.endings.length > 0 && part.endings.every((e) => typeof e === 'string' && /^[\p{L}\p{M}',.]+$/u.test(e))))
        out.push({ path: [...path, 'endings'], message: 'must be "any" or a list of endings (letters, apostrophes)' });
      break;
    case 'gap':
      if (!intIn(part.gap, 1, 3)) out.push({ path: [...path, 'gap'], message: 'must be a number of words from 1 to 3' });
      if (part.letters !== undefined && !intIn(part.letters, 1, 20)) out.push({ path: [...path, 'letters'], message: 'must be a number of letters from 1 to 20' });
      break;
    case 'within':
      if (!intIn(part.within, 1, 200)) out.push({ path: [...path, 'within'], message: 'must be a number of characters from 1 to 200' });
      for (const flag of ['shortest', 'whole'] as const) if (part[flag] !== undefined && typeof part[flag] !== 'boolean') out.push({ path: [...path, flag], message: 'must be true or false' });
      break;
    case 'count':
      if (!intIn(part.count, 1, 99)) out.push({ path: [...path, 'count'], message: 'must be the smallest count, a whole number from 1 to 99' });
      break;
    case 'list':
      if (typeof part.list !== 'string' || !lists.has(part.list)) out.push({ path: [...path, 'list'], message: `names no list of this language (${[...lists].join(', ') || 'it has none'})` });
      break;
  }
}

function seqIssues(seq: Record<string, unknown>, path: (string | number)[], lists: ReadonlySet<string>, out: Issue[]): void {
  if (!Array.isArray(seq.seq) || seq.seq.length === 0) {
    out.push({ path: [...path, 'seq'], message: 'must be a non-empty list of parts' });
    return;
  }
  seq.seq.forEach((p, i) => partIssues(p, [...path, 'seq', i], lists, true, out));
  const required = seq.seq.filter((p) => !(isRecord(p) && ('optional' in p || 'endings' in p || 'gap' in p || 'within' in p)));
  if (required.length === 0) out.push({ path: [...path, 'seq'], message: 'needs a part that is not optional (it would match nothing)' });
  if (seq.spacing !== undefined && !(spacings as readonly unknown[]).includes(seq.spacing)) out.push({ path: [...path, 'spacing'], message: `must be one of ${spacings.join(', ')}` });
  for (const edge of ['start', 'end'] as const) {
    if (seq[edge] !== undefined && !(edges as readonly unknown[]).includes(seq[edge])) out.push({ path: [...path, edge], message: `must be one of ${edges.join(', ')}` });
  }
}

/** What is wrong with a lexicon item: a plain phrase, or a composed term (lexicon.ts, `ComposedTerm`). */
export function lexiconItemIssues(item: unknown, lists: ReadonlySet<string>): Issue[] {
  const out: Issue[] = [];
  if (typeof item === 'string') {
    if (item.trim() === '') out.push({ path: [], message: 'must not be empty' });
    else if (!PLAIN_PHRASE.test(item.trim())) out.push({ path: [], message: PLAIN_PHRASE_MESSAGE });
    return out;
  }
  if (!isRecord(item) || !('seq' in item)) {
    out.push({ path: [], message: 'must be a plain phrase or a composed term ({"seq": [parts], …})' });
    return out;
  }
  for (const key of Object.keys(item)) if (!TERM_KEYS.includes(key)) out.push({ path: [key], message: `is not a field of a composed term (${TERM_KEYS.join(', ')})` });
  seqIssues(item, [], lists, out);
  for (const c of CONDITIONS) if (item[c] !== undefined) partIssues(item[c], [c], lists, false, out);
  for (const n of ['near', 'awayFrom'] as const) {
    const v = item[n];
    if (v === undefined) continue;
    if (!isRecord(v) || !('words' in v)) out.push({ path: [n], message: 'must be {"words": part, "within": characters}' });
    else {
      for (const key of Object.keys(v)) if (key !== 'words' && key !== 'within') out.push({ path: [n, key], message: 'is not a field (words, within)' });
      partIssues(v.words, [n, 'words'], lists, false, out);
      if (!intIn(v.within, 1, 300)) out.push({ path: [n, 'within'], message: 'must be a number of characters from 1 to 300' });
    }
  }
  return out;
}

const lexiconItems = z.array(z.custom<LexiconItem>()).min(1, 'needs at least one word');
export const lexiconEntrySchema = z
  .strictObject({
    /** How a word's written form becomes its forms on a page (lexicon.ts); composed terms spell theirs out. */
    inflect: z
      .strictObject({
        strip: z.array(z.string().regex(/^\p{L}$/u, 'must be one letter')).optional(),
        endings: z.number().int().min(0).max(8).optional(),
        apostrophe: z.boolean().optional(),
        dotless: z.boolean().optional(),
        prefixes: z.array(z.string().regex(/^\p{L}{1,4}$/u, 'must be a few letters')).optional(),
      })
      .optional(),
    /** Named alternatives that composed terms share ({"list": "name"}): the parties' names, the treaty nouns. */
    lists: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a name of letters and digits'), z.array(z.custom<Part>()).min(1, 'needs at least one alternative')).optional(),
    ...(Object.fromEntries(LEXICON_GROUPS.map((g) => [g, lexiconItems.optional()])) as Record<LexiconGroup, z.ZodOptional<typeof lexiconItems>>),
    /** Look-alikes' words, by id in names.exclusions. */
    exclusions: z.record(z.string(), lexiconItems).optional(),
  })
  .superRefine((entry, ctx) => {
    const lists = new Set(Object.keys(entry.lists ?? {}));
    const check = (item: unknown, path: (string | number)[]) => {
      for (const issue of lexiconItemIssues(item, lists)) ctx.addIssue({ code: 'custom', path: [...path, ...issue.path], message: issue.message });
      if (typeof item !== 'string' && lexiconItemIssues(item, lists).length === 0) {
        for (const term of composedTerms(item as ComposedTerm, entry.lists ?? {})) {
          const problem = termProblem(term);
          if (problem) ctx.addIssue({ code: 'custom', path, message: `compiles to a term that ${problem}: ${term}` });
        }
      }
    };
    for (const [name, alternatives] of Object.entries(entry.lists ?? {})) {
      alternatives.forEach((p, i) => {
        const issues: Issue[] = [];
        partIssues(p, ['lists', name, i], lists, false, issues);
        for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      });
    }
    for (const g of LEXICON_GROUPS) entry[g]?.forEach((item, i) => check(item, [g, i]));
    for (const [id, items] of Object.entries(entry.exclusions ?? {})) items.forEach((item, i) => check(item, ['exclusions', id, i]));
  });

/**
 * The names: the look-alikes (what they are and why) and, per language, the lexicon all terms come from —
 * plain words and composed terms in groups (lexicon.ts, LEXICON_GROUPS), compiled into the matcher's terms.
 */
export const namesSchema = z
  .strictObject({
    exclusions: z.array(exclusionSchema),
    lexicon: z.partialRecord(z.enum(packLanguages), lexiconEntrySchema),
  })
  .superRefine((names, ctx) => {
    for (const group of ['treaty', 'russia', 'dprk', 'agreement', 'references'] as const) {
      if ((names.lexicon.en?.[group]?.length ?? 0) === 0) ctx.addIssue({ code: 'custom', path: ['lexicon', 'en', group], message: 'needs English words' });
    }
    const ids = new Set(names.exclusions.map((e) => e.id));
    for (const [lang, entry] of Object.entries(names.lexicon)) {
      for (const id of Object.keys(entry?.exclusions ?? {})) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['lexicon', lang, 'exclusions', id], message: `unknown look-alike "${id}" (not in names.exclusions)` });
      }
    }
    for (const e of names.exclusions) {
      if (!Object.values(names.lexicon).some((entry) => (entry?.exclusions?.[e.id]?.length ?? 0) > 0)) ctx.addIssue({ code: 'custom', path: ['exclusions'], message: `look-alike "${e.id}" has no words in any language's lexicon` });
    }
  });

export const topicPackSchema = z.strictObject({
  id,
  title: nonEmpty,
  shortTitle: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version'),
  updated: isoDate,
  summary: nonEmpty,
  /** The card's title and summary in the other note languages. */
  i18n: translations({ title: nonEmpty, shortTitle: nonEmpty, summary: nonEmpty }),
  names: namesSchema,
  facts: z.array(factSchema).min(1),
  timeline: z.array(timelineEventSchema),
  quotes: z.array(quoteSchema),
  claims: z.array(claimSchema),
  framing: z.array(framingTermSchema),
  sources: z.array(sourceSchema).min(1),
});

export type TopicPack = z.infer<typeof topicPackSchema>;
export type TopicPackInput = z.input<typeof topicPackSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Fact = z.infer<typeof factSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type FramingTerm = z.infer<typeof framingTermSchema>;
export type PackNames = z.infer<typeof namesSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type Exclusion = z.infer<typeof exclusionSchema>;
/** The matcher's names: compiled terms per group and per look-alike (lexicon.ts expandNames). */
export type MatchNames = Record<LexiconGroup, TermsByLanguage> & { exclusions: MatchExclusion[] };
/** A look-alike as the matcher reads it; the page bundles leave out its label and reason (pack-tools pageNames). */
export type MatchExclusion = Omit<Exclusion, 'label' | 'reason'> & Partial<Pick<Exclusion, 'label' | 'reason'>> & { terms: TermsByLanguage };
export type SourceKind = (typeof sourceKinds)[number];
