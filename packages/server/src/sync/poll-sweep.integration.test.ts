import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { createLogger } from '../common/logger.js';
import { connectXero, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { XeroConnection } from '../xero/xero-connection.entity.js';
import { unscoped } from '../common/unscoped.js';
import { PollClaims, type PollClaim } from './poll-claims.js';
import { PollSweeper } from './poll-sweeper.js';

/**
 * Polls are claimed, not queued: every instance's sweep claims the connections due (a batch in one statement)
 * and polls them. Two instances on one database never poll one connection twice in a cycle; a batch claimed by
 * an instance that then died is taken by another once its lease lapses; a poll asked for now is served.
 */

const ORGS = 4;
const log = createLogger('silent');
let emulator: XeroEmulator;
let a: TestApp;
let b: TestApp;
const tenantOf = new Map<string, string>(); // connection id → tenant id

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  a = await startTestApp({ xeroEmulator: emulator, env: { XERO_POLL_INTERVAL_MINUTES: '10', XERO_POLL_CONCURRENCY: '1' } });
  for (let i = 0; i < ORGS; i++) {
    const xeroUser = { email: `owner${i}@sweep.example`, password: 'xero-password-1' };
    emulator.control.createUser(xeroUser);
    const tenantId = emulator.control.createOrganisation({ name: `Sweep Books ${i}`, userEmails: [xeroUser.email] }).tenantId;
    // Last changed an hour ago: after the import, a poll finds nothing new (idle), as most polls do.
    emulator.control.seedContacts(tenantId, { contacts: [{ Name: `Supplier ${i}`, IsSupplier: true, UpdatedDateUTC: Date.now() - 3_600_000 }] });
    const buyer = await signUpBuyer(a.url);
    await connectXero(a.url, buyer.client, { xeroUser, tenantId });
  }
  for (const c of await connections()) tenantOf.set(c.id, c.tenantId);
  // A second instance of the server on the same database (same Xero app): both sweep.
  b = await startTestApp({
    xeroEmulator: emulator,
    env: {
      DATABASE_URL: a.databaseUrl,
      XERO_POLL_INTERVAL_MINUTES: '10',
      XERO_POLL_CONCURRENCY: '1', // one claim at a time each: the two sweeps take turns
      XERO_CLIENT_ID: a.xero!.clientId,
      XERO_CLIENT_SECRET: a.xero!.clientSecret,
      XERO_WEBHOOK_KEY: a.xero!.webhookKey,
    },
  });
}, 120_000);

afterAll(async () => {
  await b?.close();
  await a?.close();
  await emulator?.close();
});

async function connections(): Promise<XeroConnection[]> {
  return await a.orm.em.fork().find(XeroConnection, {}, unscoped('job'));
}

async function setNextPoll(at: Date): Promise<void> {
  await a.orm.em.fork().nativeUpdate(XeroConnection, {}, { nextPollAt: at }, unscoped('job'));
}

/** Contact reads per tenant since the log was cleared. */
function readsByTenant(): Map<string, number> {
  const reads = new Map<string, number>();
  for (const r of emulator.control.requestLog()) {
    if (r.method !== 'GET' || !r.path.startsWith('/api.xro/2.0/Contacts')) continue;
    const tenant = r.headers['xero-tenant-id'] ?? '';
    reads.set(tenant, (reads.get(tenant) ?? 0) + 1);
  }
  return reads;
}

describe('poll sweep', () => {
  it('two instances on one database poll each due organisation exactly once a cycle', async () => {
    for (let cycle = 0; cycle < 3; cycle++) {
      emulator.control.clearRequestLog();
      const before = new Map((await connections()).map((c) => [c.id, c.lastPollAt!.getTime()]));
      const dueAt = new Date(Date.now() - 1000);
      await setNextPoll(dueAt);
      // Both sweeps look twice a second: every organisation is polled, and its claim is let go.
      await expect
        .poll(async () => (await connections()).filter((c) => c.lastPollAt!.getTime() > before.get(c.id)! && c.pollClaimedBy === null).length, {
          timeout: 20_000,
        })
        .toBe(ORGS);
      const reads = readsByTenant();
      for (const tenantId of tenantOf.values()) expect(reads.get(tenantId), `reads of ${tenantId} in cycle ${cycle}`).toBe(1);
      // The next slot is a cycle on (the cadence of the slot served), so nothing is due again.
      for (const c of await connections()) expect(c.nextPollAt!.getTime()).toBe(dueAt.getTime() + 10 * 60_000);
    }
  });

  it('a batch claimed by an instance that died is polled by another once the lease lapses, not before', async () => {
    // Due a day from now (on the clock the test passes): the apps' own sweeps, on the real clock, leave them be.
    const t0 = new Date(Date.now() + 24 * 3_600_000);
    await setNextPoll(t0);
    const dead = new PollClaims(a.orm, 30_000);
    const claimed = await dead.claimDue(10, t0);
    expect(claimed.map((c) => c.connectionId).sort()).toEqual([...tenantOf.keys()].sort());
    dead.stopRenewing(); // SIGKILL: no renewals, no releases

    const survivorClaims = new PollClaims(b.orm, 30_000);
    const survivor = new PollSweeper(b.services.xeroSync, survivorClaims, 10, log);
    expect(await survivor.runOnce(new Date(t0.getTime() + 29_999))).toBe(0); // the dead instance's lease holds
    emulator.control.clearRequestLog();
    expect(await survivor.runOnce(new Date(t0.getTime() + 30_000))).toBe(ORGS);
    await survivor.settled();
    const reads = readsByTenant();
    for (const tenantId of tenantOf.values()) expect(reads.get(tenantId)).toBe(1);
    for (const c of await connections()) {
      expect(c.pollClaimedBy).toBeNull();
      expect(c.lastPollAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
    expect(survivorClaims.holding).toBe(0);
  });

  it('a poll asked for now is served by a sweep; asked for while one runs, it runs again after', async () => {
    const [first] = await connections();
    const connectionId = first!.id;
    await setNextPoll(new Date(Date.now() + 3_600_000));
    emulator.control.clearRequestLog();
    await a.services.xeroSync.pollNow(connectionId);
    await expect.poll(() => readsByTenant().get(tenantOf.get(connectionId)!) ?? 0, { timeout: 20_000 }).toBe(1);

    // A poll holds the claim (taken here on the test's clock) when another is asked for: served after it.
    const holder = new PollClaims(a.orm, 30_000);
    const claim = (await holder.claimOne(connectionId))!;
    await a.services.xeroSync.pollNow(connectionId);
    await a.services.xeroSync.pollClaimed(connectionId, log);
    expect(readsByTenant().get(tenantOf.get(connectionId)!)).toBe(2);
    await holder.release(claim);
    await expect.poll(() => readsByTenant().get(tenantOf.get(connectionId)!) ?? 0, { timeout: 20_000 }).toBe(3);
    await expect.poll(async () => (await connections()).find((c) => c.id === connectionId)!.pollRequestedAt, { timeout: 20_000 }).toBeNull();
  });

  it('a poll asked for in the very millisecond a poll began is run again after it, not taken as served', async () => {
    const [first] = await connections();
    const connectionId = first!.id;
    await setNextPoll(new Date(Date.now() + 3_600_000));
    emulator.control.clearRequestLog();
    const holder = new PollClaims(a.orm, 30_000);
    // This process's clock stands still: the claim is taken and the poll asked for in the same millisecond (as a
    // sweep's claim and a click can be).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    let claim: PollClaim;
    try {
      claim = (await holder.claimOne(connectionId))!;
      await a.services.xeroSync.pollNow(connectionId);
    } finally {
      vi.useRealTimers();
    }
    // The holder's poll (it schedules the next one an interval away), then its release: the request stands.
    await a.services.xeroSync.pollClaimed(connectionId, log);
    expect(readsByTenant().get(tenantOf.get(connectionId)!)).toBe(1);
    await holder.release(claim);
    await expect.poll(() => readsByTenant().get(tenantOf.get(connectionId)!) ?? 0, { timeout: 20_000 }).toBe(2);
    await expect.poll(async () => (await connections()).find((c) => c.id === connectionId)!.pollRequestedAt, { timeout: 20_000 }).toBeNull();
  });

  it('an idle poll costs a few statements: claim, the connection, its token, the limiter, the result, the release', async () => {
    const [first] = await connections();
    const connectionId = first!.id;
    await setNextPoll(new Date(Date.now() + 3_600_000)); // the sweeps leave it alone
    await a.services.xeroSync.poll(connectionId, log); // warm: the limiter's row exists
    emulator.control.clearRequestLog();
    const spy = vi.spyOn(a.orm.config.getLogger(), 'logQuery');
    try {
      await a.services.xeroSync.poll(connectionId, log);
      expect(readsByTenant().get(tenantOf.get(connectionId)!)).toBe(1);
      // The poll's own statements (the sweeps of both apps keep looking meanwhile: theirs are left out).
      const sql = spy.mock.calls
        .map((c) => String((c[0] as { query?: string }).query ?? ''))
        .filter((q) => q.includes('xero_') && !q.includes('update xero_connections c set poll_claimed_by'));
      // Claim, the connection, its token, the limiter's take and give-back, the result, the release. Before:
      // a transaction for the token (3 statements) and one for the limiter's take (about 10) per call.
      expect(sql.length).toBeLessThanOrEqual(7);
      expect(sql.filter((q) => q.includes('xero_rate_limit_acquire'))).toHaveLength(1);
      expect(sql.filter((q) => /for update/i.test(q))).toHaveLength(0);
    } finally {
      spy.mockRestore();
    }
  });
});
