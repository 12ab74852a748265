import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XeroClient } from 'xero-node';
import { startXeroEmulator } from '../src/index.js';
import type { XeroEmulator } from '../src/index.js';
import { driveConsent } from '../src/testing/consent.js';
import { assertXeroResponse } from '../src/testing/openapi.js';
import { createXeroClientForEmulator, xeroNodeAxios } from '../src/testing/xero-node.js';
import { ALL_SCOPES, APP, USER, expectSchema, setupWorld } from './helpers.js';
import type { World } from './helpers.js';

/** xero-node rejects API calls with a JSON string. */
function parseSdkError(error: unknown): { response: { statusCode: number; body: unknown; headers: Record<string, string> } } {
  return JSON.parse(String(error)) as { response: { statusCode: number; body: unknown; headers: Record<string, string> } };
}

interface ValidatedResponse {
  status: number;
  data: unknown;
  config: { url?: string; method?: string };
}
let validatedBodies = 0;
// Every JSON body xero-node receives from the emulator is checked against Xero's OpenAPI schemas.
const axiosWithResponses = xeroNodeAxios() as unknown as {
  interceptors: {
    response: { use(onFulfilled: (r: ValidatedResponse) => ValidatedResponse, onRejected: (e: { response?: ValidatedResponse }) => unknown): number };
  };
};
axiosWithResponses.interceptors.response.use(
  (response) => {
    if (assertXeroResponse(response.config.method ?? 'GET', response.config.url ?? '', response.status, response.data)) validatedBodies += 1;
    return response;
  },
  (error) => {
    const r = error.response;
    if (r) assertXeroResponse(r.config.method ?? 'GET', r.config.url ?? '', r.status, r.data);
    return Promise.reject(error as Error);
  },
);

describe('xero-node 20 against the emulator', () => {
  let emulator: XeroEmulator;
  let world: World;
  let xero: XeroClient;

  beforeAll(async () => {
    emulator = await startXeroEmulator();
    world = setupWorld(emulator);
    xero = await createXeroClientForEmulator(emulator, { ...APP, scopes: ALL_SCOPES, state: 'state with spaces & symbols/=?' });
  });
  afterAll(async () => {
    await emulator.close();
    expect(validatedBodies).toBeGreaterThan(10);
  });

  it('connects through buildConsentUrl, the HTML pages and apiCallback (id_token validated)', async () => {
    const consentUrl = await xero.buildConsentUrl();
    expect(consentUrl.startsWith(`${emulator.identityUrl}/identity/connect/authorize?`)).toBe(true);
    const outcome = await driveConsent(consentUrl, { email: USER.email, password: USER.password });
    expect(outcome.offered.map((o) => o.name).sort()).toEqual(['Alpha Ltd', 'Beta Ltd']);
    const callbackUrl = outcome.callbackUrl ?? '';
    expect(callbackUrl.startsWith(`${APP.redirectUris[0]}?code=`)).toBe(true);
    expect(new URL(callbackUrl).searchParams.get('state')).toBe('state with spaces & symbols/=?');

    const tokenSet = await xero.apiCallback(callbackUrl);
    expect(tokenSet.expires_in).toBeGreaterThan(1790);
    expect(tokenSet.refresh_token).toBeTypeOf('string');
    expect(tokenSet.scope).toBe(ALL_SCOPES.join(' '));
    const claims = tokenSet.claims();
    expect(claims.iss).toBe(emulator.identityUrl);
    expect(claims.aud).toBe(APP.clientId);
    expect(claims.email).toBe(USER.email);
    expect(claims.given_name).toBe('Olive');
    expect(claims.family_name).toBe('Owner');
    expect(claims.nonce).toBeUndefined();
    expect(claims.xero_userid).toBeTypeOf('string');
    const access = JSON.parse(Buffer.from((tokenSet.access_token ?? '').split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(access.scope).toEqual(ALL_SCOPES);
    expect(access.authentication_event_id).toBeTypeOf('string');
    expect(access.exp).toBe((access.nbf as number) + 1800);
  });

  it('lists both organisations with updateTenants(false) and reads /Organisation', async () => {
    const tenants = (await xero.updateTenants(false)) as Array<{ tenantId: string; tenantName: string; id: string }>;
    expect(tenants.map((t) => t.tenantId).sort()).toEqual([world.tenantA, world.tenantB].sort());
    const connections = await fetch(`${emulator.apiUrl}/connections`, { headers: { authorization: `Bearer ${xero.readTokenSet().access_token ?? ''}` } });
    expectSchema('Connections', await connections.json());
    const org = await xero.accountingApi.getOrganisations(world.tenantA);
    expect(org.body.organisations?.[0]?.name).toBe('Alpha Ltd');
    expectSchema('Organisations', org.response.data);
  });

  it('pages through getContacts and filters with ifModifiedSince', async () => {
    const active = emulator.control.listContacts(world.tenantA).filter((c) => c.ContactStatus === 'ACTIVE');
    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const result = await xero.accountingApi.getContacts(world.tenantA, undefined, undefined, undefined, undefined, page, false, undefined, undefined, 10);
      expectSchema('Contacts', result.response.data);
      expect(result.body.pagination?.itemCount).toBe(active.length);
      const contacts = result.body.contacts ?? [];
      seen.push(...contacts.map((c) => c.contactID ?? ''));
      if (contacts.length < 10) break;
    }
    expect(seen.sort()).toEqual(active.map((c) => c.ContactID).sort());

    emulator.control.clock.advance(60_000);
    const since = new Date(emulator.control.clock.now());
    const target = active[3];
    if (!target) throw new Error('no contact');
    emulator.control.clock.advance(1000);
    emulator.control.editContact(world.tenantA, target.ContactID, { EmailAddress: 'changed@example.com' });
    const changed = await xero.accountingApi.getContacts(world.tenantA, since, undefined, undefined, undefined, 1, true);
    expect(changed.body.contacts?.map((c) => c.contactID)).toEqual([target.ContactID]);
    expect(changed.body.contacts?.[0]?.emailAddress).toBe('changed@example.com');
    const log = emulator.control
      .requestLog()
      .filter((e) => e.path === '/api.xro/2.0/Contacts')
      .at(-1);
    expect(log?.headers['if-modified-since']).toBe(since.toISOString());
    expect(log?.headers['xero-tenant-id']).toBe(world.tenantA);
  });

  it('creates and updates contacts with idempotency keys', async () => {
    const created = await xero.accountingApi.createContacts(
      world.tenantB,
      { contacts: [{ name: 'Idem Potent Ltd', emailAddress: 'ip@example.com' }] },
      false,
      'key-create-1',
    );
    expectSchema('Contacts', created.response.data);
    const id = created.body.contacts?.[0]?.contactID ?? '';
    expect(created.body.contacts?.[0]?.statusAttributeString).toBe('OK');
    const replay = await xero.accountingApi.createContacts(
      world.tenantB,
      { contacts: [{ name: 'Idem Potent Ltd', emailAddress: 'ip@example.com' }] },
      false,
      'key-create-1',
    );
    expect(replay.body.contacts?.[0]?.contactID).toBe(id);
    expect(emulator.control.listContacts(world.tenantB)).toHaveLength(1);

    const conflict = await xero.accountingApi
      .createContacts(world.tenantB, { contacts: [{ name: 'Something Else' }] }, false, 'key-create-1')
      .then(() => undefined, parseSdkError);
    expect(conflict?.response.statusCode).toBe(400);

    const updated = await xero.accountingApi.updateContact(
      world.tenantB,
      id,
      { contacts: [{ contactPersons: [{ firstName: 'Pat', lastName: 'Lee', emailAddress: 'pat@example.com' }] }] },
      'key-update-1',
    );
    expectSchema('Contacts', updated.response.data);
    expect(updated.body.contacts?.[0]?.contactPersons?.[0]?.firstName).toBe('Pat');
    expect(updated.body.contacts?.[0]?.name).toBe('Idem Potent Ltd');
    const log = emulator.control
      .requestLog()
      .filter((e) => e.method === 'POST')
      .at(-1);
    expect(log?.headers['idempotency-key']).toBe('key-update-1');

    const duplicate = await xero.accountingApi.createContacts(world.tenantB, { contacts: [{ name: 'idem potent ltd' }] }).then(() => undefined, parseSdkError);
    expect(duplicate?.response.statusCode).toBe(400);
    expectSchema('Error', duplicate?.response.body, false);
  });

  it('refreshes with rotation, honours the 30-minute grace and then answers invalid_grant', async () => {
    const first = xero.readTokenSet().refresh_token ?? '';
    const rotated = await xero.refreshToken();
    const second = rotated.refresh_token ?? '';
    expect(second).not.toBe(first);
    const contacts = await xero.accountingApi.getContacts(world.tenantA, undefined, undefined, undefined, undefined, 1);
    expect(contacts.response.status).toBe(200);

    emulator.control.clock.advance(29 * 60_000);
    const grace = await xero.refreshWithRefreshToken(APP.clientId, APP.clientSecret, first);
    expect(grace.refresh_token).toBeTypeOf('string');

    emulator.control.clock.advance(2 * 60_000);
    const late = await xero.refreshWithRefreshToken(APP.clientId, APP.clientSecret, first).then(
      () => undefined,
      (error: unknown) => error as { response?: { status: number; data: unknown } },
    );
    expect(late?.response?.status).toBe(400);
    expect(late?.response?.data).toEqual({ error: 'invalid_grant' });
  });

  it('answers 401 TokenExpired once the access token is 30 minutes old', async () => {
    emulator.control.clock.advance(31 * 60_000);
    const error = await xero.accountingApi.getContacts(world.tenantA).then(() => undefined, parseSdkError);
    expect(error?.response.statusCode).toBe(401);
    expect(JSON.stringify(error?.response.body)).toContain('TokenExpired');
  });

  it('disconnects one organisation with xero.disconnect(connection id)', async () => {
    const fresh = await xero.refreshWithRefreshToken(APP.clientId, APP.clientSecret, xero.readTokenSet().refresh_token ?? '');
    expect(fresh.access_token).toBeTypeOf('string');
    const tenants = (await xero.updateTenants(false)) as Array<{ tenantId: string; id: string }>;
    const beta = tenants.find((t) => t.tenantId === world.tenantB);
    await xero.disconnect(beta?.id ?? '');
    const after = (await xero.updateTenants(false)) as Array<{ tenantId: string }>;
    expect(after.map((t) => t.tenantId)).toEqual([world.tenantA]);
  });

  it('revokes the token: connections go and the refresh token stops working', async () => {
    const fresh = await xero.refreshWithRefreshToken(APP.clientId, APP.clientSecret, xero.readTokenSet().refresh_token ?? '');
    expect(fresh.access_token).toBeTypeOf('string');
    await xero.revokeToken();
    expect(emulator.control.listConnections()).toHaveLength(0);
    const after = await xero.refreshWithRefreshToken(APP.clientId, APP.clientSecret, fresh.refresh_token ?? '').then(
      () => 200,
      (error: unknown) => (error as { response?: { status: number } }).response?.status,
    );
    expect(after).toBe(400);
  });
});

describe('xero-node custom connection (client_credentials)', () => {
  it('gets a token with getClientCredentialsToken and reads contacts', async () => {
    const emulator = await startXeroEmulator({ latencyMs: [1, 3] });
    try {
      const world = setupWorld(emulator);
      emulator.control.registerApp({
        clientId: 'cc-client',
        clientSecret: 'cc-secret',
        redirectUris: [],
        customConnection: { tenantId: world.tenantA, scopes: ['accounting.contacts', 'accounting.settings'] },
      });
      const xero = await createXeroClientForEmulator(emulator, {
        clientId: 'cc-client',
        clientSecret: 'cc-secret',
        redirectUris: [],
        scopes: ['accounting.contacts', 'accounting.settings'],
        grantType: 'client_credentials',
      });
      const tokenSet = await xero.getClientCredentialsToken();
      expect(tokenSet.refresh_token).toBeUndefined();
      const tenants = (await xero.updateTenants(true)) as Array<{ tenantId: string; orgData?: { name?: string } }>;
      expect(tenants.map((t) => t.orgData?.name)).toEqual(['Alpha Ltd']);
      const contacts = await xero.accountingApi.getContacts(world.tenantA, undefined, undefined, undefined, undefined, 1);
      expect(contacts.body.contacts?.length).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });
});
