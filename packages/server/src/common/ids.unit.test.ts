import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from './ids.js';

describe('isUuid: the one check of client-given ids', () => {
  it('accepts UUIDs of any version and case', () => {
    expect(isUuid(uuidv7())).toBe(true);
    expect(isUuid('0190F3A1-7C2B-7D4E-8F60-1A2B3C4D5E6F')).toBe(true);
  });

  it('refuses what PostgreSQL could not cast (36 dashes passed the old per-file pattern)', () => {
    for (const bad of ['-'.repeat(36), 'not-a-uuid', '', `${uuidv7()}x`, '0190f3a17c2b7d4e8f601a2b3c4d5e6f0000', undefined, 42]) {
      expect(isUuid(bad)).toBe(false);
    }
  });
});

describe('uuidv7', () => {
  it('version 7, time-ordered by the millisecond given, and distinct across many (the random bits come from a pool)', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidv7(1_800_000_000_000 + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(5000);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(ids[100]! > ids[99]!).toBe(true);
    expect(ids[0]!.slice(0, 13)).toBe('01a3185c-5000'); // 1,800,000,000,000 ms in hex
  });
});
