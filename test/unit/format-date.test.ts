import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/ui/Card';

describe('formatDate (the card’s dates, in English like its text)', () => {
  it('writes a full ISO date as "Mon D, YYYY", the same as en-US Intl would', () => {
    for (const iso of ['2024-06-19', '2024-12-04', '2025-01-01', '1961-07-06']) {
      const intl = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
      expect(formatDate(iso)).toBe(intl);
    }
  });

  it('leaves anything else as it is', () => {
    for (const text of ['2024-06', '2024', '2024-13-01', '2024-06-00', 'June 2024', '']) expect(formatDate(text)).toBe(text);
  });
});
