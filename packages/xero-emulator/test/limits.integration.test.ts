import { afterEach, describe, expect, it } from 'vitest';
import { startXeroEmulator } from '../src/index.js';
import type { XeroEmulator, XeroEmulatorOptions } from '../src/index.js';
import { api, connect, setupWorld, tokenRequest } from './helpers.js';
import type { World } from './helpers.js';

describe('rate limits and faults', () => {
  let emulator: XeroEmulator | undefined;

  const start = async (options: XeroEmulatorOptions = {}): Promise<{ emulator: XeroEmulator; world: World; token: string }> => {
    emulator = await startXeroEmulator({ freezeClock: true, ...options });
    const world = setupWorld(emulator);
    const token = (await connect(emulator)).access_token;
    return { emulator, world, token };
  };

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('sends the limit headers on every API response and 429s the 61st call in a minute', async () => {
    const { emulator: e, world, token } = await start();
    for (let i = 1; i <= 60; i += 1) {
      const result = await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts?page=1&pageSize=1');
      expect(result.status).toBe(200);
      expect(result.headers.get('x-minlimit-remaining')).toBe(String(60 - i));
      expect(result.headers.get('x-daylimit-remaining')).toBe(String(5000 - i));
      expect(result.headers.get('x-applimit-remaining') ?? result.headers.get('x-appminlimit-remaining')).toBe(String(10_000 - i));
    }
    const limited = await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-problem')).toBe('minute');
    expect(limited.headers.get('retry-after')).toBe('60');
    // Another organisation on the same app has its own minute budget.
    expect((await api(e, token, world.tenantB, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    e.control.clock.advance(30_000);
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).headers.get('retry-after')).toBe('30');
    e.control.clock.advance(30_000);
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
  });

  it('enforces the daily and app-wide limits (configurable)', async () => {
    const { emulator: e, world, token } = await start({ limits: { perDay: 3, appPerMinute: 5 } });
    for (let i = 0; i < 3; i += 1) expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    const day = await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts');
    expect(day.status).toBe(429);
    expect(day.headers.get('x-rate-limit-problem')).toBe('day');
    expect(Number(day.headers.get('retry-after'))).toBe(86_400);
    expect((await api(e, token, world.tenantB, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    expect((await api(e, token, world.tenantB, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    const app = await api(e, token, world.tenantB, 'GET', '/api.xro/2.0/Contacts');
    expect(app.status).toBe(429);
    expect(app.headers.get('x-rate-limit-problem')).toBe('appminute');
    e.control.clock.advance(86_400_000);
    const fresh = (await connect(e, { tenantIds: [world.tenantA] })).access_token;
    expect((await api(e, fresh, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
  });

  it('allows 5 concurrent calls per organisation; the 6th is a concurrent 429', async () => {
    const { emulator: e, world, token } = await start();
    e.control.injectFault({ kind: 'hang', tenantId: world.tenantA, times: 5 });
    const controllers = Array.from({ length: 5 }, () => new AbortController());
    const hanging = controllers.map((c) =>
      fetch(`${e.apiUrl}/api.xro/2.0/Contacts`, { headers: { authorization: `Bearer ${token}`, 'xero-tenant-id': world.tenantA }, signal: c.signal }).catch(
        () => undefined,
      ),
    );
    // Hanging calls hold their slot; wait until the emulator has seen all five.
    while (e.control.listFaults().length > 0) await new Promise((resolve) => setImmediate(resolve));
    const sixth = await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts');
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('x-rate-limit-problem')).toBe('concurrent');
    for (const c of controllers) c.abort();
    await Promise.all(hanging);
  });

  it('injects 500, 503, forced 429s N times and token-endpoint invalid_grant', async () => {
    const { emulator: e, world, token } = await start();
    e.control.injectFault({ kind: 'status', status: 503, pathPrefix: '/Contacts' });
    const outage = await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts');
    expect(outage.status).toBe(503);
    expect(outage.text).toContain('offline for maintenance');
    // A fault for one page of a paged read: other pages pass, that page meets it.
    e.control.injectFault({ kind: 'status', status: 503, pathPrefix: '/Contacts', query: { page: '2' } });
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts?page=1')).status).toBe(200);
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts?page=2')).status).toBe(503);
    e.control.injectFault({ kind: 'status', status: 500 });
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(500);
    e.control.injectFault({ kind: 'rate-limit', problem: 'day', retryAfterSeconds: 1234, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const forced = await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts');
      expect(forced.status).toBe(429);
      expect(forced.headers.get('retry-after')).toBe('1234');
      expect(forced.headers.get('x-rate-limit-problem')).toBe('day');
    }
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    e.control.injectFault({ kind: 'invalid-grant' });
    const refresh = await fetch(`${e.identityUrl}/connect/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('test-client:test-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=whatever',
    });
    expect(await refresh.json()).toEqual({ error: 'invalid_grant' });
    expect(e.control.requestLog().some((entry) => entry.status === 503 && entry.headers['xero-tenant-id'] === world.tenantA)).toBe(true);
  });

  it('a latency fault delays `times` calls once each, and `always` keeps answering (regression: one call took every use)', async () => {
    const { emulator: e, world, token } = await start();
    const fault = e.control.injectFault({ kind: 'latency', latencyMs: 5, times: 3 });
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    expect(e.control.listFaults()).toEqual([expect.objectContaining({ id: fault.id, remaining: 2, fired: 1 })]);
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
    expect(e.control.listFaults()).toEqual([]);

    const always = e.control.injectFault({ kind: 'latency', latencyMs: 5, times: 'always' });
    for (let i = 1; i <= 2; i += 1) {
      expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(200);
      expect(e.control.listFaults()).toEqual([expect.objectContaining({ id: always.id, fired: i })]);
    }
    e.control.clearFaults();

    // A delayed call can still meet an answering fault.
    e.control.injectFault({ kind: 'latency', latencyMs: 5 });
    e.control.injectFault({ kind: 'status', status: 503 });
    expect((await api(e, token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(503);
    expect(e.control.listFaults()).toEqual([]);
  });

  it('revoke-grant fault: the next API call and the next refresh find the grant revoked', async () => {
    const { emulator: e, world } = await start();
    const tokens = await connect(e, { tenantIds: [world.tenantA] });
    e.control.injectFault({ kind: 'revoke-grant' });
    const call = await api(e, tokens.access_token, world.tenantA, 'GET', '/api.xro/2.0/Contacts');
    expect(call.status).toBe(401);
    expect(e.control.listConnections()).toHaveLength(0);
    const again = await connect(e, { tenantIds: [world.tenantA] });
    e.control.injectFault({ kind: 'revoke-grant', area: 'token' });
    const refresh = await tokenRequest(e, { grant_type: 'refresh_token', refresh_token: again.refresh_token ?? '' });
    expect(refresh).toEqual({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('exposes the same control operations over HTTP', async () => {
    const { emulator: e, world } = await start();
    const post = async (path: string, body: unknown): Promise<Response> =>
      fetch(`${e.url}/__emulator${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const seeded = (await (await post(`/organisations/${world.tenantB}/contacts/seed`, { contacts: [{ Name: 'Via HTTP' }] })).json()) as Array<{
      ContactID: string;
    }>;
    expect(seeded[0]?.ContactID).toBeTypeOf('string');
    const before = e.control.clock.now();
    expect(((await (await post('/clock/advance', { ms: 1000 })).json()) as { now: number }).now).toBe(before + 1000);
    const fault = (await (await post('/faults', { kind: 'status', status: 500 })).json()) as { id: string };
    expect(e.control.listFaults().map((f) => f.id)).toEqual([fault.id]);
    await fetch(`${e.url}/__emulator/faults`, { method: 'DELETE' });
    expect(e.control.listFaults()).toHaveLength(0);
    const missing = await post('/organisations/nope/contacts/seed', { count: 1 });
    expect(missing.status).toBe(404);
    const log = (await (await fetch(`${e.url}/__emulator/requests`)).json()) as unknown[];
    expect(log.length).toBeGreaterThan(0);
  });

  it('counts an organisation’s contacts over HTTP, and answers a large seed with counts when asked', async () => {
    const { emulator: e, world } = await start();
    const seed = await fetch(`${e.url}/__emulator/organisations/${world.tenantB}/contacts/seed?respond=counts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 500, seed: 7 }),
    });
    const all = e.control.listContacts(world.tenantB);
    const expected = {
      total: all.length,
      suppliers: all.filter((c) => c.IsSupplier).length,
      customerOnly: all.filter((c) => c.IsCustomer && !c.IsSupplier).length,
    };
    expect(expected.customerOnly).toBeGreaterThan(0);
    expect(await seed.json()).toEqual({ seeded: 500, ...expected });
    expect(e.control.countContacts(world.tenantB)).toEqual(expected);
    const counts = await fetch(`${e.url}/__emulator/organisations/${world.tenantB}/contact-counts`);
    expect(await counts.json()).toEqual(expected);
    expect((await fetch(`${e.url}/__emulator/organisations/nope/contact-counts`)).status).toBe(404);
  });

  it('renders an organisation’s contacts ahead of requests over HTTP; its pages answer exactly as without it', async () => {
    const now = Date.UTC(2026, 10, 2, 9, 0, 0);
    const plain = await startXeroEmulator({ freezeClock: true, now });
    try {
      const plainWorld = setupWorld(plain);
      const plainToken = (await connect(plain)).access_token;
      const { emulator: e, world, token } = await start({ now });
      plain.control.seedContacts(plainWorld.tenantB, { count: 50, seed: 7 });
      e.control.seedContacts(world.tenantB, { count: 50, seed: 7 });
      const post = (tenantId: string, input: unknown) =>
        fetch(`${e.url}/__emulator/organisations/${tenantId}/contacts/prerender`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
      const answer = await post(world.tenantB, { order: 'ContactID ASC' });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ rendered: 50 });
      for (const page of [1, 2, 3]) {
        const path = `/api.xro/2.0/Contacts?page=${page}&pageSize=20&order=ContactID%20ASC&includeArchived=true`;
        const [ahead, onRequest] = [await api(e, token, world.tenantB, 'GET', path), await api(plain, plainToken, plainWorld.tenantB, 'GET', path)];
        expect(ahead.status).toBe(200);
        const { Contacts: contacts, Pagination: pagination } = ahead.json as { Contacts: unknown[]; Pagination: unknown };
        expect(contacts.length).toBe(page < 3 ? 20 : 10);
        expect({ contacts, pagination }).toEqual({
          contacts: (onRequest.json as { Contacts: unknown[] }).Contacts,
          pagination: (onRequest.json as { Pagination: unknown }).Pagination,
        });
      }
      expect((await post('nope', {})).status).toBe(404);
      expect((await post(world.tenantB, { order: 'Nonsense DESC' })).status).toBe(400);
    } finally {
      await plain.close();
    }
  });
});
