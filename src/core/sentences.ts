/**
 * Sentence segmentation, returning [start, end) offsets into the given text (see segmentSentences).
 * guessLocale picks the window sizes the matcher uses for a script (ko / ja / zh / ru / en).
 */

export type Span = readonly [start: number, end: number];

/** A locale for a text, from the first distinctive script found. */
export function guessLocale(text: string): string {
  if (/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/.test(text)) return 'ko';
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  return 'en';
}

// A piece ending in an initial or a common abbreviation does not end a sentence ("N. Korea", "U.S. envoy").
const ABBREVIATION_END =
  /(?:^|[\s("'])(?:\p{Lu}|[\p{Lu}]\.[\p{Lu}]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Adm|St|No|Nos|Art|Arts|Sen|Rep|Gov|Jr|Sr|Prof|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|т\.е|т\.д|г|гг|им|ст|ул|св)\.\s*$/u;

// "art. 4", "čl. 4", "ст. 4": an article's abbreviation before its number, in any case, is no sentence end.
const NUMBERED_ABBREVIATION_END = /(?:^|[\s("'])(?:art|arts|čl|ust|pkt|nr|ст)\.\s*$/iu;

/**
 * Sentence ends: ., !, ?, … (with closing quotes or brackets) before a space or the end; CJK full stops and marks
 * wherever they stand (no space follows them in Chinese or Japanese).
 */
const TERMINATOR = /[.!?…]+["'”’»」』)\]]*(?=\s|$)|[。！？]+["'”’»」』)\]]*/gu;

/**
 * Splits text into sentences covering it end to end (each keeps its trailing space), like ICU's sentence
 * iterator. Not Intl.Segmenter: creating one cost ~85 ms in Chromium on the first page with a mention, longer
 * than a frame, for rules that come down to these terminators. A lower-case word after a terminator continues
 * the sentence (`“Why now?” he asked.`), and initials or abbreviations ("N. Korea", "U.S. envoy") do not end one.
 */
export function segmentSentences(text: string, _locale?: string): Span[] {
  if (text.length === 0) return [];
  const out: [number, number][] = [];
  let from = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    let end = m.index + m[0].length;
    while (end < text.length && /\s/.test(text[end]!)) end++;
    const next = text[end];
    if (next !== undefined && /\p{Ll}/u.test(next)) continue;
    const piece = text.slice(Math.max(from, m.index + m[0].length - 12), m.index + m[0].length);
    if (ABBREVIATION_END.test(piece)) continue;
    if (next !== undefined && /\p{N}/u.test(next) && NUMBERED_ABBREVIATION_END.test(piece)) continue;
    out.push([from, end]);
    from = end;
  }
  if (from < text.length) out.push([from, text.length]);
  return out;
}
