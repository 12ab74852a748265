import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import type { ReviewPanel_ChangeRequestFragment } from '../../gql/graphql';
import { useStepUp } from '../security/useStepUp';
import { rejectedText } from './review-text';

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
 * Accept (after a fresh second factor; with an admin's reason for one approval of a high-risk change) and Reject
 * (with a reason for the supplier) for one change request, and what the panel says about them.
 */
export function useReviewDecision({
  request,
  viewer,
  onDecided,
}: {
  request: ReviewPanel_ChangeRequestFragment;
  viewer: { id: string; role: string };
  onDecided: (outcome: string) => void;
}) {
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

  return {
    problem,
    busy,
    accepting,
    needsCallback,
    iApproved,
    waitingForSecond,
    canOverride,
    stepUpDialog: stepUp.dialog,
    onAccept,
    /** "Accept with one approval…": the dialog asking why. */
    override: {
      open: overriding,
      reason: overrideReason,
      error: overrideError,
      start: () => {
        setOverrideError(null);
        setOverriding(true);
      },
      cancel: () => setOverriding(false),
      change: (value: string) => {
        setOverrideReason(value);
        setOverrideError(null);
      },
      confirm: () => {
        if (!overrideReason.trim()) {
          setOverrideError('Say why one approval is enough here. This is recorded in the audit trail.');
          return;
        }
        void onAccept(overrideReason.trim());
      },
    },
    /** "Reject": the dialog asking what the supplier should fix. */
    reject: {
      open: rejecting,
      sending: sendingReject,
      reason,
      error: reasonError,
      inputRef: reasonRef,
      start: () => {
        setProblem(null);
        setReasonError(null);
        setRejecting(true);
      },
      cancel: () => setRejecting(false),
      change: (value: string) => {
        setReason(value);
        setReasonError(null);
      },
      confirm: () => void onReject(),
    },
  };
}

export type ReviewDecision = ReturnType<typeof useReviewDecision>;
