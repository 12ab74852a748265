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
 * Regression guard for per-row queries (N+1): the SQL statements one request costs must not grow with the page
 * size. A page of 5 and a page of 50 of every list the SPA and the API serve — with every per-row field asked
 * for — cost the same number of statements. Counted through the ORM's query log, never timed.
 */

const SUPPLIER_FIELDS = `id name email status hasDrift hasBankDetailDrift inviteStatus awaitingReview syncStatus paymentHoldUntil
  bankDetailsVerified bankDetailsStatus bankDetailsVerification { confirmedByName phoneNumber }
  drift { field xeroValue isBankDetail }
  latestInvite { id status }
  pendingChangeRequest { id approvalsNeeded bankConfirmations { phoneNumber } callbackNumbers { number label } changes { field } }
  changeRequests { id status }
  auditEvents(first: 3) { edges { node { id kind } } pageInfo { hasNextPage } }`;
const SUPPLIERS = `query($first: Int!) { suppliers(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${SUPPLIER_FIELDS} } } } }`;
const CHANGE_REQUESTS = `query($first: Int!) { changeRequests(first: $first) { edges { node { id status highRisk approvalsNeeded
  bankConfirmations { phoneNumber } callbackNumbers { number label } changes { field }
  supplier { id hasBankDetailDrift bankDetailsStatus bankDetailsVerification { phoneNumber } } } } } }`;

let app: TestApp;
let buyer: Awaited<ReturnType<typeof signUpBuyer>>;

beforeAll(async () => {
  app = await startTestApp();
  buyer = await signUpBuyer(app.url);
  const orgId = buyer.user.organisation.id;
  const em = app.services.em(orgId);
  const now = new Date();
  const ids: string[] = [];
  // 60 suppliers, each with what any per-row field would read: drift (a bank one), a pending bank change with a
  // call-back, a confirmed bank detail, an invite, audit history.
  for (let i = 0; i < 60; i++) {
    const supplier = em.create(Supplier, {
      organisation: orgId,
      name: `Row ${i} Ltd`,
      email: `row${i}@example.com`,
      bankAccountDetails: '08-99-99 66374958',
      phones: [{ type: 'DEFAULT', number: `7946 ${String(i).padStart(4, '0')}`, areaCode: '020', countryCode: '44' }],
    });
    ids.push(supplier.id);
    em.create(SupplierDrift, {
      organisation: orgId,
      supplier,
      field: 'bankAccountDetails',
      vouchValue: '08-99-99 66374958',
      xeroValue: '11-22-33 12345678',
      isBankDetail: true,
      firstSeenAt: now,
      lastSeenAt: now,
    });
    em.create(SupplierDrift, {
      organisation: orgId,
      supplier,
      field: 'phones',
      vouchValue: [],
      xeroValue: [{ type: 'MOBILE', number: '7700 900123', countryCode: '44' }],
      firstSeenAt: now,
      lastSeenAt: now,
    });
    const invite = em.create(Invite, {
      organisation: orgId,
      supplier,
      email: supplier.email!,
      tokenHash: randomBytes(32).toString('hex'),
      status: InviteStatus.SUBMITTED,
      expiresAt: new Date(now.getTime() + 86_400_000),
      invitedBy: buyer.user.id,
      emailed: true,
      lastSentAt: now,
    });
    const submission = em.create(ChangeRequest, {
      organisation: orgId,
      supplier,
      invite,
      status: ChangeRequestStatus.PENDING,
      changesBankDetails: true,
      submittedAt: now,
      proposed: { bankAccountDetails: '20-00-00 55779911' },
      baseline: { phones: supplier.phones, bankAccountDetails: supplier.bankAccountDetails },
    });
    const confirmation = em.create(BankConfirmation, {
      organisation: orgId,
      supplier,
      changeRequest: submission,
      confirmedById: buyer.user.id,
      confirmedByName: 'Ada Buyer',
      confirmedAt: now,
      phoneNumber: '+44 20 7946 0000',
      phoneSource: CallbackNumberSource.HELD,
      phoneLabel: 'Phone on file',
      note: 'Confirmed by phone',
    });
    supplier.bankConfirmationId = confirmation.id;
    supplier.bankDetailsVerifiedAt = now;
    for (let k = 0; k < 4; k++)
      recordAudit(em, { organisationId: orgId, supplierId: supplier.id, actor: { type: 'SYSTEM' }, kind: 'SYNCED', summary: `event ${k}` });
  }
  await em.flush();
  await refreshSupplierFlags(em, ids);
});
afterAll(async () => {
  await app?.close();
});

/** Statements the ORM sent while `run` ran (jobs are off in this app, so nothing else runs meanwhile). */
async function statements(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(app.orm.config.getLogger(), 'logQuery');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

async function request(query: string, first: number): Promise<Record<string, { edges: unknown[] }>> {
  const res = await buyer.client.request<Record<string, { edges: unknown[] }>>(query, { first });
  expect(res.errors).toBeUndefined();
  return res.data!;
}

describe('lists cost the same number of SQL statements whatever the page size (no per-row queries)', () => {
  it('suppliers: a page of 50 with every per-row field costs what a page of 5 does', async () => {
    let small: Record<string, { edges: { node: Record<string, unknown> }[] }> | undefined;
    let large: typeof small;
    const few = await statements(async () => (small = (await request(SUPPLIERS, 5)) as typeof small));
    const many = await statements(async () => (large = (await request(SUPPLIERS, 50)) as typeof small));
    expect(small!.suppliers!.edges).toHaveLength(5);
    expect(large!.suppliers!.edges).toHaveLength(50);
    // The per-row fields carry real data (so the loaders were exercised, not skipped).
    const row = large!.suppliers!.edges[49]!.node as Record<string, any>;
    expect(row.hasBankDetailDrift).toBe(true);
    expect(row.drift.map((d: { field: string }) => d.field)).toEqual(['bankAccountDetails', 'phones']);
    expect(row.bankDetailsStatus).toMatch(/awaiting review.*Confirmed by phone by Ada Buyer|confirmed by phone by Ada Buyer/i);
    expect(row.bankDetailsVerification.confirmedByName).toBe('Ada Buyer');
    expect(row.latestInvite.status).toBe('SUBMITTED');
    expect(row.pendingChangeRequest.bankConfirmations).toHaveLength(1);
    expect(row.pendingChangeRequest.callbackNumbers.map((n: { label: string }) => n.label)).toEqual(['Phone on file', 'Mobile in Xero']);
    expect(row.changeRequests).toHaveLength(1);
    expect(row.auditEvents.edges).toHaveLength(3);
    expect(row.auditEvents.pageInfo.hasNextPage).toBe(true);
    expect(many).toBe(few);
    // And few: one per kind of row, not one per row.
    expect(many).toBeLessThanOrEqual(20);
  });

  it('change requests: a page of 50 with the bank fields and the supplier costs what a page of 5 does', async () => {
    const few = await statements(() => request(CHANGE_REQUESTS, 5));
    let large: Record<string, { edges: { node: Record<string, any> }[] }> | undefined;
    const many = await statements(async () => (large = (await request(CHANGE_REQUESTS, 50)) as typeof large));
    expect(large!.changeRequests!.edges).toHaveLength(50);
    const node = large!.changeRequests!.edges[0]!.node;
    expect(node.bankConfirmations).toHaveLength(1);
    expect(node.supplier.hasBankDetailDrift).toBe(true);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(15);
  });
});
