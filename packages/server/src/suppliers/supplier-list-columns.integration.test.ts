import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordAudit } from '../audit/audit.service.js';
import { Invite } from '../invites/invite.entity.js';
import { InviteStatus } from '../invites/invite-status.js';
import { BankConfirmation, CallbackNumberSource } from '../review/bank-confirmation.entity.js';
import { ChangeRequest, ChangeRequestStatus } from '../review/change-request.entity.js';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { refreshSupplierFlags } from './supplier-flags.js';
import { SupplierDrift } from './supplier-drift.entity.js';
import { Supplier } from './supplier.entity.js';

/**
 * The Suppliers list for thousands of suppliers: bank details state, invite expiry and the latest event as
 * stored columns (no per-row queries), the "Not invited yet", bank-state and expiring filters, sorting by name
 * and by last change, every filter's count in one statement, and inviting everyone a filter matches.
 */

let app: TestApp;
let buyer: Awaited<ReturnType<typeof signUpBuyer>>;
let orgId: string;
const ids: Record<string, string> = {};
const DAY = 86_400_000;

interface Row {
  id: string;
  name: string;
  bankState: string;
  inviteStatus: string | null;
  inviteExpiresAt: string | null;
  lastActivity: string;
  lastActivityAt: string;
}
const ROW = 'id name bankState inviteStatus inviteExpiresAt lastActivity lastActivityAt';

async function list(args: string, first = 50): Promise<{ totalCount: number; rows: Row[]; endCursor: string | null }> {
  const res = await buyer.client.request<{ suppliers: { totalCount: number; pageInfo: { endCursor: string | null }; edges: { node: Row }[] } }>(
    `query($first: Int!) { suppliers(first: $first${args ? `, ${args}` : ''}) { totalCount pageInfo { endCursor } edges { node { ${ROW} } } } }`,
    { first },
  );
  expect(res.errors).toBeUndefined();
  const s = res.data!.suppliers;
  return { totalCount: s.totalCount, rows: s.edges.map((e) => e.node), endCursor: s.pageInfo.endCursor };
}

const names = (rows: Row[]) => rows.map((r) => r.name);

beforeAll(async () => {
  app = await startTestApp();
  buyer = await signUpBuyer(app.url);
  orgId = buyer.user.organisation.id;
  const em = app.services.em(orgId);
  const now = new Date();
  const make = (key: string, name: string, extra: Partial<Supplier> = {}) => {
    const s = em.create(Supplier, { organisation: orgId, name, email: `${key}@example.com`, ...extra });
    ids[key] = s.id;
    return s;
  };
  make('none', 'Alpha Nothing Ltd');
  make('fromXero', 'Bravo From Xero Ltd', { bankAccountDetails: '20-00-00 12345678' });
  const verified = make('verified', 'Charlie Verified Ltd', { bankAccountDetails: '20-00-00 22345678' });
  const held = make('held', 'Delta On Hold Ltd', { bankAccountDetails: '20-00-00 32345678', paymentHoldUntil: new Date(now.getTime() + 5 * DAY) });
  const expiredHold = make('expiredHold', 'Echo Hold Over Ltd', { bankAccountDetails: '20-00-00 42345678', paymentHoldUntil: new Date(now.getTime() - DAY) });
  const pending = make('pending', 'Foxtrot Pending Bank Ltd', { bankAccountDetails: '20-00-00 52345678' });
  const drifted = make('drifted', 'Golf Xero Differs Ltd', { bankAccountDetails: '20-00-00 62345678' });
  make('noEmail', 'Hotel No Email Ltd', { email: null });
  const expiring = make('expiring', 'India Expiring Invite Ltd');
  const later = make('later', 'Juliet Later Invite Ltd');
  for (const s of [verified, held, expiredHold]) {
    const request = em.create(ChangeRequest, {
      organisation: orgId,
      supplier: s,
      status: ChangeRequestStatus.ACCEPTED,
      changesBankDetails: true,
      submittedAt: now,
      proposed: { bankAccountDetails: s.bankAccountDetails },
      baseline: {},
    });
    const confirmation = em.create(BankConfirmation, {
      organisation: orgId,
      supplier: s,
      changeRequest: request,
      confirmedById: buyer.user.id,
      confirmedByName: 'Ada Buyer',
      confirmedAt: now,
      phoneNumber: '+44 20 7946 0000',
      phoneSource: CallbackNumberSource.HELD,
      phoneLabel: 'Phone on file',
      note: 'Confirmed',
    });
    Object.assign(s, { bankConfirmationId: confirmation.id, bankDetailsVerifiedAt: now });
  }
  em.create(ChangeRequest, {
    organisation: orgId,
    supplier: pending,
    status: ChangeRequestStatus.PENDING,
    changesBankDetails: true,
    submittedAt: now,
    proposed: { bankAccountDetails: '30-00-00 11111111' },
    baseline: { bankAccountDetails: pending.bankAccountDetails },
  });
  em.create(SupplierDrift, {
    organisation: orgId,
    supplier: drifted,
    field: 'bankAccountDetails',
    vouchValue: drifted.bankAccountDetails,
    xeroValue: '11-22-33 12345678',
    isBankDetail: true,
    firstSeenAt: now,
    lastSeenAt: now,
  });
  const invite = (supplier: Supplier, expiresAt: Date) =>
    em.create(Invite, {
      organisation: orgId,
      supplier,
      email: supplier.email!,
      tokenHash: randomBytes(32).toString('hex'),
      status: InviteStatus.SENT,
      expiresAt,
      invitedBy: buyer.user.id,
      emailed: false,
      lastSentAt: now,
    });
  invite(expiring, new Date(now.getTime() + DAY));
  invite(later, new Date(now.getTime() + 10 * DAY));
  // The supplier page's history for one of them: its latest event becomes the row's "last change".
  recordAudit(em, { organisationId: orgId, supplierId: drifted.id, actor: { type: 'XERO' }, kind: 'DRIFT_SEEN', summary: 'Xero holds other bank details' });
  await em.flush();
  await refreshSupplierFlags(em, Object.values(ids));
});

afterAll(async () => {
  await app?.close();
});

describe('columns: stored on the supplier row', () => {
  it('gives each supplier one bank details state, from its own columns', async () => {
    const { rows } = await list('sort: NAME_ASC');
    const state = Object.fromEntries(rows.map((r) => [r.id, r.bankState]));
    expect(state[ids.none!]).toBe('NONE');
    expect(state[ids.fromXero!]).toBe('NOT_CONFIRMED');
    expect(state[ids.verified!]).toBe('VERIFIED');
    expect(state[ids.held!]).toBe('ON_HOLD');
    // The hold is over: verified again, without anything having to run.
    expect(state[ids.expiredHold!]).toBe('VERIFIED');
    expect(state[ids.pending!]).toBe('CHANGED');
    expect(state[ids.drifted!]).toBe('CHANGED');
  });

  it('keeps the latest invite’s expiry and the latest event of the history (set by the audit trigger)', async () => {
    const { rows } = await list('sort: NAME_ASC');
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[ids.expiring!]!.inviteStatus).toBe('SENT');
    expect(Date.parse(byId[ids.expiring!]!.inviteExpiresAt!)).toBeGreaterThan(Date.now());
    expect(byId[ids.none!]!.inviteExpiresAt).toBeNull();
    expect(byId[ids.drifted!]!.lastActivity).toBe('DRIFT_SEEN');

    // An invite through the API is an audited event: it becomes the row's last change.
    const before = byId[ids.none!]!.lastActivityAt;
    const res = await buyer.client.request('mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { outcome } }', { ids: [ids.none] });
    expect(res.errors).toBeUndefined();
    const after = (await list('sort: NAME_ASC')).rows.find((r) => r.id === ids.none)!;
    expect(after.lastActivity).toBe('INVITE_SENT');
    expect(Date.parse(after.lastActivityAt)).toBeGreaterThanOrEqual(Date.parse(before));
    expect(after.inviteStatus).toBe('SENT');
  });

  it('costs the same statements for a page of 2 as for a page of 10 (no per-row queries)', async () => {
    const spy = vi.spyOn(app.orm.config.getLogger(), 'logQuery');
    try {
      await list('sort: NAME_ASC', 2);
      const few = spy.mock.calls.length;
      spy.mockClear();
      await list('sort: NAME_ASC', 10);
      expect(spy.mock.calls.length).toBe(few);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('filters and sorting', () => {
  it('filters by bank details state, exactly as the rows say', async () => {
    for (const [state, expected] of Object.entries({
      NONE: ['Alpha Nothing Ltd', 'Hotel No Email Ltd', 'India Expiring Invite Ltd', 'Juliet Later Invite Ltd'],
      NOT_CONFIRMED: ['Bravo From Xero Ltd'],
      VERIFIED: ['Charlie Verified Ltd', 'Echo Hold Over Ltd'],
      ON_HOLD: ['Delta On Hold Ltd'],
      CHANGED: ['Foxtrot Pending Bank Ltd', 'Golf Xero Differs Ltd'],
    })) {
      const { rows, totalCount } = await list(`sort: NAME_ASC, bankState: ${state}`);
      expect(names(rows), state).toEqual(expected);
      expect(totalCount).toBe(expected.length);
      expect(rows.every((r) => r.bankState === state)).toBe(true);
    }
  });

  it('“Not invited yet” and “invite expiring soon”', async () => {
    const notInvited = await list('sort: NAME_ASC, notInvited: true');
    expect(names(notInvited.rows)).not.toContain('India Expiring Invite Ltd');
    expect(notInvited.rows.every((r) => r.inviteStatus === null)).toBe(true);
    const invited = await list('sort: NAME_ASC, notInvited: false');
    expect(invited.totalCount + notInvited.totalCount).toBe((await list('')).totalCount);
    expect(names((await list('sort: NAME_ASC, inviteExpiringSoon: true')).rows)).toEqual(['India Expiring Invite Ltd']);
  });

  it('sorts by last change, newest first, and pages through it with cursors', async () => {
    const em = app.services.em(orgId);
    recordAudit(em, { organisationId: orgId, supplierId: ids.later!, actor: { type: 'SYSTEM' }, kind: 'SYNCED', summary: 'Xero has it' });
    await em.flush();
    const first = await list('sort: LAST_ACTIVITY_NEWEST', 3);
    expect(first.rows[0]!.name).toBe('Juliet Later Invite Ltd');
    expect(first.rows[0]!.lastActivity).toBe('SYNCED');
    const stamps = first.rows.map((r) => Date.parse(r.lastActivityAt));
    expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
    const next = await list(`sort: LAST_ACTIVITY_NEWEST, after: ${JSON.stringify(first.endCursor)}`, 50);
    expect(next.rows.map((r) => r.id).some((id) => first.rows.some((f) => f.id === id))).toBe(false);
    expect(first.rows.length + next.rows.length).toBe(first.totalCount);
  });

  it('refuses a contradictory filter and a forged cursor with BAD_USER_INPUT', async () => {
    const contradiction = await buyer.client.request('{ suppliers(notInvited: true, inviteStatus: SENT) { totalCount } }');
    expect(contradiction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = Buffer.from(JSON.stringify(['not a date', '0190a4f4-0000-7000-8000-000000000000'])).toString('base64url');
    const cursor = await buyer.client.request(`{ suppliers(sort: LAST_ACTIVITY_NEWEST, after: "${forged}") { totalCount } }`);
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongEnum = await buyer.client.request('{ suppliers(bankState: SOMETIMES) { totalCount } }');
    expect(wrongEnum.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('filter counts', () => {
  const COUNTS = `query($search: String) { supplierFilterCounts(search: $search) { total notInvited inviteExpiringSoon awaitingReview hasDrift
    byInviteStatus { status count } bySyncStatus { status count } byBankState { state count } } }`;

  it('matches what each filter lists, in one statement', async () => {
    const spy = vi.spyOn(app.orm.config.getLogger(), 'logQuery');
    let counts: Record<string, any>;
    try {
      const res = await buyer.client.request<{ supplierFilterCounts: Record<string, any> }>(COUNTS, {});
      expect(res.errors).toBeUndefined();
      counts = res.data!.supplierFilterCounts;
      expect(spy.mock.calls.filter(([q]) => /from suppliers/i.test(String((q as { query?: string }).query ?? q))).length).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(counts.total).toBe((await list('')).totalCount);
    expect(counts.notInvited).toBe((await list('notInvited: true')).totalCount);
    expect(counts.inviteExpiringSoon).toBe(1);
    expect(counts.hasDrift).toBe(1);
    for (const { state, count } of counts.byBankState) expect(count, state).toBe((await list(`bankState: ${state}`)).totalCount);
    for (const { status, count } of counts.byInviteStatus) expect(count, status).toBe((await list(`inviteStatus: ${status}`)).totalCount);
    expect(counts.byBankState.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(counts.total);
  });

  it('counts within a search', async () => {
    const res = await buyer.client.request<{ supplierFilterCounts: { total: number; notInvited: number } }>(COUNTS, { search: 'ltd' });
    expect(res.data!.supplierFilterCounts.total).toBe((await list('search: "ltd"')).totalCount);
    const none = await buyer.client.request<{ supplierFilterCounts: { total: number } }>(COUNTS, { search: 'no such supplier' });
    expect(none.data!.supplierFilterCounts.total).toBe(0);
    const long = await buyer.client.request(COUNTS, { search: 'x'.repeat(300) });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('invite everyone matching a filter', () => {
  it('previews, then invites every “Not invited yet” supplier with an email address', async () => {
    const preview = await buyer.client.request<{ bulkInvitePreview: { matching: number; toInvite: number; liveInvite: number; noEmail: number } }>(
      '{ bulkInvitePreview(filter: { notInvited: true }) { matching toInvite liveInvite noEmail } }',
    );
    expect(preview.errors).toBeUndefined();
    const notInvited = await list('sort: NAME_ASC, notInvited: true');
    expect(preview.data!.bulkInvitePreview).toEqual({ matching: notInvited.totalCount, toInvite: notInvited.totalCount - 1, liveInvite: 0, noEmail: 1 });

    const res = await buyer.client.request<{
      inviteMatchingSuppliers: {
        invited: number;
        skippedLiveInvite: number;
        skippedNoEmail: number;
        emailed: boolean;
        results: { supplier: { name: string }; link: string | null }[];
      };
    }>(
      'mutation { inviteMatchingSuppliers(filter: { notInvited: true }) { invited skippedLiveInvite skippedNoEmail emailed results { supplier { name } link } } }',
    );
    expect(res.errors).toBeUndefined();
    const outcome = res.data!.inviteMatchingSuppliers;
    expect(outcome.invited).toBe(notInvited.totalCount - 1);
    expect(outcome.skippedNoEmail).toBe(1);
    expect(outcome.emailed).toBe(false);
    expect(outcome.results.every((r) => r.link?.includes('/invite#token='))).toBe(true);
    expect(names((await list('sort: NAME_ASC, notInvited: true')).rows)).toEqual(['Hotel No Email Ltd']);
  });

  it('skips live invites unless asked to replace them', async () => {
    const preview = await buyer.client.request<{ bulkInvitePreview: { toInvite: number; liveInvite: number } }>(
      '{ bulkInvitePreview(filter: { search: "Expiring" }) { toInvite liveInvite } }',
    );
    expect(preview.data!.bulkInvitePreview).toEqual({ toInvite: 0, liveInvite: 1 });
    const refused = await buyer.client.request('mutation { inviteMatchingSuppliers(filter: { search: "Expiring" }) { invited } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.reason).toBe('NOTHING_TO_INVITE');
    const replaced = await buyer.client.request<{ inviteMatchingSuppliers: { invited: number } }>(
      'mutation { inviteMatchingSuppliers(filter: { search: "Expiring" }, replaceLiveInvites: true) { invited } }',
    );
    expect(replaced.data!.inviteMatchingSuppliers.invited).toBe(1);
  });

  it('refuses bad input and too many before sending anything', async () => {
    const contradiction = await buyer.client.request('mutation { inviteMatchingSuppliers(filter: { notInvited: true, inviteStatus: SENT }) { invited } }');
    expect(contradiction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Another organisation with 5,001 suppliers never invited.
    const big = await signUpBuyer(app.url);
    const bigOrg = big.user.organisation.id;
    await app.services
      .em(bigOrg)
      .getConnection()
      .execute(
        `insert into suppliers (id, organisation_id, name, email, phones, addresses, contact_persons) select gen_random_uuid(), ?, 'Bulk ' || n, 'bulk' || n || '@example.com', '[]', '[]', '[]' from generate_series(1, 5001) n`,
        [bigOrg],
      );
    const tooMany = await big.client.request('mutation { inviteMatchingSuppliers(filter: { notInvited: true }) { invited } }');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.extensions?.reason).toBe('TOO_MANY_TO_INVITE');
    const [{ n } = { n: -1 }] = await app.services
      .em(bigOrg)
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from invites where organisation_id = ?', [bigOrg]);
    expect(n).toBe(0);
    // The counts of 5,001 are still one statement's work.
    const counts = await big.client.request<{ supplierFilterCounts: { notInvited: number } }>('{ supplierFilterCounts { notInvited } }');
    expect(counts.data!.supplierFilterCounts.notInvited).toBe(5001);
  });
});
