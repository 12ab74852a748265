/** UK VAT registration numbers (HMRC check digits) and Companies House company numbers. */
import { fail, ok, type FieldResult } from './result.js';

/** Strip spaces, dots and dashes, upper-case. */
function compact(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\-.]/g, '').toUpperCase();
}

/**
 * HMRC check for the 9-digit VAT number body: 8·d1 + 7·d2 + … + 2·d7, plus the two check digits as a
 * number, must be a multiple of 97 (original "mod 97" numbers) or become one after adding 55
 * (newer "mod 9755" numbers, issued since 2010).
 */
export function ukVatChecksumOk(nineDigits: string): boolean {
  if (!/^\d{9}$/.test(nineDigits) || /^0+$/.test(nineDigits)) return false;
  let total = 0;
  for (let i = 0; i < 7; i++) total += (8 - i) * (nineDigits.charCodeAt(i) - 48);
  total += Number(nineDigits.slice(7));
  return total % 97 === 0 || (total + 55) % 97 === 0;
}

/**
 * Validate a UK VAT number, with or without the GB (or Northern Ireland XI) prefix:
 * 9 digits, 12 digits (9 + 3-digit branch), GD000–GD499 (government departments) or HA500–HA999
 * (health authorities). Normalised to the prefixed compact form, e.g. "GB123456782".
 */
export function validateUkVatNumber(value: string | null | undefined): FieldResult {
  const v = compact(value);
  if (v === '') return fail('VAT_NUMBER_REQUIRED', 'Please enter your VAT number.');
  const match = /^(GB|XI)?(.*)$/.exec(v)!;
  const prefix = match[1] ?? 'GB';
  const body = match[2]!;
  const formatError = fail('VAT_NUMBER_FORMAT', 'A UK VAT number is GB followed by 9 digits, like GB123456782.');
  if (/^GD\d{3}$/.test(body)) return Number(body.slice(2)) < 500 ? ok(prefix + body) : formatError;
  if (/^HA\d{3}$/.test(body)) return Number(body.slice(2)) >= 500 ? ok(prefix + body) : formatError;
  if (!/^(\d{9}|\d{12})$/.test(body)) return formatError;
  if (!ukVatChecksumOk(body.slice(0, 9))) {
    return fail('VAT_NUMBER_CHECKSUM', 'This VAT number does not look right: please check each digit again.');
  }
  return ok(prefix + body);
}

/**
 * Validate a Companies House company number: 8 characters, either 8 digits or 2 letters and 6 digits
 * (e.g. SC123456). Shorter all-digit numbers get leading zeros ("1234567" → "01234567").
 */
export function validateUkCompanyNumber(value: string | null | undefined): FieldResult {
  const v = compact(value);
  if (v === '') return fail('COMPANY_NUMBER_REQUIRED', 'Please enter your company number.');
  if (/^\d{1,8}$/.test(v) && !/^0+$/.test(v)) return ok(v.padStart(8, '0'));
  if (/^[A-Z]{2}\d{6}$/.test(v)) return ok(v);
  return fail('COMPANY_NUMBER_FORMAT', 'A UK company number is 8 characters, like 01234567 or SC123456.');
}
