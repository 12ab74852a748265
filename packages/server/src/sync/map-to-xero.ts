import type { XeroContactInput as Contact } from '../xero/xero.gateway.js';
import type { MappedContact } from '../xero/map-xero-contact.js';
import { ADDRESS_TYPES, PHONE_TYPES } from '../suppliers/canonical-fields.js';

/** The approved fields an outbox entry may carry (see outbox/outbox.ts XERO_PUSH_FIELDS): Vouch-owned fields minus the two not pushed. */
export type PushFields = Omit<MappedContact['owned'], 'accountNumber' | 'defaultCurrency'>;
/** What one outbox entry carries: only the fields its accepted change changed (every field for a create). */
export type PushPayload = Partial<PushFields>;

/**
 * Pure: Vouch's approved values → Xero's Contact shape (xero-node model, camelCase). Only the fields in the
 * payload are written; Xero keeps every other field as it is. Within phones and addresses every type Xero
 * has is sent, blank when Vouch has none, so a value removed in Vouch is removed in Xero too; ContactPersons
 * is replaced as a whole (Xero's rule), with each person's IncludeInEmails as held. Empty strings clear a field.
 */
export function toXeroContact(payload: PushPayload, contactId?: string | null): Contact {
  const out: Record<string, unknown> = contactId ? { contactID: contactId } : {};
  const textField = (key: keyof PushFields, xeroKey: string) => {
    if (key in payload) out[xeroKey] = (payload[key] as string | null | undefined) ?? '';
  };
  textField('name', 'name');
  textField('firstName', 'firstName');
  textField('lastName', 'lastName');
  textField('email', 'emailAddress');
  textField('taxNumber', 'taxNumber');
  textField('companyNumber', 'companyNumber');
  textField('bankAccountDetails', 'bankAccountDetails');
  if (payload.phones) {
    const phones = payload.phones;
    out.phones = PHONE_TYPES.map((type) => {
      const p = phones.find((x) => x.type === type);
      return { phoneType: type, phoneNumber: p?.number ?? '', phoneAreaCode: p?.areaCode ?? '', phoneCountryCode: p?.countryCode ?? '' };
    });
  }
  if (payload.addresses) {
    const addresses = payload.addresses;
    // Xero's Contacts API writes POBOX and STREET (DELIVERY is read-only there), so only those two are sent.
    out.addresses = ADDRESS_TYPES.filter((t) => t !== 'DELIVERY').map((type) => {
      const a = addresses.find((x) => x.type === type);
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
    });
  }
  if (payload.contactPersons) {
    out.contactPersons = payload.contactPersons.map((p) => ({
      firstName: p.firstName ?? '',
      lastName: p.lastName ?? '',
      emailAddress: p.email ?? '',
      includeInEmails: p.includeInEmails === true,
    }));
  }
  return out as unknown as Contact;
}
