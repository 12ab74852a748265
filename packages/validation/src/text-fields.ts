/** Free-text payment fields. */
import { requiredText, type FieldResult } from './result.js';

/** Longest account holder name accepted (the bank payment name field). */
export const ACCOUNT_HOLDER_NAME_MAX = 140;
/** Longest free-text bank details accepted (Xero Contact.BankAccountDetails holds 255). */
export const OTHER_BANK_DETAILS_MAX = 255;

/** Account holder name: required, 1–140 characters after trimming. */
export function validateAccountHolderName(value: string | null | undefined): FieldResult {
  return requiredText(value, 'Account holder name', ACCOUNT_HOLDER_NAME_MAX, 'ACCOUNT_HOLDER_NAME');
}

/** Bank details for countries without a dedicated form: required, 1–255 characters after trimming. */
export function validateOtherBankDetails(value: string | null | undefined): FieldResult {
  return requiredText(value, 'Bank details', OTHER_BANK_DETAILS_MAX, 'BANK_DETAILS');
}
