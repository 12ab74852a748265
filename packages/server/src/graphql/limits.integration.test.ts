import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphqlClient, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

/**
 * Regression (issue 11, item 6): the cost limit priced only literal `first:` arguments and nested lists at 1,
 * and graphql-ws operations skipped the validation rules (depth, aliases, cost) and the per-key rate limit.
 * The same limits now hold on HTTP and on the websocket, and PostgreSQL cancels any statement that runs long.
 */
const KEY_BUDGET = 6;
let app: TestApp;
let buyer: Awaited<ReturnType<typeof signUpBuyer>>;

beforeAll(async () => {
  app = await startTestApp({ env: { API_KEY_REQUESTS_PER_MINUTE: String(KEY_BUDGET), DB_STATEMENT_TIMEOUT_MS: '2000' } });
  buyer = await signUpBuyer(app.url);
  for (const name of ['Alpha', 'Beta', 'Gamma']) {
    await buyer.client.request('mutation Add($name: String!) { createSupplier(input: { name: $name }) { id } }', { name });
  }
});
afterAll(async () => {
  await app?.close();
});

let keysMade = 0;
async function newKey(): Promise<string> {
  // Names are unique among an organisation's live keys.
  const res = await buyer.client.request<{ createApiKey: { secret: string } }>(
    'mutation($name: String!) { createApiKey(name: $name, scope: READ) { secret } }',
    { name: `tool ${++keysMade}` },
  );
  return res.data!.createApiKey.secret;
}

function socket(connectionParams: Record<string, unknown>, headers: Record<string, string> = {}): Client {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({ url: `${app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WithHeaders, connectionParams, retryAttempts: 0, lazy: true });
}

type Outcome = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
async function overSocket(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
  return await new Promise((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (result) => resolve(result as Outcome),
        error: (err) => resolve({ errors: Array.isArray(err) ? (err as Outcome['errors']) : [{ message: String(err) }] }),
        complete: () => {},
      },
    );
  });
}

const nested = (n: number): string => (n === 0 ? '__typename' : `__schema { types { fields { type { ofType { ${nested(n - 1)} } } } } }`);
const TOO_DEEP = `query { ${nested(3)} }`;
const TOO_MANY_ALIASES = `query { ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
/** 200 suppliers × (their change requests × fields) + 200 × 50 audit events: far over the limit. */
const NESTED_BOMB = `query Bomb($n: Int!) { suppliers(first: $n) { edges { node { id
  changeRequests { id changes { field } }
  auditEvents(first: 50) { edges { node { id summary } } } } } } }`;
const VARIABLE_PAGE = 'query Page($n: Int!) { suppliers(first: $n) { edges { node { id changeRequests { id changes { field } approvals { userId } } } } } }';

describe('the same validation and cost limits on HTTP and websocket', () => {
  it.each([
    ['depth over 10', TOO_DEEP, {}],
    ['more than 15 aliases', TOO_MANY_ALIASES, {}],
    ['lists nested in list items, sized by a variable', NESTED_BOMB, { n: 200 }],
    ['a page size from a variable (first: $n, n = 200)', VARIABLE_PAGE, { n: 200 }],
  ])('refuses %s before running it', async (_label, query, variables) => {
    const http = await buyer.client.request(query, variables);
    expect(http.errors?.[0]?.extensions?.code, JSON.stringify(http.errors)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(http.data ?? null).toBeNull();

    const ws = socket({}, { cookie: buyer.client.cookie! });
    const over = await overSocket(ws, query, variables);
    expect(over.errors?.[0]?.extensions?.code, JSON.stringify(over.errors)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(over.data ?? null).toBeNull();
    await ws.dispose();
  });

  it('still answers the same query with a modest page size, on both transports', async () => {
    const http = await buyer.client.request<{ suppliers: { edges: unknown[] } }>(VARIABLE_PAGE, { n: 3 });
    expect(http.errors).toBeUndefined();
    expect(http.data?.suppliers.edges).toHaveLength(3);
    const ws = socket({}, { cookie: buyer.client.cookie! });
    const over = await overSocket(ws, VARIABLE_PAGE, { n: 3 });
    expect(over.errors).toBeUndefined();
    await ws.dispose();
  });

  it('caps page sizes inside lists', async () => {
    const res = await buyer.client.request('query { suppliers(first: 2) { edges { node { auditEvents(first: 200) { edges { node { id } } } } } } }');
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(res.errors?.[0]?.message).toMatch(/at most 50 inside a list/);
  });

  it('answers a malformed websocket operation with a parse error, not an internal one', async () => {
    const ws = socket({}, { cookie: buyer.client.cookie! });
    const over = await overSocket(ws, 'query { me { ');
    expect(over.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    await ws.dispose();
  });

  it('checks input text on the websocket too (a NUL is BAD_USER_INPUT)', async () => {
    const ws = socket({}, { cookie: buyer.client.cookie! });
    const over = await overSocket(ws, 'query($s: String) { suppliers(search: $s) { totalCount } }', { s: 'a\u0000' });
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await ws.dispose();
  });
});

describe('one per-key budget across transports', () => {
  it('refuses websocket operations once HTTP has said 429', async () => {
    const key = await newKey();
    const api = graphqlClient(app.url, { headers: { authorization: `Bearer ${key}` } });
    let status = 200;
    for (let i = 0; i < KEY_BUDGET + 1 && status !== 429; i++) status = (await api.request('query { me { id } }')).status;
    expect(status).toBe(429);

    const ws = socket({ authorization: `Bearer ${key}` });
    for (let i = 0; i < 3; i++) {
      const over = await overSocket(ws, 'query { me { id } }');
      expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(over.data ?? null).toBeNull();
    }
    await ws.dispose();
  });

  it('counts websocket operations, so HTTP is refused after the budget was spent over the socket', async () => {
    const key = await newKey();
    const ws = socket({ authorization: `Bearer ${key}` });
    const codes: unknown[] = [];
    for (let i = 0; i < KEY_BUDGET + 1; i++) codes.push((await overSocket(ws, 'query { me { id } }')).errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.slice(0, KEY_BUDGET).every((c) => c === 'OK')).toBe(true);
    expect(codes[KEY_BUDGET]).toBe('RATE_LIMITED');
    await ws.dispose();
    const http = await graphqlClient(app.url, { headers: { authorization: `Bearer ${key}` } }).request('query { me { id } }');
    expect(http.status).toBe(429);
  });
});

describe('statement timeout', () => {
  it('PostgreSQL cancels a statement of the app that runs past DB_STATEMENT_TIMEOUT_MS', async () => {
    const conn = app.orm.em.getConnection();
    const [row] = await conn.execute<{ statement_timeout: string }[]>('show statement_timeout');
    expect(row!.statement_timeout).toBe('2s');
    await expect(conn.execute('select pg_sleep(5)')).rejects.toThrow(/statement timeout/);
  });
});
