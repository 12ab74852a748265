/** Xero's Microsoft JSON dates: `/Date(1503348544227+0000)/` on records, `/Date(1551399323399)/` for DateTimeUTC. */
export function msDateWithOffset(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

export function msDate(ms: number): string {
  return `/Date(${ms})/`;
}

/** ISO without a zone suffix, as Xero writes connection dates (7 fraction digits) and webhook eventDateUtc (3). */
export function isoNoZone(ms: number, fractionDigits: 3 | 7 = 3): string {
  const iso = new Date(ms).toISOString().slice(0, 23);
  return fractionDigits === 7 ? `${iso}0000` : iso;
}

/**
 * Parses an If-Modified-Since value: ISO-8601 (with or without ms, with or without zone; no zone = UTC)
 * or RFC 1123. Returns undefined when unparseable.
 */
export function parseHttpOrIsoDate(value: string): number | undefined {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = iso;
    const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
    let epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
      epoch -= sign * offsetMinutes * 60_000;
    }
    return Number.isNaN(epoch) ? undefined : epoch;
  }
  if (/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) {
    const epoch = Date.parse(trimmed);
    return Number.isNaN(epoch) ? undefined : epoch;
  }
  return undefined;
}
