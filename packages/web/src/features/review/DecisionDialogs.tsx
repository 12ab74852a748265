import { useId } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/TextAreaField';
import type { ReviewDecision } from './useReviewDecision';

/** "Accept a high-risk change with one approval?": an admin says why (recorded in the audit trail). */
export function OverrideDialog({ override, accepting }: { override: ReviewDecision['override']; accepting: boolean }) {
  const id = useId();
  return (
    <ConfirmDialog
      open={override.open}
      title="Accept a high-risk change with one approval?"
      confirmLabel="Accept with one approval"
      busyLabel="Accepting…"
      tone="danger"
      busy={accepting}
      onConfirm={override.confirm}
      onCancel={override.cancel}
    >
      <div className={override.error ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-override`}>
          Why one approval is enough
        </label>
        <textarea
          id={`${id}-override`}
          className="field__input field__input--textarea"
          rows={3}
          value={override.reason}
          onChange={(e) => override.change(e.target.value)}
          aria-invalid={override.error ? true : undefined}
          aria-describedby={override.error ? `${id}-override-error` : undefined}
        />
        {override.error ? (
          <p className="field__error" id={`${id}-override-error`}>
            {override.error}
          </p>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}

/** "Reject these changes?": the reason is sent to the supplier so they can send a correction. */
export function RejectDialog({ reject }: { reject: ReviewDecision['reject'] }) {
  return (
    <ConfirmDialog
      open={reject.open}
      title="Reject these changes?"
      confirmLabel="Reject changes"
      busyLabel="Rejecting…"
      tone="danger"
      busy={reject.sending}
      onConfirm={reject.confirm}
      onCancel={reject.cancel}
    >
      <TextAreaField
        ref={reject.inputRef}
        label="Reason"
        hint="Sent to the supplier (by email, and shown through their link), so they can send a correction."
        rows={4}
        required
        value={reject.reason}
        onChange={(event) => reject.change(event.target.value)}
        error={reject.error}
      />
    </ConfirmDialog>
  );
}
