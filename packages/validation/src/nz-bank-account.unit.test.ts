import { describe, expect, it } from 'vitest';
import { nzBankAccountChecksumOk, parseNzBankAccount, validateNzBankAccount } from './nz-bank-account.js';

// The examples Inland Revenue's RWT/NRWT specification works through, one per algorithm family it illustrates.
const PUBLISHED_VALID = [
  ['01-902-0068389-00', '01-0902-0068389-00'], // algorithm A (account base below 00990000)
  ['08-6523-1954512-001', '08-6523-1954512-001'], // algorithm D (bank 08)
  ['26-2600-0320871-032', '26-2600-0320871-032'], // algorithm G (banks 26–29, digit-summed products, modulus 10)
] as const;

describe('New Zealand bank account numbers', () => {
  it.each(PUBLISHED_VALID)('accepts the published example %s', (input, printed) => {
    expect(validateNzBankAccount(input)).toEqual({ ok: true, normalised: printed });
  });

  it('accepts the same numbers written without separators or with spaces', () => {
    expect(validateNzBankAccount('0109020068389000')).toMatchObject({ ok: true });
    expect(validateNzBankAccount('08 6523 1954512 001')).toMatchObject({ ok: true });
  });

  it('refuses any single mistyped digit of the account base (modulus 11 weights catch every one)', () => {
    const base = parseNzBankAccount('01-902-0068389-00')!;
    for (let i = 0; i < base.account.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const digits = base.account.split('');
        if (digits[i] === String(d)) continue;
        digits[i] = String(d);
        const account = digits.join('');
        if (i < 2) continue; // the two leading zeros of the 7-digit base carry weight 0 under algorithm A
        expect({ account, ok: nzBankAccountChecksumOk({ ...base, account }) }).toEqual({ account, ok: false });
      }
    }
  });

  it('refuses a branch outside its bank’s ranges, an unknown bank, and an all-zero account', () => {
    expect(validateNzBankAccount('26-4857-49385729-888')).toMatchObject({ ok: false, code: 'NZ_ACCOUNT_CHECKSUM' });
    expect(validateNzBankAccount('07-0902-0068389-00')).toMatchObject({ ok: false, code: 'NZ_ACCOUNT_BANK' });
    expect(validateNzBankAccount('01-0902-0000000-00')).toMatchObject({ ok: false });
  });

  it('says what shape it wants for malformed input and asks for a number when empty', () => {
    expect(validateNzBankAccount('12-3456')).toMatchObject({ ok: false, code: 'NZ_ACCOUNT_FORMAT' });
    expect(validateNzBankAccount('  ')).toMatchObject({ ok: false, code: 'NZ_ACCOUNT_REQUIRED' });
  });

  it('checks algorithms E (bank 09), F (banks 25, 33) and X (bank 31) by their own rules', () => {
    const check = (bank: string, branch: string, account: string, suffix: string) => nzBankAccountChecksumOk({ bank, branch, account, suffix });
    // E: weights 5 4 3 2 on the last four account digits and 1 on the last suffix digit, products digit-summed,
    // modulus 11. 9·5 = 45 → 4+5 = 9, plus 2·1 = 2: 11. Without the digit sum it would be 47.
    expect(check('09', '0000', '0009000', '0002')).toBe(true);
    expect(check('09', '0000', '0009000', '0004')).toBe(false);
    // F: weights 1 7 3 1 7 3 1 on the account digits, modulus 10. …3·3 + 1·1 = 10.
    expect(check('25', '2500', '0000031', '00')).toBe(true);
    expect(check('25', '2500', '0000037', '00')).toBe(false);
    // X (bank 31): no check digit, but the branch must still be the bank's.
    expect(check('31', '2800', '1234567', '00')).toBe(true);
    expect(check('31', '2900', '1234567', '00')).toBe(false);
  });
});
