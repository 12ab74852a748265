/**
 * Dates in the sentences the server writes (emails, statuses, timelines), in the one form the web shows too
 * ("30 Nov 2026", "30 Nov 2026, 14:05 UTC"; web/src/components/format-date.ts). A sentence is written once for
 * every reader, so it is in UTC, and a time says so. The month names are ours, not ICU's (en-GB says "Sept").
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** "30 Nov 2026" (the day in UTC). */
export function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]!} ${date.getUTCFullYear()}`;
}

/** "30 Nov 2026, 14:05 UTC". */
export function formatDayTime(date: Date): string {
  return `${formatDay(date)}, ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}
