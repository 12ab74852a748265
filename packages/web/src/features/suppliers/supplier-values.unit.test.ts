import { describe, expect, it } from 'vitest';
import { fieldLabel, formatValue } from './supplier-values';

describe('formatValue', () => {
  it('renders phones, addresses and people as readable lines', () => {
    expect(
      formatValue(
        [
          { type: 'MOBILE', countryCode: '44', areaCode: null, number: '7700 900123' },
          { type: 'DEFAULT', countryCode: null, areaCode: '020', number: '7946 0000' },
        ],
        'phones',
      ),
    ).toBe('Mobile: +44 7700 900123\nPhone: (020) 7946 0000');
    expect(formatValue([{ type: 'POBOX', line1: 'PO Box 12', city: 'Leeds', postalCode: 'LS1 1AA', country: null }], 'addresses')).toBe(
      'Postal: PO Box 12, Leeds, LS1 1AA',
    );
    expect(formatValue([{ firstName: 'Sam', lastName: 'Lee', email: 'sam@example.com' }], 'contactPersons')).toBe('Sam Lee <sam@example.com>');
  });

  it('renders payment details by kind, without JSON', () => {
    const text = formatValue({ country: 'GB', accountHolderName: 'Acme Ltd', sortCode: '089999', accountNumber: '66374958' }, 'paymentDetails');
    expect(text).toBe('UK account\nHolder: Acme Ltd\nSort code: 08-99-99\nAccount: 66374958');
    expect(text).not.toContain('{');
  });

  it('names the fields a sync wrote in words, not keys', () => {
    expect(fieldLabel('fieldsWritten')).toBe('Written to Xero');
    expect(formatValue(['email', 'phones', 'addresses', 'bankAccountDetails'], 'fieldsWritten')).toBe('Email, Phones, Addresses, Bank account');
  });

  it('treats null and empty as nothing', () => {
    expect(formatValue(null)).toBe('');
    expect(formatValue([], 'phones')).toBe('');
    expect(fieldLabel('taxNumber')).toBe('Tax / VAT number');
    expect(fieldLabel('someNewField')).toBe('Some New Field');
  });
});
