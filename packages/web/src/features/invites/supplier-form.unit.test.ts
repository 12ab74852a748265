import { describe, expect, it } from 'vitest';
import { countryFromAddresses, formFromDetails, formFromSubmission, supplierDetailsInput, validateSupplierForm } from './supplier-form';
import { tokenFromHash } from './invite-token';
import { PAYMENT_KINDS } from './payment-fields';

const held = {
  name: 'Acme Widgets Ltd',
  firstName: 'Jo',
  lastName: 'Bloggs',
  email: 'jo@acme.example',
  phones: [
    { type: 'MOBILE', number: '7700 900123', areaCode: '', countryCode: '44' },
    { type: 'FAX', number: '020 7946 0000', areaCode: null, countryCode: null },
  ],
  addresses: [{ type: 'STREET', line1: '1 High St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'United Kingdom' }],
  contactPersons: [{ firstName: 'Sam', lastName: 'Lee', email: 'sam@acme.example', includeInEmails: true }],
  taxNumber: null,
  companyNumber: null,
  bankAccountDetails: '•••• 1234',
  paymentDetails: { country: 'GB', accountHolderName: 'Acme', sortCode: '•••• 9999', accountNumber: '•••• 1234' },
};

describe('supplier details form', () => {
  it('prefills from what the business holds, but never the bank numbers', () => {
    const form = formFromDetails(held);
    expect(form.name).toBe('Acme Widgets Ltd');
    expect(form.countryCode).toBe('GB');
    expect(form.phones.map((p) => p.type)).toEqual(['DEFAULT', 'MOBILE', 'FAX']);
    expect(form.phones[1]!.number).toBe('7700 900123');
    expect(form.addresses.map((a) => a.type)).toEqual(['POBOX', 'STREET']);
    expect(form.addresses[1]!.city).toBe('Leeds');
    expect(form.contactPersons).toHaveLength(1);
    expect(form.updatePayment).toBe(false);
    expect(form.payment.accountNumber).toBe('');
    expect(form.payment.sortCode).toBe('');
  });

  it('uses the server’s validators, with the server’s field paths', () => {
    const form = formFromDetails(held);
    form.email = 'not-an-email';
    form.phones[0]!.number = 'call me';
    form.updatePayment = true;
    form.payment = { ...form.payment, country: 'GB', accountHolderName: 'Acme Widgets', sortCode: '08-99-99', accountNumber: '66374959' };
    const errors = validateSupplierForm(form);
    expect(Object.keys(errors).sort()).toEqual(['email', 'payment.accountNumber', 'phones[0].number']);

    form.email = 'jo@acme.example';
    form.phones[0]!.number = '0113 496 0000';
    form.payment.accountNumber = '66374958';
    expect(validateSupplierForm(form)).toEqual({});
  });

  it('pre-selects the country and kind of bank account from the Xero address, not only for the UK', () => {
    const at = (country: string, type = 'STREET') => formFromDetails({ ...held, paymentDetails: null, addresses: [{ type, line1: '1 Main St', country }] });
    expect([at('New Zealand').countryCode, at('New Zealand').payment.country]).toEqual(['NZ', 'NZ']);
    expect([at('Australia').countryCode, at('Australia').payment.country]).toEqual(['AU', 'AU']);
    expect([at('USA').countryCode, at('USA').payment.country]).toEqual(['US', 'US']);
    expect([at('Germany', 'POBOX').countryCode, at('Germany', 'POBOX').payment.country]).toEqual(['DE', 'IBAN']);
    expect([at('Canada').countryCode, at('Canada').payment.country]).toEqual(['CA', 'OTHER']);
    expect(at('Narnia').countryCode).toBe('');
    // The street address wins over the postal one.
    expect(
      countryFromAddresses([
        { type: 'POBOX', country: 'Australia' },
        { type: 'STREET', country: 'New Zealand' },
      ]),
    ).toBe('NZ');
    // The kind of account already held wins over the address.
    expect(formFromDetails({ ...held, addresses: [{ type: 'STREET', country: 'New Zealand' }] }).payment.country).toBe('GB');
  });

  it('sends a New Zealand account number as one field, checked with its check digits as the supplier types', () => {
    const form = formFromDetails({ ...held, paymentDetails: null, addresses: [{ type: 'STREET', country: 'New Zealand' }] });
    form.updatePayment = true;
    form.payment = { ...form.payment, accountHolderName: 'Acme NZ', accountNumber: '01-0902-0068388-00' };
    expect(validateSupplierForm(form)).toEqual({ 'payment.accountNumber': expect.stringMatching(/does not look right/) });
    form.payment.accountNumber = '01-0902-0068389-00';
    expect(validateSupplierForm(form)).toEqual({});
    expect(supplierDetailsInput(form).payment).toEqual({ country: 'NZ', accountHolderName: 'Acme NZ', accountNumber: '01-0902-0068389-00' });
  });

  it('leaves payment out unless the supplier chose to update it', () => {
    const form = formFromDetails(held);
    expect(supplierDetailsInput(form).payment).toBeNull();
    form.updatePayment = true;
    form.payment = { ...form.payment, accountHolderName: ' Acme ', sortCode: '089999', accountNumber: '66374958', iban: 'ignored' };
    expect(supplierDetailsInput(form).payment).toEqual({
      country: 'GB',
      accountHolderName: 'Acme',
      sortCode: '089999',
      accountNumber: '66374958',
    });
  });

  it('prefills from the supplier’s own submission; bank details sent make them choose again, numbers empty', () => {
    const sent = {
      ...held,
      name: 'Acme Widgets Limited',
      firstName: 'Maya',
      paymentDetails: { country: 'IBAN', accountHolderName: 'Acme Widgets', iban: '•••• 4321', bic: 'DEUTDEFF' },
      bankAccountDetails: '•••• 4321',
    };
    const form = formFromSubmission({ details: sent, includesBankDetails: true });
    expect(form.name).toBe('Acme Widgets Limited');
    expect(form.firstName).toBe('Maya');
    expect(form.updatePayment).toBe(true);
    expect(form.payment).toMatchObject({ country: 'IBAN', accountHolderName: 'Acme Widgets', iban: '', bic: '' });
    // Sending as it stands is refused until the numbers are entered again (or the box is unticked).
    expect(validateSupplierForm(form)).toHaveProperty(['payment.iban']);

    const withoutBank = formFromSubmission({ details: { ...held, name: 'Only A Name Change Ltd' }, includesBankDetails: false });
    expect(withoutBank.name).toBe('Only A Name Change Ltd');
    expect(withoutBank.updatePayment).toBe(false);
    expect(supplierDetailsInput(withoutBank).payment).toBeNull();
  });

  it('reads the token from the fragment only', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });
});

describe('kinds of bank account: one list for the inputs shown and the fields sent', () => {
  it('offers the six kinds, the UK first', () => {
    expect(PAYMENT_KINDS.map((k) => k.country)).toEqual(['GB', 'IBAN', 'AU', 'NZ', 'US', 'OTHER']);
  });

  it.each(PAYMENT_KINDS.map((kind) => [kind.country, kind] as const))('%s: sends exactly the inputs it shows', (_country, kind) => {
    const form = formFromDetails(held);
    form.updatePayment = true;
    form.payment = {
      country: kind.country,
      accountHolderName: 'Acme',
      sortCode: '1',
      accountNumber: '2',
      iban: '3',
      bic: '4',
      bsb: '5',
      routingNumber: '6',
      details: '7',
    };
    const payment = supplierDetailsInput(form).payment!;
    expect(Object.keys(payment).sort()).toEqual(['accountHolderName', 'country', ...kind.fields.map((f) => f.key)].sort());
  });

  it.each(PAYMENT_KINDS.map((kind) => [kind.country, kind] as const))(
    '%s: every message the validators give lands under an input it shows',
    (_country, kind) => {
      const form = formFromDetails(held);
      form.updatePayment = true;
      form.payment = {
        country: kind.country,
        accountHolderName: '',
        sortCode: 'x',
        accountNumber: 'x',
        iban: 'x',
        bic: 'x',
        bsb: 'x',
        routingNumber: 'x',
        details: '',
      };
      const paths = Object.keys(validateSupplierForm(form)).filter((path) => path.startsWith('payment.'));
      const shown = ['payment.accountHolderName', ...kind.fields.map((f) => `payment.${f.key}`)];
      expect(paths.length).toBeGreaterThan(1);
      for (const path of paths) expect(shown, path).toContain(path);
    },
  );
});
