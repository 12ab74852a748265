import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp, type VouchApp } from '../app.js';
import { TOPICS } from './pubsub.js';
import { signUpBuyer, startTestApp, testConfig, type TestApp } from '../testing/index.js';

let a: TestApp;
let b: VouchApp;

beforeAll(async () => {
  a = await startTestApp();
  // A second instance on the same database: events must cross between them (PostgreSQL LISTEN/NOTIFY).
  b = await createApp(testConfig({ DATABASE_URL: a.databaseUrl }));
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

function wsClient(url: string, connectionParams: Record<string, unknown>) {
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
}

describe('subscriptions across instances, authenticated by API key', () => {
  it('an event published on one instance reaches a key-authenticated subscriber on another, of that organisation only', async () => {
    const buyer = await signUpBuyer(a.url);
    const other = await signUpBuyer(a.url);
    const key = (await buyer.client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "live", scope: READ) { secret } }')).data!
      .createApiKey.secret;
    const otherKey = (await other.client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "live", scope: READ) { secret } }')).data!
      .createApiKey.secret;
    const seen: { mine: unknown[]; theirs: unknown[] } = { mine: [], theirs: [] };
    const clients = { mine: wsClient(b.url, { authorization: `Bearer ${key}` }), theirs: wsClient(b.url, { authorization: `Bearer ${otherKey}` }) };
    for (const who of ['mine', 'theirs'] as const) {
      clients[who].subscribe(
        { query: 'subscription { syncUpdated { supplierIds overview { queueDepth } } }' },
        { next: (m) => seen[who].push(m.data), error: () => {}, complete: () => {} },
      );
    }
    // Published on instance A; the subscribers are connected to instance B.
    await expect
      .poll(
        async () => {
          await a.services.pubsub.publish(TOPICS.SYNC_UPDATED, { organisationId: buyer.user.organisation.id, supplierIds: [] });
          return seen.mine.length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    expect(seen.mine[0]).toEqual({ syncUpdated: { supplierIds: [], overview: { queueDepth: 0 } } });
    expect(seen.theirs).toEqual([]);

    const refused = wsClient(b.url, { authorization: 'Bearer vch_not-a-key' });
    const closed = await new Promise<unknown>((resolve) => {
      refused.subscribe({ query: 'subscription { syncUpdated { supplierIds } }' }, { next: () => {}, error: resolve, complete: () => resolve('completed') });
    });
    expect(closed).toMatchObject({ code: 4403 });
    await Promise.all([clients.mine.dispose(), clients.theirs.dispose(), refused.dispose()]);
  });
});
