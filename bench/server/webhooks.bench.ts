/**
 * Outbound webhooks benchmark (prints figures; not a test).
 *   pnpm --filter @vouch/server bench:webhooks [events=10000] [endpoints=10]
 * `events` supplier.updated events (over 1,000 suppliers, recorded 10 per transaction as fast as the database
 * takes them) fan out to `endpoints` local receivers, each subscribed to them: events × endpoints signed
 * deliveries. Prints deliveries per second (first commit → last delivery) and event→delivery latency
 * (commit → the receiver has the request) p50 / p99. A burst queues: its latency is mostly waiting behind
 * earlier events. So a second run paces `paced` events at `rate` a second (below saturation) for the latency a
 * tool sees in steady use.
 *   pnpm --filter @vouch/server bench:webhooks [events=10000] [endpoints=10] [paced=1000] [rate=20]
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { signUpBuyer, startTestApp } from '../../packages/server/src/testing/index.js';
import { startTestReceiver, Webhook, type Received } from '../../packages/server/src/webhooks/test-receiver.js';
import { recordEvent, WEBHOOK_EVENT_NAMES } from '../../packages/server/src/webhooks/webhook-events.js';

const EVENTS = Number(process.argv[2] ?? 10_000);
const ENDPOINTS = Number(process.argv[3] ?? 10);
const PACED = Number(process.argv[4] ?? 1000);
const RATE = Number(process.argv[5] ?? 20);
const PER_TX = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const committedAt = new Map<string, number>();
const latencies: number[] = [];
const samples: Received[] = [];
let delivered = 0;
let lastDelivery = 0;
const receiver = await startTestReceiver({
  record: false,
  onRequest: (r) => {
    delivered++;
    lastDelivery = Date.now();
    const at = committedAt.get(r.headers['webhook-id']!);
    if (at !== undefined) latencies.push(r.at - at);
    if (delivered % 997 === 0) samples.push(r);
  },
});
const app = await startTestApp({ env: { LOG_LEVEL: 'warn', JOBS_ENABLED: 'true', WEBHOOK_ENDPOINT_CONCURRENCY: String(ENDPOINTS) } });
try {
  const buyer = await signUpBuyer(app.url);
  const orgId = buyer.user.organisation.id;
  const secrets: string[] = [];
  for (let i = 0; i < ENDPOINTS; i++) {
    const res = await buyer.client.request<{ createWebhookEndpoint: { secret: string } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
      { input: { url: receiver.url(`/tool-${i}`), eventTypes: ['SUPPLIER_UPDATED'] } },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    secrets.push(res.data.createWebhookEndpoint.secret);
  }
  const suppliers = Array.from({ length: 1000 }, () => randomUUID());
  const run = async (events: number, rate: number | null) => {
    committedAt.clear();
    latencies.length = 0;
    samples.length = 0;
    delivered = 0;
    const total = events * ENDPOINTS;
    const perTx = rate ? 1 : PER_TX;
    const t0 = Date.now();
    for (let n = 0; n < events; n += perTx) {
      if (rate) {
        const due = t0 + (n * 1000) / rate;
        if (due > Date.now()) await sleep(due - Date.now());
      }
      const ids = await app.services.em(orgId).transactional(async (tx) => {
        const made = [];
        for (let k = n; k < Math.min(events, n + perTx); k++) {
          const supplierId = suppliers[k % suppliers.length]!;
          made.push(
            recordEvent(tx, {
              organisationId: orgId,
              type: WEBHOOK_EVENT_NAMES.SUPPLIER_UPDATED,
              supplierId,
              data: { supplier: { id: supplierId }, changedFields: ['email'], n: k },
            }).id,
          );
        }
        return made;
      });
      const at = Date.now();
      for (const id of ids) committedAt.set(id, at);
    }
    const recorded = Date.now();
    // `delivered` and `lastDelivery` are advanced by the receiver's request handler while this waits.
    for (;;) {
      if (delivered >= total || Date.now() - Math.max(lastDelivery, recorded) >= 30_000) break;
      await sleep(100);
    }
    const elapsed = (lastDelivery - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const verified = samples.filter((r) =>
      secrets.some((s) => {
        try {
          new Webhook(s).verify(r.body, r.headers);
          return true;
        } catch {
          return false;
        }
      }),
    ).length;
    console.log(
      rate
        ? `paced: ${events} events at ${rate}/s × ${ENDPOINTS} endpoints = ${total} deliveries`
        : `burst: ${events} events × ${ENDPOINTS} endpoints = ${total} deliveries, ${cpus().length} cores`,
    );
    console.log(`  recorded ${events} events in ${((recorded - t0) / 1000).toFixed(1)} s (${Math.round(events / ((recorded - t0) / 1000))} events/s)`);
    console.log(`  delivered ${delivered}/${total} in ${elapsed.toFixed(1)} s: ${Math.round(delivered / elapsed)} deliveries/s`);
    console.log(`  event→delivery latency: p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms, max ${latencies.at(-1)} ms`);
    console.log(`  signatures verified on a sample: ${verified}/${samples.length}`);
  };
  await run(EVENTS, null);
  if (PACED > 0) await run(PACED, RATE);
  const [{ failed }] = await app.orm.em
    .getConnection()
    .execute<{ failed: number }[]>(`select count(*)::int as failed from webhook_deliveries where status <> 'SUCCEEDED'`);
  console.log(`deliveries not SUCCEEDED in the database: ${failed}`);
} finally {
  await app.close();
  await receiver.close();
}
