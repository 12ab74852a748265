import type { OwnedField } from '../suppliers/supplier.entity.js';
import { canonicalAddresses, canonicalPersons, canonicalPhones, text } from '../suppliers/canonical-fields.js';
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

/** Customer-only contacts (IsCustomer and not IsSupplier) are not suppliers. */
export const isCustomerOnly = (c: Pick<MappedContact, 'isCustomer' | 'isSupplier'>): boolean => c.isCustomer && !c.isSupplier;

/** Pure: xero-node's Contact (camelCase, dates parsed) → the fields Vouch keeps, in canonical form (canonical-fields.ts). */
export function mapXeroContact(contact: XeroContact): MappedContact {
  const phones = canonicalPhones(
    (contact.phones ?? []).map((p) => ({
      type: String(p.phoneType ?? 'DEFAULT'),
      number: p.phoneNumber,
      areaCode: p.phoneAreaCode,
      countryCode: p.phoneCountryCode,
    })),
  );
  const addresses = canonicalAddresses(
    (contact.addresses ?? []).map((a) => ({
      type: String(a.addressType ?? 'POBOX'),
      line1: a.addressLine1,
      line2: a.addressLine2,
      line3: a.addressLine3,
      line4: a.addressLine4,
      city: a.city,
      region: a.region,
      postalCode: a.postalCode,
      country: a.country,
      attentionTo: a.attentionTo,
    })),
  );
  const contactPersons = canonicalPersons(
    (contact.contactPersons ?? []).map((p) => ({ firstName: p.firstName, lastName: p.lastName, email: p.emailAddress, includeInEmails: p.includeInEmails })),
  );
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
