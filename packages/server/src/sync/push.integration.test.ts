import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { driveConsent } from '@vouch/xero-emulator/testing';
import { createApp } from '../app.js';
import { OutboxEntry } from './outbox/outbox-entry.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { connectXero, graphqlClient, signUpBuyer, startTestApp, testConfig, type TestApp } from '../testing/index.js';
import { XeroConnection } from '../xero/xero-connection.entity.js';
import { PushService } from './push.service.js';
import { queueForXero } from './outbox/outbox.js';

const USER = { email: 'owner@push.example', password: 'xero-password-1' };
const SUPPLIER = `query($id: ID!) { supplier(id: $id) { id name syncStatus bankAccountDetails } }`;

let emulator: XeroEmulator;
let app: TestApp;
let tenant: string;
let buyer: Awaited<ReturnType<typeof signUpBuyer>>;
let orgId: string;

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(USER);
  tenant = emulator.control.createOrganisation({ name: 'Push Books Ltd', userEmails: [USER.email] }).tenantId;
  emulator.control.seedContacts(tenant, {
    contacts: [
      { Name: 'Alpha Supplies', IsSupplier: true, EmailAddress: 'alpha@example.com' },
      { Name: 'Beta Supplies', IsSupplier: true },
      { Name: 'Gamma Supplies', IsSupplier: true },
      { Name: 'Taken Name Ltd', IsSupplier: true },
    ],
  });
  app = await startTestApp({ xeroEmulator: emulator });
  buyer = await signUpBuyer(app.url);
  orgId = buyer.user.organisation.id;
  await connectXero(app.url, buyer.client, { xeroUser: USER, tenantId: tenant });
});

afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

async function supplierNamed(name: string): Promise<Supplier> {
  return await app.services.em(orgId).findOneOrFail(Supplier, { name });
}

/** Accepts a change the way the review flow does (same transaction: supplier + outbox), then wakes the push. */
async function accept(supplier: Supplier, changes: Partial<Record<'name' | 'bankAccountDetails' | 'email', string>>): Promise<void> {
  const em = app.services.em(orgId);
  await em.transactional(async (tx) => {
    const s = await tx.findOneOrFail(Supplier, { id: supplier.id });
    Object.assign(s, changes);
    await queueForXero(tx, orgId, s, null);
  });
  await app.services.push.wake(orgId);
}

async function entries(supplierId: string) {
  return await app.services.em(orgId).find(OutboxEntry, { supplier: supplierId }, { orderBy: { sequence: 'asc' } });
}

const writes = () => emulator.control.requestLog().filter((r) => (r.method === 'POST' || r.method === 'PUT') && r.path.startsWith('/api.xro/2.0/Contacts'));

describe('outbound sync', () => {
  it('an accepted change reaches Xero, is read back and leaves a receipt; the supplier shows SYNCED', async () => {
    const alpha = await supplierNamed('Alpha Supplies');
    await accept(alpha, { email: 'ap@alpha.example', bankAccountDetails: '12-34-56 12345678' });
    await expect.poll(async () => (await entries(alpha.id)).at(-1)!.status, { timeout: 15_000 }).toBe('SYNCED');
    const held = emulator.control.getContact(tenant, alpha.xeroContactId!);
    expect(held).toMatchObject({ EmailAddress: 'ap@alpha.example', BankAccountDetails: '12-34-56 12345678' });
    const entry = (await entries(alpha.id)).at(-1)!;
    expect(entry.receipt).toMatchObject({ contactId: alpha.xeroContactId, idempotencyKey: entry.idempotencyKey });
    const seen = await buyer.client.request<{ supplier: { syncStatus: string } }>(SUPPLIER, { id: alpha.id });
    expect(seen.data!.supplier.syncStatus).toBe('SYNCED');
    const overview = await buyer.client.request<{ syncOverview: { queueDepth: number; lastSuccessAt: string; failedCount: number } }>(
      'query { syncOverview { queueDepth lastSuccessAt failedCount } }',
    );
    expect(overview.errors).toBeUndefined();
    expect(overview.data!.syncOverview).toMatchObject({ queueDepth: 0, failedCount: 0 });
    expect(new Date(overview.data!.syncOverview.lastSuccessAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const log = writes().filter((w) => w.path.endsWith(alpha.xeroContactId!));
    expect(log.map((w) => w.headers['idempotency-key'])).toEqual([entry.idempotencyKey]);
  });

  it('a worker killed between the Xero call and its commit: the retry re-sends the same request, applied once', async () => {
    const beta = await supplierNamed('Beta Supplies');
    emulator.control.clearRequestLog();
    // Simulate the crash: the first settle (the commit after Xero answered) dies.
    const proto = PushService.prototype as unknown as { settle: (...args: unknown[]) => Promise<void> };
    const real = proto.settle;
    let crashed = false;
    proto.settle = async function (this: unknown, ...args: unknown[]) {
      if (!crashed) {
        crashed = true;
        throw new Error('worker killed');
      }
      return real.apply(this, args);
    };
    try {
      await accept(beta, { name: 'Beta Supplies Group' });
      await expect.poll(() => crashed, { timeout: 15_000 }).toBe(true);
      // The entry is stuck SYNCING with its request key; the sweeper (after the lease) re-sends.
      await app.orm.em.getConnection().execute(`update outbox_entries set started_at = now() - interval '10 minutes' where supplier_id = ?`, [beta.id]);
      await app.services.push.sweep();
      await expect.poll(async () => (await entries(beta.id)).at(-1)!.status, { timeout: 15_000 }).toBe('SYNCED');
    } finally {
      proto.settle = real;
    }
    const log = writes().filter((w) => w.path.endsWith(beta.xeroContactId!));
    expect(log).toHaveLength(2);
    expect(new Set(log.map((w) => w.headers['idempotency-key'])).size).toBe(1);
    expect(emulator.control.getContact(tenant, beta.xeroContactId!).Name).toBe('Beta Supplies Group');
  });

  it('a duplicate name fails with Xero’s message; fixed in Xero, Retry syncs it', async () => {
    const gamma = await supplierNamed('Gamma Supplies');
    await accept(gamma, { name: 'Taken Name Ltd' });
    await expect.poll(async () => (await entries(gamma.id)).at(-1)!.status, { timeout: 15_000 }).toBe('FAILED');
    const failed = (await entries(gamma.id)).at(-1)!;
    expect(failed.lastError).toMatch(/already assigned to another contact/);
    // The inbox says who said it: these are Xero's words.
    const inbox = await buyer.client.request<{ failedSyncs: { supplier: { id: string }; error: string; errorSource: string }[] }>(
      'query { failedSyncs { supplier { id } error errorSource } }',
    );
    expect(inbox.data!.failedSyncs.find((f) => f.supplier.id === gamma.id)).toMatchObject({
      errorSource: 'XERO',
      error: expect.stringMatching(/already assigned/),
    });
    const seen = await buyer.client.request<{ supplier: { syncStatus: string } }>(SUPPLIER, { id: gamma.id });
    expect(seen.data!.supplier.syncStatus).toBe('FAILED');
    const taken = emulator.control.listContacts(tenant).find((c) => c.Name === 'Taken Name Ltd')!;
    emulator.control.editContact(tenant, taken.ContactID, { Name: 'Taken Name (old) Ltd' });
    await app.services.push.retry(orgId, gamma.id);
    await expect.poll(async () => (await entries(gamma.id)).at(-1)!.status, { timeout: 15_000 }).toBe('SYNCED');
    expect(emulator.control.getContact(tenant, gamma.xeroContactId!).Name).toBe('Taken Name Ltd');
  });

  it('429 storms and 503s end in success within the budget', async () => {
    const alpha = await supplierNamed('Alpha Supplies');
    emulator.control.injectFault({ kind: 'rate-limit', problem: 'minute', retryAfterSeconds: 1, times: 2 });
    emulator.control.injectFault({ kind: 'status', status: 503, times: 2 });
    await accept(alpha, { name: 'Alpha Supplies Storm' });
    await expect.poll(async () => (await entries(alpha.id)).at(-1)!.status, { timeout: 30_000 }).toBe('SYNCED');
    expect(emulator.control.getContact(tenant, alpha.xeroContactId!).Name).toBe('Alpha Supplies Storm');
  });

  it('two quick updates arrive in order (the later one wins, nothing older overwrites it)', async () => {
    const alpha = await supplierNamed('Alpha Supplies Storm');
    emulator.control.clearRequestLog();
    await accept(alpha, { name: 'Alpha One' });
    await accept(alpha, { name: 'Alpha Two' });
    await expect.poll(async () => (await entries(alpha.id)).at(-1)!.status, { timeout: 15_000 }).toBe('SYNCED');
    expect(emulator.control.getContact(tenant, alpha.xeroContactId!).Name).toBe('Alpha Two');
    // Whatever was sent went in acceptance order: 'Alpha One' (if it was not superseded first), then 'Alpha Two'.
    const sentNames = writes()
      .filter((w) => w.path.endsWith(alpha.xeroContactId!))
      .map((w) => (w.body as { Contacts: { Name: string }[] }).Contacts[0]!.Name);
    expect(sentNames.at(-1)).toBe('Alpha Two');
    expect(sentNames.filter((n) => n !== 'Alpha One' && n !== 'Alpha Two')).toEqual([]);
    if (sentNames.includes('Alpha One')) expect(sentNames.indexOf('Alpha One')).toBeLessThan(sentNames.indexOf('Alpha Two'));
    const statuses = (await entries(alpha.id)).map((e) => e.status);
    expect(statuses.slice(-2)).toEqual(sentNames.length === 2 ? ['SYNCED', 'SYNCED'] : ['SUPERSEDED', 'SYNCED']);
  });

  it('a supplier created in Vouch is created in Xero with PUT and linked', async () => {
    const created = await buyer.client.request<{ createSupplier: { id: string } }>(
      'mutation { createSupplier(input: { name: "Brand New Vendor Ltd", email: "new@vendor.example" }) { id } }',
    );
    const fresh = await app.services.em(orgId).findOneOrFail(Supplier, { id: created.data!.createSupplier.id });
    await accept(fresh, { name: 'Brand New Vendor Ltd' });
    await expect.poll(async () => (await entries(fresh.id)).at(-1)!.status, { timeout: 15_000 }).toBe('SYNCED');
    const linked = await app.services.em(orgId).findOneOrFail(Supplier, { id: fresh.id });
    expect(linked.xeroContactId).toBeTruthy();
    expect(emulator.control.getContact(tenant, linked.xeroContactId!).EmailAddress).toBe('new@vendor.example');
  });

  it('lost Xero access parks the queue; after reconnecting it drains with nothing lost', async () => {
    const beta = await supplierNamed('Beta Supplies Group');
    emulator.control.revokeGrant({ clientId: app.xero!.clientId, userEmail: USER.email });
    await accept(beta, { name: 'Beta Parked Ltd' });
    await expect.poll(async () => (await app.services.em(orgId).findOneOrFail(XeroConnection, {})).status, { timeout: 15_000 }).toBe('NEEDS_RECONNECT');
    expect((await entries(beta.id)).at(-1)!.status).not.toBe('SYNCED');
    const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }');
    const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, USER);
    const res = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
    const attemptId = new URL(res.headers.get('location')!, app.url).searchParams.get('xeroAttempt')!;
    await buyer.client.request('mutation($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', { a: attemptId, t: tenant });
    await expect.poll(async () => (await entries(beta.id)).at(-1)!.status, { timeout: 15_000 }).toBe('SYNCED');
    expect(emulator.control.getContact(tenant, beta.xeroContactId!).Name).toBe('Beta Parked Ltd');
  });

  it('a create re-sent after Xero stopped replaying its key links the contact its first attempt made', async () => {
    // The first PUT reached Xero (it made the contact) but the process died with the answer, and the re-send
    // comes after Xero's idempotency window: Xero refuses it with "name already assigned".
    emulator.control.seedContacts(tenant, { contacts: [{ Name: 'Lost Answer Ltd', EmailAddress: 'old@lost.example' }] });
    const created = await buyer.client.request<{ createSupplier: { id: string } }>(
      'mutation { createSupplier(input: { name: "Lost Answer Ltd", email: "ap@lost.example" }) { id } }',
    );
    const id = created.data!.createSupplier.id;
    await app.services.em(orgId).transactional(async (tx) => {
      await queueForXero(tx, orgId, await tx.findOneOrFail(Supplier, { id }), null);
    });
    // As the dead worker left it: claimed with its key, tried once, the lease long lapsed.
    await app.orm.em
      .getConnection()
      .execute(
        `update outbox_entries set status = 'SYNCING', request_key = idempotency_key, attempts = 1, started_at = now() - interval '10 minutes' where supplier_id = ?`,
        [id],
      );
    await app.services.push.wake(orgId);
    await expect.poll(async () => (await entries(id)).at(-1)!.status, { timeout: 15_000 }).toBe('SYNCED');
    const inXero = emulator.control.listContacts(tenant).filter((c) => c.Name === 'Lost Answer Ltd');
    expect(inXero).toHaveLength(1);
    expect(inXero[0]!.EmailAddress).toBe('ap@lost.example');
    expect((await app.services.em(orgId).findOneOrFail(Supplier, { id })).xeroContactId).toBe(inXero[0]!.ContactID);
    expect(await app.services.em(orgId).count(Supplier, { name: 'Lost Answer Ltd' })).toBe(1);
  });

  it('two server instances share the work: each change is pushed once', async () => {
    const second = await createApp(
      testConfig({
        DATABASE_URL: app.databaseUrl,
        JOBS_ENABLED: 'true',
        XERO_CLIENT_ID: app.xero!.clientId,
        XERO_CLIENT_SECRET: app.xero!.clientSecret,
        XERO_IDENTITY_URL: emulator.identityUrl,
        XERO_API_URL: emulator.apiUrl,
      }),
    );
    try {
      emulator.control.clearRequestLog();
      // ('Taken Name Ltd' is two suppliers by now — the imported original and the renamed one — so not used here.)
      const names = ['Alpha Two', 'Beta Parked Ltd', 'Brand New Vendor Ltd'];
      const suppliers = await Promise.all(names.map(supplierNamed));
      for (const [i, s] of suppliers.entries()) await accept(s, { email: `twin${i}@example.com` });
      await second.services.push.wake(orgId);
      await expect
        .poll(async () => (await Promise.all(suppliers.map(async (s) => (await entries(s.id)).at(-1)!.status))).every((st) => st === 'SYNCED'), {
          timeout: 20_000,
        })
        .toBe(true)
        .catch(async (e: unknown) => {
          const rows = await app.orm.em
            .getConnection()
            .execute(
              'select o.status, o.attempts, o.last_error, o.request_key is not null as keyed, o.next_attempt_at, s.name from outbox_entries o join suppliers s on s.id = o.supplier_id order by o.id',
            );
          console.log('STUCK', JSON.stringify(rows, null, 1));
          const jobs = await app.orm.em
            .getConnection()
            .execute(
              `select name, state, singleton_key, start_after, retry_count from pgboss.job where name like 'xero.push%' order by created_on desc limit 10`,
            );
          console.log('JOBS', JSON.stringify(jobs));
          throw e;
        });
      const keys = writes().map((w) => w.headers['idempotency-key']);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(keys.length);
      for (const [i, s] of suppliers.entries()) expect(emulator.control.getContact(tenant, s.xeroContactId!).EmailAddress).toBe(`twin${i}@example.com`);
    } finally {
      await second.close();
    }
  });

  it('a read-back that differs fails with Vouch’s finding, labelled VOUCH (not as Xero’s message)', async () => {
    const alpha = await supplierNamed('Alpha Two');
    // Xero answers the write, but what it holds afterwards is not what was approved.
    const fault = emulator.control.injectFault({
      kind: 'status',
      status: 200,
      method: 'POST',
      pathPrefix: '/Contacts',
      body: JSON.stringify({
        Contacts: [{ ContactID: alpha.xeroContactId, Name: 'Alpha Two', EmailAddress: 'someone-else@alpha.example', ContactStatus: 'ACTIVE' }],
      }),
      times: 'always',
    });
    try {
      await accept(alpha, { email: 'readback@alpha.example' });
      await expect.poll(async () => (await entries(alpha.id)).at(-1)!.status, { timeout: 15_000 }).toBe('FAILED');
    } finally {
      emulator.control.clearFaults(fault.id);
    }
    expect((await entries(alpha.id)).at(-1)!.lastError).toMatch(/^After the write Xero holds different values for: .*email/);
    const seen = await buyer.client.request<{
      supplier: { sync: { error: string; errorSource: string } };
      failedSyncs: { supplier: { id: string }; errorSource: string }[];
    }>('query($id: ID!) { supplier(id: $id) { sync { error errorSource } } failedSyncs { supplier { id } errorSource } }', { id: alpha.id });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.supplier.sync).toMatchObject({ errorSource: 'VOUCH', error: expect.stringMatching(/^After the write/) });
    expect(seen.data!.failedSyncs.find((f) => f.supplier.id === alpha.id)?.errorSource).toBe('VOUCH');
  });
});

void graphqlClient;
