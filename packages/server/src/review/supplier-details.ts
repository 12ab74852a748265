import type { FieldProblem } from '../common/app-error.js';
import type { Supplier } from '../suppliers/supplier.entity.js';
import { canonicalAddresses, canonicalPersons, canonicalPhones, PHONE_TYPES as CANONICAL_PHONE_TYPES, text } from '../suppliers/canonical-fields.js';
import type { AddressData, ContactPersonData, PhoneData } from '../suppliers/supplier-details.types.js';
import {
  validateAddress,
  validateCompanyNumber,
  validateContactName,
  validateContactPersons,
  validateEmail,
  validatePaymentDetails,
  validatePhone,
  validateTaxNumber,
  type PaymentCountry,
  type PaymentDetails,
} from '@vouch/validation';
import type { SupplierDetailsInput } from './supplier-details.input.js';

const PHONE_TYPES = new Set<string>(CANONICAL_PHONE_TYPES);
const ADDRESS_TYPES = new Set(['POBOX', 'STREET']);

/** What a submission proposes, in the supplier's own field shapes. */
export interface ProposedDetails {
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phones: PhoneData[];
  addresses: AddressData[];
  contactPersons: ContactPersonData[];
  taxNumber: string | null;
  companyNumber: string | null;
  /** Present only when the supplier gave payment details. */
  payment?: PaymentDetails;
  bankAccountDetails?: string;
}

const orNull = (v: string | undefined | null): string | null => (v === undefined || v === null || v === '' ? null : v);

/** What the supplier's record holds now: the submission is merged onto it (see validateSupplierDetails). */
export type HeldDetails = Pick<Supplier, 'phones' | 'addresses' | 'contactPersons' | 'taxNumber' | 'companyNumber'>;

/**
 * Validates a submission with the same rules the browser runs as the supplier types, and merges it onto
 * what is held, so that a field the supplier did not edit keeps exactly what Xero holds:
 * - a tax or company number sent back as it was shown is kept verbatim (not re-formatted, not re-checked);
 * - phone and address types the form does not show (DDI, FAX, DELIVERY) are kept as held;
 * - each contact person keeps the IncludeInEmails flag of the held person it matches (by email, else by
 *   name, else by position), since the form does not show it.
 * The result is in canonical form (canonical-fields.ts).
 */
export function validateSupplierDetails(
  input: SupplierDetailsInput,
  held: HeldDetails | null = null,
): { ok: true; value: ProposedDetails } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const take = <T>(field: string, r: { ok: true; normalised: T } | { ok: false; message: string }): T | undefined => {
    if (r.ok) return r.normalised;
    errors.push({ field, message: r.message });
    return undefined;
  };
  const name = take('name', validateContactName(input.name));
  const email = take('email', validateEmail(input.email, { required: true }));
  const firstName = input.firstName?.trim() ?? '';
  const lastName = input.lastName?.trim() ?? '';
  if (firstName.length > 255) errors.push({ field: 'firstName', message: 'First name must be at most 255 characters.' });
  if (lastName.length > 255) errors.push({ field: 'lastName', message: 'Last name must be at most 255 characters.' });
  const unedited = (value: string | null | undefined, heldValue: string | null | undefined): boolean =>
    held !== null && text(heldValue) !== null && text(value) === text(heldValue);
  const taxNumber = unedited(input.taxNumber, held?.taxNumber) ? held!.taxNumber! : take('taxNumber', validateTaxNumber(input.taxNumber, input.countryCode));
  const companyNumber = unedited(input.companyNumber, held?.companyNumber)
    ? held!.companyNumber!
    : take('companyNumber', validateCompanyNumber(input.companyNumber, input.countryCode));

  const phones: ProposedDetails['phones'] = [];
  input.phones.forEach((phone, i) => {
    if (!PHONE_TYPES.has(phone.type)) errors.push({ field: `phones[${i}].type`, message: 'Choose a phone type.' });
    const r = validatePhone(phone, `phones[${i}].`);
    if (!r.ok) errors.push(...r.errors.map((e) => ({ field: e.field, message: e.message })));
    else if (r.value.number || r.value.areaCode || r.value.countryCode) {
      phones.push({ type: phone.type, number: orNull(r.value.number), areaCode: orNull(r.value.areaCode), countryCode: orNull(r.value.countryCode) });
    }
  });
  const addresses: ProposedDetails['addresses'] = [];
  input.addresses.forEach((address, i) => {
    if (!ADDRESS_TYPES.has(address.type)) errors.push({ field: `addresses[${i}].type`, message: 'Choose postal or street address.' });
    const r = validateAddress(address, `addresses[${i}].`);
    if (!r.ok) errors.push(...r.errors.map((e) => ({ field: e.field, message: e.message })));
    else if (Object.values(r.value).some(Boolean)) {
      const v = r.value;
      addresses.push({
        type: address.type,
        line1: orNull(v.line1),
        line2: orNull(v.line2),
        line3: orNull(v.line3),
        line4: orNull(v.line4),
        city: orNull(v.city),
        region: orNull(v.region),
        postalCode: orNull(v.postalCode),
        country: orNull(v.country),
        attentionTo: orNull(v.attentionTo),
      });
    }
  });
  if (new Set(addresses.map((a) => a.type)).size !== addresses.length)
    errors.push({ field: 'addresses', message: 'Give at most one postal and one street address.' });
  const persons = validateContactPersons(input.contactPersons);
  if (!persons.ok) errors.push(...persons.errors.map((e) => ({ field: e.field, message: e.message })));

  let payment: PaymentDetails | undefined;
  let bankAccountDetails: string | undefined;
  if (input.payment) {
    const r = validatePaymentDetails({ ...input.payment, country: input.payment.country as PaymentCountry });
    if (!r.ok) errors.push(...r.errors.map((e) => ({ field: `payment.${e.field}`, message: e.message })));
    else {
      payment = r.value;
      bankAccountDetails = r.xeroBankAccountDetails;
    }
  }
  if (errors.length || name === undefined || email === undefined || taxNumber === undefined || companyNumber === undefined || !persons.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      name,
      firstName: orNull(firstName),
      lastName: orNull(lastName),
      email: orNull(email),
      // Types the submission did not carry are kept as held.
      phones: canonicalPhones([...phones, ...(held?.phones ?? []).filter((p) => !input.phones.some((i) => i.type === p.type))]),
      addresses: canonicalAddresses([...addresses, ...(held?.addresses ?? []).filter((a) => !input.addresses.some((i) => i.type === a.type))]),
      contactPersons: canonicalPersons(
        withHeldFlags(
          persons.value.map((p) => ({ firstName: orNull(p.firstName), lastName: orNull(p.lastName), email: orNull(p.email), includeInEmails: null })),
          held?.contactPersons ?? [],
        ),
      ),
      taxNumber: orNull(taxNumber),
      companyNumber: orNull(companyNumber),
      ...(payment ? { payment, bankAccountDetails } : {}),
    },
  };
}

/** Carries each held person's IncludeInEmails onto the submitted person it matches: email, else name, else position. */
function withHeldFlags(submitted: ContactPersonData[], held: ContactPersonData[]): ContactPersonData[] {
  const unused = new Set(held.map((_, i) => i));
  const lower = (v: string | null | undefined) => text(v)?.toLowerCase() ?? null;
  const claim = (match: (h: ContactPersonData, i: number) => boolean): ContactPersonData | undefined => {
    const index = held.findIndex((h, i) => unused.has(i) && match(h, i));
    if (index === -1) return undefined;
    unused.delete(index);
    return held[index];
  };
  const found: (ContactPersonData | undefined)[] = submitted.map((p) => (lower(p.email) ? claim((h) => lower(h.email) === lower(p.email)) : undefined));
  submitted.forEach((p, i) => {
    if (!found[i] && (lower(p.firstName) || lower(p.lastName))) {
      found[i] = claim((h) => lower(h.firstName) === lower(p.firstName) && lower(h.lastName) === lower(p.lastName));
    }
  });
  submitted.forEach((_, i) => {
    found[i] ??= claim((__, j) => j === i);
  });
  return submitted.map((p, i) => ({ ...p, includeInEmails: found[i]?.includeInEmails ?? p.includeInEmails }));
}

/** The reviewable fields, in display order, with labels. */
export const REVIEW_FIELDS: { field: keyof ProposedDetails | 'paymentDetails'; label: string; bank?: boolean }[] = [
  { field: 'name', label: 'Business name' },
  { field: 'firstName', label: 'Contact first name' },
  { field: 'lastName', label: 'Contact last name' },
  { field: 'email', label: 'Email' },
  { field: 'phones', label: 'Phones' },
  { field: 'addresses', label: 'Addresses' },
  { field: 'contactPersons', label: 'Contact people' },
  { field: 'taxNumber', label: 'Tax / VAT number' },
  { field: 'companyNumber', label: 'Company number' },
  { field: 'bankAccountDetails', label: 'Bank account (as held in Xero)', bank: true },
  { field: 'paymentDetails', label: 'Bank account', bank: true },
];

/** The supplier's current values in the same shape as a proposal (for diffs and baselines). */
export function currentDetails(supplier: Supplier): Record<string, unknown> {
  return {
    name: supplier.name,
    firstName: supplier.firstName,
    lastName: supplier.lastName,
    email: supplier.email,
    phones: supplier.phones,
    addresses: supplier.addresses,
    contactPersons: supplier.contactPersons,
    taxNumber: supplier.taxNumber,
    companyNumber: supplier.companyNumber,
    bankAccountDetails: supplier.bankAccountDetails,
    paymentDetails: supplier.paymentDetails ?? null,
  };
}

/** A proposal in the same shape as currentDetails (payment unchanged when not given). */
export function proposedAsDetails(proposed: ProposedDetails, current: Record<string, unknown>): Record<string, unknown> {
  const { payment, bankAccountDetails, ...rest } = proposed;
  return {
    ...rest,
    bankAccountDetails: payment ? bankAccountDetails : current.bankAccountDetails,
    paymentDetails: payment ?? current.paymentDetails,
  };
}
