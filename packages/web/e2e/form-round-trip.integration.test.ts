import { connectXero, graphqlClient, signUpBuyer, startTestApp, type TestApp } from '@vouch/server/testing';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formFromDetails, supplierDetailsInput, validateSupplierForm, type SupplierFormState } from '../src/features/invites/supplier-form';

/**
 * The supplier form's own code (prefill from what the business holds → the mutation input), driven
 * against the real server and the emulator over many generated contacts and the awkward shapes: a supplier
 * who changes nothing sends a submission with an empty diff, and any accepted submission is read back from
 * Xero as written — nothing else in Xero changes (IncludeInEmails, company numbers, phone types the form
 * does not show). Browser journeys cover the screens; this covers the breadth of data.
 */

const USER = { email: 'owner@roundtrip.example', password: 'xero-password-1' };
const GENERATED = 40;

let emulator: XeroEmulator;
let app: TestApp;
let tenant: string;
let buyer: Awaited<ReturnType<typeof signUpBuyer>>;

const EDGE_CASES = [
  {
    Name: 'One Address Ltd',
    IsSupplier: true,
    Addresses: [{ AddressType: 'STREET' as const, AddressLine1: '9 Only Road', City: 'Leeds', Country: 'United Kingdom' }],
  },
  { Name: 'No Address Co', IsSupplier: true, EmailAddress: 'none@noaddress.example' },
  {
    Name: 'Three People Ltd',
    IsSupplier: true,
    CompanyNumber: '5056166',
    TaxNumber: '123-456-789',
    Addresses: [{ AddressType: 'POBOX' as const, AddressLine1: 'PO Box 1', City: 'London', PostalCode: 'EC1A 1BB', Country: 'United Kingdom' }],
    ContactPersons: [
      { FirstName: 'Ann', LastName: 'One', EmailAddress: 'ann@three.example', IncludeInEmails: true },
      { FirstName: 'Bob', LastName: 'Two', EmailAddress: 'bob@three.example', IncludeInEmails: false },
      { FirstName: 'Cy', LastName: 'Three', EmailAddress: 'cy@three.example', IncludeInEmails: true },
    ],
  },
  {
    Name: 'Ōtautahi Kūmara Café — Łódź 東京',
    FirstName: 'Zoë',
    LastName: 'Ngā',
    IsSupplier: true,
    Addresses: [
      {
        AddressType: 'STREET' as const,
        AddressLine1: '1 Rue de l’Église',
        AddressLine2: 'Bâtiment B',
        AddressLine3: 'Étage 2',
        AddressLine4: 'Porte 3',
        City: 'Québec',
        Region: 'QC',
        PostalCode: 'G1R 4P5',
        Country: 'Canada',
        AttentionTo: 'Zoë',
      },
      { AddressType: 'POBOX' as const, AddressLine1: 'CP 99', City: 'Québec', Country: 'Canada' },
    ],
    Phones: [
      { PhoneType: 'DEFAULT' as const, PhoneNumber: '555 0100', PhoneAreaCode: '418', PhoneCountryCode: '1' },
      { PhoneType: 'DDI' as const, PhoneNumber: '555 0101', PhoneAreaCode: '418', PhoneCountryCode: '1' },
      { PhoneType: 'FAX' as const, PhoneNumber: '555 0102', PhoneAreaCode: '418', PhoneCountryCode: '1' },
    ],
  },
];

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(USER);
  tenant = emulator.control.createOrganisation({ name: 'Round Trip Books Ltd', userEmails: [USER.email] }).tenantId;
  emulator.control.seedContacts(tenant, { count: GENERATED, seed: 7 });
  emulator.control.seedContacts(tenant, { contacts: EDGE_CASES });
  app = await startTestApp({ xeroEmulator: emulator });
  buyer = await signUpBuyer(app.url);
  await connectXero(app.url, buyer.client, { xeroUser: USER, tenantId: tenant, importTimeoutMs: 30_000 });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

interface Listed {
  id: string;
  name: string;
  xeroContactId: string;
}

async function allSuppliers(): Promise<Listed[]> {
  const res = await buyer.client.request<{ suppliers: { edges: { node: Listed }[] } }>(
    'query { suppliers(first: 100) { edges { node { id name xeroContactId } } } }',
  );
  expect(res.errors).toBeUndefined();
  return res.data!.suppliers.edges.map((e) => e.node);
}

let ip = 0;
/** Invites the supplier (link to copy: no SMTP here), proves the code, and returns the supplier's session. */
async function openAsSupplier(supplierId: string) {
  const invited = await buyer.client.request<{ inviteSuppliers: { link: string }[] }>(
    'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids, email: "supplier@roundtrip.example") { link } }',
    { ids: [supplierId] },
  );
  expect(invited.errors).toBeUndefined();
  const token = /#token=([\w-]+)/.exec(invited.data!.inviteSuppliers[0]!.link)![1]!;
  ip += 1;
  const supplier = graphqlClient(app.url, { ip: `10.77.${Math.floor(ip / 250)}.${ip % 250}` });
  const sent = await supplier.request<{ sendSupplierCode: { devCode: string } }>('mutation($t: String!) { sendSupplierCode(token: $t) { devCode } }', {
    t: token,
  });
  expect(sent.errors).toBeUndefined();
  const verified = await supplier.request('mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', {
    t: token,
    c: sent.data!.sendSupplierCode.devCode,
  });
  expect(verified.errors).toBeUndefined();
  const details = await supplier.request<{ supplierDetails: { details: Record<string, unknown> } }>(
    'query($t: String!) { supplierDetails(token: $t) { details } }',
    { t: token },
  );
  expect(details.errors).toBeUndefined();
  return { token, supplier, form: formFromDetails(details.data!.supplierDetails.details) };
}

async function submit(session: Awaited<ReturnType<typeof openAsSupplier>>, form: SupplierFormState) {
  expect(validateSupplierForm(form)).toEqual({});
  const res = await session.supplier.request(
    'mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }',
    {
      t: session.token,
      i: supplierDetailsInput(form),
    },
  );
  expect(res.errors).toBeUndefined();
}

async function pending(supplierId: string) {
  const res = await buyer.client.request<{
    supplier: { pendingChangeRequest: { id: string; changes: { field: string; before: unknown; after: unknown }[] } | null };
  }>('query($id: ID!) { supplier(id: $id) { pendingChangeRequest { id changes { field before after } } } }', { id: supplierId });
  expect(res.errors).toBeUndefined();
  return res.data!.supplier.pendingChangeRequest!;
}

const syncStatus = async (supplierId: string) =>
  (
    await buyer.client.request<{ supplier: { syncStatus: string | null; hasDrift: boolean } }>(
      'query($id: ID!) { supplier(id: $id) { syncStatus hasDrift } }',
      { id: supplierId },
    )
  ).data!.supplier;

describe('the supplier form against Xero’s data', () => {
  it('a supplier who changes nothing sends a submission with an empty diff, for every contact shape', { timeout: 300_000 }, async () => {
    const suppliers = await allSuppliers();
    expect(suppliers.length).toBeGreaterThan(GENERATED / 3);
    for (const s of suppliers) {
      const session = await openAsSupplier(s.id);
      // The form needs an email: where Xero holds none, the supplier types the one they were invited at,
      // and that is the only change.
      const typedEmail = session.form.email === '';
      if (typedEmail) session.form.email = 'supplier@roundtrip.example';
      await submit(session, session.form);
      const request = await pending(s.id);
      expect({ supplier: s.name, changed: request.changes.map((c) => c.field) }).toEqual({ supplier: s.name, changed: typedEmail ? ['email'] : [] });
    }
  });

  it('an accepted form-built change is read back from Xero as written, and nothing else in Xero changes', { timeout: 300_000 }, async () => {
    const suppliers = await allSuppliers();
    for (const [i, s] of suppliers.entries()) {
      const before = structuredClone(emulator.control.getContact(tenant, s.xeroContactId)) as unknown as Record<string, unknown>;
      const session = await openAsSupplier(s.id);
      const form = session.form;
      // What a supplier typically edits: the email, a phone, an address line (and, every third one, a person).
      form.email = `accounts+${i}@updated.example`;
      form.phones[0] = { ...form.phones[0]!, areaCode: '09', number: `555 ${String(1000 + i)}` };
      form.addresses[1] = { ...form.addresses[1]!, line1: `${i + 1} New Street`, city: form.addresses[1]!.city || 'Auckland' };
      if (i % 3 === 0 && form.contactPersons[0]) form.contactPersons[0] = { ...form.contactPersons[0], lastName: `${form.contactPersons[0].lastName} Jr` };
      await submit(session, form);
      const request = await pending(s.id);
      const accepted = await buyer.client.request('mutation($id: ID!) { acceptChangeRequest(id: $id) { status } }', { id: request.id });
      expect(accepted.errors).toBeUndefined();
      await expect.poll(async () => (await syncStatus(s.id)).syncStatus, { timeout: 20_000 }).toBe('SYNCED');
      expect((await syncStatus(s.id)).hasDrift).toBe(false);

      const after = emulator.control.getContact(tenant, s.xeroContactId) as unknown as Record<string, unknown>;
      expect(after.EmailAddress).toBe(form.email);
      const phone = (after.Phones as { PhoneType: string; PhoneNumber?: string; PhoneAreaCode?: string }[]).find((p) => p.PhoneType === form.phones[0]!.type);
      expect(phone).toMatchObject({ PhoneNumber: form.phones[0]!.number, PhoneAreaCode: '09' });
      const street = (after.Addresses as { AddressType: string; AddressLine1?: string }[]).find((a) => a.AddressType === 'STREET');
      expect(street?.AddressLine1).toBe(`${i + 1} New Street`);
      // Untouched by the form: kept exactly as Xero held them.
      for (const field of ['Name', 'CompanyNumber', 'TaxNumber', 'AccountNumber', 'BankAccountDetails', 'FirstName', 'LastName']) {
        expect({ field, value: after[field] }).toEqual({ field, value: before[field] });
      }
      const flags = (c: Record<string, unknown>) => ((c.ContactPersons ?? []) as { IncludeInEmails?: boolean }[]).map((p) => p.IncludeInEmails === true);
      expect(flags(after)).toEqual(flags(before));
      const otherPhones = (c: Record<string, unknown>) =>
        ((c.Phones ?? []) as { PhoneType: string }[]).filter((p) => p.PhoneType === 'DDI' || p.PhoneType === 'FAX');
      expect(otherPhones(after)).toEqual(otherPhones(before));
    }
  });
});
