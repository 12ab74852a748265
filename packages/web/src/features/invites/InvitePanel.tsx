import { useMutation } from '@apollo/client/react';
import { validateEmail } from '@vouch/validation';
import { useRef, useState } from 'react';
import { CopyLink } from '../../components/CopyLink';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/TextField';
import { toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import type { InvitePanel_SupplierFragment, InviteStatus } from '../../gql/graphql';
import { formatDateTime } from '../../components/format-date';
import { INVITE_STATUS_LABELS } from './invite-status';

export const InvitePanelFragment = graphql(`
  fragment InvitePanel_supplier on Supplier {
    id
    name
    email
    latestInvite {
      ...InvitePanel_invite
    }
  }
`);

graphql(`
  fragment InvitePanel_invite on Invite {
    id
    status
    email
    expiresAt
    lastSentAt
    emailed
    remindersSent
    openedAt
    verifiedAt
    submittedAt
    revokedAt
  }
`);

const InviteSuppliersMutation = graphql(`
  mutation InviteSuppliers($supplierIds: [ID!]!, $email: String) {
    inviteSuppliers(supplierIds: $supplierIds, email: $email) {
      outcome
      supplier {
        id
        latestInvite {
          ...InvitePanel_invite
        }
      }
      invite {
        id
      }
      link
    }
  }
`);

const ResendInviteMutation = graphql(`
  mutation ResendInvite($inviteId: ID!) {
    resendInvite(inviteId: $inviteId) {
      supplier {
        id
        latestInvite {
          ...InvitePanel_invite
        }
      }
      link
    }
  }
`);

const RevokeInviteMutation = graphql(`
  mutation RevokeInvite($inviteId: ID!) {
    revokeInvite(inviteId: $inviteId) {
      ...InvitePanel_invite
    }
  }
`);

const UnlockInviteMutation = graphql(`
  mutation UnlockInvite($inviteId: ID!) {
    unlockInvite(inviteId: $inviteId) {
      ...InvitePanel_invite
    }
  }
`);

const LIVE: ReadonlySet<InviteStatus> = new Set(['SENT', 'OPENED', 'VERIFIED']);

/**
 * The supplier's latest invite, and Invite / Resend / Withdraw (Unlock when locked) for ADMIN and APPROVER. One
 * word for one action: an invite is "withdrawn" everywhere (its status, this button, the team's invitations).
 */
export function InvitePanel({
  supplier,
  canManage,
  onChanged,
}: {
  supplier: InvitePanel_SupplierFragment;
  canManage: boolean;
  onChanged: () => void;
}) {
  const invite = supplier.latestInvite;
  const [email, setEmail] = useState('');
  const emailInput = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState(false);

  const [inviteSuppliers, { loading: inviting }] = useMutation(InviteSuppliersMutation);
  const [resendInvite, { loading: resending }] = useMutation(ResendInviteMutation);
  const [revokeInvite, { loading: revoking }] = useMutation(RevokeInviteMutation);
  const [unlockInvite, { loading: unlocking }] = useMutation(UnlockInviteMutation);
  const busy = inviting || resending || revoking || unlocking;

  const fail = (error: unknown) => {
    const p = toUserFacingError(error);
    setProblem({ message: p.message, fields: p.fields });
  };
  const start = () => {
    setProblem(null);
    setNotice(null);
    setLink(null);
  };

  /** The "Send to" address is checked with the server's own rule, as it is left and before sending. */
  const emailProblem = (value: string): string | null => {
    if (!value.trim()) return null;
    const checked = validateEmail(value, { required: true });
    return checked.ok ? null : checked.message;
  };

  const onInvite = async () => {
    if (busy) return;
    start();
    const badEmail = emailProblem(email);
    if (badEmail) {
      setProblem({ message: '', fields: { email: badEmail } });
      emailInput.current?.focus();
      return;
    }
    try {
      const result = await inviteSuppliers({
        variables: { supplierIds: [supplier.id], email: email.trim() || null },
      });
      const issued = result.data?.inviteSuppliers[0];
      if (issued?.outcome === 'SKIPPED_LIVE_INVITE') {
        setNotice(`${supplier.name} already has a live invite, so nothing was sent. Resend it for a fresh link.`);
        onChanged();
      } else if (issued) {
        setLink(issued.link ?? null);
        setNotice(issued.link ? null : `Invite emailed to ${email.trim() || supplier.email}.`);
        setEmail('');
        onChanged();
      }
    } catch (error) {
      const p = toUserFacingError(error);
      if (p.fields.email) {
        // Said under the field, where the fix is made.
        setProblem({ message: '', fields: p.fields });
        emailInput.current?.focus();
      } else fail(error);
    }
  };

  const onResend = async () => {
    if (busy || !invite) return;
    start();
    try {
      const result = await resendInvite({ variables: { inviteId: invite.id } });
      if (result.data) {
        setLink(result.data.resendInvite.link ?? null);
        setNotice(result.data.resendInvite.link ? null : `Invite sent again to ${invite.email}. The old link no longer works.`);
        onChanged();
      }
    } catch (error) {
      fail(error);
    }
  };

  const onRevoke = async () => {
    if (!invite) return;
    start();
    try {
      await revokeInvite({ variables: { inviteId: invite.id } });
      setConfirmRevoke(false);
      setNotice('Invite withdrawn. The link no longer works.');
      onChanged();
    } catch (error) {
      setConfirmRevoke(false);
      fail(error);
    }
  };

  const onUnlock = async () => {
    if (busy || !invite) return;
    start();
    try {
      await unlockInvite({ variables: { inviteId: invite.id } });
      setNotice(`Invite unlocked. ${supplier.name} can use the same link again and ask for a new code.`);
      onChanged();
    } catch (error) {
      fail(error);
    }
  };

  const live = invite ? LIVE.has(invite.status) : false;
  const locked = invite?.status === 'LOCKED';

  return (
    <section className="card" aria-labelledby="invite-panel-title">
      <div className="card__header">
        <h2 id="invite-panel-title" className="card__title">
          Invite
        </h2>
        {invite ? <span className="badge">{INVITE_STATUS_LABELS[invite.status]}</span> : null}
      </div>

      {invite ? (
        <dl className="details">
          <div className="details__row">
            <dt>Sent to</dt>
            <dd>
              {invite.email}
              {invite.emailed ? null : <span className="muted"> (link shown to copy, not emailed)</span>}
            </dd>
          </div>
          <div className="details__row">
            <dt>Last sent</dt>
            <dd>
              {formatDateTime(invite.lastSentAt)}
              {invite.remindersSent > 0
                ? ` · ${invite.remindersSent} reminder${invite.remindersSent === 1 ? '' : 's'}`
                : null}
            </dd>
          </div>
          {invite.openedAt ? (
            <div className="details__row">
              <dt>Opened</dt>
              <dd>{formatDateTime(invite.openedAt)}</dd>
            </div>
          ) : null}
          {invite.verifiedAt ? (
            <div className="details__row">
              <dt>Email confirmed</dt>
              <dd>{formatDateTime(invite.verifiedAt)}</dd>
            </div>
          ) : null}
          {invite.submittedAt ? (
            <div className="details__row">
              <dt>Details sent</dt>
              <dd>{formatDateTime(invite.submittedAt)}</dd>
            </div>
          ) : null}
          {invite.revokedAt ? (
            <div className="details__row">
              <dt>Withdrawn</dt>
              <dd>{formatDateTime(invite.revokedAt)}</dd>
            </div>
          ) : (
            <div className="details__row">
              <dt>{invite.status === 'EXPIRED' ? 'Expired' : 'Expires'}</dt>
              <dd>{formatDateTime(invite.expiresAt)}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="card__lead">
          Not invited yet. An invite emails {supplier.name} a link to check and correct their details; you review
          every change before it reaches Xero.
        </p>
      )}

      {locked ? (
        <p className="card__lead">
          Someone entered too many wrong codes, so the link is locked. If it was {supplier.name}, unlock it: the same
          link works again and they can ask for a new code. Otherwise send a new link, so the old one stops working.
        </p>
      ) : null}

      {notice ? (
        <p role="status" className="card__lead">
          {notice}
        </p>
      ) : null}
      {problem?.message ? <Alert>{problem.message}</Alert> : null}

      {link ? (
        <div className="copy-link">
          <CopyLink link={link} />
          <p className="muted">
            This link was not emailed (no email server is set up). Send it to the supplier yourself — it’s shown
            only once.
          </p>
        </div>
      ) : null}

      {canManage ? (
        <div className="card__actions">
          {locked ? (
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void onUnlock()}
                aria-disabled={busy || undefined}
              >
                {unlocking ? 'Unlocking…' : 'Unlock'}
              </button>
              <button type="button" className="button" onClick={() => void onResend()} aria-disabled={busy || undefined}>
                {resending ? 'Sending…' : 'Send a new link'}
              </button>
            </>
          ) : live ? (
            <>
              <button type="button" className="button" onClick={() => void onResend()} aria-disabled={busy || undefined}>
                {resending ? 'Resending…' : 'Resend'}
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setConfirmRevoke(true)}
                aria-disabled={busy || undefined}
              >
                Withdraw
              </button>
            </>
          ) : (
            <>
              <TextField
                label="Send to"
                hint={supplier.email ? `Leave empty to use ${supplier.email}.` : 'This supplier has no email address.'}
                type="email"
                name="email"
                ref={emailInput}
                value={email}
                onChange={(event) => {
                  setEmail(event.target.value);
                  if (problem?.fields.email) setProblem(null);
                }}
                onBlur={() => {
                  const badEmail = emailProblem(email);
                  if (badEmail) setProblem({ message: '', fields: { email: badEmail } });
                }}
                error={problem?.fields.email ?? null}
              />
              <button
                type="button"
                className="button button--primary"
                onClick={() => void onInvite()}
                aria-disabled={busy || undefined}
              >
                {inviting ? 'Inviting…' : invite ? 'Invite again' : 'Invite'}
              </button>
            </>
          )}
        </div>
      ) : null}

      <ConfirmDialog
        open={confirmRevoke}
        title="Withdraw this invite?"
        confirmLabel="Withdraw invite"
        busyLabel="Withdrawing…"
        tone="danger"
        busy={revoking}
        onConfirm={() => void onRevoke()}
        onCancel={() => setConfirmRevoke(false)}
      >
        <p>The link sent to {invite?.email} stops working at once. You can invite them again later.</p>
      </ConfirmDialog>
    </section>
  );
}

