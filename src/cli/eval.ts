/**
 * `npm run eval -- [--json] [--pack FILE] [--framing FILE] DIR` — detection and framing quality on a labelled
 * corpus.
 *
 * DIR/labels.json: [{ "file": "…", "label": "positive" | "negative", "mentions": ["exact substring", …] }],
 * paths relative to DIR. Document level: a page is "detected" when it gets at least one mention; precision
 * and recall over the positive labels. Mention level: a labelled substring (every occurrence of it in the
 * page text) counts as found when a detected mention overlaps one occurrence. Every miss and every false alarm
 * is listed.
 *
 * Framing: when DIR/framing.json exists (or --framing FILE is given): [{ "source", "sentence", "label":
 * "opinion" | "neutral", "lang"?, "quoted"?, "split"? }] (the shared corpus's sentences.json has this form).
 * Sentence-level precision, recall and F1 for "opinion" (level some | strong), overall and per language, the
 * quoted-neutral sentences flagged, every miss and false alarm and the cues behind it (core/framing-eval.ts),
 * under `framing` in --json. --split keeps only the sentences of that part.
 *
 * It reports and does not judge: exit 0, unless the corpus, the framing labels or the pack cannot be read (2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FramingAnalyzer } from '../core/framing';
import { evaluateFraming, scoresOf, type FramingEvaluation, type FramingItem } from '../core/framing-eval';
import type { Matcher } from '../core/matcher';
import { compileTools, loadPack, readFilePage, type Io, type ScannedMention } from './scan';

export interface Label {
  file: string;
  label: 'positive' | 'negative';
  mentions?: string[];
  /** Optional (the shared real-text corpus has them): language, failure class, dev/test part. */
  lang?: string;
  kind?: string;
  split?: string;
}

/** Detection figures for one slice of the corpus (a language, a kind of page). */
export interface SliceFigures {
  documents: number;
  positives: number;
  docPrecision: number;
  docRecall: number;
  mentionRecall: number;
  falsePositives: number;
  falseNegatives: number;
  labelledMentions: number;
  foundMentions: number;
}

export interface EvalReport {
  documents: number;
  docPrecision: number;
  docRecall: number;
  mentionRecall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  labelledMentions: number;
  foundMentions: number;
  /** Positive pages with no detection, and labelled mentions not overlapped. */
  misses: { file: string; mention?: string; reason: string }[];
  /** Detections on negative pages (each mention listed). */
  falseAlarms: { file: string; text: string; kind: string; confidence: number }[];
  /** On positive pages: underlines that overlap no labelled mention, and the share of those that do. */
  unlabelled: { file: string; text: string; kind: string; confidence: number }[];
  mentionPrecision: number;
  errors: { file: string; error: string }[];
  /** Per language and per kind of page, when the labels carry them. */
  byLanguage: Record<string, SliceFigures>;
  byKind: Record<string, SliceFigures>;
  /** The part scored ("dev", "test"), when only one was. */
  split?: string;
  /** Present when the corpus has framing labels. */
  framing?: FramingReport;
}

export interface FramingReport extends FramingEvaluation {
  /** The labels file read. */
  file: string;
  sentences: number;
  f1: number;
}

export interface FramingOptions {
  analyzer: FramingAnalyzer;
  /** Labels file; default DIR/framing.json, skipped when absent. An explicit file must exist. */
  file?: string;
}

export function readLabels(dir: string): Label[] {
  const raw = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error('labels.json must be an array');
  return raw.map((entry, i) => {
    const e = entry as Partial<Label>;
    if (typeof e.file !== 'string' || (e.label !== 'positive' && e.label !== 'negative')) {
      throw new Error(`labels.json[${i}]: needs "file" and "label" ("positive" or "negative")`);
    }
    const optional = (k: 'lang' | 'kind' | 'split') => (typeof e[k] === 'string' ? { [k]: e[k] } : {});
    return {
      file: e.file,
      label: e.label,
      mentions: Array.isArray(e.mentions) ? e.mentions.map(String) : [],
      ...optional('lang'),
      ...optional('kind'),
      ...optional('split'),
    };
  });
}

export function readFramingLabels(file: string): FramingItem[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${file} must be an array`);
  return raw.map((entry, i) => {
    const e = entry as Partial<FramingItem>;
    if (typeof e.sentence !== 'string' || (e.label !== 'opinion' && e.label !== 'neutral')) {
      throw new Error(`${file}[${i}]: needs "sentence" and "label" ("opinion" or "neutral")`);
    }
    return {
      source: typeof e.source === 'string' ? e.source : '',
      sentence: e.sentence,
      label: e.label,
      ...(typeof e.lang === 'string' ? { lang: e.lang } : {}),
      ...(typeof e.quoted === 'boolean' ? { quoted: e.quoted } : {}),
      ...(typeof e.split === 'string' ? { split: e.split } : {}),
    };
  });
}

export function evaluateFramingFile(file: string, analyzer: FramingAnalyzer, split?: string): FramingReport {
  const items = readFramingLabels(file).filter((item) => split === undefined || item.split === split);
  const r = evaluateFraming(items, analyzer);
  return { file, sentences: items.length, ...r, f1: scoresOf(r).f1 };
}

function occurrences(haystack: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

/** Detection figures; framing figures too when `framing` is given and its labels file exists. */
export function evaluate(dir: string, matcher: Matcher, framing?: FramingOptions, split?: string): EvalReport {
  const labels = readLabels(dir).filter((l) => split === undefined || l.split === split);
  const slices = { byLanguage: new Map<string, Tally>(), byKind: new Map<string, Tally>() };
  const tallyOf = (map: Map<string, Tally>, key: string | undefined) => {
    const k = key ?? '?';
    let t = map.get(k);
    if (!t) map.set(k, (t = newTally()));
    return t;
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let labelled = 0;
  let found = 0;
  const misses: EvalReport['misses'] = [];
  const falseAlarms: EvalReport['falseAlarms'] = [];
  const unlabelled: EvalReport['unlabelled'] = [];
  let detectedOnPositives = 0;
  const errors: EvalReport['errors'] = [];
  for (const l of labels) {
    let pageText: string;
    let mentions: ScannedMention[];
    try {
      ({ pageText, mentions } = readFilePage(join(dir, l.file), matcher));
    } catch (error) {
      errors.push({ file: l.file, error: (error as Error).message });
      if (l.label === 'positive') {
        fn++;
        misses.push({ file: l.file, reason: `unreadable: ${(error as Error).message}` });
        labelled += l.mentions?.length ?? 0;
      }
      continue;
    }
    const detected = mentions.length > 0;
    const labelledSpans: [number, number][] = [];
    const tallies = [tallyOf(slices.byLanguage, l.lang), tallyOf(slices.byKind, l.kind)];
    const foundBefore = found;
    const labelledBefore = labelled;
    if (l.label === 'positive') {
      if (detected) tp++;
      else {
        fn++;
        misses.push({ file: l.file, reason: 'page not detected' });
      }
      for (const want of l.mentions ?? []) {
        labelled++;
        const occ = occurrences(pageText, want);
        if (occ.length === 0) {
          misses.push({ file: l.file, mention: want, reason: 'label text not in page text' });
          continue;
        }
        const hit = occ.some(([s, e]) => mentions.some((m) => m.start < e && s < m.end));
        if (hit) found++;
        else misses.push({ file: l.file, mention: want, reason: 'not detected' });
        labelledSpans.push(...occ);
      }
      // Underlines on a positive page that overlap no labelled mention: the labels list every mention, so
      // these are most likely false (or a mention the labeller missed).
      for (const m of mentions) {
        detectedOnPositives++;
        if (!labelledSpans.some(([s, e]) => m.start < e && s < m.end)) unlabelled.push({ file: l.file, text: m.text, kind: m.kind, confidence: m.confidence });
      }
    } else if (detected) {
      fp++;
      for (const m of mentions) falseAlarms.push({ file: l.file, text: m.text, kind: m.kind, confidence: m.confidence });
    }
    for (const t of tallies) {
      t.documents++;
      if (l.label === 'positive') {
        t.positives++;
        if (detected) t.tp++;
        else t.fn++;
      } else if (detected) t.fp++;
      t.found += found - foundBefore;
      t.labelled += labelled - labelledBefore;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const framingFile = framing && (framing.file ?? join(dir, 'framing.json'));
  const report: EvalReport = {
    documents: labels.length,
    docPrecision: ratio(tp, tp + fp),
    docRecall: ratio(tp, tp + fn),
    mentionRecall: ratio(found, labelled),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    labelledMentions: labelled,
    foundMentions: found,
    misses,
    falseAlarms,
    unlabelled,
    mentionPrecision: ratio(detectedOnPositives - unlabelled.length, detectedOnPositives),
    errors,
    byLanguage: figuresOf(slices.byLanguage),
    byKind: figuresOf(slices.byKind),
    ...(split !== undefined ? { split } : {}),
  };
  if (framing && framingFile && (framing.file !== undefined || existsSync(framingFile))) {
    report.framing = evaluateFramingFile(framingFile, framing.analyzer, split);
  }
  return report;
}

interface Tally {
  documents: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  found: number;
  labelled: number;
}
const newTally = (): Tally => ({ documents: 0, positives: 0, tp: 0, fp: 0, fn: 0, found: 0, labelled: 0 });

function figuresOf(map: Map<string, Tally>): Record<string, SliceFigures> {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const out: Record<string, SliceFigures> = {};
  for (const [k, t] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    out[k] = {
      documents: t.documents,
      positives: t.positives,
      docPrecision: ratio(t.tp, t.tp + t.fp),
      docRecall: ratio(t.tp, t.tp + t.fn),
      mentionRecall: ratio(t.found, t.labelled),
      falsePositives: t.fp,
      falseNegatives: t.fn,
      labelledMentions: t.labelled,
      foundMentions: t.found,
    };
  }
  return out;
}

const processIo: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };
const USAGE = 'usage: npm run eval -- [--json] [--pack PACK.json] [--framing FRAMING.json] [--split dev|test|train] [DIR]\n';

/** The CLI; returns the exit status. */
export function main(argv: string[], io: Io = processIo): number {
  let json = false;
  let packPath: string | undefined;
  let framingPath: string | undefined;
  let split: string | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--split') {
      split = argv[++i];
      if (split === undefined) {
        io.err(`eval: --split needs a part (dev, test or train)\n${USAGE}`);
        return 2;
      }
    }
    else if (a === '--pack' || a === '--framing') {
      const value = argv[++i];
      if (value === undefined) {
        io.err(`eval: ${a} needs a file\n${USAGE}`);
        return 2;
      }
      if (a === '--pack') packPath = value;
      else framingPath = value;
    } else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith('--')) {
      io.err(`eval: unknown option ${a}\n${USAGE}`);
      return 2;
    } else dirs.push(a);
  }
  const dir = dirs[0] ?? join(dirname(new URL(import.meta.url).pathname), '../../test/fixtures/corpus');
  let tools;
  try {
    tools = compileTools(loadPack(packPath));
  } catch (error) {
    io.err(`eval: ${(error as Error).message}\n`);
    return 2;
  }
  let report: EvalReport;
  try {
    report = evaluate(dir, tools.matcher, { analyzer: tools.framing, ...(framingPath !== undefined ? { file: framingPath } : {}) }, split);
  } catch (error) {
    io.err(`eval: cannot read the corpus in ${dir}: ${(error as Error).message}\n`);
    return 2;
  }
  if (json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  io.out(formatReport(dir, report));
  for (const e of report.errors) io.err(`eval: ${e.file}: ${e.error}\n`);
  return 0;
}

export function formatReport(dir: string, report: EvalReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines: string[] = [];
  lines.push(`corpus: ${dir} (${report.documents} documents${report.split !== undefined ? `, part "${report.split}"` : ''})`);
  // No page in that part (e.g. `--framing FILE --split test` with the default detection corpus): no figure to print,
  // and 100 % of nothing would read as a result.
  if (report.documents === 0) lines.push('no detection figures: no labelled page here');
  else detectionLines(report, lines);
  appendFraming(report, lines);
  return `${lines.join('\n')}\n`;
}

function detectionLines(report: EvalReport, lines: string[]): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  lines.push(`document precision ${pct(report.docPrecision)}  (${report.truePositives} true, ${report.falsePositives} false alarms)`);
  lines.push(`document recall    ${pct(report.docRecall)}  (${report.falseNegatives} positive pages missed)`);
  lines.push(`mention recall     ${pct(report.mentionRecall)}  (${report.foundMentions} of ${report.labelledMentions})`);
  lines.push(`mention precision  ${pct(report.mentionPrecision)}  (${report.unlabelled.length} underlines on positive pages overlap no labelled mention)`);
  const table = (title: string, slices: Record<string, SliceFigures>) => {
    const keys = Object.keys(slices);
    if (keys.length < 2 && keys[0] === '?') return;
    lines.push('', `${title.padEnd(12)} docs  pos  doc P   doc R   mention R        false alarms`);
    for (const k of keys) {
      const f = slices[k]!;
      // A slice with no positive page has no precision or recall of its own: only its false alarms say anything.
      const fig = (x: number, none = false) => (none ? '     –' : x.toFixed(2).padStart(6));
      const noPositives = f.positives === 0;
      const mentions = `${fig(f.mentionRecall, noPositives)} (${f.foundMentions}/${f.labelledMentions})`.padEnd(16);
      lines.push(`${k.padEnd(12)} ${String(f.documents).padStart(4)} ${String(f.positives).padStart(4)} ${fig(f.docPrecision, f.falsePositives + f.positives === 0 || noPositives)}  ${fig(f.docRecall, noPositives)}  ${mentions} ${f.falsePositives}`);
    }
  };
  table('language', report.byLanguage);
  table('kind', report.byKind);
  if (report.misses.length > 0) {
    lines.push('', 'misses:');
    for (const m of report.misses) lines.push(`  ${m.file}: ${m.mention ? `${JSON.stringify(m.mention)} ` : ''}— ${m.reason}`);
  }
  if (report.unlabelled.length > 0) {
    lines.push('', 'underlines that overlap no labelled mention (positive pages):');
    for (const f of report.unlabelled) lines.push(`  ${f.file}: ${JSON.stringify(f.text)} (${f.kind} ${f.confidence.toFixed(2)})`);
  }
  if (report.falseAlarms.length > 0) {
    lines.push('', 'false alarms:');
    for (const f of report.falseAlarms) lines.push(`  ${f.file}: ${JSON.stringify(f.text)} (${f.kind} ${f.confidence.toFixed(2)})`);
  }
}

function appendFraming(report: EvalReport, lines: string[]): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const fr = report.framing;
  if (fr) {
    const cues = (m: FramingReport['misses'][number]) =>
      m.cues.length > 0 ? ` ← ${m.cues.map((c) => `${c.kind} ${JSON.stringify(c.text)}`).join(', ')}` : '';
    lines.push('', `framing: ${fr.file} (${fr.sentences} sentences; "opinion" = level some or strong)`);
    lines.push(`opinion precision  ${pct(fr.precision)}  (${fr.tp} true, ${fr.fp} false alarms)`);
    lines.push(`opinion recall     ${pct(fr.recall)}  (${fr.fn} opinion sentences missed)`);
    lines.push(`opinion F1         ${pct(fr.f1)}  (${fr.tn} neutral sentences left unflagged)`);
    for (const [lang, s] of Object.entries(fr.byLanguage).sort(([a], [b]) => a.localeCompare(b)))
      lines.push(`  ${lang.padEnd(3)} ${String(s.sentences).padStart(4)} sentences  precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn})`);
    lines.push(`quoted-neutral flagged  ${fr.quotedNeutral.flagged} of ${fr.quotedNeutral.sentences}${fr.quotedNeutral.sentences ? ` (${pct(fr.quotedNeutral.flagged / fr.quotedNeutral.sentences)})` : ''}`);
    if (fr.misses.length > 0) {
      lines.push('', 'framing misses (opinion, not flagged):');
      for (const m of fr.misses) lines.push(`  [${m.source}] ${JSON.stringify(m.sentence)}${cues(m)}`);
    }
    if (fr.falseAlarms.length > 0) {
      lines.push('', 'framing false alarms (neutral, flagged):');
      for (const m of fr.falseAlarms) lines.push(`  [${m.source}] ${m.level}: ${JSON.stringify(m.sentence)}${cues(m)}`);
    }
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}
