import type { AddressData, ContactPersonData, PhoneData } from './supplier-details.types.js';

/**
 * The one canonical form of a supplier's Xero fields. The review diff, the read-back receipt after a push,
 * drift detection and the supplier form's merge all compare values through `sameFieldValue`, so two copies
 * of the same facts (Xero returns STREET before POBOX, the form sends POBOX first; Xero always returns four
 * blank phone types; IncludeInEmails absent means false) are never reported as different.
 *
 * - strings are trimmed; '' and null are the same (Xero writes '' for "none");
 * - phones are keyed by type (one per type, as Xero holds them), blank ones dropped, in PHONE_TYPES order;
 * - addresses are keyed by type, blank ones dropped, in ADDRESS_TYPES order;
 * - contact persons keep their order; IncludeInEmails defaults to false (Xero's default).
 */
export const PHONE_TYPES = ['DEFAULT', 'DDI', 'MOBILE', 'FAX'] as const;
export const ADDRESS_TYPES = ['POBOX', 'STREET', 'DELIVERY'] as const;

export const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
};

const byTypeOrder =
  (order: readonly string[]) =>
  (a: { type: string }, b: { type: string }): number => {
    const ia = order.indexOf(a.type);
    const ib = order.indexOf(b.type);
    return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib) || a.type.localeCompare(b.type);
  };

/** One entry per type (the first wins, as Xero keeps one per type), in a fixed order. */
function keyedByType<T extends { type: string }>(items: T[], order: readonly string[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.type) ? false : (seen.add(i.type), true))).sort(byTypeOrder(order));
}

export function canonicalPhones(phones: readonly Partial<PhoneData>[] | null | undefined): PhoneData[] {
  const cleaned = (phones ?? []).map((p) => ({
    type: text(p.type) ?? 'DEFAULT',
    number: text(p.number),
    areaCode: text(p.areaCode),
    countryCode: text(p.countryCode),
  }));
  return keyedByType(
    cleaned.filter((p) => p.number || p.areaCode || p.countryCode),
    PHONE_TYPES,
  );
}

const ADDRESS_PARTS = ['line1', 'line2', 'line3', 'line4', 'city', 'region', 'postalCode', 'country', 'attentionTo'] as const;

export function canonicalAddresses(addresses: readonly Partial<AddressData>[] | null | undefined): AddressData[] {
  const cleaned = (addresses ?? []).map((a) => {
    const out: AddressData = { type: text(a.type) ?? 'POBOX' };
    for (const part of ADDRESS_PARTS) out[part] = text(a[part]);
    return out;
  });
  return keyedByType(
    cleaned.filter((a) => ADDRESS_PARTS.some((part) => a[part])),
    ADDRESS_TYPES,
  );
}

export function canonicalPersons(persons: readonly Partial<ContactPersonData>[] | null | undefined): ContactPersonData[] {
  return (persons ?? []).map((p) => ({
    firstName: text(p.firstName),
    lastName: text(p.lastName),
    email: text(p.email),
    includeInEmails: p.includeInEmails === true,
  }));
}

/** A field's value in canonical form (unknown fields: trimmed text, or the value itself). */
export function canonicalFieldValue(field: string, value: unknown): unknown {
  switch (field) {
    case 'phones':
      return canonicalPhones(value as PhoneData[]);
    case 'addresses':
      return canonicalAddresses(value as AddressData[]);
    case 'contactPersons':
      return canonicalPersons(value as ContactPersonData[]);
    default:
      return typeof value === 'string' || value === undefined || value === null ? text(value) : value;
  }
}

/** Stable JSON: keys sorted, null/absent/'' entries dropped. */
export function stableJson(value: unknown): string {
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

/** Do two values of `field` hold the same facts? */
export function sameFieldValue(field: string, a: unknown, b: unknown): boolean {
  return stableJson(canonicalFieldValue(field, a)) === stableJson(canonicalFieldValue(field, b));
}

/** The fields (of `fields`) whose values differ between `before` and `after`. */
export function changedFields<F extends string>(fields: readonly F[], before: Record<string, unknown>, after: Record<string, unknown>): F[] {
  return fields.filter((f) => !sameFieldValue(f, before[f], after[f]));
}

const FIELD_WORDS: Record<string, string> = {
  name: 'business name',
  firstName: 'first name',
  lastName: 'last name',
  email: 'email',
  phones: 'phones',
  addresses: 'addresses',
  contactPersons: 'contact people',
  taxNumber: 'tax number',
  companyNumber: 'company number',
  accountNumber: 'account number',
  bankAccountDetails: 'bank account',
  defaultCurrency: 'default currency',
};

/** "email, phones and bank account": field names in words, for audit summaries. */
export function describeFields(fields: readonly string[]): string {
  const words = fields.map((f) => FIELD_WORDS[f] ?? f);
  return words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
