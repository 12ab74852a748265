/** US ABA routing number and account number. */
import { fail, ok, stripSeparators, type FieldResult } from './result.js';

/**
 * First two digits of a routing number: 00–12 (Federal Reserve / government), 21–32 (thrifts),
 * 61–72 (electronic), 80 (traveller's cheques).
 */
function validRoutingPrefix(prefix: number): boolean {
  return prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
}

/** ABA checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10. */
export function abaChecksumOk(routing: string): boolean {
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const total = weights.reduce((sum, w, i) => sum + w * (routing.charCodeAt(i) - 48), 0);
  return total % 10 === 0;
}

/** Validate a 9-digit ABA routing number (prefix range and checksum). */
export function validateRoutingNumber(value: string | null | undefined): FieldResult {
  const digits = stripSeparators(value);
  if (digits === '') return fail('ROUTING_NUMBER_REQUIRED', 'Please enter your routing number.');
  if (!/^\d{9}$/.test(digits)) return fail('ROUTING_NUMBER_FORMAT', 'Routing number must be 9 digits, like 021000021.');
  if (!validRoutingPrefix(Number(digits.slice(0, 2))) || /^0+$/.test(digits)) {
    return fail('ROUTING_NUMBER_PREFIX', 'This routing number does not look right: please check the first two digits.');
  }
  if (!abaChecksumOk(digits)) {
    return fail('ROUTING_NUMBER_CHECKSUM', 'This routing number does not look right: please check each digit again.');
  }
  return ok(digits);
}

/** Validate a US account number: 4 to 17 digits. */
export function validateUsAccountNumber(value: string | null | undefined): FieldResult {
  const digits = stripSeparators(value);
  if (digits === '') return fail('ACCOUNT_NUMBER_REQUIRED', 'Please enter your account number.');
  if (!/^\d{4,17}$/.test(digits)) return fail('ACCOUNT_NUMBER_FORMAT', 'Account number must be 4 to 17 digits.');
  return ok(digits);
}
