/**
 * Sentence-level quality of the framing analyzer on a labelled corpus. "Opinion" = level some | strong;
 * labels judge the author's voice only. Used by the eval CLI (`DIR/framing.json`, or the shared corpus's
 * sentences.json with lang, quoted and split) and the corpus test.
 */
import type { FramingAnalyzer, FramingCue, FramingLevel } from './framing';

export interface FramingItem {
  source: string;
  sentence: string;
  label: 'opinion' | 'neutral';
  lang?: string;
  /** A neutral sentence whose loaded words are all inside attributed quotation marks. */
  quoted?: boolean;
  split?: string;
}
export interface FramingSlice {
  sentences: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
export interface FramingMiss extends FramingItem {
  level: FramingLevel;
  /** Author-voice cues (for false alarms: what raised the flag). */
  cues: FramingCue[];
}
export interface FramingEvaluation {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Opinion sentences the analyzer left unflagged. */
  misses: FramingMiss[];
  /** Neutral sentences the analyzer flagged. */
  falseAlarms: FramingMiss[];
  /** Per language, when the items carry one ("-" for items without). */
  byLanguage: Record<string, FramingSlice>;
  /** Neutral sentences that only quote loaded words (quoted: true), and how many of them were flagged. */
  quotedNeutral: { sentences: number; flagged: number };
}

/** Precision, recall and F1 of the opinion flag from its counts (1 where nothing was flagged, or due). */
export function scoresOf(c: { tp: number; fp: number; fn: number }): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function evaluateFraming(items: FramingItem[], analyzer: Pick<FramingAnalyzer, 'assessSentences'>): FramingEvaluation {
  const r: FramingEvaluation = {
    precision: 0,
    recall: 0,
    tp: 0,
    fp: 0,
    fn: 0,
    tn: 0,
    misses: [],
    falseAlarms: [],
    byLanguage: {},
    quotedNeutral: { sentences: 0, flagged: 0 },
  };
  for (const item of items) {
    // A corpus item is one sentence; if the splitter cuts it, the item takes its most opinionated part.
    const parts = analyzer.assessSentences(item.sentence);
    const rank = { none: 0, some: 1, strong: 2 } as const;
    const level = parts.reduce<FramingLevel>((lv, p) => (rank[p.level] > rank[lv] ? p.level : lv), 'none');
    const cues = parts.flatMap((p) => p.cues.filter((c) => !c.quoted));
    const flagged = level !== 'none';
    const slice = (r.byLanguage[item.lang ?? '-'] ??= { sentences: 0, precision: 0, recall: 0, f1: 0, tp: 0, fp: 0, fn: 0, tn: 0 });
    slice.sentences++;
    if (item.label === 'opinion') slice[flagged ? 'tp' : 'fn']++;
    else slice[flagged ? 'fp' : 'tn']++;
    if (item.quoted && item.label === 'neutral') {
      r.quotedNeutral.sentences++;
      if (flagged) r.quotedNeutral.flagged++;
    }
    if (item.label === 'opinion') {
      if (flagged) r.tp++;
      else {
        r.fn++;
        r.misses.push({ ...item, level, cues });
      }
    } else if (flagged) {
      r.fp++;
      r.falseAlarms.push({ ...item, level, cues });
    } else r.tn++;
  }
  ({ precision: r.precision, recall: r.recall } = scoresOf(r));
  for (const s of Object.values(r.byLanguage)) Object.assign(s, scoresOf(s));
  return r;
}
