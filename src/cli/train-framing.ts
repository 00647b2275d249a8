/**
 * `npm run train:framing [-- --corpus FILE] [--check]` — trains the learned framing model (core/framing-model.ts)
 * and writes src/core/framing-weights.json.
 *
 * Reads the labelled real sentences in ../shared/corpus/framing/sentences.json (fields sentence, lang, label,
 * quoted, split). That text belongs to its publishers and never enters the project: only the weights and the
 * figures derived from it are written. Trains on `train`, picks the hyper-parameters and the threshold on `dev`,
 * and never reads `test` (score it with `npm run eval -- --framing FILE --split test` when a change is done).
 *
 * Logistic regression, AdaGrad SGD with L2 and a fixed seed for the order: the same inputs give the same file.
 * The weights are pruned to the strongest hashed features and quantized to int8. `--check` trains and reports
 * without writing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileFraming, type FramingAnalyzer } from '../core/framing';
import { scoresOf } from '../core/framing-eval';
import { rng } from '../core/random';
import {
  compileMarkers,
  denseFeatureNames,
  encodeIndex,
  extractFeatures,
  loadFramingModel,
  toBase64,
  type CompiledMarkers,
  type Features,
  type ModelInput,
  type WeightsData,
} from '../core/framing-model';
import { markersSchema, weightsSchema, type WeightsFile } from '../core/framing-model-schema';
import { z } from 'zod';
import { framingTermSchema } from '../core/pack-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CORPUS = resolve(root, '../shared/corpus/framing/sentences.json');
const WEIGHTS_FILE = join(root, 'src/core/framing-weights.json');
const MARKERS_FILE = join(root, 'src/core/framing-markers.json');
const PACK_FILE = join(root, 'src/dataset/treaty-2024.json');
/** Training sentences in the project's own words (see its "about"): trained on, never scored. */
const EXTRA_FILE = join(root, 'src/cli/framing-train-extra.json');

const BITS = 18;
const SEED = 16;
const NB = true;
const EPOCHS = 30;
const LEARNING_RATE = 0.2;
/** Hashed weights kept after pruning (the strongest by magnitude). */
const KEEP = 8000;
/** The threshold is the one with the best recall whose precision (rules and model together) stays at or above this. */
const MIN_DEV_PRECISION = 0.85;

export interface CorpusSentence {
  sentence: string;
  lang: string;
  label: 'opinion' | 'neutral';
  quoted: boolean;
  split: string;
  source: string;
}

export function readCorpus(file: string): CorpusSentence[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${file} must be an array`);
  return raw.map((e: Partial<CorpusSentence>, i) => {
    if (typeof e.sentence !== 'string' || (e.label !== 'opinion' && e.label !== 'neutral')) throw new Error(`${file}[${i}]: needs sentence and label`);
    return { sentence: e.sentence, lang: String(e.lang ?? ''), label: e.label, quoted: e.quoted === true, split: String(e.split ?? ''), source: String(e.source ?? '') };
  });
}


interface Example {
  f: Features;
  y: number;
  rules: boolean;
  item: CorpusSentence;
}
interface Params {
  lambda: number;
  words: number;
  chars: number;
}
interface Trained {
  bias: number;
  dense: Float64Array;
  sparse: Float64Array;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function train(examples: Example[], lambda: number, allowed?: Uint8Array): Trained {
  const dim = 1 << BITS;
  const nd = denseFeatureNames().length;
  const m: Trained = { bias: 0, dense: new Float64Array(nd), sparse: new Float64Array(dim) };
  const gBias = { v: 1e-8 };
  const gDense = new Float64Array(nd).fill(1e-8);
  const gSparse = new Float64Array(dim).fill(1e-8);
  const pos = examples.filter((e) => e.y === 1).length;
  // Balanced classes: each class weighs as much as the other in the loss.
  const cw = [examples.length / (2 * (examples.length - pos)), examples.length / (2 * pos)];
  // Naive Bayes log-count ratios scale the hashed features (NB-LR, Wang & Manning 2012): on a few hundred
  // sentences a word seen only in opinion starts with a head start. Folded into the weights at the end.
  const r = new Float64Array(dim).fill(1);
  if (NB) {
    const cp = new Float64Array(dim);
    const cn = new Float64Array(dim);
    for (const e of examples) for (const s of e.f.sparse) (e.y ? cp : cn)[s.bucket]! += 1;
    let sp = 0;
    let sn = 0;
    for (let i = 0; i < dim; i++) {
      sp += cp[i]! + 1;
      sn += cn[i]! + 1;
    }
    for (let i = 0; i < dim; i++) if (cp[i] || cn[i]) r[i] = Math.log((cp[i]! + 1) / sp / ((cn[i]! + 1) / sn));
  }
  // Seeded, so the training order is the same on every machine.
  const rnd = rng(SEED);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { f, y } = examples[k]!;
      let z = m.bias;
      for (let i = 0; i < nd; i++) z += f.dense[i]! * m.dense[i]!;
      for (const s of f.sparse) z += s.value * r[s.bucket]! * m.sparse[s.bucket]!; // zero where not allowed
      const g = (sigmoid(z) - y) * cw[y]!;
      gBias.v += g * g;
      m.bias -= (LEARNING_RATE * g) / Math.sqrt(gBias.v);
      for (let i = 0; i < nd; i++) {
        const gi = g * f.dense[i]! + lambda * m.dense[i]!;
        if (!gi) continue;
        gDense[i]! += gi * gi;
        m.dense[i]! -= (LEARNING_RATE * gi) / Math.sqrt(gDense[i]!);
      }
      for (const s of f.sparse) {
        if (allowed && !allowed[s.bucket]) continue;
        const gi = g * s.value * r[s.bucket]! + lambda * m.sparse[s.bucket]!;
        gSparse[s.bucket]! += gi * gi;
        m.sparse[s.bucket]! -= (LEARNING_RATE * gi) / Math.sqrt(gSparse[s.bucket]!);
      }
    }
  }
  for (let i = 0; i < dim; i++) m.sparse[i]! *= r[i]!;
  return m;
}

/** Prune to the KEEP strongest hashed weights, quantize to int8, and round the dense ones. */
function pack(m: Trained, params: Params, threshold: number, trainedOn: number, dev: Record<string, number>, markersVersion: number): WeightsFile {
  const nonzero: number[] = [];
  for (let i = 0; i < m.sparse.length; i++) if (m.sparse[i]) nonzero.push(i);
  nonzero.sort((a, b) => Math.abs(m.sparse[b]!) - Math.abs(m.sparse[a]!) || a - b);
  const kept = nonzero.slice(0, KEEP).sort((a, b) => a - b);
  const max = Math.max(...kept.map((i) => Math.abs(m.sparse[i]!)), 1e-9);
  const scale = Number((max / 127).toPrecision(6));
  const q = new Int8Array(kept.length);
  kept.forEach((bucket, i) => (q[i] = Math.max(-127, Math.min(127, Math.round(m.sparse[bucket]! / scale)))));
  const round = (x: number) => Number(x.toFixed(4));
  return {
    version: 1,
    about: 'Written by npm run train:framing (src/cli/train-framing.ts) from labelled real sentences outside the project; weights only.',
    bits: BITS,
    dense: denseFeatureNames(),
    denseWeights: [...m.dense].map(round),
    bias: round(m.bias),
    index: toBase64(encodeIndex(kept)),
    weights: toBase64(new Uint8Array(q.buffer)),
    scale,
    threshold: round(threshold),
    groups: { words: params.words, chars: params.chars },
    markersVersion,
    trained: { sentences: trainedOn, dev, params: params.lambda, keep: KEEP, seed: SEED, epochs: EPOCHS },
  };
}

interface Figures {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  quotedFlagged: number;
  quoted: number;
}
export function figures(items: { y: number; flagged: boolean; quoted: boolean }[]): Figures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let quotedFlagged = 0;
  let quoted = 0;
  for (const it of items) {
    if (it.y && it.flagged) tp++;
    else if (it.y) fn++;
    else if (it.flagged) fp++;
    if (it.quoted) {
      quoted++;
      if (it.flagged) quotedFlagged++;
    }
  }
  return { ...scoresOf({ tp, fp, fn }), tp, fp, fn, quotedFlagged, quoted };
}

export function probabilities(m: Trained, examples: Example[]): number[] {
  return examples.map(({ f }) => {
    let z = m.bias;
    f.dense.forEach((x, i) => (z += x * m.dense[i]!));
    for (const s of f.sparse) z += s.value * m.sparse[s.bucket]!;
    return sigmoid(z);
  });
}

/** The lowest threshold whose dev precision (rules or model) stays ≥ MIN_DEV_PRECISION; the best F1 if none does. */
function pickThreshold(examples: Example[], p: number[]): { threshold: number; fig: Figures } {
  let best: { threshold: number; fig: Figures } | undefined;
  let bestF1: { threshold: number; fig: Figures } | undefined;
  for (let t = 0.3; t <= 0.951; t += 0.01) {
    const fig = figures(examples.map((e, i) => ({ y: e.y, flagged: e.rules || p[i]! >= t, quoted: e.item.quoted })));
    if (fig.precision >= MIN_DEV_PRECISION && (!best || fig.recall > best.fig.recall)) best = { threshold: t, fig };
    if (!bestF1 || fig.f1 > bestF1.fig.f1) bestF1 = { threshold: t, fig };
  }
  return best ?? bestF1!;
}

/**
 * Train, keep the KEEP strongest hashed weights, and train again on those alone, so that the weights left carry
 * what the dropped ones did (pruning alone cost dev recall). Every model here, scored or shipped, is made so.
 */
function fit(examples: Example[], lambda: number): Trained {
  return train(examples, lambda, strongest(train(examples, lambda), KEEP));
}

/** A mask of the `keep` hashed buckets with the largest weights. */
function strongest(m: Trained, keep: number): Uint8Array {
  const nonzero: number[] = [];
  for (let i = 0; i < m.sparse.length; i++) if (m.sparse[i]) nonzero.push(i);
  nonzero.sort((a, b) => Math.abs(m.sparse[b]!) - Math.abs(m.sparse[a]!) || a - b);
  const mask = new Uint8Array(m.sparse.length);
  for (const i of nonzero.slice(0, keep)) mask[i] = 1;
  return mask;
}

/** Meets the precision floor first, then recall. */
const score = (f: Figures) => (f.precision >= MIN_DEV_PRECISION ? 1 : 0) + f.recall;

const FOLDS = 5;
/** Probabilities of each example from a model trained on the other folds; pages are never split across folds. */
export function outOfFold(examples: Example[], lambda: number, alwaysTrain: Example[] = []): number[] {
  const pages = [...new Set(examples.map((e) => e.item.source))].sort();
  const foldOf = new Map(pages.map((page, i) => [page, i % FOLDS]));
  const out = new Array<number>(examples.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const held = examples.map((e, i) => [e, i] as const).filter(([e]) => foldOf.get(e.item.source) === k);
    const model = fit([...examples.filter((e) => foldOf.get(e.item.source) !== k), ...alwaysTrain], lambda);
    const p = probabilities(model, held.map(([e]) => e));
    held.forEach(([, i], j) => (out[i] = p[j]!));
  }
  return out;
}

const processIo = { out: (t: string) => void process.stdout.write(t), err: (t: string) => void process.stderr.write(t) };

export function main(argv: string[], io = processIo): number {
  let corpus = DEFAULT_CORPUS;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--corpus') corpus = resolve(argv[++i] ?? '');
    else if (argv[i] === '--check') check = true;
    else {
      io.err(`train:framing: unknown argument ${argv[i]}\nusage: npm run train:framing [-- --corpus FILE] [--check]\n`);
      return 2;
    }
  }
  if (!existsSync(corpus)) {
    io.err(
      `train:framing: the labelled corpus is absent: ${corpus}\n` +
        'It lives outside the project (../shared/corpus/framing/ beside the work tree) and is not in the repository;\n' +
        'the committed src/core/framing-weights.json stays as it is. Pass --corpus FILE to train from another copy.\n',
    );
    return 2;
  }
  const markers = markersSchema.parse(JSON.parse(readFileSync(MARKERS_FILE, 'utf8')));
  const compiled: CompiledMarkers = compileMarkers(markers);
  // Only the pack's framing lexicon: the rest of the pack is not the model's business.
  const terms = z.array(framingTermSchema).parse((JSON.parse(readFileSync(PACK_FILE, 'utf8')) as { framing: unknown }).framing);
  const rulesOnly: FramingAnalyzer = compileFraming(terms, { model: null });
  const extra = (JSON.parse(readFileSync(EXTRA_FILE, 'utf8')) as { sentences: Pick<CorpusSentence, 'sentence' | 'lang' | 'label'>[] }).sentences.map(
    (e): CorpusSentence => ({ ...e, quoted: false, split: 'extra', source: 'project' }),
  );
  const items = [...readCorpus(corpus), ...extra];
  const inputs = new Map<CorpusSentence, ModelInput>(items.map((item) => [item, rulesOnly.modelInput(item.sentence)]));
  const examplesFor = (split: string, params: Params): Example[] =>
    items
      .filter((item) => item.split === split)
      .flatMap((item) => {
        const input = inputs.get(item)!;
        const f = extractFeatures(input, compiled, BITS, { words: params.words, chars: params.chars });
        return f ? [{ f, y: item.label === 'opinion' ? 1 : 0, rules: input.ruleKinds.length > 0, item }] : [];
      });

  const grid: Params[] = [];
  for (const lambda of [1e-4, 3e-4, 1e-3, 3e-3]) for (const chars of [0.5, 1]) for (const words of [1]) grid.push({ lambda, words, chars });
  let best: { params: Params; model: Trained; threshold: number; fig: Figures } | undefined;
  for (const params of grid) {
    const tr = examplesFor('train', params);
    const dev = examplesFor('dev', params);
    const own = examplesFor('extra', params);
    const model = fit([...tr, ...own], params.lambda);
    // Dev alone is 82 sentences: the threshold is read from dev together with out-of-fold scores of train
    // (folds by page, as the splits are), so that a few dev sentences do not decide it.
    const pooled = [...tr, ...dev];
    const p = [...outOfFold(tr, params.lambda, own), ...probabilities(model, dev)];
    const { threshold, fig } = pickThreshold(pooled, p);
    const devFig = figures(dev.map((e, i) => ({ y: e.y, flagged: e.rules || probabilities(model, dev)[i]! >= threshold, quoted: e.item.quoted })));
    io.out(
      `  λ ${params.lambda} words ${params.words} chars ${params.chars}: train-oof+dev P ${fig.precision.toFixed(3)} R ${fig.recall.toFixed(3)} F1 ${fig.f1.toFixed(3)} at t ${threshold.toFixed(2)}; dev alone P ${devFig.precision.toFixed(3)} R ${devFig.recall.toFixed(3)}\n`,
    );
    if (!best || score(fig) > score(best.fig) + 1e-9) best = { params, model, threshold, fig };
  }
  const { params, threshold } = best!;
  const trainCount = examplesFor('train', params).length + examplesFor('extra', params).length;
  const model = best!.model;

  // Figures of what ships: the packed file, through the analyzer as the extension runs it.
  const draft = pack(model, params, threshold, trainCount, {}, markers.version);
  const shipped = compileFraming(terms, { model: loadFramingModel(draft as WeightsData, markers) });
  const rank = { none: 0, some: 1, strong: 2 } as const;
  const devItems = items.filter((i) => i.split === 'dev');
  const flaggedBy = (a: FramingAnalyzer, s: string) => a.assessSentences(s).some((p) => rank[p.level] > 0);
  const devFig = figures(devItems.map((i) => ({ y: i.label === 'opinion' ? 1 : 0, flagged: flaggedBy(shipped, i.sentence), quoted: i.quoted })));
  const rulesFig = figures(devItems.map((i) => ({ y: i.label === 'opinion' ? 1 : 0, flagged: flaggedBy(rulesOnly, i.sentence), quoted: i.quoted })));
  const round = (x: number) => Number(x.toFixed(3));
  const file = weightsSchema.parse(
    pack(model, params, threshold, trainCount, { precision: round(devFig.precision), recall: round(devFig.recall), f1: round(devFig.f1), quotedFlagged: devFig.quotedFlagged, quoted: devFig.quoted }, markers.version),
  );
  const text = `${JSON.stringify(file)}\n`;
  io.out(
    `chosen: λ ${params.lambda}, words ${params.words}, chars ${params.chars}, threshold ${threshold.toFixed(2)}; ${KEEP} hashed weights kept, int8\n` +
      `dev (${devItems.length} sentences), rules alone:  P ${rulesFig.precision.toFixed(3)} R ${rulesFig.recall.toFixed(3)} F1 ${rulesFig.f1.toFixed(3)}\n` +
      `dev, rules + model:           P ${devFig.precision.toFixed(3)} R ${devFig.recall.toFixed(3)} F1 ${devFig.f1.toFixed(3)}; quoted neutral flagged ${devFig.quotedFlagged}/${devFig.quoted}\n` +
      `weights: ${Buffer.byteLength(text)} bytes${check ? ' (--check: not written)' : ` → ${WEIGHTS_FILE}`}\n`,
  );
  if (!check) writeFileSync(WEIGHTS_FILE, text);
  return 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}
