import { describe, expect, it } from 'vitest';
import { isoNoZone, msDate, msDateWithOffset, parseHttpOrIsoDate } from './dates.js';

describe('dates', () => {
  it('parses the If-Modified-Since forms clients send', () => {
    const ms = Date.UTC(2020, 1, 6, 20, 17, 43, 202);
    expect(parseHttpOrIsoDate('2020-02-06T20:17:43.202Z')).toBe(ms);
    expect(parseHttpOrIsoDate('2020-02-06T20:17:43.202')).toBe(ms);
    expect(parseHttpOrIsoDate('2020-02-06T12:17:43.202-08:00')).toBe(ms);
    expect(parseHttpOrIsoDate('2020-02-06T20:17:43')).toBe(ms - 202);
    expect(parseHttpOrIsoDate('Thu, 06 Feb 2020 20:17:43 GMT')).toBe(ms - 202);
    expect(parseHttpOrIsoDate('yesterday')).toBeUndefined();
  });

  it('formats Xero dates', () => {
    expect(msDateWithOffset(1503348544227)).toBe('/Date(1503348544227+0000)/');
    expect(msDate(1551399323399)).toBe('/Date(1551399323399)/');
    expect(isoNoZone(Date.UTC(2024, 5, 21, 1, 15, 39, 902))).toBe('2024-06-21T01:15:39.902');
    expect(isoNoZone(Date.UTC(2019, 11, 7, 18, 46, 19, 516), 7)).toBe('2019-12-07T18:46:19.5160000');
  });
});
