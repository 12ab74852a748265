import { RetryAlert } from '../../components/RetryAlert';
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Loading } from '../../components/Spinner';
import { errorReason, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import { formatLongDate } from './format';
import { InviteLayout } from './InviteLayout';
import { SupplierDetailsForm, type Submitted } from './SupplierDetailsForm';
import { takeInviteToken, tokenFromHash } from './invite-token';
import { VerifyCode } from './VerifyCode';

const SupplierInviteQuery = graphql(`
  query SupplierInvite($token: String!) {
    supplierInvite(token: $token) {
      organisationName
      supplierName
      emailHint
      status
      expiresAt
      verified
    }
  }
`);

/** Reasons that end the visit: the link can't be used any more. */
const DEAD_LINK: Record<string, string> = {
  INVITE_NOT_FOUND: 'This link isn’t valid',
  INVITE_EXPIRED: 'This link has expired',
  INVITE_REVOKED: 'This link was withdrawn',
  INVITE_LOCKED: 'This link is locked',
};


/** A full-page message for a link that can't be used (missing, expired, withdrawn, locked). */
export function DeadLink({ title, message }: { title: string; message: string }) {
  return (
    <InviteLayout title={title}>
      <p className="auth__intro">{message}</p>
      <p className="muted">You can close this page.</p>
    </InviteLayout>
  );
}

/**
 * `/invite#token=…`: the supplier confirms it's them with an emailed code, checks and corrects the
 * details the business holds (bank details only when they choose to), and sends them for review.
 */
export function InvitePage() {
  const [token] = useState(takeInviteToken);
  const [verified, setVerified] = useState(false);
  const [deadReason, setDeadReason] = useState<{ reason: string; message: string } | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [lastSent, setLastSent] = useState<Submitted | null>(null);

  // Another invite link opened in this tab only changes the fragment (same document): start over with it.
  useEffect(() => {
    const onHashChange = () => {
      if (!tokenFromHash(window.location.hash)) return;
      takeInviteToken();
      window.location.reload();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const { data, error, loading, refetch } = useQuery(SupplierInviteQuery, {
    variables: { token: token ?? '' },
    skip: !token,
    fetchPolicy: 'network-only',
  });

  if (!token) {
    return (
      <DeadLink
        title="This link isn’t complete"
        message="Open the link from your email again, or copy the whole link into the address bar."
      />
    );
  }

  const reason = deadReason?.reason ?? (error ? errorReason(error) : null);
  if (reason && DEAD_LINK[reason]) {
    return (
      <DeadLink title={DEAD_LINK[reason]} message={deadReason?.message ?? toUserFacingError(error).message} />
    );
  }

  if (error && !data) {
    return (
      <InviteLayout title="We couldn’t open your invite">
        <RetryAlert error={error} onRetry={refetch} />
      </InviteLayout>
    );
  }

  const invite = data?.supplierInvite;
  if (!invite || loading) {
    return (
      <InviteLayout title="Opening your invite">
        <Loading label="Opening your invite…" />
      </InviteLayout>
    );
  }

  const onDead = (reasonCode: string, message: string) => setDeadReason({ reason: reasonCode, message });

  if (submitted) {
    return (
      <InviteLayout title={`Thanks — ${submitted.organisationName} will review your details`} organisationName={invite.organisationName}>
        <p className="auth__intro">
          We’ve sent your details to {submitted.organisationName}. They’ll check the changes before anything is
          updated, and may contact you if something needs confirming.
        </p>
        <dl className="details">
          <div className="details__row">
            <dt>Bank details</dt>
            <dd>{submitted.bankDetailsMasked ?? 'Unchanged'}</dd>
          </div>
          <div className="details__row">
            <dt>Sent</dt>
            <dd>{formatLongDate(submitted.submittedAt)}</dd>
          </div>
        </dl>
        <p className="invite__note">
          Spotted a mistake? You can use the same link again to send a correction until{' '}
          {formatLongDate(invite.expiresAt)}.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setLastSent(submitted);
            setSubmitted(null);
          }}
        >
          Send a correction
        </button>
      </InviteLayout>
    );
  }

  if (!invite.verified && !verified) {
    return (
      <InviteLayout title="Confirm it’s you" organisationName={invite.organisationName}>
        <p className="auth__intro">
          {invite.organisationName} asked you to check the details they hold for {invite.supplierName}. First, we’ll
          email a 6-digit code to <strong>{invite.emailHint}</strong>.
        </p>
        <VerifyCode token={token} onVerified={() => setVerified(true)} onDead={onDead} />
      </InviteLayout>
    );
  }

  return (
    <InviteLayout title="Check your details" organisationName={invite.organisationName} wide>
      <SupplierDetailsForm
        token={token}
        initialForm={lastSent?.form ?? null}
        supplierName={invite.supplierName}
        organisationName={invite.organisationName}
        onSubmitted={setSubmitted}
        onDead={onDead}
        onSessionLost={() => {
          setVerified(false);
          void refetch();
        }}
      />
    </InviteLayout>
  );
}
