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

// A piece ending in an initial or a common abbreviation does not end a sentence ("N. Korea", "Russia-N. Korea", "the D.P.R.K. Kim", "e.g.").
const ABBREVIATION_END =
  /(?:^|[^\p{L}\p{N}])(?:\p{Lu}|[\p{Lu}]\.[\p{Lu}]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Adm|St|No|Nos|Art|Arts|Sen|Rep|Gov|Jr|Sr|Prof|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|т\.е|т\.д|г|гг|им|ст|ул|св)\.\s*$/u;

// "art. 4", "čl. 4", "ст. 4": an article's abbreviation before its number, in any case, is no sentence end.
const NUMBERED_ABBREVIATION_END = /(?:^|[\s("'])(?:art|arts|čl|ust|pkt|nr|ст)\.\s*$/iu;

/**
 * Sentence ends: ., !, ?, … (with closing quotes or brackets) before a space or the end; CJK full stops and marks
 * wherever they stand (no space follows them in Chinese or Japanese). With line breaks, also a blank line and a
 * line break that the text around it does not carry on over.
 */
const TERMINATOR = /[.!?…]+["'”’»」』)\]]*(?=\s|$)|[。！？]+["'”’»」』)\]]*/gu;
const TERMINATOR_OR_LINE = new RegExp(`${TERMINATOR.source}|\\n\\s*\\n|\\n`, 'gu');

export interface SentenceOptions {
  /**
   * Text read line by line from a page (a heading, a caption, a byline): a line of its own ends a sentence, while
   * a line break of the page's source inside a sentence ("each side to\n    help") is only whitespace.
   */
  lineBreaks?: boolean;
}

/**
 * Splits text into sentences covering it end to end (each keeps its trailing space), like ICU's sentence
 * iterator. Not Intl.Segmenter: creating one cost ~85 ms in Chromium on the first page with a mention, longer
 * than a frame, for rules that come down to these terminators. A lower-case word after a terminator continues
 * the sentence (`“Why now?” he asked.`), initials or abbreviations ("N. Korea", "U.S. envoy") do not end one, nor
 * does an aside in brackets ("the Democratic (!) Republic").
 */
export function segmentSentences(text: string, options: SentenceOptions = {}): Span[] {
  if (text.length === 0) return [];
  const out: [number, number][] = [];
  const terminator = options.lineBreaks ? TERMINATOR_OR_LINE : TERMINATOR;
  let from = 0;
  terminator.lastIndex = 0;
  for (let m = terminator.exec(text); m; m = terminator.exec(text)) {
    // A line break already taken in as the previous sentence's trailing space.
    if (m.index < from) continue;
    let end = m.index + m[0].length;
    if (m[0][0] === '\n') {
      if (m[0] === '\n' && /[\p{L},]$/u.test(text.slice(from, m.index).trimEnd()) && /^\s*\p{Ll}/u.test(text.slice(end, end + 80))) continue;
      while (end < text.length && /\s/.test(text[end]!)) end++;
    } else {
      if (text[m.index - 1] === '(' && /^[!?]+\)$/.test(m[0])) continue;
      const piece = text.slice(Math.max(from, end - 12), end);
      while (end < text.length && /\s/.test(text[end]!)) end++;
      const next = text[end];
      if (next !== undefined && /\p{Ll}/u.test(next)) continue;
      if (ABBREVIATION_END.test(piece)) continue;
      if (next !== undefined && /\p{N}/u.test(next) && NUMBERED_ABBREVIATION_END.test(piece)) continue;
    }
    out.push([from, end]);
    from = end;
  }
  if (from < text.length) out.push([from, text.length]);
  return out;
}

/** The sentences of text read from a page, line breaks included, trimmed of their spaces (none empty). */
export function pageSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let [start, end] of segmentSentences(text, { lineBreaks: true })) {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The sentences that hold a focus (a mention): the first it touches to the last it reaches into. */
export function sentencesAround(sentences: readonly { start: number; end: number }[], focus: { start: number; end: number }): [first: number, last: number] {
  let first = sentences.findIndex((s) => s.end > focus.start);
  if (first < 0) first = Math.max(0, sentences.length - 1);
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1]!.start < focus.end) last++;
  return [first, last];
}
