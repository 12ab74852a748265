import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import type { ReviewPanel_ChangeRequestFragment } from '../../gql/graphql';
import { formatDateTime } from '../../components/format-date';
import { formatValue } from '../suppliers/supplier-values';
import { BankCallback, RiskSignals } from './BankCallback';
import { useStepUp } from '../security/useStepUp';
import { describeUserAgent } from './user-agent';
import { rejectedText, unchangedSummary } from './review-text';
import { wordDiff } from './word-diff';
import './review.css';

export const ReviewPanelFragment = graphql(`
  fragment ReviewPanel_changeRequest on ChangeRequest {
    id
    status
    submittedAt
    submitterIp
    submitterUserAgent
    changesBankDetails
    highRisk
    approvalsNeeded
    riskOverrideReason
    riskSignals {
      code
      level
      message
    }
    callbackNumbers {
      number
      label
    }
    bankConfirmations {
      confirmedByName
      confirmedAt
      phoneNumber
      phoneSource
      phoneLabel
      note
    }
    approvals {
      userId
      userName
      at
    }
    changes {
      field
      label
      before
      after
      isBankDetail
    }
    unchanged {
      field
      label
      value
      isBankDetail
    }
  }
`);

const AcceptChangeRequestMutation = graphql(`
  mutation AcceptChangeRequest($id: ID!, $overrideReason: String) {
    acceptChangeRequest(id: $id, overrideReason: $overrideReason) {
      ...ReviewPanel_changeRequest
    }
  }
`);

const RejectChangeRequestMutation = graphql(`
  mutation RejectChangeRequest($id: ID!, $reason: String!) {
    rejectChangeRequest(id: $id, reason: $reason) {
      id
      status
      rejectReason
      rejectReasonEmailed
      decidedAt
    }
  }
`);

/**
 * The submission awaiting review: every change side by side (Field | Current | Proposed), bank changes
 * flagged, who sent it from where, approvals so far, and Accept / Reject for ADMIN and APPROVER.
 */
export function ReviewPanel({
  request,
  canDecide,
  viewer,
  onDecided,
}: {
  request: ReviewPanel_ChangeRequestFragment;
  canDecide: boolean;
  /** Who is looking: their own approval and an admin's override change what they can do. */
  viewer: { id: string; role: string };
  onDecided: (outcome: string) => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const [accept, { loading: accepting }] = useMutation(AcceptChangeRequestMutation);
  // Accepting bank details asks for a fresh second factor (a dialog), then accepts.
  const stepUp = useStepUp();
  const [overriding, setOverriding] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const needsCallback = request.changesBankDetails && request.bankConfirmations.length === 0;
  const iApproved = request.approvals.some((a) => a.userId === viewer.id);
  const waitingForSecond = request.approvals.length > 0 && request.approvals.length < request.approvalsNeeded;
  const canOverride = viewer.role === 'ADMIN' && request.highRisk && !request.riskOverrideReason && !needsCallback;
  const [reject, { loading: sendingReject }] = useMutation(RejectChangeRequestMutation);
  const busy = accepting || sendingReject;

  const onAccept = async (reasonForOverride?: string) => {
    if (busy) return;
    if (needsCallback) {
      setProblem('Record the call-back first: phone the supplier on a number you already hold.');
      return;
    }
    if (iApproved && !reasonForOverride) {
      setProblem('You approved this already — someone else must accept it too.');
      return;
    }
    setProblem(null);
    try {
      const result = await stepUp.run(() => accept({ variables: { id: request.id, overrideReason: reasonForOverride ?? null } }));
      setOverriding(false);
      const decided = result.data?.acceptChangeRequest;
      // Still pending: the panel's own "You approved — waiting for someone else." line says so (no second copy).
      if (decided && decided.status !== 'PENDING') {
        onDecided('Changes accepted. They’ll be sent to Xero.');
      }
    } catch (error) {
      const p = toUserFacingError(error);
      if (reasonForOverride !== undefined && p.fields.overrideReason) {
        setOverrideError(p.fields.overrideReason);
        return;
      }
      setOverriding(false);
      // SECOND_APPROVER_REQUIRED (FORBIDDEN), CONFLICT and NOT_FOUND all carry the server's own words.
      setProblem(p.message);
      // Decided or withdrawn elsewhere: reload the page's view of it.
      if ((p.code === 'CONFLICT' && !/call-back|call the|phone the/i.test(p.message)) || p.code === 'NOT_FOUND') onDecided(p.message);
    }
  };

  const onReject = async () => {
    if (busy) return;
    const text = reason.trim();
    if (!text) {
      setReasonError('Tell the supplier what to fix. This is emailed to them.');
      reasonRef.current?.focus();
      return;
    }
    try {
      const result = await reject({ variables: { id: request.id, reason: text } });
      setRejecting(false);
      setReason('');
      onDecided(rejectedText(Boolean(result.data?.rejectChangeRequest.rejectReasonEmailed)));
    } catch (error) {
      const p = toUserFacingError(error);
      if (p.fields.reason) {
        setReasonError(p.fields.reason);
        reasonRef.current?.focus();
        return;
      }
      setRejecting(false);
      setProblem(p.message);
    }
  };

  const bankChanges = request.changes.filter((c) => c.isBankDetail);

  return (
    <section className="card card--attention" aria-labelledby={`${id}-title`}>
      <div className="card__header">
        <h2 id={`${id}-title`} className="card__title">
          Changes to review
        </h2>
        <span className="badge badge--warning">{waitingForSecond ? 'Needs a second approver' : 'Awaiting review'}</span>
      </div>
      <p className="card__lead">
        Sent {formatDateTime(request.submittedAt)}
        {request.submitterIp ? ` from ${request.submitterIp}` : null}
        {request.submitterUserAgent ? (
          <>
            <br />
            <span className="muted" title={request.submitterUserAgent}>
              Browser: {describeUserAgent(request.submitterUserAgent)}
            </span>
          </>
        ) : null}
      </p>

      {request.changesBankDetails || bankChanges.length > 0 ? (
        <>
          <RiskSignals request={request} />
          <div className="notice notice--warning review__bank-warning">
            <p>
              <strong>
                <span aria-hidden="true">⚠ </span>This submission changes bank details.
              </strong>{' '}
              Accepting needs a recorded call-back on a number you already hold.
            </p>
          </div>
        </>
      ) : null}

      {request.changes.length === 0 ? (
        <p className="card__lead">The supplier confirmed their details without changes.</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="table diff">
            <caption id={`${id}-caption`} className="visually-hidden">
              Proposed changes
            </caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Current</th>
                <th scope="col">Proposed</th>
              </tr>
            </thead>
            <tbody>
              {request.changes.map((change) => (
                <tr key={change.field} className={change.isBankDetail ? 'diff__row--bank' : undefined}>
                  <th scope="row">
                    {change.label}
                    {change.isBankDetail ? (
                      <span className="diff__flag">
                        <span aria-hidden="true">⚠ </span>Bank detail
                      </span>
                    ) : null}
                  </th>
                  <DiffCells before={formatValue(change.before, change.field)} after={formatValue(change.after, change.field)} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {request.unchanged.length > 0 ? (
        <details className="review__unchanged">
          <summary>{unchangedSummary(request.unchanged.length)}</summary>
          <dl className="details">
            {request.unchanged.map((field) => (
              <div className="details__row" key={field.field}>
                <dt>{field.label}</dt>
                <dd className="details__multiline">{formatValue(field.value, field.field) || <span className="muted">None</span>}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}

      {request.approvals.length > 0 ? (
        <p className="card__lead">
          Approved so far by{' '}
          {request.approvals.map((a) => `${a.userName} (${formatDateTime(a.at)})`).join(', ')}.
        </p>
      ) : null}

      {request.changesBankDetails ? <BankCallback request={request} canRecord={canDecide} /> : null}

      {problem ? <Alert>{problem}</Alert> : null}

      {canDecide && iApproved && waitingForSecond ? (
        <p className="card__lead" role="status">
          You approved — waiting for someone else.
        </p>
      ) : null}
      {canDecide ? (
        <div className="card__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void onAccept()}
            aria-disabled={busy || needsCallback || iApproved || undefined}
            aria-describedby={needsCallback ? `${id}-accept-why` : undefined}
          >
            {accepting ? 'Accepting…' : 'Accept'}
          </button>
          {canOverride ? (
            <button type="button" className="button" onClick={() => { setOverrideError(null); setOverriding(true); }} aria-disabled={busy || undefined}>
              Accept with one approval…
            </button>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={() => {
              setProblem(null);
              setReasonError(null);
              setRejecting(true);
            }}
            aria-disabled={busy || undefined}
          >
            Reject
          </button>
        </div>
      ) : (
        <p className="muted card__lead">Only admins and approvers can accept or reject changes.</p>
      )}
      {canDecide && needsCallback ? (
        <p className="muted card__lead" id={`${id}-accept-why`}>
          Accept becomes available once the call-back is recorded.
        </p>
      ) : null}

      <ConfirmDialog
        open={overriding}
        title="Accept a high-risk change with one approval?"
        confirmLabel="Accept with one approval"
        busyLabel="Accepting…"
        tone="danger"
        busy={accepting}
        onConfirm={() => {
          if (!overrideReason.trim()) {
            setOverrideError('Say why one approval is enough here. This is recorded in the audit trail.');
            return;
          }
          void onAccept(overrideReason.trim());
        }}
        onCancel={() => setOverriding(false)}
      >
        <div className={overrideError ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={`${id}-override`}>
            Why one approval is enough
          </label>
          <textarea
            id={`${id}-override`}
            className="field__input field__input--textarea"
            rows={3}
            value={overrideReason}
            onChange={(e) => {
              setOverrideReason(e.target.value);
              setOverrideError(null);
            }}
            aria-invalid={overrideError ? true : undefined}
            aria-describedby={overrideError ? `${id}-override-error` : undefined}
          />
          {overrideError ? (
            <p className="field__error" id={`${id}-override-error`}>
              {overrideError}
            </p>
          ) : null}
        </div>
      </ConfirmDialog>

      <ConfirmDialog
        open={rejecting}
        title="Reject these changes?"
        confirmLabel="Reject changes"
        busyLabel="Rejecting…"
        tone="danger"
        busy={sendingReject}
        onConfirm={() => void onReject()}
        onCancel={() => setRejecting(false)}
      >
        <div className={reasonError ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={`${id}-reason`}>
            Reason
          </label>
          <p className="field__hint" id={`${id}-reason-hint`}>
            Sent to the supplier (by email, and shown through their link), so they can send a correction.
          </p>
          <textarea
            ref={reasonRef}
            id={`${id}-reason`}
            className="field__input field__input--textarea"
            rows={4}
            required
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(null);
            }}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[reasonError ? `${id}-reason-error` : null, `${id}-reason-hint`].filter(Boolean).join(' ')}
          />
          {reasonError ? (
            <p className="field__error" id={`${id}-reason-error`}>
              <span aria-hidden="true" className="field__error-icon">
                !
              </span>
              {reasonError}
            </p>
          ) : null}
        </div>
      </ConfirmDialog>
      {stepUp.dialog}
    </section>
  );
}

/** Current | Proposed, with the words that changed marked on each side (removed struck, added highlighted). */
function DiffCells({ before, after }: { before: string; after: string }) {
  const { before: left, after: right } = wordDiff(before, after);
  return (
    <>
      <td data-label="Current">
        {left.length ? left.map((p, i) => (p.changed ? <del key={i} className="diff__del">{p.text}</del> : <span key={i}>{p.text}</span>)) : <span className="muted">None</span>}
      </td>
      <td data-label="Proposed">
        {right.length ? right.map((p, i) => (p.changed ? <ins key={i} className="diff__ins">{p.text}</ins> : <span key={i}>{p.text}</span>)) : <span className="muted">None</span>}
      </td>
    </>
  );
}
