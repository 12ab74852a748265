/**
 * "3 minutes ago", "in 2 hours", "yesterday": coarse, human times for things that happen on a schedule.
 * Pure (the clock is passed in) so it is unit-tested and re-rendered by a ticking `now`.
 */

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60],
  ['month', 30 * 24 * 60 * 60],
  ['week', 7 * 24 * 60 * 60],
  ['day', 24 * 60 * 60],
  ['hour', 60 * 60],
  ['minute', 60],
];

/** Under this many seconds either way counts as "now". */
export const NOW_THRESHOLD_SECONDS = 45;

const formatters = new Map<string, Intl.RelativeTimeFormat>();

function formatter(locale: string): Intl.RelativeTimeFormat {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formatters.set(locale, format);
  }
  return format;
}

/**
 * `iso` relative to `nowMs`: "just now" / "in a moment" within 45 seconds, otherwise the largest whole
 * unit ("5 minutes ago", "in 2 hours", "yesterday"). Null for a missing or unreadable date.
 */
export function relativeTime(iso: string | null | undefined, nowMs: number, locale = 'en'): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const seconds = (at - nowMs) / 1000;
  const abs = Math.abs(seconds);
  if (abs < NOW_THRESHOLD_SECONDS) return seconds <= 0 ? 'just now' : 'in a moment';
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'minute') return formatter(locale).format(Math.round(seconds / size), unit);
  }
  return null;
}

/**
 * "Last checked 3 minutes ago", or "Not checked yet". A check is in the past by definition, so a stamp a
 * little ahead of `nowMs` (clock skew, or a ticking `now` taken just before the update arrived) reads
 * "just now", never "in a moment".
 */
export function lastCheckedText(iso: string | null | undefined, nowMs: number): string {
  const at = iso ? Date.parse(iso) : Number.NaN;
  const when = relativeTime(iso, Number.isNaN(at) ? nowMs : Math.max(nowMs, at));
  return when ? `Last checked ${when}` : 'Not checked yet';
}

/** "Next check in 12 minutes"; "Next check any moment now" when due or overdue; null when none is planned. */
export function nextCheckText(iso: string | null | undefined, nowMs: number): string | null {
  const when = relativeTime(iso, nowMs);
  if (!when) return null;
  const overdue = Date.parse(iso!) - nowMs < NOW_THRESHOLD_SECONDS * 1000;
  return overdue ? 'Next check any moment now' : `Next check ${when}`;
}
