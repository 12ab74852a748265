import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Supplier } from './supplier.entity.js';
import { User } from '../accounts/user.entity.js';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

const CREATE = 'mutation Create($input: CreateSupplierInput!) { createSupplier(input: $input) { id name email } }';
const LIST =
  'query List($first: Int, $after: String, $search: String) { suppliers(first: $first, after: $after, search: $search) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }';

type ListResult = {
  suppliers: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('organisation scoping', () => {
  it('one organisation never reads another organisation’s suppliers', async () => {
    const a = await signUpBuyer(app.url);
    const b = await signUpBuyer(app.url);
    const created = await a.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name: 'Only A Ltd', email: 'ap@a.example' } });
    expect(created.errors).toBeUndefined();

    const listA = await a.client.request<ListResult>(LIST);
    expect(listA.data?.suppliers.edges.map((e) => e.node.name)).toEqual(['Only A Ltd']);
    const listB = await b.client.request<ListResult>(LIST);
    expect(listB.data?.suppliers).toMatchObject({ totalCount: 0, edges: [] });
    const searchB = await b.client.request<ListResult>(LIST, { search: 'Only A' });
    expect(searchB.data?.suppliers.totalCount).toBe(0);
  });

  it('the ORM refuses to read organisation-owned rows without naming the organisation', async () => {
    const em = app.services.em();
    await expect(em.find(Supplier, {})).rejects.toThrow(/organisation/);
    await expect(em.find(User, {})).rejects.toThrow(/organisation/);
  });

  it('an organisation-bound EntityManager sees only that organisation', async () => {
    const a = await signUpBuyer(app.url);
    const b = await signUpBuyer(app.url);
    await a.client.request(CREATE, { input: { name: 'A1' } });
    await b.client.request(CREATE, { input: { name: 'B1' } });
    const rows = await app.services.em(a.user.organisation.id).find(Supplier, {});
    expect(rows.map((s) => s.name)).toEqual(['A1']);
    const users = await app.services.em(b.user.organisation.id).find(User, {});
    expect(users.map((u) => u.id)).toEqual([b.user.id]);
  });

  it('requires a session to list suppliers', async () => {
    const res = await (await import('../testing/index.js')).graphqlClient(app.url).request(LIST);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('subscriptions authenticate on connect and see only their organisation', async () => {
    const a = await signUpBuyer(app.url);
    const b = await signUpBuyer(app.url);
    const wsUrl = app.url.replace(/^http/, 'ws') + '/graphql';
    const connect = (cookie: string | undefined) =>
      createClient({
        url: wsUrl,
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: cookie ? { cookie } : {} });
          }
        },
        retryAttempts: 0,
      });
    const seen: { a: string[]; b: string[] } = { a: [], b: [] };
    const clients = { a: connect(a.client.cookie), b: connect(b.client.cookie) };
    const acks: Promise<void>[] = [];
    for (const key of ['a', 'b'] as const) {
      acks.push(new Promise<void>((resolve) => clients[key].on('connected', () => resolve())));
      clients[key].subscribe<{ supplierAdded: { name: string } }>(
        { query: 'subscription { supplierAdded { name } }' },
        { next: (msg) => seen[key].push(msg.data!.supplierAdded.name), error: () => {}, complete: () => {} },
      );
    }
    await Promise.all(acks);
    // Subscription registration is asynchronous after the ack; wait until a probe event arrives.
    await expect
      .poll(
        async () => {
          await a.client.request(CREATE, { input: { name: `probe-${seen.a.length}` } });
          return seen.a.length;
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBeGreaterThan(0);
    await b.client.request(CREATE, { input: { name: 'From B' } });
    await a.client.request(CREATE, { input: { name: 'From A' } });
    await expect.poll(() => seen.a.includes('From A') && seen.b.includes('From B'), { timeout: 10_000 }).toBe(true);
    expect(seen.a).not.toContain('From B');
    expect(seen.b.every((n) => n === 'From B')).toBe(true);

    const anonymous = connect(undefined);
    const refusal = await new Promise<unknown>((resolve) => {
      anonymous.subscribe({ query: 'subscription { supplierAdded { name } }' }, { next: () => {}, error: resolve, complete: () => resolve('completed') });
    });
    expect(refusal).toMatchObject({ code: 4403 });
    await Promise.all([clients.a.dispose(), clients.b.dispose(), anonymous.dispose()]);
  });
});

describe('supplier list', () => {
  it('paginates newest first with stable cursors', async () => {
    const { client } = await signUpBuyer(app.url);
    for (const name of ['S1', 'S2', 'S3', 'S4', 'S5']) await client.request(CREATE, { input: { name } });
    const page1 = await client.request<ListResult>(LIST, { first: 2 });
    expect(page1.data?.suppliers.edges.map((e) => e.node.name)).toEqual(['S5', 'S4']);
    expect(page1.data?.suppliers).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const page2 = await client.request<ListResult>(LIST, { first: 2, after: page1.data!.suppliers.pageInfo.endCursor });
    expect(page2.data?.suppliers.edges.map((e) => e.node.name)).toEqual(['S3', 'S2']);
    const page3 = await client.request<ListResult>(LIST, { first: 2, after: page2.data!.suppliers.pageInfo.endCursor });
    expect(page3.data?.suppliers.edges.map((e) => e.node.name)).toEqual(['S1']);
    expect(page3.data?.suppliers.pageInfo.hasNextPage).toBe(false);
  });

  it('sorts by name with keyset cursors across pages', async () => {
    const { client } = await signUpBuyer(app.url);
    for (const name of ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo']) await client.request(CREATE, { input: { name } });
    const SORTED =
      'query($after: String, $sort: SupplierSort) { suppliers(first: 2, after: $after, sort: $sort) { edges { node { name } } pageInfo { hasNextPage endCursor } } }';
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { suppliers: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } =
        await client.request(SORTED, { after, sort: 'NAME_ASC' });
      names.push(...page.data!.suppliers.edges.map((e) => e.node.name));
      after = page.data!.suppliers.pageInfo.hasNextPage ? page.data!.suppliers.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(['Bravo', 'Charlie', 'Delta', 'Echo', 'alpha']);
    const oldest = await client.request<ListResult>(
      'query { suppliers(first: 1, sort: OLDEST) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(oldest.data!.suppliers.edges[0]!.node.name).toBe('Delta');
  });

  it('refuses a bad cursor and an out-of-range page size', async () => {
    const { client } = await signUpBuyer(app.url);
    expect((await client.request(LIST, { after: 'garbage' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await client.request(LIST, { first: 0 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await client.request(LIST, { first: 10_000 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a blank or oversize supplier and stores nothing', async () => {
    const { client, user } = await signUpBuyer(app.url);
    for (const input of [{ name: '   ' }, { name: 'x'.repeat(256) }, { name: 'Ok', email: 'nope' }]) {
      const res = await client.request(CREATE, { input });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await app.services.em(user.organisation.id).count(Supplier, {})).toBe(0);
  });
});
