import type { PaymentCountry } from '@vouch/validation';

/**
 * The kinds of bank account a supplier can give, as plain data: what each is called in "Where is your bank
 * account?", and the inputs it has (label, hint, keyboard). The form renders from this list
 * (PaymentSection.tsx) and the mutation input sends exactly these fields (supplier-form.ts), so a kind of
 * account is described once.
 */

/** The inputs that depend on the kind of account (the holder's name is common to all). */
export type PaymentFieldKey = 'sortCode' | 'accountNumber' | 'iban' | 'bic' | 'bsb' | 'routingNumber' | 'details';

export interface PaymentField {
  key: PaymentFieldKey;
  label: string;
  hint?: string;
  /** Digits: phones show a number pad. */
  inputMode?: 'numeric';
  /** Free text over several lines (a text area). */
  multiline?: boolean;
}

export interface PaymentKind {
  country: PaymentCountry;
  /** Its choice in "Where is your bank account?". */
  label: string;
  /** The inputs side by side on wide screens (one field row) rather than one under another. */
  sideBySide: boolean;
  fields: readonly PaymentField[];
}

/** Every kind, in the order offered (a Record, so a kind the validators add is a type error here). */
const KINDS: Record<PaymentCountry, Omit<PaymentKind, 'country'>> = {
  GB: {
    label: 'UK account (sort code and account number)',
    sideBySide: true,
    fields: [
      { key: 'sortCode', label: 'Sort code', inputMode: 'numeric', hint: '6 digits, like 12-34-56' },
      { key: 'accountNumber', label: 'Account number', inputMode: 'numeric', hint: '8 digits' },
    ],
  },
  IBAN: {
    label: 'IBAN (Europe and many other countries)',
    sideBySide: false,
    fields: [
      { key: 'iban', label: 'IBAN' },
      { key: 'bic', label: 'BIC (optional)', hint: 'Also called SWIFT code' },
    ],
  },
  AU: {
    label: 'Australian account (BSB)',
    sideBySide: true,
    fields: [
      { key: 'bsb', label: 'BSB', inputMode: 'numeric' },
      { key: 'accountNumber', label: 'Account number', inputMode: 'numeric' },
    ],
  },
  NZ: {
    label: 'New Zealand account',
    sideBySide: false,
    fields: [
      {
        key: 'accountNumber',
        label: 'Account number',
        inputMode: 'numeric',
        hint: 'Bank, branch, account and suffix, like 12-3140-0171323-50',
      },
    ],
  },
  US: {
    label: 'US account (routing number)',
    sideBySide: true,
    fields: [
      { key: 'routingNumber', label: 'Routing number', inputMode: 'numeric' },
      { key: 'accountNumber', label: 'Account number', inputMode: 'numeric' },
    ],
  },
  OTHER: {
    label: 'Somewhere else',
    sideBySide: false,
    fields: [
      {
        key: 'details',
        label: 'Bank account details',
        hint: 'Bank name, account number and any codes your bank needs for a payment.',
        multiline: true,
      },
    ],
  },
};

export const PAYMENT_KINDS: readonly PaymentKind[] = (Object.keys(KINDS) as PaymentCountry[]).map((country) => ({
  country,
  ...KINDS[country],
}));

export function paymentKind(country: PaymentCountry): PaymentKind {
  return { country, ...KINDS[country] };
}

/** `value` when it names a kind of account, else undefined. */
export function asPaymentCountry(value: unknown): PaymentCountry | undefined {
  return typeof value === 'string' && Object.hasOwn(KINDS, value) ? (value as PaymentCountry) : undefined;
}
