/**
 * Contacts performance of the Xero emulator (prints figures; not a test).
 * Run: pnpm --filter @vouch/xero-emulator bench
 *   - one organisation with 100,000 contacts in memory
 *   - 1,000-contact pages over HTTP (cold and warm)
 *   - If-Modified-Since answered from the UpdatedDateUTC index (binary search), not a scan
 */
import { performance } from 'node:perf_hooks';
import { startXeroEmulator } from '../../packages/xero-emulator/src/index.js';
import { driveConsent } from '../../packages/xero-emulator/src/testing/consent.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(1)} ms`;
}

const emulator = await startXeroEmulator({ limits: { perMinute: 1e9, perDay: 1e9, appPerMinute: 1e9 } });
const { control } = emulator;
control.registerApp({ clientId: 'bench', clientSecret: 'bench-secret', redirectUris: ['http://localhost/cb'] });
control.createUser({ email: 'bench@example.com', password: 'pw' });
const { tenantId } = control.createOrganisation({ name: 'Bench Org', userEmails: ['bench@example.com'] });

let t = performance.now();
control.seedContacts(tenantId, { count: CONTACTS, seed: 42 });
console.log(`seed ${CONTACTS.toLocaleString('en')} contacts: ${ms(t)}  (heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB)`);

const authorize = `${emulator.identityUrl}/identity/connect/authorize?${new URLSearchParams({ client_id: 'bench', redirect_uri: 'http://localhost/cb', response_type: 'code', scope: 'openid offline_access accounting.contacts', state: 's' }).toString()}`;
const outcome = await driveConsent(authorize, { email: 'bench@example.com', password: 'pw' });
const code = new URL(outcome.callbackUrl ?? '').searchParams.get('code') ?? '';
const tokenResponse = await fetch(`${emulator.identityUrl}/connect/token`, {
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from('bench:bench-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://localhost/cb' }).toString(),
});
const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

async function get(path: string, headers: Record<string, string> = {}): Promise<{ count: number; bytes: number; took: number }> {
  const start = performance.now();
  const response = await fetch(`${emulator.apiUrl}/api.xro/2.0${path}`, {
    headers: { authorization: `Bearer ${token}`, 'xero-tenant-id': tenantId, accept: 'application/json', ...headers },
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${response.status} ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { Contacts: unknown[] };
  return { count: body.Contacts.length, bytes: text.length, took: performance.now() - start };
}

const cold = await get('/Contacts?page=1&pageSize=1000');
console.log(`GET page 1 (pageSize 1000), cold sort: ${cold.took.toFixed(1)} ms, ${cold.count} contacts, ${(cold.bytes / 1e6).toFixed(2)} MB`);
const warm: number[] = [];
for (let page = 1; page <= 20; page += 1) warm.push((await get(`/Contacts?page=${page}&pageSize=1000&includeArchived=true`)).took);
warm.sort((a, b) => a - b);
console.log(`GET pages 1-20 (pageSize 1000), warm: median ${(warm[10] ?? 0).toFixed(1)} ms, max ${(warm.at(-1) ?? 0).toFixed(1)} ms`);
const deep = await get('/Contacts?page=90&pageSize=1000&includeArchived=true');
console.log(`GET page 90 (pageSize 1000): ${deep.took.toFixed(1)} ms, ${deep.count} contacts`);

control.clock.advance(60_000);
const since = new Date(control.clock.now()).toISOString();
control.clock.advance(1000);
const all = control.listContacts(tenantId).filter((c) => c.ContactStatus === 'ACTIVE');
t = performance.now();
for (let i = 0; i < 100; i += 1) {
  const c = all[i * 50];
  if (c) control.editContact(tenantId, c.ContactID, { EmailAddress: `edited${i}@bench.test` });
}
console.log(`edit 100 contacts (index maintenance): ${ms(t)}`);
const imsRuns: number[] = [];
let imsCount = 0;
for (let i = 0; i < 20; i += 1) {
  const r = await get('/Contacts?page=1&pageSize=1000', { 'If-Modified-Since': since });
  imsRuns.push(r.took);
  imsCount = r.count;
}
imsRuns.sort((a, b) => a - b);
console.log(`GET If-Modified-Since (100 changed of ${CONTACTS.toLocaleString('en')}): median ${(imsRuns[10] ?? 0).toFixed(2)} ms, ${imsCount} contacts`);
const filterRuns: number[] = [];
for (let i = 0; i < 5; i += 1) filterRuns.push((await get(`/Contacts?page=1&pageSize=1000&where=${encodeURIComponent('IsSupplier==true')}`)).took);
filterRuns.sort((a, b) => a - b);
console.log(`GET where IsSupplier==true (full scan, for comparison): median ${(filterRuns[2] ?? 0).toFixed(1)} ms`);
await emulator.close();
