import { registerEnumType } from 'type-graphql';

/**
 * The supplier's bank details in one word, for the list's column and filter. Every supplier is in exactly one
 * state. The `suppliers.bank_state` column stores the first four (kept by refreshSupplierFlags); ON_HOLD is
 * read with the payment hold's date, so it ends by itself when the hold does.
 */
export enum BankDetailsState {
  /** No bank details held. */
  NONE = 'NONE',
  /** Held (from Xero, or accepted) but never confirmed by phone in Vouch. */
  NOT_CONFIRMED = 'NOT_CONFIRMED',
  /** Confirmed by a recorded call-back. */
  VERIFIED = 'VERIFIED',
  /** New bank details wait for review, or Xero now holds different ones: not confirmed yet. */
  CHANGED = 'CHANGED',
  /** Newly changed and confirmed, within the organisation's payment hold. */
  ON_HOLD = 'ON_HOLD',
}
registerEnumType(BankDetailsState, {
  name: 'BankDetailsState',
  description:
    'NONE: no bank details. NOT_CONFIRMED: held, never confirmed by phone. VERIFIED: confirmed by a recorded call-back. CHANGED: new details await review, or Xero holds different ones. ON_HOLD: newly changed; hold payments until paymentHoldUntil.',
});

/** The state the list shows, from the stored column and the hold's end (no query). */
export function bankDetailsState(supplier: { bankState: BankDetailsState; paymentHoldUntil: Date | null }, now = new Date()): BankDetailsState {
  if (supplier.bankState !== BankDetailsState.CHANGED && supplier.paymentHoldUntil && supplier.paymentHoldUntil > now) return BankDetailsState.ON_HOLD;
  return supplier.bankState;
}

/**
 * SQL for "this supplier is in `state`" over columns of `suppliers` (alias `s`), with `?` for now. Used by the
 * list filter and the grouped counts, so both agree with bankDetailsState().
 */
export function bankStateSql(state: BankDetailsState, alias = 's'): string {
  const onHold = `(${alias}.payment_hold_until is not null and ${alias}.payment_hold_until > ?)`;
  switch (state) {
    case BankDetailsState.CHANGED:
      return `${alias}.bank_state = 'CHANGED'`;
    case BankDetailsState.ON_HOLD:
      return `(${alias}.bank_state <> 'CHANGED' and ${onHold})`;
    default:
      return `(${alias}.bank_state = '${state}' and not ${onHold})`;
  }
}

/** Whether bankStateSql(state) takes the `now` parameter. */
export const bankStateSqlTakesNow = (state: BankDetailsState): boolean => state !== BankDetailsState.CHANGED;
