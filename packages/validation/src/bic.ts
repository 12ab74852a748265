/** BIC / SWIFT code validation (ISO 9362). */
import { isValidBIC } from 'ibantools';
import { isCountryCode } from './countries.js';
import { normaliseIban } from './iban.js';
import { fail, ok, type FieldResult } from './result.js';

const BIC_SHAPE = /^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** Strip spaces and upper-case. */
export function normaliseBic(value: string | null | undefined): string {
  return (value ?? '').replace(/\s/g, '').toUpperCase();
}

/** Validate a BIC: 4-letter bank code, ISO country, 2-character location, optional 3-character branch. */
export function validateBic(value: string | null | undefined): FieldResult {
  const bic = normaliseBic(value);
  if (bic === '') return fail('BIC_REQUIRED', 'Please enter your BIC (SWIFT code).');
  if (bic.length !== 8 && bic.length !== 11) {
    return fail('BIC_LENGTH', 'A BIC (SWIFT code) has 8 or 11 characters, like NWBKGB2L or NWBKGB2L123.');
  }
  const match = BIC_SHAPE.exec(bic);
  if (!match) {
    return fail('BIC_FORMAT', 'A BIC (SWIFT code) starts with 4 letters for the bank and 2 for the country, like NWBKGB2L.');
  }
  if (!isCountryCode(match[1]!)) {
    return fail('BIC_COUNTRY', `Letters 5 and 6 of a BIC are the country, and ${match[1]} is not a country code.`);
  }
  // ibantools' ISO 9362 check, as a second opinion on the structure.
  if (!isValidBIC(bic)) {
    return fail('BIC_FORMAT', 'A BIC (SWIFT code) starts with 4 letters for the bank and 2 for the country, like NWBKGB2L.');
  }
  return ok(bic);
}

/** Country code inside a BIC (characters 5–6). */
export function bicCountry(bic: string): string {
  return normaliseBic(bic).slice(4, 6);
}

/**
 * Territories whose banks have their own BIC country code but use their parent country's IBANs.
 * Key: IBAN country; value: BIC countries that also match it.
 */
const IBAN_COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GB: ['JE', 'GG', 'IM'],
  FR: ['GF', 'GP', 'MQ', 'RE', 'YT', 'PM', 'BL', 'MF', 'NC', 'PF', 'WF', 'TF'],
  FI: ['AX'],
};

/** True if the BIC's country fits the IBAN's country (same code, or a territory that uses the parent's IBANs). */
export function bicMatchesIbanCountry(bic: string, iban: string): boolean {
  const ibanCountry = normaliseIban(iban).slice(0, 2);
  const country = bicCountry(bic);
  if (country === '' || ibanCountry.length !== 2) return false;
  return country === ibanCountry || (IBAN_COUNTRY_ALIASES[ibanCountry]?.includes(country) ?? false);
}
