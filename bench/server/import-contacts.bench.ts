/**
 * Inbound sync benchmark (prints figures; not a test).
 *   node --import @oxc-node/core/register bench/server/import-contacts.bench.ts [contacts=100000] [acceptsPerSecond=0.5] [acceptSeconds=60]
 * Imports N contacts from the Xero emulator through the real server (xero-node, pg-boss jobs, embedded
 * PostgreSQL) with Xero's real per-tenant limits on (60/min, 5 concurrent, 5,000/day), twice, in one run:
 *   A. the import alone: API calls against the minimum ceil(N/1000), wall time against the rate-limit floor;
 *   B. the same import for a second organisation while a person accepts changes (acceptsPerSecond for
 *      acceptSeconds, starting once the first page's suppliers are in): accept → confirmed in Xero p50 / p99 (target
 *      p99 < 2 s) beside the import's own time, both lanes sharing the tenant's one budget.
 * Then polls the unchanged tenant once.
 * The Xero emulator runs in a child process of its own (bench/server/emulator-process.ts): Xero is a remote
 * service, so its CPU is not Vouch's; the Vouch server runs in this process, as in production.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { startEmulatorProcess } from './emulator-process.js';
import { driveConsent } from '../../packages/xero-emulator/src/testing/index.js';
import { signUpBuyer, startTestApp } from '../../packages/server/src/testing/index.js';
import { XeroConnection } from '../../packages/server/src/xero/xero-connection.entity.js';
import { Supplier, SupplierStatus } from '../../packages/server/src/suppliers/supplier.entity.js';
import { OutboxEntry } from '../../packages/server/src/sync/outbox/outbox-entry.entity.js';
import { queueForXero } from '../../packages/server/src/sync/outbox/outbox.js';

const N = Number(process.argv[2] ?? 100_000);
const ACCEPTS_PER_SECOND = Number(process.argv[3] ?? 0.5);
const ACCEPT_SECONDS = Number(process.argv[4] ?? 60);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** CPU seconds used so far by a process (utime + stime from /proc), or by the whole machine (pid null). */
function cpuSeconds(pid: number | null): number {
  const ticks = 100; // USER_HZ
  if (pid === null) {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq] = fields.map(Number);
    return (user! + nice! + system! + irq! + softirq!) / ticks;
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

const emulator = await startEmulatorProcess({ seed: 'none', limits: { concurrent: 5, perMinute: 60, perDay: 5000 } });
const app = await startTestApp({ xeroEmulator: emulator, env: { LOG_LEVEL: 'warn' } }).catch(async (error: unknown) => {
  await emulator.close();
  throw error;
});
const minimum = Math.ceil(N / 1000);
// Sliding 60/min: the first 60 calls may go at once, every further 60 need another minute.
const floor = Math.max(0, Math.ceil(minimum / 60) - 1) * 60;

async function importOnce(label: string, accepts: { perSecond: number; seconds: number } | null) {
  const user = { email: `bench-${label}@xero.example`, password: 'bench-password' };
  await emulator.control.createUser(user);
  const tenantId = (await emulator.control.createOrganisation({ name: `Bench Books ${label}`, userEmails: [user.email] })).tenantId;
  let t = performance.now();
  const counts = await emulator.control.seedContacts(tenantId, { count: N, seed: 42 });
  const expected = counts.total - counts.customerOnly;
  console.log(`[${label}] seeded ${N} contacts in ${((performance.now() - t) / 1000).toFixed(1)} s (${expected} are not customer-only)`);
  // Real Xero renders its pages on its own servers. The emulator shares this machine's cores, so it renders every
  // contact (in the import's order) before the clock starts: during the import it only joins cached JSON.
  await emulator.control.prerenderContacts(tenantId, { order: 'ContactID ASC' });
  const buyer = await signUpBuyer(app.url);
  const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }');
  const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, user);
  const callback = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(callback.headers.get('location')!, app.url).searchParams.get('xeroAttempt')!;
  await emulator.control.clearRequestLog();
  const loadBefore = load();
  t = performance.now();
  const startedAtMs = Date.now();
  const confirmed = await buyer.client.request('mutation C($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', {
    a: attemptId,
    t: tenantId,
  });
  if (confirmed.errors) throw new Error(JSON.stringify(confirmed.errors));
  const orgId = buyer.user.organisation.id;
  const em = () => app.services.em(orgId);

  // A person accepting changes while the import runs (once the first page of suppliers is in).
  let accepting: Promise<void> = Promise.resolve();
  if (accepts) {
    accepting = (async () => {
      // From the moment the first page's suppliers are in (a distinct supplier for each change).
      const count = Math.round(accepts.perSecond * accepts.seconds);
      let linked: { id: string }[] = [];
      while (linked.length < count) {
        linked = await em().find(Supplier, { xeroContactId: { $ne: null }, status: SupplierStatus.ACTIVE }, { fields: ['id'], limit: count });
        await sleep(50);
      }
      const startedAt = performance.now();
      for (let i = 0; i < count; i++) {
        await sleep(Math.max(0, startedAt + (i * 1000) / accepts.perSecond - performance.now()));
        await em().transactional(async (tx) => {
          const s = await tx.findOneOrFail(Supplier, { id: linked[i % linked.length]!.id });
          s.email = `during-import-${i}@example.com`;
          await queueForXero(tx, orgId, s, null);
        });
        await app.services.push.wake(orgId);
      }
    })();
  }

  let connection: XeroConnection;
  let shown = 0;
  // BENCH_DEBUG: CPU used each second by this process (the Vouch server), the emulator, and the rest of the
  // machine (PostgreSQL, mostly), to see which one a phase of the import waits for.
  const sampler = process.env.BENCH_DEBUG
    ? (() => {
        let last = { at: performance.now(), vouch: cpuSeconds(process.pid), xero: cpuSeconds(emulator.pid), all: cpuSeconds(null) };
        return setInterval(() => {
          const now = { at: performance.now(), vouch: cpuSeconds(process.pid), xero: cpuSeconds(emulator.pid), all: cpuSeconds(null) };
          const span = (now.at - last.at) / 1000;
          const f = (v: number) => (v / span).toFixed(2);
          const rest = now.all - last.all - (now.vouch - last.vouch) - (now.xero - last.xero);
          console.log(
            `[${label}] cpu ${((now.at - t) / 1000).toFixed(0)} s: vouch ${f(now.vouch - last.vouch)} xero ${f(now.xero - last.xero)} rest ${f(rest)} (cores)`,
          );
          last = now;
        }, 1000);
      })()
    : undefined;
  // CPU used so far by the machine and by the emulator, every 200 ms: what the pages fetched after Xero's minute
  // rolled over cost this machine (below).
  const usage: { at: number; all: number; xero: number }[] = [];
  for (;;) {
    usage.push({ at: Date.now(), all: cpuSeconds(null), xero: cpuSeconds(emulator.pid) });
    connection = await em().findOneOrFail(XeroConnection, {});
    if (connection.importStatus === 'DONE' || connection.importStatus === 'FAILED') break;
    const pages = connection.importProgress?.pages ?? 0;
    if (process.env.BENCH_DEBUG && pages >= shown + 10) {
      shown = pages - (pages % 10);
      const reads = (await emulator.control.requestLog()).filter((r) => r.method === 'GET' && r.path.startsWith('/api.xro/2.0/Contacts')).length;
      console.log(
        `[${label}] ${((performance.now() - t) / 1000).toFixed(1)} s: ${pages} pages stored, ${reads} fetched; cpu ${(process.cpuUsage().user / 1e6).toFixed(0)} s; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
      );
    }
    await sleep(200);
  }
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const calls = (await emulator.control.requestLog()).filter((r) => r.method === 'GET' && r.path.startsWith('/api.xro/2.0/Contacts'));
  const rows = await em().count(Supplier, {});
  if (process.env.BENCH_DEBUG)
    console.log(
      calls.map((c) => `+${((c.at - startedAtMs) / 1000).toFixed(1)} s ${c.method} ${c.path} ${JSON.stringify(c.query ?? '')} ${c.status}`).join('\n'),
    );
  if (process.env.BENCH_DEBUG)
    console.log(
      await app.orm.em
        .getConnection()
        .execute(
          `select relname, n_live_tup, autovacuum_count, autoanalyze_count, last_autovacuum, last_autoanalyze from pg_stat_user_tables where relname in ('suppliers', 'audit_events')`,
        ),
    );
  console.log(`[${label}] import ${connection.importStatus}: ${rows} suppliers (expected ${expected}); load average before ${loadBefore}, after ${load()}`);
  console.log(
    `[${label}] import API calls: ${calls.length} reads (minimum ceil(N/1000) = ${minimum}; ${calls.filter((c) => c.status === 429).length} answered 429)`,
  );
  console.log(
    `[${label}] import wall time: ${seconds.toFixed(1)} s; rate-limit floor ${floor} s; ratio ${(seconds / floor).toFixed(2)}× (target ≤ 1.1× alone)`,
  );
  console.log(`[${label}] rows into PostgreSQL: ${(rows / seconds).toFixed(0)} suppliers/s overall`);
  console.log(
    `[${label}] the Xero emulator (remote Xero's stand-in, on this machine's cores) used ${(usage.at(-1)!.xero - usage[0]!.xero).toFixed(1)} CPU s ` +
      `during the import; its contacts were rendered before the clock started`,
  );
  // The calls past the first minute can only leave as the first minute's calls leave Xero's window; their pages
  // are then fetched and stored after it, on this machine's cores. That work (Vouch and PostgreSQL; not the
  // emulator, which stands in for remote Xero) cannot start earlier: the floor on this machine is when the first
  // of those calls could go, plus that work spread over every core.
  if (calls.length > 60 && !accepts) {
    const late = calls.filter((c) => c.at - startedAtMs >= 59_000);
    const lateFrom = Math.min(...late.map((c) => c.at));
    const before = usage.filter((u) => u.at <= lateFrom).at(-1) ?? usage[0]!;
    const end = usage.at(-1)!;
    const work = end.all - before.all - (end.xero - before.xero);
    const cores = availableParallelism();
    const machineFloor = (lateFrom - startedAtMs) / 1000 + work / cores;
    console.log(
      `[${label}] after the minute rolled over (first call at +${((lateFrom - startedAtMs) / 1000).toFixed(1)} s): ${late.length} pages cost ${work.toFixed(1)} CPU s ` +
        `(${((work * 1000) / late.length).toFixed(0)} ms a page, Vouch and PostgreSQL), at least ${(work / cores).toFixed(1)} s on ${cores} cores: ` +
        `floor on this machine ${machineFloor.toFixed(1)} s; ratio ${(seconds / machineFloor).toFixed(2)}× of it`,
    );
  }

  if (accepts) {
    await accepting;
    for (;;) {
      const left = await em().count(OutboxEntry, { status: { $in: ['PENDING', 'SYNCING'] } as never });
      if (!left) break;
      await sleep(200);
    }
    const entries = await em().find(OutboxEntry, {}, { fields: ['id', 'createdAt', 'syncedAt', 'status', 'lastError'] });
    if (process.env.BENCH_DEBUG) {
      const log = await emulator.control.requestLog();
      const at = (ms: number) => `+${((ms - startedAtMs) / 1000).toFixed(1)} s`;
      console.log(
        [...entries]
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
          .map(
            (e) =>
              `accepted ${at(e.createdAt.getTime())}: ${e.status} after ${((e.syncedAt!.getTime() - e.createdAt.getTime()) / 1000).toFixed(2)} s ${e.lastError ?? ''}`,
          )
          .join('\n'),
      );
      console.log(
        log
          .filter((r) => r.method === 'POST')
          .map((r) => `${at(r.at)} POST ${r.status}`)
          .join('\n'),
      );
    }
    const latencies = entries
      .filter((r) => r.syncedAt)
      .map((r) => r.syncedAt!.getTime() - r.createdAt.getTime())
      .sort((a, b) => a - b);
    const writes = (await emulator.control.requestLog()).filter((r) => r.method === 'POST' && r.path.startsWith('/api.xro/2.0/Contacts'));
    const slow = latencies.filter((l) => l > 2000).length;
    console.log(`[${label}] write calls answered 429: ${writes.filter((w) => w.status === 429).length}; accepts over 2 s: ${slow}`);
    console.log(
      `[${label}] ${entries.length} changes accepted during the import (${accepts.perSecond}/s for ${accepts.seconds} s), ${latencies.length} synced in ${writes.length} write calls: ` +
        `accept → confirmed in Xero p50 ${(pct(latencies, 50) / 1000).toFixed(2)} s, p99 ${(pct(latencies, 99) / 1000).toFixed(2)} s, max ${(latencies.at(-1)! / 1000).toFixed(2)} s (target p99 < 2 s)`,
    );
  }
  return { connection, orgId, seconds };
}

try {
  console.log(`import benchmark: ${N} contacts; Xero limits 60/min, 5 concurrent, 5,000/day; load average ${load()} (1/5/15 min)`);
  console.log(`Xero emulator in its own process (pid ${emulator.pid}; Xero is remote, its CPU is not Vouch's); Vouch server in this one (pid ${process.pid})`);
  // BENCH_ONLY=A or B runs one half (while tuning); the figures in the README come from both in one run.
  const alone = process.env.BENCH_ONLY === 'B' ? null : await importOnce('A alone', null);
  const shared = process.env.BENCH_ONLY === 'A' ? null : await importOnce('B with accepts', { perSecond: ACCEPTS_PER_SECOND, seconds: ACCEPT_SECONDS });
  if (alone && shared)
    console.log(
      `side by side: import alone ${alone.seconds.toFixed(1)} s (${(alone.seconds / floor).toFixed(2)}× floor), with accepts ${shared.seconds.toFixed(1)} s (${(shared.seconds / floor).toFixed(2)}× floor)`,
    );

  const polled = alone ?? shared!;
  await emulator.control.clearRequestLog();
  const before = polled.connection.lastSuccessfulPollAt?.getTime();
  await app.services.xeroSync.pollNow(polled.connection.id);
  for (;;) {
    const now = await app.services.em(polled.orgId).findOneOrFail(XeroConnection, {});
    if (now.lastSuccessfulPollAt?.getTime() !== before) break;
    await sleep(100);
  }
  const pollCalls = (await emulator.control.requestLog()).filter((r) => r.path.startsWith('/api.xro/2.0/'));
  console.log(`poll of the unchanged tenant: ${pollCalls.length} API call(s)`);
} finally {
  try {
    await app.close();
  } finally {
    await emulator.close();
  }
}
