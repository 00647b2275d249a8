/**
 * Which of the pack's facts, quote and timeline events a card shows for one passage. Deterministic: topic
 * overlap with the passage first, then the pack's weight, then pack order. No DOM, no browser API.
 */
import type { Fact, Quote, TopicPack } from './pack-schema';
import { compileTermSource } from './framing';
import { cheapLetterClasses } from './matcher';

type TimelineEvent = TopicPack['timeline'][number];

export interface SelectOptions {
  /** Fewest and most facts (defaults 3 and 5). */
  minFacts?: number;
  maxFacts?: number;
  /** How many timeline events to add (default 0: none). */
  timeline?: number;
}
export interface SelectedNotes {
  facts: Fact[];
  quote: Quote | undefined;
  timeline?: TimelineEvent[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const topicCache = new Map<string, RegExp>();
/** A topic is plain words; matched case-insensitively on word edges, a space standing for any separator. */
export function topicRe(topic: string): RegExp {
  let re = topicCache.get(topic);
  if (!re) {
    // English endings (-s, 's) allowed; inflected scripts keep an open end, the topic being a stem there.
    const tail = /[^\x00-\x7f]/.test(topic) ? '' : "(?:e?s|['’]s)?(?![\\p{L}\\p{N}])";
    // Letter classes written out: \p{L} under "iu" made each of these slow to compile (the first card).
    re = new RegExp(cheapLetterClasses(`(?<![\\p{L}\\p{N}])(?:${compileTermSource(escape(topic.trim()).replace(/\s+/g, ' '))})${tail}`), 'iu');
    topicCache.set(topic, re);
  }
  return re;
}

/** The topic's longest word, lower case: a passage without it cannot match the topic's pattern. */
const needles = new Map<string, string>();
let lowered = { text: '', lower: '' };

/**
 * Does the passage name the topic? A plain substring test first: compiling the topics' Unicode patterns on the
 * first card of a page cost ~400 ms in Chromium, and most topics are not in a given passage.
 */
export function mentionsTopic(topic: string, passage: string): boolean {
  let needle = needles.get(topic);
  if (needle === undefined) {
    needle = topic.trim().toLowerCase().split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    needles.set(topic, needle);
  }
  if (lowered.text !== passage) lowered = { text: passage, lower: passage.toLowerCase() };
  return lowered.lower.includes(needle) && topicRe(topic).test(passage);
}

const overlap = (topics: readonly string[], passage: string) => topics.reduce((n, t) => n + (mentionsTopic(t, passage) ? 1 : 0), 0);

/** Surname (last word) of a speaker, to notice "Putin" in a passage about "Vladimir Putin". */
function speakerMentioned(speaker: string, passage: string): boolean {
  const parts = speaker.split(/[\s,()]+/).filter((w) => w.length > 2);
  return parts.length > 0 && parts.some((w) => /^\p{Lu}/u.test(w) && mentionsTopic(w, passage));
}

export function selectNotes(pack: TopicPack, passage: string, opts: SelectOptions = {}): SelectedNotes {
  const min = opts.minFacts ?? 3;
  const max = Math.max(min, opts.maxFacts ?? 5);
  const ranked = pack.facts
    .map((fact, i) => ({ fact, i, score: overlap(fact.topics, passage) }))
    .sort((a, b) => b.score - a.score || b.fact.weight - a.fact.weight || a.i - b.i);
  // Every fact the passage points at (up to max), topped up to min with the heaviest others.
  const matched = ranked.filter((r) => r.score > 0).length;
  const facts = ranked.slice(0, Math.min(max, Math.max(min, matched))).map((r) => r.fact);

  let quote: Quote | undefined;
  let best = 0;
  pack.quotes.forEach((q) => {
    const score = overlap(q.topics, passage) + (speakerMentioned(q.speaker, passage) ? 2 : 0);
    if (score > best) {
      best = score;
      quote = q;
    }
  });
  // Nothing in the passage points at a quote: the pack's first (its editors put the most telling one first).
  quote ??= pack.quotes[0];

  const out: SelectedNotes = { facts, quote };
  if (opts.timeline && opts.timeline > 0) out.timeline = pickTimeline(pack.timeline, passage, opts.timeline);
  return out;
}

/** Events sharing the most long words (or the year) with the passage, shown in date order. */
function pickTimeline(events: readonly TimelineEvent[], passage: string, n: number): TimelineEvent[] {
  const words = new Set<string>([
    ...(passage.toLowerCase().match(/[\p{L}\p{N}]{5,}/gu) ?? []),
    ...(passage.match(/\b(?:19|20)\d\d\b/g) ?? []),
  ]);
  return events
    .map((e, i) => ({
      e,
      i,
      score: (e.event.toLowerCase().match(/[\p{L}\p{N}]{5,}/gu) ?? []).filter((w) => words.has(w)).length + (words.has(e.date.slice(0, 4)) ? 1 : 0),
    }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.e)
    .sort((a, b) => a.date.localeCompare(b.date));
}
