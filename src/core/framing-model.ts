/**
 * The learned framing model: logistic regression over hashed word and character n-grams of the author's own text
 * plus hand features (the rule analyzer's cues, stance/hedge/modality markers, person, punctuation, quotation
 * state). It only decides whether a sentence reads as the author's judgement; the rules in framing.ts stay the
 * source of reasons, and this model speaks only for sentences no rule explains.
 *
 * Pure TypeScript, no DOM and no browser API. The weights are written by `npm run train:framing`
 * (src/cli/train-framing.ts) into framing-weights.json; the markers are data in framing-markers.json.
 *
 * AUTHOR'S VOICE ONLY: the caller passes the spans that are someone else's words (quotations and reported speech,
 * as the rules find them); they are blanked before any feature is read and stand as one placeholder token each,
 * so a neutral sentence that quotes loaded words carries none of them into the score.
 */

import { cheapLetterClasses } from './matcher';
import { compilePhrases, matchPhrases, matchSubstrings, type PhraseTable } from './phrase-table';

export const MODEL_LANGUAGES = ['en', 'ru', 'ko'] as const;
export type ModelLanguage = (typeof MODEL_LANGUAGES)[number];
export const MARKER_CLASSES = ['certainty', 'hedge', 'frankness', 'advice', 'prediction', 'evaluative', 'irony', 'first', 'second'] as const;
export type MarkerClass = (typeof MARKER_CLASSES)[number];
/** The rule analyzer's cue kinds the model reads (page-level cues are not a sentence's). */
export const RULE_KINDS = ['loaded-term', 'rhetorical-question', 'prescriptive', 'speculation', 'generalisation', 'intensifier', 'sarcasm', 'second-person', 'verdict', 'stance'] as const;

export interface MarkersFile {
  version: number;
  about: string;
  notShown: Record<ModelLanguage, string[]>;
  languages: Record<ModelLanguage, Record<MarkerClass, string[]>>;
  /** Reported speech, read by the rules (framing.ts): see framing-markers.json's "about". */
  attribution: AttributionData;
}
export interface AttributionData {
  en: { according: string[]; verbs: string[] };
  ru: { according: string[]; verbs: string[] };
  ko: { according: string[]; verbs: string[]; endings: string[]; nouns: string[] };
}

export interface WeightsData {
  version: 1;
  bits: number;
  dense: string[];
  denseWeights: number[];
  bias: number;
  index: string;
  weights: string;
  scale: number;
  threshold: number;
  speakerThreshold: number;
  groups: { words: number; chars: number };
  markersVersion: number;
}

export interface ModelSpan {
  start: number;
  end: number;
}

export interface ModelInput {
  /** One sentence. */
  text: string;
  /** Spans of `text` that are someone else's words (quotations, reported speech). */
  speaker: ModelSpan[];
  /** Spans the rules matched and judged not the author's stance (a condition's "should"): blanked, no placeholder. */
  dismissed?: ModelSpan[];
  /** Kinds of the rule cues in the author's voice. */
  ruleKinds: readonly string[];
  /** Number of rule cues inside someone else's words. */
  quotedCues: number;
  /** Quotation marks in the sentence with nobody speaking in it (no attribution, no "Speaker: …"). */
  unowned?: boolean;
}

export interface ModelVerdict {
  probability: number;
  opinion: boolean;
  /** The author's words that weighed most towards opinion, strongest first (at most 3). */
  words: string[];
}

export interface FramingModel {
  /** null when the sentence is in a language the model was not trained on. */
  assess(input: ModelInput): ModelVerdict | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Language and markers

const HANGUL = /[\uac00-\ud7a3]/;
const CYRILLIC = /[\u0400-\u04ff]/;
// Ukrainian or Belarusian letters: Cyrillic but not the Russian the model learned.
const NOT_RUSSIAN = /[іїєґўІЇЄҐЎ]/;
// English function words that are not also common words in the other Latin-script languages the pack covers
// (so no "a", "in", "on", "an", "no", "or").
const ENGLISH = new RegExp(
  cheapLetterClasses(
    '(?<![\\p{L}])(?:the|and|of|to|is|was|are|were|has|have|its|with|that|this|for|will|would|it|be|been|should|must|could|can|not|nobody|he|she|they|we|you|his|their|our|by|at|did|does|said|says)(?![\\p{L}])',
  ),
  'u', // run on lower-cased text: "iu" over Unicode ranges is slow to compile in V8 (see framing.ts)
);

/** The model's language for a sentence, by script (and for Latin, by English function words); null otherwise. */
export function modelLanguage(text: string): ModelLanguage | null {
  if (HANGUL.test(text)) return 'ko';
  if (CYRILLIC.test(text)) return NOT_RUSSIAN.test(text) ? null : 'ru';
  return ENGLISH.test(text.toLowerCase()) ? 'en' : null;
}

/** A language's markers (phrase-table.ts), compiled on first use: a page is mostly in one language. */
export type CompiledMarkers = (lang: ModelLanguage) => PhraseTable<MarkerClass>;

export function compileMarkers(file: MarkersFile): CompiledMarkers {
  const memo = new Map<ModelLanguage, PhraseTable<MarkerClass>>();
  return (lang) => {
    let m = memo.get(lang);
    if (!m) memo.set(lang, (m = compilePhrases(MARKER_CLASSES, file.languages[lang], lang === 'ko')));
    return m;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Features

export function denseFeatureNames(): string[] {
  return [
    ...RULE_KINDS.map((k) => `rule:${k}`),
    'rule:any',
    'rule:count',
    'rule:quoted',
    'rule:dismissed',
    ...MARKER_CLASSES.map((c) => `mark:${c}`),
    'mark:count',
    'quote:speaker',
    'quote:share',
    'quote:unowned',
    'punct:question',
    'punct:exclaim',
    'punct:ellipsis',
    'punct:dash',
    'punct:colon',
    'digits',
    'len:short',
    'len:long',
    ...MODEL_LANGUAGES.map((l) => `lang:${l}`),
  ];
}
const DENSE = denseFeatureNames();
const DENSE_AT = new Map(DENSE.map((name, i) => [name, i]));
const SPEAKER_AT = DENSE_AT.get('quote:speaker')!;
const UNOWNED_AT = DENSE_AT.get('quote:unowned')!;
const MARKS_AT = DENSE_AT.get('mark:count')!;

/**
 * The author's words around someone else's that the veto below still counts as a mere attribution frame
 * ("Seoul's defence ministry said on Monday that …").
 */
export const ATTRIBUTION_FRAME_WORDS = 10;
/**
 * A sentence whose own part is only the frame of someone else's words: someone speaks (not quotes nobody owns), no
 * stance marker and no rule cue stands outside what they say, and what is left of the author is at most `max`
 * words. Whatever the model reads in so little is the page's style, not the author's judgement, so the model
 * does not flag it (the rules still can).
 */
export function attributionFrameOnly(f: Features, max = ATTRIBUTION_FRAME_WORDS): boolean {
  if (!f.dense[SPEAKER_AT] || f.dense[UNOWNED_AT] || f.dense[MARKS_AT]) return false;
  let own = 0;
  for (const t of f.tokens) if (t.key !== QUOTE_TOKEN) own++;
  return own <= max;
}

/** Fewer of the author’s words than this (not counting numbers, nor "2024년", "6일"), with no stance marker and no ? or !, and the model stays silent. */
export const MIN_JUDGED_WORDS = 3;
const QUESTION_AT = DENSE_AT.get('punct:question')!;
const EXCLAIM_AT = DENSE_AT.get('punct:exclaim')!;
/**
 * A fragment with almost no words of the author's: a byline, a date line, a caption's credit, a page's buttons
 * ("Share", "Print", "Comments"). Whatever the model reads there is the language's prior and the shortness of
 * the line (short headlines are often opinion), not a judgement, so it does not flag it (the rules still can).
 */
export function tooLittleToJudge(f: Features, min = MIN_JUDGED_WORDS): boolean {
  if (f.dense[MARKS_AT] || f.dense[QUESTION_AT] || f.dense[EXCLAIM_AT]) return false;
  let own = 0;
  for (const t of f.tokens) if (t.key !== QUOTE_TOKEN && /^\p{L}/u.test(t.key)) own++;
  return own < min;
}
/** Whether the model may flag the sentence at all (see attributionFrameOnly and tooLittleToJudge). */
export function modelMayJudge(f: Features): boolean {
  return !attributionFrameOnly(f) && !tooLittleToJudge(f);
}

interface Token {
  /** As written (for the card). */
  text: string;
  /** Lower-cased; the placeholder for someone else's words is QUOTE_TOKEN. */
  key: string;
}
const QUOTE_TOKEN = '\u2063q';
const TOKEN = new RegExp(cheapLetterClasses("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*"), 'gu');

export interface Features {
  lang: ModelLanguage;
  tokens: Token[];
  /** Hashed features: bucket, value, and the token(s) it came from, a and b (-1: none), to name the words. */
  sparse: { bucket: number; value: number; a: number; b: number }[];
  dense: number[];
  /** Tokens each dense feature was read from (markers), for the same purpose. */
  denseFrom: number[][];
}

const FNV_SEED = 0x811c9dc5;
/** FNV-1a over the UTF-16 code units s[a, b), continued from state h. */
function fnv(h: number, s: string, a: number, b: number): number {
  for (let i = a; i < b; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function extractFeatures(
  input: ModelInput,
  markers: CompiledMarkers,
  bits: number,
  groups: { words: number; chars: number },
): Features | null {
  const { text } = input;
  const lang = modelLanguage(text);
  if (!lang) return null;
  // Someone else's words become spaces (offsets kept) and one placeholder token each; dismissed words spaces only.
  const spans = [...input.speaker].sort((a, b) => a.start - b.start);
  const blank = (from: string, list: readonly ModelSpan[]) => {
    let out = '';
    let at = 0;
    let chars = 0;
    for (const s of [...list].sort((a, b) => a.start - b.start)) {
      const a = Math.max(at, s.start);
      const b = Math.min(from.length, s.end);
      if (b <= a) continue;
      out += from.slice(at, a) + ' '.repeat(b - a);
      chars += b - a;
      at = b;
    }
    return { text: out + from.slice(at), chars };
  };
  const { text: spoken, chars: speakerChars } = blank(text, spans);
  const masked = blank(spoken, input.dismissed ?? []).text;
  const tokens: Token[] = [];
  const tokenStart: number[] = [];
  let span = 0;
  const pushQuotesBefore = (at: number) => {
    while (span < spans.length && spans[span]!.start < at) {
      if (tokens[tokens.length - 1]?.key !== QUOTE_TOKEN) {
        tokens.push({ text: '', key: QUOTE_TOKEN });
        tokenStart.push(spans[span]!.start);
      }
      span++;
    }
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(masked); m; m = TOKEN.exec(masked)) {
    pushQuotesBefore(m.index);
    tokens.push({ text: m[0], key: m[0].toLowerCase().replace(/’/g, "'") });
    tokenStart.push(m.index);
  }
  pushQuotesBefore(Infinity);
  const tokenAt = (offset: number): number => {
    let lo = 0;
    let hi = tokenStart.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokenStart[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  const mask = (1 << bits) - 1;
  const sparse: Features['sparse'] = [];
  const seen = new Set<number>();
  // Hashed without building the feature strings: this loop runs for every character n-gram of a sentence.
  const add = (group: number[], h: number, a: number, b = -1) => {
    const bucket = h & mask;
    if (seen.has(bucket)) return; // the same feature again (or a collision): presence is binary
    seen.add(bucket);
    group.push(sparse.length);
    sparse.push({ bucket, value: 0, a, b });
  };
  const words: number[] = [];
  const chars: number[] = [];
  const W_ = fnv(FNV_SEED, 'w|', 0, 2);
  const B_ = fnv(FNV_SEED, 'b|', 0, 2);
  const C_ = fnv(FNV_SEED, 'c|', 0, 2);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.key;
    add(words, fnv(W_, t, 0, t.length), i);
    const prev = i > 0 ? tokens[i - 1]!.key : '<s>';
    add(words, fnv(fnv(fnv(B_, prev, 0, prev.length), ' ', 0, 1), t, 0, t.length), i > 0 ? i - 1 : i, i > 0 ? i : -1);
    if (t === QUOTE_TOKEN || t.length > 24) continue;
    const padded = `^${t}$`;
    const [lo, hi] = HANGUL.test(t) ? [2, 3] : [3, 5];
    for (let n = lo; n <= hi; n++) for (let k = 0; k + n <= padded.length; k++) add(chars, fnv(C_, padded, k, k + n), i);
  }
  if (tokens.length) {
    const last = tokens[tokens.length - 1]!.key;
    add(words, fnv(fnv(B_, last, 0, last.length), ' </s>', 0, 5), tokens.length - 1);
  }
  // Binary presence, each group scaled to unit length so long sentences do not outweigh short ones.
  const norm = (group: number[], weight: number) => {
    const v = group.length ? weight / Math.sqrt(group.length) : 0;
    for (const g of group) sparse[g]!.value = v;
  };
  norm(words, groups.words);
  norm(chars, groups.chars);

  const dense = new Array<number>(DENSE.length).fill(0);
  const denseFrom: number[][] = DENSE.map(() => []);
  const set = (name: string, value: number, fromTokens?: number[]) => {
    const i = DENSE_AT.get(name)!;
    dense[i] = value;
    if (fromTokens) denseFrom[i]!.push(...fromTokens);
  };
  const author = new Set(input.ruleKinds);
  for (const k of RULE_KINDS) if (author.has(k)) set(`rule:${k}`, 1);
  if (input.ruleKinds.length) set('rule:any', 1);
  set('rule:count', Math.min(input.ruleKinds.length, 3) / 3);
  if (input.quotedCues) set('rule:quoted', 1);
  if (input.dismissed?.length) set('rule:dismissed', 1);
  const hitsBy = new Map<MarkerClass, number[]>();
  let markerHits = 0;
  const hit = (cls: MarkerClass, from: number[]) => {
    const list = hitsBy.get(cls) ?? [];
    list.push(...from);
    hitsBy.set(cls, list);
    markerHits++;
  };
  if (lang === 'ko') {
    matchSubstrings(markers('ko'), masked.toLowerCase(), (cls, start, end) => {
      const from: number[] = [];
      for (let t = Math.max(0, tokenAt(start)); t < tokens.length && tokenStart[t]! < end; t++) from.push(t);
      hit(cls, from);
    });
  } else {
    matchPhrases(
      markers(lang),
      tokens.map((t) => t.key),
      (cls, first, count) => hit(cls, Array.from({ length: count }, (_, j) => first + j)),
    );
  }
  for (const [cls, from] of hitsBy) set(`mark:${cls}`, 1, from);
  set('mark:count', Math.min(markerHits, 4) / 4);
  if (spans.length) set('quote:speaker', 1);
  set('quote:share', text.length ? speakerChars / text.length : 0);
  if (input.unowned) set('quote:unowned', 1);
  if (/\?/.test(masked)) set('punct:question', 1);
  if (/!/.test(masked)) set('punct:exclaim', 1);
  if (/…|\.\.\./.test(masked)) set('punct:ellipsis', 1);
  if (/\s[—–]\s|—/.test(masked)) set('punct:dash', 1);
  if (/:/.test(masked)) set('punct:colon', 1);
  if (/\d/.test(masked)) set('digits', 1);
  const n = tokens.length;
  if (n < 8) set('len:short', 1);
  if (n > 30) set('len:long', 1);
  set(`lang:${lang}`, 1);
  return { lang, tokens, sparse, dense, denseFrom };
}

// ---------------------------------------------------------------------------------------------------------------
// Weights

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Sorted indices → unsigned LEB128 deltas. */
export function encodeIndex(sorted: number[]): Uint8Array {
  const out: number[] = [];
  let prev = 0;
  for (const x of sorted) {
    let d = x - prev;
    prev = x;
    do {
      const b = d & 0x7f;
      d >>>= 7;
      out.push(d ? b | 0x80 : b);
    } while (d);
  }
  return Uint8Array.from(out);
}
/** Reads encodeIndex's bytes (deltas as 7-bit varints), handing each value on in order. */
function readIndex(bytes: Uint8Array, take: (value: number) => void): void {
  let prev = 0;
  for (let i = 0; i < bytes.length; ) {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++]!;
      d |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    prev += d;
    take(prev);
  }
}

export function decodeIndex(bytes: Uint8Array): number[] {
  const out: number[] = [];
  readIndex(bytes, (value) => out.push(value));
  return out;
}

/** Hashed weights: sorted buckets and their weights (typed arrays: decoding stays ~1 ms; a Map took several). */
export interface SparseWeights {
  buckets: Int32Array;
  weights: Int8Array;
  scale: number;
}

export function sparseWeights(w: Pick<WeightsData, 'index' | 'weights' | 'scale'>): SparseWeights {
  const weights = new Int8Array(fromBase64(w.weights).buffer);
  // Written into the typed array as it is read: this runs cold, on a page's first judged sentence.
  const buckets = new Int32Array(weights.length);
  let n = 0;
  readIndex(fromBase64(w.index), (value) => {
    if (n < buckets.length) buckets[n] = value;
    n++;
  });
  if (n !== buckets.length) throw new Error('framing weights: index and weights differ in length');
  return { buckets, weights, scale: w.scale };
}

export function weightOf(w: SparseWeights, bucket: number): number {
  let lo = 0;
  let hi = w.buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = w.buckets[mid]!;
    if (at === bucket) return w.weights[mid]! * w.scale;
    if (at < bucket) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

export function scoreFeatures(f: Features, bias: number, denseWeights: readonly number[], sparse: SparseWeights): number {
  let z = bias;
  for (let i = 0; i < f.dense.length; i++) z += f.dense[i]! * (denseWeights[i] ?? 0);
  for (const s of f.sparse) z += s.value * weightOf(sparse, s.bucket);
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The author's words that pushed the score up most: hashed features and markers, shared among their tokens. */
function weightiestWords(f: Features, denseWeights: readonly number[], sparse: SparseWeights, notShown: ReadonlySet<string>): string[] {
  const by = new Array<number>(f.tokens.length).fill(0);
  for (const s of f.sparse) {
    const c = s.value * weightOf(sparse, s.bucket);
    if (s.b < 0) by[s.a]! += c;
    else {
      by[s.a]! += c / 2;
      by[s.b]! += c / 2;
    }
  }
  f.denseFrom.forEach((from, i) => {
    const c = f.dense[i]! * (denseWeights[i] ?? 0);
    for (const t of from) by[t]! += c / from.length;
  });
  const order = by.map((c, i) => [c, i] as const).filter(([c, i]) => c > 0 && f.tokens[i]!.key !== QUOTE_TOKEN && !notShown.has(f.tokens[i]!.key) && !/^\d+$/.test(f.tokens[i]!.key));
  order.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const out: string[] = [];
  for (const [, i] of order) {
    const word = f.tokens[i]!.text;
    if (!out.some((w) => w.toLowerCase() === word.toLowerCase())) out.push(word);
    if (out.length === 3) break;
  }
  return out;
}

export function loadFramingModel(weights: WeightsData, markersFile: MarkersFile): FramingModel {
  if (weights.markersVersion !== markersFile.version) throw new Error('framing weights were trained with other markers: run npm run train:framing');
  if (weights.dense.join('\n') !== DENSE.join('\n')) throw new Error('framing weights were trained with other features: run npm run train:framing');
  const markers = compileMarkers(markersFile);
  const sparse = sparseWeights(weights);
  const notShown = new Set(MODEL_LANGUAGES.flatMap((l) => markersFile.notShown[l]));
  return {
    assess(input) {
      const f = extractFeatures(input, markers, weights.bits, weights.groups);
      if (!f) return null;
      const probability = sigmoid(scoreFeatures(f, weights.bias, weights.denseWeights, sparse));
      // A sentence that also reports someone needs more to count as the author's judgement: what is left of it
      // after the speaker's words are blanked is mostly the frame ("…, the minister said on Monday").
      const opinion = probability >= (f.dense[SPEAKER_AT]! ? weights.speakerThreshold : weights.threshold) && modelMayJudge(f);
      return { probability, opinion, words: opinion ? weightiestWords(f, weights.denseWeights, sparse, notShown) : [] };
    },
  };
}
