/** Supplier contact fields, with Xero's Contact limits (docs/xero-facts.md §6.2). */
import { fail, IssueCollector, ok, optionalText, requiredText, trimmed, type FieldResult, type ValidationResult } from './result.js';
import { validateUkCompanyNumber, validateUkVatNumber } from './uk-tax-ids.js';

/** Xero Contact field limits (docs/xero-facts.md §6.2). */
export const XERO_CONTACT_LIMITS = {
  name: 255,
  email: 255,
  phoneNumber: 50,
  phoneAreaCode: 10,
  phoneCountryCode: 20,
  addressLine: 500,
  city: 255,
  region: 255,
  postalCode: 50,
  country: 50,
  attentionTo: 255,
  taxNumber: 50,
  companyNumber: 50,
  personName: 255,
  contactPersons: 5,
} as const;

/** Contact (company) name: required, 1–255 characters. */
export function validateContactName(value: string | null | undefined): FieldResult {
  return requiredText(value, 'Name', XERO_CONTACT_LIMITS.name, 'NAME');
}

// Pragmatic RFC 5322 subset: dot-atom local part, dotted domain of LDH labels, alphabetic TLD. ASCII only
// (Xero: "umlauts not supported"). No quoted local parts, comments or IP-literal domains.
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Email address (trimmed, ≤255). Optional unless `required` is set; an empty optional value gives ''. */
export function validateEmail(value: string | null | undefined, options: { required?: boolean } = {}): FieldResult {
  const v = trimmed(value);
  if (v === '') return options.required ? fail('EMAIL_REQUIRED', 'Please enter an email address.') : ok('');
  if (v.length > XERO_CONTACT_LIMITS.email) return fail('EMAIL_TOO_LONG', 'Email address must be 255 characters or fewer.');
  return isEmail(v) ? ok(v) : fail('EMAIL_FORMAT', 'Please enter an email address like name@example.com.');
}

function isEmail(v: string): boolean {
  const at = v.lastIndexOf('@');
  if (at < 1) return false;
  const local = v.slice(0, at);
  const labels = v.slice(at + 1).split('.');
  if (local.length > 64 || !EMAIL_LOCAL.test(local) || labels.length < 2) return false;
  if (!labels.every((l) => EMAIL_LABEL.test(l))) return false;
  return /^[A-Za-z]{2,63}$/.test(labels[labels.length - 1]!);
}

/**
 * The ways phone numbers are written in Xero (and so come back to the form unedited): digits grouped with
 * spaces, dots, slashes or hyphens, a leading + or a (0) trunk prefix, and for full numbers an extension
 * ("ext 2", "x 2", "#2").
 */
const PHONE_CHARACTERS = /^[0-9 +()./-]+$/;
const PHONE_WITH_EXTENSION = /^[0-9 +()./-]+?(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$/i;

/** Optional phone part: digits and the separators above, at most `max` characters. */
function phonePart(value: string | null | undefined, label: string, max: number, code: string, extension = false): FieldResult {
  const v = trimmed(value);
  if (v === '') return ok('');
  if (!/\d/.test(v) || !(extension ? PHONE_WITH_EXTENSION : PHONE_CHARACTERS).test(v)) {
    return fail(`${code}_CHARACTERS`, `${label} can only contain digits, spaces and + ( ) . / -${extension ? ', and an extension like "ext 2"' : ''}.`);
  }
  if (v.length > max) return fail(`${code}_TOO_LONG`, `${label} must be ${max} characters or fewer.`);
  return ok(v);
}

/** Phone number (≤50). */
export function validatePhoneNumber(value: string | null | undefined): FieldResult {
  return phonePart(value, 'Phone number', XERO_CONTACT_LIMITS.phoneNumber, 'PHONE_NUMBER', true);
}

/** Phone area code (≤10). */
export function validatePhoneAreaCode(value: string | null | undefined): FieldResult {
  return phonePart(value, 'Area code', XERO_CONTACT_LIMITS.phoneAreaCode, 'PHONE_AREA_CODE');
}

/** Phone country code (≤20). */
export function validatePhoneCountryCode(value: string | null | undefined): FieldResult {
  return phonePart(value, 'Country code', XERO_CONTACT_LIMITS.phoneCountryCode, 'PHONE_COUNTRY_CODE');
}

export interface PhoneInput {
  number?: string | null;
  areaCode?: string | null;
  countryCode?: string | null;
}

export interface Phone {
  readonly number: string;
  readonly areaCode: string;
  readonly countryCode: string;
}

/** A phone's three parts (each optional, trimmed); errors name the part, prefixed by `path`. */
export function validatePhone(phone: PhoneInput, path = ''): ValidationResult<Phone> {
  const c = new IssueCollector();
  const number = c.take(`${path}number`, validatePhoneNumber(phone.number));
  const areaCode = c.take(`${path}areaCode`, validatePhoneAreaCode(phone.areaCode));
  const countryCode = c.take(`${path}countryCode`, validatePhoneCountryCode(phone.countryCode));
  if (number === undefined || areaCode === undefined || countryCode === undefined) return { ok: false, errors: c.errors };
  return { ok: true, value: { number, areaCode, countryCode } };
}

export interface AddressInput {
  line1?: string | null;
  line2?: string | null;
  line3?: string | null;
  line4?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
  attentionTo?: string | null;
}

export type Address = { readonly [K in keyof AddressInput]-?: string };

const ADDRESS_FIELDS: readonly (readonly [keyof AddressInput, string, number, string])[] = [
  ['line1', 'Address line 1', XERO_CONTACT_LIMITS.addressLine, 'ADDRESS_LINE1'],
  ['line2', 'Address line 2', XERO_CONTACT_LIMITS.addressLine, 'ADDRESS_LINE2'],
  ['line3', 'Address line 3', XERO_CONTACT_LIMITS.addressLine, 'ADDRESS_LINE3'],
  ['line4', 'Address line 4', XERO_CONTACT_LIMITS.addressLine, 'ADDRESS_LINE4'],
  ['city', 'Town or city', XERO_CONTACT_LIMITS.city, 'CITY'],
  ['region', 'Region', XERO_CONTACT_LIMITS.region, 'REGION'],
  ['postalCode', 'Postal code', XERO_CONTACT_LIMITS.postalCode, 'POSTAL_CODE'],
  ['country', 'Country', XERO_CONTACT_LIMITS.country, 'COUNTRY'],
  ['attentionTo', 'Attention to', XERO_CONTACT_LIMITS.attentionTo, 'ATTENTION_TO'],
];

/** An address: every part optional and trimmed, with Xero's length limits. */
export function validateAddress(address: AddressInput, path = ''): ValidationResult<Address> {
  const c = new IssueCollector();
  const out: Record<string, string> = {};
  for (const [key, label, max, code] of ADDRESS_FIELDS) {
    const v = c.take(`${path}${key}`, optionalText(address[key], label, max, code));
    if (v !== undefined) out[key] = v;
  }
  return c.errors.length > 0 ? { ok: false, errors: c.errors } : { ok: true, value: out as Address };
}

/**
 * Tax number (≤50, optional). For GB suppliers it must be a valid UK VAT number (normalised, e.g.
 * "GB123456782"); elsewhere only the length is checked.
 */
export function validateTaxNumber(value: string | null | undefined, country?: string | null): FieldResult {
  const v = trimmed(value);
  if (v === '') return ok('');
  if (country === 'GB') return validateUkVatNumber(v);
  return optionalText(v, 'Tax number', XERO_CONTACT_LIMITS.taxNumber, 'TAX_NUMBER');
}

/**
 * Company number (≤50, optional). For GB suppliers it must be a Companies House number (8 digits, or
 * 2 letters + 6 digits); elsewhere only the length is checked.
 */
export function validateCompanyNumber(value: string | null | undefined, country?: string | null): FieldResult {
  const v = trimmed(value);
  if (v === '') return ok('');
  if (country === 'GB') return validateUkCompanyNumber(v);
  return optionalText(v, 'Company number', XERO_CONTACT_LIMITS.companyNumber, 'COMPANY_NUMBER');
}

export interface ContactPersonInput {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}

export interface ContactPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

/** One additional contact person: names ≤255, optional email; at least one of the three is needed. */
export function validateContactPerson(person: ContactPersonInput, path = ''): ValidationResult<ContactPerson> {
  const c = new IssueCollector();
  const firstName = c.take(`${path}firstName`, optionalText(person.firstName, 'First name', XERO_CONTACT_LIMITS.personName, 'FIRST_NAME'));
  const lastName = c.take(`${path}lastName`, optionalText(person.lastName, 'Last name', XERO_CONTACT_LIMITS.personName, 'LAST_NAME'));
  const email = c.take(`${path}email`, validateEmail(person.email));
  if (firstName === '' && lastName === '' && email === '') {
    c.add(`${path}firstName`, 'CONTACT_PERSON_EMPTY', 'Please enter a name or an email address for this person, or remove them.');
  }
  if (firstName === undefined || lastName === undefined || email === undefined || c.errors.length > 0) {
    return { ok: false, errors: c.errors };
  }
  return { ok: true, value: { firstName, lastName, email } };
}

/** Up to 5 additional contact people (Xero's limit); errors are reported as contactPersons[i].field. */
export function validateContactPersons(persons: readonly ContactPersonInput[]): ValidationResult<ContactPerson[]> {
  if (persons.length > XERO_CONTACT_LIMITS.contactPersons) {
    return {
      ok: false,
      errors: [{ field: 'contactPersons', code: 'CONTACT_PERSONS_TOO_MANY', message: 'You can add up to 5 contact people.' }],
    };
  }
  const results = persons.map((p, i) => validateContactPerson(p, `contactPersons[${i}].`));
  const errors = results.flatMap((r) => (r.ok ? [] : r.errors));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: results.map((r) => (r as { value: ContactPerson }).value) };
}
