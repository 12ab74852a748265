import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import type { ReviewPanel_ChangeRequestFragment } from '../../gql/graphql';
import { formatDateTime } from '../../components/format-date';
import './review.css';

const RecordBankCallbackMutation = graphql(`
  mutation RecordBankCallback($id: ID!, $phoneNumber: String!, $note: String!) {
    recordBankCallback(changeRequestId: $id, phoneNumber: $phoneNumber, note: $note) {
      ...ReviewPanel_changeRequest
    }
  }
`);

const OTHER = 'other';

/** The risk signals of a bank change, most serious first, each with its plain explanation. */
export function RiskSignals({ request }: { request: ReviewPanel_ChangeRequestFragment }) {
  if (!request.riskSignals.length) return null;
  return (
    <div className={request.highRisk ? 'notice notice--danger risk' : 'notice notice--warning risk'} role="group" aria-label="Risk signals">
      <p className="risk__title">
        <strong>
          <span aria-hidden="true">⚠ </span>
          {request.highRisk ? 'High risk: check carefully before anyone pays this account' : 'Worth a closer look'}
        </strong>
      </p>
      <ul className="risk__list">
        {request.riskSignals.map((signal) => (
          <li key={signal.code}>
            <span className={signal.level === 'HIGH' ? 'badge badge--danger' : 'badge badge--warning'}>{signal.level === 'HIGH' ? 'High' : 'Medium'}</span>{' '}
            {signal.message}
          </li>
        ))}
      </ul>
      {request.highRisk && !request.riskOverrideReason ? <p className="risk__rule">Two different people must accept this change.</p> : null}
      {request.riskOverrideReason ? <p className="risk__rule">An admin allowed one approval: “{request.riskOverrideReason}”</p> : null}
    </div>
  );
}

/**
 * The call-back step of a bank change: phone the supplier on a number Vouch held before this submission
 * (offered from Xero's phones and earlier approved details; another number can be typed, and is marked as
 * such), then record who you spoke to and what they confirmed. Accept stays unavailable until this exists.
 */
export function BankCallback({ request, canRecord }: { request: ReviewPanel_ChangeRequestFragment; canRecord: boolean }) {
  const id = useId();
  const [choice, setChoice] = useState<string>(request.callbackNumbers[0]?.number ?? OTHER);
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ phoneNumber?: string; note?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordBankCallbackMutation);
  // Once a call-back is on record the form folds away; a second person can still add their own.
  const [adding, setAdding] = useState(false);
  const showForm = canRecord && (request.bankConfirmations.length === 0 || adding);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const phoneNumber = choice === OTHER ? typed.trim() : choice;
    const next: typeof errors = {};
    if (!phoneNumber) next.phoneNumber = 'Type the number you called.';
    if (!note.trim()) next.note = 'Say who you spoke to and what they confirmed.';
    setErrors(next);
    setProblem(null);
    if (next.phoneNumber || next.note) return;
    try {
      await record({ variables: { id: request.id, phoneNumber, note: note.trim() } });
      setNote('');
      setTyped('');
      setAdding(false);
    } catch (error) {
      const p = toUserFacingError(error);
      if (p.fields.phoneNumber || p.fields.note) setErrors({ phoneNumber: p.fields.phoneNumber, note: p.fields.note });
      else setProblem(p.message);
    }
  };

  return (
    <section className="callback" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="callback__title">
        Call-back
      </h3>
      {request.bankConfirmations.length ? (
        <ul className="callback__records">
          {request.bankConfirmations.map((c, i) => (
            <li key={i}>
              <strong>
                {c.confirmedByName} phoned {c.phoneNumber}
              </strong>{' '}
              {c.phoneSource === 'HELD' ? (
                <span className="badge badge--success">{c.phoneLabel ?? 'A number on file'}</span>
              ) : (
                <span className="badge badge--warning">{c.phoneLabel ?? 'Typed, not from Vouch’s records'}</span>
              )}{' '}
              <span className="muted">{formatDateTime(c.confirmedAt)}</span>
              <br />“{c.note}”
            </li>
          ))}
        </ul>
      ) : (
        <p className="card__lead">
          Phone the supplier on a number you already hold — not one from this submission — and ask them to confirm the new bank details. Then record the call
          here. Accepting needs this record.
        </p>
      )}
      {canRecord && !showForm ? (
        <div>
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Record another call-back
          </button>
        </div>
      ) : null}
      {showForm ? (
        <form className="form callback__form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <fieldset className="field">
            <legend className="field__label">Number you called</legend>
            {request.callbackNumbers.map((n) => (
              <label key={n.number} className="choice">
                <input type="radio" name={`${id}-number`} value={n.number} checked={choice === n.number} onChange={() => setChoice(n.number)} /> {n.number}{' '}
                <span className="muted">({n.label})</span>
              </label>
            ))}
            <label className="choice">
              <input type="radio" name={`${id}-number`} value={OTHER} checked={choice === OTHER} onChange={() => setChoice(OTHER)} /> Another number
              {request.callbackNumbers.length ? null : <span className="muted"> (Vouch holds no phone number for this supplier)</span>}
            </label>
            {choice === OTHER ? (
              <div className={errors.phoneNumber ? 'field field--invalid' : 'field'}>
                <label className="field__label" htmlFor={`${id}-typed`}>
                  Other number
                </label>
                <p className="field__hint" id={`${id}-typed-hint`}>
                  Recorded as typed by you, not from Vouch’s records.
                </p>
                <input
                  id={`${id}-typed`}
                  className="field__input"
                  inputMode="tel"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  aria-invalid={errors.phoneNumber ? true : undefined}
                  aria-describedby={[errors.phoneNumber ? `${id}-typed-error` : null, `${id}-typed-hint`].filter(Boolean).join(' ')}
                />
                {errors.phoneNumber ? (
                  <p className="field__error" id={`${id}-typed-error`}>
                    {errors.phoneNumber}
                  </p>
                ) : null}
              </div>
            ) : errors.phoneNumber ? (
              <p className="field__error">{errors.phoneNumber}</p>
            ) : null}
          </fieldset>
          <div className={errors.note ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={`${id}-note`}>
              What the supplier confirmed
            </label>
            <p className="field__hint" id={`${id}-note-hint`}>
              Who you spoke to, and what they confirmed (e.g. the sort code and the last four digits).
            </p>
            <textarea
              id={`${id}-note`}
              className="field__input field__input--textarea"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={[errors.note ? `${id}-note-error` : null, `${id}-note-hint`].filter(Boolean).join(' ')}
            />
            {errors.note ? (
              <p className="field__error" id={`${id}-note-error`}>
                {errors.note}
              </p>
            ) : null}
          </div>
          {problem ? <Alert>{problem}</Alert> : null}
          <div className="form__actions">
            <button type="submit" className="button" aria-disabled={loading || undefined}>
              {loading ? 'Recording…' : 'Record call-back'}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
