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
