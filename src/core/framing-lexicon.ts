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

interface Entry {
  cls: LexiconClass;
  words: string[];
  /** The last word is a stem: any letters may follow it. */
  stem: boolean;
}
interface Compiled {
  /** en, ru: entries by their first word; entries whose only word is a stem, apart. */
  byFirst: Map<string, Entry[]>;
  stems: Entry[];
  /** ko: substrings. */
  substrings: { cls: LexiconClass; text: string }[];
}

const TOKEN = new RegExp(cheapLetterClasses("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*"), 'gu');

function compileLanguage(file: LexiconFile, lang: ModelLanguage): Compiled {
  const out: Compiled = { byFirst: new Map(), stems: [], substrings: [] };
  for (const cls of LEXICON_CLASSES)
    for (const raw of file.languages[lang][cls]) {
      const stem = raw.endsWith('*');
      const entry = (stem ? raw.slice(0, -1) : raw).toLowerCase().replace(/’/g, "'");
      if (lang === 'ko') {
        out.substrings.push({ cls, text: entry });
        continue;
      }
      const words = entry.split(/[\s-]+/).filter(Boolean);
      const e: Entry = { cls, words, stem };
      if (stem && words.length === 1) out.stems.push(e);
      else {
        const list = out.byFirst.get(words[0]!) ?? [];
        list.push(e);
        out.byFirst.set(words[0]!, list);
      }
    }
  return out;
}

export interface Lexicon {
  /** Every hit in one sentence, in order; none in a language the lexicon does not hold. */
  find(sentence: string): LexiconHit[];
}

/** Compiled per language on first use: a page is mostly in one language. */
export function compileLexicon(file: LexiconFile): Lexicon {
  const memo = new Map<ModelLanguage, Compiled>();
  const compiled = (lang: ModelLanguage) => {
    let c = memo.get(lang);
    if (!c) memo.set(lang, (c = compileLanguage(file, lang)));
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
        for (const { cls, text } of c.substrings)
          for (let at = lower.indexOf(text); at >= 0; at = lower.indexOf(text, at + text.length)) hits.push({ cls, start: at, end: at + text.length });
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
      for (let i = 0; i < keys.length; i++) {
        for (const e of c.byFirst.get(keys[i]!) ?? []) {
          let k = 1;
          while (k < e.words.length && i + k < keys.length) {
            const w = e.words[k]!;
            const key = keys[i + k]!;
            if (e.stem && k === e.words.length - 1 ? !key.startsWith(w) : key !== w) break;
            k++;
          }
          if (k === e.words.length) hits.push({ cls: e.cls, start: starts[i]!, end: ends[i + k - 1]! });
        }
        for (const e of c.stems) if (keys[i]!.startsWith(e.words[0]!)) hits.push({ cls: e.cls, start: starts[i]!, end: ends[i]! });
      }
      return hits;
    },
  };
}
