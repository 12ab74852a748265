import { describe, expect, it } from 'vitest';
import { lastCheckedText, nextCheckText, relativeTime } from './relative-time';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe('relativeTime', () => {
  it('calls anything within 45 seconds now', () => {
    expect(relativeTime(at(-10), NOW)).toBe('just now');
    expect(relativeTime(at(0), NOW)).toBe('just now');
    expect(relativeTime(at(30), NOW)).toBe('in a moment');
  });

  it('rounds to the largest whole unit, past and future', () => {
    expect(relativeTime(at(-50), NOW)).toBe('1 minute ago');
    expect(relativeTime(at(-3 * 60), NOW)).toBe('3 minutes ago');
    expect(relativeTime(at(12 * 60 + 20), NOW)).toBe('in 12 minutes');
    expect(relativeTime(at(-2 * 3600), NOW)).toBe('2 hours ago');
    expect(relativeTime(at(-26 * 3600), NOW)).toBe('yesterday');
    expect(relativeTime(at(3 * 86400), NOW)).toBe('in 3 days');
    expect(relativeTime(at(-14 * 86400), NOW)).toBe('2 weeks ago');
    expect(relativeTime(at(-400 * 86400), NOW)).toBe('last year');
  });

  it('gives null for missing or unreadable dates', () => {
    expect(relativeTime(null, NOW)).toBeNull();
    expect(relativeTime(undefined, NOW)).toBeNull();
    expect(relativeTime('not a date', NOW)).toBeNull();
  });
});

describe('lastCheckedText', () => {
  it('says when Xero was last checked, or that it has not been yet', () => {
    expect(lastCheckedText(at(-5 * 60), NOW)).toBe('Last checked 5 minutes ago');
    expect(lastCheckedText(at(-5), NOW)).toBe('Last checked just now');
    expect(lastCheckedText(null, NOW)).toBe('Not checked yet');
  });

  it('reads "just now" for a check stamped slightly ahead of this clock (skew), never "in …"', () => {
    expect(lastCheckedText(at(20), NOW)).toBe('Last checked just now');
    expect(lastCheckedText(at(5 * 60), NOW)).toBe('Last checked just now');
  });
});

describe('nextCheckText', () => {
  it('says when the next check is due', () => {
    expect(nextCheckText(at(10 * 60), NOW)).toBe('Next check in 10 minutes');
  });

  it('never says "ago" for an overdue check', () => {
    expect(nextCheckText(at(20), NOW)).toBe('Next check any moment now');
    expect(nextCheckText(at(-5 * 60), NOW)).toBe('Next check any moment now');
  });

  it('is null when no check is planned (e.g. disconnected)', () => {
    expect(nextCheckText(null, NOW)).toBeNull();
  });
});
