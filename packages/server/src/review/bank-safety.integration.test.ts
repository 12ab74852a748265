import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../accounts/role.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { signedInColleague, graphqlClient, signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type CapturedMail, type TestApp } from '../testing/index.js';

/**
 * Bank-change safety over the API: risk signals when a submission arrives, the recorded call-back on a number
 * Vouch held before, two people for a risky change, "verified" only with a call-back, the notices to the
 * people who would notice a fraud, and the payment hold.
 */

const CREATE = 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';
const INVITE = 'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { invite { id } } }';
const SEND_CODE = 'mutation($t: String!) { sendSupplierCode(token: $t) { sentTo } }';
const VERIFY = 'mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }';
const SUBMIT = 'mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }';
const REVIEW = `query($id: ID!) { supplier(id: $id) { pendingChangeRequest { id highRisk approvalsNeeded riskSignals { code level message }
  callbackNumbers { number label } bankConfirmations { phoneNumber phoneSource phoneLabel confirmedByName note } } } }`;
const CALLBACK =
  'mutation($id: ID!, $n: String!, $note: String!) { recordBankCallback(changeRequestId: $id, phoneNumber: $n, note: $note) { bankConfirmations { phoneSource phoneLabel } } }';
const ACCEPT = 'mutation($id: ID!) { acceptChangeRequest(id: $id) { status approvals { userName } } }';
const BANK = `query($id: ID!) { supplier(id: $id) { bankDetailsVerified bankDetailsVerifiedAt bankDetailsStatus paymentHoldUntil bankDetailsChangedAt
  bankDetailsVerification { confirmedByName phoneNumber phoneSource note } } }`;

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://vouch.example' } });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

async function mailTo(address: string, subject: RegExp, after = 0): Promise<CapturedMail> {
  await expect.poll(() => smtp.messages.slice(after).some((m) => m.to.includes(address) && subject.test(m.subject)), { timeout: 10_000 }).toBe(true);
  return smtp.messages
    .slice(after)
    .filter((m) => m.to.includes(address) && subject.test(m.subject))
    .at(-1)!;
}

/** Priya (APPROVER) or Vic (VIEWER), signed in. */
async function colleague(orgId: string, role: Role) {
  const name = `${role === Role.APPROVER ? 'Priya' : 'Vic'} ${role.toLowerCase()}`;
  return (await signedInColleague(app, orgId, { role: role as keyof typeof Role, name })).client;
}

const UK_ACCOUNT = { country: 'GB', accountHolderName: 'Acme Widgets Limited', sortCode: '08-99-99', accountNumber: '66374958' };

/** A buyer, a supplier with a phone on file, and that supplier's verified invite session. */
async function setUp() {
  const buyer = await signUpBuyer(app.url);
  const supplierEmail = uniqueEmail('acme');
  const created = await buyer.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name: 'Acme Widgets Ltd', email: supplierEmail } });
  const supplierId = created.data!.createSupplier.id;
  // What Vouch held before any submission: a phone (as Xero would have it) and an address in the UK.
  await app.services.em(buyer.user.organisation.id).nativeUpdate(
    Supplier,
    { id: supplierId },
    {
      phones: [{ type: 'DEFAULT', number: '7946 0000', areaCode: '020', countryCode: '44' }],
      addresses: [{ type: 'STREET', line1: '1 High St', city: 'London', country: 'United Kingdom' }],
    },
  );
  const before = smtp.messages.length;
  await buyer.client.request(INVITE, { ids: [supplierId] });
  const token = /\/invite#token=([\w-]+)/.exec((await mailTo(supplierEmail, /confirm your supplier details/, before)).text)![1]!;
  const supplier = graphqlClient(app.url);
  const codeFrom = smtp.messages.length;
  await supplier.request(SEND_CODE, { t: token });
  const code = /(\d{6})/.exec((await mailTo(supplierEmail, /Your Vouch code/, codeFrom)).subject)![1]!;
  await supplier.request(VERIFY, { t: token, c: code });
  const submit = async (overrides: Record<string, unknown> = {}) => {
    const res = await supplier.request(SUBMIT, {
      t: token,
      i: {
        name: 'Acme Widgets Ltd',
        email: supplierEmail,
        phones: [{ type: 'DEFAULT', number: '7946 0000', areaCode: '020', countryCode: '44' }],
        addresses: [{ type: 'STREET', line1: '1 High St', city: 'London', country: 'United Kingdom' }],
        contactPersons: [],
        payment: UK_ACCOUNT,
        ...overrides,
      },
    });
    expect(res.errors).toBeUndefined();
    type Review = {
      supplier: {
        pendingChangeRequest: {
          id: string;
          highRisk: boolean;
          approvalsNeeded: number;
          riskSignals: { code: string; level: string; message: string }[];
          callbackNumbers: { number: string; label: string }[];
        };
      };
    };
    return (await buyer.client.request<Review>(REVIEW, { id: supplierId })).data!.supplier.pendingChangeRequest;
  };
  return { buyer, supplierId, supplierEmail, submit };
}

describe('bank-change safety', () => {
  it('flags an account another supplier holds and a same-time email change, and needs a call-back and two people', async () => {
    const { buyer, supplierId, supplierEmail, submit } = await setUp();
    const orgId = buyer.user.organisation.id;
    // Another supplier of this organisation already holds the account (as Xero writes it).
    const other = await buyer.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name: 'Globex Ltd', email: 'ap@globex.example' } });
    await app.services.em(orgId).nativeUpdate(Supplier, { id: other.data!.createSupplier.id }, { bankAccountDetails: '089999 66374958' });

    const request = await submit({
      email: 'new-accounts@acme-widgets.example',
      phones: [{ type: 'DEFAULT', number: '555 0199', areaCode: '020', countryCode: '44' }],
    });
    expect(request.highRisk).toBe(true);
    expect(request.approvalsNeeded).toBe(2);
    expect(request.riskSignals.map((s) => [s.code, s.level])).toEqual(
      expect.arrayContaining([
        ['DUPLICATE_ACCOUNT', 'HIGH'],
        ['EMAIL_CHANGED', 'HIGH'],
      ]),
    );
    expect(request.riskSignals.find((s) => s.code === 'DUPLICATE_ACCOUNT')!.message).toContain('Globex Ltd');
    // Numbers to call: the one held before, never the one this submission brings.
    expect(request.callbackNumbers).toEqual([{ number: '+44 (020) 7946 0000', label: 'Phone on file' }]);

    expect((await buyer.client.request(ACCEPT, { id: request.id })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CALLBACK_REQUIRED' });
    const badCall = await buyer.client.request(CALLBACK, { id: request.id, n: '', note: '' });
    expect(badCall.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Calling the number from the submission itself is allowed, but marked as no evidence of anything.
    const fromSubmission = await buyer.client.request<{ recordBankCallback: { bankConfirmations: { phoneSource: string; phoneLabel: string }[] } }>(CALLBACK, {
      id: request.id,
      n: '020 555 0199',
      note: 'Rang the number they gave.',
    });
    expect(fromSubmission.data!.recordBankCallback.bankConfirmations[0]).toEqual({
      phoneSource: 'TYPED',
      phoneLabel: 'Typed: a number from this very submission',
    });
    const held = await buyer.client.request<{ recordBankCallback: { bankConfirmations: { phoneSource: string; phoneLabel: string }[] } }>(CALLBACK, {
      id: request.id,
      n: '+44 20 7946 0000',
      note: 'Spoke to Jo Bloggs, finance; confirmed sort code and account ending 4958.',
    });
    expect(held.data!.recordBankCallback.bankConfirmations[1]).toEqual({ phoneSource: 'HELD', phoneLabel: 'Phone on file' });

    const first = await buyer.client.request<{ acceptChangeRequest: { status: string } }>(ACCEPT, { id: request.id });
    expect(first.data!.acceptChangeRequest.status).toBe('PENDING');
    expect((await buyer.client.request(ACCEPT, { id: request.id })).errors?.[0]?.extensions?.reason).toBe('HIGH_RISK_SECOND_APPROVER');
    const approver = await colleague(orgId, Role.APPROVER);
    // An APPROVER cannot override; a second person accepts.
    expect(
      (await approver.request('mutation($id: ID!) { acceptChangeRequest(id: $id, overrideReason: "fine") { status } }', { id: request.id })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    const mailFrom = smtp.messages.length;
    const second = await approver.request<{ acceptChangeRequest: { status: string; approvals: unknown[] } }>(ACCEPT, { id: request.id });
    expect(second.data!.acceptChangeRequest).toMatchObject({ status: 'ACCEPTED', approvals: [{ userName: 'Ada Buyer' }, { userName: 'Priya approver' }] });

    type Bank = {
      supplier: {
        bankDetailsVerified: boolean;
        bankDetailsStatus: string;
        paymentHoldUntil: string;
        bankDetailsVerification: { confirmedByName: string; phoneNumber: string; phoneSource: string };
      };
    };
    const bank = (await buyer.client.request<Bank>(BANK, { id: supplierId })).data!.supplier;
    expect(bank.bankDetailsVerified).toBe(true);
    expect(bank.bankDetailsVerification).toMatchObject({ confirmedByName: 'Ada Buyer', phoneNumber: '+44 20 7946 0000', phoneSource: 'HELD' });
    expect(bank.bankDetailsStatus).toMatch(/^Confirmed by phone by Ada Buyer on .+ \(phone on file\); newly changed: hold payments until .+\.$/);
    const hold = new Date(bank.paymentHoldUntil).getTime() - Date.now();
    expect(hold).toBeGreaterThan(2.9 * 86_400_000);
    expect(hold).toBeLessThanOrEqual(3 * 86_400_000);

    // The people who would notice: the address held before, the new one, and the admin. Last 4 digits only.
    const toOld = await mailTo(supplierEmail, /bank details with .* were changed/, mailFrom);
    const toNew = await mailTo('new-accounts@acme-widgets.example', /bank details with .* were changed/, mailFrom);
    const toAdmin = await mailTo(buyer.input.email, /Bank details changed: Acme Widgets Ltd/, mailFrom);
    for (const mail of [toOld, toNew, toAdmin]) {
      expect(mail.text).toContain('ending 4958');
      expect(mail.text + mail.raw).not.toContain('66374958');
      expect(mail.text + mail.raw).not.toContain('089999');
    }
    expect(toOld.text).toMatch(/If this wasn't you, contact .+ on a phone number you already have/);
  });

  it('a calm bank change needs the call-back but one approver; the payment hold follows the setting', async () => {
    const { buyer, supplierId, submit } = await setUp();
    const settings = await buyer.client.request('mutation { updateOrganisationSettings(paymentHoldDays: 31) { paymentHoldDays } }');
    expect(settings.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await buyer.client.request('mutation { updateOrganisationSettings(paymentHoldDays: 0) { paymentHoldDays } }');
    const request = await submit();
    expect(request.highRisk).toBe(false);
    expect(request.riskSignals.map((s) => s.code)).toEqual(['RECENT_CHANGE']);
    type Bank = { supplier: { bankDetailsVerified: boolean; bankDetailsStatus: string; paymentHoldUntil: string | null } };
    const before = (await buyer.client.request<Bank>(BANK, { id: supplierId })).data!.supplier;
    expect(before.bankDetailsVerified).toBe(false);
    expect(before.bankDetailsStatus).toMatch(
      /^New bank details sent .+ by the supplier \(email confirmed\), awaiting review and a call-back; none held until then\.$/,
    );
    await buyer.client.request(CALLBACK, { id: request.id, n: '020 7946 0000', note: 'Confirmed with Jo.' });
    expect((await buyer.client.request<{ acceptChangeRequest: { status: string } }>(ACCEPT, { id: request.id })).data!.acceptChangeRequest.status).toBe(
      'ACCEPTED',
    );
    const after = (await buyer.client.request<Bank>(BANK, { id: supplierId })).data!.supplier;
    expect(after.bankDetailsVerified).toBe(true);
    expect(after.paymentHoldUntil).toBeNull();
  });

  it('says where each number came from: Xero, or a previous submission through Vouch', async () => {
    const { buyer, supplierId, submit } = await setUp();
    const mobile = { type: 'MOBILE', number: '7700 900123', countryCode: '44' };
    // A first, accepted submission brings a mobile number in.
    const first = await submit({ phones: [{ type: 'DEFAULT', number: '7946 0000', areaCode: '020', countryCode: '44' }, mobile] });
    await buyer.client.request(CALLBACK, { id: first.id, n: '020 7946 0000', note: 'Confirmed with Jo.' });
    expect((await buyer.client.request<{ acceptChangeRequest: { status: string } }>(ACCEPT, { id: first.id })).data!.acceptChangeRequest.status).toBe(
      'ACCEPTED',
    );

    // The next bank change: the mobile is a number Vouch holds only because the supplier sent it.
    const second = await submit({
      phones: [{ type: 'DEFAULT', number: '7946 0000', areaCode: '020', countryCode: '44' }, mobile],
      payment: { ...UK_ACCOUNT, accountHolderName: 'Acme Widgets Ltd' },
    });
    expect(second.callbackNumbers).toEqual([
      { number: '+44 (020) 7946 0000', label: 'Phone on file' },
      { number: '+44 7700 900123', label: 'Mobile from a previous submission' },
    ]);

    // Linked to its Xero contact, the number no submission brought is the one Xero held.
    await app.services.em(buyer.user.organisation.id).nativeUpdate(Supplier, { id: supplierId }, { xeroContactId: crypto.randomUUID() });
    type Numbers = { supplier: { pendingChangeRequest: { callbackNumbers: { number: string; label: string }[] } } };
    const numbers = (await buyer.client.request<Numbers>(REVIEW, { id: supplierId })).data!.supplier.pendingChangeRequest.callbackNumbers;
    expect(numbers).toEqual([
      { number: '+44 (020) 7946 0000', label: 'Phone held in Xero' },
      { number: '+44 7700 900123', label: 'Mobile from a previous submission' },
    ]);
    const called = await buyer.client.request<{ recordBankCallback: { bankConfirmations: { phoneSource: string; phoneLabel: string }[] } }>(CALLBACK, {
      id: second.id,
      n: '020 7946 0000',
      note: 'Spoke to Jo on the number in Xero.',
    });
    expect(called.data!.recordBankCallback.bankConfirmations).toEqual([{ phoneSource: 'HELD', phoneLabel: 'Phone held in Xero' }]);
  });

  it('a VIEWER can neither record a call-back nor see numbers beyond the last four', async () => {
    const { buyer, submit } = await setUp();
    const request = await submit();
    const viewer = await colleague(buyer.user.organisation.id, Role.VIEWER);
    expect((await viewer.request(CALLBACK, { id: request.id, n: '020 7946 0000', note: 'x' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await signUpBuyer(app.url);
    expect((await stranger.client.request(CALLBACK, { id: request.id, n: '020 7946 0000', note: 'x' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
