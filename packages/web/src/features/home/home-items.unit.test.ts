import { describe, expect, it } from 'vitest';
import type { Attention } from '../../app/attention';
import { homeItems, homeSummary } from './home-items';

const calm: Attention = {
  awaitingReview: 0,
  awaitingReviewBankChanges: 0,
  awaitingReviewHighRisk: 0,
  failedSyncs: 0,
  invitesLocked: 0,
  invitesExpiringSoon: 0,
  paymentHolds: 0,
  countedAt: '2026-12-01T12:00:00Z',
  xero: { status: 'CONNECTED', tenantName: 'Books Ltd', needsAttention: false, lastError: null },
};

describe('home: what needs you', () => {
  it('links each count to exactly that list', () => {
    const items = homeItems(calm, 12);
    expect(items.map((i) => [i.key, i.count, i.href])).toEqual([
      ['review', 0, '/suppliers?review=1'],
      ['sync', 0, '/sync'],
      ['holds', 0, '/suppliers?bank=ON_HOLD'],
      ['locked', 0, '/suppliers?invite=LOCKED'],
      ['expiring', 0, '/suppliers?invite=EXPIRING'],
      ['not-invited', 12, '/suppliers?invite=NOT_INVITED'],
    ]);
    expect(homeSummary(items)).toBe('Nothing needs you right now.');
  });

  it('puts what needs someone first, with the risk of what waits for review', () => {
    const items = homeItems(
      {
        ...calm,
        awaitingReview: 3,
        awaitingReviewBankChanges: 2,
        awaitingReviewHighRisk: 1,
        failedSyncs: 1,
        xero: { ...calm.xero, status: 'NEEDS_RECONNECT', needsAttention: true },
      },
      null,
    );
    expect(items.slice(0, 3).map((i) => i.key)).toEqual(['xero', 'review', 'sync']);
    expect(items[0]).toMatchObject({ title: 'Xero needs reconnecting', href: '/integrations', count: null });
    expect(items[1]).toMatchObject({ count: 3, title: 'Submissions awaiting review', detail: '1 is high risk; 2 change bank details.' });
    expect(items[2]).toMatchObject({ count: 1, title: 'Change Xero refused' });
    expect(homeSummary(items)).toBe('3 things need you.');
    expect(items.some((i) => i.key === 'not-invited')).toBe(false);
  });

  it('asks to connect Xero before it ever was, without alarm', () => {
    const items = homeItems({ ...calm, xero: { status: null, tenantName: null, needsAttention: true, lastError: null } }, 0);
    const xero = items.find((i) => i.key === 'xero')!;
    expect(xero).toMatchObject({ title: 'Connect Xero', urgent: false });
  });
});
