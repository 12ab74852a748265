import { useId } from 'react';
import { Alert } from '../../components/Alert';
import { graphql } from '../../gql';
import type { ReviewPanel_ChangeRequestFragment } from '../../gql/graphql';
import { formatDateTime } from '../../components/format-date';
import { BankCallback, RiskSignals } from './BankCallback';
import { ChangesTable, UnchangedFields } from './ChangesTable';
import { OverrideDialog, RejectDialog } from './DecisionDialogs';
import { describeUserAgent } from './user-agent';
import { useReviewDecision } from './useReviewDecision';
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
  const decision = useReviewDecision({ request, viewer, onDecided });
  const { problem, busy, accepting, needsCallback, iApproved, waitingForSecond, canOverride } = decision;
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

      <ChangesTable request={request} />
      <UnchangedFields request={request} />

      {request.approvals.length > 0 ? (
        <p className="card__lead">Approved so far by {request.approvals.map((a) => `${a.userName} (${formatDateTime(a.at)})`).join(', ')}.</p>
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
            onClick={() => void decision.onAccept()}
            aria-disabled={busy || needsCallback || iApproved || undefined}
            aria-describedby={needsCallback ? `${id}-accept-why` : undefined}
          >
            {accepting ? 'Accepting…' : 'Accept'}
          </button>
          {canOverride ? (
            <button type="button" className="button" onClick={decision.override.start} aria-disabled={busy || undefined}>
              Accept with one approval…
            </button>
          ) : null}
          <button type="button" className="button" onClick={decision.reject.start} aria-disabled={busy || undefined}>
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

      <OverrideDialog override={decision.override} accepting={accepting} />
      <RejectDialog reject={decision.reject} />
      {decision.stepUpDialog}
    </section>
  );
}
