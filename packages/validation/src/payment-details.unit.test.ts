import { describe, expect, it } from 'vitest';
import { maskAccount, maskPaymentDetails, validatePaymentDetails, xeroBankAccountDetails, type PaymentDetailsInput } from './payment-details.js';
import { validateAccountHolderName, validateOtherBankDetails } from './text-fields.js';

const NAME = 'Acme Widgets Ltd';

function errorsOf(input: PaymentDetailsInput): [string, string][] {
  const r = validatePaymentDetails(input);
  return r.ok ? [] : r.errors.map((e) => [e.field, e.code]);
}

describe('validatePaymentDetails: GB', () => {
  it('normalises and builds the Xero string', () => {
    expect(validatePaymentDetails({ country: 'GB', accountHolderName: ` ${NAME} `, sortCode: '08 99 99', accountNumber: '6637-4958' })).toEqual({
      ok: true,
      value: { country: 'GB', accountHolderName: NAME, sortCode: '089999', accountNumber: '66374958' },
      xeroBankAccountDetails: '08-99-99 66374958',
    });
  });

  it('reports each bad field, and the holder name, together', () => {
    expect(errorsOf({ country: 'GB', accountHolderName: '', sortCode: '0899', accountNumber: 'abc' })).toEqual([
      ['accountHolderName', 'ACCOUNT_HOLDER_NAME_REQUIRED'],
      ['sortCode', 'SORT_CODE_FORMAT'],
      ['accountNumber', 'ACCOUNT_NUMBER_FORMAT'],
    ]);
  });

  it('reports a modulus failure on the account number', () => {
    const r = validatePaymentDetails({ country: 'GB', accountHolderName: NAME, sortCode: '089999', accountNumber: '66374959' });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          field: 'accountNumber',
          code: 'UK_ACCOUNT_MODULUS',
          message: "This account number doesn't match the sort code. Please check both numbers against a bank statement.",
        },
      ],
    });
  });

  it('ignores fields of other methods', () => {
    const r = validatePaymentDetails({ country: 'GB', accountHolderName: NAME, sortCode: '089999', accountNumber: '66374958', iban: 'junk', bsb: 'x' });
    expect(r.ok).toBe(true);
  });
});

describe('validatePaymentDetails: IBAN', () => {
  it('without a BIC', () => {
    expect(validatePaymentDetails({ country: 'IBAN', accountHolderName: NAME, iban: 'gb82 west 1234 5698 7654 32' })).toEqual({
      ok: true,
      value: { country: 'IBAN', accountHolderName: NAME, iban: 'GB82WEST12345698765432', bic: null },
      xeroBankAccountDetails: 'GB82WEST12345698765432',
    });
  });

  it('with a BIC', () => {
    const r = validatePaymentDetails({ country: 'IBAN', accountHolderName: NAME, iban: 'GB82WEST12345698765432', bic: 'nwbkgb2l' });
    expect(r).toMatchObject({ ok: true, xeroBankAccountDetails: 'GB82WEST12345698765432 BIC NWBKGB2L' });
  });

  it('rejects a BIC from another country than the IBAN', () => {
    expect(errorsOf({ country: 'IBAN', accountHolderName: NAME, iban: 'GB82WEST12345698765432', bic: 'DEUTDEFF' })).toEqual([
      ['bic', 'BIC_IBAN_COUNTRY_MISMATCH'],
    ]);
  });

  it('reports a bad IBAN and a bad BIC together', () => {
    expect(errorsOf({ country: 'IBAN', accountHolderName: NAME, iban: 'GB82WEST12345698765433', bic: 'NWBK' })).toEqual([
      ['iban', 'IBAN_CHECKSUM'],
      ['bic', 'BIC_LENGTH'],
    ]);
  });
});

describe('validatePaymentDetails: AU, US, OTHER', () => {
  it('AU', () => {
    expect(validatePaymentDetails({ country: 'AU', accountHolderName: NAME, bsb: '062000', accountNumber: '12345678' })).toEqual({
      ok: true,
      value: { country: 'AU', accountHolderName: NAME, bsb: '062000', accountNumber: '12345678' },
      xeroBankAccountDetails: 'BSB 062-000 12345678',
    });
    expect(errorsOf({ country: 'AU', accountHolderName: NAME, bsb: '06200', accountNumber: '123' })).toEqual([
      ['bsb', 'BSB_FORMAT'],
      ['accountNumber', 'ACCOUNT_NUMBER_FORMAT'],
    ]);
  });

  it('US', () => {
    expect(validatePaymentDetails({ country: 'US', accountHolderName: NAME, routingNumber: '021000021', accountNumber: '1234567' })).toEqual({
      ok: true,
      value: { country: 'US', accountHolderName: NAME, routingNumber: '021000021', accountNumber: '1234567' },
      xeroBankAccountDetails: 'ABA 021000021 Acct 1234567',
    });
    expect(errorsOf({ country: 'US', accountHolderName: NAME, routingNumber: '021000022', accountNumber: '1234567' })).toEqual([
      ['routingNumber', 'ROUTING_NUMBER_CHECKSUM'],
    ]);
  });

  it('OTHER', () => {
    const details = 'Bank of Somewhere, account 123-456-789, branch 42';
    expect(validatePaymentDetails({ country: 'OTHER', accountHolderName: NAME, details: `  ${details} ` })).toEqual({
      ok: true,
      value: { country: 'OTHER', accountHolderName: NAME, details },
      xeroBankAccountDetails: details,
    });
    expect(errorsOf({ country: 'OTHER', accountHolderName: NAME, details: '   ' })).toEqual([['details', 'BANK_DETAILS_REQUIRED']]);
    expect(errorsOf({ country: 'OTHER', accountHolderName: NAME, details: 'x'.repeat(256) })).toEqual([['details', 'BANK_DETAILS_TOO_LONG']]);
  });

  it('rejects an unknown country value coming from untrusted input', () => {
    expect(errorsOf({ country: 'ZZ' as never, accountHolderName: NAME })).toEqual([['country', 'COUNTRY_UNSUPPORTED']]);
  });

  it('New Zealand: the whole number with its check digits; Xero stores it in the printed form', () => {
    const result = validatePaymentDetails({ country: 'NZ', accountHolderName: NAME, accountNumber: '01 902 0068389 00' });
    expect(result).toMatchObject({ ok: true, value: { country: 'NZ', accountNumber: '01-0902-0068389-00' }, xeroBankAccountDetails: '01-0902-0068389-00' });
    expect(errorsOf({ country: 'NZ', accountHolderName: NAME, accountNumber: '01-0902-0068388-00' })).toEqual([['accountNumber', 'NZ_ACCOUNT_CHECKSUM']]);
  });

  it('never builds a Xero string over 255 characters', () => {
    expect(() => xeroBankAccountDetails({ country: 'OTHER', accountHolderName: NAME, details: 'x'.repeat(256) })).toThrow(RangeError);
    expect(xeroBankAccountDetails({ country: 'OTHER', accountHolderName: NAME, details: 'x'.repeat(255) })).toHaveLength(255);
  });
});

describe('text fields', () => {
  it('account holder name is 1–140 characters, trimmed', () => {
    expect(validateAccountHolderName('  Jane Doe ')).toEqual({ ok: true, normalised: 'Jane Doe' });
    expect(validateAccountHolderName('x'.repeat(140))).toMatchObject({ ok: true });
    expect(validateAccountHolderName('x'.repeat(141))).toEqual({
      ok: false,
      code: 'ACCOUNT_HOLDER_NAME_TOO_LONG',
      message: 'Account holder name must be 140 characters or fewer.',
    });
    expect(validateAccountHolderName(undefined)).toEqual({
      ok: false,
      code: 'ACCOUNT_HOLDER_NAME_REQUIRED',
      message: 'Account holder name is required.',
    });
  });

  it('counts an emoji as one character', () => {
    expect(validateAccountHolderName('😀'.repeat(140))).toMatchObject({ ok: true });
  });

  it('other bank details are 1–255 characters, trimmed', () => {
    expect(validateOtherBankDetails('x'.repeat(255))).toMatchObject({ ok: true });
    expect(validateOtherBankDetails('x'.repeat(256))).toMatchObject({ ok: false, code: 'BANK_DETAILS_TOO_LONG' });
  });
});

describe('maskAccount', () => {
  it.each([
    ['12345678', '•••• 5678'],
    ['GB82 WEST 1234 5698 7654 32', '•••• 5432'],
    ['12345', '•••• 2345'],
    ['1234', '••••'],
    ['', ''],
    [null, ''],
  ])('%j → %j', (input, masked) => {
    expect(maskAccount(input)).toBe(masked);
  });
});

describe('maskAccount on free text (Xero\'s BankAccountDetails, "somewhere else" details)', () => {
  it.each([
    ['12-34-56 87654321', '•••• 4321'],
    ['GB82WEST12345698765432 BIC NWBKGB2L', '•••• 5432'],
    ['BSB 062-000 123456789', '•••• 6789'],
    ['ABA 021000021 Acct 7654321098', '•••• 1098'],
    ['Banco Ejemplo SA, Madrid. Cuenta 0049 1500 0512 3456 7892, SWIFT BSCHESMM', '•••• 7892'],
    ['Acct 12345678 Branch 042', '•••• 5678'],
    ['IBAN DE89 3704 0044 0532 0130 00', '•••• 3000'],
    ['Pay by cheque', '••••'],
    ['Ref 042', '••••'],
  ])('%j → %j', (input, masked) => {
    expect(maskAccount(input)).toBe(masked);
  });

  it('is idempotent (masked values come back as they are)', () => {
    for (const v of ['•••• 4321', '••••', '•••• GB2L']) expect(maskAccount(v)).toBe(v);
  });
});

describe('maskPaymentDetails', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['GB', { country: 'GB', accountHolderName: 'Acme', sortCode: '089999', accountNumber: '66374958' }, ['089999', '66374958']],
    ['IBAN', { country: 'IBAN', accountHolderName: 'Acme', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }, ['DE89370400440532013000']],
    ['AU', { country: 'AU', accountHolderName: 'Acme', bsb: '062000', accountNumber: '123456789' }, ['062000', '123456789']],
    ['US', { country: 'US', accountHolderName: 'Acme', routingNumber: '021000021', accountNumber: '7654321098' }, ['021000021', '7654321098']],
    ['OTHER', { country: 'OTHER', accountHolderName: 'Acme', details: 'Banco Ejemplo, cuenta 0049 1500 0512 3456 7892' }, ['0049 1500 0512']],
    [
      'a shape from the future',
      { country: 'XX', accountHolderName: 'Acme', clabe: '002010077777777771', nested: { number: 9876543210 } },
      ['002010077777777771', '9876543210'],
    ],
  ];
  it.each(cases)('%s: only country, holder and BIC stay readable', (_name, details, secrets) => {
    const masked = maskPaymentDetails(details) as Record<string, unknown>;
    const text = JSON.stringify(masked);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(masked).toMatchObject({ country: details.country, accountHolderName: 'Acme' });
    if (details.bic) expect(masked.bic).toBe(details.bic);
    expect(maskPaymentDetails(masked)).toEqual(masked);
  });
});
