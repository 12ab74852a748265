/** IBAN validation: ISO 13616 structure, per-country length from the SWIFT IBAN registry, mod-97 check digits. */
import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { fail, ok, type FieldResult } from './result.js';

/**
 * Country rules come from ibantools (maintained against the SWIFT IBAN Registry): the length, the BBAN's
 * structure per country (e.g. DE: 8 digits of bank code, then 10 of account) and national check digits where
 * a country has them. Countries outside the IBAN registry that ibantools knows only by hearsay are refused.
 */
const SPECS = getCountrySpecifications();

/**
 * Territories that bank with their parent country's IBANs (an IBAN from Guadeloupe starts with FR): ibantools
 * lists their own codes, the SWIFT registry folds them into the parent, and so do we.
 */
const PARENT_IBAN_TERRITORIES = new Set(['AX', 'GF', 'GP', 'MF', 'MQ', 'NC', 'PF', 'PM', 'RE', 'TF', 'WF', 'YT']);
/** Added to the SWIFT IBAN registry in 2024–25, after ibantools 4.5.4's data (which knows their structure). */
const RECENT_REGISTRY_COUNTRIES = new Set(['BI', 'DJ', 'FK', 'HN']);

/** IBAN length per country: the registry countries, from ibantools' data. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(SPECS)
    .filter(([country, spec]) => (spec.IBANRegistry || RECENT_REGISTRY_COUNTRIES.has(country)) && spec.chars !== null && !PARENT_IBAN_TERRITORIES.has(country))
    .map(([country, spec]) => [country, spec.chars!]),
);

/** Strip spaces (and dashes/dots people copy from statements) and upper-case. */
export function normaliseIban(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\-.]/g, '').toUpperCase();
}

/** ISO 7064 MOD 97-10 over an IBAN: move the first 4 characters to the end, letters A=10…Z=35, remainder 1. */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** Validate an IBAN; the normalised form has no spaces and is upper-case. */
export function validateIban(value: string | null | undefined): FieldResult {
  const iban = normaliseIban(value);
  if (iban === '') return fail('IBAN_REQUIRED', 'Please enter your IBAN.');
  if (!/^[A-Z0-9]+$/.test(iban)) {
    return fail('IBAN_INVALID_CHARACTERS', 'An IBAN can only contain letters and numbers.');
  }
  const country = iban.slice(0, 2);
  if (!/^[A-Z]{2}\d{2}/.test(iban)) {
    return fail('IBAN_FORMAT', 'An IBAN starts with a 2-letter country code and 2 check digits, like GB82 WEST 1234 5698 7654 32.');
  }
  const length = IBAN_LENGTHS[country];
  if (length === undefined) {
    return fail('IBAN_UNKNOWN_COUNTRY', `${country} does not use IBANs. Please check the first two letters, or choose another way to give your bank details.`);
  }
  if (iban.length !== length) {
    return fail('IBAN_LENGTH', `An IBAN from ${country} has ${length} characters; this one has ${iban.length}.`);
  }
  const { errorCodes } = validateIBAN(iban);
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) {
    return fail('IBAN_FORMAT', `This is not how an IBAN from ${country} is built: please check the letters and digits after the first four.`);
  }
  if (ibanMod97(iban) !== 1 || errorCodes.length > 0) {
    return fail('IBAN_CHECKSUM', 'This IBAN does not look right: please check each character again.');
  }
  return ok(iban);
}

/** Group an IBAN in blocks of four for display, e.g. "GB82 WEST 1234 5698 7654 32". */
export function formatIban(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}
