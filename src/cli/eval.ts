/**
 * `npm run eval -- [--json] [--pack FILE] DIR` — detection quality on a labelled corpus.
 *
 * DIR/labels.json: [{ "file": "…", "label": "positive" | "negative", "mentions": ["exact substring", …] }],
 * paths relative to DIR. Document level: a page is "detected" when it gets at least one mention; precision
 * and recall over the positive labels. Mention level: a labelled substring (every occurrence of it in the
 * page text) counts as found when a detected mention overlaps one occurrence. Every miss and every false alarm
 * is listed. It reports and does not judge: exit 0, unless the corpus cannot be read (2).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileMatcher, type Matcher } from '../core/matcher';
import { loadNames, scanFile, type ScannedMention } from './scan';

export interface Label {
  file: string;
  label: 'positive' | 'negative';
  mentions?: string[];
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
  errors: { file: string; error: string }[];
}

export function readLabels(dir: string): Label[] {
  const raw = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error('labels.json must be an array');
  return raw.map((entry, i) => {
    const e = entry as Partial<Label>;
    if (typeof e.file !== 'string' || (e.label !== 'positive' && e.label !== 'negative')) {
      throw new Error(`labels.json[${i}]: needs "file" and "label" ("positive" or "negative")`);
    }
    return { file: e.file, label: e.label, mentions: Array.isArray(e.mentions) ? e.mentions.map(String) : [] };
  });
}

function occurrences(haystack: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

export function evaluate(dir: string, matcher: Matcher): EvalReport {
  const labels = readLabels(dir);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let labelled = 0;
  let found = 0;
  const misses: EvalReport['misses'] = [];
  const falseAlarms: EvalReport['falseAlarms'] = [];
  const errors: EvalReport['errors'] = [];
  for (const l of labels) {
    let pageText: string;
    let mentions: ScannedMention[];
    try {
      ({ pageText, mentions } = scanFile(join(dir, l.file), matcher));
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
      }
    } else if (detected) {
      fp++;
      for (const m of mentions) falseAlarms.push({ file: l.file, text: m.text, kind: m.kind, confidence: m.confidence });
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
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
    errors,
  };
}

function main(argv: string[]): number {
  let json = false;
  let packPath: string | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--pack') packPath = argv[++i];
    else dirs.push(a);
  }
  const dir = dirs[0] ?? join(dirname(new URL(import.meta.url).pathname), '../../test/fixtures/corpus');
  let report: EvalReport;
  try {
    report = evaluate(dir, compileMatcher(loadNames(packPath)));
  } catch (error) {
    process.stderr.write(`eval: cannot read the corpus in ${dir}: ${(error as Error).message}\n`);
    return 2;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const out = process.stdout;
  out.write(`corpus: ${dir} (${report.documents} documents)\n`);
  out.write(`document precision ${pct(report.docPrecision)}  (${report.truePositives} true, ${report.falsePositives} false alarms)\n`);
  out.write(`document recall    ${pct(report.docRecall)}  (${report.falseNegatives} positive pages missed)\n`);
  out.write(`mention recall     ${pct(report.mentionRecall)}  (${report.foundMentions} of ${report.labelledMentions})\n`);
  if (report.misses.length > 0) {
    out.write('\nmisses:\n');
    for (const m of report.misses) out.write(`  ${m.file}: ${m.mention ? `${JSON.stringify(m.mention)} ` : ''}— ${m.reason}\n`);
  }
  if (report.falseAlarms.length > 0) {
    out.write('\nfalse alarms:\n');
    for (const f of report.falseAlarms) out.write(`  ${f.file}: ${JSON.stringify(f.text)} (${f.kind} ${f.confidence.toFixed(2)})\n`);
  }
  for (const e of report.errors) process.stderr.write(`eval: ${e.file}: ${e.error}\n`);
  return 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}
