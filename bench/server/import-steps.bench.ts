/**
 * The import's cost per page, step by step (prints figures; not a test).
 *   node --import @oxc-node/core/register bench/server/import-steps.bench.ts [pages=10]
 * One page of 1,000 contacts at a time, nothing else running, so each step's time is its own:
 *   emulator  the in-process emulator answering the page (plain fetch, body read as text): Xero's cost, not Vouch's
 *   gateway   the same page through the gateway: limiter, xero-node (axios, JSON.parse, its model mapping) and the
 *             emulator again; "gateway − emulator" is Vouch's side of a fetch
 *   map       mapXeroContact over the page
 *   store     ContactIngestService.ingest of the page into an organisation that has none of them (the import)
 *   again     the same page stored again (every contact known: the idempotent re-run after a crash)
 * Wall ms per page and the Node process's CPU ms (PostgreSQL runs in its own process).
 */
import { loadavg } from 'node:os';
import { startXeroEmulator } from '../../packages/xero-emulator/src/index.js';
import { driveConsent } from '../../packages/xero-emulator/src/testing/index.js';
import { signUpBuyer, startTestApp } from '../../packages/server/src/testing/index.js';
import { XeroConnection } from '../../packages/server/src/xero/xero-connection.entity.js';
import { ContactIngestService } from '../../packages/server/src/sync/contact-ingest.service.js';
import { mapXeroContact, type MappedContact } from '../../packages/server/src/xero/map-xero-contact.js';
import type { XeroContact } from '../../packages/server/src/xero/xero.gateway.js';

const PAGES = Number(process.argv[2] ?? 10);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const emulator = await startXeroEmulator({ seed: 'none', limits: { concurrent: 50, perMinute: 100_000, perDay: 1_000_000 } });
const app = await startTestApp({
  xeroEmulator: emulator,
  env: { LOG_LEVEL: 'warn', XERO_MINUTE_LIMIT: '100000', XERO_DAILY_LIMIT: '1000000', XERO_CONCURRENT_LIMIT: '50' },
});

type Step = 'emulator' | 'gateway' | 'map' | 'store' | 'again';
const totals: Record<Step, { wall: number; cpu: number }> = {
  emulator: { wall: 0, cpu: 0 },
  gateway: { wall: 0, cpu: 0 },
  map: { wall: 0, cpu: 0 },
  store: { wall: 0, cpu: 0 },
  again: { wall: 0, cpu: 0 },
};
async function timed<T>(step: Step | null, fn: () => Promise<T> | T): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await fn();
  if (step) {
    totals[step].wall += performance.now() - t;
    const used = process.cpuUsage(cpu);
    totals[step].cpu += (used.user + used.system) / 1000;
  }
  return result;
}

try {
  const user = { email: 'steps@xero.example', password: 'bench-password' };
  emulator.control.createUser(user);
  const tenantId = emulator.control.createOrganisation({ name: 'Steps Books', userEmails: [user.email] }).tenantId;
  // Connected with no contacts (its import is done at once); the contacts come after, for the steps below.
  const buyer = await signUpBuyer(app.url);
  const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }');
  const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, user);
  const callback = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(callback.headers.get('location')!, app.url).searchParams.get('xeroAttempt')!;
  await buyer.client.request('mutation C($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', { a: attemptId, t: tenantId });
  const orgId = buyer.user.organisation.id;
  let connection: XeroConnection;
  for (;;) {
    connection = await app.services.em(orgId).findOneOrFail(XeroConnection, {});
    if (connection.importStatus === 'DONE') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  emulator.control.seedContacts(tenantId, { count: (PAGES + 1) * 1000, seed: 42 });
  // The pages are stored into a second organisation, one with no suppliers yet, as an import would.
  const target = (await signUpBuyer(app.url)).user.organisation.id;
  const ingest = new ContactIngestService(app.services.pubsub);
  const { xeroGateway: gateway, xeroTokens: tokens } = app.services;

  console.log(`import steps: ${PAGES} pages of 1,000 contacts (+1 warm-up), one at a time; load average ${load()}`);
  for (let page = 1; page <= PAGES + 1; page++) {
    const warm = page === 1;
    await timed(warm ? null : 'emulator', () =>
      tokens.withAccess(connection.id, async (t) => {
        const url = `${app.services.config.xero.apiUrl}/api.xro/2.0/Contacts?page=${page}&pageSize=1000&order=ContactID%20ASC&includeArchived=true`;
        const res = await fetch(url, { headers: { authorization: `Bearer ${t.access_token}`, 'xero-tenant-id': tenantId, accept: 'application/json' } });
        if (!res.ok) throw new Error(`emulator answered ${res.status}`);
        return await res.text();
      }),
    );
    const body: XeroContact[] = await timed(
      warm ? null : 'gateway',
      async () => (await tokens.withAccess(connection.id, (t) => gateway.getContactsPage(t, tenantId, { page, pageSize: 1000, includeArchived: true }))).body,
    );
    const contacts: MappedContact[] = await timed(warm ? null : 'map', () => body.map(mapXeroContact));
    const em = () => app.services.em(target);
    const stored = await timed(warm ? null : 'store', () => ingest.ingest(em(), target, contacts, { announce: false }));
    const again = await timed(warm ? null : 'again', () => ingest.ingest(em(), target, contacts, { announce: false }));
    if (again.created || again.known !== stored.created + stored.archived) throw new Error('the second run of a page must create nothing');
  }
  const row = (label: string, s: { wall: number; cpu: number }) =>
    console.log(`  ${label.padEnd(24)} ${(s.wall / PAGES).toFixed(1).padStart(7)} ms wall  ${(s.cpu / PAGES).toFixed(1).padStart(7)} ms CPU (Node)`);
  console.log('per page of 1,000 contacts:');
  row('emulator (Xero double)', totals.emulator);
  row('gateway (incl. emulator)', totals.gateway);
  row('gateway − emulator', { wall: totals.gateway.wall - totals.emulator.wall, cpu: totals.gateway.cpu - totals.emulator.cpu });
  row('map', totals.map);
  row('store (new suppliers)', totals.store);
  row('store again (all known)', totals.again);
  const vouch = totals.gateway.wall - totals.emulator.wall + totals.map.wall + totals.store.wall;
  console.log(`Vouch's own work per page (fetch side + map + store): ${(vouch / PAGES).toFixed(1)} ms wall; load average after ${load()}`);
} finally {
  await app.close();
  await emulator.close();
}
