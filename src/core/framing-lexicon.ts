/**
 * The framing rules' lexicon per language (framing-lexicon.json): words and phrases that, in the author's own
 * voice, make a sentence opinion: verdicts, stance and certainty markers, advice, predictions stated as certain,
 * mockery. Data, matched on words (English, Russian) or inside words (Korean), not hand-written RegExps: the
 * rules in framing.ts turn each hit into a cue (a card's reason) and decide whose words it is in.
 *
 * Pure TypeScript, no DOM and no browser API.
 */

import { cheapLetterClasses } from './matcher';
import { modelLanguage, type ModelLanguage } from './framing-model';
import { compilePhrases, matchPhrases, matchSubstrings, type PhraseTable } from './phrase-table';

export const LEXICON_CLASSES = ['verdict', 'stance', 'advice', 'prediction', 'irony'] as const;
export type LexiconClass = (typeof LEXICON_CLASSES)[number];

export interface LexiconFile {
  version: number;
  about: string;
  languages: Record<ModelLanguage, Record<LexiconClass, string[]>>;
}

export interface LexiconHit {
  cls: LexiconClass;
  /** Offsets in the sentence. */
  start: number;
  end: number;
}

const TOKEN = new RegExp(cheapLetterClasses("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*"), 'gu');

export interface Lexicon {
  /** Every hit in one sentence, in order; none in a language the lexicon does not hold. */
  find(sentence: string): LexiconHit[];
}

/** Compiled per language on first use: a page is mostly in one language. */
export function compileLexicon(file: LexiconFile): Lexicon {
  const memo = new Map<ModelLanguage, PhraseTable<LexiconClass>>();
  const compiled = (lang: ModelLanguage) => {
    let c = memo.get(lang);
    if (!c) memo.set(lang, (c = compilePhrases(LEXICON_CLASSES, file.languages[lang], lang === 'ko')));
    return c;
  };
  return {
    find(sentence) {
      const lang = modelLanguage(sentence);
      if (!lang) return [];
      const c = compiled(lang);
      const lower = sentence.toLowerCase();
      // Offsets in the lower-cased text are offsets in the sentence only when lower-casing kept the length.
      if (lower.length !== sentence.length) return [];
      const hits: LexiconHit[] = [];
      if (lang === 'ko') {
        matchSubstrings(c, lower, (cls, start, end) => hits.push({ cls, start, end }));
        return hits.sort((a, b) => a.start - b.start || b.end - a.end);
      }
      const keys: string[] = [];
      const starts: number[] = [];
      const ends: number[] = [];
      TOKEN.lastIndex = 0;
      for (let m = TOKEN.exec(lower); m; m = TOKEN.exec(lower)) {
        keys.push(m[0].replace(/’/g, "'"));
        starts.push(m.index);
        ends.push(m.index + m[0].length);
      }
      matchPhrases(c, keys, (cls, first, count) => hits.push({ cls, start: starts[first]!, end: ends[first + count - 1]! }));
      return hits;
    },
  };
}
