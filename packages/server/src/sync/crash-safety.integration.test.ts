/**
 * Crash safety with real processes: the server runs as a child process (same database, an emulator in this
 * process that outlives it) and is killed with SIGKILL at named points of a push and of an import (TEST_PAUSE_AT
 * makes it stop there), then started again. Every accepted change must reach Xero exactly once in effect,
 * no supplier may be duplicated, and nothing may stay stuck. Leases and heartbeats are short here (config).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { driveConsent } from '@vouch/xero-emulator/testing';
import { createApp, type VouchApp } from '../app.js';
import { freePort } from '../db/embedded.js';
import { OutboxEntry } from './outbox/outbox-entry.entity.js';
import { queueForXero } from './outbox/outbox.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { createTestDatabase, signUpBuyer, testConfig } from '../testing/index.js';
import { XeroConnection } from '../xero/xero-connection.entity.js';

const T = { beforeCall: randomUUID(), during: randomUUID(), afterCall: randomUUID(), midSettle: randomUUID(), importing: randomUUID() };

let emulator: XeroEmulator;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
/** This process's view of the shared database: another instance that works no jobs (it only sends them). */
let observer: VouchApp;
let port: number;
let origin: string;
const xeroApp = {
  clientId: `vouch-crash-${randomBytes(4).toString('hex')}`,
  clientSecret: randomBytes(16).toString('hex'),
  webhookKey: randomBytes(16).toString('base64'),
};

interface Server {
  child: ChildProcess;
  output: () => string;
  paused: (point: string) => boolean;
}
let server: Server | undefined;

async function startServer(pauseAt: string[] = []): Promise<Server> {
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', '@oxc-node/core/register', main], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      LOG_LEVEL: 'info',
      JOBS_ENABLED: 'true',
      JOBS_HEARTBEAT_SECONDS: '10',
      JOBS_SUPERVISE_SECONDS: '1',
      OUTBOX_LEASE_SECONDS: '2',
      XERO_HTTP_TIMEOUT_MS: '5000',
      XERO_CLIENT_ID: xeroApp.clientId,
      XERO_CLIENT_SECRET: xeroApp.clientSecret,
      XERO_WEBHOOK_KEY: xeroApp.webhookKey,
      XERO_IDENTITY_URL: emulator.identityUrl,
      XERO_API_URL: emulator.apiUrl,
      ...(pauseAt.length ? { TEST_PAUSE_AT: pauseAt.join(',') } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output.includes('Vouch is running') || child.exitCode !== null, { timeout: 60_000, interval: 100 }).toBe(true);
  if (child.exitCode !== null) throw new Error(`server exited at start:\n${output}`);
  return { child, output: () => output, paused: (point) => output.includes(`"pausePoint":"${point}"`) };
}

async function kill(s: Server): Promise<void> {
  const exited = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.kill('SIGKILL');
  await exited;
}

interface Org {
  orgId: string;
  tenantId: string;
  client: Awaited<ReturnType<typeof signUpBuyer>>['client'];
}

/** Signs a buyer up and connects their organisation to a new Xero organisation, as a person would. */
async function connectOrg(tenantId: string, seed: { contacts: { Name: string; IsSupplier?: boolean }[] } | { count: number; seed: number }): Promise<Org> {
  const user = { email: `owner-${tenantId.slice(0, 8)}@crash.example`, password: 'crash-password-1' };
  emulator.control.createUser(user);
  emulator.control.createOrganisation({ name: `Books ${tenantId.slice(0, 8)}`, userEmails: [user.email], tenantId });
  emulator.control.seedContacts(tenantId, seed);
  const buyer = await signUpBuyer(origin);
  const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }');
  const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, user);
  const res = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(res.headers.get('location')!, origin).searchParams.get('xeroAttempt')!;
  const confirmed = await buyer.client.request('mutation($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', {
    a: attemptId,
    t: tenantId,
  });
  expect(confirmed.errors).toBeUndefined();
  return { orgId: buyer.user.organisation.id, tenantId, client: buyer.client };
}

async function importStatus(org: Org): Promise<string> {
  return (await observer.services.em(org.orgId).findOneOrFail(XeroConnection, {})).importStatus;
}

/** Accepts a change the way the review flow does (supplier + outbox row in one transaction), then wakes the push. */
async function accept(org: Org, supplierId: string, changes: Partial<Record<'name' | 'email', string>>): Promise<void> {
  await observer.services.em(org.orgId).transactional(async (tx) => {
    const s = await tx.findOneOrFail(Supplier, { id: supplierId });
    Object.assign(s, changes);
    await queueForXero(tx, org.orgId, s, null);
  });
  await observer.services.push.wake(org.orgId);
}

async function newSupplier(org: Org, name: string): Promise<string> {
  const res = await org.client.request<{ createSupplier: { id: string } }>('mutation($n: String!) { createSupplier(input: { name: $n }) { id } }', { n: name });
  expect(res.errors).toBeUndefined();
  return res.data!.createSupplier.id;
}

async function supplierNamed(org: Org, name: string): Promise<Supplier> {
  return await observer.services.em(org.orgId).findOneOrFail(Supplier, { name });
}

async function statuses(org: Org): Promise<string[]> {
  return (await observer.services.em(org.orgId).find(OutboxEntry, {}, { orderBy: { sequence: 'asc' } })).map((e) => e.status);
}

/** The writes Xero received for a tenant (answered or not), each with its Idempotency-Key. */
function writes(tenantId: string) {
  return emulator.control
    .requestLog()
    .filter((r) => (r.method === 'POST' || r.method === 'PUT') && r.path.toLowerCase().startsWith('/api.xro/2.0/contacts'))
    .filter((r) => String(r.headers['xero-tenant-id']).toLowerCase() === tenantId.toLowerCase());
}

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none', webhookRetryDelaysMs: [0, 500] });
  db = await createTestDatabase();
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  emulator.control.registerApp({ ...xeroApp, redirectUris: [`${origin}/xero/callback`], webhookUrl: `${origin}/webhooks/xero`, name: 'Vouch (crash test)' });
  observer = await createApp(
    testConfig({
      DATABASE_URL: db.url,
      JOBS_ENABLED: 'false',
      JOBS_HEARTBEAT_SECONDS: '10',
      XERO_CLIENT_ID: xeroApp.clientId,
      XERO_CLIENT_SECRET: xeroApp.clientSecret,
      XERO_IDENTITY_URL: emulator.identityUrl,
      XERO_API_URL: emulator.apiUrl,
    }),
  );
}, 60_000);

afterAll(async () => {
  if (server?.child.exitCode === null) await kill(server);
  await observer?.close();
  await emulator?.close();
  await db?.dispose();
});

describe('a server killed with SIGKILL loses and duplicates nothing', () => {
  const orgs: Record<'beforeCall' | 'during' | 'afterCall' | 'midSettle', Org> = {} as never;

  it('killed before the call, during it, after Xero answered and mid-settle: after a restart every change is in Xero once', async () => {
    server = await startServer([`push.before-call@${T.beforeCall}`, `push.after-call@${T.afterCall}`, `push.mid-settle@${T.midSettle}`]);
    for (const key of ['beforeCall', 'during', 'afterCall', 'midSettle'] as const) {
      orgs[key] = await connectOrg(T[key], { contacts: [{ Name: `Existing ${key} Ltd`, IsSupplier: true }] });
    }
    for (const org of Object.values(orgs)) await expect.poll(() => importStatus(org), { timeout: 20_000 }).toBe('DONE');

    // An update stopped before its request left; a create whose request Xero holds (answer delayed) when the
    // process dies; a create Xero applied and answered, the answer lost; an update killed inside its commit.
    const before = await supplierNamed(orgs.beforeCall, 'Existing beforeCall Ltd');
    await accept(orgs.beforeCall, before.id, { email: 'ap@before.example' });
    const slow = emulator.control.injectFault({ kind: 'latency', latencyMs: 1500, method: 'PUT', tenantId: T.during });
    const duringId = await newSupplier(orgs.during, 'During New Ltd');
    await accept(orgs.during, duringId, { email: 'ap@during.example' });
    const afterId = await newSupplier(orgs.afterCall, 'After Answer New Ltd');
    await accept(orgs.afterCall, afterId, { email: 'ap@after.example' });
    const settling = await supplierNamed(orgs.midSettle, 'Existing midSettle Ltd');
    await accept(orgs.midSettle, settling.id, { email: 'ap@settle.example' });

    const s = server;
    await expect
      .poll(
        () =>
          s.paused(`push.before-call@${T.beforeCall}`) &&
          s.paused(`push.after-call@${T.afterCall}`) &&
          s.paused(`push.mid-settle@${T.midSettle}`) &&
          !emulator.control.listFaults().some((f) => f.id === slow.id),
        { timeout: 20_000, interval: 50 },
      )
      .toBe(true);
    await kill(s);
    // Xero applied the create of "After Answer New Ltd"; its webhook now fails until the server is back.
    expect(emulator.control.listContacts(T.afterCall).filter((c) => c.Name === 'After Answer New Ltd')).toHaveLength(1);

    server = await startServer([`import.page-2@${T.importing}`]);
    const settled = async () => (await Promise.all(Object.values(orgs).map(statuses))).flat();
    await expect.poll(settled, { timeout: 30_000, interval: 250 }).toSatisfy((all: string[]) => all.length === 4 && all.every((st) => st === 'SYNCED'));
    // Webhooks queued while the server was down (the CREATE of our own contact among them) are all delivered.
    await expect.poll(() => emulator.control.webhooks.pending(xeroApp.clientId), { timeout: 20_000 }).toBe(0);

    const expectations = [
      { org: orgs.beforeCall, name: 'Existing beforeCall Ltd', email: 'ap@before.example', suppliers: 1 },
      { org: orgs.during, name: 'During New Ltd', email: 'ap@during.example', suppliers: 2 },
      { org: orgs.afterCall, name: 'After Answer New Ltd', email: 'ap@after.example', suppliers: 2 },
      { org: orgs.midSettle, name: 'Existing midSettle Ltd', email: 'ap@settle.example', suppliers: 1 },
    ];
    for (const { org, name, email, suppliers } of expectations) {
      const inXero = emulator.control.listContacts(org.tenantId).filter((c) => c.Name === name);
      expect(inXero, name).toHaveLength(1);
      expect(inXero[0]!.EmailAddress).toBe(email);
      // One supplier, linked to that contact (a lost create's contact did not come back as a second one).
      await expect
        .poll(async () => (await observer.services.em(org.orgId).find(Supplier, {})).map((x) => [x.name, x.xeroContactId]), { timeout: 5_000 })
        .toEqual(expect.arrayContaining([[name, inXero[0]!.ContactID]]));
      expect(await observer.services.em(org.orgId).count(Supplier, {}), name).toBe(suppliers);
      // Re-sent after the crash, but always as the same request: one Idempotency-Key per accepted change.
      const keys = new Set(writes(org.tenantId).map((w) => w.headers['idempotency-key']));
      expect(keys.size, name).toBe(1);
    }

    // The recovered create is a normal supplier: a later change goes straight through.
    const after = await supplierNamed(orgs.afterCall, 'After Answer New Ltd');
    await accept(orgs.afterCall, after.id, { email: 'billing@after.example' });
    await expect.poll(() => statuses(orgs.afterCall), { timeout: 15_000 }).toEqual(['SYNCED', 'SYNCED']);
    expect(emulator.control.getContact(T.afterCall, after.xeroContactId!).EmailAddress).toBe('billing@after.example');
  }, 120_000);

  it('killed during the second page of an import: after a restart the import resumes and completes, nothing twice', async () => {
    const org = await connectOrg(T.importing, { count: 1500, seed: 11 });
    const s = server!;
    await expect.poll(() => s.paused(`import.page-2@${T.importing}`), { timeout: 30_000, interval: 50 }).toBe(true);
    await kill(s);
    expect(await importStatus(org)).toBe('RUNNING');

    server = await startServer();
    await expect.poll(() => importStatus(org), { timeout: 40_000, interval: 250 }).toBe('DONE');
    const contacts = emulator.control.listContacts(T.importing);
    const expected = contacts.filter((c) => !(c.IsCustomer && !c.IsSupplier)).length;
    const rows = await observer.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string; distinct_ids: string }[]>(
        `select count(*) as n, count(distinct xero_contact_id) as distinct_ids from suppliers where organisation_id = ?`,
        [org.orgId],
      );
    expect(Number(rows[0]!.n)).toBe(expected);
    expect(Number(rows[0]!.distinct_ids)).toBe(expected);
  }, 90_000);
});
