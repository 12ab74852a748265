import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { addColleague, graphqlClient, signUpBuyer, startTestApp, type TestApp, startXeroAttempt } from '../testing/index.js';

/**
 * A choice of Xero organisation left waiting survives a reload: the server says which attempt of this browser
 * session still waits (the Integrations page offers it again), until it is chosen, cancelled or expires.
 */

const USER = { email: 'owner@awaiting.example', password: 'xero-password-1' };
const AWAITING = '{ xeroConnectionAwaitingChoice }';
type Buyer = Awaited<ReturnType<typeof signUpBuyer>>;

let emulator: XeroEmulator;
let app: TestApp;

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(USER);
  emulator.control.createOrganisation({ name: 'Waiting Books Ltd', userEmails: [USER.email] });
  emulator.control.createOrganisation({ name: 'Other Books Ltd', userEmails: [USER.email] });
  app = await startTestApp({ xeroEmulator: emulator });
});

afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

/** Connect to Xero up to the choice of organisation, as a browser would. */
async function attempt(buyer: Buyer): Promise<string> {
  return await startXeroAttempt(app.url, buyer.client, { ...USER, tenantNames: ['Waiting Books Ltd', 'Other Books Ltd'] });
}

async function awaiting(client: ReturnType<typeof graphqlClient>): Promise<string | null> {
  const res = await client.request<{ xeroConnectionAwaitingChoice: string | null }>(AWAITING);
  expect(res.errors).toBeUndefined();
  return res.data!.xeroConnectionAwaitingChoice;
}

describe('a choice of Xero organisation left waiting', () => {
  it('is offered again to the same session only, until cancelled', async () => {
    const buyer = await signUpBuyer(app.url);
    expect(await awaiting(buyer.client)).toBeNull();
    const attemptId = await attempt(buyer);
    // A reload asks again: the same attempt.
    expect(await awaiting(buyer.client)).toBe(attemptId);

    // Another browser of the same person does not get it (the attempt is bound to the session that started it).
    const elsewhere = graphqlClient(app.url);
    await elsewhere.request('mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', {
      i: { email: buyer.input.email, password: buyer.input.password },
    });
    expect(await awaiting(elsewhere)).toBeNull();
    // Nor does a colleague who cannot connect Xero; nor may they cancel it.
    const viewer = await addColleague(app, buyer.user.organisation.id, { role: 'VIEWER', name: 'Vic Viewer' });
    const viewerClient = graphqlClient(app.url);
    await viewerClient.request('mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', { i: { email: viewer.email, password: viewer.password } });
    expect(await awaiting(viewerClient)).toBeNull();
    const forbidden = await viewerClient.request('mutation($a: ID!) { cancelXeroConnection(attemptId: $a) }', { a: attemptId });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Cancel: not offered again, and no longer usable.
    const cancelled = await buyer.client.request<{ cancelXeroConnection: boolean }>('mutation($a: ID!) { cancelXeroConnection(attemptId: $a) }', {
      a: attemptId,
    });
    expect(cancelled.errors).toBeUndefined();
    expect(await awaiting(buyer.client)).toBeNull();
    const gone = await buyer.client.request('query($a: ID!) { pendingXeroConnection(attemptId: $a) { attemptId } }', { a: attemptId });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await buyer.client.request('mutation($a: ID!) { cancelXeroConnection(attemptId: $a) }', { a: attemptId });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await buyer.client.request('mutation { cancelXeroConnection(attemptId: "not-an-id") }');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is no longer offered once an organisation is chosen', async () => {
    const buyer = await signUpBuyer(app.url);
    const attemptId = await attempt(buyer);
    const pending = await buyer.client.request<{ pendingXeroConnection: { tenants: { tenantId: string; tenantName: string }[] } }>(
      'query($a: ID!) { pendingXeroConnection(attemptId: $a) { tenants { tenantId tenantName } } }',
      { a: attemptId },
    );
    const tenant = pending.data!.pendingXeroConnection.tenants.find((t) => t.tenantName === 'Waiting Books Ltd')!;
    const confirmed = await buyer.client.request('mutation($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', {
      a: attemptId,
      t: tenant.tenantId,
    });
    expect(confirmed.errors).toBeUndefined();
    expect(await awaiting(buyer.client)).toBeNull();
  });
});
