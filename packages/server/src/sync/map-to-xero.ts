import type { XeroContactInput as Contact } from '../xero/xero.gateway.js';
import type { MappedContact } from '../xero/map-xero-contact.js';

/** The approved fields an outbox entry carries (see XERO_PUSH_FIELDS): Vouch-owned fields minus the two not pushed. */
export type PushPayload = Omit<MappedContact['owned'], 'accountNumber' | 'defaultCurrency'>;

const PHONE_TYPES = ['DEFAULT', 'DDI', 'MOBILE', 'FAX'] as const;
const ADDRESS_TYPES = ['POBOX', 'STREET'] as const;

/**
 * Pure: Vouch's approved values → Xero's Contact shape (xero-node model, camelCase). Only fields Vouch owns.
 * Every phone and address type is sent, blank when Vouch has none, so a value removed in Vouch is removed in
 * Xero too; ContactPersons is replaced as a whole (Xero's rule). Empty strings clear a field.
 */
export function toXeroContact(payload: PushPayload, contactId?: string | null): Contact {
  const phone = (type: string) => payload.phones.find((p) => p.type === type);
  const address = (type: string) => payload.addresses.find((a) => a.type === type);
  return {
    ...(contactId ? { contactID: contactId } : {}),
    name: payload.name,
    firstName: payload.firstName ?? '',
    lastName: payload.lastName ?? '',
    emailAddress: payload.email ?? '',
    taxNumber: payload.taxNumber ?? '',
    companyNumber: payload.companyNumber ?? '',
    bankAccountDetails: payload.bankAccountDetails ?? '',
    phones: PHONE_TYPES.map((type) => ({
      phoneType: type,
      phoneNumber: phone(type)?.number ?? '',
      phoneAreaCode: phone(type)?.areaCode ?? '',
      phoneCountryCode: phone(type)?.countryCode ?? '',
    })),
    addresses: ADDRESS_TYPES.map((type) => {
      const a = address(type);
      return {
        addressType: type,
        addressLine1: a?.line1 ?? '',
        addressLine2: a?.line2 ?? '',
        addressLine3: a?.line3 ?? '',
        addressLine4: a?.line4 ?? '',
        city: a?.city ?? '',
        region: a?.region ?? '',
        postalCode: a?.postalCode ?? '',
        country: a?.country ?? '',
        attentionTo: a?.attentionTo ?? '',
      };
    }),
    contactPersons: payload.contactPersons.map((p) => ({
      firstName: p.firstName ?? '',
      lastName: p.lastName ?? '',
      emailAddress: p.email ?? '',
      includeInEmails: p.includeInEmails ?? false,
    })),
  } as unknown as Contact;
}
