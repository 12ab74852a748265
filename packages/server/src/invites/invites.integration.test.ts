import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../accounts/role.js';
import { OutboxEntry } from '../sync/outbox/outbox-entry.entity.js';
import { signedInColleague, graphqlClient, signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type CapturedMail, type TestApp } from '../testing/index.js';

const CREATE = 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';
const INVITE = 'mutation($ids: [ID!]!, $email: String) { inviteSuppliers(supplierIds: $ids, email: $email) { link invite { id status email emailed } } }';
const OPEN = 'query($t: String!) { supplierInvite(token: $t) { organisationName supplierName emailHint status verified } }';
const SEND_CODE = 'mutation($t: String!) { sendSupplierCode(token: $t) { sentTo devCode } }';
const VERIFY = 'mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName details } }';
const DETAILS = 'query($t: String!) { supplierDetails(token: $t) { details } }';
const SUBMIT = 'mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt bankDetailsMasked } }';
const SUPPLIER = `query($id: ID!) { supplier(id: $id) { id name email bankAccountDetails bankDetailsVerifiedAt
  latestInvite { id status }
  pendingChangeRequest { id status changesBankDetails approvals { userName } changes { field label before after isBankDetail } }
  changeRequests { id status }
  auditEvents(first: 50) { edges { node { kind summary actorType before after } } } } }`;
const ACCEPT = 'mutation($id: ID!) { acceptChangeRequest(id: $id) { id status approvals { userName } } }';
const ACCEPT_OVERRIDING = 'mutation($id: ID!, $why: String) { acceptChangeRequest(id: $id, overrideReason: $why) { id status highRisk riskOverrideReason } }';
const CALLBACK =
  'mutation($id: ID!, $n: String!, $note: String!) { recordBankCallback(changeRequestId: $id, phoneNumber: $n, note: $note) { id bankConfirmations { phoneNumber phoneSource } } }';
/** The out-of-band check a bank change needs before it can be accepted. */
async function callBack(client: ReturnType<typeof graphqlClient>, id: string) {
  const res = await client.request(CALLBACK, { id, n: '020 7946 0000', note: 'Spoke to Jo in accounts; confirmed sort code and last four digits.' });
  expect(res.errors).toBeUndefined();
}
const REJECT = 'mutation($id: ID!, $r: String!) { rejectChangeRequest(id: $id, reason: $r) { id status rejectReason } }';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://vouch.example' } });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

const tokenIn = (mail: CapturedMail): string => /\/invite#token=([\w-]+)/.exec(mail.text)![1]!;
const codeIn = (mail: CapturedMail): string => /(\d{6})/.exec(mail.subject)![1]!;

async function buyerWithSupplier(email = uniqueEmail('supplier')) {
  const buyer = await signUpBuyer(app.url);
  const created = await buyer.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name: 'Acme Widgets Ltd', email } });
  return { buyer, supplierId: created.data!.createSupplier.id, supplierEmail: email };
}

async function invited(buyer: Awaited<ReturnType<typeof signUpBuyer>>, supplierId: string, supplierEmail: string) {
  const before = smtp.messages.length;
  const res = await buyer.client.request<{ inviteSuppliers: { link: string | null; invite: { id: string; status: string; emailed: boolean } }[] }>(INVITE, {
    ids: [supplierId],
  });
  expect(res.errors).toBeUndefined();
  expect(res.data!.inviteSuppliers[0]).toMatchObject({ link: null, invite: { status: 'SENT', emailed: true } });
  const mail = await smtp.mailTo(supplierEmail, /confirm your supplier details/, before);
  return { token: tokenIn(mail), inviteId: res.data!.inviteSuppliers[0]!.invite.id };
}

async function verifiedSupplier(token: string, email: string) {
  const supplier = graphqlClient(app.url);
  const before = smtp.messages.length;
  expect((await supplier.request(SEND_CODE, { t: token })).errors).toBeUndefined();
  const code = codeIn(await smtp.mailTo(email, /Your Vouch code/, before));
  const verified = await supplier.request(VERIFY, { t: token, c: code });
  expect(verified.errors).toBeUndefined();
  return supplier;
}

const GOOD = {
  name: 'Acme Widgets Limited',
  email: 'accounts@acme.example',
  phones: [{ type: 'DEFAULT', number: '020 7946 0000', areaCode: null, countryCode: '44' }],
  addresses: [{ type: 'POBOX', line1: '1 High Street', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' }],
  contactPersons: [{ firstName: 'Ada', lastName: 'Byron', email: 'ada@acme.example' }],
  taxNumber: null,
  companyNumber: null,
  // A VocaLink published example that passes the modulus check.
  payment: { country: 'GB', accountHolderName: 'Acme Widgets Limited', sortCode: '08-99-99', accountNumber: '66374958' },
};

describe('invite lifecycle', () => {
  it('invite → open → code → details with a typo → fixed → pending diff → accepted, with the timeline', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token } = await invited(buyer, supplierId, supplierEmail);

    const anon = graphqlClient(app.url);
    const opened = await anon.request<{ supplierInvite: { supplierName: string; emailHint: string; status: string; verified: boolean } }>(OPEN, { t: token });
    expect(opened.data!.supplierInvite).toMatchObject({ supplierName: 'Acme Widgets Ltd', status: 'OPENED', verified: false });
    expect(opened.data!.supplierInvite.emailHint).not.toContain(supplierEmail.split('@')[0]);
    // Nothing but the invite summary before the code.
    expect((await anon.request(DETAILS, { t: token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const supplier = await verifiedSupplier(token, supplierEmail);
    const details = await supplier.request<{ supplierDetails: { details: { name: string } } }>(DETAILS, { t: token });
    expect(details.data!.supplierDetails.details.name).toBe('Acme Widgets Ltd');

    const typo = await supplier.request(SUBMIT, { t: token, i: { ...GOOD, payment: { ...GOOD.payment, accountNumber: '66374959' } } });
    expect(typo.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(typo.errors?.[0]?.extensions?.fields)).toContain('payment.');
    expect(
      (await buyer.client.request<{ supplier: { pendingChangeRequest: unknown } }>(SUPPLIER, { id: supplierId })).data!.supplier.pendingChangeRequest,
    ).toBeNull();

    const sent = await supplier.request<{ submitSupplierDetails: { bankDetailsMasked: string } }>(SUBMIT, { t: token, i: GOOD });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.submitSupplierDetails.bankDetailsMasked).toBe('•••• 4958');

    type S = {
      supplier: {
        name: string;
        bankAccountDetails: string | null;
        bankDetailsVerifiedAt: string | null;
        latestInvite: { status: string };
        pendingChangeRequest: {
          id: string;
          changesBankDetails: boolean;
          changes: { field: string; before: unknown; after: unknown; isBankDetail: boolean }[];
        } | null;
        auditEvents: { edges: { node: { kind: string; before: unknown; after: unknown } }[] };
      };
    };
    const review = (await buyer.client.request<S>(SUPPLIER, { id: supplierId })).data!.supplier;
    expect(review.latestInvite.status).toBe('SUBMITTED');
    const pending = review.pendingChangeRequest!;
    expect(pending.changesBankDetails).toBe(true);
    expect(pending.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['name', 'email', 'phones', 'addresses', 'contactPersons', 'paymentDetails']));
    // Bank details are listed once: the structured details, not Xero's one-line copy of them as well.
    expect(pending.changes.map((c) => c.field)).not.toContain('bankAccountDetails');
    expect(pending.changes.find((c) => c.field === 'name')).toMatchObject({ before: 'Acme Widgets Ltd', after: 'Acme Widgets Limited', isBankDetail: false });
    expect(pending.changes.find((c) => c.field === 'paymentDetails')).toMatchObject({ before: null, isBankDetail: true });

    const listed = async (filter: string) =>
      (
        await buyer.client.request<{ suppliers: { edges: { node: { id: string } }[] } }>(`query { suppliers(${filter}) { edges { node { id } } } }`)
      ).data!.suppliers.edges.map((e) => e.node.id);
    expect(await listed('awaitingReview: true')).toEqual([supplierId]);
    expect(await listed('inviteStatus: SUBMITTED')).toEqual([supplierId]);
    expect(await listed('inviteStatus: SENT')).toEqual([]);

    // New bank details and a new email in one submission: the call-back comes first, and it is high risk.
    expect((await buyer.client.request(ACCEPT, { id: pending.id })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CALLBACK_REQUIRED' });
    await callBack(buyer.client, pending.id);
    expect((await buyer.client.request<{ acceptChangeRequest: { status: string } }>(ACCEPT, { id: pending.id })).data!.acceptChangeRequest.status).toBe(
      'PENDING',
    );
    // One person cannot approve twice; an admin's override, with a reason, lets it through (audited).
    expect((await buyer.client.request(ACCEPT, { id: pending.id })).errors?.[0]?.extensions?.reason).toBe('HIGH_RISK_SECOND_APPROVER');
    expect((await buyer.client.request(ACCEPT_OVERRIDING, { id: pending.id, why: '  ' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const overridden = await buyer.client.request<{ acceptChangeRequest: { status: string; highRisk: boolean } }>(ACCEPT_OVERRIDING, {
      id: pending.id,
      why: 'The supplier rang us first about the move.',
    });
    expect(overridden.data!.acceptChangeRequest).toMatchObject({ status: 'ACCEPTED', highRisk: true });
    expect(await listed('awaitingReview: true')).toEqual([]);
    expect(await listed('syncStatus: PENDING')).toEqual([supplierId]);
    expect(await listed('search: "widgets lim"')).toEqual([supplierId]);
    expect(await listed('search: "nothing like it"')).toEqual([]);
    const after = (await buyer.client.request<S>(SUPPLIER, { id: supplierId })).data!.supplier;
    expect(after).toMatchObject({ name: 'Acme Widgets Limited', pendingChangeRequest: null });
    expect(after.bankAccountDetails).toContain('66374958');
    expect(after.bankDetailsVerifiedAt).toBeTruthy();
    // The accept wrote its outbox row in the same transaction.
    const outbox = await app.services.em(buyer.user.organisation.id).find(OutboxEntry, { supplier: supplierId });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.payload).toMatchObject({ name: 'Acme Widgets Limited' });
    expect(outbox[0]!.idempotencyKey).toMatch(/^vouch-outbox-/);

    const kinds = after.auditEvents.edges.map((e) => e.node.kind);
    expect(kinds).toEqual([
      'CHANGE_ACCEPTED',
      'RISK_OVERRIDDEN',
      'CHANGE_APPROVED',
      'BANK_CALLBACK_RECORDED',
      'CHANGE_SUBMITTED',
      'EMAIL_VERIFIED',
      'INVITE_OPENED',
      'INVITE_SENT',
      'SUPPLIER_CREATED',
    ]);
    const csv = await fetch(`${app.url}/api/suppliers/${supplierId}/audit.csv`, { headers: { cookie: buyer.client.cookie! } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('"time","kind","actor_type","actor","summary","before","after"');
    expect(text).toContain('"CHANGE_ACCEPTED"');
    expect(text).not.toContain('66374958');
    const stranger = await signUpBuyer(app.url);
    expect((await fetch(`${app.url}/api/suppliers/${supplierId}/audit.csv`, { headers: { cookie: stranger.client.cookie! } })).status).toBe(404);
    expect((await fetch(`${app.url}/api/suppliers/${supplierId}/audit.csv`)).status).toBe(401);
    // Bank numbers are masked in the trail.
    expect(JSON.stringify(after.auditEvents)).not.toContain('66374958');
    expect(JSON.stringify(after.auditEvents)).toContain('•••• 4958');
  });

  it('locks after 5 wrong codes and tells the buyer', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token } = await invited(buyer, supplierId, supplierEmail);
    const supplier = graphqlClient(app.url);
    await supplier.request(SEND_CODE, { t: token });
    const codes: unknown[] = [];
    for (let i = 0; i < 5; i++) codes.push((await supplier.request(VERIFY, { t: token, c: String(100000 + i) })).errors?.[0]?.extensions?.reason);
    expect(codes.slice(0, 4)).toEqual(['WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE']);
    expect(codes[4]).toBe('INVITE_LOCKED');
    expect((await supplier.request(OPEN, { t: token })).errors?.[0]?.extensions?.reason).toBe('INVITE_LOCKED');
    await smtp.mailTo(buyer.input.email, /was locked/);
    const status = (await buyer.client.request<{ supplier: { latestInvite: { status: string } } }>(SUPPLIER, { id: supplierId })).data!.supplier.latestInvite
      .status;
    expect(status).toBe('LOCKED');
  });

  it('refuses an expired code and an expired invite', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token, inviteId } = await invited(buyer, supplierId, supplierEmail);
    const supplier = graphqlClient(app.url);
    const before = smtp.messages.length;
    await supplier.request(SEND_CODE, { t: token });
    const code = codeIn(await smtp.mailTo(supplierEmail, /Your Vouch code/, before));
    await app.orm.em.getConnection().execute(`update invites set code_expires_at = now() - interval '1 minute' where id = ?`, [inviteId]);
    expect((await supplier.request(VERIFY, { t: token, c: code })).errors?.[0]?.extensions?.reason).toBe('CODE_EXPIRED');
    await app.orm.em.getConnection().execute(`update invites set expires_at = now() - interval '1 minute' where id = ?`, [inviteId]);
    expect((await supplier.request(OPEN, { t: token })).errors?.[0]?.extensions?.reason).toBe('INVITE_EXPIRED');
    const status = (await buyer.client.request<{ supplier: { latestInvite: { status: string } } }>(SUPPLIER, { id: supplierId })).data!.supplier.latestInvite
      .status;
    expect(status).toBe('EXPIRED');
  });

  it('revoke ends the link; resend issues a new one and retires the old', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const first = await invited(buyer, supplierId, supplierEmail);
    const before = smtp.messages.length;
    const resent = await buyer.client.request('mutation($id: ID!) { resendInvite(inviteId: $id) { invite { status } } }', { id: first.inviteId });
    expect(resent.errors).toBeUndefined();
    const second = tokenIn(await smtp.mailTo(supplierEmail, /confirm your supplier details/, before));
    expect(second).not.toBe(first.token);
    expect((await graphqlClient(app.url).request(OPEN, { t: first.token })).errors?.[0]?.extensions?.reason).toBe('INVITE_NOT_FOUND');
    expect((await graphqlClient(app.url).request(OPEN, { t: second })).errors).toBeUndefined();
    await buyer.client.request('mutation($id: ID!) { revokeInvite(inviteId: $id) { status } }', { id: first.inviteId });
    expect((await graphqlClient(app.url).request(OPEN, { t: second })).errors?.[0]?.extensions?.reason).toBe('INVITE_REVOKED');
  });

  it('a new submission supersedes the pending one, keeping history; rejection emails the reason', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token } = await invited(buyer, supplierId, supplierEmail);
    const supplier = await verifiedSupplier(token, supplierEmail);
    await supplier.request(SUBMIT, { t: token, i: { ...GOOD, name: 'First Try Ltd' } });
    await supplier.request(SUBMIT, { t: token, i: { ...GOOD, name: 'Second Try Ltd' } });
    type S = { supplier: { pendingChangeRequest: { id: string; changes: { field: string; after: unknown }[] }; changeRequests: { status: string }[] } };
    const s = (await buyer.client.request<S>(SUPPLIER, { id: supplierId })).data!.supplier;
    expect(s.changeRequests.map((c) => c.status)).toEqual(['PENDING', 'SUPERSEDED']);
    expect(s.pendingChangeRequest.changes.find((c) => c.field === 'name')!.after).toBe('Second Try Ltd');
    const before = smtp.messages.length;
    const rejected = await buyer.client.request<{ rejectChangeRequest: { status: string } }>(REJECT, {
      id: s.pendingChangeRequest.id,
      r: 'The sort code does not match our records.',
    });
    expect(rejected.data!.rejectChangeRequest.status).toBe('REJECTED');
    const mail = await smtp.mailTo(supplierEmail, /could not accept/, before);
    expect(mail.text).toContain('The sort code does not match our records.');
    expect((await buyer.client.request(REJECT, { id: s.pendingChangeRequest.id, r: 'again' })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('the supplier sees what they sent', () => {
  const LATEST = `query($t: String!) { supplierDetails(token: $t) { details lastSubmittedAt
    latestSubmission { status submittedAt decidedAt rejectReason includesBankDetails bankDetailsMasked details } } }`;
  type Latest = {
    supplierDetails: {
      details: Record<string, unknown>;
      latestSubmission: {
        status: string;
        submittedAt: string;
        decidedAt: string | null;
        rejectReason: string | null;
        includesBankDetails: boolean;
        bankDetailsMasked: string | null;
        details: Record<string, unknown>;
      } | null;
    };
  };

  it('returns the latest submission of this invite with its status, the reason when rejected, and bank numbers masked', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token } = await invited(buyer, supplierId, supplierEmail);
    const supplier = await verifiedSupplier(token, supplierEmail);
    const latest = async () => {
      const res = await supplier.request<Latest>(LATEST, { t: token });
      expect(res.errors).toBeUndefined();
      return res.data!.supplierDetails;
    };
    expect((await latest()).latestSubmission).toBeNull();

    // Pending: the supplier's own values come back (not the business's), with bank numbers masked.
    expect((await supplier.request(SUBMIT, { t: token, i: { ...GOOD, name: 'First Try Ltd' } })).errors).toBeUndefined();
    let view = await latest();
    expect(view.details.name).toBe('Acme Widgets Ltd');
    expect(view.latestSubmission).toMatchObject({
      status: 'AWAITING_REVIEW',
      decidedAt: null,
      rejectReason: null,
      includesBankDetails: true,
      bankDetailsMasked: '•••• 4958',
    });
    expect(view.latestSubmission!.details).toMatchObject({
      name: 'First Try Ltd',
      email: 'accounts@acme.example',
      contactPersons: [expect.objectContaining({ firstName: 'Ada' })],
      paymentDetails: { country: 'GB', accountHolderName: 'Acme Widgets Limited', sortCode: '•••• 9999', accountNumber: '•••• 4958' },
    });
    expect(JSON.stringify(view)).not.toContain('66374958');
    expect(JSON.stringify(view)).not.toMatch(/08-?99-?99/);

    // Rejected: the buyer's reason and when.
    type P = { supplier: { pendingChangeRequest: { id: string } } };
    const pendingId = async () => (await buyer.client.request<P>(SUPPLIER, { id: supplierId })).data!.supplier.pendingChangeRequest.id;
    expect((await buyer.client.request(REJECT, { id: await pendingId(), r: 'Use the account your invoices name.' })).errors).toBeUndefined();
    view = await latest();
    expect(view.latestSubmission).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'Use the account your invoices name.',
      details: { name: 'First Try Ltd' },
    });
    expect(view.latestSubmission!.decidedAt).toBeTruthy();

    // Sent again without bank details, then accepted.
    expect((await supplier.request(SUBMIT, { t: token, i: { ...GOOD, name: 'Second Try Ltd', payment: null } })).errors).toBeUndefined();
    view = await latest();
    expect(view.latestSubmission).toMatchObject({
      status: 'AWAITING_REVIEW',
      includesBankDetails: false,
      bankDetailsMasked: null,
      details: { name: 'Second Try Ltd' },
    });
    expect(view.latestSubmission!.details).not.toHaveProperty('paymentDetails');
    expect((await buyer.client.request(ACCEPT, { id: await pendingId() })).errors).toBeUndefined();
    view = await latest();
    expect(view.latestSubmission).toMatchObject({ status: 'ACCEPTED', rejectReason: null });
    expect(view.latestSubmission!.decidedAt).toBeTruthy();
    expect(view.details.name).toBe('Second Try Ltd');
  });

  it('says REPLACED when a submission through another invite supersedes it', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const first = await invited(buyer, supplierId, supplierEmail);
    const firstSupplier = await verifiedSupplier(first.token, supplierEmail);
    expect((await firstSupplier.request(SUBMIT, { t: first.token, i: GOOD })).errors).toBeUndefined();
    // A second invite to another address (the first one was already answered, so it stays usable).
    const other = uniqueEmail('other');
    const before = smtp.messages.length;
    expect((await buyer.client.request(INVITE, { ids: [supplierId], email: other })).errors).toBeUndefined();
    const secondToken = tokenIn(await smtp.mailTo(other, /confirm your supplier details/, before));
    const secondSupplier = await verifiedSupplier(secondToken, other);
    expect((await secondSupplier.request(SUBMIT, { t: secondToken, i: { ...GOOD, name: 'Someone Else Ltd' } })).errors).toBeUndefined();
    const res = await firstSupplier.request<Latest>(LATEST, { t: first.token });
    expect(res.data!.supplierDetails.latestSubmission).toMatchObject({ status: 'REPLACED', details: { name: 'Acme Widgets Limited' } });
  });
});

describe('sending invites', () => {
  type Results = { inviteSuppliers: { outcome: string; link: string | null; supplier: { id: string }; invite: { id: string; status: string } }[] };
  const INVITE_MANY = `mutation($ids: [ID!]!, $replace: Boolean) { inviteSuppliers(supplierIds: $ids, replaceLiveInvites: $replace) {
    outcome link supplier { id } invite { id status } } }`;

  it('refuses a malformed "Send to" address with a field message, and sends nothing', async () => {
    const { buyer, supplierId } = await buyerWithSupplier();
    const before = smtp.messages.length;
    for (const bad of ['bad@@x', 'no-at-sign.example', 'a@b']) {
      const res = await buyer.client.request(INVITE, { ids: [supplierId], email: bad });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'email', message: expect.stringMatching(/email address/) }],
      });
      expect(res.data).toBeNull();
    }
    const s = await buyer.client.request<{ supplier: { latestInvite: unknown } }>(SUPPLIER, { id: supplierId });
    expect(s.data!.supplier.latestInvite).toBeNull();
    expect(smtp.messages.slice(before).length).toBe(0);
  });

  it('skips suppliers whose invite is still live unless asked, and says which', async () => {
    const buyer = await signUpBuyer(app.url);
    const make = async (name: string, email: string | null) =>
      (await buyer.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name, ...(email ? { email } : {}) } })).data!.createSupplier.id;
    const liveEmail = uniqueEmail('live');
    const live = await make('Live Ltd', liveEmail);
    const fresh = await make('Fresh Ltd', uniqueEmail('fresh'));
    const expired = await make('Expired Ltd', uniqueEmail('expired'));
    const { token: liveToken, inviteId: liveInvite } = await invited(buyer, live, liveEmail);
    const { inviteId: expiredInvite } = await invited(
      buyer,
      expired,
      (await buyer.client.request<{ supplier: { email: string } }>(SUPPLIER, { id: expired })).data!.supplier.email,
    );
    await app.orm.em.getConnection().execute(`update invites set expires_at = now() - interval '1 minute' where id = ?`, [expiredInvite]);

    const res = await buyer.client.request<Results>(INVITE_MANY, { ids: [live, fresh, expired] });
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data!.inviteSuppliers.map((r) => [r.supplier.id, r]));
    expect(byId.get(live)).toMatchObject({ outcome: 'SKIPPED_LIVE_INVITE', link: null, invite: { id: liveInvite, status: 'SENT' } });
    expect(byId.get(fresh)).toMatchObject({ outcome: 'INVITED', invite: { status: 'SENT' } });
    expect(byId.get(expired)).toMatchObject({ outcome: 'INVITED', invite: { status: 'SENT' } });
    expect(byId.get(expired)!.invite.id).not.toBe(expiredInvite);
    // The live supplier's link still works.
    expect((await graphqlClient(app.url).request(OPEN, { t: liveToken })).errors).toBeUndefined();

    // Asked explicitly: the live one gets a new invite, and its old link is withdrawn.
    const replaced = await buyer.client.request<Results>(INVITE_MANY, { ids: [live], replace: true });
    expect(replaced.data!.inviteSuppliers).toEqual([expect.objectContaining({ outcome: 'INVITED', supplier: { id: live } })]);
    expect(replaced.data!.inviteSuppliers[0]!.invite.id).not.toBe(liveInvite);
    expect((await graphqlClient(app.url).request(OPEN, { t: liveToken })).errors?.[0]?.extensions?.reason).toBe('INVITE_REVOKED');

    // A batch where every supplier already has a live invite sends nothing and says so.
    const before = smtp.messages.length;
    const none = await buyer.client.request<Results>(INVITE_MANY, { ids: [live, fresh] });
    expect(none.data!.inviteSuppliers.map((r) => r.outcome)).toEqual(['SKIPPED_LIVE_INVITE', 'SKIPPED_LIVE_INVITE']);
    expect(smtp.messages.length).toBe(before);

    // A supplier without an email address (among those to invite) refuses the batch, naming it.
    const noEmail = await make('No Mail Traders', null);
    const refused = await buyer.client.request(INVITE_MANY, { ids: [noEmail, live] });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SUPPLIER_HAS_NO_EMAIL' });
    expect(refused.errors?.[0]?.message).toContain('No Mail Traders');
  });
});

describe('throttles speak of what was throttled', () => {
  it('too many link opens from one network: RATE_LIMITED about requests, not about a code', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token } = await invited(buyer, supplierId, supplierEmail);
    const visitor = graphqlClient(app.url, { ip: '10.77.0.1' });
    let last: Awaited<ReturnType<typeof visitor.request>> | undefined;
    for (let i = 0; i <= 120 && !last?.errors; i++) last = await visitor.request(OPEN, { t: token });
    const error = last!.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    expect(error?.message).not.toMatch(/code/i);
    // Another network is not affected.
    expect((await graphqlClient(app.url, { ip: '10.77.0.2' }).request(OPEN, { t: token })).errors).toBeUndefined();
  });

  it('asking for a second code at once still says a code was just sent', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token } = await invited(buyer, supplierId, supplierEmail);
    const supplier = graphqlClient(app.url, { ip: '10.77.1.1' });
    expect((await supplier.request(SEND_CODE, { t: token })).errors).toBeUndefined();
    const again = await supplier.request(SEND_CODE, { t: token });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_CODE_REQUESTS' });
    expect(again.errors?.[0]?.message).toMatch(/code was sent/);
  });
});

describe('who may decide', () => {
  async function colleague(orgId: string, role: Role) {
    return (await signedInColleague(app, orgId, { role: role as keyof typeof Role, name: `${role} Person` })).client;
  }

  async function pendingRequest() {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token } = await invited(buyer, supplierId, supplierEmail);
    const supplier = await verifiedSupplier(token, supplierEmail);
    // The email stays as it was: a bank change without high-risk signals.
    await supplier.request(SUBMIT, { t: token, i: { ...GOOD, email: supplierEmail } });
    const id = (await buyer.client.request<{ supplier: { pendingChangeRequest: { id: string } } }>(SUPPLIER, { id: supplierId })).data!.supplier
      .pendingChangeRequest.id;
    await callBack(buyer.client, id);
    return { buyer, supplierId, id };
  }

  it('VIEWERs cannot accept or reject, and see bank details masked; APPROVERs can accept', async () => {
    const { buyer, supplierId, id } = await pendingRequest();
    const viewer = await colleague(buyer.user.organisation.id, Role.VIEWER);
    expect((await viewer.request(ACCEPT, { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await viewer.request(REJECT, { id, r: 'no' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const seen = await viewer.request<{ supplier: { pendingChangeRequest: { changes: unknown[] } } }>(SUPPLIER, { id: supplierId });
    expect(JSON.stringify(seen.data!.supplier.pendingChangeRequest.changes)).not.toContain('66374958');
    const approver = await colleague(buyer.user.organisation.id, Role.APPROVER);
    expect((await approver.request<{ acceptChangeRequest: { status: string } }>(ACCEPT, { id })).data!.acceptChangeRequest.status).toBe('ACCEPTED');
  });

  it('with the setting on, a bank change needs a second, different approver', async () => {
    const { buyer, id } = await pendingRequest();
    await buyer.client.request('mutation { updateOrganisationSettings(requireSecondApproverForBankChanges: true) { requireSecondApproverForBankChanges } }');
    const first = await buyer.client.request<{ acceptChangeRequest: { status: string; approvals: unknown[] } }>(ACCEPT, { id });
    expect(first.data!.acceptChangeRequest).toMatchObject({ status: 'PENDING', approvals: [{ userName: 'Ada Buyer' }] });
    expect((await buyer.client.request(ACCEPT, { id })).errors?.[0]?.extensions?.reason).toBe('SECOND_APPROVER_REQUIRED');
    const approver = await colleague(buyer.user.organisation.id, Role.APPROVER);
    const second = await approver.request<{ acceptChangeRequest: { status: string; approvals: unknown[] } }>(ACCEPT, { id });
    expect(second.data!.acceptChangeRequest.status).toBe('ACCEPTED');
    expect(second.data!.acceptChangeRequest.approvals).toHaveLength(2);
  });

  it('nothing of one organisation reaches another; a token opens only its own supplier', async () => {
    const { id, supplierId } = await pendingRequest();
    const stranger = await signUpBuyer(app.url);
    expect((await stranger.client.request(ACCEPT, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await stranger.client.request<{ supplier: unknown }>(SUPPLIER, { id: supplierId })).data!.supplier).toBeNull();
    expect((await stranger.client.request(INVITE, { ids: [supplierId] })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('audit events are append-only in the database', async () => {
    await pendingRequest();
    await expect(app.orm.em.getConnection().execute(`update audit_events set summary = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(app.orm.em.getConnection().execute('delete from audit_events')).rejects.toThrow(/append-only/);
  });
});

describe('reminders and expiry', () => {
  it('reminds until submission with a fresh link (the old one retires), and expires overdue invites', async () => {
    const { buyer, supplierId, supplierEmail } = await buyerWithSupplier();
    const { token, inviteId } = await invited(buyer, supplierId, supplierEmail);
    await app.orm.em.getConnection().execute(`update invites set next_reminder_at = now() - interval '1 minute' where id = ?`, [inviteId]);
    const before = smtp.messages.length;
    expect(await app.services.invites.sendReminders()).toBeGreaterThanOrEqual(1);
    const reminder = await smtp.mailTo(supplierEmail, /^Reminder: /, before);
    const fresh = tokenIn(reminder);
    expect(fresh).not.toBe(token);
    expect((await graphqlClient(app.url).request(OPEN, { t: token })).errors?.[0]?.extensions?.reason).toBe('INVITE_NOT_FOUND');
    expect((await graphqlClient(app.url).request(OPEN, { t: fresh })).errors).toBeUndefined();
    // Not due again yet: no second reminder for this supplier.
    const count = () => smtp.messages.filter((m) => m.to.includes(supplierEmail) && m.subject.startsWith('Reminder: ')).length;
    await app.services.invites.sendReminders();
    expect(count()).toBe(1);

    await app.orm.em.getConnection().execute(`update invites set expires_at = now() - interval '1 minute' where id = ?`, [inviteId]);
    expect(await app.services.invites.expireOverdue()).toBeGreaterThanOrEqual(1);
    const listed = await buyer.client.request<{ suppliers: { edges: { node: { id: string } }[] } }>(
      'query { suppliers(inviteStatus: EXPIRED) { edges { node { id } } } }',
    );
    expect(listed.data!.suppliers.edges.map((e) => e.node.id)).toEqual([supplierId]);
  });
});
