import { describe, expect, it } from 'vitest';
import { confirmMatchingText, confirmText, planBulkInvite, type BulkCandidate } from './bulk-invite';

const supplier = (name: string, inviteStatus: BulkCandidate['inviteStatus'] = null, email: string | null = `${name}@x.example`): BulkCandidate => ({
  id: name,
  name,
  email,
  inviteStatus,
});

describe('bulk invite plan', () => {
  const selected = [
    supplier('a'),
    supplier('b', 'SENT'),
    supplier('c', 'OPENED'),
    supplier('d', 'VERIFIED'),
    supplier('e', 'EXPIRED'),
    supplier('f', 'SUBMITTED'),
    supplier('g', null, null),
  ];

  it('skips live invites and suppliers without an email, and says how many will be sent', () => {
    const plan = planBulkInvite(selected, false);
    expect(plan.send.map((s) => s.id)).toEqual(['a', 'e', 'f']);
    expect(plan.live.map((s) => s.id)).toEqual(['b', 'c', 'd']);
    expect(plan.noEmail.map((s) => s.id)).toEqual(['g']);
    expect(confirmText(plan, false)).toEqual({
      title: 'Send 3 invites?',
      lines: [
        '3 suppliers already have a live invite and will be skipped.',
        'g has no email address and can’t be invited.',
        'Each supplier gets an email with a link to check and correct their details.',
      ],
    });
  });

  it('re-invites live ones only when asked, and says their links stop working', () => {
    const plan = planBulkInvite(selected, true);
    expect(plan.send.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(confirmText(plan, true).lines[0]).toBe('3 suppliers already have a live invite: the links they have stop working.');
  });

  it('has nothing to send when every supplier is live', () => {
    const plan = planBulkInvite([supplier('b', 'SENT')], false);
    expect(confirmText(plan, false)).toEqual({ title: 'No invites to send', lines: ['1 supplier already has a live invite and will be skipped.'] });
  });
});

describe('inviting everyone a filter matches', () => {
  const preview = { matching: 4210, toInvite: 4190, liveInvite: 0, noEmail: 20, limit: 5000 };

  it('says how many will be sent and who is left out, from the server’s counts', () => {
    expect(confirmMatchingText(preview, false)).toEqual({
      title: 'Send 4,190 invites?',
      lines: [
        '4,210 suppliers match this list.',
        '20 suppliers have no email address and can’t be invited.',
        'Each supplier gets an email with a link to check and correct their details.',
      ],
      canSend: true,
    });
  });

  it('skips or replaces live invites', () => {
    const live = { ...preview, liveInvite: 1 };
    expect(confirmMatchingText(live, false).lines).toContain('1 supplier already has a live invite and will be skipped.');
    expect(confirmMatchingText(live, true).lines).toContain('1 supplier already has a live invite: the link they have stops working.');
  });

  it('refuses to offer more than the server sends at once, and says why', () => {
    const text = confirmMatchingText({ ...preview, toInvite: 5001 }, false);
    expect(text.canSend).toBe(false);
    expect(text.lines[0]).toMatch(/5,001 suppliers would be invited; Vouch sends at most 5,000 at once/);
    expect(confirmMatchingText({ ...preview, toInvite: 0, noEmail: 4210 }, false)).toMatchObject({ title: 'No invites to send', canSend: false });
  });
});
