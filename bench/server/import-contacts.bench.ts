/**
 * Inbound sync benchmark (prints figures; not a test).
 *   node --import @oxc-node/core/register bench/server/import-contacts.bench.ts [contacts=100000]
 * Imports N contacts from the Xero emulator through the real server (xero-node, pg-boss jobs, embedded
 * PostgreSQL) with Xero's real per-tenant limits on (60/min, 5 concurrent, 5,000/day), then polls the
 * unchanged tenant once. Reports API calls against the minimum ceil(N/1000), wall time against the
 * rate-limit floor, and rows per second into PostgreSQL.
 */
import { startXeroEmulator } from '../../packages/xero-emulator/src/index.js';
import { driveConsent } from '../../packages/xero-emulator/src/testing/index.js';
import { signUpBuyer, startTestApp } from '../../packages/server/src/testing/index.js';
import { XeroConnection } from '../../packages/server/src/xero/xero-connection.entity.js';
import { Supplier } from '../../packages/server/src/suppliers/supplier.entity.js';

const N = Number(process.argv[2] ?? 100_000);
const USER = { email: 'bench@xero.example', password: 'bench-password' };

const emulator = await startXeroEmulator({ seed: 'none', limits: { concurrent: 5, perMinute: 60, perDay: 5000 } });
emulator.control.createUser(USER);
const tenantId = emulator.control.createOrganisation({ name: 'Bench Books Ltd', userEmails: [USER.email] }).tenantId;
let t = performance.now();
emulator.control.seedContacts(tenantId, { count: N, seed: 42 });
const expected = emulator.control.listContacts(tenantId).filter((c) => !(c.IsCustomer && !c.IsSupplier)).length;
console.log(`seeded ${N} contacts in ${((performance.now() - t) / 1000).toFixed(1)} s (${expected} are not customer-only)`);

const app = await startTestApp({ xeroEmulator: emulator, env: { LOG_LEVEL: 'warn' } });
try {
  const buyer = await signUpBuyer(app.url);
  const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }');
  const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, USER);
  const callback = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(callback.headers.get('location')!, app.url).searchParams.get('xeroAttempt')!;
  emulator.control.clearRequestLog();
  t = performance.now();
  const confirmed = await buyer.client.request(
    'mutation C($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }',
    { a: attemptId, t: tenantId },
  );
  if (confirmed.errors) throw new Error(JSON.stringify(confirmed.errors));
  const em = () => app.services.em(buyer.user.organisation.id);
  let connection: XeroConnection;
  for (;;) {
    connection = await em().findOneOrFail(XeroConnection, {});
    if (connection.importStatus === 'DONE' || connection.importStatus === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - t) / 1000;
  const calls = emulator.control.requestLog().filter((r) => r.path.startsWith('/api.xro/2.0/Contacts'));
  const rows = await em().count(Supplier, {});
  const minimum = Math.ceil(N / 1000);
  // Sliding 60/min: the first 60 calls go at once, every further 60 need another minute.
  const floor = Math.max(0, Math.ceil(minimum / 60) - 1) * 60;
  console.log(`import ${connection.importStatus}: ${rows} suppliers (expected ${expected})`);
  console.log(`API calls: ${calls.length} (minimum ceil(N/1000) = ${minimum}; ${calls.filter((c) => c.status === 429).length} answered 429)`);
  console.log(`wall time: ${seconds.toFixed(1)} s (rate-limit floor ≈ ${floor} s)`);
  console.log(`rows into PostgreSQL: ${(rows / seconds).toFixed(0)} suppliers/s overall`);

  emulator.control.clearRequestLog();
  const before = connection.lastSuccessfulPollAt?.getTime();
  await app.services.xeroSync.pollNow(connection.id);
  for (;;) {
    const now = await em().findOneOrFail(XeroConnection, {});
    if (now.lastSuccessfulPollAt?.getTime() !== before) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const pollCalls = emulator.control.requestLog().filter((r) => r.path.startsWith('/api.xro/2.0/'));
  console.log(`poll of the unchanged tenant: ${pollCalls.length} API call(s)`);
} finally {
  await app.close();
  await emulator.close();
}
