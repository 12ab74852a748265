/**
 * The one place bank numbers are masked. Every output that can carry them goes through here: GraphQL fields
 * (change requests' changes, drift, Xero's bank string, the supplier's own view, audit events) — so
 * subscriptions too — the audit CSV, and the audit rows themselves, which are stored masked.
 * Rules per shape live beside the shapes (packages/validation/src/payment-details.ts), shared with the browser.
 */
import { maskAccount, maskPaymentDetails } from '@vouch/validation';

export { maskPaymentDetails };

/** Keys whose value is a structured payment method of any country (stored, proposed and diffed shapes). */
const PAYMENT_KEYS = new Set(['paymentDetails', 'payment']);
/** Keys naming a bank number by itself (Xero's BankAccountDetails, account numbers, IBANs, sort codes…). */
const BANK_KEYS = /account|iban|sort|bsb|routing|bank/i;
const NOT_BANK_KEYS = /name|holder|country|bic/i;

/** A bank number, or free text holding one (Xero's BankAccountDetails), masked: "•••• 4321". */
export function maskBankText(value: string): string {
  return maskAccount(value);
}

/**
 * Deep copy with every bank number masked: payment details of every shape (by allow-list, see
 * maskPaymentDetails), Xero's BankAccountDetails string, and any other value under a key naming a bank
 * number. `key` is the field the value belongs to, when the value itself is a field (a diff's before/after).
 * Idempotent: masking masked data changes nothing.
 */
export function maskBankDetails(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (PAYMENT_KEYS.has(key)) return maskPaymentDetails(value);
  if (Array.isArray(value)) return value.map((v) => maskBankDetails(v, key));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskBankDetails(v, k)]));
  }
  if (typeof value === 'string' && BANK_KEYS.test(key) && !NOT_BANK_KEYS.test(key)) return maskBankText(value);
  return value;
}

/** A JSON record (an audit event's before/after) with bank numbers masked. */
export function maskBankRecord(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  return value ? (maskBankDetails(value) as Record<string, unknown>) : null;
}
