/** Australian BSB and account number (format only; there is no public check digit). */
import { fail, ok, stripSeparators, type FieldResult } from './result.js';

/** Validate a BSB: 6 digits, optionally written NNN-NNN. Normalised to 6 digits. */
export function validateBsb(value: string | null | undefined): FieldResult {
  const digits = stripSeparators(value);
  if (digits === '') return fail('BSB_REQUIRED', 'Please enter your BSB.');
  if (!/^\d{6}$/.test(digits)) return fail('BSB_FORMAT', 'BSB must be 6 digits, like 062-000.');
  return ok(digits);
}

/** Validate an Australian account number: 5 to 9 digits. */
export function validateAuAccountNumber(value: string | null | undefined): FieldResult {
  const digits = stripSeparators(value);
  if (digits === '') return fail('ACCOUNT_NUMBER_REQUIRED', 'Please enter your account number.');
  if (!/^\d{5,9}$/.test(digits)) return fail('ACCOUNT_NUMBER_FORMAT', 'Account number must be 5 to 9 digits, like 12345678.');
  return ok(digits);
}

/** "062000" → "062-000". */
export function formatBsb(bsb: string): string {
  const d = stripSeparators(bsb);
  return `${d.slice(0, 3)}-${d.slice(3, 6)}`;
}
