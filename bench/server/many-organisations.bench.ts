/**
 * Many organisations on one server instance, then two (prints figures; not a test).
 *   pnpm --filter @vouch/server bench:orgs [organisations=1000] [contacts=300] [pollMinutes=1] [cycles=2] [changedMinutesAgo=60]
 * `organisations` emulator tenants with `contacts` contacts each (already imported: suppliers linked), webhooks
 * off, all connected through one real consent; every organisation polled every `pollMinutes`. Contacts were last
 * changed in Xero `changedMinutesAgo` before the run, so a poll finds nothing new (idle). With 0 they changed
 * during setup, inside the polls' 2-minute cursor overlap: every poll then reads and compares all of them.
 *   1. one server instance (a child process running src/main.ts) for `cycles` poll cycles;
 *   2. a second instance against the same PostgreSQL, both for `cycles` cycles: the work splits;
 *   3. the first instance killed (SIGKILL), the second alone for `cycles` cycles.
 * Per phase: polls, organisations polled in every cycle, double polls in one cycle, lag behind schedule
 * (poll start − due time) p50 / p99, Xero calls per poll, the app's busiest minute of calls (limit 10,000),
 * and per instance: polls run, CPU time per poll, resident memory, database connections.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startXeroEmulator } from '../../packages/xero-emulator/src/index.js';
import { driveConsent } from '../../packages/xero-emulator/src/testing/index.js';
import { createTestDatabase, testConfig } from '../../packages/server/src/testing/index.js';
import { ormConfig } from '../../packages/server/src/db/orm.config.js';
import { TokenCrypto } from '../../packages/server/src/common/token-crypto.js';
import { Organisation } from '../../packages/server/src/accounts/organisation.entity.js';
import { ImportStatus, XeroConnection, XeroConnectionStatus } from '../../packages/server/src/xero/xero-connection.entity.js';
import { XERO_SCOPES } from '../../packages/server/src/xero/xero.gateway.js';

// bench/ has no node_modules of its own: the server's pg and MikroORM (the very modules its entities use).
const serverRequire = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const pg = serverRequire('pg') as typeof import('pg');
const { MikroORM } = (await import(pathToFileURL(serverRequire.resolve('@mikro-orm/postgresql')).href)) as typeof import('@mikro-orm/postgresql');
const ORGS = Number(process.argv[2] ?? 1000);
const CONTACTS = Number(process.argv[3] ?? 300);
const POLL_MINUTES = Number(process.argv[4] ?? 1);
const CYCLES = Number(process.argv[5] ?? 2);
const CHANGED_AT = Date.now() - Number(process.argv[6] ?? 60) * 60_000;
const INTERVAL = POLL_MINUTES * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const CLK_TCK = 100;

const emulator = await startXeroEmulator({ seed: 'none' }); // Xero's limits: 5 concurrent, 60/min, 5,000/day per tenant; 10,000/min per app
const db = await createTestDatabase();
const port = 40_000 + Math.floor(Math.random() * 10_000);
const origin = `http://127.0.0.1:${port}`;
const xeroApp = { clientId: `vouch-bench-${randomBytes(4).toString('hex')}`, clientSecret: randomBytes(16).toString('hex') };
// No webhookUrl: webhooks off, so every change would have to be found by polling.
emulator.control.registerApp({ ...xeroApp, redirectUris: [`${origin}/xero/callback`], name: 'Vouch (bench)' });

// ---- setup: tenants, one consent for all of them, organisations already connected and imported ----
let t = performance.now();
const user = { email: 'bench-owner@orgs.example', password: 'bench-password-1' };
emulator.control.createUser(user);
const tenants: { tenantId: string; name: string; contacts: { ContactID: string; Name: string }[] }[] = [];
for (let i = 0; i < ORGS; i++) {
  const { tenantId, name } = emulator.control.createOrganisation({ name: `Bench Org ${i}`, userEmails: [user.email] });
  const contacts = emulator.control.seedContacts(tenantId, {
    contacts: Array.from({ length: CONTACTS }, (_, k) => ({
      Name: `Org ${i} Supplier ${k}`,
      IsSupplier: true,
      UpdatedDateUTC: Math.min(CHANGED_AT, Date.now()),
    })),
  });
  tenants.push({ tenantId, name, contacts: contacts.map((c) => ({ ContactID: c.ContactID, Name: c.Name })) });
}
const config = testConfig({ DATABASE_URL: db.url });
const crypto = new TokenCrypto(config.tokenKeys);
// One consent per 200 organisations (a consent form of 1,000 checkboxes is over the form-field limit): a person
// ticking their organisations; each consent's token set serves the tenants it granted.
const sealedOf = new Map<string, string>();
let expiresAt = Infinity;
for (let i = 0; i < tenants.length; i += 200) {
  const chunk = tenants.slice(i, i + 200).map((tn) => tn.tenantId);
  const authorize = new URL(`${emulator.identityUrl}/identity/connect/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: xeroApp.clientId,
    redirect_uri: `${origin}/xero/callback`,
    scope: XERO_SCOPES.join(' '),
    state: 'bench',
  }))
    authorize.searchParams.set(k, v);
  const consent = await driveConsent(authorize.toString(), { ...user, tenantIds: chunk });
  if (!consent.callbackUrl) {
    await emulator.close();
    await db.dispose();
    throw new Error(
      `consent failed: ${consent.status} ${consent.html
        ?.replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 400)}`,
    );
  }
  const code = new URL(consent.callbackUrl).searchParams.get('code')!;
  const tokenRes = await fetch(`${emulator.identityUrl}/connect/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${xeroApp.clientId}:${xeroApp.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${origin}/xero/callback` }),
  });
  const token = (await tokenRes.json()) as {
    access_token: string;
    refresh_token: string;
    id_token?: string;
    expires_in: number;
    token_type: string;
    scope?: string;
  };
  if (!token.access_token) throw new Error(`token exchange failed: ${JSON.stringify(token)}`);
  if (token.expires_in < 900) throw new Error('the access token must outlive the run (no refresh in this benchmark)');
  const at = Math.floor(Date.now() / 1000) + token.expires_in;
  expiresAt = Math.min(expiresAt, at);
  const sealed = crypto.encrypt(JSON.stringify({ ...token, expires_at: at }));
  for (const tenantId of chunk) sealedOf.set(tenantId, sealed);
}
const orm = await MikroORM.init(ormConfig(db.url));
{
  const em = orm.em.fork();
  const now = new Date();
  for (const [i, tenant] of tenants.entries()) {
    const organisation = em.create(Organisation, { name: `Bench Org ${i}` });
    em.create(XeroConnection, {
      organisation,
      tenantId: tenant.tenantId,
      tenantName: tenant.name,
      status: XeroConnectionStatus.CONNECTED,
      tokenSet: sealedOf.get(tenant.tenantId)!,
      accessTokenExpiresAt: new Date(expiresAt * 1000),
      importStatus: ImportStatus.DONE,
      pollCursor: now,
      lastSuccessfulPollAt: now,
      lastSupplierSweepAt: now, // no supplier sweep during the run: an idle poll is one call
      nextPollAt: new Date(now.getTime() + 3_600_000), // scheduled once the first instance is up
      connectedAt: now,
    } as never);
  }
  await em.flush();
  const orgs = await em.getConnection().execute<{ id: string; tenant_id: string }[]>('select organisation_id as id, tenant_id from xero_connections');
  const orgOf = new Map(orgs.map((o) => [o.tenant_id, o.id]));
  const seeder = new pg.Client({ connectionString: db.url });
  await seeder.connect();
  for (let i = 0; i < tenants.length; i += 50) {
    const rows = tenants.slice(i, i + 50).flatMap((tn) => tn.contacts.map((c) => [orgOf.get(tn.tenantId)!, c.Name, c.ContactID.toLowerCase()]));
    await seeder.query(
      `insert into suppliers (id, organisation_id, name, xero_contact_id, phones, addresses, contact_persons, status)
       select gen_random_uuid(), o, n, x, '[]', '[]', '[]', 'ACTIVE' from unnest($1::uuid[], $2::text[], $3::uuid[]) as u(o, n, x)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
  }
  await seeder.end();
}
await orm.close(true);
console.log(
  `setup: ${ORGS} organisations × ${CONTACTS} contacts (${ORGS * CONTACTS} suppliers, last changed in Xero ${((Date.now() - CHANGED_AT) / 60_000).toFixed(0)} min ago), consents of 200, in ${((performance.now() - t) / 1000).toFixed(0)} s`,
);

// ---- server instances: the real server as child processes, one database ----
interface Instance {
  name: string;
  child: ChildProcess;
  polls: number;
  exited: boolean;
}
function startInstance(name: string, listenPort: number): Promise<Instance> {
  const url = new URL(db.url);
  url.searchParams.set('application_name', `vouch-${name}`);
  const child = spawn(process.execPath, ['--import', '@oxc-node/core/register', fileURLToPath(new URL('../../packages/server/src/main.ts', import.meta.url))], {
    cwd: fileURLToPath(new URL('../../packages/server', import.meta.url)),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      LOG_LEVEL: 'info',
      JOBS_ENABLED: 'true',
      XERO_POLL_INTERVAL_MINUTES: String(POLL_MINUTES),
      XERO_CLIENT_ID: xeroApp.clientId,
      XERO_CLIENT_SECRET: xeroApp.clientSecret,
      XERO_IDENTITY_URL: emulator.identityUrl,
      XERO_API_URL: emulator.apiUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = { name, child, polls: 0, exited: false };
  let pending = '';
  const state = { running: false };
  const onData = (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"msg":"poll done"')) instance.polls++;
      else if (line.includes('Vouch is running')) state.running = true;
      else if (line.includes('"level":50') || line.includes('"level":60')) console.log(`[${name}] ${line.slice(0, 300)}`);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  child.on('exit', () => (instance.exited = true));
  return (async () => {
    for (let i = 0; i < 1200 && !state.running && !instance.exited; i++) await sleep(100);
    if (!state.running) throw new Error(`instance ${name} did not start`);
    return instance;
  })();
}
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}
function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

const sampler = new pg.Client({ connectionString: db.url });
await sampler.connect();
interface Poll {
  id: string;
  at: number;
  dueAt: number | null;
}
const polls: Poll[] = [];
const last = new Map<string, { lastPollAt: number | null; nextPollAt: number | null }>();
const sampler$ = { on: true };
const sampleLoop = (async () => {
  while (sampler$.on) {
    const rows = await sampler.query<{ id: string; last_poll_at: Date | null; next_poll_at: Date | null }>(
      'select id, last_poll_at, next_poll_at from xero_connections',
    );
    for (const r of rows.rows) {
      const before = last.get(r.id);
      const lastPollAt = r.last_poll_at?.getTime() ?? null;
      if (before && lastPollAt !== null && lastPollAt !== before.lastPollAt) polls.push({ id: r.id, at: lastPollAt, dueAt: before.nextPollAt });
      last.set(r.id, { lastPollAt, nextPollAt: r.next_poll_at?.getTime() ?? null });
    }
    await sleep(500);
  }
})();

async function connections(): Promise<Map<string, number>> {
  const rows = await sampler.query<{ app: string; n: string }>(
    `select application_name as app, count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() group by 1`,
  );
  return new Map(rows.rows.map((r) => [r.app, Number(r.n)]));
}

async function phase(label: string, instances: Instance[], seconds: number): Promise<void> {
  const from = Date.now();
  const fromPolls = polls.length;
  const cpu = new Map(instances.filter((i) => !i.exited).map((i) => [i.name, cpuMs(i.child.pid!)]));
  const ran = new Map(instances.map((i) => [i.name, i.polls]));
  emulator.control.clearRequestLog();
  let peakConnections = new Map<string, number>();
  const until = from + seconds * 1000;
  while (Date.now() < until) {
    await sleep(5_000);
    const now = await connections();
    for (const [k, v] of now) peakConnections.set(k, Math.max(peakConnections.get(k) ?? 0, v));
  }
  const to = Date.now();
  const mine = polls.slice(fromPolls).filter((p) => p.at >= from && p.at < to);
  const lags = mine
    .filter((p) => p.dueAt !== null)
    .map((p) => Math.max(0, p.at - p.dueAt!))
    .sort((a, b) => a - b);
  const byOrg = new Map<string, number[]>();
  for (const p of mine) byOrg.set(p.id, [...(byOrg.get(p.id) ?? []), p.at]);
  const doubles = [...byOrg.values()].reduce(
    (n, ats) =>
      n +
      ats
        .sort((a, b) => a - b)
        .slice(1)
        .filter((at, i) => at - ats[i]! < INTERVAL / 2).length,
    0,
  );
  const cycles = Math.floor((to - from) / INTERVAL);
  const everyCycle = [...last.keys()].filter((id) => (byOrg.get(id)?.length ?? 0) >= cycles).length;
  const calls = emulator.control
    .requestLog()
    .filter((r) => r.path.startsWith('/api.xro/2.0/'))
    .map((r) => r.at)
    .sort((a, b) => a - b);
  let busiest = 0;
  for (let i = 0, j = 0; i < calls.length; i++) {
    while (calls[i]! - calls[j]! >= 60_000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  console.log(
    `\n${label} (${((to - from) / 1000).toFixed(0)} s = ${cycles} poll cycles of ${POLL_MINUTES} min; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  console.log(
    `  polls: ${mine.length}; organisations polled in each of the ${cycles} cycles: ${everyCycle}/${ORGS}; polled twice within half a cycle: ${doubles}`,
  );
  console.log(
    `  lag behind schedule: p50 ${(pct(lags, 50) / 1000).toFixed(2)} s, p99 ${(pct(lags, 99) / 1000).toFixed(2)} s, max ${((lags.at(-1) ?? NaN) / 1000).toFixed(2)} s`,
  );
  console.log(
    `  Xero calls: ${calls.length} (${(calls.length / Math.max(1, mine.length)).toFixed(2)} per poll); busiest minute ${busiest} calls (app limit 10,000/min: ${((busiest / 10_000) * 100).toFixed(1)}%)`,
  );
  for (const i of instances) {
    if (i.exited) {
      console.log(`  ${i.name}: killed`);
      continue;
    }
    const n = i.polls - ran.get(i.name)!;
    const cpuUsed = cpuMs(i.child.pid!) - cpu.get(i.name)!;
    console.log(
      `  ${i.name}: ${n} polls run; CPU ${(cpuUsed / 1000).toFixed(1)} s = ${(cpuUsed / Math.max(1, n)).toFixed(1)} ms per poll; RSS ${rssMb(i.child.pid!).toFixed(0)} MB; ` +
        `database connections ${peakConnections.get(`vouch-${i.name}`) ?? 0} (peak)`,
    );
  }
  peakConnections = new Map();
}

let a: Instance | undefined;
let b: Instance | undefined;
try {
  a = await startInstance('A', port);
  // Spread the first polls over one interval, starting shortly.
  await sampler.query(
    `update xero_connections c set next_poll_at = now() + interval '15 seconds' + (n.k * $1::float8 / $2::float8) * interval '1 millisecond'
                        from (select id, row_number() over (order by id) - 1 as k from xero_connections) n where n.id = c.id`,
    [INTERVAL, ORGS],
  );
  await sleep(15_000);
  const span = (CYCLES * INTERVAL) / 1000 + 5;
  await phase('1. one instance', [a], span);
  b = await startInstance('B', port + 1);
  await phase('2. two instances, one database', [a, b], span);
  a.child.kill('SIGKILL');
  await new Promise((r) => (a!.exited ? r(null) : a!.child.once('exit', r)));
  await phase('3. instance A killed (SIGKILL); B alone', [a, b], span);
  console.log(
    `\nat a ${POLL_MINUTES}-minute interval every organisation is polled ${(10 / POLL_MINUTES).toFixed(0)}× as often as at Xero-friendly 10 minutes: the calls, CPU and lag per poll stay as measured, the rate divides by ${(10 / POLL_MINUTES).toFixed(0)}.`,
  );
} finally {
  sampler$.on = false;
  await sampleLoop.catch(() => undefined);
  await sampler.end();
  for (const i of [a, b]) if (i && !i.exited) i.child.kill('SIGTERM');
  await sleep(2000);
  for (const i of [a, b]) if (i && !i.exited) i.child.kill('SIGKILL');
  await emulator.close();
  await db.dispose();
}
