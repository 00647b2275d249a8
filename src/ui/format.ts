/**
 * Dates as the reader writes them, through Intl: "Jun 19, 2024", "19 июн. 2024 г.", "2024년 6월 19일". The card
 * makes its formatter on first use (~50 ms once in Chromium), so only pages with a mention pay for it.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatReaderDate(iso: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) return iso;
  const key = locale ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format.format(date);
}
