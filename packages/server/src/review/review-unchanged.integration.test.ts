import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Supplier } from '../suppliers/supplier.entity.js';
import { addColleague, graphqlClient, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

/**
 * Review an approver can read at a glance: beside what a submission changes, the fields it leaves as they are
 * (those holding a value, bank details once), so nothing needs to be looked up elsewhere; masked like the rest.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const REVIEW = `query($id: ID!) { supplier(id: $id) { pendingChangeRequest { changes { field } unchanged { field label value isBankDetail } } } }`;

describe('the fields a submission leaves as they are', () => {
  it('are listed with their current values, bank details once, and masked for a VIEWER', async () => {
    const buyer = await signUpBuyer(app.url);
    const orgId = buyer.user.organisation.id;
    const created = await buyer.client.request<{ createSupplier: { id: string } }>(
      'mutation { createSupplier(input: { name: "Steady Supplies Ltd", email: "old@steady.example" }) { id } }',
    );
    const supplierId = created.data!.createSupplier.id;
    const em = app.services.em(orgId);
    const supplier = await em.findOneOrFail(Supplier, { id: supplierId });
    const phones = [{ type: 'DEFAULT', number: '7946 0000', areaCode: '020', countryCode: '44' }];
    Object.assign(supplier, { phones, taxNumber: 'GB123456789', bankAccountDetails: '20-00-00 55779911' });
    await em.flush();

    // The supplier changes only its email, through its link.
    const invited = await buyer.client.request<{ inviteSuppliers: { link: string }[] }>(
      'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { link } }',
      { ids: [supplierId] },
    );
    const token = new URLSearchParams(new URL(invited.data!.inviteSuppliers[0]!.link).hash.slice(1)).get('token')!;
    const client = graphqlClient(app.url);
    const code = (
      await client.request<{ sendSupplierCode: { devCode: string } }>('mutation($t: String!) { sendSupplierCode(token: $t) { devCode } }', { t: token })
    ).data!.sendSupplierCode.devCode;
    await client.request('mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', { t: token, c: code });
    const submitted = await client.request('mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }', {
      t: token,
      i: { name: 'Steady Supplies Ltd', email: 'new@steady.example', phones, taxNumber: 'GB123456789' },
    });
    expect(submitted.errors).toBeUndefined();

    const res = await buyer.client.request<{
      supplier: {
        pendingChangeRequest: { changes: { field: string }[]; unchanged: { field: string; label: string; value: unknown; isBankDetail: boolean }[] };
      };
    }>(REVIEW, { id: supplierId });
    expect(res.errors).toBeUndefined();
    const review = res.data!.supplier.pendingChangeRequest;
    expect(review.changes.map((c) => c.field)).toEqual(['email']);
    expect(review.unchanged).toEqual([
      { field: 'name', label: 'Business name', value: 'Steady Supplies Ltd', isBankDetail: false },
      { field: 'phones', label: 'Phones', value: phones, isBankDetail: false },
      { field: 'taxNumber', label: 'Tax / VAT number', value: 'GB123456789', isBankDetail: false },
      { field: 'bankAccountDetails', label: 'Bank account (as held in Xero)', value: '20-00-00 55779911', isBankDetail: true },
    ]);

    // A VIEWER sees the same fields, the bank one masked.
    const viewer = await addColleague(app, orgId, { role: 'VIEWER', name: 'Val Viewer' });
    const viewerClient = graphqlClient(app.url);
    await viewerClient.request('mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', { i: { email: viewer.email, password: viewer.password } });
    const masked = await viewerClient.request<typeof res.data>(REVIEW, { id: supplierId });
    const bank = masked.data!.supplier.pendingChangeRequest.unchanged.find((u) => u.isBankDetail)!;
    expect(bank.value).not.toContain('55779911');
    expect(String(bank.value)).toMatch(/9911$/);
  });
});
