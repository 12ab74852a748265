import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-date';

describe('formatDate / formatDateTime: one form, the server sentences’ form', () => {
  it('writes day, short month and year, and a 24-hour time', () => {
    expect(formatDate('2026-11-30T14:05:00Z', { timeZone: 'UTC' })).toBe('30 Nov 2026');
    expect(formatDateTime('2026-11-30T14:05:00Z', { timeZone: 'UTC' })).toBe('30 Nov 2026, 14:05');
    expect(formatDateTime('2026-01-02T00:07:00Z', { timeZone: 'UTC' })).toBe('2 Jan 2026, 00:07');
    expect(formatDate(new Date('2026-05-09T12:00:00Z'), { timeZone: 'UTC' })).toBe('9 May 2026');
  });

  it('uses its own month names, the same on every engine ("Sep", never en-GB’s "Sept")', () => {
    const months = Array.from({ length: 12 }, (_, m) => formatDate(new Date(Date.UTC(2026, m, 15)), { timeZone: 'UTC' }).split(' ')[1]);
    expect(months).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });

  it('shows the time in the reader’s time zone, the day included', () => {
    expect(formatDateTime('2026-11-30T14:05:00Z', { timeZone: 'Pacific/Auckland' })).toBe('1 Dec 2026, 03:05');
    expect(formatDateTime('2026-07-01T23:30:00Z', { timeZone: 'Europe/London' })).toBe('2 Jul 2026, 00:30');
    expect(formatDate('2026-11-30T14:05:00Z', { timeZone: 'America/New_York' })).toBe('30 Nov 2026');
  });

  it('reads the same as the server’s sentences for the same instant', async () => {
    // server/src/common/format-date.ts writes sentences in UTC: the browser in UTC must write the same words.
    const { formatDay, formatDayTime } = await import('../../../server/src/common/format-date');
    for (const iso of ['2026-11-30T14:05:00Z', '2026-09-01T00:00:00Z', '2027-02-28T23:59:00Z']) {
      expect(formatDate(iso, { timeZone: 'UTC' })).toBe(formatDay(new Date(iso)));
      expect(`${formatDateTime(iso, { timeZone: 'UTC' })} UTC`).toBe(formatDayTime(new Date(iso)));
    }
  });

  it('writes nothing for a missing or unreadable date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});
