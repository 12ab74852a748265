import { describe, expect, it } from 'vitest';
import { formatBsb, validateAuAccountNumber, validateBsb } from './au-bank-account.js';
import { formatSortCode, validateSortCode, validateUkAccountNumber, validateUkBankAccount } from './uk-bank-account.js';
import { abaChecksumOk, validateRoutingNumber, validateUsAccountNumber } from './us-bank-account.js';

describe('UK sort code', () => {
  it.each(['12-34-56', '123456', '12 34 56', ' 12-34-56 '])('accepts %j as 123456', (v) => {
    expect(validateSortCode(v)).toEqual({ ok: true, normalised: '123456' });
  });

  it('rejects other shapes with the example message', () => {
    for (const v of ['12345', '1234567', '12-34-5a', '12/34/56']) {
      expect(validateSortCode(v)).toEqual({ ok: false, code: 'SORT_CODE_FORMAT', message: 'Sort code must be 6 digits, like 12-34-56.' });
    }
    expect(validateSortCode('')).toMatchObject({ ok: false, code: 'SORT_CODE_REQUIRED' });
  });

  it('formats with dashes', () => {
    expect(formatSortCode('123456')).toBe('12-34-56');
  });
});

describe('UK account number', () => {
  it('accepts 8 digits, with spaces or dashes', () => {
    expect(validateUkAccountNumber('1234 5678')).toEqual({ ok: true, normalised: '12345678' });
  });

  it('pads 6 and 7 digit numbers with zeros (VocaLink §2.1.2)', () => {
    expect(validateUkAccountNumber('123456')).toEqual({ ok: true, normalised: '00123456' });
    expect(validateUkAccountNumber('1234567')).toEqual({ ok: true, normalised: '01234567' });
  });

  it('asks for the 8-digit form of 9 and 10 digit numbers', () => {
    expect(validateUkAccountNumber('123456789')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_NON_STANDARD' });
    expect(validateUkAccountNumber('1234567890')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_NON_STANDARD' });
  });

  it('rejects too short, too long and non-digits', () => {
    expect(validateUkAccountNumber('12345')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_LENGTH' });
    expect(validateUkAccountNumber('12345678901')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_LENGTH' });
    expect(validateUkAccountNumber('1234567a')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_FORMAT' });
    expect(validateUkAccountNumber(null)).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_REQUIRED' });
  });
});

describe('validateUkBankAccount', () => {
  it('passes a valid pair and says how', () => {
    expect(validateUkBankAccount('08-99-99', '6637 4958')).toEqual({
      ok: true,
      normalised: { sortCode: '089999', accountNumber: '66374958', modulus: 'PASSED' },
    });
  });

  it('fails a pair that fails the modulus check', () => {
    expect(validateUkBankAccount('08-99-99', '66374959')).toMatchObject({ ok: false, code: 'UK_ACCOUNT_MODULUS' });
  });

  it('passes a sort code that cannot be checked', () => {
    expect(validateUkBankAccount('00-00-00', '12345678')).toMatchObject({ ok: true, normalised: { modulus: 'NO_RULE' } });
  });

  it('reports format errors before the modulus check', () => {
    expect(validateUkBankAccount('0899', '66374958')).toMatchObject({ ok: false, code: 'SORT_CODE_FORMAT' });
    expect(validateUkBankAccount('089999', '6637')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_LENGTH' });
  });
});

describe('Australian BSB and account', () => {
  it.each(['062-000', '062000', '062 000'])('accepts BSB %j', (v) => {
    expect(validateBsb(v)).toEqual({ ok: true, normalised: '062000' });
  });

  it.each(['06200', '0620000', '062-00a'])('rejects BSB %j', (v) => {
    expect(validateBsb(v)).toMatchObject({ ok: false, code: 'BSB_FORMAT' });
  });

  it('requires a BSB and formats it NNN-NNN', () => {
    expect(validateBsb('')).toMatchObject({ ok: false, code: 'BSB_REQUIRED' });
    expect(formatBsb('062000')).toBe('062-000');
  });

  it('accepts 5 to 9 digit account numbers only', () => {
    expect(validateAuAccountNumber('12345')).toEqual({ ok: true, normalised: '12345' });
    expect(validateAuAccountNumber('1234 5678 9')).toEqual({ ok: true, normalised: '123456789' });
    expect(validateAuAccountNumber('1234')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_FORMAT' });
    expect(validateAuAccountNumber('1234567890')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_FORMAT' });
    expect(validateAuAccountNumber('12345x')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_FORMAT' });
  });
});

describe('US ABA routing number', () => {
  const REAL = ['021000021', '011000015', '121000358', '026009593', '121000248', '111000025', '322271627', '011401533'];

  it.each(REAL)('accepts real routing number %s', (rn) => {
    expect(validateRoutingNumber(rn)).toEqual({ ok: true, normalised: rn });
  });

  it.each(REAL)('rejects every single-digit change of %s', (rn) => {
    for (let i = 0; i < 9; i++) {
      for (const d of '0123456789') {
        if (d === rn[i]) continue;
        const bad = rn.slice(0, i) + d + rn.slice(i + 1);
        const r = validateRoutingNumber(bad);
        expect(r.ok, bad).toBe(false);
        expect(['ROUTING_NUMBER_CHECKSUM', 'ROUTING_NUMBER_PREFIX']).toContain(r.ok ? '' : r.code);
      }
    }
  });

  it('rejects prefixes outside 00–12, 21–32, 61–72, 80 even with a good checksum', () => {
    // 13, 20, 33, 60, 73, 79, 81 and 99 prefixes with a valid checksum digit.
    for (const stem of ['13000000', '20000000', '33000000', '60000000', '73000000', '79000000', '81000000', '99000000']) {
      const withCheck = [...'0123456789'].map((d) => stem + d).find(abaChecksumOk)!;
      expect(validateRoutingNumber(withCheck)).toMatchObject({ ok: false, code: 'ROUTING_NUMBER_PREFIX' });
    }
    expect(validateRoutingNumber('000000000')).toMatchObject({ ok: false, code: 'ROUTING_NUMBER_PREFIX' });
  });

  it('accepts the edge prefixes 12, 21, 32, 61, 72 and 80 with a good checksum', () => {
    for (const stem of ['12000000', '21000000', '32000000', '61000000', '72000000', '80000000']) {
      const withCheck = [...'0123456789'].map((d) => stem + d).find(abaChecksumOk)!;
      expect(validateRoutingNumber(withCheck)).toMatchObject({ ok: true });
    }
  });

  it('rejects wrong lengths and empty input', () => {
    expect(validateRoutingNumber('02100002')).toMatchObject({ ok: false, code: 'ROUTING_NUMBER_FORMAT' });
    expect(validateRoutingNumber('0210000210')).toMatchObject({ ok: false, code: 'ROUTING_NUMBER_FORMAT' });
    expect(validateRoutingNumber('')).toMatchObject({ ok: false, code: 'ROUTING_NUMBER_REQUIRED' });
  });

  it('accepts 4 to 17 digit account numbers only', () => {
    expect(validateUsAccountNumber('1234')).toEqual({ ok: true, normalised: '1234' });
    expect(validateUsAccountNumber('12345678901234567')).toMatchObject({ ok: true });
    expect(validateUsAccountNumber('123')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_FORMAT' });
    expect(validateUsAccountNumber('123456789012345678')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_FORMAT' });
    expect(validateUsAccountNumber('')).toMatchObject({ ok: false, code: 'ACCOUNT_NUMBER_REQUIRED' });
  });
});
