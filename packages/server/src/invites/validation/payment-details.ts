/** Top-level supplier payment details validation, and the single string Xero stores in Contact.BankAccountDetails. */
import { formatBsb, validateAuAccountNumber, validateBsb } from './au-bank-account.js';
import { bicMatchesIbanCountry, validateBic } from './bic.js';
import { validateIban } from './iban.js';
import { IssueCollector, trimmed, type ValidationIssue } from './result.js';
import { validateAccountHolderName, validateOtherBankDetails } from './text-fields.js';
import { formatSortCode, UK_MODULUS_ERROR, validateSortCode, validateUkAccountNumber } from './uk-bank-account.js';
import { modulusCheck } from './modulus.js';
import { validateRoutingNumber, validateUsAccountNumber } from './us-bank-account.js';

export type PaymentCountry = 'GB' | 'AU' | 'US' | 'IBAN' | 'OTHER';

export const PAYMENT_COUNTRIES: readonly PaymentCountry[] = ['GB', 'AU', 'US', 'IBAN', 'OTHER'];

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
    case 'US':
      return `ABA ${details.routingNumber} Acct ${details.accountNumber}`;
    case 'OTHER':
      return details.details;
  }
}

/**
 * Mask an account number, IBAN or similar for display: only the last 4 characters are shown, e.g.
 * "12345678" → "•••• 5678". Spaces are ignored. Values of 4 characters or fewer are masked entirely
 * ("••••"), since showing them would show everything; an empty value gives "".
 */
export function maskAccount(value: string | null | undefined): string {
  const compact = (value ?? '').replace(/\s/g, '');
  if (compact === '') return '';
  if (compact.length <= 4) return '••••';
  return `•••• ${compact.slice(-4)}`;
}
