import { describe, expect, it } from 'vitest';
import { formatReaderDate } from '../../src/ui/format';

describe('formatReaderDate (the card’s and popup’s dates, in the reader’s language)', () => {
  it('writes a date as each of the note languages does', () => {
    expect(formatReaderDate('2024-06-19', 'en')).toBe('Jun 19, 2024');
    expect(formatReaderDate('2024-06-19', 'ru')).toMatch(/^19 июн\.? 2024/);
    expect(formatReaderDate('2024-06-19', 'ko')).toBe('2024년 6월 19일');
  });

  it('leaves anything else as it is', () => {
    for (const text of ['2024-06', '2024', '2024-13-01', '2024-06-00', '2024-02-30', 'June 2024', '']) expect(formatReaderDate(text, 'ru')).toBe(text);
  });
});
