/**
 * New Zealand bank account numbers (BB-bbbb-AAAAAAA-SSS), checked with the algorithm Inland Revenue publishes in
 * its "Resident Withholding Tax (RWT) and Non-Resident Withholding Tax (NRWT) specification" (bank account
 * number validation): the branch must lie in a range allocated to the bank, then a weighted check over the
 * 18 digits bank(2) branch(4) account(8) suffix(4), each part right-justified and zero-padded. The rules and
 * ranges are restated in docs/nz-bank-accounts.md.
 */
import { fail, ok, stripSeparators, type FieldResult } from './result.js';

/** Branch ranges allocated to each bank (IRD specification, cross-checked with the Payments NZ branch register). */
const BRANCHES: Readonly<Record<number, readonly (readonly [number, number])[]>> = {
  1: [
    [1, 999],
    [1100, 1199],
    [1800, 1899],
  ],
  2: [
    [1, 999],
    [1200, 1299],
  ],
  3: [
    [1, 999],
    [1300, 1399],
    [1500, 1599],
    [1700, 1799],
    [1900, 1999],
  ],
  4: [[2020, 2024]],
  6: [
    [1, 999],
    [1400, 1499],
  ],
  8: [[6500, 6599]],
  9: [[0, 0]],
  10: [[5165, 5169]],
  11: [
    [5000, 6499],
    [6600, 8999],
  ],
  12: [
    [3000, 3299],
    [3400, 3499],
    [3600, 3699],
  ],
  13: [[4900, 4999]],
  14: [[4700, 4799]],
  15: [[3900, 3999]],
  16: [[4400, 4499]],
  17: [[3300, 3399]],
  18: [[3500, 3599]],
  19: [[4600, 4649]],
  20: [[4100, 4199]],
  21: [[4800, 4899]],
  22: [[4000, 4049]],
  23: [[3700, 3799]],
  24: [[4300, 4349]],
  25: [[2500, 2599]],
  26: [[2600, 2699]],
  27: [[3800, 3849]],
  28: [[2100, 2149]],
  29: [[2150, 2299]],
  30: [[2900, 2949]],
  31: [[2800, 2849]],
  33: [[6700, 6799]],
  35: [[2400, 2499]],
  38: [[9000, 9499]],
  88: [[8800, 8805]],
};

type Algorithm = 'A' | 'B' | 'D' | 'E' | 'F' | 'G' | 'X';

/** Weights over bank(2) branch(4) account(8) suffix(4), the modulus, and whether products are digit-summed. */
const ALGORITHMS: Readonly<Record<Algorithm, { weights: readonly number[]; modulo: number; sumDigits: boolean }>> = {
  A: { weights: [0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], modulo: 11, sumDigits: false },
  B: { weights: [0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0], modulo: 11, sumDigits: false },
  D: { weights: [0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0], modulo: 11, sumDigits: false },
  E: { weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1], modulo: 11, sumDigits: true },
  F: { weights: [0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0], modulo: 10, sumDigits: false },
  G: { weights: [0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1], modulo: 10, sumDigits: true },
  X: { weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], modulo: 1, sumDigits: false },
};

function algorithmFor(bank: number, account: number): Algorithm {
  if (bank === 8) return 'D';
  if (bank === 9) return 'E';
  if (bank === 25 || bank === 33) return 'F';
  if (bank >= 26 && bank <= 29) return 'G';
  if (bank === 31) return 'X';
  return account < 990000 ? 'A' : 'B';
}

/** A two-digit product becomes the sum of its digits, repeated until one digit remains (algorithms E and G). */
const digitSum = (n: number): number => (n < 10 ? n : digitSum(Math.floor(n / 10) + (n % 10)));

export interface NzBankAccount {
  bank: string;
  branch: string;
  account: string;
  suffix: string;
}

/** Splits "12-3140-0171323-50" (or the digits alone, 15 to 18 of them) into its four parts; null if it can't. */
export function parseNzBankAccount(value: string | null | undefined): NzBankAccount | null {
  const text = (value ?? '').trim();
  const parts = text.split(/[\s-]+/).filter(Boolean);
  if (parts.length === 4 && parts.every((p) => /^\d+$/.test(p))) {
    const [bank, branch, account, suffix] = parts as [string, string, string, string];
    if (bank.length <= 2 && branch.length <= 4 && account.length <= 8 && suffix.length <= 4) return { bank, branch, account, suffix };
    return null;
  }
  const digits = stripSeparators(text);
  if (!/^\d{15,16}$/.test(digits)) return null;
  // Unseparated: 2 + 4 + 7 + 2 or 3 (the common printed forms).
  return { bank: digits.slice(0, 2), branch: digits.slice(2, 6), account: digits.slice(6, 13), suffix: digits.slice(13) };
}

/** True when the branch belongs to the bank and the check digits add up. */
export function nzBankAccountChecksumOk(parts: NzBankAccount): boolean {
  const bank = Number(parts.bank);
  const branch = Number(parts.branch);
  const account = Number(parts.account);
  if (account === 0) return false;
  if (!(BRANCHES[bank] ?? []).some(([from, to]) => branch >= from && branch <= to)) return false;
  const digits = `${parts.bank.padStart(2, '0')}${parts.branch.padStart(4, '0')}${parts.account.padStart(8, '0')}${parts.suffix.padStart(4, '0')}`;
  const { weights, modulo, sumDigits } = ALGORITHMS[algorithmFor(bank, account)];
  let total = 0;
  for (let i = 0; i < 18; i++) {
    const product = Number(digits[i]) * weights[i]!;
    total += sumDigits ? digitSum(product) : product;
  }
  return total % modulo === 0;
}

/** The printed form 2-4-7-2 or 2-4-7-3: "01-0902-0068389-00", "08-6523-1954512-001" (suffix as written). */
export function formatNzBankAccount(parts: NzBankAccount): string {
  const account = parts.account.replace(/^0+(?=\d{7})/, '').padStart(7, '0');
  const suffix = parts.suffix.replace(/^0+(?=\d{3})/, '').padStart(2, '0');
  return `${parts.bank.padStart(2, '0')}-${parts.branch.padStart(4, '0')}-${account}-${suffix}`;
}

/** Validate a New Zealand bank account number; normalised to the printed form (formatNzBankAccount). */
export function validateNzBankAccount(value: string | null | undefined): FieldResult {
  if (stripSeparators(value) === '') return fail('NZ_ACCOUNT_REQUIRED', 'Please enter your bank account number.');
  const parts = parseNzBankAccount(value);
  if (!parts) return fail('NZ_ACCOUNT_FORMAT', 'A New Zealand account number looks like 12-3140-0171323-50 (bank, branch, account, suffix).');
  if (!BRANCHES[Number(parts.bank)]) return fail('NZ_ACCOUNT_BANK', 'The first two digits are not a New Zealand bank: please check them.');
  if (!nzBankAccountChecksumOk(parts)) {
    return fail('NZ_ACCOUNT_CHECKSUM', 'This account number does not look right: please check each digit again.');
  }
  return ok(formatNzBankAccount(parts));
}
