import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator } from '../src/index.js';
import type { XeroEmulator } from '../src/index.js';
import { driveConsent } from '../src/testing/consent.js';
import { ALL_SCOPES, APP, USER, api, authorizeUrl, basic, connect, expectSchema, setupWorld, tokenRequest } from './helpers.js';
import type { World } from './helpers.js';

function decode(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h = '', p = ''] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>,
  };
}

describe('identity', () => {
  let emulator: XeroEmulator;
  let world: World;

  beforeAll(async () => {
    emulator = await startXeroEmulator();
    world = setupWorld(emulator);
    emulator.control.registerApp({
      clientId: 'custom-client',
      clientSecret: 'custom-secret',
      redirectUris: [],
      customConnection: { tenantId: world.tenantA, scopes: ['accounting.contacts'] },
    });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('serves discovery and a JWKS with the signing key', async () => {
    const discovery = (await (await fetch(`${emulator.identityUrl}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(emulator.identityUrl);
    expect(discovery.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(discovery.authorization_response_iss_parameter_supported).toBeUndefined();
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
  });

  it('refuses an unknown client and a redirect_uri that is not an exact match, without redirecting', async () => {
    const unknown = await fetch(authorizeUrl(emulator, ALL_SCOPES, 's', 'nobody'), { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    const mismatch = await fetch(authorizeUrl(emulator, ALL_SCOPES, 's', APP.clientId, 'http://localhost:5999/callback/'), { redirect: 'manual' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.headers.get('location')).toBeNull();
    const badScope = await fetch(authorizeUrl(emulator, ['openid', 'accounting.everything']), { redirect: 'manual' });
    expect(badScope.status).toBe(400);
  });

  it('rejects a wrong password on the login page and echoes state byte for byte', async () => {
    const wrong = await driveConsent(authorizeUrl(emulator, ALL_SCOPES), { email: USER.email, password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('incorrect');
    const rawState = 'a%2Bb%20c~d';
    const url = `${authorizeUrl(emulator, ALL_SCOPES, 'x')}`.replace('state=x', `state=${rawState}`);
    const outcome = await driveConsent(url, { ...USER, tenantIds: [world.tenantB] });
    expect(outcome.callbackUrl).toContain(`&state=${rawState}&`);
  });

  it('denying consent redirects with access_denied', async () => {
    const outcome = await driveConsent(authorizeUrl(emulator, ALL_SCOPES, 'deny-state'), { ...USER, deny: true });
    const url = new URL(outcome.callbackUrl ?? 'http://x/');
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('state')).toBe('deny-state');
  });

  it('issues RS256 tokens with Xero claims; codes are single-use and bound to redirect_uri', async () => {
    const outcome = await driveConsent(authorizeUrl(emulator, ALL_SCOPES), { ...USER, tenantIds: [world.tenantA] });
    const code = new URL(outcome.callbackUrl ?? '').searchParams.get('code') ?? '';
    const wrongRedirect = await tokenRequest(emulator, { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:5999/other' });
    expect(wrongRedirect).toEqual({ status: 400, json: { error: 'invalid_grant' } });

    const outcome2 = await driveConsent(authorizeUrl(emulator, ALL_SCOPES), { ...USER, tenantIds: [world.tenantA] });
    const code2 = new URL(outcome2.callbackUrl ?? '').searchParams.get('code') ?? '';
    const first = await tokenRequest(emulator, { grant_type: 'authorization_code', code: code2, redirect_uri: APP.redirectUris[0] ?? '' });
    expect(first.status).toBe(200);
    expect(Object.keys(first.json)).toEqual(['id_token', 'access_token', 'expires_in', 'token_type', 'refresh_token', 'scope']);
    expectSchema('AccessToken', first.json, false);
    const idToken = decode(String(first.json.id_token));
    expect(idToken.header.alg).toBe('RS256');
    expect(idToken.payload).toMatchObject({ iss: emulator.identityUrl, aud: APP.clientId, email: USER.email, idp: 'xero' });
    expect(idToken.payload.at_hash).toBeTypeOf('string');
    expect(idToken.payload.nonce).toBeUndefined();
    const access = decode(String(first.json.access_token));
    expect(access.payload).toMatchObject({ client_id: APP.clientId, aud: `${emulator.identityUrl}/resources`, scope: ALL_SCOPES });
    const reused = await tokenRequest(emulator, { grant_type: 'authorization_code', code: code2, redirect_uri: APP.redirectUris[0] ?? '' });
    expect(reused).toEqual({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('expires codes after 5 minutes', async () => {
    const outcome = await driveConsent(authorizeUrl(emulator, ALL_SCOPES), { ...USER, tenantIds: [world.tenantA] });
    const code = new URL(outcome.callbackUrl ?? '').searchParams.get('code') ?? '';
    emulator.control.clock.advance(5 * 60_000 + 1);
    const late = await tokenRequest(emulator, { grant_type: 'authorization_code', code, redirect_uri: APP.redirectUris[0] ?? '' });
    expect(late.json).toEqual({ error: 'invalid_grant' });
  });

  it('accepts client_secret_post and refuses a bad secret with invalid_client', async () => {
    const tokens = await connect(emulator, { tenantIds: [world.tenantA] });
    const post = await tokenRequest(
      emulator,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: APP.clientId, client_secret: APP.clientSecret },
      null,
    );
    expect(post.status).toBe(200);
    const bad = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: String(post.json.refresh_token) }, basic(APP.clientId, 'wrong'));
    expect(bad).toEqual({ status: 400, json: { error: 'invalid_client' } });
  });

  it('expires refresh tokens unused for 60 days', async () => {
    const tokens = await connect(emulator, { tenantIds: [world.tenantA] });
    emulator.control.clock.advance(60 * 86_400_000 + 1000);
    const result = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(result).toEqual({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('recovers from a refresh whose response was lost, using the old token inside the grace window', async () => {
    const tokens = await connect(emulator, { tenantIds: [world.tenantA] });
    emulator.control.injectFault({ kind: 'refresh-response-lost' });
    const lost = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }).then(
      () => 'answered',
      () => 'lost',
    );
    expect(lost).toBe('lost');
    emulator.control.clock.advance(10 * 60_000);
    const retry = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(retry.status).toBe(200);
    const again = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: String(retry.json.refresh_token) });
    expect(again.status).toBe(200);
  });

  it('issues client_credentials tokens for custom connections only', async () => {
    const ok = await tokenRequest(emulator, { grant_type: 'client_credentials', scopes: 'accounting.contacts' }, basic('custom-client', 'custom-secret'));
    expect(ok.status).toBe(200);
    expect(ok.json.refresh_token).toBeUndefined();
    const contacts = await api(emulator, String(ok.json.access_token), world.tenantA, 'GET', '/api.xro/2.0/Contacts?page=1');
    expect(contacts.status).toBe(200);
    const refused = await tokenRequest(emulator, { grant_type: 'client_credentials' });
    expect(refused).toEqual({ status: 400, json: { error: 'unauthorized_client' } });
  });

  it('answers 403 AuthenticationUnsuccessful for a tenant not on the grant, and the missing-scope refusal', async () => {
    // A second user: scopes are additive across one user's consents, so a fresh user shows the narrow grant.
    emulator.control.createUser({ email: 'reader@example.com', password: 'pw' });
    emulator.control.addUserToOrganisation(world.tenantA, 'reader@example.com');
    emulator.control.addUserToOrganisation(world.tenantB, 'reader@example.com');
    const consent = await driveConsent(authorizeUrl(emulator, ['openid', 'offline_access', 'accounting.contacts.read']), {
      email: 'reader@example.com',
      password: 'pw',
      tenantIds: [world.tenantA],
    });
    const code = new URL(consent.callbackUrl ?? '').searchParams.get('code') ?? '';
    const exchanged = await tokenRequest(emulator, { grant_type: 'authorization_code', code, redirect_uri: APP.redirectUris[0] ?? '' });
    const tokens = { access_token: String(exchanged.json.access_token) };
    const other = await api(emulator, tokens.access_token, world.tenantB, 'GET', '/api.xro/2.0/Contacts');
    expect(other.status).toBe(403);
    expect(other.json).toMatchObject({ Title: 'Forbidden', Status: 403, Detail: 'AuthenticationUnsuccessful' });
    const connections = (await api(emulator, tokens.access_token, undefined, 'GET', '/connections')).json as Array<{ id: string; tenantId: string }>;
    const byConnectionId = await api(emulator, tokens.access_token, connections[0]?.id, 'GET', '/api.xro/2.0/Contacts');
    expect(byConnectionId.status).toBe(403);
    const write = await api(emulator, tokens.access_token, world.tenantA, 'PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'No Scope' }] });
    expect(write.status).toBe(401);
    expect(write.headers.get('www-authenticate')).toBe('insufficient_scope');
    expect(write.json).toMatchObject({ Detail: 'AuthorizationUnsuccessful' });
    const org = await api(emulator, tokens.access_token, world.tenantA, 'GET', '/api.xro/2.0/Organisation');
    expect(org.status).toBe(401);
  });

  it('answers 401 TokenExpired with WWW-Authenticate after 30 minutes', async () => {
    const tokens = await connect(emulator, { tenantIds: [world.tenantA] });
    emulator.control.clock.advance(30 * 60_000);
    const expired = await api(emulator, tokens.access_token, world.tenantA, 'GET', '/api.xro/2.0/Contacts');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    expect(String((expired.json as { Detail: string }).Detail)).toMatch(/^TokenExpired: token expired at \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
  });

  it('disconnecting an organisation (DELETE /connections/{id}, or from Xero) cuts API access to it', async () => {
    const tokens = await connect(emulator, { tenantIds: [world.tenantA, world.tenantB] });
    const connections = (await api(emulator, tokens.access_token, undefined, 'GET', '/connections')).json as Array<{ id: string; tenantId: string }>;
    expect(connections.map((c) => c.tenantId).sort()).toEqual([world.tenantA, world.tenantB].sort());
    const b = connections.find((c) => c.tenantId === world.tenantB);
    expect((await api(emulator, tokens.access_token, undefined, 'DELETE', `/connections/${b?.id ?? ''}`)).status).toBe(204);
    expect((await api(emulator, tokens.access_token, undefined, 'DELETE', `/connections/${b?.id ?? ''}`)).status).toBe(404);
    expect((await api(emulator, tokens.access_token, world.tenantB, 'GET', '/api.xro/2.0/Contacts')).status).toBe(403);
    expect(emulator.control.revokeConnection({ tenantId: world.tenantA, clientId: APP.clientId, userEmail: USER.email })).toBe(1);
    // Last organisation gone: the grant ends (revokeGrantWithLastConnection), so its tokens stop working.
    expect((await api(emulator, tokens.access_token, world.tenantA, 'GET', '/api.xro/2.0/Contacts')).status).toBe(401);
    const refresh = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(refresh.json).toEqual({ error: 'invalid_grant' });
  });

  it('scopes are additive across consents of the same user', async () => {
    await connect(emulator, { tenantIds: [world.tenantA] });
    const narrow = await connect(emulator, { scopes: ['openid', 'accounting.contacts.read'], tenantIds: [world.tenantA] });
    expect(narrow.scope.split(' ')).toEqual(expect.arrayContaining(['accounting.contacts.read', 'accounting.contacts', 'offline_access']));
  });

  it('the revocation endpoint ends the grant and its connections', async () => {
    const tokens = await connect(emulator, { tenantIds: [world.tenantA] });
    const response = await fetch(`${emulator.identityUrl}/connect/revocation`, {
      method: 'POST',
      headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token ?? '' }).toString(),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(emulator.control.listConnections().filter((c) => c.clientId === APP.clientId && c.userEmail === USER.email)).toHaveLength(0);
    const refresh = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(refresh.json).toEqual({ error: 'invalid_grant' });
  });
});

describe('identity: PKCE apps and nonce', () => {
  it('runs the PKCE flow for an app without a secret and echoes a nonce when one is sent', async () => {
    const emulator = await startXeroEmulator();
    try {
      const world = setupWorld(emulator);
      emulator.control.registerApp({ clientId: 'pkce-app', clientSecret: '', redirectUris: ['http://localhost:5999/pkce'] });
      const verifier = 'v'.repeat(43) + 'Abc123-._~';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const base = authorizeUrl(emulator, ['openid', 'offline_access', 'accounting.contacts'], 'p', 'pkce-app', 'http://localhost:5999/pkce');
      const noChallenge = await fetch(base, { redirect: 'manual' });
      expect(noChallenge.status).toBe(400);
      const outcome = await driveConsent(`${base}&code_challenge=${challenge}&code_challenge_method=S256&nonce=n-123`, { ...USER, tenantIds: [world.tenantA] });
      const code = new URL(outcome.callbackUrl ?? '').searchParams.get('code') ?? '';
      const wrong = await tokenRequest(
        emulator,
        { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:5999/pkce', client_id: 'pkce-app', code_verifier: 'x'.repeat(43) },
        null,
      );
      expect(wrong.json).toEqual({ error: 'invalid_grant' });
      const outcome2 = await driveConsent(`${base}&code_challenge=${challenge}&code_challenge_method=S256&nonce=n-123`, {
        ...USER,
        tenantIds: [world.tenantA],
      });
      const code2 = new URL(outcome2.callbackUrl ?? '').searchParams.get('code') ?? '';
      const ok = await tokenRequest(
        emulator,
        { grant_type: 'authorization_code', code: code2, redirect_uri: 'http://localhost:5999/pkce', client_id: 'pkce-app', code_verifier: verifier },
        null,
      );
      expect(ok.status).toBe(200);
      expect(decode(String(ok.json.id_token)).payload.nonce).toBe('n-123');
      const refreshed = await tokenRequest(
        emulator,
        { grant_type: 'refresh_token', refresh_token: String(ok.json.refresh_token), client_id: 'pkce-app' },
        null,
      );
      expect(refreshed.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
