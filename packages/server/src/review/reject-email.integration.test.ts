import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invite } from '../invites/invite.entity.js';
import { InviteStatus } from '../invites/invite-status.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { signUpBuyer, startTestApp, startTestSmtp, type TestApp } from '../testing/index.js';
import { ChangeRequest, ChangeRequestStatus } from './change-request.entity.js';

/**
 * Rejecting a submission says whether the reason reached the supplier: "emailed" only when the email was sent
 * (regression: the buyer was told so when no email could be sent).
 */

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let smtpOpen = true;
const REJECT = 'mutation($id: ID!, $r: String!) { rejectChangeRequest(id: $id, reason: $r) { status rejectReason rejectReasonEmailed } }';

beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await app?.close();
  if (smtpOpen) await smtp?.close();
});

async function pendingSubmission(buyer: Awaited<ReturnType<typeof signUpBuyer>>, email: string): Promise<string> {
  const orgId = buyer.user.organisation.id;
  const em = app.services.em(orgId);
  const supplier = em.create(Supplier, { organisation: orgId, name: `Rejected ${randomBytes(3).toString('hex')} Ltd`, email });
  const invite = em.create(Invite, {
    organisation: orgId,
    supplier,
    email,
    tokenHash: randomBytes(32).toString('hex'),
    status: InviteStatus.SUBMITTED,
    expiresAt: new Date(Date.now() + 86_400_000),
    invitedBy: buyer.user.id,
    emailed: true,
    lastSentAt: new Date(),
  });
  const request = em.create(ChangeRequest, {
    organisation: orgId,
    supplier,
    invite,
    status: ChangeRequestStatus.PENDING,
    changesBankDetails: false,
    submittedAt: new Date(),
    proposed: { name: supplier.name },
    baseline: {},
  });
  await em.flush();
  return request.id;
}

describe('rejecting a submission', () => {
  it('says the reason was emailed when it was, and not when it could not be', async () => {
    const buyer = await signUpBuyer(app.url);
    const sent = await buyer.client.request<{ rejectChangeRequest: { status: string; rejectReasonEmailed: boolean } }>(REJECT, {
      id: await pendingSubmission(buyer, 'accounts@sent.example'),
      r: 'Send the account your invoices name.',
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.rejectChangeRequest).toMatchObject({ status: 'REJECTED', rejectReasonEmailed: true });
    expect(smtp.messages.some((m) => m.to.includes('accounts@sent.example') && /could not accept/.test(m.subject))).toBe(true);

    // The mail server goes away: the rejection stands, and the answer says no email went.
    const id = await pendingSubmission(buyer, 'accounts@unsent.example');
    await smtp.close();
    smtpOpen = false;
    const unsent = await buyer.client.request<{ rejectChangeRequest: { status: string; rejectReasonEmailed: boolean } }>(REJECT, { id, r: 'Wrong account.' });
    expect(unsent.errors).toBeUndefined();
    expect(unsent.data!.rejectChangeRequest).toMatchObject({ status: 'REJECTED', rejectReasonEmailed: false });
    // And the history keeps saying so.
    const history = await buyer.client.request<{ changeRequests: { edges: { node: { rejectReason: string; rejectReasonEmailed: boolean } }[] } }>(
      '{ changeRequests(status: REJECTED) { edges { node { rejectReason rejectReasonEmailed } } } }',
    );
    expect(history.data!.changeRequests.edges.map((e) => [e.node.rejectReason, e.node.rejectReasonEmailed])).toEqual([
      ['Wrong account.', false],
      ['Send the account your invoices name.', true],
    ]);
  });

  it('refuses an empty reason with BAD_USER_INPUT and keeps the submission pending', async () => {
    const buyer = await signUpBuyer(app.url);
    const id = await pendingSubmission(buyer, 'accounts@empty.example');
    const res = await buyer.client.request(REJECT, { id, r: '   ' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const still = await buyer.client.request<{ changeRequests: { edges: { node: { id: string } }[] } }>(
      '{ changeRequests(status: PENDING) { edges { node { id } } } }',
    );
    expect(still.data!.changeRequests.edges.map((e) => e.node.id)).toContain(id);
  });
});
