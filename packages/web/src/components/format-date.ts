/**
 * Every date the SPA shows, in the one form the server's sentences use too ("30 Nov 2026" and
 * "30 Nov 2026, 14:05": day, short English month, year, 24-hour time), whatever the browser's language, so a
 * date on screen reads like the one in an email or in a sentence the server wrote (server/src/common/format-date.ts).
 * The month names are ours, not the locale's (en-GB's ICU data says "Sept"; other engines "Sep").
 *
 * Times are the reader's: the browser's time zone, unless a test names one. Server sentences, written for
 * everyone, use UTC and say so next to a time (docs/decisions/2026-11-30-dates.md).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface DateFormatOptions {
  /** An IANA time zone; the browser's own when left out. */
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(value: string | Date | null | undefined, timeZone: string | undefined) {
  const date = value instanceof Date ? value : new Date(value ?? '');
  if (Number.isNaN(date.getTime())) return null;
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    // Numbers only: the words are ours.
    formatter = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    formatters.set(key, formatter);
  }
  const found: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(date)) found[part.type] = part.value;
  return { day: Number(found.day), month: MONTHS[Number(found.month) - 1]!, year: found.year!, hour: found.hour!, minute: found.minute! };
}

/** "30 Nov 2026"; '' for anything that isn't a date. */
export function formatDate(value: string | Date | null | undefined, options: DateFormatOptions = {}): string {
  const p = parts(value, options.timeZone);
  return p ? `${p.day} ${p.month} ${p.year}` : '';
}

/** "30 Nov 2026, 14:05"; '' for anything that isn't a date. */
export function formatDateTime(value: string | Date | null | undefined, options: DateFormatOptions = {}): string {
  const p = parts(value, options.timeZone);
  return p ? `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}` : '';
}
