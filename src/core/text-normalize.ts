/**
 * Text normalisation for matching, with an offset map back to the original string.
 *
 * Every normalised UTF-16 code unit comes from exactly one original code unit (no expansion, no
 * collapsing), and some original code units are dropped. So `map[i]` is the original index of
 * normalised index i, and a normalised range [s, e) maps back to [map[s], map[e - 1] + 1).
 *
 * What changes (why: page text is typographically noisy; the pack's terms are written plainly):
 * - case folded to lower case, only where that keeps the length (e.g. not "İ");
 * - every kind of space, NBSP, tab and line break → " ";
 * - hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus, small/fullwidth hyphen → "-";
 * - fraction slash, division slash, fullwidth solidus, and middle dots ("북·러", "ロ・朝") → "/";
 * - curly single quotes, primes, backtick, acute → "'"; curly double quotes, «», „ → '"';
 * - soft hyphen, zero-width space/joiners, word joiner, BOM → removed;
 * - Arabic short-vowel marks, shadda, sukun and tatweel → removed: writers add them or not ("وُقّع" / "وقع").
 */
import { INVISIBLE } from './invisible';

export interface Normalized {
  /** The normalised text. */
  readonly text: string;
  /** map[i] = index in the original of text[i]; map[text.length] = original length. */
  readonly map: Uint32Array;
}

const REMOVE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e]);
/** Arabic harakat (U+064B–U+065F) and tatweel (U+0640). */
const ARABIC_MARKS = /[\u0640\u064b-\u065f]/;
const isArabicMark = (c: number) => c === 0x0640 || (c >= 0x064b && c <= 0x065f);
const SPACE = new Set([0x0009, 0x000a, 0x000b, 0x000c, 0x000d, 0x0085, 0x00a0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
const DASH = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x2e3a, 0x2e3b]);
const SLASH = new Set([0x2044, 0x2215, 0xff0f, 0x00b7, 0x30fb, 0xff65, 0x2027, 0x2219]);
const SINGLE_QUOTE = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x0060, 0x00b4, 0xff07]);
const DOUBLE_QUOTE = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0xff02]);

/** Single code units folded to " ", "-", "/", "'" or '"' (everything the loop below folds, after lower-casing). */
const FOLD = new Map<string, string>();
for (const [set, to] of [
  [SPACE, ' '],
  [DASH, '-'],
  [SLASH, '/'],
  [SINGLE_QUOTE, "'"],
  [DOUBLE_QUOTE, '"'],
] as const) {
  for (const code of set) FOLD.set(String.fromCharCode(code), to);
}
for (let c = 0x2000; c <= 0x200a; c++) FOLD.set(String.fromCharCode(c), ' ');
for (let c = 0; c < 0x20; c++) FOLD.set(String.fromCharCode(c), ' ');
const FOLDED = new RegExp(`[${[...FOLD.keys()].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** Quick check: does this string need anything beyond ASCII lower-casing? */
const NEEDS_WORK = /[^\x20-\x40\x5b-\x5f\x61-\x7e]/;

export function normalizeText(input: string): Normalized {
  const n = input.length;
  if (!NEEDS_WORK.test(input)) {
    // Plain lower-case ASCII without tabs or newlines: identity.
    const map = new Uint32Array(n + 1);
    for (let i = 0; i <= n; i++) map[i] = i;
    return { text: input, map };
  }
  // Common case: nothing to drop and lower-casing keeps the length. Then every change is one code unit for
  // one, the map is the identity, and two native passes do the work of the loop below.
  if (!INVISIBLE.test(input) && !ARABIC_MARKS.test(input)) {
    const lower = input.toLowerCase();
    if (lower.length === n) {
      const map = new Uint32Array(n + 1);
      for (let i = 0; i <= n; i++) map[i] = i;
      return { text: lower.replace(FOLDED, (ch) => FOLD.get(ch) ?? ch), map };
    }
  }
  return normalizeByCodeUnit(input);
}

/** The general path, one code unit at a time (exported so tests can hold the fast paths to it). */
export function normalizeByCodeUnit(input: string): Normalized {
  const n = input.length;
  const out: string[] = [];
  const map = new Uint32Array(n + 1);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x7f) continue;
      out.push(c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : c < 0x20 ? ' ' : c === 0x60 ? "'" : input[i]!);
      map[j++] = i;
      continue;
    }
    if (REMOVE.has(c) || isArabicMark(c)) continue;
    let ch: string;
    if (SPACE.has(c) || (c >= 0x2000 && c <= 0x200a)) ch = ' ';
    else if (DASH.has(c)) ch = '-';
    else if (SLASH.has(c)) ch = '/';
    else if (SINGLE_QUOTE.has(c)) ch = "'";
    else if (DOUBLE_QUOTE.has(c)) ch = '"';
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      // A surrogate pair: fold as one code point if the fold keeps two code units.
      const pair = input.slice(i, i + 2);
      const lower = pair.toLowerCase();
      const use = lower.length === 2 ? lower : pair;
      out.push(use);
      map[j++] = i;
      map[j++] = i + 1;
      i++;
      continue;
    } else {
      const orig = input[i]!;
      const lower = orig.toLowerCase();
      ch = lower.length === 1 ? lower : orig;
    }
    out.push(ch);
    map[j++] = i;
  }
  map[j] = n;
  return { text: out.join(''), map: map.subarray(0, j + 1) };
}

/** Maps a normalised range [start, end) to the original string's [start, end). */
export function toOriginalRange(norm: Normalized, start: number, end: number): [number, number] {
  const len = norm.text.length;
  if (start < 0 || end > len || start > end) throw new RangeError(`range ${start}-${end} outside 0-${len}`);
  if (start === end) {
    const at = norm.map[start]!;
    return [at, at];
  }
  return [norm.map[start]!, norm.map[end - 1]! + 1];
}

/** Maps an original index to the first normalised index at or after it (binary search). */
export function toNormalizedIndex(norm: Normalized, original: number): number {
  const len = norm.text.length;
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.map[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
