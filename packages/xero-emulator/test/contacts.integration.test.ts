import { connect as connectSocket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startXeroEmulator } from '../src/index.js';
import type { XeroEmulator } from '../src/index.js';
import { api, connect, expectSchema, setupWorld } from './helpers.js';
import type { ApiResult, World } from './helpers.js';

type ContactsBody = { Contacts: Array<Record<string, unknown>>; pagination?: { page: number; pageSize: number; pageCount: number; itemCount: number } };

describe('Contacts API', () => {
  let emulator: XeroEmulator;
  let world: World;
  let token: string;
  let tenant: string;

  const call = async (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult> => {
    const result = await api(emulator, token, tenant, method, path, body, headers);
    return result;
  };
  const contacts = (result: ApiResult): ContactsBody => result.json as ContactsBody;

  beforeAll(async () => {
    emulator = await startXeroEmulator({ limits: { perMinute: 100_000, perDay: 1_000_000 } });
    world = setupWorld(emulator);
    token = (await connect(emulator)).access_token;
  });
  beforeEach(() => {
    // A fresh empty organisation per test.
    const org = emulator.control.createOrganisation({ name: `Org ${Math.random()}`, userEmails: ['owner@example.com'] });
    tenant = org.tenantId;
    emulator.control.revokeConnection({ tenantId: world.tenantB });
  });
  afterAll(async () => {
    await emulator.close();
  });

  const reconnect = async (): Promise<void> => {
    token = (await connect(emulator, { tenantIds: [tenant, world.tenantA] })).access_token;
  };

  it('creates with PUT, echoing Xero shapes, and reads back by id and by ContactNumber', async () => {
    await reconnect();
    const created = await call('PUT', '/api.xro/2.0/Contacts', {
      Contacts: [
        {
          Name: 'Bruce Banner',
          EmailAddress: 'bruce@banner.com',
          ContactNumber: 'BB1',
          Phones: [{ PhoneType: 'MOBILE', PhoneNumber: '555-1212', PhoneAreaCode: '415' }],
        },
      ],
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expectSchema('Contacts', created.json);
    const body = created.json as Record<string, unknown> & ContactsBody;
    expect(Object.keys(body)).toEqual(['Id', 'Status', 'ProviderName', 'DateTimeUTC', 'Contacts']);
    expect(body.DateTimeUTC).toMatch(/^\/Date\(\d+\)\/$/);
    const contact = body.Contacts[0] ?? {};
    expect(contact.UpdatedDateUTC).toMatch(/^\/Date\(\d+\+0000\)\/$/);
    expect((contact.Phones as unknown[]).length).toBe(4);
    expect((contact.Addresses as unknown[]).length).toBe(2);
    expect(contact).toMatchObject({ ContactStatus: 'ACTIVE', IsSupplier: false, IsCustomer: false, HasValidationErrors: false });
    const byId = await call('GET', `/api.xro/2.0/Contacts/${String(contact.ContactID)}`);
    expectSchema('Contacts', byId.json);
    expect(contacts(byId).Contacts[0]?.Name).toBe('Bruce Banner');
    const byNumber = await call('GET', '/api.xro/2.0/Contacts/BB1');
    expect(contacts(byNumber).Contacts[0]?.ContactID).toBe(contact.ContactID);
    const missing = await call('GET', '/api.xro/2.0/Contacts/00000000-0000-0000-0000-000000000001');
    expect(missing.status).toBe(404);
  });

  it('rejects a duplicate active name with the spec ValidationException, but allows it once archived', async () => {
    await reconnect();
    await call('PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Buzz Lightyear' }] });
    const dup = await call('PUT', '/api.xro/2.0/Contacts', {
      Contacts: [{ Name: 'Buzz Lightyear', EmailAddress: 'buzzlightyear@email.com', Addresses: [{ AddressType: 'STREET', City: 'San Francisco' }] }],
    });
    expect(dup.status).toBe(400);
    expectSchema('Error', dup.json, false);
    expect(dup.json).toMatchObject({
      ErrorNumber: 10,
      Type: 'ValidationException',
      Message: 'A validation exception occurred',
      Elements: [
        {
          ContactID: '00000000-0000-0000-0000-000000000000',
          Name: 'Buzz Lightyear',
          HasValidationErrors: true,
          Addresses: [{ AddressType: 'STREET', City: 'San Francisco', ValidationErrors: [] }],
          ValidationErrors: [
            { Message: 'The contact name Buzz Lightyear is already assigned to another contact. The contact name must be unique across all active contacts.' },
          ],
        },
      ],
    });
    const [existing] = emulator.control.listContacts(tenant);
    await call('POST', `/api.xro/2.0/Contacts/${existing?.ContactID ?? ''}`, { Contacts: [{ ContactStatus: 'ARCHIVED' }] });
    const again = await call('PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Buzz Lightyear' }] });
    expect(again.status).toBe(200);
  });

  it('enforces Name required, unique AccountNumber, ≤5 ContactPersons and field lengths', async () => {
    await reconnect();
    await call('PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Has Account', AccountNumber: 'ACC-1' }] });
    const result = await call('PUT', '/api.xro/2.0/Contacts?summarizeErrors=false', {
      Contacts: [
        { EmailAddress: 'no-name@example.com', FirstName: 'No' },
        { Name: 'Second', AccountNumber: 'ACC-1' },
        { Name: 'Third', ContactPersons: Array.from({ length: 6 }, (_, i) => ({ FirstName: `P${i}` })) },
        { Name: 'x'.repeat(256) },
        { Name: 'Fine Ltd' },
      ],
    });
    expect(result.status).toBe(200);
    const elements = contacts(result).Contacts;
    // Element 3 echoes the over-long Name back, so it cannot match the schema by definition.
    expectSchema('Contacts', { Contacts: elements.filter((_, i) => i !== 3) }, false);
    expect(elements.map((e) => e.StatusAttributeString)).toEqual(['ERROR', 'ERROR', 'ERROR', 'ERROR', 'OK']);
    const messages = elements.map((e) => ((e.ValidationErrors as Array<{ Message: string }> | undefined) ?? []).map((v) => v.Message).join(' '));
    expect(messages[0]).toContain('Contact Name cannot be empty.');
    expect(messages[1]).toContain('The Account Number already exists');
    expect(messages[2]).toContain('maximum of 5 contact persons');
    expect(messages[3]).toContain('255');
    expect(
      emulator.control
        .listContacts(tenant)
        .map((c) => c.Name)
        .sort(),
    ).toEqual(['Fine Ltd', 'Has Account']);
  });

  it('without summarizeErrors=false a batch with one bad element is a 400 and nothing is saved', async () => {
    await reconnect();
    const result = await call('POST', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Good One' }, { Name: '' }] });
    expect(result.status).toBe(400);
    expect((result.json as { Elements: unknown[] }).Elements).toHaveLength(1);
    expect(emulator.control.listContacts(tenant)).toHaveLength(0);
    const empty = await call('PUT', '/api.xro/2.0/Contacts', { Contacts: [] });
    expect(empty.json).toMatchObject({ ErrorNumber: 17, Type: 'NoDataProcessedException' });
  });

  it('POST updates partially, replaces ContactPersons as a whole, ignores IsSupplier and bumps UpdatedDateUTC', async () => {
    await reconnect();
    const created =
      contacts(
        await call('PUT', '/api.xro/2.0/Contacts', {
          Contacts: [{ Name: 'Acme', EmailAddress: 'a@acme.test', ContactPersons: [{ FirstName: 'A' }, { FirstName: 'B' }] }],
        }),
      ).Contacts[0] ?? {};
    const id = String(created.ContactID);
    emulator.control.clock.advance(5000);
    const updated =
      contacts(await call('POST', `/api.xro/2.0/Contacts/${id}`, { Contacts: [{ ContactPersons: [{ FirstName: 'C' }], IsSupplier: true }] })).Contacts[0] ?? {};
    expect(updated.EmailAddress).toBe('a@acme.test');
    expect((updated.ContactPersons as Array<{ FirstName: string }>).map((p) => p.FirstName)).toEqual(['C']);
    expect(updated.IsSupplier).toBe(false);
    expect(updated.UpdatedDateUTC).not.toBe(created.UpdatedDateUTC);
    // Upsert by ContactID through POST /Contacts
    const upsert = contacts(await call('POST', '/api.xro/2.0/Contacts', { Contacts: [{ ContactID: id, Name: 'Acme Ltd' }, { Name: 'Brand New' }] })).Contacts;
    expect(upsert.map((c) => c.Name)).toEqual(['Acme Ltd', 'Brand New']);
    expect(upsert[0]?.ContactID).toBe(id);
  });

  it('setContactFlags (a bill) does not bump UpdatedDateUTC; editContact (a person in Xero) does', async () => {
    await reconnect();
    const [c] = emulator.control.seedContacts(tenant, { contacts: [{ Name: 'Flag Co', UpdatedDateUTC: '2025-01-01T00:00:00Z' }] });
    const id = c?.ContactID ?? '';
    const flagged = emulator.control.setContactFlags(tenant, id, { isSupplier: true });
    expect(flagged.IsSupplier).toBe(true);
    expect(flagged.UpdatedDateUTC).toBe(`/Date(${Date.parse('2025-01-01T00:00:00Z')}+0000)/`);
    const since = await call('GET', '/api.xro/2.0/Contacts', undefined, { 'If-Modified-Since': '2025-06-01T00:00:00' });
    expect(contacts(since).Contacts).toHaveLength(0);
    const edited = emulator.control.editContact(tenant, id, { Name: 'Flag Company' });
    expect(edited.UpdatedDateUTC).not.toBe(flagged.UpdatedDateUTC);
    const rfc = await call('GET', '/api.xro/2.0/Contacts', undefined, { 'If-Modified-Since': 'Sun, 01 Jun 2025 00:00:00 GMT' });
    expect(contacts(rfc).Contacts.map((x) => x.Name)).toEqual(['Flag Company']);
  });

  it('filters with where, order, IDs, searchTerm, includeArchived; unpaged responses omit details', async () => {
    await reconnect();
    emulator.control.seedContacts(tenant, {
      contacts: [
        { Name: 'Alpha Supplies', EmailAddress: 'ap@alpha.test', IsSupplier: true, ContactNumber: 'A1', ContactPersons: [{ FirstName: 'Al' }] },
        { Name: 'Beta Foods', IsCustomer: true },
        { Name: 'Gamma Both', IsSupplier: true, IsCustomer: true },
        { Name: 'Delta Old', ContactStatus: 'ARCHIVED', IsSupplier: true },
      ],
    });
    const names = async (query: string): Promise<string[]> => contacts(await call('GET', `/api.xro/2.0/Contacts${query}`)).Contacts.map((c) => String(c.Name));
    expect(await names('')).toEqual(['Alpha Supplies', 'Beta Foods', 'Gamma Both']);
    expect(await names('?includeArchived=true')).toEqual(['Alpha Supplies', 'Beta Foods', 'Delta Old', 'Gamma Both']);
    expect(await names(`?where=${encodeURIComponent('IsSupplier==true AND IsCustomer==false')}`)).toEqual(['Alpha Supplies']);
    expect(await names(`?where=${encodeURIComponent('IsSupplier==true OR IsCustomer==true')}&includeArchived=true`)).toEqual([
      'Alpha Supplies',
      'Beta Foods',
      'Delta Old',
      'Gamma Both',
    ]);
    expect(await names(`?where=${encodeURIComponent('ContactStatus=="ACTIVE" && Name.StartsWith("G")')}`)).toEqual(['Gamma Both']);
    expect(await names(`?where=${encodeURIComponent('EmailAddress=="ap@alpha.test"')}`)).toEqual(['Alpha Supplies']);
    expect(await names(`?where=${encodeURIComponent('ContactNumber!="A1"')}`)).toEqual(['Beta Foods', 'Gamma Both']);
    expect(await names(`?where=${encodeURIComponent('Name.Contains("a F")')}`)).toEqual(['Beta Foods']);
    expect(await names('?order=Name%20DESC')).toEqual(['Gamma Both', 'Beta Foods', 'Alpha Supplies']);
    expect(await names('?searchTerm=FOODS')).toEqual(['Beta Foods']);
    const all = emulator.control.listContacts(tenant);
    const ids = all.filter((c) => c.Name !== 'Beta Foods').map((c) => c.ContactID);
    expect(await names(`?IDs=${ids.join(',')}`)).toEqual(['Alpha Supplies', 'Gamma Both']);
    const bad = await call('GET', `/api.xro/2.0/Contacts?where=${encodeURIComponent('Nonsense=="x"')}`);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ Type: 'QueryParseException' });

    const unpaged = contacts(await call('GET', '/api.xro/2.0/Contacts')).Contacts[0] ?? {};
    expect(unpaged.ContactPersons).toEqual([]);
    expect(unpaged.SalesDefaultLineAmountType).toBeUndefined();
    const paged = contacts(await call('GET', '/api.xro/2.0/Contacts?page=1')).Contacts[0] ?? {};
    expect(paged.ContactPersons).toEqual([{ FirstName: 'Al', IncludeInEmails: false }]);
    const summary = await call('GET', '/api.xro/2.0/Contacts?summaryOnly=true');
    expectSchema('Contacts', summary.json);
    const first = contacts(summary).Contacts[0] ?? {};
    expect(first.Addresses).toBeUndefined();
    expect(contacts(summary).pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, itemCount: 3 });
  });

  it('pages with pageSize up to 1000 and reports pagination', async () => {
    await reconnect();
    emulator.control.seedContacts(tenant, { count: 1200, seed: 3 });
    const activeCount = emulator.control.listContacts(tenant).filter((c) => c.ContactStatus === 'ACTIVE').length;
    const page1 = contacts(await call('GET', '/api.xro/2.0/Contacts?page=1&pageSize=5000'));
    expect(page1.pagination).toEqual({ page: 1, pageSize: 1000, pageCount: Math.ceil(activeCount / 1000), itemCount: activeCount });
    expect(page1.Contacts).toHaveLength(1000);
    const page2 = contacts(await call('GET', '/api.xro/2.0/Contacts?page=2&pageSize=1000'));
    expect(page2.Contacts).toHaveLength(activeCount - 1000);
    const defaultSize = contacts(await call('GET', '/api.xro/2.0/Contacts?page=1'));
    expect(defaultSize.Contacts).toHaveLength(100);
    expectSchema('Contacts', page1, true);
  });

  it('a page read again after a write shows the write (rendered contacts are kept only until written)', async () => {
    await reconnect();
    const [first] = emulator.control.seedContacts(tenant, { count: 30, seed: 5 });
    const id = first!.ContactID;
    const page = async () => contacts(await call('GET', '/api.xro/2.0/Contacts?page=1&pageSize=100&includeArchived=true&order=ContactID ASC'));
    const before = await page();
    const again = await page();
    expect(again.Contacts).toEqual(before.Contacts); // the same contacts, rendered once
    expect(before.Contacts.find((c) => c.ContactID === id)).toEqual(emulator.control.getContact(tenant, id)); // as the control API renders it
    emulator.control.clock.advance(1000);
    emulator.control.editContact(tenant, id, { Name: 'Renamed After Read' });
    emulator.control.setContactFlags(tenant, id, { isSupplier: true });
    const after = (await page()).Contacts.find((c) => c.ContactID === id)!;
    expect(after.Name).toBe('Renamed After Read');
    expect(after.IsSupplier).toBe(true);
    expect(after.UpdatedDateUTC).not.toBe(before.Contacts.find((c) => c.ContactID === id)!.UpdatedDateUTC);
    expectSchema('Contacts', (await call('GET', '/api.xro/2.0/Contacts?page=1&pageSize=100')).json, true);
  });

  it('rejects edits to archived contacts unless they restore them', async () => {
    await reconnect();
    const [c] = emulator.control.seedContacts(tenant, { contacts: [{ Name: 'Old Co', ContactStatus: 'ARCHIVED' }] });
    const id = c?.ContactID ?? '';
    const edit = await call('POST', `/api.xro/2.0/Contacts/${id}`, { Contacts: [{ EmailAddress: 'x@old.test' }] });
    expect(edit.status).toBe(400);
    const restore = await call('POST', `/api.xro/2.0/Contacts/${id}`, { Contacts: [{ ContactStatus: 'ACTIVE', EmailAddress: 'x@old.test' }] });
    expect(restore.status).toBe(200);
  });

  it('Idempotency-Key: same request replays, a different request with the same key is a 400', async () => {
    await reconnect();
    const body = { Contacts: [{ Name: 'Once Only' }] };
    const first = await call('PUT', '/api.xro/2.0/Contacts', body, { 'Idempotency-Key': 'k-1' });
    const second = await call('PUT', '/api.xro/2.0/Contacts', body, { 'Idempotency-Key': 'k-1' });
    expect(second.json).toEqual(first.json);
    expect(emulator.control.listContacts(tenant)).toHaveLength(1);
    const other = await call('PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Other' }] }, { 'Idempotency-Key': 'k-1' });
    expect(other.status).toBe(400);
    // In the spec's Error shape (issue 10 item 10): no problem-details Title/Status/Detail, Type a string.
    expect(other.json).toEqual({ ErrorNumber: 10, Type: 'ValidationException', Message: 'Idempotency Key: k-1 is used with a different request.' });
    expectSchema('Error', other.json);
    const tooLong = await call('PUT', '/api.xro/2.0/Contacts', body, { 'Idempotency-Key': 'k'.repeat(129) });
    expect(tooLong.status).toBe(400);
    expectSchema('Error', tooLong.json);
    // Errors are cached too.
    const bad1 = await call('PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Once Only' }] }, { 'Idempotency-Key': 'k-2' });
    expect(bad1.status).toBe(400);
    emulator.control.clock.advance(7 * 60_000);
    token = (await connect(emulator, { tenantIds: [tenant] })).access_token;
    const afterTtl = await call('PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Other' }] }, { 'Idempotency-Key': 'k-1' });
    expect(afterTtl.status).toBe(200);
  });

  it('a request whose client died mid-body is neither executed nor remembered: the honest retry succeeds once', async () => {
    await reconnect();
    const key = `crash-${Math.random()}`;
    const body = JSON.stringify({ Contacts: [{ Name: 'Crashed Upload Ltd', EmailAddress: 'ap@crashed.example' }] });
    // Both calls wait in the API layer before their bodies are read (timers fire in order): the dead one first.
    emulator.control.injectFault({ kind: 'latency', latencyMs: 300, times: 2, tenantId: tenant });
    const { hostname: host, port } = new URL(emulator.apiUrl);
    const socket = connectSocket({ host, port: Number(port) });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.write(
      [
        'PUT /api.xro/2.0/Contacts HTTP/1.1',
        `Host: ${host}:${port}`,
        `Authorization: Bearer ${token}`,
        `xero-tenant-id: ${tenant}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `Idempotency-Key: ${key}`,
        '',
        body.slice(0, Math.floor(body.length / 2)),
      ].join('\r\n'),
    );
    await expect.poll(() => emulator.control.listFaults()[0]?.fired).toBe(1);
    socket.destroy(); // the client crashes with half its body sent
    await expect.poll(() => emulator.control.requestLog().some((entry) => entry.headers['idempotency-key'] === key)).toBe(true);

    const retry = await call('PUT', '/api.xro/2.0/Contacts', JSON.parse(body), { 'Idempotency-Key': key });
    expect(retry.status).toBe(200);
    const created = contacts(retry).Contacts[0]!;
    expect(created).toMatchObject({ Name: 'Crashed Upload Ltd', EmailAddress: 'ap@crashed.example' });
    const again = await call('PUT', '/api.xro/2.0/Contacts', JSON.parse(body), { 'Idempotency-Key': key });
    expect(contacts(again).Contacts[0]!.ContactID).toBe(created.ContactID);
    expect(emulator.control.listContacts(tenant).map((c) => c.Name)).toEqual(['Crashed Upload Ltd']);
  });

  it('answers malformed JSON with PostDataInvalidException', async () => {
    await reconnect();
    const response = await fetch(`${emulator.apiUrl}/api.xro/2.0/Contacts`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'xero-tenant-id': tenant, 'content-type': 'application/json', accept: 'application/json' },
      body: '{"Contacts": [',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ErrorNumber: 14, Type: 'PostDataInvalidException' });
    const huge = await fetch(`${emulator.apiUrl}/api.xro/2.0/Contacts`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'xero-tenant-id': tenant, 'content-type': 'application/json' },
      body: JSON.stringify({ Contacts: [{ Name: 'Big', Notes: 'x'.repeat(3_600_000) }] }),
    });
    expect(huge.status).toBe(413);
    expect(emulator.control.listContacts(tenant)).toHaveLength(0);
  });
});
