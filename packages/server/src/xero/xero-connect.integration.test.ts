import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, webhookSignature, type XeroEmulator } from '@vouch/xero-emulator';
import { driveConsent } from '@vouch/xero-emulator/testing';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { XeroConnection } from './xero-connection.entity.js';

const USER = { email: 'owner@acme.example', password: 'xero-password-1' };
type Buyer = Awaited<ReturnType<typeof signUpBuyer>>;
type Conn = {
  status: string;
  tenantName: string;
  importStatus: string;
  importProgress: { pages: number; seen: number; created: number; skipped: number; archived: number } | null;
  lastError: string | null;
  lastSuccessfulPollAt: string | null;
};

const CONNECTION_FIELDS =
  'id status tenantId tenantName importStatus importProgress { pages seen created skipped archived } lastError lastSuccessfulPollAt nextPollAt apiHeadroom { minuteRemaining dayRemaining }';
const START = 'mutation { startXeroConnection { authorizeUrl } }';
const PENDING = 'query P($id: ID!) { pendingXeroConnection(attemptId: $id) { attemptId lockedTenantId tenants { tenantId tenantName allowed } } }';
const CONFIRM = `mutation C($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { ${CONNECTION_FIELDS} } }`;
const CONNECTION = `query { xeroConnection { ${CONNECTION_FIELDS} } }`;
const SUPPLIERS =
  'query { suppliers(first: 200, includeArchived: true) { totalCount edges { node { id name status email bankAccountDetails xeroContactId hasBankDetailDrift drift { field xeroValue vouchValue isBankDetail } } } } }';

let emulator: XeroEmulator;
let app: TestApp;
let acme: string;
let other: string;
const contactIds: Record<string, string> = {};

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser({ ...USER, name: 'Olive Owner' });
  acme = emulator.control.createOrganisation({ name: 'Acme Trading', userEmails: [USER.email] }).tenantId;
  other = emulator.control.createOrganisation({ name: 'Other Co', userEmails: [USER.email] }).tenantId;
  const seeded = emulator.control.seedContacts(acme, {
    contacts: [
      { Name: 'Supplier Only Ltd', IsSupplier: true, IsCustomer: false, EmailAddress: 'ap@supplier.example', BankAccountDetails: '12-3456-7890123-00' },
      { Name: 'Customer Only Ltd', IsSupplier: false, IsCustomer: true },
      { Name: 'Both Ways Ltd', IsSupplier: true, IsCustomer: true },
      { Name: 'Neither Ltd', IsSupplier: false, IsCustomer: false },
      { Name: 'Archived Supplies', IsSupplier: true, IsCustomer: false, ContactStatus: 'ARCHIVED' },
      { Name: 'Old Customer Ltd', IsSupplier: false, IsCustomer: true, UpdatedDateUTC: Date.now() - 86_400_000 },
    ],
  });
  for (const c of seeded) contactIds[c.Name] = c.ContactID;
  app = await startTestApp({ xeroEmulator: emulator });
});

afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

/** Drives Connect to Xero like a browser: consent pages, then the callback with the buyer's cookie. */
async function authorize(buyer: Buyer, tenantNames: string[]): Promise<string> {
  const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>(START);
  expect(start.errors).toBeUndefined();
  const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, { ...USER, tenantNames });
  expect(consent.callbackUrl).toMatch(/\/xero\/callback\?/);
  return consent.callbackUrl!;
}

async function callback(buyer: Buyer, url: string): Promise<string> {
  const res = await fetch(url, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
}

async function connect(buyer: Buyer, tenantName = 'Acme Trading', granted = [tenantName]): Promise<Conn> {
  const location = await callback(buyer, await authorize(buyer, granted));
  const attemptId = new URL(location, app.url).searchParams.get('xeroAttempt');
  expect(attemptId, location).toBeTruthy();
  const pending = await buyer.client.request<{ pendingXeroConnection: { tenants: { tenantId: string; tenantName: string }[] } }>(PENDING, { id: attemptId });
  const tenant = pending.data!.pendingXeroConnection.tenants.find((t) => t.tenantName === tenantName)!;
  const confirmed = await buyer.client.request<{ confirmXeroTenant: Conn }>(CONFIRM, { a: attemptId, t: tenant.tenantId });
  expect(confirmed.errors).toBeUndefined();
  return confirmed.data!.confirmXeroTenant;
}

async function connection(buyer: Buyer): Promise<Conn> {
  return (await buyer.client.request<{ xeroConnection: Conn }>(CONNECTION)).data!.xeroConnection;
}

async function suppliers(buyer: Buyer) {
  const res = await buyer.client.request<{
    suppliers: {
      totalCount: number;
      edges: {
        node: {
          name: string;
          status: string;
          email: string | null;
          bankAccountDetails: string | null;
          xeroContactId: string;
          hasBankDetailDrift: boolean;
          drift: { field: string; xeroValue: unknown; vouchValue: unknown; isBankDetail: boolean }[];
        };
      }[];
    };
  }>(SUPPLIERS);
  expect(res.errors).toBeUndefined();
  return res.data!.suppliers.edges.map((e) => e.node);
}

async function pollNow(buyer: Buyer): Promise<void> {
  const id = (await app.services.em(buyer.user.organisation.id).findOneOrFail(XeroConnection, {})).id;
  const before = (await connection(buyer)).lastSuccessfulPollAt;
  await app.services.xeroSync.pollNow(id);
  await expect.poll(async () => (await connection(buyer)).lastSuccessfulPollAt !== before, { timeout: 15_000 }).toBe(true);
}

describe('Connect to Xero and import', () => {
  let buyer: Buyer;

  it('connects the chosen organisation, disconnects the others, and imports every non-customer contact', async () => {
    buyer = await signUpBuyer(app.url);
    const connected = await connect(buyer, 'Acme Trading', ['Acme Trading', 'Other Co']);
    expect(connected).toMatchObject({ status: 'CONNECTED', tenantName: 'Acme Trading' });
    await expect.poll(async () => (await connection(buyer)).importStatus, { timeout: 20_000 }).toBe('DONE');
    expect((await connection(buyer)).importProgress).toMatchObject({ pages: 1, seen: 6, created: 3, skipped: 2, archived: 1 });

    const rows = await suppliers(buyer);
    const byName = Object.fromEntries(rows.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(['Archived Supplies', 'Both Ways Ltd', 'Neither Ltd', 'Supplier Only Ltd']);
    expect(byName['Archived Supplies']!.status).toBe('ARCHIVED');
    expect(byName['Supplier Only Ltd']).toMatchObject({
      status: 'ACTIVE',
      email: 'ap@supplier.example',
      bankAccountDetails: '12-3456-7890123-00',
      xeroContactId: contactIds['Supplier Only Ltd'],
    });

    // Granted but not chosen: disconnected on Xero's side.
    const live = emulator.control.listConnections().filter((c) => c.clientId === app.xero!.clientId);
    expect(live.map((c) => c.tenantId)).toEqual([acme]);
    // Tokens are stored sealed, never in clear.
    const [row] = await app.orm.em.getConnection().execute<{ token_set: string }[]>('select token_set from xero_connections');
    expect(row!.token_set).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row!.token_set).not.toMatch(/eyJ/);
  });

  it('polls: creates new suppliers, never overwrites from Xero, records drift (bank details flagged)', async () => {
    emulator.control.seedContacts(acme, {
      contacts: [
        { Name: 'New Vendor Ltd', IsSupplier: true },
        { Name: 'New Customer Ltd', IsCustomer: true },
      ],
    });
    emulator.control.editContact(acme, contactIds['Supplier Only Ltd']!, { Name: 'Renamed In Xero Ltd', BankAccountDetails: '99-9999-9999999-99' });
    await pollNow(buyer);
    const rows = await suppliers(buyer);
    const names = rows.map((s) => s.name);
    expect(names).toContain('New Vendor Ltd');
    expect(names).not.toContain('New Customer Ltd');
    expect(names).not.toContain('Renamed In Xero Ltd');
    const kept = rows.find((s) => s.name === 'Supplier Only Ltd')!;
    expect(kept.bankAccountDetails).toBe('12-3456-7890123-00');
    expect(kept.hasBankDetailDrift).toBe(true);
    expect(kept.drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', xeroValue: 'Renamed In Xero Ltd', vouchValue: 'Supplier Only Ltd', isBankDetail: false }),
        expect.objectContaining({ field: 'bankAccountDetails', xeroValue: '99-9999-9999999-99', isBankDetail: true }),
      ]),
    );
    const drifted = await buyer.client.request<{ suppliers: { edges: { node: { name: string } }[] } }>(
      'query { suppliers(hasDrift: true) { edges { node { name } } } }',
    );
    expect(drifted.data!.suppliers.edges.map((e) => e.node.name)).toEqual(['Supplier Only Ltd']);
    // Polling again changes nothing and creates no duplicates.
    await pollNow(buyer);
    expect((await suppliers(buyer)).length).toBe(rows.length);
  });

  it('finds a customer who has since become a supplier (flag flips do not bump UpdatedDateUTC)', async () => {
    emulator.control.setContactFlags(acme, contactIds['Old Customer Ltd']!, { isSupplier: true });
    await pollNow(buyer);
    expect((await suppliers(buyer)).map((s) => s.name)).not.toContain('Old Customer Ltd');
    // The periodic sweep (XERO_SUPPLIER_SWEEP_HOURS) is due:
    await app.orm.em.getConnection().execute('update xero_connections set last_supplier_sweep_at = null');
    await pollNow(buyer);
    expect((await suppliers(buyer)).map((s) => s.name)).toContain('Old Customer Ltd');
  });

  it('a poll of an unchanged tenant uses exactly one API call', async () => {
    await pollNow(buyer);
    emulator.control.clearRequestLog();
    await pollNow(buyer);
    const calls = emulator.control.requestLog().filter((r) => r.path.startsWith('/api.xro/2.0/'));
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api.xro/2.0/Contacts']);
    expect(calls[0]!.headers['if-modified-since']).toBeTruthy();
  });

  it('webhooks: a correctly signed event fetches the contact within seconds; a bad signature gets 401', async () => {
    const intent = await emulator.control.webhooks.intentToReceive(app.xero!.clientId);
    expect(intent).toMatchObject({ ok: true });
    const [created] = emulator.control.seedContacts(acme, { contacts: [{ Name: 'Webhook Vendor Ltd', IsSupplier: true }] });
    // A Xero user edits it: the emulator delivers the UPDATE event to /webhooks/xero, signed with the app's key.
    emulator.control.editContact(acme, created!.ContactID, { EmailAddress: 'hello@webhook.example' });
    await emulator.control.webhooks.flush();
    await expect.poll(async () => (await suppliers(buyer)).some((s) => s.name === 'Webhook Vendor Ltd'), { timeout: 15_000 }).toBe(true);

    const body = JSON.stringify({
      events: [{ resourceId: created!.ContactID, tenantId: acme, eventCategory: 'CONTACT', eventType: 'UPDATE' }],
      firstEventSequence: 1,
      lastEventSequence: 1,
      entropy: 'x',
    });
    const bad = await fetch(`${app.url}/webhooks/xero`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xero-signature': webhookSignature(body, 'wrong-key') },
      body,
    });
    expect(bad.status).toBe(401);
    const good = await fetch(`${app.url}/webhooks/xero`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xero-signature': webhookSignature(body, app.xero!.webhookKey) },
      body,
    });
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('');
    // A duplicate delivery is harmless.
    await fetch(`${app.url}/webhooks/xero`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xero-signature': webhookSignature(body, app.xero!.webhookKey) },
      body,
    });
    const count = await app.services.em(buyer.user.organisation.id).count(Supplier, { xeroContactId: created!.ContactID });
    expect(count).toBe(1);
  });

  it('refuses a different Xero organisation later, and offers only the connected one', async () => {
    const location = await callback(buyer, await authorize(buyer, ['Other Co']));
    const attemptId = new URL(location, app.url).searchParams.get('xeroAttempt')!;
    const pending = await buyer.client.request<{ pendingXeroConnection: { lockedTenantId: string; tenants: { tenantId: string; allowed: boolean }[] } }>(
      PENDING,
      { id: attemptId },
    );
    expect(pending.data!.pendingXeroConnection.lockedTenantId).toBe(acme);
    // Xero lists every organisation this user has connected to the app; only the locked one may be chosen.
    expect(pending.data!.pendingXeroConnection.tenants).toEqual(expect.arrayContaining([expect.objectContaining({ tenantId: other, allowed: false })]));
    expect(pending.data!.pendingXeroConnection.tenants.filter((t) => t.allowed).map((t) => t.tenantId)).toEqual(
      pending.data!.pendingXeroConnection.tenants.some((t) => t.tenantId === acme) ? [acme] : [],
    );
    const refused = await buyer.client.request(CONFIRM, { a: attemptId, t: other });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'XERO_DIFFERENT_TENANT' });
    expect((await connection(buyer)).tenantName).toBe('Acme Trading');
    // Regression (issue 10 item 4): the refused organisation is not left connected on Xero's side; the locked one stays.
    const live = emulator.control.listConnections().filter((c) => c.clientId === app.xero!.clientId);
    expect(live.map((c) => c.tenantId)).toEqual([acme]);
    await pollNow(buyer); // the existing connection still works
  });

  it('invalid_grant parks the connection as NEEDS_RECONNECT; reconnecting the same organisation keeps the data', async () => {
    const before = (await suppliers(buyer)).length;
    emulator.control.revokeGrant({ clientId: app.xero!.clientId, userEmail: USER.email });
    const id = (await app.services.em(buyer.user.organisation.id).findOneOrFail(XeroConnection, {})).id;
    await app.services.xeroTokens.validTokens(id, true).catch(() => undefined);
    expect((await connection(buyer)).status).toBe('NEEDS_RECONNECT');
    await app.services.xeroSync.poll(id, app.log); // parked: no call, no failure
    const again = await connect(buyer, 'Acme Trading');
    expect(again.status).toBe('CONNECTED');
    expect((await suppliers(buyer)).length).toBe(before);
  });

  it('two concurrent refreshers keep the connection alive (one refresh, both get the new token)', async () => {
    const id = (await app.services.em(buyer.user.organisation.id).findOneOrFail(XeroConnection, {})).id;
    // Make the stored access token look expired.
    const store = app.services.xeroTokens;
    const [row] = await app.orm.em.getConnection().execute<{ token_set: string }[]>('select token_set from xero_connections where id = ?', [id]);
    const tokens = store.open(row!.token_set);
    await app.orm.em
      .getConnection()
      .execute('update xero_connections set token_set = ? where id = ?', [store.seal({ ...tokens, expires_at: Math.floor(Date.now() / 1000) - 10 }), id]);
    emulator.control.clearRequestLog();
    const [a, b] = await Promise.all([store.validTokens(id, false), store.validTokens(id, false)]);
    expect(a.access_token).toBe(b.access_token);
    expect(a.refresh_token).not.toBe(tokens.refresh_token);
    const refreshes = emulator.control.requestLog().filter((r) => r.path.endsWith('/connect/token'));
    expect(refreshes).toHaveLength(1);
    expect((await connection(buyer)).status).toBe('CONNECTED');
  });

  it('recovers a refresh whose response was lost (Xero’s 30-minute grace)', async () => {
    const id = (await app.services.em(buyer.user.organisation.id).findOneOrFail(XeroConnection, {})).id;
    emulator.control.injectFault({ kind: 'refresh-response-lost' });
    await expect(app.services.xeroTokens.validTokens(id, true)).rejects.toThrow();
    const fresh = await app.services.xeroTokens.validTokens(id, true);
    expect(fresh.access_token).toBeTruthy();
    expect((await connection(buyer)).status).toBe('CONNECTED');
  });
});

describe('OAuth state', () => {
  it('refuses a forged, replayed or other-session state', async () => {
    const buyer = await signUpBuyer(app.url);
    const forged = await callback(buyer, `${app.url}/xero/callback?code=abc&state=forged`);
    expect(forged).toBe('/integrations?xeroError=STATE_INVALID');

    const url = await authorize(buyer, ['Other Co']);
    const intruder = await signUpBuyer(app.url);
    expect(await callback(intruder, url)).toBe('/integrations?xeroError=STATE_INVALID');
    // The state was consumed by that attempt: the rightful owner cannot replay it either.
    expect(await callback(buyer, url)).toBe('/integrations?xeroError=STATE_INVALID');

    const fresh = await authorize(buyer, ['Other Co']);
    expect(await callback(buyer, fresh)).toMatch(/^\/integrations\?xeroAttempt=/);
    expect(await callback(buyer, fresh)).toBe('/integrations?xeroError=STATE_INVALID');
  });

  it('reports a denied consent', async () => {
    const buyer = await signUpBuyer(app.url);
    const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>(START);
    const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, { ...USER, deny: true });
    expect(await callback(buyer, consent.callbackUrl!)).toBe('/integrations?xeroError=ACCESS_DENIED');
  });

  it('only ADMINs may connect, and a connection never leaks to another organisation', async () => {
    const stranger = await signUpBuyer(app.url);
    expect((await stranger.client.request(CONNECTION)).data).toEqual({ xeroConnection: null });
  });
});

describe('resilience', () => {
  it('429 storms and 5xx end in a complete import with no duplicate suppliers', async () => {
    const e2 = await startXeroEmulator({ seed: 'none' });
    e2.control.createUser({ ...USER });
    const tenant = e2.control.createOrganisation({ name: 'Big Books Ltd', userEmails: [USER.email] }).tenantId;
    e2.control.seedContacts(tenant, { count: 2500, seed: 7 });
    const expected = e2.control.listContacts(tenant).filter((c) => !(c.IsCustomer && !c.IsSupplier)).length;
    const app2 = await startTestApp({ xeroEmulator: e2 });
    try {
      const buyer = await signUpBuyer(app2.url);
      e2.control.injectFault({ kind: 'rate-limit', problem: 'minute', retryAfterSeconds: 1, times: 3 });
      e2.control.injectFault({ kind: 'status', status: 503, times: 2 });
      const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>(START);
      const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, { ...USER });
      const res = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
      const attemptId = new URL(res.headers.get('location')!, app2.url).searchParams.get('xeroAttempt')!;
      const confirmed = await buyer.client.request(CONFIRM, { a: attemptId, t: tenant });
      expect(confirmed.errors).toBeUndefined();
      await expect
        .poll(async () => (await buyer.client.request<{ xeroConnection: Conn }>(CONNECTION)).data!.xeroConnection.importStatus, {
          timeout: 60_000,
          interval: 250,
        })
        .toBe('DONE');
      const em = app2.services.em(buyer.user.organisation.id);
      expect(await em.count(Supplier, {})).toBe(expected);
      const [dupes] = await em.getConnection().execute<{ n: string }[]>('select count(*) - count(distinct xero_contact_id) as n from suppliers');
      expect(Number(dupes!.n)).toBe(0);
      expect(e2.control.listFaults().every((f) => f.remaining === 0)).toBe(true);
    } finally {
      await app2.close();
      await e2.close();
    }
  });
});

describe('an import with one page answered late', () => {
  it('stores the pages behind it meanwhile, then that page, and completes', async () => {
    const e2 = await startXeroEmulator({ seed: 'none' });
    e2.control.createUser({ ...USER });
    const tenant = e2.control.createOrganisation({ name: 'Late Page Ltd', userEmails: [USER.email] }).tenantId;
    e2.control.seedContacts(tenant, { count: 4500, seed: 9 }); // five pages
    const expected = e2.control.listContacts(tenant).filter((c) => !(c.IsCustomer && !c.IsSupplier)).length;
    const app2 = await startTestApp({ xeroEmulator: e2 });
    try {
      const buyer = await signUpBuyer(app2.url);
      // Page 2 is answered 3 s late (as when the rate limiter lets its call go after the next ones').
      const late = e2.control.injectFault({ kind: 'latency', latencyMs: 3000, pathPrefix: '/Contacts', query: { page: '2' } });
      const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>(START);
      const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, { ...USER });
      const res = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
      const attemptId = new URL(res.headers.get('location')!, app2.url).searchParams.get('xeroAttempt')!;
      expect((await buyer.client.request(CONFIRM, { a: attemptId, t: tenant })).errors).toBeUndefined();
      await expect
        .poll(async () => (await buyer.client.request<{ xeroConnection: Conn }>(CONNECTION)).data!.xeroConnection, { timeout: 60_000, interval: 250 })
        .toMatchObject({ importStatus: 'DONE', importProgress: { pages: 5, seen: 4500 } });
      expect(e2.control.listFaults().some((f) => f.id === late.id)).toBe(false); // it fired
      const em = app2.services.em(buyer.user.organisation.id);
      expect(await em.count(Supplier, {})).toBe(expected);
      // Page 2's contacts, as the import read them: every one of them was stored after pages 3–5 were.
      const stored = await em.findOneOrFail(XeroConnection, {});
      const page2 = await app2.services.xeroTokens.withAccess(stored.id, (t) =>
        app2.services.xeroGateway.getContactsPage(t, tenant, { page: 2, pageSize: 1000, includeArchived: true }),
      );
      const ids = `{${page2.body.map((c) => c.contactID!).join(',')}}`;
      const [order] = await em.getConnection().execute<{ page2_first: Date; others_last: Date; page2: string }[]>(
        `select min(created_at) filter (where on_page_2) as page2_first, max(created_at) filter (where not on_page_2) as others_last,
                count(*) filter (where on_page_2) as page2
           from (select created_at, xero_contact_id = any(?::uuid[]) as on_page_2 from suppliers) s`,
        [ids],
      );
      expect(Number(order!.page2)).toBeGreaterThan(0);
      expect(new Date(order!.page2_first).getTime()).toBeGreaterThan(new Date(order!.others_last).getTime());
    } finally {
      await app2.close();
      await e2.close();
    }
  });
});

describe('organisation audit log', () => {
  it('records who connected and who disconnected Xero', async () => {
    emulator.control.createOrganisation({ name: 'Audit Co', userEmails: [USER.email] });
    const buyer = await signUpBuyer(app.url, { name: 'Ada Auditor' });
    await connect(buyer, 'Audit Co', ['Audit Co']);
    const disconnected = await buyer.client.request('mutation { disconnectXero { status } }');
    expect(disconnected.errors).toBeUndefined();
    const log = await buyer.client.request<{ organisationAuditEvents: { edges: { node: { kind: string; summary: string; actorLabel: string } }[] } }>(
      '{ organisationAuditEvents(first: 50) { edges { node { kind summary actorLabel } } } }',
    );
    const xero = log.data!.organisationAuditEvents.edges.map((e) => e.node).filter((n) => n.kind.startsWith('XERO_'));
    expect(xero).toEqual([
      { kind: 'XERO_DISCONNECTED', summary: 'Ada Auditor disconnected Xero organisation “Audit Co”', actorLabel: 'Ada Auditor' },
      { kind: 'XERO_CONNECTED', summary: 'Ada Auditor connected Xero organisation “Audit Co”', actorLabel: 'Ada Auditor' },
    ]);
  });
});
