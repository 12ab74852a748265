import { describe, expect, it } from 'vitest';
import {
  validateAddress,
  validateCompanyNumber,
  validateContactName,
  validateContactPersons,
  validateEmail,
  validatePhone,
  validatePhoneAreaCode,
  validatePhoneCountryCode,
  validatePhoneNumber,
  validateTaxNumber,
} from './contact.js';
import { ukVatChecksumOk, validateUkCompanyNumber, validateUkVatNumber } from './uk-tax-ids.js';

describe('contact name', () => {
  it('is required and at most 255 characters', () => {
    expect(validateContactName(' Acme ')).toEqual({ ok: true, normalised: 'Acme' });
    expect(validateContactName('x'.repeat(255))).toMatchObject({ ok: true });
    expect(validateContactName('x'.repeat(256))).toMatchObject({ ok: false, code: 'NAME_TOO_LONG' });
    expect(validateContactName('  ')).toMatchObject({ ok: false, code: 'NAME_REQUIRED' });
  });
});

describe('email', () => {
  it.each(['ap@acme.co.uk', 'first.last+tag@example.com', "o'brien@example.ie", 'x@a-b.io', 'A_B@Sub.Example.ORG'])('accepts %s', (e) => {
    expect(validateEmail(e)).toEqual({ ok: true, normalised: e });
  });

  it.each([
    'plainaddress',
    '@example.com',
    'a@',
    'a@example',
    'a@@example.com',
    'a..b@example.com',
    '.a@example.com',
    'a.@example.com',
    'a b@example.com',
    'a@exa mple.com',
    'a@-example.com',
    'a@example-.com',
    'a@example.c',
    'a@example.123',
    'jürgen@example.de',
    'a@[192.168.0.1]',
  ])('rejects %s', (e) => {
    expect(validateEmail(e)).toMatchObject({ ok: false, code: 'EMAIL_FORMAT' });
  });

  it('is optional unless required, and at most 255 characters', () => {
    expect(validateEmail('')).toEqual({ ok: true, normalised: '' });
    expect(validateEmail('', { required: true })).toMatchObject({ ok: false, code: 'EMAIL_REQUIRED' });
    const long = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(20)}.com`;
    expect(long.length).toBeGreaterThan(255);
    expect(validateEmail(long)).toMatchObject({ ok: false, code: 'EMAIL_TOO_LONG' });
    expect(validateEmail(`${'a'.repeat(65)}@example.com`)).toMatchObject({ ok: false, code: 'EMAIL_FORMAT' });
  });
});

describe('phone', () => {
  it('accepts digits, spaces and + ( ) -', () => {
    expect(validatePhoneNumber(' (020) 7946-0018 ')).toEqual({ ok: true, normalised: '(020) 7946-0018' });
    expect(validatePhoneCountryCode('+44')).toEqual({ ok: true, normalised: '+44' });
  });

  it('accepts the international formats Xero holds: dots, slashes, a (0) trunk prefix, an extension', () => {
    for (const number of ['+44 (0)20 7946 0018', '09.555.0100', '0800/123 456', '+1 418 555 0100 ext 2', '555 0100 x12', '555-0100 #3', '+64 21 555 0100']) {
      expect(validatePhoneNumber(number)).toEqual({ ok: true, normalised: number });
    }
    expect(validatePhoneAreaCode('(09)')).toMatchObject({ ok: true });
  });

  it('rejects letters, other punctuation, and a number with no digits', () => {
    expect(validatePhoneNumber('call reception')).toMatchObject({ ok: false, code: 'PHONE_NUMBER_CHARACTERS' });
    expect(validatePhoneNumber('020 7946 0018 ext two')).toMatchObject({ ok: false, code: 'PHONE_NUMBER_CHARACTERS' });
    expect(validatePhoneNumber('+() -')).toMatchObject({ ok: false, code: 'PHONE_NUMBER_CHARACTERS' });
    expect(validatePhoneAreaCode('020 ext 1')).toMatchObject({ ok: false, code: 'PHONE_AREA_CODE_CHARACTERS' });
    expect(validatePhoneAreaCode('020;')).toMatchObject({ ok: false, code: 'PHONE_AREA_CODE_CHARACTERS' });
  });

  it('enforces 50 / 10 / 20 characters', () => {
    expect(validatePhoneNumber('1'.repeat(50))).toMatchObject({ ok: true });
    expect(validatePhoneNumber('1'.repeat(51))).toMatchObject({ ok: false, code: 'PHONE_NUMBER_TOO_LONG' });
    expect(validatePhoneAreaCode('1'.repeat(10))).toMatchObject({ ok: true });
    expect(validatePhoneAreaCode('1'.repeat(11))).toMatchObject({ ok: false, code: 'PHONE_AREA_CODE_TOO_LONG' });
    expect(validatePhoneCountryCode('1'.repeat(20))).toMatchObject({ ok: true });
    expect(validatePhoneCountryCode('1'.repeat(21))).toMatchObject({ ok: false, code: 'PHONE_COUNTRY_CODE_TOO_LONG' });
  });

  it('validates a whole phone, naming each bad part', () => {
    expect(validatePhone({ number: '7946 0018', areaCode: '020', countryCode: '44' })).toEqual({
      ok: true,
      value: { number: '7946 0018', areaCode: '020', countryCode: '44' },
    });
    expect(validatePhone({ number: 'abc', areaCode: '1'.repeat(11) }, 'phones[0].')).toEqual({
      ok: false,
      errors: [
        {
          field: 'phones[0].number',
          code: 'PHONE_NUMBER_CHARACTERS',
          message: 'Phone number can only contain digits, spaces and + ( ) . / -, and an extension like "ext 2".',
        },
        { field: 'phones[0].areaCode', code: 'PHONE_AREA_CODE_TOO_LONG', message: 'Area code must be 10 characters or fewer.' },
      ],
    });
  });
});

describe('address', () => {
  it('trims every part and fills missing ones with empty strings', () => {
    expect(validateAddress({ line1: ' 1 High St ', city: 'London', postalCode: 'SW1A 1AA', country: 'United Kingdom' })).toEqual({
      ok: true,
      value: {
        line1: '1 High St',
        line2: '',
        line3: '',
        line4: '',
        city: 'London',
        region: '',
        postalCode: 'SW1A 1AA',
        country: 'United Kingdom',
        attentionTo: '',
      },
    });
  });

  it('enforces Xero limits: lines 500, city/region 255, postal code 50, country 50', () => {
    expect(validateAddress({ line1: 'x'.repeat(500), line4: 'x'.repeat(500), city: 'x'.repeat(255), region: 'x'.repeat(255) }).ok).toBe(true);
    const r = validateAddress({
      line2: 'x'.repeat(501),
      city: 'x'.repeat(256),
      region: 'x'.repeat(256),
      postalCode: 'x'.repeat(51),
      country: 'x'.repeat(51),
      attentionTo: 'x'.repeat(256),
    });
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.code])).toEqual([
      ['line2', 'ADDRESS_LINE2_TOO_LONG'],
      ['city', 'CITY_TOO_LONG'],
      ['region', 'REGION_TOO_LONG'],
      ['postalCode', 'POSTAL_CODE_TOO_LONG'],
      ['country', 'COUNTRY_TOO_LONG'],
      ['attentionTo', 'ATTENTION_TO_TOO_LONG'],
    ]);
  });
});

describe('UK VAT number', () => {
  it.each([
    ['GB123456782', 'GB123456782', 'mod 97'],
    ['123 4567 27', 'GB123456727', 'mod 9755'],
    ['gb 980 7806 84', 'GB980780684', 'mod 97'],
    ['GB123456782001', 'GB123456782001', 'branch'],
    ['XI123456782', 'XI123456782', 'Northern Ireland'],
    ['GBGD001', 'GBGD001', 'government department'],
    ['GBHA599', 'GBHA599', 'health authority'],
  ])('accepts %j as %s (%s)', (input, normalised) => {
    expect(validateUkVatNumber(input)).toEqual({ ok: true, normalised });
  });

  it('rejects every single-digit change of a valid number', () => {
    const valid = '123456782';
    for (let i = 0; i < 9; i++) {
      for (const d of '0123456789') {
        if (d === valid[i]) continue;
        const bad = valid.slice(0, i) + d + valid.slice(i + 1);
        // A change can land on the other scheme's check digits (97 vs 9755); those must then pass that scheme.
        if (ukVatChecksumOk(bad)) continue;
        expect(validateUkVatNumber(`GB${bad}`)).toMatchObject({ ok: false, code: 'VAT_NUMBER_CHECKSUM' });
      }
    }
    expect(validateUkVatNumber('GB123456783')).toMatchObject({ ok: false, code: 'VAT_NUMBER_CHECKSUM' });
    expect(validateUkVatNumber('GB123456728')).toMatchObject({ ok: false, code: 'VAT_NUMBER_CHECKSUM' });
  });

  it.each(['GB12345678', 'GB1234567890', 'GBGD500', 'GBHA499', 'DE123456789', 'GB12345678A'])('rejects format %j', (v) => {
    expect(validateUkVatNumber(v)).toMatchObject({ ok: false, code: 'VAT_NUMBER_FORMAT' });
  });

  it('rejects all zeros', () => {
    expect(validateUkVatNumber('GB000000000')).toMatchObject({ ok: false, code: 'VAT_NUMBER_CHECKSUM' });
  });
});

describe('tax number', () => {
  it('is optional, ≤50 elsewhere, and a UK VAT number for GB', () => {
    expect(validateTaxNumber('')).toEqual({ ok: true, normalised: '' });
    expect(validateTaxNumber('51 824 753 556', 'AU')).toEqual({ ok: true, normalised: '51 824 753 556' });
    expect(validateTaxNumber('x'.repeat(51), 'AU')).toMatchObject({ ok: false, code: 'TAX_NUMBER_TOO_LONG' });
    expect(validateTaxNumber('123456782', 'GB')).toEqual({ ok: true, normalised: 'GB123456782' });
    expect(validateTaxNumber('123456783', 'GB')).toMatchObject({ ok: false, code: 'VAT_NUMBER_CHECKSUM' });
  });
});

describe('company number', () => {
  it.each([
    ['01234567', '01234567'],
    ['1234567', '01234567'],
    ['sc123456', 'SC123456'],
    ['NI 123456', 'NI123456'],
    ['OC301234', 'OC301234'],
  ])('accepts GB %j as %s', (input, normalised) => {
    expect(validateUkCompanyNumber(input)).toEqual({ ok: true, normalised });
  });

  it.each(['123456789', 'S1234567', 'SCO12345', 'SC1234567', '00000000', 'AB12345'])('rejects GB %j', (v) => {
    expect(validateUkCompanyNumber(v)).toMatchObject({ ok: false, code: 'COMPANY_NUMBER_FORMAT' });
  });

  it('only checks the format for GB, and the length elsewhere', () => {
    expect(validateCompanyNumber('', 'GB')).toEqual({ ok: true, normalised: '' });
    expect(validateCompanyNumber('HRB 12345', 'DE')).toEqual({ ok: true, normalised: 'HRB 12345' });
    expect(validateCompanyNumber('HRB 12345', 'GB')).toMatchObject({ ok: false, code: 'COMPANY_NUMBER_FORMAT' });
    expect(validateCompanyNumber('x'.repeat(51))).toMatchObject({ ok: false, code: 'COMPANY_NUMBER_TOO_LONG' });
  });
});

describe('contact persons', () => {
  const person = { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' };

  it('accepts up to 5', () => {
    expect(validateContactPersons(Array.from({ length: 5 }, () => ({ ...person })))).toMatchObject({ ok: true });
    expect(validateContactPersons([])).toEqual({ ok: true, value: [] });
  });

  it('rejects a sixth person', () => {
    expect(validateContactPersons(Array.from({ length: 6 }, () => ({ ...person })))).toMatchObject({
      ok: false,
      errors: [{ field: 'contactPersons', code: 'CONTACT_PERSONS_TOO_MANY' }],
    });
  });

  it('reports bad fields with their index', () => {
    const r = validateContactPersons([person, { firstName: 'x'.repeat(256), email: 'nope' }, {}]);
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.code])).toEqual([
      ['contactPersons[1].firstName', 'FIRST_NAME_TOO_LONG'],
      ['contactPersons[1].email', 'EMAIL_FORMAT'],
      ['contactPersons[2].firstName', 'CONTACT_PERSON_EMPTY'],
    ]);
  });

  it('normalises names and email', () => {
    expect(validateContactPersons([{ firstName: ' Jane ', lastName: null, email: ' jane@example.com ' }])).toEqual({
      ok: true,
      value: [{ firstName: 'Jane', lastName: '', email: 'jane@example.com' }],
    });
  });
});
