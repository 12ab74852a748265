/** Top-level supplier payment details validation, and the single string Xero stores in Contact.BankAccountDetails. */
import { formatBsb, validateAuAccountNumber, validateBsb } from './au-bank-account.js';
import { bicMatchesIbanCountry, validateBic } from './bic.js';
import { validateIban } from './iban.js';
import { IssueCollector, trimmed, type ValidationIssue } from './result.js';
import { validateAccountHolderName, validateOtherBankDetails } from './text-fields.js';
import { formatSortCode, UK_MODULUS_ERROR, validateSortCode, validateUkAccountNumber } from './uk-bank-account.js';
import { modulusCheck } from './modulus.js';
import { validateRoutingNumber, validateUsAccountNumber } from './us-bank-account.js';
import { validateNzBankAccount } from './nz-bank-account.js';

export type PaymentCountry = 'GB' | 'AU' | 'NZ' | 'US' | 'IBAN' | 'OTHER';

export const PAYMENT_COUNTRIES: readonly PaymentCountry[] = ['GB', 'AU', 'NZ', 'US', 'IBAN', 'OTHER'];

export interface PaymentDetailsInput {
  country: PaymentCountry;
  accountHolderName?: string | null;
  sortCode?: string | null;
  accountNumber?: string | null;
  iban?: string | null;
  bic?: string | null;
  bsb?: string | null;
  routingNumber?: string | null;
  details?: string | null;
}

export type PaymentDetails =
  | { readonly country: 'GB'; readonly accountHolderName: string; readonly sortCode: string; readonly accountNumber: string }
  | { readonly country: 'IBAN'; readonly accountHolderName: string; readonly iban: string; readonly bic: string | null }
  | { readonly country: 'AU'; readonly accountHolderName: string; readonly bsb: string; readonly accountNumber: string }
  /** The whole number, printed form: bank-branch-account-suffix, e.g. 01-0902-0068389-00. */
  | { readonly country: 'NZ'; readonly accountHolderName: string; readonly accountNumber: string }
  | { readonly country: 'US'; readonly accountHolderName: string; readonly routingNumber: string; readonly accountNumber: string }
  | { readonly country: 'OTHER'; readonly accountHolderName: string; readonly details: string };

export type PaymentDetailsResult =
  | { readonly ok: true; readonly value: PaymentDetails; readonly xeroBankAccountDetails: string }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

/** Xero's Contact.BankAccountDetails is stored as one string; we never send more than this. */
export const XERO_BANK_ACCOUNT_DETAILS_MAX = 255;

/**
 * Validate everything a supplier submits for one payment method. Fields that do not belong to the chosen
 * `country` are ignored. All field errors are returned together so a form can show them at once.
 */
export function validatePaymentDetails(input: PaymentDetailsInput): PaymentDetailsResult {
  const c = new IssueCollector();
  const accountHolderName = c.take('accountHolderName', validateAccountHolderName(input.accountHolderName));
  const value = validateMethod(input, c);
  if (c.errors.length > 0 || accountHolderName === undefined || !value) return { ok: false, errors: c.errors };
  const details = { ...value, accountHolderName } as PaymentDetails;
  return { ok: true, value: details, xeroBankAccountDetails: xeroBankAccountDetails(details) };
}

type MethodValue = DistributiveOmit<PaymentDetails, 'accountHolderName'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function validateMethod(input: PaymentDetailsInput, c: IssueCollector): MethodValue | undefined {
  switch (input.country) {
    case 'GB':
      return validateGb(input, c);
    case 'IBAN':
      return validateIbanMethod(input, c);
    case 'AU': {
      const bsb = c.take('bsb', validateBsb(input.bsb));
      const accountNumber = c.take('accountNumber', validateAuAccountNumber(input.accountNumber));
      return bsb && accountNumber ? { country: 'AU', bsb, accountNumber } : undefined;
    }
    case 'NZ': {
      const accountNumber = c.take('accountNumber', validateNzBankAccount(input.accountNumber));
      return accountNumber ? { country: 'NZ', accountNumber } : undefined;
    }
    case 'US': {
      const routingNumber = c.take('routingNumber', validateRoutingNumber(input.routingNumber));
      const accountNumber = c.take('accountNumber', validateUsAccountNumber(input.accountNumber));
      return routingNumber && accountNumber ? { country: 'US', routingNumber, accountNumber } : undefined;
    }
    case 'OTHER': {
      const details = c.take('details', validateOtherBankDetails(input.details));
      return details ? { country: 'OTHER', details } : undefined;
    }
    default:
      c.add('country', 'COUNTRY_UNSUPPORTED', 'Please choose where your bank account is.');
      return undefined;
  }
}

/** GB: format of each field first, then the modulus check on the pair (reported on the account number). */
function validateGb(input: PaymentDetailsInput, c: IssueCollector): MethodValue | undefined {
  const sortCode = c.take('sortCode', validateSortCode(input.sortCode));
  const accountNumber = c.take('accountNumber', validateUkAccountNumber(input.accountNumber));
  if (!sortCode || !accountNumber) return undefined;
  if (!modulusCheck(sortCode, accountNumber).valid) {
    c.add('accountNumber', UK_MODULUS_ERROR.code, UK_MODULUS_ERROR.message);
    return undefined;
  }
  return { country: 'GB', sortCode, accountNumber };
}

/** IBAN with an optional BIC; a BIC from another country than the IBAN is an error on the BIC. */
function validateIbanMethod(input: PaymentDetailsInput, c: IssueCollector): MethodValue | undefined {
  const iban = c.take('iban', validateIban(input.iban));
  const bicGiven = trimmed(input.bic) !== '';
  const bic = bicGiven ? c.take('bic', validateBic(input.bic)) : null;
  if (!iban || bic === undefined) return undefined;
  if (bic && !bicMatchesIbanCountry(bic, iban)) {
    c.add('bic', 'BIC_IBAN_COUNTRY_MISMATCH', `This BIC is for a bank in ${bic.slice(4, 6)}, but the IBAN is from ${iban.slice(0, 2)}. Please check both.`);
    return undefined;
  }
  return { country: 'IBAN', iban, bic };
}

/**
 * The one-line form stored in Xero's Contact.BankAccountDetails, e.g. "12-34-56 12345678",
 * "GB82WEST12345698765432 BIC NWBKGB2L", "BSB 062-000 12345678", "ABA 021000021 Acct 1234567".
 */
export function xeroBankAccountDetails(details: PaymentDetails): string {
  const text = xeroText(details);
  if (text.length > XERO_BANK_ACCOUNT_DETAILS_MAX) throw new RangeError('Bank account details exceed Xero’s 255 characters');
  return text;
}

function xeroText(details: PaymentDetails): string {
  switch (details.country) {
    case 'GB':
      return `${formatSortCode(details.sortCode)} ${details.accountNumber}`;
    case 'IBAN':
      return details.bic ? `${details.iban} BIC ${details.bic}` : details.iban;
    case 'AU':
      return `BSB ${formatBsb(details.bsb)} ${details.accountNumber}`;
    case 'NZ':
      return details.accountNumber;
    case 'US':
      return `ABA ${details.routingNumber} Acct ${details.accountNumber}`;
    case 'OTHER':
      return details.details;
  }
}

const MASK = '••••';
/**
 * One number as people write it: runs of letters and digits that contain a digit, joined by single spaces,
 * dots, slashes or hyphens ("12-34-56 12345678", "DE89 3704 0044 0532 0130 00", "062-000").
 */
const NUMBER_RUN = /[A-Za-z0-9]*\d[A-Za-z0-9]*(?:[\s./-][A-Za-z0-9]*\d[A-Za-z0-9]*)*/g;
/** What this function returns, so masking twice changes nothing. */
const ALREADY_MASKED = /^•+(?: [A-Za-z0-9]{1,4})?$/;

/**
 * Mask a bank number, or free text holding one, for display: "•••• " and the last 4 digits of the longest
 * number in it, nothing else, e.g. "12345678" → "•••• 5678", "12-34-56 87654321" → "•••• 4321",
 * "Banco X, cuenta 0049 1500 0512 3456 7892, SWIFT BSCHESMM" → "•••• 7892". Words are dropped too (free
 * text may hold a number in any form). A number of 4 digits or fewer, or none, gives "••••", since showing
 * it would show everything; an empty value gives "". Already-masked values come back unchanged.
 */
export function maskAccount(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  if (text === '') return '';
  if (ALREADY_MASKED.test(text)) return text;
  let longest = '';
  for (const run of text.match(NUMBER_RUN) ?? []) {
    const digits = run.replace(/\D/g, '');
    if (digits.length >= longest.length) longest = digits;
  }
  return longest.length > 4 ? `${MASK} ${longest.slice(-4)}` : MASK;
}

/** Parts of a payment method that identify no account: shown as they are. Everything else is masked. */
const PAYMENT_VISIBLE_KEYS: ReadonlySet<string> = new Set(['country', 'accountHolderName', 'bic']);

/**
 * Payment details of any shape (every country, and shapes stored before a country existed) with every value
 * masked except the country, the holder's name and the BIC: an allow-list, so a new field is masked unless
 * someone decides otherwise. Free text ("OTHER" details) is masked like any number.
 */
export function maskPaymentDetails(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return maskAccount(value);
  if (typeof value === 'number' || typeof value === 'bigint') return maskAccount(String(value));
  if (Array.isArray(value)) return value.map(maskPaymentDetails);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, PAYMENT_VISIBLE_KEYS.has(k) && typeof v === 'string' ? v : maskPaymentDetails(v)]),
    );
  }
  return value;
}
