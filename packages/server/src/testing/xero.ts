/**
 * Connecting a test organisation to the Xero emulator the way a browser does, through the API: start the
 * connection, consent at the emulator, follow the callback with the buyer's cookie, confirm the tenant, and
 * wait for the first import. For tests whose subject comes after the connection (a journey that tests the
 * connection itself drives the screens instead).
 */
import { driveConsent } from '@vouch/xero-emulator/testing';
import { expect, vi } from 'vitest';
import type { graphqlClient } from './index.js';

type Client = ReturnType<typeof graphqlClient>;

/** Up to the choice of Xero organisation: returns the attempt the SPA would offer the dropdown for. */
export async function startXeroAttempt(
  baseUrl: string,
  client: Client,
  xeroUser: { email: string; password: string; tenantNames?: string[] },
): Promise<string> {
  const start = await client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }');
  expect(start.errors).toBeUndefined();
  const consent = await driveConsent(start.data!.startXeroConnection.authorizeUrl, xeroUser);
  const callback = await fetch(consent.callbackUrl!, { headers: { cookie: client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(callback.headers.get('location')!, baseUrl).searchParams.get('xeroAttempt');
  expect(attemptId, 'the Xero callback should hand back an attempt to choose an organisation for').toBeTruthy();
  return attemptId!;
}

/** Connects the buyer's organisation to `tenantId` and waits until its first import is DONE. */
export async function connectXero(
  baseUrl: string,
  client: Client,
  input: { xeroUser: { email: string; password: string }; tenantId: string; importTimeoutMs?: number },
): Promise<void> {
  const attemptId = await startXeroAttempt(baseUrl, client, input.xeroUser);
  const confirmed = await client.request('mutation($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', {
    a: attemptId,
    t: input.tenantId,
  });
  expect(confirmed.errors).toBeUndefined();
  const importStatus = async () =>
    (await client.request<{ xeroConnection: { importStatus: string } | null }>('{ xeroConnection { importStatus } }')).data?.xeroConnection?.importStatus;
  // Called from beforeAll hooks, where expect.poll is not available: vi.waitFor retries instead.
  await vi.waitFor(async () => expect(await importStatus()).toBe('DONE'), { timeout: input.importTimeoutMs ?? 45_000, interval: 100 });
}
