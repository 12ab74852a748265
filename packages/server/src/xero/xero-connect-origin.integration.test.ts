import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { driveConsent } from '@vouch/xero-emulator/testing';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

/**
 * Regression (issue 10, item 5): a buyer browsing http://127.0.0.1:PORT while Vouch's public origin (and so
 * Xero's callback) is http://localhost:PORT started an attempt whose callback arrived without the session
 * cookie (cookies belong to one host) and ended in a bare STATE_INVALID. Now a browser page on another host
 * cannot start an attempt (it is told where to go and what to set), and a callback that lost its session
 * says, in words, where it came back, where the buyer started and where to open Vouch.
 */
const USER = { email: 'owner@origin.example', password: 'xero-password-2' };
const START = 'mutation { startXeroConnection { authorizeUrl } }';

let emulator: XeroEmulator;
let app: TestApp;
let publicOrigin: string;
let otherOrigin: string;

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser({ ...USER, name: 'Olive Origin' });
  emulator.control.createOrganisation({ name: 'Origin Trading', userEmails: [USER.email] });
  app = await startTestApp({ xeroEmulator: emulator, publicHost: 'localhost' });
  publicOrigin = `http://localhost:${app.port}`;
  otherOrigin = `http://127.0.0.1:${app.port}`;
});

afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

async function attempts(organisationId: string): Promise<{ started_origin: string | null; error: string | null }[]> {
  return await app.orm.em
    .getConnection()
    .execute('select started_origin, error from xero_oauth_attempts where organisation_id = ? order by created_at', [organisationId]);
}

describe('Connect to Xero from another address than the public origin', () => {
  it('tells the SPA the callback origin', async () => {
    const buyer = await signUpBuyer(otherOrigin);
    const res = await buyer.client.request<{ xeroCallbackOrigin: string }>('query { xeroCallbackOrigin }');
    expect(res.data?.xeroCallbackOrigin).toBe(publicOrigin);
    const check = await fetch(`${otherOrigin}/xero/origin-check`);
    expect(check.headers.get('access-control-allow-origin')).toBe('*');
    expect(await check.json()).toEqual({ service: 'vouch', callbackOrigin: publicOrigin });
    // The SPA may probe that origin (Content-Security-Policy connect-src).
    const page = await fetch(`${otherOrigin}/integrations`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toMatch(new RegExp(`connect-src [^;]*${publicOrigin.replace(/[.]/g, '\\.')}`));
  });

  it('refuses to start from a page on another host, saying where to open Vouch and what to set; stores nothing', async () => {
    const buyer = await signUpBuyer(otherOrigin);
    const refused = await buyer.client.request(START, {}, { origin: otherOrigin });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'XERO_WRONG_ORIGIN' });
    expect(refused.errors?.[0]?.message).toContain(`Xero sends you back to ${publicOrigin}`);
    expect(refused.errors?.[0]?.message).toContain(`this page is on ${otherOrigin}`);
    expect(refused.errors?.[0]?.message).toContain('PUBLIC_URL');
    expect(await attempts(buyer.user.organisation.id)).toEqual([]);

    // From a page on the public origin it starts, and records where.
    const started = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>(START, {}, { origin: publicOrigin });
    expect(started.errors).toBeUndefined();
    expect(await attempts(buyer.user.organisation.id)).toEqual([{ started_origin: publicOrigin, error: null }]);
  });

  it('a callback that came back to the public origin without the session explains both hosts (not a bare STATE_INVALID)', async () => {
    const buyer = await signUpBuyer(otherOrigin);
    // A client without an Origin header (not a browser page) may start; the address it called is recorded.
    const start = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>(START);
    expect(start.errors).toBeUndefined();
    const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, USER);
    expect(consent.callbackUrl!.startsWith(`${publicOrigin}/xero/callback?`)).toBe(true);

    // The browser sends no cookie to localhost: its Vouch cookie belongs to 127.0.0.1.
    const res = await fetch(consent.callbackUrl!, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const text = (await res.text()).replace(/<[^>]+>/g, '');
    expect(text).toContain(`The Xero sign-in came back to localhost:${app.port}, but you started connecting on 127.0.0.1:${app.port}.`);
    expect(text).toContain(`Open Vouch at ${publicOrigin} and connect to Xero from there`);
    expect(text).toContain(`PUBLIC_URL=${otherOrigin}`);
    const [attempt] = await attempts(buyer.user.organisation.id);
    expect(attempt).toEqual({ started_origin: otherOrigin, error: `callback came to ${publicOrigin} without the session of ${otherOrigin}` });

    // With someone's session on the public origin, the SPA gets a code that says the same.
    const again = await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>(START);
    const second = await driveConsent(again.data!.startXeroConnection.authorizeUrl, USER);
    const other = await signUpBuyer(publicOrigin);
    const redirect = await fetch(second.callbackUrl!, { headers: { cookie: other.client.cookie! }, redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('/integrations?xeroError=WRONG_HOST');
  });
});
