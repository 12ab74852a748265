/**
 * Readable text for supplier values that arrive as JSON (diffs, drift, audit): phones, addresses,
 * contact people and payment details become lines a buyer can compare, never raw JSON.
 */

export const FIELD_LABELS: Record<string, string> = {
  name: 'Business name',
  firstName: 'Contact first name',
  lastName: 'Contact last name',
  email: 'Email',
  phones: 'Phones',
  addresses: 'Addresses',
  contactPersons: 'Contact people',
  taxNumber: 'Tax / VAT number',
  companyNumber: 'Company number',
  bankAccountDetails: 'Bank account',
  paymentDetails: 'Payment details',
  accountNumber: 'Account number',
  defaultCurrency: 'Default currency',
  // A sync receipt: which fields a push wrote to Xero (and read back).
  fieldsWritten: 'Written to Xero',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

const PHONE_TYPES: Record<string, string> = { DEFAULT: 'Phone', MOBILE: 'Mobile', DDI: 'Direct line', FAX: 'Fax' };
const ADDRESS_TYPES: Record<string, string> = { POBOX: 'Postal', STREET: 'Street' };
const PAYMENT_COUNTRIES: Record<string, string> = {
  GB: 'UK account',
  IBAN: 'IBAN',
  AU: 'Australian account',
  NZ: 'New Zealand account',
  US: 'US account',
  OTHER: 'Other bank details',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const join = (parts: unknown[], sep: string) => parts.map(str).filter(Boolean).join(sep);

export function formatPhone(p: Obj): string {
  const country = str(p.countryCode);
  const area = str(p.areaCode);
  const number = join([country ? `+${country.replace(/^\+/, '')}` : '', area ? `(${area})` : '', p.number], ' ');
  return number ? `${PHONE_TYPES[str(p.type)] ?? 'Phone'}: ${number}` : '';
}

export function formatAddress(a: Obj): string {
  const body = join([a.attentionTo ? `Attn ${str(a.attentionTo)}` : '', a.line1, a.line2, a.line3, a.line4, a.city, a.region, a.postalCode, a.country], ', ');
  return body ? `${ADDRESS_TYPES[str(a.type)] ?? 'Address'}: ${body}` : '';
}

export function formatPerson(p: Obj): string {
  const name = join([p.firstName, p.lastName], ' ');
  const email = str(p.email);
  return name && email ? `${name} <${email}>` : name || email;
}

export function formatPayment(p: Obj): string {
  const parts: string[] = [PAYMENT_COUNTRIES[str(p.country)] ?? str(p.country)];
  if (str(p.accountHolderName)) parts.push(`Holder: ${str(p.accountHolderName)}`);
  const labelled: [string, string][] = [
    ['sortCode', 'Sort code'],
    ['bsb', 'BSB'],
    ['routingNumber', 'Routing'],
    ['accountNumber', 'Account'],
    ['iban', 'IBAN'],
    ['bic', 'BIC'],
    ['details', 'Details'],
  ];
  for (const [key, label] of labelled) {
    const value = key === 'sortCode' ? formatSortCode(str(p[key])) : str(p[key]);
    if (value) parts.push(`${label}: ${value}`);
  }
  return parts.filter(Boolean).join('\n');
}

/** "089999" → "08-99-99"; anything else (e.g. already masked) as given. */
function formatSortCode(value: string): string {
  return /^\d{6}$/.test(value) ? `${value.slice(0, 2)}-${value.slice(2, 4)}-${value.slice(4)}` : value;
}

function formatObject(o: Obj): string {
  if ('accountHolderName' in o || ('country' in o && ('sortCode' in o || 'iban' in o || 'bsb' in o || 'routingNumber' in o || 'details' in o))) {
    return formatPayment(o);
  }
  if ('line1' in o || 'city' in o || 'postalCode' in o) return formatAddress(o);
  if ('number' in o && 'type' in o) return formatPhone(o);
  if ('firstName' in o || 'lastName' in o) return formatPerson(o);
  return Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${fieldLabel(k)}: ${formatValue(v)}`)
    .join('\n');
}

/** Any stored value as display text; '' means "nothing" (render a dash or "None"). */
export function formatValue(value: unknown, field?: string): string {
  if (value === null || value === undefined) return '';
  // Field names, as the buyer reads them ("Email, Phones, Bank account"), never the API's keys.
  if (field === 'fieldsWritten' && Array.isArray(value)) return value.map((f) => fieldLabel(String(f))).join(', ');
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const lines = value.map((item) => {
      if (!isObj(item)) return formatValue(item);
      if (field === 'phones') return formatPhone(item);
      if (field === 'addresses') return formatAddress(item);
      if (field === 'contactPersons') return formatPerson(item);
      return formatObject(item);
    });
    return lines.filter(Boolean).join('\n');
  }
  if (isObj(value)) return field === 'paymentDetails' ? formatPayment(value) : formatObject(value);
  return String(value);
}
