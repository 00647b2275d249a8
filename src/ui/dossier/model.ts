/**
 * What the dossier page shows, arranged from the pack: no DOM, no browser API, so it is tested against the
 * bundled pack directly. Every fact, timeline event, quote, claim and source of the pack has one place here.
 */
import type { Claim, Fact, Quote, Source, SourceKind, TimelineEvent, TopicPack } from '../../core/pack-schema';
import { sideOf, sides, type SideId } from './sides';

/** Facts weighted at least this much open the page ("In brief"), after the summary. */
export const BRIEF_MIN_WEIGHT = 7;

/**
 * Source kinds, strongest first, as the page groups them. Written out rather than imported from pack-schema,
 * which would bring zod into the page; a unit test keeps the two lists the same.
 */
export const sourceKindOrder: readonly SourceKind[] = ['primary', 'wire', 'news', 'analysis', 'reference', 'aggregator'];

export type TimelineEntry = { kind: 'event'; event: TimelineEvent } | { kind: 'today'; date: string };

export interface DossierModel {
  summary: string;
  /** The facts that matter most, by weight. */
  brief: Fact[];
  /** Every dated event, oldest first, with "today" where it falls; grouped by year. */
  timeline: { year: string; entries: TimelineEntry[] }[];
  /** Facts about one article of the treaty ("Article 4 …"), by article number. */
  articles: { article: number; facts: Fact[] }[];
  /** The remaining facts, in the pack's order. */
  otherFacts: Fact[];
  /** Quotes by the side their speaker speaks for, in the order of `sides`, each side's oldest first. */
  sides: { side: SideId; quotes: Quote[] }[];
  claims: Claim[];
  sources: { kind: SourceKind; sources: Source[] }[];
  sourceById: ReadonlyMap<string, Source>;
}

/** The article a fact is about, when it opens by naming one ("Article 4 is …", "Article 22: …"). */
export function articleOf(fact: Fact): number | undefined {
  const match = /^Article (\d+)\b/u.exec(fact.text);
  return match ? Number(match[1]) : undefined;
}

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export function buildDossier(pack: TopicPack, today: string): DossierModel {
  const brief = pack.facts.filter((fact) => fact.weight >= BRIEF_MIN_WEIGHT).sort((a, b) => b.weight - a.weight);
  const articleFacts = new Map<number, Fact[]>();
  for (const fact of pack.facts) {
    const article = articleOf(fact);
    if (article !== undefined) articleFacts.set(article, [...(articleFacts.get(article) ?? []), fact]);
  }
  const otherFacts = pack.facts.filter((fact) => fact.weight < BRIEF_MIN_WEIGHT && articleOf(fact) === undefined);

  // Array.prototype.sort is stable: same-day events keep the pack's order.
  const entries: TimelineEntry[] = [...pack.timeline].sort(byDate).map((event) => ({ kind: 'event', event }));
  const todayAt = entries.findIndex((entry) => entry.kind === 'event' && entry.event.date > today);
  entries.splice(todayAt < 0 ? entries.length : todayAt, 0, { kind: 'today', date: today });
  const timeline: DossierModel['timeline'] = [];
  for (const entry of entries) {
    const year = (entry.kind === 'event' ? entry.event.date : entry.date).slice(0, 4);
    const last = timeline.at(-1);
    if (last?.year === year) last.entries.push(entry);
    else timeline.push({ year, entries: [entry] });
  }

  const quotesBySide = new Map<SideId, Quote[]>();
  for (const quote of [...pack.quotes].sort(byDate)) {
    const side = sideOf(quote.role);
    quotesBySide.set(side, [...(quotesBySide.get(side) ?? []), quote]);
  }
  const sideOrder: SideId[] = [...sides.map((side) => side.id), 'other'];

  return {
    summary: pack.summary,
    brief,
    timeline,
    articles: [...articleFacts].sort(([a], [b]) => a - b).map(([article, facts]) => ({ article, facts })),
    otherFacts,
    sides: sideOrder.filter((side) => quotesBySide.has(side)).map((side) => ({ side, quotes: quotesBySide.get(side)! })),
    claims: pack.claims,
    sources: sourceKindOrder
      .map((kind) => ({ kind, sources: pack.sources.filter((source) => source.kind === kind) }))
      .filter((group) => group.sources.length > 0),
    sourceById: new Map(pack.sources.map((source) => [source.id, source])),
  };
}

/**
 * Text folded for the filter: case and accents ignored ("Ямато" finds "ямато", "Pyongyang" finds "PYONGYANG",
 * "Korea" finds "Koréa"), in any script. NFKD then dropping marks is done to both sides, so Hangul (which NFKD
 * splits into jamo) still matches itself, and so does a syllable typed half-way.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, folded; an item matches when its text holds every one of them. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/u).filter(Boolean);
}

export function matchesWords(folded: string, words: readonly string[]): boolean {
  return words.every((word) => folded.includes(word));
}

const sourceText = (ids: readonly string[], sources: ReadonlyMap<string, Source>) =>
  ids.map((id) => sources.get(id)).flatMap((source) => (source ? [source.publisher, source.title] : []));

/** Everything a reader could type to find an item: its words, who and when, and who reported it. */
export const searchText = {
  fact: (fact: Fact, sources: ReadonlyMap<string, Source>) => [fact.text, fact.date ?? '', ...sourceText(fact.sources, sources)],
  event: (event: TimelineEvent, sources: ReadonlyMap<string, Source>) => [event.event, event.date, ...sourceText(event.sources, sources)],
  quote: (quote: Quote, sources: ReadonlyMap<string, Source>) => [
    quote.text,
    quote.original ?? '',
    quote.speaker,
    quote.role,
    quote.venue ?? '',
    quote.context ?? '',
    quote.translation ?? '',
    quote.date,
    ...sourceText(quote.sources, sources),
  ],
  claim: (claim: Claim, sources: ReadonlyMap<string, Source>) => [claim.claimReviewed, claim.verdictLabel, claim.explanation, ...sourceText(claim.sources, sources)],
  source: (source: Source) => [source.publisher, source.title, source.url, source.date, source.readAt?.url ?? ''],
};
