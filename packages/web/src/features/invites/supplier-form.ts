import {
  addressCountries,
  validateAddress,
  validateCompanyNumber,
  validateContactName,
  validateContactPersons,
  validateEmail,
  validatePaymentDetails,
  validatePhone,
  validateTaxNumber,
  type PaymentCountry,
} from '@vouch/validation';
import type { SupplierDetailsInput } from '../../gql/graphql';
import { asPaymentCountry, paymentKind } from './payment-fields';

/**
 * The supplier's details form as plain data: built from what the business holds (`supplierDetails`),
 * checked with the server's own validators as the supplier types, and turned into the mutation input.
 * Error keys are the paths the server reports in `extensions.fields` (`payment.accountNumber`,
 * `phones[0].number`), so client and server messages land under the same inputs.
 */

export const PHONE_TYPES = ['DEFAULT', 'MOBILE'] as const;
export const ADDRESS_TYPES = ['POBOX', 'STREET'] as const;
export const MAX_CONTACT_PERSONS = 5;

export interface PhoneState {
  type: string;
  countryCode: string;
  areaCode: string;
  number: string;
}

export interface AddressState {
  type: string;
  line1: string;
  line2: string;
  line3: string;
  line4: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  attentionTo: string;
}

export interface PersonState {
  /** Stable React key; not sent. */
  key: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface PaymentState {
  country: PaymentCountry;
  accountHolderName: string;
  sortCode: string;
  accountNumber: string;
  iban: string;
  bic: string;
  bsb: string;
  routingNumber: string;
  details: string;
}

export interface SupplierFormState {
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  /** ISO-2 country of the business ('' when not given): GB turns on UK VAT and company number checks. */
  countryCode: string;
  /** DEFAULT and MOBILE first (shown); any other phones the business holds follow, kept as they are. */
  phones: PhoneState[];
  /** Always [POBOX, STREET]; empty ones are dropped by the server. */
  addresses: AddressState[];
  contactPersons: PersonState[];
  taxNumber: string;
  companyNumber: string;
  /** False keeps the bank details the business holds; the numbers are never prefilled. */
  updatePayment: boolean;
  /**
   * The tax and company numbers as the business holds them. Sent back unedited they are kept verbatim by
   * the server (not re-formatted), so they are not re-checked here either: a supplier who changes nothing
   * can always send.
   */
  held?: { taxNumber: string; companyNumber: string };
  payment: PaymentState;
}

export type FormErrors = Record<string, string>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => Boolean(v) && typeof v === 'object') : [];

let personKey = 0;
export function newPerson(values: Partial<Omit<PersonState, 'key'>> = {}): PersonState {
  personKey += 1;
  return { key: `person-${personKey}`, firstName: '', lastName: '', email: '', ...values };
}

export function emptyPayment(country: PaymentCountry = 'GB'): PaymentState {
  return { country, accountHolderName: '', sortCode: '', accountNumber: '', iban: '', bic: '', bsb: '', routingNumber: '', details: '' };
}

const IBAN_COUNTRIES = new Set(['IE', 'DE', 'FR', 'NL', 'ES', 'IT']);

/** The business's country from its Xero addresses (street first, then postal); '' when none is recognised. */
export function countryFromAddresses(addresses: Record<string, unknown>[]): string {
  return addressCountries(addresses)[0] ?? '';
}

/** The kind of bank account a business in `country` most likely has. */
export function paymentCountryFor(country: string): PaymentCountry {
  if (country === 'GB' || country === 'NZ' || country === 'AU' || country === 'US') return country;
  if (IBAN_COUNTRIES.has(country)) return 'IBAN';
  return country ? 'OTHER' : 'GB';
}

/** The form prefilled from `supplierDetails.details` (bank numbers are never prefilled). */
export function formFromDetails(details: Record<string, unknown>): SupplierFormState {
  const phones = list(details.phones).map((p) => ({
    type: text(p.type) || 'DEFAULT',
    countryCode: text(p.countryCode),
    areaCode: text(p.areaCode),
    number: text(p.number),
  }));
  const shown = PHONE_TYPES.map((type) => phones.find((p) => p.type === type) ?? { type, countryCode: '', areaCode: '', number: '' });
  const others = phones.filter((p) => !PHONE_TYPES.includes(p.type as (typeof PHONE_TYPES)[number]));

  const addresses = list(details.addresses);
  const address = (type: string): AddressState => {
    const a = addresses.find((x) => x.type === type) ?? {};
    return {
      type,
      line1: text(a.line1),
      line2: text(a.line2),
      line3: text(a.line3),
      line4: text(a.line4),
      city: text(a.city),
      region: text(a.region),
      postalCode: text(a.postalCode),
      country: text(a.country),
      attentionTo: text(a.attentionTo),
    };
  };

  const payment = details.paymentDetails as { country?: unknown } | null | undefined;
  const country = countryFromAddresses(addresses) || (payment?.country === 'GB' ? 'GB' : '');
  const heldPayment = asPaymentCountry(payment?.country);

  return {
    name: text(details.name),
    firstName: text(details.firstName),
    lastName: text(details.lastName),
    email: text(details.email),
    countryCode: country,
    phones: [...shown, ...others],
    addresses: ADDRESS_TYPES.map(address),
    contactPersons: list(details.contactPersons)
      .slice(0, MAX_CONTACT_PERSONS)
      .map((p) => newPerson({ firstName: text(p.firstName), lastName: text(p.lastName), email: text(p.email) })),
    taxNumber: text(details.taxNumber),
    companyNumber: text(details.companyNumber),
    updatePayment: false,
    // The kind of account held, else the one usual in the country of the business's Xero address.
    payment: emptyPayment(heldPayment ?? paymentCountryFor(country)),
    held: { taxNumber: text(details.taxNumber), companyNumber: text(details.companyNumber) },
  };
}

/**
 * The form prefilled from the supplier's own submission (`latestSubmission.details`, bank numbers masked),
 * so sending again starts from what they sent rather than the business's older copy. Bank numbers are never
 * prefilled: when the submission carried bank details, "Update my bank details" starts ticked with only the
 * kind of account and the holder's name, so sending again means entering the numbers again or unticking
 * (keeping what the business holds) — never silently dropping them.
 */
export function formFromSubmission(submission: { details: Record<string, unknown>; includesBankDetails: boolean }): SupplierFormState {
  const form = formFromDetails(submission.details);
  if (!submission.includesBankDetails) return form;
  const sent = (submission.details.paymentDetails ?? {}) as { country?: unknown; accountHolderName?: unknown };
  const country = asPaymentCountry(sent.country) ?? form.payment.country;
  return { ...form, updatePayment: true, payment: { ...emptyPayment(country), accountHolderName: text(sent.accountHolderName) } };
}

/** Every problem in the form, keyed by the server's field path; {} when it can be sent. */
export function validateSupplierForm(form: SupplierFormState): FormErrors {
  const errors: FormErrors = {};
  const put = (path: string, message: string) => {
    errors[path] ??= message;
  };
  const field = (path: string, result: { ok: true } | { ok: false; message: string }) => {
    if (!result.ok) put(path, result.message);
  };

  field('name', validateContactName(form.name));
  field('email', validateEmail(form.email, { required: true }));
  if (form.firstName.trim().length > 255) put('firstName', 'First name must be at most 255 characters.');
  if (form.lastName.trim().length > 255) put('lastName', 'Last name must be at most 255 characters.');
  const country = form.countryCode || null;
  const unedited = (value: string, held: string | undefined) => Boolean(held?.trim()) && value.trim() === held!.trim();
  if (!unedited(form.taxNumber, form.held?.taxNumber)) field('taxNumber', validateTaxNumber(form.taxNumber, country));
  if (!unedited(form.companyNumber, form.held?.companyNumber)) field('companyNumber', validateCompanyNumber(form.companyNumber, country));

  form.phones.forEach((phone, i) => {
    const result = validatePhone(phone, `phones[${i}].`);
    if (!result.ok) for (const issue of result.errors) put(issue.field, issue.message);
  });
  form.addresses.forEach((address, i) => {
    const result = validateAddress(address, `addresses[${i}].`);
    if (!result.ok) for (const issue of result.errors) put(issue.field, issue.message);
  });
  const persons = validateContactPersons(form.contactPersons);
  if (!persons.ok) for (const issue of persons.errors) put(issue.field, issue.message);

  if (form.updatePayment) {
    const result = validatePaymentDetails(form.payment);
    if (!result.ok) for (const issue of result.errors) put(`payment.${issue.field}`, issue.message);
  }
  return errors;
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The mutation input. Payment is left out unless the supplier chose to update it. */
export function supplierDetailsInput(form: SupplierFormState): SupplierDetailsInput {
  const p = form.payment;
  return {
    name: form.name.trim(),
    firstName: orNull(form.firstName),
    lastName: orNull(form.lastName),
    email: orNull(form.email),
    countryCode: form.countryCode || null,
    phones: form.phones.map((phone) => ({
      type: phone.type,
      number: orNull(phone.number),
      areaCode: orNull(phone.areaCode),
      countryCode: orNull(phone.countryCode),
    })),
    addresses: form.addresses.map((a) => ({
      type: a.type,
      line1: orNull(a.line1),
      line2: orNull(a.line2),
      line3: orNull(a.line3),
      line4: orNull(a.line4),
      city: orNull(a.city),
      region: orNull(a.region),
      postalCode: orNull(a.postalCode),
      country: orNull(a.country),
      attentionTo: orNull(a.attentionTo),
    })),
    contactPersons: form.contactPersons.map((person) => ({
      firstName: orNull(person.firstName),
      lastName: orNull(person.lastName),
      email: orNull(person.email),
    })),
    taxNumber: orNull(form.taxNumber),
    companyNumber: orNull(form.companyNumber),
    payment: form.updatePayment
      ? {
          country: p.country,
          accountHolderName: orNull(p.accountHolderName),
          // Only the inputs of the chosen kind of account (payment-fields.ts).
          ...Object.fromEntries(paymentKind(p.country).fields.map(({ key }) => [key, orNull(p[key])])),
        }
      : null,
  };
}
