import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeByCodeUnit, normalizeText, toNormalizedIndex, toOriginalRange } from './text-normalize';

describe('normalizeText', () => {
  it('folds case, spaces, dashes, slashes and quotes; drops invisible characters', () => {
    const n = normalizeText('Russia\u2019s\u00a0Pact\u2014North\u00adKo\u200brea\n\u201cTreaty\u201d \u2215 \u00b7');
    expect(n.text).toBe(`russia's pact-northkorea "treaty" / /`);
  });

  it('leaves plain lower-case ASCII alone', () => {
    const n = normalizeText('plain text, 2024.');
    expect(n.text).toBe('plain text, 2024.');
    expect([...n.map]).toEqual([...Array(18).keys()]);
  });

  it('keeps the length where lower-casing would change it (İ)', () => {
    expect(normalizeText('İstanbul').text).toBe('İstanbul');
  });

  it('maps a normalised range back to the exact original text', () => {
    const original = 'The Rus\u00adsia\u00a0\u2013 North\nKorea pact';
    const n = normalizeText(original);
    const s = n.text.indexOf('russia');
    const e = n.text.indexOf('pact') + 4;
    const [os, oe] = toOriginalRange(n, s, e);
    expect(original.slice(os, oe)).toBe('Rus\u00adsia\u00a0\u2013 North\nKorea pact');
    expect(toNormalizedIndex(n, os)).toBe(s);
  });

  it('throws RangeError outside the text', () => {
    expect(() => toOriginalRange(normalizeText('abc'), 2, 5)).toThrow(RangeError);
  });

  it('never breaks the offset map (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\u00ad', '\u200b', '\u2013', '\u00a0', 'й', 'Ж', '’', '\n', '😀', '북') }), (s) => {
        const n = normalizeText(s);
        expect(n.map.length).toBe(n.text.length + 1);
        expect(n.map[n.text.length]).toBe(s.length);
        for (let i = 1; i < n.text.length; i++) expect(n.map[i]!).toBeGreaterThan(n.map[i - 1]!);
        for (let i = 0; i < n.text.length; i++) {
          const c = s[n.map[i]!]!;
          expect(['\u00ad', '\u200b']).not.toContain(c);
        }
      }),
    );
  });
});

describe('fast paths', () => {
  it('give exactly what the code-unit loop gives (property)', () => {
    const pieces = fc.constantFrom('Russia', 'NORTH KOREA', 'Пхеньян', '북러 조약', '朝俄条约', '\u00ad', '\u00a0', '–', '—', '“', '”', '’', '«', '»', 'İ', 'ß', '\u2009', '\t', '\n', '`', 'ǅ', '𝐀', '😀', ' ', 'pact', '\u200b', 'Ω');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 12 }), (parts) => {
        const input = parts.join('');
        const fast = normalizeText(input);
        const slow = normalizeByCodeUnit(input);
        expect(fast.text).toBe(slow.text);
        expect([...fast.map]).toEqual([...slow.map]);
      }),
      { numRuns: 2000 },
    );
  });
});
