/** UK sort code and account number: format, standardisation to 8 digits, and the VocaLink modulus check. */
import { modulusCheck, type ModulusReason } from './modulus.js';
import { fail, ok, stripSeparators, type FieldResult } from './result.js';

export interface UkBankAccount {
  /** 6 digits, no separators. */
  readonly sortCode: string;
  /** 8 digits (6- and 7-digit numbers are zero-padded as the VocaLink spec §2.1.2 says). */
  readonly accountNumber: string;
  /** How the modulus check ended: PASSED, or NO_RULE / FOREIGN_CURRENCY where no check was possible. */
  readonly modulus: Exclude<ModulusReason, 'FAILED'>;
}

/** Error for a sort code + account number pair that fails the modulus check. */
export const UK_MODULUS_ERROR = {
  code: 'UK_ACCOUNT_MODULUS',
  message: "This account number doesn't match the sort code. Please check both numbers against a bank statement.",
} as const;

/** Validate a sort code typed with or without dashes/spaces; normalised to 6 digits. */
export function validateSortCode(value: string | null | undefined): FieldResult {
  const digits = stripSeparators(value);
  if (digits === '') return fail('SORT_CODE_REQUIRED', 'Please enter your sort code.');
  if (!/^\d{6}$/.test(digits)) return fail('SORT_CODE_FORMAT', 'Sort code must be 6 digits, like 12-34-56.');
  return ok(digits);
}

/**
 * Validate a UK account number; normalised to 8 digits. 6- and 7-digit numbers get leading zeros
 * (spec §2.1.2 "General" rule). 9- and 10-digit numbers are converted differently by each bank, so we
 * ask for the 8-digit form rather than guess.
 */
export function validateUkAccountNumber(value: string | null | undefined): FieldResult {
  const digits = stripSeparators(value);
  if (digits === '') return fail('ACCOUNT_NUMBER_REQUIRED', 'Please enter your account number.');
  if (!/^\d+$/.test(digits)) return fail('ACCOUNT_NUMBER_FORMAT', 'Account number must contain only digits, like 12345678.');
  if (digits.length === 9 || digits.length === 10) {
    return fail('ACCOUNT_NUMBER_NON_STANDARD', 'UK account numbers for payments are 8 digits. Your bank can tell you the 8-digit version of a longer number.');
  }
  if (digits.length < 6 || digits.length > 8) return fail('ACCOUNT_NUMBER_LENGTH', 'Account number must be 8 digits, like 12345678.');
  return ok(digits.padStart(8, '0'));
}

/** Validate a sort code + account number pair, including the VocaLink modulus check. */
export function validateUkBankAccount(sortCode: string | null | undefined, accountNumber: string | null | undefined): FieldResult<UkBankAccount> {
  const sc = validateSortCode(sortCode);
  if (!sc.ok) return sc;
  const acc = validateUkAccountNumber(accountNumber);
  if (!acc.ok) return acc;
  const check = modulusCheck(sc.normalised, acc.normalised);
  if (check.reason === 'FAILED') {
    return fail(UK_MODULUS_ERROR.code, UK_MODULUS_ERROR.message);
  }
  return ok({ sortCode: sc.normalised, accountNumber: acc.normalised, modulus: check.reason });
}

/** "123456" → "12-34-56". */
export function formatSortCode(sortCode: string): string {
  const d = stripSeparators(sortCode);
  return `${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
}
