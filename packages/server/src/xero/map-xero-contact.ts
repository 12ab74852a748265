import type { OwnedField } from '../suppliers/supplier.entity.js';
import type { AddressData, ContactPersonData, PhoneData } from '../suppliers/supplier-details.types.js';
import type { XeroContact } from './xero.gateway.js';

export interface MappedContact {
  contactId: string;
  updatedAt: Date | null;
  archived: boolean;
  isSupplier: boolean;
  isCustomer: boolean;
  owned: Record<OwnedField, unknown> & {
    name: string;
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    phones: PhoneData[];
    addresses: AddressData[];
    contactPersons: ContactPersonData[];
    taxNumber: string | null;
    companyNumber: string | null;
    accountNumber: string | null;
    bankAccountDetails: string | null;
    defaultCurrency: string | null;
  };
}

const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
};

/** Customer-only contacts (IsCustomer and not IsSupplier) are not suppliers. */
export const isCustomerOnly = (c: Pick<MappedContact, 'isCustomer' | 'isSupplier'>): boolean => c.isCustomer && !c.isSupplier;

/** Pure: xero-node's Contact (camelCase, dates parsed) → the fields Vouch keeps. Empty Xero entries are dropped. */
export function mapXeroContact(contact: XeroContact): MappedContact {
  const phones: PhoneData[] = (contact.phones ?? [])
    .map((p) => ({ type: String(p.phoneType ?? 'DEFAULT'), number: text(p.phoneNumber), areaCode: text(p.phoneAreaCode), countryCode: text(p.phoneCountryCode) }))
    .filter((p) => p.number || p.areaCode || p.countryCode);
  const addresses: AddressData[] = (contact.addresses ?? [])
    .map((a) => ({
      type: String(a.addressType ?? 'POBOX'),
      line1: text(a.addressLine1),
      line2: text(a.addressLine2),
      line3: text(a.addressLine3),
      line4: text(a.addressLine4),
      city: text(a.city),
      region: text(a.region),
      postalCode: text(a.postalCode),
      country: text(a.country),
      attentionTo: text(a.attentionTo),
    }))
    .filter((a) => Object.entries(a).some(([k, v]) => k !== 'type' && v));
  const contactPersons: ContactPersonData[] = (contact.contactPersons ?? []).map((p) => ({
    firstName: text(p.firstName),
    lastName: text(p.lastName),
    email: text(p.emailAddress),
    includeInEmails: p.includeInEmails ?? null,
  }));
  const updated = contact.updatedDateUTC as unknown;
  return {
    contactId: String(contact.contactID),
    updatedAt: updated instanceof Date ? updated : updated ? new Date(String(updated)) : null,
    archived: String(contact.contactStatus ?? 'ACTIVE') !== 'ACTIVE',
    isSupplier: contact.isSupplier === true,
    isCustomer: contact.isCustomer === true,
    owned: {
      name: text(contact.name) ?? '(no name)',
      firstName: text(contact.firstName),
      lastName: text(contact.lastName),
      email: text(contact.emailAddress),
      phones,
      addresses,
      contactPersons,
      taxNumber: text(contact.taxNumber),
      companyNumber: text(contact.companyNumber),
      accountNumber: text(contact.accountNumber),
      bankAccountDetails: text(contact.bankAccountDetails),
      defaultCurrency: text(contact.defaultCurrency),
    },
  };
}

/** Canonical JSON for comparing field values (key order and null/absent differences ignored). */
export function canonical(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== null && x !== undefined && x !== '')
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, norm(x)]),
      );
    }
    return v === '' || v === undefined ? null : v;
  };
  return JSON.stringify(norm(value));
}
