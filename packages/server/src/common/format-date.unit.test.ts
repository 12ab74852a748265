import { describe, expect, it } from 'vitest';
import { formatDay, formatDayTime } from './format-date.js';

describe('formatDay / formatDayTime', () => {
  it('writes the day in UTC as "30 Nov 2026" and a time as "30 Nov 2026, 14:05 UTC"', () => {
    expect(formatDay(new Date('2026-11-30T14:05:00Z'))).toBe('30 Nov 2026');
    expect(formatDayTime(new Date('2026-11-30T14:05:00Z'))).toBe('30 Nov 2026, 14:05 UTC');
    expect(formatDayTime(new Date('2026-01-02T00:07:00+13:00'))).toBe('1 Jan 2026, 11:07 UTC');
  });

  it('says "Sep", whatever the ICU data says', () => {
    expect(formatDay(new Date('2026-09-30T12:00:00Z'))).toBe('30 Sep 2026');
  });
});
