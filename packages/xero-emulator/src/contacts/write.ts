import type { Address, Contact, ContactInput, ContactPerson, Phone } from '../types.js';
import { WRITABLE_CONTACT_FIELDS } from '../types.js';
import type { ContactStore } from './contact-store.js';

export interface ContactWriteRules {
  /** How a sent Phones/Addresses array is applied on update: replace the whole list (default, stricter) or merge per type. */
  contactArrays: 'replace' | 'merge-by-type';
  /** Reject edits to ARCHIVED contacts unless the same write restores them to ACTIVE (default true). */
  rejectArchivedEdits: boolean;
  /** Maximum ContactPersons per contact (Xero UI: 5). */
  maxContactPersons: number;
}

export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

const STRING_LIMITS: Record<string, number> = {
  ContactNumber: 50,
  AccountNumber: 50,
  Name: 255,
  FirstName: 255,
  LastName: 255,
  CompanyNumber: 50,
  EmailAddress: 255,
  TaxNumber: 50,
};
const STRING_FIELDS_NO_LIMIT = [
  'BankAccountDetails',
  'AccountsReceivableTaxType',
  'AccountsPayableTaxType',
  'DefaultCurrency',
  'XeroNetworkKey',
  'SalesDefaultAccountCode',
  'PurchasesDefaultAccountCode',
] as const;
const ADDRESS_LIMITS: Record<string, number> = {
  AddressLine1: 500,
  AddressLine2: 500,
  AddressLine3: 500,
  AddressLine4: 500,
  City: 255,
  Region: 255,
  PostalCode: 50,
  Country: 50,
  AttentionTo: 255,
};
const PHONE_LIMITS: Record<string, number> = { PhoneNumber: 50, PhoneAreaCode: 10, PhoneCountryCode: 20 };
const PHONE_TYPES = ['DEFAULT', 'DDI', 'MOBILE', 'FAX', 'OFFICE'];
const ADDRESS_TYPES = ['POBOX', 'STREET'];
const LINE_AMOUNT_TYPES = ['INCLUSIVE', 'EXCLUSIVE', 'NONE'];
const TAX_NUMBER_TYPES = ['SSN', 'EIN', 'ITIN', 'ATIN'];
const PAYMENT_TERM_TYPES = ['DAYSAFTERBILLDATE', 'DAYSAFTERBILLMONTH', 'OFCURRENTMONTH', 'OFFOLLOWINGMONTH'];
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Xero: "umlauts not supported" in EmailAddress.
const NON_ASCII_RE = /[^\x20-\x7e]/;

export type BuildResult = { ok: true; data: Omit<Contact, 'UpdatedDateUTC'> } | { ok: false; errors: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the writable fields of a raw request element, dropping read-only ones (IsSupplier, IsCustomer, …) and nulls. */
export function readContactInput(raw: Record<string, unknown>): { input: ContactInput; errors: string[] } {
  const errors: string[] = [];
  const input: Record<string, unknown> = {};
  if (typeof raw.ContactID === 'string') input.ContactID = raw.ContactID;
  for (const field of WRITABLE_CONTACT_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    input[field] = value;
  }
  for (const [field, limit] of Object.entries(STRING_LIMITS)) {
    const value = input[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') errors.push(`${field} must be a string.`);
    else if (value.length > limit) errors.push(`${field} must not be more than ${limit} characters long.`);
  }
  for (const field of STRING_FIELDS_NO_LIMIT) {
    const value = input[field];
    if (value !== undefined && typeof value !== 'string') errors.push(`${field} must be a string.`);
  }
  if (typeof input.EmailAddress === 'string' && input.EmailAddress !== '') {
    if (!EMAIL_RE.test(input.EmailAddress) || NON_ASCII_RE.test(input.EmailAddress)) errors.push('Email address must be valid.');
  }
  if (input.ContactStatus !== undefined && input.ContactStatus !== 'ACTIVE' && input.ContactStatus !== 'ARCHIVED') {
    errors.push('ContactStatus must be ACTIVE or ARCHIVED.');
  }
  for (const field of ['SalesDefaultLineAmountType', 'PurchasesDefaultLineAmountType'] as const) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || !LINE_AMOUNT_TYPES.includes(value))) errors.push(`${field} is invalid.`);
  }
  if (input.TaxNumberType !== undefined && (typeof input.TaxNumberType !== 'string' || !TAX_NUMBER_TYPES.includes(input.TaxNumberType))) {
    errors.push('TaxNumberType is invalid.');
  }
  if (input.Addresses !== undefined) {
    if (!Array.isArray(input.Addresses)) errors.push('Addresses must be a list.');
    else {
      for (const address of input.Addresses as unknown[]) {
        if (!isRecord(address) || typeof address.AddressType !== 'string' || !ADDRESS_TYPES.includes(address.AddressType)) {
          errors.push('AddressType must be POBOX or STREET.');
          continue;
        }
        for (const [field, limit] of Object.entries(ADDRESS_LIMITS)) {
          const value = address[field];
          if (value === undefined || value === null) continue;
          if (typeof value !== 'string') errors.push(`${field} must be a string.`);
          else if (value.length > limit) errors.push(`${field} must not be more than ${limit} characters long.`);
        }
      }
    }
  }
  if (input.Phones !== undefined) {
    if (!Array.isArray(input.Phones)) errors.push('Phones must be a list.');
    else {
      for (const phone of input.Phones as unknown[]) {
        if (!isRecord(phone) || typeof phone.PhoneType !== 'string' || !PHONE_TYPES.includes(phone.PhoneType)) {
          errors.push('PhoneType must be one of DEFAULT, DDI, MOBILE, FAX, OFFICE.');
          continue;
        }
        for (const [field, limit] of Object.entries(PHONE_LIMITS)) {
          const value = phone[field];
          if (value === undefined || value === null) continue;
          if (typeof value !== 'string') errors.push(`${field} must be a string.`);
          else if (value.length > limit) errors.push(`${field} must not be more than ${limit} characters long.`);
        }
      }
    }
  }
  if (input.ContactPersons !== undefined) {
    if (!Array.isArray(input.ContactPersons)) errors.push('ContactPersons must be a list.');
    else {
      for (const person of input.ContactPersons as unknown[]) {
        if (!isRecord(person)) {
          errors.push('ContactPersons must contain objects.');
          continue;
        }
        const email = person.EmailAddress;
        if (email !== undefined && email !== null && email !== '' && (typeof email !== 'string' || !EMAIL_RE.test(email))) {
          errors.push('Email address must be valid.');
        }
      }
    }
  }
  if (input.PaymentTerms !== undefined) {
    if (!isRecord(input.PaymentTerms)) errors.push('PaymentTerms is invalid.');
    else {
      for (const part of [input.PaymentTerms.Bills, input.PaymentTerms.Sales]) {
        if (part === undefined || part === null) continue;
        if (!isRecord(part)) errors.push('PaymentTerms is invalid.');
        else {
          if (part.Type !== undefined && (typeof part.Type !== 'string' || !PAYMENT_TERM_TYPES.includes(part.Type)))
            errors.push('Payment term type is invalid.');
          if (part.Day !== undefined && (typeof part.Day !== 'number' || !Number.isInteger(part.Day) || part.Day < 0 || part.Day > 31)) {
            errors.push('Payment term day must be between 0 and 31.');
          }
        }
      }
    }
  }
  if (input.BatchPayments !== undefined) {
    if (!isRecord(input.BatchPayments)) errors.push('BatchPayments is invalid.');
    else {
      const limits: Record<string, number> = { Details: 18, Code: 12, Reference: 12 };
      for (const [field, limit] of Object.entries(limits)) {
        const value = input.BatchPayments[field];
        if (typeof value === 'string' && value.length > limit) errors.push(`${field} must not be more than ${limit} characters long.`);
      }
    }
  }
  return { input: input as ContactInput, errors };
}

function cleanAddress(address: Address): Address {
  const out: Address = { AddressType: address.AddressType };
  for (const field of Object.keys(ADDRESS_LIMITS) as Array<keyof Address>) {
    const value = address[field];
    if (typeof value === 'string') (out as unknown as Record<string, string>)[field] = value;
  }
  return out;
}

function cleanPhone(phone: Phone): Phone {
  const out: Phone = { PhoneType: phone.PhoneType };
  for (const field of Object.keys(PHONE_LIMITS) as Array<keyof Phone>) {
    const value = phone[field];
    if (typeof value === 'string') (out as unknown as Record<string, string>)[field] = value;
  }
  return out;
}

function cleanPerson(person: ContactPerson): ContactPerson {
  const out: ContactPerson = {};
  if (typeof person.FirstName === 'string') out.FirstName = person.FirstName;
  if (typeof person.LastName === 'string') out.LastName = person.LastName;
  if (typeof person.EmailAddress === 'string') out.EmailAddress = person.EmailAddress;
  out.IncludeInEmails = person.IncludeInEmails === true;
  return out;
}

function mergeByType<T, K extends keyof T>(existing: T[], incoming: T[], key: K): T[] {
  const out = existing.filter((item) => !incoming.some((next) => next[key] === item[key]));
  return [...out, ...incoming];
}

/**
 * Applies a validated input to an existing contact (update) or a fresh one (create) and checks the
 * organisation-wide rules (name required and unique among ACTIVE contacts, unique AccountNumber and
 * ContactNumber, ≤ maxContactPersons, archived contacts not editable).
 */
export function buildContact(
  store: ContactStore,
  input: ContactInput,
  existing: Omit<Contact, 'UpdatedDateUTC'> | undefined,
  newId: string,
  rules: ContactWriteRules,
): BuildResult {
  const errors: string[] = [];
  if (existing?.ContactStatus === 'GDPRREQUEST') {
    return { ok: false, errors: ['This contact has been removed following a GDPR request and cannot be edited.'] };
  }
  if (existing?.ContactStatus === 'ARCHIVED' && rules.rejectArchivedEdits && input.ContactStatus !== 'ACTIVE') {
    return { ok: false, errors: ['This contact has been archived and cannot be edited. Restore it by setting ContactStatus to ACTIVE.'] };
  }
  const base: Omit<Contact, 'UpdatedDateUTC'> = existing
    ? structuredClone(existing)
    : {
        ContactID: newId,
        ContactStatus: 'ACTIVE',
        Name: '',
        Addresses: [],
        Phones: [],
        IsSupplier: false,
        IsCustomer: false,
        ContactPersons: [],
      };
  const target = base as unknown as Record<string, unknown>;
  for (const field of WRITABLE_CONTACT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    if (field === 'Addresses') {
      const incoming = (value as Address[]).map(cleanAddress);
      base.Addresses = existing && rules.contactArrays === 'merge-by-type' ? mergeByType(base.Addresses, incoming, 'AddressType') : incoming;
    } else if (field === 'Phones') {
      const incoming = (value as Phone[]).map(cleanPhone);
      base.Phones = existing && rules.contactArrays === 'merge-by-type' ? mergeByType(base.Phones, incoming, 'PhoneType') : incoming;
    } else if (field === 'ContactPersons') {
      base.ContactPersons = (value as ContactPerson[]).map(cleanPerson);
    } else {
      target[field] = structuredClone(value);
    }
  }
  if (typeof base.Name !== 'string' || base.Name.trim() === '') errors.push('Contact Name cannot be empty.');
  if (base.ContactPersons.length > rules.maxContactPersons) {
    errors.push(`A contact can have a maximum of ${rules.maxContactPersons} contact persons.`);
  }
  const id = base.ContactID.toLowerCase();
  if (base.ContactStatus === 'ACTIVE' && base.Name.trim() !== '') {
    const owner = store.activeNameOwner(base.Name);
    if (owner !== undefined && owner !== id) {
      errors.push(`The contact name ${base.Name} is already assigned to another contact. The contact name must be unique across all active contacts.`);
    }
  }
  if (base.AccountNumber) {
    const owner = store.accountNumberOwner(base.AccountNumber);
    if (owner !== undefined && owner !== id) errors.push('The Account Number already exists. Please enter a different Account Number.');
  }
  if (base.ContactNumber) {
    const owner = store.contactNumberOwner(base.ContactNumber);
    if (owner !== undefined && owner !== id) errors.push('The Contact Number already exists. Please enter a different Contact Number.');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data: base };
}

/** The element echoed back in a ValidationException (shape of example_PUT_Contacts_400.json). */
export function renderErrorElement(raw: Record<string, unknown>, contactId: string | undefined, errors: string[]): Record<string, unknown> {
  const { input } = readContactInput(raw);
  const out: Record<string, unknown> = { ContactID: contactId ?? ZERO_GUID };
  for (const field of WRITABLE_CONTACT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    if (field === 'Addresses' || field === 'Phones') {
      out[field] = Array.isArray(value) ? (value as unknown[]).map((item) => (isRecord(item) ? { ...item, ValidationErrors: [] } : item)) : value;
    } else if (field === 'PaymentTerms' && isRecord(value)) {
      const terms: Record<string, unknown> = {};
      for (const [key, part] of Object.entries(value)) terms[key] = isRecord(part) ? { ...part, ValidationErrors: [] } : part;
      out[field] = terms;
    } else {
      out[field] = value;
    }
  }
  out.ContactGroups = [];
  if (out.ContactPersons === undefined) out.ContactPersons = [];
  out.HasValidationErrors = true;
  out.ValidationErrors = errors.map((message) => ({ Message: message }));
  return out;
}
