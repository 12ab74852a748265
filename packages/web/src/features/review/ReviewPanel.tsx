import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import type { ReviewPanel_ChangeRequestFragment } from '../../gql/graphql';
import { formatDateTime } from '../suppliers/format-date';
import { formatValue } from '../suppliers/supplier-values';

export const ReviewPanelFragment = graphql(`
  fragment ReviewPanel_changeRequest on ChangeRequest {
    id
    status
    submittedAt
    submitterIp
    submitterUserAgent
    changesBankDetails
    approvals {
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
  }
`);

const AcceptChangeRequestMutation = graphql(`
  mutation AcceptChangeRequest($id: ID!) {
    acceptChangeRequest(id: $id) {
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
  onDecided,
}: {
  request: ReviewPanel_ChangeRequestFragment;
  canDecide: boolean;
  onDecided: (outcome: string) => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const [accept, { loading: accepting }] = useMutation(AcceptChangeRequestMutation);
  const [reject, { loading: sendingReject }] = useMutation(RejectChangeRequestMutation);
  const busy = accepting || sendingReject;

  const onAccept = async () => {
    if (busy) return;
    setProblem(null);
    setNotice(null);
    try {
      const result = await accept({ variables: { id: request.id } });
      const decided = result.data?.acceptChangeRequest;
      if (decided?.status === 'PENDING') {
        setNotice('Approved — a second approver must also accept.');
      } else if (decided) {
        onDecided('Changes accepted. They’ll be sent to Xero.');
      }
    } catch (error) {
      const p = toUserFacingError(error);
      // SECOND_APPROVER_REQUIRED (FORBIDDEN), CONFLICT and NOT_FOUND all carry the server's own words.
      setProblem(p.message);
      // Decided or withdrawn elsewhere: reload the page's view of it.
      if (p.code === 'CONFLICT' || p.code === 'NOT_FOUND') onDecided(p.message);
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
      await reject({ variables: { id: request.id, reason: text } });
      setRejecting(false);
      setReason('');
      onDecided('Changes rejected. The supplier has been emailed your reason.');
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
        <span className="badge badge--warning">Awaiting review</span>
      </div>
      <p className="card__lead">
        Sent {formatDateTime(request.submittedAt)}
        {request.submitterIp ? ` from ${request.submitterIp}` : null}
        {request.submitterUserAgent ? (
          <>
            <br />
            <span className="muted">Browser: {request.submitterUserAgent}</span>
          </>
        ) : null}
      </p>

      {request.changesBankDetails || bankChanges.length > 0 ? (
        <div className="notice notice--warning review__bank-warning">
          <p>
            <strong>
              <span aria-hidden="true">⚠ </span>This submission changes bank details.
            </strong>{' '}
            Before accepting, phone the supplier on a number you already hold (not one from this submission) and
            confirm the new bank details with them.
          </p>
        </div>
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
                  <td>{formatValue(change.before, change.field) || <span className="muted">None</span>}</td>
                  <td>{formatValue(change.after, change.field) || <span className="muted">None</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {request.approvals.length > 0 ? (
        <p className="card__lead">
          Approved so far by{' '}
          {request.approvals.map((a) => `${a.userName} (${formatDateTime(a.at)})`).join(', ')}.
        </p>
      ) : null}

      {notice ? (
        <p role="status" className="card__lead">
          {notice}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}

      {canDecide ? (
        <div className="card__actions">
          <button type="button" className="button button--primary" onClick={() => void onAccept()} aria-disabled={busy || undefined}>
            {accepting ? 'Accepting…' : 'Accept'}
          </button>
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
            Emailed to the supplier, so they can send a correction.
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
    </section>
  );
}
