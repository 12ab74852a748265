import { describe, expect, it } from 'vitest';
import { bankStateCell, inviteCell, lastChangeCell, withCount } from './supplier-columns';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const inDays = (days: number) => new Date(NOW + days * 86_400_000).toISOString();

describe('supplier list columns', () => {
  it('says the bank details state in words, with the hold’s end', () => {
    expect(bankStateCell('NONE', null)).toEqual({ text: 'None', tone: 'neutral' });
    expect(bankStateCell('VERIFIED', null)).toEqual({ text: 'Verified', tone: 'success' });
    expect(bankStateCell('CHANGED', null)).toEqual({ text: 'Changed, not confirmed', tone: 'danger' });
    expect(bankStateCell('ON_HOLD', inDays(5)).text).toMatch(/^On hold until .*2026$/);
  });

  it('says where the invite stands, and when it is about to run out', () => {
    expect(inviteCell(null, null, NOW)).toEqual({ text: 'Not invited yet', tone: 'neutral' });
    expect(inviteCell('SENT', inDays(10), NOW)).toEqual({ text: 'Invited', tone: 'neutral' });
    expect(inviteCell('OPENED', inDays(2), NOW)).toEqual({ text: 'Invite opened · expires in 2 days', tone: 'warning' });
    expect(inviteCell('SENT', inDays(-1), NOW)).toEqual({ text: 'Invite expired', tone: 'warning' });
    expect(inviteCell('LOCKED', inDays(5), NOW)).toEqual({ text: 'Invite locked', tone: 'warning' });
    expect(inviteCell('SUBMITTED', inDays(-3), NOW)).toEqual({ text: 'Details sent', tone: 'success' });
  });

  it('says the last change in the list’s words', () => {
    expect(lastChangeCell('SYNCED', inDays(-2), NOW)).toEqual({ what: 'Xero updated', when: '2 days ago' });
    expect(lastChangeCell('SYNC_FAILED', inDays(-2), NOW).what).toBe('Xero refused a change');
    expect(lastChangeCell('INVITE_REVOKED', inDays(0), NOW)).toEqual({ what: 'Invite withdrawn', when: 'just now' });
    expect(lastChangeCell('SUPPLIER_IMPORTED', inDays(-40), NOW).what).toBe('Imported from Xero');
    expect(lastChangeCell('SOMETHING_NEW', inDays(-1), NOW).what).toBe('Something new');
  });

  it('puts a count beside a filter once it is known', () => {
    expect(withCount('Not invited yet', 4210)).toBe('Not invited yet (4,210)');
    expect(withCount('Any', undefined)).toBe('Any');
  });
});
