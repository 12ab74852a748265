import { RetryAlert } from '../../components/RetryAlert';
import { useQuery } from '../../app/plain-graphql';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Loading } from '../../components/Spinner';
import { errorReason, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import { formatDate } from '../../components/format-date';
import { InviteLayout } from './InviteLayout';
import type { Submitted } from './SupplierDetailsForm';
import { takeInviteToken, tokenFromHash } from './invite-token';
import { VerifyCode } from './VerifyCode';
import { AboutRequest, GenuineCheck, QuestionsNote, WhatToDo } from './InviteTrust';
import type { Branding } from '../branding/SupplierBrand';
import './invites.css';

const SupplierInviteQuery = graphql(`
  query SupplierInvite($token: String!) {
    supplierInvite(token: $token) {
      organisationName
      supplierName
      emailHint
      status
      expiresAt
      verified
      organisation {
        ...SupplierBrand_branding
      }
    }
  }
`);

const SupplierInviteSenderQuery = graphql(`
  query SupplierInviteSender($token: String!) {
    supplierInviteSender(token: $token) {
      ...SupplierBrand_branding
    }
  }
`);

// The details form carries the validators (with the UK modulus tables): its own chunk, fetched once a code is
// sent (the supplier reads their email meanwhile), so the first screen and the dead ends stay light.
const loadForm = () => import('./SupplierDetailsForm');
const SupplierDetailsForm = lazy(() => loadForm().then((m) => ({ default: m.SupplierDetailsForm })));

/** Reasons that end the visit: the link can't be used any more. */
const DEAD_LINK: Record<string, string> = {
  INVITE_NOT_FOUND: 'This link isn’t valid',
  INVITE_EXPIRED: 'This link has expired',
  INVITE_REVOKED: 'This link was withdrawn',
  INVITE_LOCKED: 'This link is locked',
};

/** What happened, and what to do, naming the business that sent the link. */
function deadLinkWords(reason: string, name: string): { what: string; ask: string } {
  switch (reason) {
    case 'INVITE_EXPIRED':
      return {
        what: `${name} sent you this link to check the details they hold for you, and it has now expired.`,
        ask: `If they still need your details, ask ${name} to send you a new link.`,
      };
    case 'INVITE_REVOKED':
      return {
        what: `${name} withdrew this link, usually because they sent a newer one.`,
        ask: `Use the link in their latest email, or ask ${name} for a new one.`,
      };
    default:
      return {
        what: 'Too many wrong codes were entered, so the link was locked to protect your details.',
        ask: `${name} has been told. Ask them to unlock it or send you a new link; if you didn’t enter those codes, tell them.`,
      };
  }
}

/**
 * A full-page message for a link that can't be used (missing, expired, withdrawn, locked): what happened and
 * what to do, naming the business and its contact when the link is known.
 */
export function DeadLink({ title, reason, message, branding }: { title: string; reason?: string; message: string; branding?: Branding | null }) {
  if (!branding || !reason || reason === 'INVITE_NOT_FOUND') {
    return (
      <InviteLayout title={title}>
        <p className="auth__intro">{message}</p>
        <p className="muted">If you weren’t expecting a request for your details, don’t enter anything: call the business on a number you already have.</p>
      </InviteLayout>
    );
  }
  const words = deadLinkWords(reason, branding.name);
  return (
    <InviteLayout title={title} branding={branding}>
      <p className="auth__intro">{words.what}</p>
      <WhatToDo branding={branding} ask={words.ask} />
      <p className="invite-questions">
        <GenuineCheck branding={branding} />
      </p>
    </InviteLayout>
  );
}

/** Dead end reached on opening the link: ask who sent it (any state but unknown), then say what to do. */
function DeadLinkForToken({ token, reason, message }: { token: string; reason: string; message: string }) {
  const known = reason !== 'INVITE_NOT_FOUND';
  const { data, loading } = useQuery(SupplierInviteSenderQuery, { variables: { token }, skip: !known });
  if (known && loading && !data) {
    return (
      <InviteLayout title={DEAD_LINK[reason] ?? 'This link can’t be used'}>
        <Loading />
      </InviteLayout>
    );
  }
  return <DeadLink title={DEAD_LINK[reason] ?? 'This link can’t be used'} reason={reason} message={message} branding={data?.supplierInviteSender ?? null} />;
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
  });

  // Already confirmed in this browser: the form comes next, so fetch its code now.
  const formNext = Boolean(data?.supplierInvite.verified);
  useEffect(() => {
    if (formNext) void loadForm().catch(() => undefined);
  }, [formNext]);

  if (!token) {
    return <DeadLink title="This link isn’t complete" message="Open the link from your email again, or copy the whole link into the address bar." />;
  }

  const reason = deadReason?.reason ?? (error ? errorReason(error) : null);
  if (reason && DEAD_LINK[reason]) {
    const message = deadReason?.message ?? toUserFacingError(error).message;
    // Ended during the visit (a code, the form): the business is already known.
    const known = data?.supplierInvite.organisation;
    return known ? (
      <DeadLink title={DEAD_LINK[reason]} reason={reason} message={message} branding={known} />
    ) : (
      <DeadLinkForToken token={token} reason={reason} message={message} />
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
      <InviteLayout title={`Thanks — ${submitted.organisationName} will review your details`} branding={invite.organisation}>
        <p className="auth__intro">
          We’ve sent your details to {submitted.organisationName}. They’ll check the changes before anything is updated, and may contact you if something needs
          confirming.
        </p>
        <dl className="details">
          <div className="details__row">
            <dt>Bank details</dt>
            <dd>{submitted.bankDetailsMasked ?? 'Unchanged'}</dd>
          </div>
          <div className="details__row">
            <dt>Sent</dt>
            <dd>{formatDate(submitted.submittedAt)}</dd>
          </div>
        </dl>
        <p className="invite__note">Spotted a mistake? You can use the same link again to send a correction until {formatDate(invite.expiresAt)}.</p>
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
        <QuestionsNote branding={invite.organisation} />
      </InviteLayout>
    );
  }

  if (!invite.verified && !verified) {
    return (
      <InviteLayout title="Confirm it’s you" branding={invite.organisation}>
        <p className="auth__intro">
          {invite.organisationName} asked you to check the details they hold for {invite.supplierName}. First, we’ll email a 6-digit code to{' '}
          <strong>{invite.emailHint}</strong>.
        </p>
        <VerifyCode token={token} onVerified={() => setVerified(true)} onDead={onDead} onCodeSent={() => void loadForm().catch(() => undefined)} />
        <AboutRequest branding={invite.organisation} supplierName={invite.supplierName} emailHint={invite.emailHint} expiresAt={invite.expiresAt} />
      </InviteLayout>
    );
  }

  return (
    <InviteLayout title="Check your details" branding={invite.organisation} wide>
      <Suspense fallback={<Loading label="Loading your details…" />}>
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
      </Suspense>
      <QuestionsNote branding={invite.organisation} />
    </InviteLayout>
  );
}
