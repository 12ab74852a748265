import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { TOPICS } from './pubsub.js';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

/**
 * Regression (issue 11, item 8): after a database outage /readyz recovered but the LISTEN connection did not,
 * so subscriptions silently stopped. The outage here: the app's database refuses new connections and the
 * LISTEN backend is terminated, so reconnecting fails for a while, then the database comes back.
 */
let app: TestApp;
let admin: pg.Client;
let databaseName: string;

beforeAll(async () => {
  app = await startTestApp();
  databaseName = new URL(app.databaseUrl).pathname.slice(1);
  admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
});
afterAll(async () => {
  await admin?.query(`alter database "${databaseName}" with allow_connections true`).catch(() => {});
  await admin?.end();
  await app?.close();
});

const readyz = async () => {
  const res = await fetch(`${app.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; events?: string } };
};

it('re-listens after the database comes back: /readyz reports the listener, and subscribers get events again', async () => {
  const buyer = await signUpBuyer(app.url);
  const key = (await buyer.client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "live", scope: READ) { secret } }')).data!
    .createApiKey.secret;
  const client = createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
  });
  const seen: string[][] = [];
  client.subscribe<{ syncUpdated: { supplierIds: string[] } }>(
    { query: 'subscription { syncUpdated { supplierIds } }' },
    { next: (m) => seen.push(m.data?.syncUpdated.supplierIds ?? []), error: () => {}, complete: () => {} },
  );
  const publishUntilSeen = async (marker: string) =>
    await expect
      .poll(
        async () => {
          await app.services.pubsub.publish(TOPICS.SYNC_UPDATED, { organisationId: buyer.user.organisation.id, supplierIds: [marker] });
          return seen.some((ids) => ids[0] === marker);
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBe(true);
  await publishUntilSeen(randomUUID());
  expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', events: 'listening' } });

  // Outage: no new connections, and the LISTEN connection is cut.
  await admin.query(`alter database "${databaseName}" with allow_connections false`);
  const { rowCount } = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query ilike 'LISTEN%'`, [databaseName]);
  expect(rowCount).toBe(1);
  await expect.poll(async () => (await readyz()).body.events, { timeout: 10_000, interval: 100 }).toBe('reconnecting');
  expect((await readyz()).status).toBe(503);
  // Let a few reconnect attempts fail while the database is away (the old code gave up after the first).
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  await admin.query(`alter database "${databaseName}" with allow_connections true`);
  await expect.poll(async () => await readyz(), { timeout: 20_000, interval: 200 }).toEqual({ status: 200, body: { status: 'ready', events: 'listening' } });
  await publishUntilSeen(randomUUID());
  await client.dispose();
});
