import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../config/env.js';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

/**
 * Regression (issue 11, item 3): a page on another port of the same host (same site, so the SameSite=Lax
 * cookie went along) opened a graphql-ws connection with the victim's session and ran createApiKey. The
 * Origin of websocket upgrades and of cookie-authenticated HTTP requests is now checked; API keys are not
 * affected. Also: security headers on the SPA and API, and Secure cookies by default in production.
 */
const CREATE_KEY = 'mutation { createApiKey(name: "stolen", scope: READ_WRITE, canReadBankDetails: true) { secret } }';

let app: TestApp;
let webDist: string;
let buyer: Awaited<ReturnType<typeof signUpBuyer>>;
let apiKey: string;
let ownOrigin: string;
const evilOrigin = () => `http://127.0.0.1:${app.port + 1}`;

beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'vouch-web-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Vouch</title><div id="root"></div>');
  app = await startTestApp({ webDist, env: { ALLOWED_ORIGINS: 'https://admin.vouch.example' } });
  ownOrigin = app.url;
  buyer = await signUpBuyer(app.url);
  apiKey = (await buyer.client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "tool", scope: READ) { secret } }')).data!
    .createApiKey.secret;
});
afterAll(async () => {
  await app?.close();
  rmSync(webDist, { recursive: true, force: true });
});

const keyCount = async () => Number((await app.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from api_keys'))[0]!.n);

/** A graphql-ws client whose upgrade request carries the browser's Origin and cookie. */
function browserSocket(headers: Record<string, string>, connectionParams: Record<string, unknown> = {}): Client {
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({ url: `${app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: BrowserLikeSocket, connectionParams, retryAttempts: 0, lazy: true });
}

async function runOnce(client: Client, query: string): Promise<{ data?: unknown; errors?: unknown; closed?: { code: number } }> {
  return await new Promise((resolve) => {
    client.subscribe(
      { query },
      {
        next: (result) => resolve(result as { data?: unknown }),
        error: (err) => resolve({ closed: err as { code: number } }),
        complete: () => {},
      },
    );
  });
}

describe('websocket upgrades', () => {
  it('refuses a cookie-authenticated connection from another origin of the same site, and nothing runs', async () => {
    const before = await keyCount();
    const client = browserSocket({ origin: evilOrigin(), cookie: buyer.client.cookie! });
    const result = await runOnce(client, CREATE_KEY);
    expect(result.closed).toMatchObject({ code: 4403 });
    expect(await keyCount()).toBe(before);
    await client.dispose();
  });

  it('refuses Origin: null (sandboxed frames, files)', async () => {
    const client = browserSocket({ origin: 'null', cookie: buyer.client.cookie! });
    expect((await runOnce(client, 'query { me { id } }')).closed).toMatchObject({ code: 4403 });
    await client.dispose();
  });

  it('accepts the app’s own origin and the configured ones', async () => {
    for (const origin of [ownOrigin, 'https://admin.vouch.example']) {
      const client = browserSocket({ origin, cookie: buyer.client.cookie! });
      expect(await runOnce(client, 'query { me { id } }')).toEqual({ data: { me: { id: buyer.user.id } } });
      await client.dispose();
    }
  });

  it('accepts an API key in the connection params from any origin', async () => {
    const client = browserSocket({ origin: evilOrigin() }, { authorization: `Bearer ${apiKey}` });
    expect(await runOnce(client, 'query { me { id } }')).toEqual({ data: { me: { id: buyer.user.id } } });
    await client.dispose();
  });
});

describe('HTTP', () => {
  it('refuses a cookie-authenticated mutation from another origin with FORBIDDEN, and nothing is created', async () => {
    const before = await keyCount();
    const res = await buyer.client.request(CREATE_KEY, {}, { origin: evilOrigin() });
    expect(res.status).toBe(403);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await keyCount()).toBe(before);
    // Signing in from a foreign page (login CSRF) is refused the same way.
    const signIn = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: evilOrigin() },
      body: JSON.stringify({ query: 'mutation { signIn(input: { email: "a@example.com", password: "whatever password" }) { user { id } } }' }),
    });
    expect(signIn.status).toBe(403);
  });

  it('accepts its own origin, and API keys from anywhere', async () => {
    const own = await buyer.client.request<{ me: { id: string } }>('query { me { id } }', {}, { origin: ownOrigin });
    expect(own.data?.me.id).toBe(buyer.user.id);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: evilOrigin(), authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: 'query { me { id } }' }),
    });
    expect(res.status).toBe(200);
  });
});

describe('security headers', () => {
  it('serves the SPA with a strict Content-Security-Policy, no framing, nosniff and no referrer', async () => {
    const res = await fetch(`${app.url}/suppliers`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(new RegExp(`connect-src 'self'[^;]* ws://127\\.0\\.0\\.1:${app.port}[ ;]`));
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends nosniff, no framing and no referrer on API responses', async () => {
    const res = await buyer.client.request('query { me { id } }');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('cookies', () => {
  it('are Secure by default in production, and can be turned off for plain-HTTP setups', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/vouch',
      TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    };
    expect(loadConfig(production).cookieSecure).toBe(true);
    expect(loadConfig({ ...production, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({}).cookieSecure).toBeUndefined(); // development: follows the request (HTTPS or not)
  });
});
