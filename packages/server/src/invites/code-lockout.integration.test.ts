/**
 * Regression (issue 11, item 5): the one-time-code lockout counted wrong guesses per code, so asking for a new
 * code reset it (4 wrong, new code, 4 more, for the life of the link). Wrong guesses now count per invite,
 * across codes; the invite locks at the limit, the inviter is told once, and a buyer can unlock it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../accounts/role.js';
import { signedInColleague, graphqlClient, signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type TestApp } from '../testing/index.js';
import { MAX_CODE_ATTEMPTS } from './invites.service.js';

const CREATE = 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';
const INVITE = 'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { invite { id } } }';
const OPEN = 'query($t: String!) { supplierInvite(token: $t) { status verified } }';
const SEND_CODE = 'mutation($t: String!) { sendSupplierCode(token: $t) { sentTo } }';
const VERIFY = 'mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }';
const UNLOCK = 'mutation($id: ID!) { unlockInvite(inviteId: $id) { id status } }';
const RESEND = 'mutation($id: ID!) { resendInvite(inviteId: $id) { invite { status } } }';
const STATUS = 'query($id: ID!) { supplier(id: $id) { inviteStatus latestInvite { status } auditEvents(first: 50) { edges { node { kind summary } } } } }';

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

async function invited() {
  const buyer = await signUpBuyer(app.url);
  const supplierEmail = uniqueEmail('supplier');
  const supplierId = (await buyer.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name: 'Lockout Ltd', email: supplierEmail } })).data!
    .createSupplier.id;
  const before = smtp.messages.length;
  const inviteId = (await buyer.client.request<{ inviteSuppliers: { invite: { id: string } }[] }>(INVITE, { ids: [supplierId] })).data!.inviteSuppliers[0]!
    .invite.id;
  const token = /\/invite#token=([\w-]+)/.exec((await smtp.mailTo(supplierEmail, /confirm your supplier details/, before)).text)![1]!;
  // Each supplier from its own address, so the per-IP limit on invite calls never interferes.
  const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  return { buyer, supplierId, supplierEmail, inviteId, token, supplier: graphqlClient(app.url, { ip }) };
}

/** Asks for a code and returns it. The per-minute limit on code requests is reset first (no waiting in tests). */
async function newCode(inv: Awaited<ReturnType<typeof invited>>): Promise<string> {
  await app.orm.em.getConnection().execute(`delete from rate_limit_buckets where key = ?`, [`invite-code:${inv.inviteId}:min`]);
  const before = smtp.messages.length;
  const sent = await inv.supplier.request(SEND_CODE, { t: inv.token });
  expect(sent.errors).toBeUndefined();
  return /(\d{6})/.exec((await smtp.mailTo(inv.supplierEmail, /Your Vouch code/, before)).subject)![1]!;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function guess(inv: Awaited<ReturnType<typeof invited>>, code: string) {
  const res = await inv.supplier.request(VERIFY, { t: inv.token, c: code });
  return { reason: res.errors?.[0]?.extensions?.reason ?? (res.errors ? 'ERROR' : 'OK'), message: res.errors?.[0]?.message ?? '' };
}

async function colleague(orgId: string, role: Role) {
  return (await signedInColleague(app, orgId, { role: role as keyof typeof Role, name: `${role} Person` })).client;
}

describe('one-time-code lockout', () => {
  it('counts wrong codes per invite across codes: a new code buys no more guesses', async () => {
    const inv = await invited();
    const first = await newCode(inv);
    for (let i = 1; i < MAX_CODE_ATTEMPTS; i++) expect((await guess(inv, wrong(first))).reason).toBe('WRONG_CODE');
    // A fresh code: the count carries on ("1 try left"), and the next wrong guess locks the invite.
    const second = await newCode(inv);
    const last = await guess(inv, wrong(second));
    expect(last.reason).toBe('INVITE_LOCKED');
    // Locked for good: the right code and new codes are refused; the buyer is told once.
    expect((await guess(inv, second)).reason).toBe('INVITE_LOCKED');
    expect((await inv.supplier.request(SEND_CODE, { t: inv.token })).errors?.[0]?.extensions?.reason).toBe('INVITE_LOCKED');
    await smtp.mailTo(inv.buyer.input.email, /was locked/, 0);
    const seen = (
      await inv.buyer.client.request<{ supplier: { latestInvite: { status: string }; auditEvents: { edges: { node: { kind: string } }[] } } }>(STATUS, {
        id: inv.supplierId,
      })
    ).data!.supplier;
    expect(seen.latestInvite.status).toBe('LOCKED');
    expect(seen.auditEvents.edges.filter((e) => e.node.kind === 'INVITE_LOCKED')).toHaveLength(1);
  });

  it('tells the supplier how many tries are left, across codes', async () => {
    const inv = await invited();
    const first = await newCode(inv);
    expect((await guess(inv, wrong(first))).message).toContain(`${MAX_CODE_ATTEMPTS - 1} tries left`);
    const second = await newCode(inv);
    expect((await guess(inv, wrong(second))).message).toContain(`${MAX_CODE_ATTEMPTS - 2} tries left`);
    // The right code still works within the limit, and starts the count afresh.
    expect((await guess(inv, second)).reason).toBe('OK');
    const [row] = await app.orm.em
      .getConnection()
      .execute<{ wrong_code_attempts: number }[]>('select wrong_code_attempts from invites where id = ?', [inv.inviteId]);
    expect(row!.wrong_code_attempts).toBe(0);
  });

  it('parallel wrong guesses cannot pass the limit, and the lock is recorded and emailed once', async () => {
    const inv = await invited();
    const code = await newCode(inv);
    const mailsBefore = smtp.messages.length;
    const results = await Promise.all(Array.from({ length: 12 }, () => guess(inv, wrong(code))));
    expect(results.filter((r) => r.reason === 'WRONG_CODE')).toHaveLength(MAX_CODE_ATTEMPTS - 1);
    expect(results.filter((r) => r.reason === 'INVITE_LOCKED')).toHaveLength(12 - (MAX_CODE_ATTEMPTS - 1));
    await smtp.mailTo(inv.buyer.input.email, /was locked/, mailsBefore);
    const events = (await inv.buyer.client.request<{ supplier: { auditEvents: { edges: { node: { kind: string } }[] } } }>(STATUS, { id: inv.supplierId }))
      .data!.supplier.auditEvents.edges;
    expect(events.filter((e) => e.node.kind === 'INVITE_LOCKED')).toHaveLength(1);
    expect(smtp.messages.slice(mailsBefore).filter((m) => m.to.includes(inv.buyer.input.email) && /was locked/.test(m.subject))).toHaveLength(1);
  });
});

describe('unlocking', () => {
  async function locked() {
    const inv = await invited();
    expect((await inv.supplier.request(OPEN, { t: inv.token })).errors).toBeUndefined();
    const code = await newCode(inv);
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) await guess(inv, wrong(code));
    expect((await inv.supplier.request(OPEN, { t: inv.token })).errors?.[0]?.extensions?.reason).toBe('INVITE_LOCKED');
    return inv;
  }

  it('an ADMIN or APPROVER unlocks: same link, a fresh count, audited; VIEWERs and other organisations cannot', async () => {
    const inv = await locked();
    const orgId = inv.buyer.user.organisation.id;
    const viewer = await colleague(orgId, Role.VIEWER);
    expect((await viewer.request(UNLOCK, { id: inv.inviteId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await signUpBuyer(app.url);
    expect((await stranger.client.request(UNLOCK, { id: inv.inviteId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await inv.supplier.request(OPEN, { t: inv.token })).errors?.[0]?.extensions?.reason).toBe('INVITE_LOCKED');

    const approver = await colleague(orgId, Role.APPROVER);
    const unlocked = await approver.request<{ unlockInvite: { status: string } }>(UNLOCK, { id: inv.inviteId });
    expect(unlocked.errors).toBeUndefined();
    // Back to where the supplier had got to (they had opened the link).
    expect(unlocked.data!.unlockInvite.status).toBe('OPENED');
    const seen = (
      await inv.buyer.client.request<{ supplier: { inviteStatus: string; auditEvents: { edges: { node: { kind: string; summary: string } }[] } } }>(STATUS, {
        id: inv.supplierId,
      })
    ).data!.supplier;
    expect(seen.inviteStatus).toBe('OPENED');
    expect(seen.auditEvents.edges[0]!.node).toMatchObject({ kind: 'INVITE_UNLOCKED', summary: expect.stringContaining('APPROVER Person unlocked') });

    // The same link works again, with a fresh count: one wrong guess, then the right code.
    const code = await newCode(inv);
    expect((await guess(inv, wrong(code))).message).toContain(`${MAX_CODE_ATTEMPTS - 1} tries left`);
    expect((await guess(inv, code)).reason).toBe('OK');
    expect((await inv.buyer.client.request(UNLOCK, { id: inv.inviteId })).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVITE_NOT_LOCKED',
    });
  });

  it('a new link (resend) also starts the count afresh', async () => {
    const inv = await locked();
    const before = smtp.messages.length;
    expect((await inv.buyer.client.request(RESEND, { id: inv.inviteId })).errors).toBeUndefined();
    inv.token = /\/invite#token=([\w-]+)/.exec((await smtp.mailTo(inv.supplierEmail, /confirm your supplier details/, before)).text)![1]!;
    const code = await newCode(inv);
    expect((await guess(inv, wrong(code))).reason).toBe('WRONG_CODE');
    expect((await guess(inv, code)).reason).toBe('OK');
  });
});
