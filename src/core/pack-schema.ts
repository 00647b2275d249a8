/**
 * The topic pack: everything a card shows and everything detection needs, as data.
 * Validated at build time (build.mjs), in tests, and by the CLI. No DOM, no browser API.
 */
import { z } from 'zod';

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
 * A term is a JavaScript regular-expression source, compiled with the flags "iu" by the matcher.
 * Inside a term a single space stands for any run of separators the matcher accepts between words
 * (whitespace, NBSP, hyphen, dashes, slash) — the matcher normalises page text before matching.
 * So never put a literal space inside a character class: the matcher's substitution would break it.
 */
const term = z.string().min(1, 'must not be empty').superRefine((source, ctx) => {
  const problem = termProblem(source);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: source });
});

/**
 * Why a term cannot ship, or undefined. Besides compiling, a term must not match the empty string
 * (it would fire everywhere) and must not repeat a group that itself repeats: "(a+)+" backtracks
 * exponentially on a long near-miss, and the matcher runs on arbitrary pages.
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

/** Terms per language, English optional: the lexicon may supply them (checked on the names as a whole). */
const partyTerms = z.partialRecord(z.enum(packLanguages), z.array(term).min(1, 'needs at least one term'));
/** Terms per language; at least English. */
const termsByLanguage = z
  .partialRecord(z.enum(packLanguages), z.array(term).min(1, 'needs at least one term'))
  .refine((byLang) => (byLang.en?.length ?? 0) > 0, 'needs English terms');

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
  /** A sentence matching one of these (and no explicit 2024 name) is about something else. */
  terms: termsByLanguage,
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
});

/** A word or phrase of a lexicon: plain text (letters, digits, spaces, hyphens, apostrophes), never a pattern. */
const lexiconPhrase = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^=?[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} '’\-.,·]*$/u, 'must be plain words (letters, digits, spaces, hyphens, apostrophes, commas), not a pattern');
const lexiconWords = z.array(lexiconPhrase).min(1, 'needs at least one word');
export const lexiconEntrySchema = z.strictObject({
  /** How a word's written form becomes its forms on a page (lexicon.ts). */
  inflect: z
    .strictObject({
      strip: z.array(z.string().regex(/^\p{L}$/u, 'must be one letter')).optional(),
      endings: z.number().int().min(0).max(8).optional(),
      apostrophe: z.boolean().optional(),
      dotless: z.boolean().optional(),
      prefixes: z.array(z.string().regex(/^\p{L}{1,4}$/u, 'must be a few letters')).optional(),
    })
    .optional(),
  russia: lexiconWords.optional(),
  dprk: lexiconWords.optional(),
  agreement: lexiconWords.optional(),
  references: lexiconWords.optional(),
  cues: lexiconWords.optional(),
  generic: lexiconWords.optional(),
  fresh: lexiconWords.optional(),
  replaces: lexiconWords.optional(),
  signing: lexiconWords.optional(),
  withParty: lexiconWords.optional(),
  pointing: lexiconWords.optional(),
  pointingAfter: lexiconWords.optional(),
  general: lexiconWords.optional(),
  third: lexiconWords.optional(),
  summit: lexiconWords.optional(),
  bond: lexiconWords.optional(),
  when: lexiconWords.optional(),
  venue: lexiconWords.optional(),
  exclusions: z.record(z.string(), lexiconWords).optional(),
});

export const namesSchema = z.strictObject({
  /** Names that on their own denote this treaty. */
  treaty: termsByLanguage,
  /** Names of the Russian side (country, capital, leader, government); plain words go in the lexicon. */
  russia: partyTerms,
  /** Names of the North Korean side; plain words go in the lexicon. */
  dprk: partyTerms,
  /** Words for an agreement (treaty, pact, deal, alliance…). */
  agreement: termsByLanguage,
  /** Short references later in a document that already has a confident mention ("the treaty", "Article 4"). */
  references: termsByLanguage,
  exclusions: z.array(exclusionSchema),
  /**
   * Words that tie a page to this treaty rather than to the two countries in general ("mutual assistance",
   * "Article 4", "comprehensive strategic partnership"): with both parties on the page, they let the
   * document-level pass count references before any full mention.
   */
  cues: termsByLanguage.optional(),
  /**
   * Words for an agreement in general ("agreement", "соглашение", "협정", "anlaşma"): they name this treaty only
   * beside the DPRK side or on a page about it, never by sharing a sentence with both sides ("Russia and North
   * Korea signed an agreement on tourism").
   */
  generic: termsByLanguage.optional(),
  /** "New" as the languages write it before a treaty word ("the new pact", "nový dokument"): not a reference back. */
  fresh: termsByLanguage.optional(),
  /** Verbs of replacing: a sentence saying the treaty replaces the 1961 or 2000 one is about this treaty. */
  replaces: termsByLanguage.optional(),
  /**
   * Verbs of signing or concluding ("signed", "заключила", "체결한"): an agreement signed with the DPRK side
   * ("the one Moscow signed with Pyongyang") is this treaty when the page names Russia.
   */
  signing: termsByLanguage.optional(),
  /** Words for "with" and "between" that tie a signing verb to the DPRK side ("with", "между", "과", "と", "与"). */
  withParty: termsByLanguage.optional(),
  /**
   * Words that point back, written before the noun ("this", "questo", "этот", "이", "这一"): right after a passing
   * mention on a page about a look-alike, "this treaty" in the next sentence is the one just named.
   */
  pointing: termsByLanguage.optional(),
  /** The same written after the noun (Vietnamese "hiệp ước này"). */
  pointingAfter: termsByLanguage.optional(),
  /**
   * Words that make a treaty word beside them any agreement, not this treaty: written just before it ("any
   * treaty", "keine Verträge", "各种条约", "wszystkie porozumienia") or holding it ("법률문서", a legal document).
   */
  general: termsByLanguage.optional(),
  /**
   * Third countries: a treaty word within two words of them ("treaties with third states", "Verträge mit
   * Drittstaaten", "第三国との条約") is an agreement with someone else, which the treaty rules out.
   */
  third: termsByLanguage.optional(),
  /**
   * The signing told as an event, without a word for a treaty (matcher.ts, events): words for the meeting
   * ("summit", "visit", "саммит", "정상회담"), for what was sealed there ("partnership", "alliance", "союз",
   * "동맹"), for "at which" / "when" that tie a meeting to what was signed at it, and for the time and place of
   * the signing beyond the DPRK side's names ("that summer", "in June", "Kumsusan").
   */
  summit: termsByLanguage.optional(),
  bond: termsByLanguage.optional(),
  when: termsByLanguage.optional(),
  venue: termsByLanguage.optional(),
  /** Names as plain words per language, with a morphology rule; folded into the groups above (lexicon.ts). */
  lexicon: z.partialRecord(z.enum(packLanguages), lexiconEntrySchema).optional(),
}).superRefine((names, ctx) => {
  for (const side of ['russia', 'dprk'] as const) {
    if ((names[side].en?.length ?? 0) + (names.lexicon?.en?.[side]?.length ?? 0) === 0) ctx.addIssue({ code: 'custom', path: [side], message: 'needs English terms (here or in lexicon.en)' });
  }
  const ids = new Set(names.exclusions.map((e) => e.id));
  for (const [lang, entry] of Object.entries(names.lexicon ?? {})) {
    for (const id of Object.keys(entry?.exclusions ?? {})) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['lexicon', lang, 'exclusions', id], message: `unknown look-alike "${id}" (not in names.exclusions)` });
    }
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
export type TermsByLanguage = z.infer<typeof termsByLanguage>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type Exclusion = z.infer<typeof exclusionSchema>;
export type SourceKind = (typeof sourceKinds)[number];
