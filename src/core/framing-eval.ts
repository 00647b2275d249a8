/**
 * Sentence-level quality of the framing analyzer on a labelled corpus. "Opinion" = level some | strong;
 * labels judge the author's voice only. Used by the eval CLI (`DIR/framing.json`) and the corpus test.
 */
import type { FramingAnalyzer, FramingCue, FramingLevel } from './framing';

export interface FramingItem {
  source: string;
  sentence: string;
  label: 'opinion' | 'neutral';
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
}

export function evaluateFraming(items: FramingItem[], analyzer: Pick<FramingAnalyzer, 'assessSentences'>): FramingEvaluation {
  const r: FramingEvaluation = { precision: 0, recall: 0, tp: 0, fp: 0, fn: 0, tn: 0, misses: [], falseAlarms: [] };
  for (const item of items) {
    // A corpus item is one sentence; if the splitter cuts it, the item takes its most opinionated part.
    const parts = analyzer.assessSentences(item.sentence);
    const rank = { none: 0, some: 1, strong: 2 } as const;
    const level = parts.reduce<FramingLevel>((lv, p) => (rank[p.level] > rank[lv] ? p.level : lv), 'none');
    const cues = parts.flatMap((p) => p.cues.filter((c) => !c.quoted));
    const flagged = level !== 'none';
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
  r.precision = r.tp + r.fp ? r.tp / (r.tp + r.fp) : 1;
  r.recall = r.tp + r.fn ? r.tp / (r.tp + r.fn) : 1;
  return r;
}
