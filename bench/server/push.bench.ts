/**
 * Outbound sync benchmark (prints figures; not a test).
 *   pnpm --filter @vouch/server bench:push [accepts=1000] [bulk=10000]
 * 1. Latency: `accepts` changes accepted at ~10 per second, the emulator adding 200–400 ms to every call and
 *    Xero's real limits on; accept-to-confirmed-in-Xero p50 / p99 (target p99 < 5 s).
 * 2. Throughput: `bulk` changes accepted at once for one tenant; API calls against ceil(bulk/50) and wall
 *    time against the 60-per-minute floor (a backlog goes unpaced; each batch settles while the next call is
 *    out), with the ratio.
 */
import { loadavg } from 'node:os';
import { startXeroEmulator, type XeroEmulator } from '../../packages/xero-emulator/src/index.js';
import { driveConsent } from '../../packages/xero-emulator/src/testing/index.js';
import { signUpBuyer, startTestApp, type TestApp } from '../../packages/server/src/testing/index.js';
import { XeroConnection, XeroConnectionStatus } from '../../packages/server/src/xero/xero-connection.entity.js';
import { Supplier } from '../../packages/server/src/suppliers/supplier.entity.js';
import { OutboxEntry } from '../../packages/server/src/sync/outbox/outbox-entry.entity.js';
import { queueForXero } from '../../packages/server/src/sync/outbox/outbox.js';

const ACCEPTS = Number(process.argv[2] ?? 1000);
const BULK = Number(process.argv[3] ?? 10_000);
const USER = { email: 'bench@xero.example', password: 'bench-password' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connected(contacts: number, latencyMs?: [number, number]): Promise<{ emulator: XeroEmulator; app: TestApp; orgId: string }> {
  const emulator = await startXeroEmulator({ seed: 'none', ...(latencyMs ? { latencyMs } : {}) });
  emulator.control.createUser(USER);
  const tenantId = emulator.control.createOrganisation({ name: 'Bench Books Ltd', userEmails: [USER.email] }).tenantId;
  emulator.control.seedContacts(tenantId, { contacts: Array.from({ length: contacts }, (_, i) => ({ Name: `Bench Supplier ${i}`, IsSupplier: true })) });
  const app = await startTestApp({ xeroEmulator: emulator, env: { LOG_LEVEL: 'warn' } });
  const buyer = await signUpBuyer(app.url);
  const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }');
  const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, USER);
  const res = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(res.headers.get('location')!, app.url).searchParams.get('xeroAttempt')!;
  await buyer.client.request('mutation($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', { a: attemptId, t: tenantId });
  const orgId = buyer.user.organisation.id;
  while ((await app.services.em(orgId).findOneOrFail(XeroConnection, {})).importStatus !== 'DONE') await sleep(200);
  return { emulator, app, orgId };
}

async function acceptOne(app: TestApp, orgId: string, supplierId: string, email: string): Promise<string> {
  return await app.services.em(orgId).transactional(async (tx) => {
    const s = await tx.findOneOrFail(Supplier, { id: supplierId });
    s.email = email;
    return (await queueForXero(tx, orgId, s, null)).id;
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

// ---- 1. latency ----
{
  const { emulator, app, orgId } = await connected(ACCEPTS, [200, 400]);
  try {
    const suppliers = await app.services.em(orgId).find(Supplier, {}, { fields: ['id'] });
    emulator.control.clearRequestLog();
    const acceptedAt = new Map<string, number>();
    const t0 = performance.now();
    for (const [i, s] of suppliers.entries()) {
      const id = await acceptOne(app, orgId, s.id, `latency${i}@example.com`);
      acceptedAt.set(id, performance.now());
      await app.services.push.wake(orgId);
      await sleep(100);
    }
    const confirmedAt = new Map<string, number>();
    while (confirmedAt.size < acceptedAt.size) {
      const synced = await app.services.em(orgId).find(OutboxEntry, { status: 'SYNCED' as never }, { fields: ['id', 'syncedAt'] });
      for (const e of synced) if (!confirmedAt.has(e.id)) confirmedAt.set(e.id, performance.now());
      await sleep(25);
      if (performance.now() - t0 > 30 * 60_000) break;
    }
    // Use the database's synced_at for precision (poll granularity aside).
    const rows = await app.services.em(orgId).find(OutboxEntry, {}, { fields: ['id', 'createdAt', 'syncedAt'] });
    if (process.env.BENCH_DEBUG) {
      const full = await app.services
        .em(orgId)
        .find(OutboxEntry, {}, { fields: ['id', 'createdAt', 'startedAt', 'syncedAt', 'attempts'], orderBy: { createdAt: 'asc' } });
      const first = full[0]!.createdAt.getTime();
      for (const r of full) {
        const l = r.syncedAt ? r.syncedAt.getTime() - r.createdAt.getTime() : -1;
        if (l > 2000)
          console.log(
            `slow: created +${r.createdAt.getTime() - first} ms, claimed +${(r.startedAt?.getTime() ?? 0) - first}, synced +${(r.syncedAt?.getTime() ?? 0) - first} (${l} ms), attempts ${r.attempts}`,
          );
      }
    }
    const latencies = rows
      .filter((r) => r.syncedAt)
      .map((r) => r.syncedAt!.getTime() - r.createdAt.getTime())
      .sort((a, b) => a - b);
    const calls = emulator.control.requestLog().filter((r) => r.method === 'POST' && r.path.startsWith('/api.xro/2.0/Contacts'));
    console.log(`latency over ${latencies.length} accepts (~10/s, emulator +200–400 ms per call, real limits):`);
    console.log(
      `  accept → confirmed in Xero: p50 ${(pct(latencies, 50) / 1000).toFixed(2)} s, p99 ${(pct(latencies, 99) / 1000).toFixed(2)} s, max ${(latencies.at(-1)! / 1000).toFixed(2)} s (target p99 < 5 s)`,
    );
    console.log(`  Xero write calls: ${calls.length} (${(latencies.length / Math.max(1, calls.length)).toFixed(1)} changes per call)`);
    const byPath = new Map<string, number>();
    for (const r of emulator.control.requestLog()) {
      const key = `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')} ${r.status}`;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
    }
    console.log(`  all calls: ${[...byPath].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  } finally {
    await app.close();
    await emulator.close();
  }
}

// ---- 2. throughput ----
{
  const { emulator, app, orgId } = await connected(BULK);
  try {
    const em = app.services.em(orgId);
    const suppliers = await em.find(Supplier, {}, { fields: ['id'] });
    // The push parked while the changes are accepted (it only pushes for a connected Xero), so the run
    // measures the push alone: all of it after the wake below.
    await app.orm.em.fork().nativeUpdate(XeroConnection, { organisation: orgId }, { status: XeroConnectionStatus.NEEDS_RECONNECT }, { filters: false });
    for (let i = 0; i < suppliers.length; i += 500) {
      await em.fork().transactional(async (tx) => {
        tx.setFilterParams('organisation', { id: orgId });
        for (const s of suppliers.slice(i, i + 500)) {
          const full = await tx.findOneOrFail(Supplier, { id: s.id });
          full.email = `bulk-${s.id.slice(-6)}@example.com`;
          await queueForXero(tx, orgId, full, null);
        }
      });
    }
    await app.orm.em.fork().nativeUpdate(XeroConnection, { organisation: orgId }, { status: XeroConnectionStatus.CONNECTED }, { filters: false });
    emulator.control.clearRequestLog();
    const t0 = performance.now();
    await app.services.push.wake(orgId);
    for (;;) {
      const left = await app.services.em(orgId).count(OutboxEntry, { status: { $in: ['PENDING', 'SYNCING'] } as never });
      if (!left) break;
      await sleep(500);
    }
    const seconds = (performance.now() - t0) / 1000;
    const writes = emulator.control.requestLog().filter((r) => r.method === 'POST' && r.path.startsWith('/api.xro/2.0/Contacts'));
    if (process.env.BENCH_DEBUG) {
      const first = writes[0]?.at ?? 0;
      console.log(writes.map((w, i) => `call ${i + 1} +${((w.at - first) / 1000).toFixed(2)} s ${w.status}`).join('\n'));
    }
    const synced = await app.services.em(orgId).count(OutboxEntry, { status: 'SYNCED' as never });
    const minimum = Math.ceil(suppliers.length / 50);
    const floor = Math.max(0, Math.ceil(minimum / 60) - 1) * 60;
    console.log(`throughput: ${suppliers.length} accepted changes, ${synced} synced`);
    console.log(`  API calls: ${writes.length} writes (minimum ceil(N/50) = ${minimum}); ${writes.filter((w) => w.status === 429).length} answered 429`);
    console.log(
      `  wall time: ${seconds.toFixed(1)} s; 60-per-minute floor ${floor} s; ratio ${(seconds / floor).toFixed(2)}× (target ≤ 1.1×); load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await app.close();
    await emulator.close();
  }
}
