import { describe, expect, it } from 'vitest';
import { inviteExpiryText, joinTokenFromHash, roleName } from './team-text';

describe('team text', () => {
  it('names roles', () => {
    expect(roleName('APPROVER')).toBe('Approver');
  });

  it('says when an invitation expires', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    expect(inviteExpiryText('2026-12-07T11:00:00Z', false, now)).toBe('Expires in 6 days');
    expect(inviteExpiryText('2026-12-01T13:00:00Z', false, now)).toBe('Expires tomorrow');
    expect(inviteExpiryText('2026-11-30T18:00:00Z', false, now)).toBe('Expires today');
    expect(inviteExpiryText('2026-11-29T18:00:00Z', true, now)).toBe('Expired');
  });

  it('reads the token from the link fragment', () => {
    expect(joinTokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(joinTokenFromHash('')).toBeNull();
    expect(joinTokenFromHash('#token=')).toBeNull();
  });
});
