import { describe, expect, it } from 'vitest';
import { pageSentences, segmentSentences, sentencesAround } from './sentences';

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

describe('segmentSentences: initials and asides', () => {
  it('an initial after a hyphen or another initial does not end a sentence; an aside "(!)" does not either', () => {
    const text = 'The Moscow-N. Korea pact binds them. Envoys of the D.P.R.K. Kim sent arrived. The Democratic (!) Republic agreed. 역사적인(?) 방문이 끝났다.';
    expect(pieces(text)).toEqual([
      'The Moscow-N. Korea pact binds them.',
      'Envoys of the D.P.R.K. Kim sent arrived.',
      'The Democratic (!) Republic agreed.',
      '역사적인(?) 방문이 끝났다.',
    ]);
  });
});

describe('pageSentences (text read from a page, for framing and claims)', () => {
  it('splits sentences without breaking at initials or inside a quoted question', () => {
    const text = 'N. Korea and the U.S. disagree. “Why now?” he asked. 조약은 발효됐다. Договор вступил в силу.';
    expect(pageSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'N. Korea and the U.S. disagree.',
      '“Why now?” he asked.',
      '조약은 발효됐다.',
      'Договор вступил в силу.',
    ]);
  });

  it('a line break of the page’s source inside a sentence does not end it; a line of its own does', () => {
    const text = 'The pact took effect in December. It binds each side to\n        aid the other.\nOfficials met\nSeoul reacted.';
    expect(pageSentences(text).map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' '))).toEqual([
      'The pact took effect in December.',
      'It binds each side to aid the other.',
      'Officials met',
      'Seoul reacted.',
    ]);
  });

  it('an aside in brackets does not end a sentence; CJK full stops do without a space', () => {
    const text = 'The Democratic (!) Republic signed. 条約は発効した。双方は批准した。';
    expect(pageSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['The Democratic (!) Republic signed.', '条約は発効した。', '双方は批准した。']);
  });

  it('the sentences around a mention: from the first it touches to the last it reaches into', () => {
    const text = 'One. Two three. Four.';
    const sentences = pageSentences(text);
    expect(sentencesAround(sentences, { start: 5, end: 8 })).toEqual([1, 1]);
    expect(sentencesAround(sentences, { start: 8, end: 18 })).toEqual([1, 2]);
    expect(sentencesAround(sentences, { start: 40, end: 41 })).toEqual([2, 2]);
  });
});
