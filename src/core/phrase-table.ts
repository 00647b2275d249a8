/**
 * Word lists of a few classes (the framing markers, the framing lexicon) matched token by token instead of by
 * RegExp: a Unicode-aware alternation of a few hundred words took V8 ~200 ms to compile on first use, which the
 * first card of a page would pay. An entry ending in `*` is a stem (any letters may follow its last word). In a
 * language written without word boundaries that suit it (Korean endings and stems), entries are substrings.
 *
 * Pure TypeScript, no DOM and no browser API.
 */

export interface Phrase<C> {
  cls: C;
  words: string[];
  /** The last word is a stem: any letters may follow it. */
  stem: boolean;
}
export interface PhraseTable<C> {
  /** Phrases by their first word; phrases whose only word is a stem, apart. */
  byFirst: Map<string, Phrase<C>[]>;
  stems: Phrase<C>[];
  /** Substrings, when the language matches inside words. */
  substrings: { cls: C; text: string }[];
}

/** Entries as tokens are keyed: lower case, typographic apostrophe as ASCII. */
const asKey = (s: string) => s.toLowerCase().replace(/’/g, "'");

export function compilePhrases<C extends string>(classes: readonly C[], lists: Record<C, string[]>, insideWords: boolean): PhraseTable<C> {
  const out: PhraseTable<C> = { byFirst: new Map(), stems: [], substrings: [] };
  for (const cls of classes)
    for (const raw of lists[cls]) {
      const stem = raw.endsWith('*');
      const entry = asKey(stem ? raw.slice(0, -1) : raw);
      if (insideWords) {
        out.substrings.push({ cls, text: entry });
        continue;
      }
      const words = entry.split(/[\s-]+/).filter(Boolean);
      const phrase: Phrase<C> = { cls, words, stem };
      if (stem && words.length === 1) out.stems.push(phrase);
      else {
        const list = out.byFirst.get(words[0]!) ?? [];
        list.push(phrase);
        out.byFirst.set(words[0]!, list);
      }
    }
  return out;
}

/** Each phrase found in the token keys (lower-cased as `asKey`), as its class, first token and token count. */
export function matchPhrases<C>(table: PhraseTable<C>, keys: readonly string[], onHit: (cls: C, first: number, count: number) => void): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    for (const p of table.byFirst.get(key) ?? []) {
      let k = 1;
      while (k < p.words.length && i + k < keys.length) {
        const w = p.words[k]!;
        const next = keys[i + k]!;
        if (p.stem && k === p.words.length - 1 ? !next.startsWith(w) : next !== w) break;
        k++;
      }
      if (k === p.words.length) onHit(p.cls, i, k);
    }
    for (const p of table.stems) if (key.startsWith(p.words[0]!)) onHit(p.cls, i, 1);
  }
}

/** Each substring entry found in the lower-cased text, as its class and offsets (non-overlapping per entry). */
export function matchSubstrings<C>(table: PhraseTable<C>, lower: string, onHit: (cls: C, start: number, end: number) => void): void {
  for (const { cls, text } of table.substrings)
    for (let at = lower.indexOf(text); at >= 0; at = lower.indexOf(text, at + text.length)) onHit(cls, at, at + text.length);
}
