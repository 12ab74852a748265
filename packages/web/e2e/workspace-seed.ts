import { graphqlClient, signUpBuyer, type TestApp } from '@vouch/server/testing';
import type { XeroEmulator } from '@vouch/xero-emulator';
import { driveConsent } from '@vouch/xero-emulator/testing';
import { WAIT } from './harness.js';

/**
 * What lies before the workspace journeys, made through the API only (and the emulator's controls): a buyer
 * connected to a Xero organisation of many suppliers, some invited, one whose link is locked, one change Xero
 * refused, one bank change on payment hold. Shared by the browser test and by a local preview of the screens.
 */

export const XERO_USER = { email: 'owner@workspace-e2e.example', password: 'xero-password-1' };
export const ORGANISATION = 'Harbour Coffee Roasters';
export const SUPPLIER_COUNT = 130;

export type Buyer = Awaited<ReturnType<typeof signUpBuyer>>;

/** Polls `read` until `done` says yes (setup runs in beforeAll, where expect.poll is not available). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function must<T>(response: { data?: T | null; errors?: unknown[] }): T {
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** The emulator's organisation: named suppliers the journeys use, and many more from its generator. */
export function seedXero(emulator: XeroEmulator): string {
  emulator.control.createUser(XERO_USER);
  const tenantId = emulator.control.createOrganisation({ name: 'Harbour Books Ltd', userEmails: [XERO_USER.email] }).tenantId;
  emulator.control.seedContacts(tenantId, {
    contacts: [
      { Name: 'Acme Paper Co', IsSupplier: true, EmailAddress: 'ap@acme-paper.example', BankAccountDetails: '20-00-00 55779911' },
      { Name: 'Bluebell Dairy', IsSupplier: true, EmailAddress: 'accounts@bluebell.example' },
      {
        Name: 'Copper Kettle Ltd',
        IsSupplier: true,
        EmailAddress: 'billing@copperkettle.example',
        BankAccountDetails: '08-99-99 66374958',
        Phones: [{ PhoneType: 'DEFAULT', PhoneCountryCode: '44', PhoneAreaCode: '020', PhoneNumber: '7946 0000' }],
      },
      { Name: 'Dockside Logistics', IsSupplier: true, EmailAddress: 'ops@dockside.example' },
      {
        Name: 'Elm Street Bakery',
        IsSupplier: true,
        EmailAddress: 'hello@elmstreet.example',
        Phones: [{ PhoneType: 'MOBILE', PhoneCountryCode: '44', PhoneNumber: '7700 900123' }],
      },
      { Name: 'Taken Name Ltd', IsSupplier: true },
    ],
  });
  emulator.control.seedContacts(tenantId, { count: SUPPLIER_COUNT - 6, seed: 15 });
  return tenantId;
}

export async function connectedBuyer(app: TestApp, tenantId: string): Promise<Buyer> {
  const buyer = await signUpBuyer(app.url, { organisationName: ORGANISATION, name: 'Ada Palmer' });
  const start = must(await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }'));
  const consent = await driveConsent(start.startXeroConnection.authorizeUrl, XERO_USER);
  const callback = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(callback.headers.get('location')!, app.url).searchParams.get('xeroAttempt')!;
  must(await buyer.client.request('mutation($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', { a: attemptId, t: tenantId }));
  await until(
    async () =>
      must(await buyer.client.request<{ xeroConnection: { importStatus: string } | null }>('{ xeroConnection { importStatus } }')).xeroConnection?.importStatus,
    (value) => value === 'DONE',
    'the seeded state',
  );
  return buyer;
}

export async function supplierId(buyer: Buyer, name: string): Promise<string> {
  const found = must(
    await buyer.client.request<{ suppliers: { edges: { node: { id: string; name: string } }[] } }>(
      'query($q: String) { suppliers(search: $q, first: 5) { edges { node { id name } } } }',
      { q: name },
    ),
  ).suppliers.edges.find((e) => e.node.name === name);
  if (!found) throw new Error(`no supplier ${name}`);
  return found.node.id;
}

/** An invite through the API; returns the link's token (no SMTP in these tests: the link comes back). */
export async function invite(buyer: Buyer, id: string): Promise<string> {
  const invited = must(
    await buyer.client.request<{ inviteSuppliers: { link: string | null }[] }>(
      'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids, replaceLiveInvites: true) { link } }',
      { ids: [id] },
    ),
  );
  return new URLSearchParams(new URL(invited.inviteSuppliers[0]!.link!).hash.slice(1)).get('token')!;
}

/** The supplier, through its link on its own connection: code, then details. */
export async function submitThroughLink(app: TestApp, token: string, input: Record<string, unknown>): Promise<void> {
  const supplier = graphqlClient(app.url, { ip: `10.20.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  const code = must(
    await supplier.request<{ sendSupplierCode: { devCode: string } }>('mutation($t: String!) { sendSupplierCode(token: $t) { devCode } }', { t: token }),
  ).sendSupplierCode.devCode;
  must(await supplier.request('mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', { t: token, c: code }));
  must(
    await supplier.request('mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }', {
      t: token,
      i: input,
    }),
  );
}

async function pendingRequest(buyer: Buyer, id: string): Promise<string> {
  return must(
    await buyer.client.request<{ supplier: { pendingChangeRequest: { id: string } } }>(
      'query($id: ID!) { supplier(id: $id) { pendingChangeRequest { id } } }',
      { id },
    ),
  ).supplier.pendingChangeRequest.id;
}

export interface Workspace {
  buyer: Buyer;
  ids: Record<'acme' | 'bluebell' | 'copper' | 'dockside' | 'elm', string>;
}

/** The workspace the journeys start from (see the module comment). */
export async function seedWorkspace(app: TestApp, tenantId: string): Promise<Workspace> {
  const buyer = await connectedBuyer(app, tenantId);
  const ids = {
    acme: await supplierId(buyer, 'Acme Paper Co'),
    bluebell: await supplierId(buyer, 'Bluebell Dairy'),
    copper: await supplierId(buyer, 'Copper Kettle Ltd'),
    dockside: await supplierId(buyer, 'Dockside Logistics'),
    elm: await supplierId(buyer, 'Elm Street Bakery'),
  };

  // Copper Kettle: new bank details, confirmed by a call-back and accepted — on payment hold now.
  await submitThroughLink(app, await invite(buyer, ids.copper), {
    name: 'Copper Kettle Ltd',
    email: 'billing@copperkettle.example',
    phones: [{ type: 'DEFAULT', countryCode: '44', areaCode: '020', number: '7946 0000' }],
    payment: { country: 'GB', accountHolderName: 'Copper Kettle Ltd', sortCode: '10-79-99', accountNumber: '88837491' },
  });
  const copperRequest = await pendingRequest(buyer, ids.copper);
  must(
    await buyer.client.request(
      'mutation($id: ID!) { recordBankCallback(changeRequestId: $id, phoneNumber: "+44 20 7946 0000", note: "Spoke to Jo in accounts; confirmed sort code and last four digits.") { id } }',
      { id: copperRequest },
    ),
  );
  must(await buyer.client.request('mutation($id: ID!) { acceptChangeRequest(id: $id) { id status } }', { id: copperRequest }));

  // Dockside: a rename to a name Xero already has — Xero refuses it (a failed sync).
  await submitThroughLink(app, await invite(buyer, ids.dockside), { name: 'Taken Name Ltd', email: 'ops@dockside.example' });
  must(await buyer.client.request('mutation($id: ID!) { acceptChangeRequest(id: $id) { id } }', { id: await pendingRequest(buyer, ids.dockside) }));
  await until(
    async () =>
      must(
        await buyer.client.request<{ supplier: { syncStatus: string | null } }>('query($id: ID!) { supplier(id: $id) { syncStatus } }', { id: ids.dockside }),
      ).supplier.syncStatus,
    (value) => value === 'FAILED',
    'the seeded state',
  );

  // Elm Street: new bank details that another supplier (Acme) already has — high risk, awaiting review.
  await submitThroughLink(app, await invite(buyer, ids.elm), {
    name: 'Elm Street Bakery',
    email: 'hello@elmstreet.example',
    phones: [{ type: 'MOBILE', countryCode: '44', number: '7700 900123' }],
    payment: { country: 'GB', accountHolderName: 'Elm Street Bakery', sortCode: '20-00-00', accountNumber: '55779911' },
  });

  // Bluebell: invited, and five wrong codes lock the link.
  const bluebellToken = await invite(buyer, ids.bluebell);
  const guesser = graphqlClient(app.url, { ip: '10.9.8.7' });
  must(await guesser.request('mutation($t: String!) { sendSupplierCode(token: $t) { sentTo } }', { t: bluebellToken }));
  for (let i = 0; i < 5; i++)
    await guesser.request('mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', {
      t: bluebellToken,
      c: '000000',
    });

  return { buyer, ids };
}

/** The buyer's session cookie, for a browser context. */
export function sessionCookie(buyer: Buyer, url: string) {
  const [name, ...value] = buyer.client.cookie!.split('=');
  return { name: name!, value: value.join('='), url };
}

/** Someone edits a supplier in Xero (new bank details, a long address): Vouch records the difference, never imports it. */
export async function driftInXero(app: TestApp, emulator: XeroEmulator, tenantId: string, buyer: Buyer, id: string, name: string): Promise<void> {
  const contact = emulator.control.listContacts(tenantId).find((c) => c.Name === name)!;
  emulator.control.editContact(tenantId, contact.ContactID, {
    BankAccountDetails: '20-41-63 12345678',
    Addresses: [
      {
        AddressType: 'POBOX',
        AddressLine1: 'Unit 14, The Long Industrial Estate Business Park Road',
        City: 'Wolverhampton-upon-Severn',
        PostalCode: 'WV10 9QQ',
        Country: 'United Kingdom',
      },
    ],
  });
  const connectionId = must(await buyer.client.request<{ xeroConnection: { id: string } }>('{ xeroConnection { id } }')).xeroConnection.id;
  await app.services.xeroSync.pollNow(connectionId);
  await until(
    async () =>
      must(await buyer.client.request<{ supplier: { hasDrift: boolean } }>('query($id: ID!) { supplier(id: $id) { hasDrift } }', { id })).supplier.hasDrift,
    (value) => value === true,
    'the seeded state',
  );
}
