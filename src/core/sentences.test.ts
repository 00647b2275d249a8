import { describe, expect, it } from 'vitest';
import { segmentSentences } from './sentences';

const pieces = (text: string) => segmentSentences(text).map(([start, end]) => text.slice(start, end).trim());

describe('segmentSentences', () => {
  it('an article’s abbreviation before its number does not end a sentence (art. 4, čl. 4, ст. 4); before a word it may', () => {
    const text = 'Zgodnie z art. 4 traktatu strony pomagają sobie. Podle čl. 4 smlouvy platí totéž. По ст. 4 договора тоже. He loves art. Then he left.';
    expect(pieces(text)).toEqual([
      'Zgodnie z art. 4 traktatu strony pomagają sobie.',
      'Podle čl. 4 smlouvy platí totéž.',
      'По ст. 4 договора тоже.',
      'He loves art.',
      'Then he left.',
    ]);
  });
});
