import { driveConsent } from '../src/testing/consent.js';
import { assertXeroResponse, xeroSchemas } from '../src/testing/openapi.js';
import type { XeroSchemaName } from '../src/testing/openapi.js';
import type { XeroEmulator } from '../src/index.js';

export const APP = {
  clientId: 'test-client',
  clientSecret: 'test-secret',
  redirectUris: ['http://localhost:5999/callback'],
};
export const USER = { email: 'owner@example.com', password: 'pa55word', name: 'Olive Owner' };
export const ALL_SCOPES = ['openid', 'profile', 'email', 'offline_access', 'accounting.contacts', 'accounting.settings.read'];

export interface World {
  tenantA: string;
  tenantB: string;
}

/** One app, one user, two organisations (A with 30 generated contacts, B empty). */
export function setupWorld(emulator: XeroEmulator, app: Partial<typeof APP> & { webhookUrl?: string; webhookKey?: string } = {}): World {
  const { control } = emulator;
  control.registerApp({ ...APP, ...app, name: 'Test App' });
  control.createUser(USER);
  const a = control.createOrganisation({ name: 'Alpha Ltd', userEmails: [USER.email] });
  const b = control.createOrganisation({ name: 'Beta Ltd', userEmails: [USER.email] });
  control.seedContacts(a.tenantId, { count: 30, seed: 7 });
  return { tenantA: a.tenantId, tenantB: b.tenantId };
}

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  scope: string;
}

export function authorizeUrl(
  emulator: XeroEmulator,
  scopes: string[],
  state = 'st-1',
  clientId = APP.clientId,
  redirectUri = APP.redirectUris[0] ?? '',
): string {
  const q = new URLSearchParams({ client_id: clientId, scope: scopes.join(' '), response_type: 'code', redirect_uri: redirectUri, state });
  return `${emulator.identityUrl}/identity/connect/authorize?${q.toString()}`;
}

export function basic(clientId = APP.clientId, secret = APP.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

export async function tokenRequest(
  emulator: XeroEmulator,
  fields: Record<string, string>,
  auth: string | null = basic(),
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${emulator.identityUrl}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? { authorization: auth } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
  const json = (await response.json()) as Record<string, unknown>;
  assertXeroResponse('POST', '/connect/token', response.status, json);
  return { status: response.status, json };
}

/** Logs in, consents to the given organisations and exchanges the code. */
export async function connect(emulator: XeroEmulator, options: { scopes?: string[]; tenantIds?: string[] } = {}): Promise<Tokens> {
  const outcome = await driveConsent(authorizeUrl(emulator, options.scopes ?? ALL_SCOPES), {
    email: USER.email,
    password: USER.password,
    ...(options.tenantIds ? { tenantIds: options.tenantIds } : {}),
  });
  const code = new URL(outcome.callbackUrl ?? 'http://x/').searchParams.get('code') ?? '';
  const { status, json } = await tokenRequest(emulator, { grant_type: 'authorization_code', code, redirect_uri: APP.redirectUris[0] ?? '' });
  if (status !== 200) throw new Error(`token exchange failed: ${status} ${JSON.stringify(json)}`);
  return json as unknown as Tokens;
}

export interface ApiResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function api(
  emulator: XeroEmulator,
  accessToken: string,
  tenantId: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult> {
  const response = await fetch(`${emulator.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${accessToken}`,
      accept: 'application/json',
      ...(tenantId ? { 'xero-tenant-id': tenantId } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  // Every JSON body the emulator returns is checked against Xero's OpenAPI schemas.
  assertXeroResponse(method, path, response.status, json);
  return { status: response.status, headers: response.headers, text, json };
}

/** Asserts a body matches Xero's schema (closed = no undeclared properties). */
export function expectSchema(name: XeroSchemaName, body: unknown, closed = true): void {
  xeroSchemas().assert(name, body, { closed });
}
