import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { createLogger } from '../common/logger.js';
import { OutboxEntry } from './outbox/outbox-entry.entity.js';
import { SupplierDrift } from '../suppliers/supplier-drift.entity.js';
import { OWNED_FIELDS, Supplier } from '../suppliers/supplier.entity.js';
import { reconcileDrift } from './contact-ingest.service.js';
import type { MappedContact } from '../xero/map-xero-contact.js';
import { connectXero, graphqlClient, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

/**
 * The round trip's promises, each against the emulator: a push writes only what the accepted change changed,
 * drift closes only for what was written and read back, and a Xero edit next to our own write is never lost.
 */

const USER = { email: 'owner@roundtrip.example', password: 'xero-password-1' };
const log = createLogger('silent');

let emulator: XeroEmulator;
let app: TestApp;
let tenant: string;
let buyer: Awaited<ReturnType<typeof signUpBuyer>>;
let orgId: string;

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(USER);
  tenant = emulator.control.createOrganisation({ name: 'Round Trip Ltd', userEmails: [USER.email] }).tenantId;
  const person = (first: string, include: boolean) => ({
    FirstName: first,
    LastName: 'Person',
    EmailAddress: `${first.toLowerCase()}@people.example`,
    IncludeInEmails: include,
  });
  emulator.control.seedContacts(tenant, {
    contacts: ['Partial Co', 'Drift Co', 'Before Co', 'After Co', 'Same Co', 'Clash Co'].map((Name) => ({
      Name,
      IsSupplier: true,
      EmailAddress: `accounts@${Name.split(' ')[0]!.toLowerCase()}.example`,
      CompanyNumber: '5056166',
      AccountNumber: `ACC-${Name.split(' ')[0]}`,
      Phones: [{ PhoneType: 'DEFAULT' as const, PhoneNumber: '555 0100', PhoneAreaCode: '09', PhoneCountryCode: '64' }],
      Addresses: [
        { AddressType: 'STREET' as const, AddressLine1: '1 Street Rd', City: 'London', Country: 'United Kingdom' },
        { AddressType: 'POBOX' as const, AddressLine1: 'PO Box 2', City: 'London', Country: 'United Kingdom' },
      ],
      ContactPersons: [person('Ann', true), person('Bob', false)],
    })),
  });
  app = await startTestApp({ xeroEmulator: emulator });
  // Webhooks off: each test delivers the events it needs itself, at the moment it needs them.
  emulator.control.updateApp(app.xero!.clientId, { webhookUrl: '' });
  buyer = await signUpBuyer(app.url);
  orgId = buyer.user.organisation.id;
  await connectXero(app.url, buyer.client, { xeroUser: USER, tenantId: tenant });
});

afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

const supplierNamed = async (name: string) => await app.services.em(orgId).findOneOrFail(Supplier, { name });
const openDrift = async (supplierId: string) =>
  (await app.services.em(orgId).find(SupplierDrift, { supplier: supplierId, resolvedAt: null })).map((d) => d.field).sort();
const outbox = async (supplierId: string) => await app.services.em(orgId).find(OutboxEntry, { supplier: supplierId }, { orderBy: { sequence: 'asc' } });
const contactWrites = (contactId: string) =>
  emulator.control.requestLog().filter((r) => r.method === 'POST' && r.path === `/api.xro/2.0/Contacts/${contactId}`);

let ip = 0;
/** The supplier's side through the API: invite link (no SMTP), code, the details as held, then `edit` and send. */
async function submitAsSupplier(supplierId: string, edit: (details: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
  const invited = await buyer.client.request<{ inviteSuppliers: { link: string }[] }>(
    'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { link } }',
    { ids: [supplierId] },
  );
  expect(invited.errors).toBeUndefined();
  const token = /#token=([\w-]+)/.exec(invited.data!.inviteSuppliers[0]!.link)![1]!;
  ip += 1;
  const supplier = graphqlClient(app.url, { ip: `10.88.0.${ip}` });
  const sent = await supplier.request<{ sendSupplierCode: { devCode: string } }>('mutation($t: String!) { sendSupplierCode(token: $t) { devCode } }', {
    t: token,
  });
  await supplier.request('mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', {
    t: token,
    c: sent.data!.sendSupplierCode.devCode,
  });
  const held = (
    await supplier.request<{ supplierDetails: { details: Record<string, unknown> } }>('query($t: String!) { supplierDetails(token: $t) { details } }', {
      t: token,
    })
  ).data!.supplierDetails.details;
  const d = edit(structuredClone(held));
  const strip = <T extends Record<string, unknown>>(o: T, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
  const input = {
    ...strip(d, ['name', 'firstName', 'lastName', 'email', 'taxNumber', 'companyNumber']),
    // The form sends postal first, then street (Xero answers street first).
    addresses: ['POBOX', 'STREET'].map((type) =>
      strip((d.addresses as Record<string, unknown>[]).find((a) => a.type === type) ?? { type }, [
        'type',
        'line1',
        'line2',
        'line3',
        'line4',
        'city',
        'region',
        'postalCode',
        'country',
        'attentionTo',
      ]),
    ),
    phones: (d.phones as Record<string, unknown>[]).map((p) => strip(p, ['type', 'number', 'areaCode', 'countryCode'])),
    contactPersons: (d.contactPersons as Record<string, unknown>[]).map((p) => strip(p, ['firstName', 'lastName', 'email'])),
    countryCode: 'GB',
  };
  const submitted = await supplier.request('mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }', {
    t: token,
    i: input,
  });
  expect(submitted.errors).toBeUndefined();
  const pending = await buyer.client.request<{ supplier: { pendingChangeRequest: { id: string } } }>(
    'query($id: ID!) { supplier(id: $id) { pendingChangeRequest { id } } }',
    { id: supplierId },
  );
  return pending.data!.supplier.pendingChangeRequest.id;
}

async function accept(requestId: string) {
  const res = await buyer.client.request<{ acceptChangeRequest: { status: string } }>('mutation($id: ID!) { acceptChangeRequest(id: $id) { status } }', {
    id: requestId,
  });
  expect(res.errors).toBeUndefined();
  return res.data!.acceptChangeRequest;
}

const synced = async (supplierId: string) => await expect.poll(async () => (await outbox(supplierId)).at(-1)?.status, { timeout: 15_000 }).toBe('SYNCED');

describe('the round trip', () => {
  it('a push writes only the fields the accepted change changed; unseen Xero fields are carried through', async () => {
    const s = await supplierNamed('Partial Co');
    emulator.control.clearRequestLog();
    const id = await submitAsSupplier(s.id, (d) => ({ ...d, email: 'new@partial.example' }));
    const changes = await buyer.client.request<{ supplier: { pendingChangeRequest: { changes: { field: string }[] } } }>(
      'query($id: ID!) { supplier(id: $id) { pendingChangeRequest { changes { field } } } }',
      { id: s.id },
    );
    expect(changes.data!.supplier.pendingChangeRequest.changes.map((c) => c.field)).toEqual(['email']);
    await accept(id);
    await synced(s.id);
    const [write] = contactWrites(s.xeroContactId!);
    const sent = (write!.body as { Contacts: Record<string, unknown>[] }).Contacts[0]!;
    expect(Object.keys(sent).sort()).toEqual(['ContactID', 'EmailAddress']);
    const held = emulator.control.getContact(tenant, s.xeroContactId!);
    expect(held).toMatchObject({ EmailAddress: 'new@partial.example', CompanyNumber: '5056166' });
    expect(held.ContactPersons!.map((p) => p.IncludeInEmails)).toEqual([true, false]);
    expect((await outbox(s.id)).at(-1)!.receipt).toMatchObject({ verifiedFields: ['email'] });
  });

  it('a submission that changes nothing is accepted as a confirmation and pushes nothing', async () => {
    const s = await supplierNamed('Same Co');
    emulator.control.clearRequestLog();
    const id = await submitAsSupplier(s.id, (d) => d);
    const seen = await buyer.client.request<{ supplier: { pendingChangeRequest: { changes: unknown[] } } }>(
      'query($id: ID!) { supplier(id: $id) { pendingChangeRequest { changes { field } } } }',
      { id: s.id },
    );
    expect(seen.data!.supplier.pendingChangeRequest.changes).toEqual([]);
    expect(await accept(id)).toMatchObject({ status: 'ACCEPTED' });
    expect(await outbox(s.id)).toEqual([]);
    await app.services.push.pushAll(orgId);
    expect(contactWrites(s.xeroContactId!)).toEqual([]);
    const audit = await buyer.client.request<{ supplier: { auditEvents: { edges: { node: { kind: string; summary: string } }[] } } }>(
      'query($id: ID!) { supplier(id: $id) { auditEvents(first: 20) { edges { node { kind summary } } } } }',
      { id: s.id },
    );
    const accepted = audit.data!.supplier.auditEvents.edges.map((e) => e.node).find((n) => n.kind === 'CHANGE_ACCEPTED');
    expect(accepted!.summary).toMatch(/no changes/);
  });

  it('drift closes only for the fields written and read back; the audit names what was replaced', async () => {
    const s = await supplierNamed('Drift Co');
    // Edited in Xero: a field Vouch never pushes and one it does.
    emulator.control.editContact(tenant, s.xeroContactId!, {
      AccountNumber: 'XERO-ACC-9',
      Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 9999', PhoneAreaCode: '09', PhoneCountryCode: '64' }],
    });
    await app.services.xeroSync.fetchContact(tenant, s.xeroContactId!, log);
    expect(await openDrift(s.id)).toEqual(['accountNumber', 'phones']);

    const id = await submitAsSupplier(s.id, (d) => ({
      ...d,
      email: 'new@drift.example',
      phones: [{ type: 'DEFAULT', number: '555 1234', areaCode: '09', countryCode: '64' }],
    }));
    await accept(id);
    await synced(s.id);
    expect(await openDrift(s.id)).toEqual(['accountNumber']);
    expect(emulator.control.getContact(tenant, s.xeroContactId!).AccountNumber).toBe('XERO-ACC-9');
    const audit = await buyer.client.request<{
      supplier: { hasDrift: boolean; auditEvents: { edges: { node: { kind: string; summary: string; before: Record<string, unknown> | null } }[] } };
    }>('query($id: ID!) { supplier(id: $id) { hasDrift auditEvents(first: 30) { edges { node { kind summary before } } } } }', { id: s.id });
    expect(audit.data!.supplier.hasDrift).toBe(true);
    const syncedEvent = audit.data!.supplier.auditEvents.edges.map((e) => e.node).find((n) => n.kind === 'SYNCED')!;
    expect(syncedEvent.summary).toBe('Xero now holds the approved email and phones (read back and confirmed); this replaced what Xero held for phones');
    expect(Object.keys(syncedEvent.before!)).toEqual(['phones']);
  });

  it('a Xero edit made just before our push is recorded from the read-back; its late webhook costs nothing', async () => {
    const s = await supplierNamed('Before Co');
    const edited = emulator.control.editContact(tenant, s.xeroContactId!, { AccountNumber: 'EDITED-BEFORE' });
    const id = await submitAsSupplier(s.id, (d) => ({ ...d, email: 'new@before.example' }));
    await accept(id);
    await synced(s.id);
    expect(await openDrift(s.id)).toEqual(['accountNumber']);
    // The edit's webhook arrives after our write: that version was seen in full, so no call is made.
    emulator.control.clearRequestLog();
    const editedAt = /\/Date\((\d+)/.exec(String(edited.UpdatedDateUTC))![1]!;
    await app.services.xeroSync.fetchContact(tenant, s.xeroContactId!, log, new Date(Number(editedAt)).toISOString());
    expect(emulator.control.requestLog().filter((r) => r.method === 'GET')).toEqual([]);
    expect(await openDrift(s.id)).toEqual(['accountNumber']);
  });

  it('a Xero edit a moment after our write is fetched, never taken for our own echo', async () => {
    const s = await supplierNamed('After Co');
    const id = await submitAsSupplier(s.id, (d) => ({ ...d, email: 'new@after.example' }));
    await accept(id);
    await synced(s.id);
    const writtenAt = (await supplierNamed('After Co')).xeroUpdatedAt!;
    emulator.control.editContact(tenant, s.xeroContactId!, { AccountNumber: 'EDITED-RIGHT-AFTER' });
    // Its event is stamped a few milliseconds after our write (the old 1-second tolerance swallowed it).
    await app.services.xeroSync.fetchContact(tenant, s.xeroContactId!, log, new Date(writtenAt.getTime() + 5).toISOString());
    expect(await openDrift(s.id)).toEqual(['accountNumber']);
  });
  it('a poll recording a Xero edit while our push to that contact settles: they take turns, nothing fails or is sent twice', async () => {
    const s = await supplierNamed('Clash Co');
    // Edited in Xero just before our push: the push's read-back shows it, and so does a poll running meanwhile.
    emulator.control.editContact(tenant, s.xeroContactId!, { AccountNumber: 'EDITED-CLASH' });
    const slow = emulator.control.injectFault({ kind: 'latency', latencyMs: 3000, method: 'POST', pathPrefix: `/Contacts/${s.xeroContactId}` });
    const id = await submitAsSupplier(s.id, (d) => ({ ...d, email: 'new@clash.example' }));
    await accept(id);
    // Our write is at Xero (held 3 s). A poll compares the contact now, as ingest does: it locks the supplier,
    // records the drift it sees, and has not committed when the write's answer comes back to be settled.
    await expect.poll(() => emulator.control.listFaults().some((f) => f.id === slow.id), { timeout: 10_000, interval: 20 }).toBe(false);
    let commit!: () => void;
    const mayCommit = new Promise<void>((resolve) => (commit = resolve));
    let recorded!: () => void;
    const hasRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const poll = app.services.em(orgId).transactional(async (tx) => {
      await tx.getConnection().execute('select id from suppliers where id = ? for update', [s.id], 'all', tx.getTransactionContext());
      const supplier = await tx.findOneOrFail(Supplier, { id: s.id });
      const inXero = { ...Object.fromEntries(OWNED_FIELDS.map((f) => [f, supplier[f]])), accountNumber: 'EDITED-CLASH' } as MappedContact['owned'];
      const { drifted } = await reconcileDrift(tx, orgId, supplier, inXero, null, new Date());
      await tx.flush();
      recorded();
      await mayCommit;
      return drifted;
    });
    await hasRecorded;
    // The settle now waits for the poll (for the supplier, or, without that lock, for the poll's drift row).
    await expect
      .poll(
        async () =>
          (
            await app.orm.em
              .getConnection()
              .execute<{ n: number }[]>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)
          )[0]!.n,
        { timeout: 15_000, interval: 50 },
      )
      .toBeGreaterThan(0);
    commit();
    expect(await poll).toBe(1);
    await synced(s.id);
    // Settled the first time: one write (a failed settle re-sends the same request), one drift row, one sighting.
    expect(contactWrites(s.xeroContactId!)).toHaveLength(1);
    expect(await openDrift(s.id)).toEqual(['accountNumber']);
    const seen = await app.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from audit_events where supplier_id = ? and kind = 'DRIFT_SEEN'`, [s.id]);
    expect(seen[0]!.n).toBe(1);
    expect(emulator.control.getContact(tenant, s.xeroContactId!)).toMatchObject({ EmailAddress: 'new@clash.example', AccountNumber: 'EDITED-CLASH' });
  });
});
