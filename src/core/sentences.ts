/**
 * Sentence segmentation with Intl.Segmenter, returning [start, end) offsets into the given text.
 *
 * The locale is guessed from the script when not given (ko / ja / zh / ru / en): ICU's sentence rules are
 * mostly script-driven, but CJK full stops and Korean spacing differ. Segmenters are created once per locale.
 * ICU breaks after "N." in "N. Korea" and after "U.S." followed by a capital; such pieces are merged back.
 */

export type Span = readonly [start: number, end: number];

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, s);
  }
  return s;
}

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

export function segmentSentences(text: string, locale?: string): Span[] {
  if (text.length === 0) return [];
  const seg = segmenterFor(locale ?? guessLocale(text));
  const out: [number, number][] = [];
  for (const { index, segment } of seg.segment(text)) {
    const end = index + segment.length;
    const prev = out[out.length - 1];
    if (prev && ABBREVIATION_END.test(text.slice(Math.max(prev[0], prev[1] - 12), prev[1]))) prev[1] = end;
    else out.push([index, end]);
  }
  return out;
}
