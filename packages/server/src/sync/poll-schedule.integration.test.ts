import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { driveConsent } from '@vouch/xero-emulator/testing';
import { createLogger } from '../common/logger.js';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { XeroConnection } from '../xero/xero-connection.entity.js';

/**
 * Polling many organisations on schedule: a poll keeps the cadence of its slot (not of when it ran), and a poll
 * queued twice for one slot (two instances, a tick racing a running poll) calls Xero once.
 */

const USER = { email: 'owner@schedule.example', password: 'xero-password-1' };
const INTERVAL_MS = 10 * 60_000;
let emulator: XeroEmulator;
let app: TestApp;
let orgId: string;
const log = createLogger('silent');

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(USER);
  const tenant = emulator.control.createOrganisation({ name: 'Schedule Books Ltd', userEmails: [USER.email] }).tenantId;
  emulator.control.seedContacts(tenant, { contacts: [{ Name: 'Only Supplier', IsSupplier: true }] });
  app = await startTestApp({ xeroEmulator: emulator, env: { XERO_POLL_INTERVAL_MINUTES: '10' } });
  const buyer = await signUpBuyer(app.url);
  orgId = buyer.user.organisation.id;
  const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }');
  const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, USER);
  const res = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(res.headers.get('location')!, app.url).searchParams.get('xeroAttempt')!;
  await buyer.client.request('mutation($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', { a: attemptId, t: tenant });
  // Hooks cannot use expect.poll: vi.waitFor retries until the import is done.
  await vi.waitFor(async () => expect((await connection()).importStatus).toBe('DONE'), { timeout: 45_000, interval: 100 });
});

afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

async function connection(): Promise<XeroConnection> {
  return await app.services.em(orgId).fork().findOneOrFail(XeroConnection, {});
}

const reads = () => emulator.control.requestLog().filter((r) => r.method === 'GET' && r.path.startsWith('/api.xro/2.0/Contacts')).length;

describe('poll schedule', () => {
  it('keeps the cadence of the slot, and a slot polled twice calls Xero once', async () => {
    const dueAt = new Date(Date.now() - 5_000);
    await app.orm.em.fork().nativeUpdate(XeroConnection, { organisation: orgId }, { nextPollAt: dueAt }, { filters: false });
    const { id } = await connection();
    emulator.control.clearRequestLog();
    await app.services.xeroSync.poll(id, log, dueAt);
    expect(reads()).toBe(1);
    // The next slot is the interval after the one just served, not after the moment it ran.
    expect((await connection()).nextPollAt!.getTime()).toBe(dueAt.getTime() + INTERVAL_MS);
    // The same slot again (queued by a tick while the first ran, or by another instance): nothing.
    await app.services.xeroSync.poll(id, log, dueAt);
    expect(reads()).toBe(1);
    // Asked for by hand (no slot): always polls.
    await app.services.xeroSync.poll(id, log);
    expect(reads()).toBe(2);
  });
});
