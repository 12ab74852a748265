/**
 * Regression (issue 11, item 4): bank numbers of every payment shape — "somewhere else" free text included —
 * are masked in every output for VIEWERs and keys without the bank grant (GraphQL fields, a subscription
 * payload, the supplier's own view), and for everyone in the audit trail (GraphQL, CSV and the stored rows);
 * no email carries them. ADMINs and keys with the grant still see full numbers in live fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../accounts/role.js';
import { TOPICS } from '../graphql/pubsub.js';
import { Migration20261130112438_mask_audit_bank_details } from '../db/migrations/Migration20261130112438_mask_audit_bank_details.js';
import { signedInColleague, graphqlClient, signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type TestApp } from '../testing/index.js';

const CREATE = 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';
const INVITE = 'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { invite { id } } }';
const SEND_CODE = 'mutation($t: String!) { sendSupplierCode(token: $t) { sentTo } }';
const VERIFY = 'mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }';
const DETAILS = 'query($t: String!) { supplierDetails(token: $t) { details } }';
const SUBMIT = 'mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { bankDetailsMasked } }';
const ACCEPT = 'mutation($id: ID!) { acceptChangeRequest(id: $id, overrideReason: "Supplier known; moved banks") { id status } }';
const CALLBACK =
  'mutation($id: ID!) { recordBankCallback(changeRequestId: $id, phoneNumber: "020 7946 0000", note: "Confirmed with the supplier by phone.") { id } }';
const REJECT = 'mutation($id: ID!, $r: String!) { rejectChangeRequest(id: $id, reason: $r) { id } }';
const SUPPLIER_FIELDS = `id bankAccountDetails
  pendingChangeRequest { id changes { field before after isBankDetail } }
  changeRequests { id status changes { field before after } }
  auditEvents(first: 50) { edges { node { kind before after } } }`;
const SUPPLIER = `query($id: ID!) { supplier(id: $id) { ${SUPPLIER_FIELDS} } }`;
const CHANGE_REQUESTS = 'query { changeRequests(first: 50) { edges { node { supplier { id } changes { field before after } } } } }';

interface Case {
  country: string;
  payment: Record<string, string>;
  /** Strings that must never appear in a masked output. */
  secrets: string[];
  /** How the account shows once masked. */
  masked: string;
  /** The number as an ADMIN sees it in live fields. */
  full: string;
}

const CASES: Case[] = [
  { country: 'GB', payment: { country: 'GB', sortCode: '08-99-99', accountNumber: '66374958' }, secrets: ['66374958'], masked: '•••• 4958', full: '66374958' },
  {
    country: 'IBAN',
    payment: { country: 'IBAN', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' },
    secrets: ['DE89370400440532013000', '0440532013', '0044 0532'],
    masked: '•••• 3000',
    full: 'DE89370400440532013000',
  },
  { country: 'AU', payment: { country: 'AU', bsb: '062-000', accountNumber: '123456789' }, secrets: ['123456789'], masked: '•••• 6789', full: '123456789' },
  {
    country: 'US',
    payment: { country: 'US', routingNumber: '021000021', accountNumber: '7654321098' },
    secrets: ['7654321098'],
    masked: '•••• 1098',
    full: '7654321098',
  },
  {
    country: 'OTHER',
    payment: { country: 'OTHER', details: 'Banco Ejemplo SA, Madrid. Cuenta 0049 1500 0512 3456 7892, SWIFT BSCHESMM' },
    secrets: ['0049 1500 0512 3456', '1500 0512', 'Cuenta 0049'],
    masked: '•••• 7892',
    full: 'Cuenta 0049 1500 0512 3456 7892',
  },
];

const DETAILS_INPUT = {
  name: 'Masked Supplies Ltd',
  email: 'accounts@masked.example',
  phones: [],
  addresses: [],
  contactPersons: [],
  taxNumber: null,
  companyNumber: null,
};

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://vouch.example', API_KEY_REQUESTS_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

async function colleague(orgId: string, role: Role) {
  return (await signedInColleague(app, orgId, { role: role as keyof typeof Role, name: `${role} Person` })).client;
}

async function keyClient(buyer: Awaited<ReturnType<typeof signUpBuyer>>, bankGrant: boolean) {
  const res = await buyer.client.request<{ createApiKey: { secret: string } }>(
    // Each key its own name: two live keys of one organisation never share one.
    `mutation { createApiKey(name: "probe ${bankGrant ? 'with' : 'without'} bank details", scope: READ, canReadBankDetails: ${bankGrant}) { secret } }`,
  );
  const secret = res.data!.createApiKey.secret;
  return { secret, client: graphqlClient(app.url, { headers: { authorization: `Bearer ${secret}` } }) };
}

function expectMasked(output: unknown, c: Case, where: string) {
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  for (const secret of c.secrets) expect(text, `${where} leaks ${secret}`).not.toContain(secret);
  expect(text, `${where} shows the masked account`).toContain(c.masked);
}

/** A supplier with a submitted (pending) change carrying the case's payment details; emails sent along the way. */
async function submitted(c: Case) {
  const mailFrom = smtp.messages.length;
  const buyer = await signUpBuyer(app.url);
  const supplierEmail = uniqueEmail('supplier');
  const created = await buyer.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name: 'Masked Supplies', email: supplierEmail } });
  const supplierId = created.data!.createSupplier.id;
  await buyer.client.request(INVITE, { ids: [supplierId] });
  const token = /\/invite#token=([\w-]+)/.exec((await smtp.mailTo(supplierEmail, /confirm your supplier details/, mailFrom)).text)![1]!;
  const supplier = graphqlClient(app.url);
  const codeFrom = smtp.messages.length;
  await supplier.request(SEND_CODE, { t: token });
  const code = /(\d{6})/.exec((await smtp.mailTo(supplierEmail, /Your Vouch code/, codeFrom)).subject)![1]!;
  expect((await supplier.request(VERIFY, { t: token, c: code })).errors).toBeUndefined();
  const input = { ...DETAILS_INPUT, payment: { accountHolderName: 'Masked Supplies Ltd', ...c.payment } };
  const sent = await supplier.request<{ submitSupplierDetails: { bankDetailsMasked: string } }>(SUBMIT, { t: token, i: input });
  expect(sent.errors).toBeUndefined();
  expect(sent.data!.submitSupplierDetails.bankDetailsMasked).toBe(c.masked);
  return { buyer, supplierId, supplierEmail, supplier, token, input, mailFrom };
}

describe('bank numbers are masked through every output, for every payment shape', () => {
  it.each(CASES)('$country', async (c) => {
    const { buyer, supplierId, supplierEmail, supplier, token, input, mailFrom } = await submitted(c);
    const orgId = buyer.user.organisation.id;
    const viewer = await colleague(orgId, Role.VIEWER);
    const noGrant = await keyClient(buyer, false);
    const withGrant = await keyClient(buyer, true);

    // Live fields: masked for a VIEWER and a key without the bank grant (supplier and the change-request list).
    for (const [who, client] of [
      ['VIEWER', viewer],
      ['READ key without the bank grant', noGrant.client],
    ] as const) {
      const seen = await client.request<{ supplier: { pendingChangeRequest: unknown; changeRequests: unknown } }>(SUPPLIER, { id: supplierId });
      expect(seen.errors).toBeUndefined();
      expectMasked(seen.data!.supplier.pendingChangeRequest, c, `${who}: pendingChangeRequest.changes`);
      expectMasked(seen.data!.supplier.changeRequests, c, `${who}: changeRequests.changes`);
      const list = await client.request<{ changeRequests: { edges: { node: { supplier: { id: string } } }[] } }>(CHANGE_REQUESTS);
      expectMasked(
        list.data!.changeRequests.edges.filter((e) => e.node.supplier.id === supplierId),
        c,
        `${who}: Query.changeRequests`,
      );
    }
    // ADMINs and keys with the grant keep seeing full numbers in live fields (the existing rule).
    for (const [who, client] of [
      ['ADMIN', buyer.client],
      ['READ key with the bank grant', withGrant.client],
    ] as const) {
      const seen = await client.request<{ supplier: { pendingChangeRequest: unknown } }>(SUPPLIER, { id: supplierId });
      expect(JSON.stringify(seen.data!.supplier.pendingChangeRequest), who).toContain(c.full);
    }

    // A first submission rejected (email to the supplier), the second accepted.
    const firstId = (await buyer.client.request<{ supplier: { pendingChangeRequest: { id: string } } }>(SUPPLIER, { id: supplierId })).data!.supplier
      .pendingChangeRequest.id;
    const rejectFrom = smtp.messages.length;
    await buyer.client.request(REJECT, { id: firstId, r: 'Please add your trading name.' });
    await smtp.mailTo(supplierEmail, /could not accept/, rejectFrom);
    await supplier.request(SUBMIT, { t: token, i: { ...input, name: 'Masked Supplies Trading Ltd' } });
    const secondId = (await buyer.client.request<{ supplier: { pendingChangeRequest: { id: string } } }>(SUPPLIER, { id: supplierId })).data!.supplier
      .pendingChangeRequest.id;
    expect((await buyer.client.request(CALLBACK, { id: secondId })).errors).toBeUndefined();
    expect((await buyer.client.request<{ acceptChangeRequest: { status: string } }>(ACCEPT, { id: secondId })).data!.acceptChangeRequest.status).toBe(
      'ACCEPTED',
    );

    // Xero's bank string on the supplier: masked for the VIEWER and the key, full for the ADMIN.
    for (const client of [viewer, noGrant.client]) {
      const seen = await client.request<{ supplier: { bankAccountDetails: string } }>(SUPPLIER, { id: supplierId });
      expect(seen.data!.supplier.bankAccountDetails).toBe(c.masked);
    }
    const admin = await buyer.client.request<{ supplier: { bankAccountDetails: string; auditEvents: { edges: { node: { kind: string } }[] } } }>(SUPPLIER, {
      id: supplierId,
    });
    expect(admin.data!.supplier.bankAccountDetails).toContain(c.full);

    // The audit trail never holds full numbers, for anyone: GraphQL (even for the ADMIN), CSV, the stored rows.
    const kinds = admin.data!.supplier.auditEvents.edges.map((e) => e.node.kind);
    expect(kinds).toEqual(expect.arrayContaining(['CHANGE_SUBMITTED', 'CHANGE_ACCEPTED']));
    expectMasked(admin.data!.supplier.auditEvents, c, 'ADMIN: auditEvents');
    const csv = await fetch(`${app.url}/api/suppliers/${supplierId}/audit.csv`, { headers: { cookie: buyer.client.cookie! } });
    expect(csv.status).toBe(200);
    expectMasked(await csv.text(), c, 'audit CSV');
    const rows = await app.orm.em
      .getConnection()
      .execute<{ before: unknown; after: unknown }[]>('select before, after from audit_events where supplier_id = ?', [supplierId]);
    expectMasked(rows, c, 'audit_events rows');

    // The supplier's own view of what the business holds.
    const own = await supplier.request<{ supplierDetails: { details: unknown } }>(DETAILS, { t: token });
    expectMasked(own.data!.supplierDetails.details, c, 'supplierDetails');

    // A subscription payload (Supplier, with its changes and trail) for a key without the grant.
    const ws = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${noGrant.secret}` },
      retryAttempts: 0,
    });
    const events: unknown[] = [];
    ws.subscribe(
      { query: `subscription { supplierAdded { ${SUPPLIER_FIELDS} } }` },
      { next: (m) => events.push(m), error: (e) => events.push({ error: e }), complete: () => {} },
    );
    await expect
      .poll(
        async () => {
          await app.services.pubsub.publish(TOPICS.SUPPLIER_ADDED, { organisationId: orgId, supplierId });
          return events.length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    await ws.dispose();
    expect(JSON.stringify(events[0])).toContain(supplierId);
    expectMasked(events[0], c, 'supplierAdded subscription');

    // Every email sent for this supplier: invite, code, rejection, and the bank-change notices.
    const mails = smtp.messages.slice(mailFrom).filter((m) => m.to.includes(supplierEmail) || m.to.includes(buyer.input.email));
    expect(mails.length).toBeGreaterThanOrEqual(3);
    for (const mail of mails) for (const secret of c.secrets) expect(mail.raw + mail.text, `email "${mail.subject}"`).not.toContain(secret);
  });
});

describe('audit rows written before masking covered every shape', () => {
  it('the migration masks stored free-text bank details in place, and the table stays append-only', async () => {
    const { buyer, supplierId } = await submitted(CASES[1]!);
    const conn = app.orm.em.getConnection();
    const legacy = {
      paymentDetails: { country: 'OTHER', accountHolderName: 'Old Co', details: 'Old Bank, account 5566778899001122' },
      bankAccountDetails: '•••• 1122',
    };
    const [row] = await conn.execute<{ id: string }[]>(
      `insert into audit_events (id, organisation_id, supplier_id, actor_type, actor_label, kind, summary, before, after)
       values (gen_random_uuid(), ?, ?, 'SUPPLIER', 'legacy', 'CHANGE_SUBMITTED', 'legacy row', null, ?::jsonb) returning id`,
      [buyer.user.organisation.id, supplierId, JSON.stringify(legacy)],
    );
    // What the outputs show for such a row even before the migration: masked on the way out too.
    const csv = await (await fetch(`${app.url}/api/suppliers/${supplierId}/audit.csv`, { headers: { cookie: buyer.client.cookie! } })).text();
    expect(csv).not.toContain('5566778899001122');

    await conn.transactional(async (tx) => {
      const migration = new Migration20261130112438_mask_audit_bank_details(app.orm.em.getDriver(), app.orm.config);
      migration.setTransactionContext(tx);
      await migration.up();
      for (const q of migration.getQueries()) await conn.execute(q as string, [], 'all', tx);
    });
    const [after] = await conn.execute<{ after: { paymentDetails: Record<string, unknown>; bankAccountDetails: string } }[]>(
      'select after from audit_events where id = ?',
      [row!.id],
    );
    expect(after!.after).toEqual({ paymentDetails: { country: 'OTHER', accountHolderName: 'Old Co', details: '•••• 1122' }, bankAccountDetails: '•••• 1122' });
    await expect(conn.execute(`update audit_events set summary = 'tampered' where id = ?`, [row!.id])).rejects.toThrow(/append-only/);
  });
});
