/**
 * Crash safety of webhook delivery with a real process: the server runs as a child (same database) and is
 * killed with SIGKILL after claiming a delivery but before sending it, and after the receiver got it but before
 * that was recorded; a change is also made while no server runs. Once a server is back, every event is
 * delivered — the one whose answer was lost again, with the same webhook-id (at-least-once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { createApp, type VouchApp } from '../app.js';
import { createTestDatabase, signUpBuyer, testConfig } from '../testing/index.js';
import { startTestReceiver, type TestReceiver } from './test-receiver.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
/** This process's instance on the same database: it serves the API and works no jobs. */
let observer: VouchApp;
let receiver: TestReceiver;
let child: ChildProcess | undefined;
let output = '';

async function startServer(pauseAt: string[] = []): Promise<void> {
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  output = '';
  child = spawn(process.execPath, ['--import', '@oxc-node/core/register', main], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      // Nothing here calls this instance over HTTP: any port the system picks.
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      JOBS_ENABLED: 'true',
      JOBS_HEARTBEAT_SECONDS: '10',
      JOBS_SUPERVISE_SECONDS: '1',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_RETRY_DELAYS_SECONDS: '0.5,0.5,0.5',
      // Configured, so no local Xero emulator starts; no organisation here connects to Xero.
      XERO_CLIENT_ID: 'crash-test',
      XERO_CLIENT_SECRET: 'crash-test',
      XERO_IDENTITY_URL: 'http://127.0.0.1:9',
      ...(pauseAt.length ? { TEST_PAUSE_AT: pauseAt.join(',') } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output.includes('Vouch is running') || child!.exitCode !== null, { timeout: 60_000, interval: 100 }).toBe(true);
  if (child.exitCode !== null) throw new Error(`server exited at start:\n${output}`);
}

async function kill(): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await startTestReceiver();
  observer = await createApp(testConfig({ DATABASE_URL: db.url, JOBS_ENABLED: 'false' }));
}, 60_000);

afterAll(async () => {
  await kill();
  await observer?.close();
  await receiver?.close();
  await db?.dispose();
});

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;
const CREATE_SUPPLIER = 'mutation($n: String!) { createSupplier(input: { name: $n }) { id } }';

describe('a server killed with SIGKILL between a change and its delivery', () => {
  it('delivers every event once a server is back; a lost answer means the same webhook-id again', { timeout: 120_000 }, async () => {
    const buyer = await signUpBuyer(observer.url);
    const endpoint = async (path: string) => {
      const res = await buyer.client.request<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(CREATE_ENDPOINT, {
        input: { url: receiver.url(path), eventTypes: ['SUPPLIER_CREATED'] },
      });
      return { id: res.data!.createWebhookEndpoint.endpoint.id, secret: res.data!.createWebhookEndpoint.secret };
    };
    const before = await endpoint('/before-send');
    const after = await endpoint('/after-send');
    await startServer([`webhooks.before-send@${before.id}`, `webhooks.after-send@${after.id}`]);

    // The change commits (with its event) on the instance that works no jobs; the child claims the deliveries.
    const first = (await buyer.client.request<{ createSupplier: { id: string } }>(CREATE_SUPPLIER, { n: 'Killed Before Send Ltd' })).data!.createSupplier.id;
    await expect
      .poll(() => output.includes(`"pausePoint":"webhooks.before-send@${before.id}"`) && output.includes(`"pausePoint":"webhooks.after-send@${after.id}"`), {
        timeout: 20_000,
        interval: 50,
      })
      .toBe(true);
    await kill();
    expect(receiver.to('/before-send')).toHaveLength(0);
    expect(receiver.to('/after-send')).toHaveLength(1); // received; the process died before recording it

    // A change made while no server works jobs at all.
    const second = (await buyer.client.request<{ createSupplier: { id: string } }>(CREATE_SUPPLIER, { n: 'Made While Down Ltd' })).data!.createSupplier.id;

    await startServer();
    await expect.poll(() => receiver.to('/before-send').length, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => receiver.to('/after-send').length, { timeout: 30_000 }).toBe(3);

    const suppliersOf = (path: string, secret: string) =>
      receiver.to(path).map((r) => ({
        id: r.headers['webhook-id'],
        supplier: (new Webhook(secret).verify(r.body, r.headers) as { data: { supplier: { id: string } } }).data.supplier.id,
      }));
    const toBefore = suppliersOf('/before-send', before.secret);
    expect(toBefore.map((r) => r.supplier).sort()).toEqual([first, second].sort());
    const toAfter = suppliersOf('/after-send', after.secret);
    const firstEvent = toAfter.filter((r) => r.supplier === first);
    expect(firstEvent).toHaveLength(2);
    expect(firstEvent[0]!.id).toBe(firstEvent[1]!.id);
    expect(toAfter.filter((r) => r.supplier === second)).toHaveLength(1);

    // And every delivery is recorded as delivered.
    const conn = observer.orm.em.getConnection();
    await expect
      .poll(async () => (await conn.execute(`select status, count(*)::int as n from webhook_deliveries group by status`)) as unknown, { timeout: 10_000 })
      .toEqual([{ status: 'SUCCEEDED', n: 4 }]);
  });
});
