/**
 * The pack's notes in the reader's language: English is written in each item's own fields, the other note
 * languages in its `i18n` (required by the schema for every item the card can show). Nothing is translated
 * here; this only picks. No DOM, no browser API.
 */
import type { FramingCue, FramingResult } from './framing';
import type { UiLanguage } from './i18n';
import type { Claim, Fact, FramingTerm, Quote, Source, TopicPack } from './pack-schema';

export interface LocalQuoteWords {
  text: string;
  /** Language of `text` (a pack language code). */
  lang: string;
  /** How the words came to be in `lang`: the speaker's own, a published translation (the source), or ours. */
  origin: { kind: 'original' } | { kind: 'published'; note: string } | { kind: 'ours'; from?: string };
}

export interface LocalQuote {
  /** The pack's id (the dossier's anchor). */
  id: string;
  /** The words as spoken when the pack has them; else the nearest published rendering (English). */
  words: LocalQuoteWords;
  /** The words in the reader's language, when `words` are in another. */
  translation?: LocalQuoteWords;
  speaker: string;
  role: string;
  venue?: string;
  context?: string;
  /** How the English rendering came about, in full (English readers only; the card shows it under "More"). */
  translationNote?: string;
  date: string;
  sources: readonly string[];
}

export function localTitle(pack: TopicPack, lang: UiLanguage): { title: string; shortTitle: string; summary: string } {
  return lang === 'en' ? { title: pack.title, shortTitle: pack.shortTitle, summary: pack.summary } : pack.i18n[lang];
}

export function localFact(fact: Fact, lang: UiLanguage): Fact {
  return lang === 'en' ? fact : { ...fact, text: fact.i18n[lang].text };
}

export function localClaim(claim: Claim, lang: UiLanguage): Claim {
  return lang === 'en' ? claim : { ...claim, ...claim.i18n[lang] };
}

export function localTerm(term: FramingTerm, lang: UiLanguage): FramingTerm {
  return lang === 'en' ? term : { ...term, ...term.i18n[lang] };
}

/**
 * A quote as the reader sees it: the original words when the pack has them (an English speaker's words always),
 * with the reader's language beneath when it differs. Without the original, the published English rendering is
 * shown as a translation, and a reader of another language gets our translation of it, said to be ours.
 */
export function localQuote(quote: Quote, lang: UiLanguage, sources: ReadonlyMap<string, Source>): LocalQuote {
  const local = lang === 'en' ? undefined : quote.i18n[lang];
  const publisherOf = (id: string | undefined) => (id ? sources.get(id)?.publisher : undefined);
  const englishSource = publisherOf(quote.sources[0]);
  const english: LocalQuoteWords =
    quote.language === 'en' ? { text: quote.text, lang: 'en', origin: { kind: 'original' } } : { text: quote.text, lang: 'en', origin: { kind: 'published', note: englishSource ?? quote.translation ?? '' } };
  const original: LocalQuoteWords | undefined =
    quote.language === 'en' ? english : quote.original ? { text: quote.original, lang: quote.language, origin: { kind: 'original' } } : undefined;
  let readers: LocalQuoteWords;
  if (!local) readers = english;
  else if (local.by) readers = { text: local.text, lang, origin: { kind: 'published', note: publisherOf(local.by) ?? local.by } };
  else if (quote.language === lang && original) readers = original;
  else readers = { text: local.text, lang, origin: { kind: 'ours', ...(original ? {} : englishSource ? { from: englishSource } : {}) } };

  const view: LocalQuote = {
    id: quote.id,
    words: original ?? readers,
    speaker: local?.speaker ?? quote.speaker,
    role: local?.role ?? quote.role,
    date: quote.date,
    sources: quote.originalSources ? [...new Set([...quote.originalSources, ...quote.sources])] : quote.sources,
  };
  if (original && original.lang !== lang) view.translation = readers;
  const venue = local ? local.venue : quote.venue;
  const context = local ? local.context : quote.context;
  if (venue) view.venue = venue;
  if (context) view.context = context;
  if (lang === 'en' && quote.translation) view.translationNote = quote.translation;
  return view;
}

/** Framing cues with their reason and neutral wording in the reader's language. */
export function localFraming(
  framing: FramingResult | null,
  lang: UiLanguage,
  terms: ReadonlyMap<string, FramingTerm>,
  ruleReason: (kind: FramingCue['kind']) => string,
): FramingResult | null {
  if (!framing) return null;
  const cues = framing.cues.map((cue): FramingCue => {
    const term = cue.termId ? terms.get(cue.termId) : undefined;
    if (term) {
      const local = localTerm(term, lang);
      return { ...cue, explanation: local.why, neutral: local.neutral };
    }
    if (cue.kind === 'author-judgement') return cue;
    // A rule's reason is written for editors, in English (framing.ts): the reader gets the kind's reason in
    // their words, and a rule's neutral wording only in English.
    const { neutral, ...rest } = cue;
    return lang === 'en' && neutral ? { ...rest, neutral, explanation: ruleReason(cue.kind) } : { ...rest, explanation: ruleReason(cue.kind) };
  });
  return { ...framing, cues };
}
