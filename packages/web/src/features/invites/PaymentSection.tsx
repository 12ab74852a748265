import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { formatDate } from '../../components/format-date';
import { FormSection } from './FormSection';
import { PAYMENT_KINDS, paymentKind, type PaymentField } from './payment-fields';
import type { PaymentState } from './supplier-form';
import type { Bind, SectionProps } from './useSupplierForm';
import './invites.css';

/**
 * Bank details: what the business holds (masked), and — only when the supplier ticks "Update my bank details" —
 * the kind of account and its inputs, from the one list in payment-fields.ts. The numbers are never prefilled.
 */
export function PaymentSection({
  form,
  bind,
  edits,
  organisationName,
  heldBank,
  resent,
}: SectionProps & {
  organisationName: string;
  /** The account on file, masked (null: none). */
  heldBank: string | null;
  /** Their own earlier submission carried new bank details: say why the numbers must be entered again. */
  resent: { bankDetailsMasked?: string | null; submittedAt: string } | null;
}) {
  const { setPayment, setUpdatePayment } = edits;
  const pay = form.payment;
  const kind = paymentKind(pay.country);
  const inputs = kind.fields.map((field) => <PaymentInput key={field.key} field={field} payment={pay} bind={bind} set={setPayment} />);
  return (
    <FormSection title="Bank details">
      <p className="invite__held">
        {heldBank ? (
          <>
            Bank account on file: <strong>{heldBank}</strong>
          </>
        ) : (
          <>{organisationName} has no bank details for you yet.</>
        )}
      </p>
      {resent ? (
        <p className="notice">
          You sent new bank details
          {resent.bankDetailsMasked ? (
            <>
              {' '}
              (<strong>{resent.bankDetailsMasked}</strong>)
            </>
          ) : null}{' '}
          on {formatDate(resent.submittedAt)}. For your security they aren’t shown again: enter them again to keep them in what you send now, or untick “Update
          my bank details” to keep the bank details {organisationName} holds.
        </p>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={form.updatePayment} onChange={(event) => setUpdatePayment(event.target.checked)} />
        <span>Update my bank details</span>
      </label>
      {form.updatePayment ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">New bank details</legend>
          <SelectField
            label="Where is your bank account?"
            name="payment.country"
            value={pay.country}
            onChange={(event) => setPayment('country', event.target.value)}
          >
            {PAYMENT_KINDS.map(({ country, label }) => (
              <option key={country} value={country}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Account holder name"
            hint="The name on the account, as your bank shows it."
            autoComplete="off"
            {...bind('payment.accountHolderName', pay.accountHolderName, (v) => setPayment('accountHolderName', v))}
          />
          {kind.sideBySide ? <div className="field-row">{inputs}</div> : inputs}
        </fieldset>
      ) : null}
    </FormSection>
  );
}

function PaymentInput({
  field,
  payment,
  bind,
  set,
}: {
  field: PaymentField;
  payment: PaymentState;
  bind: Bind;
  set: (key: keyof PaymentState, value: string) => void;
}) {
  const binding = bind(`payment.${field.key}`, payment[field.key], (v) => set(field.key, v));
  if (field.multiline) return <TextAreaField label={field.label} hint={field.hint} {...binding} />;
  return <TextField label={field.label} inputMode={field.inputMode} autoComplete="off" hint={field.hint} {...binding} />;
}
