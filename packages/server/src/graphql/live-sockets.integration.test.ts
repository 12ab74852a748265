import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp, type VouchApp } from '../app.js';
import { TOPICS } from './pubsub.js';
import { addColleague, graphqlClient, signUpBuyer, startTestApp, testConfig, type TestApp } from '../testing/index.js';

/**
 * An open websocket stops the moment its credential does, on every instance: a member removed, a role changed,
 * a session signed out, an API key revoked. Before, the socket lived on until the member's next action.
 */
let a: TestApp;
let b: VouchApp;

beforeAll(async () => {
  a = await startTestApp();
  // The sockets are on instance B; the revoking request goes to instance A.
  b = await createApp(testConfig({ DATABASE_URL: a.databaseUrl }));
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }';

/** A subscription held open on instance B, as the SPA holds one; resolves `closed` with the close event. */
function openSubscription(auth: { cookie?: string; apiKey?: string }): {
  client: Client;
  live: Promise<void>;
  closed: Promise<{ code: number }>;
  received: unknown[];
} {
  const headers: Record<string, string> = auth.cookie ? { cookie: auth.cookie, origin: b.url } : {};
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let connected!: () => void;
  let closedWith!: (event: { code: number }) => void;
  const live = new Promise<void>((resolve) => (connected = resolve));
  const closed = new Promise<{ code: number }>((resolve) => (closedWith = resolve));
  const client = createClient({
    url: `${b.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: BrowserLikeSocket,
    connectionParams: auth.apiKey ? { authorization: `Bearer ${auth.apiKey}` } : {},
    retryAttempts: 0,
    on: { connected: () => connected(), closed: (event) => closedWith(event as { code: number }) },
  });
  const received: unknown[] = [];
  client.subscribe({ query: 'subscription { syncUpdated { supplierIds } }' }, { next: (m) => received.push(m.data), error: () => {}, complete: () => {} });
  return { client, live, closed, received };
}

async function member(role: 'APPROVER' | 'VIEWER') {
  const admin = await signUpBuyer(a.url);
  const colleague = await addColleague(a, admin.user.organisation.id, { role, name: `${role} colleague` });
  const client = graphqlClient(a.url);
  expect((await client.request(SIGN_IN, { input: { email: colleague.email, password: colleague.password } })).errors).toBeUndefined();
  const id = (await a.orm.em.getConnection().execute<{ id: string }[]>('select id from users where email = ?', [colleague.email]))[0]!.id;
  return { admin, client, id };
}

describe('open websockets end with their credential', () => {
  it('closes a removed member’s socket at once (4403), and leaves the admin’s own open', async () => {
    const { admin, client, id } = await member('APPROVER');
    const theirs = openSubscription({ cookie: client.cookie! });
    const mine = openSubscription({ cookie: admin.client.cookie! });
    await Promise.all([theirs.live, mine.live]);

    const removed = await admin.client.request('mutation($id: ID!) { removeTeamMember(userId: $id) { sessionsEnded } }', { id });
    expect(removed.errors).toBeUndefined();
    expect(await theirs.closed).toMatchObject({ code: 4403 });
    // The admin's socket still works: an event published after the removal reaches it.
    await expect
      .poll(
        async () => {
          await a.services.pubsub.publish(TOPICS.SYNC_UPDATED, { organisationId: admin.user.organisation.id, supplierIds: [] });
          return mine.received.length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    await Promise.all([theirs.client.dispose(), mine.client.dispose()]);
  });

  it('closes a member’s socket when their role changes, so they reconnect with what they may see now', async () => {
    const { admin, client, id } = await member('APPROVER');
    const theirs = openSubscription({ cookie: client.cookie! });
    await theirs.live;
    const changed = await admin.client.request('mutation($id: ID!) { changeTeamMemberRole(userId: $id, role: VIEWER) { role } }', { id });
    expect(changed.errors).toBeUndefined();
    expect(await theirs.closed).toMatchObject({ code: 4403 });
    await theirs.client.dispose();
  });

  it('closes the socket of a session that signs out', async () => {
    const buyer = await signUpBuyer(a.url);
    const socket = openSubscription({ cookie: buyer.client.cookie! });
    await socket.live;
    expect((await buyer.client.request('mutation { signOut }')).errors).toBeUndefined();
    expect(await socket.closed).toMatchObject({ code: 4403 });
    await socket.client.dispose();
  });

  it('closes the socket of an API key that is revoked', async () => {
    const buyer = await signUpBuyer(a.url);
    const created = await buyer.client.request<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      'mutation { createApiKey(name: "listener", scope: READ) { secret apiKey { id } } }',
    );
    expect(created.errors).toBeUndefined();
    const socket = openSubscription({ apiKey: created.data!.createApiKey.secret });
    await socket.live;
    const revoked = await buyer.client.request('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: created.data!.createApiKey.apiKey.id });
    expect(revoked.errors).toBeUndefined();
    expect(await socket.closed).toMatchObject({ code: 4403 });
    await socket.client.dispose();
  });
});
