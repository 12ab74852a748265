import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { useNow } from '../../app/useNow';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../components/format-date';
import { graphql } from '../../gql';
import type { TeamPage_InviteFragment } from '../../gql/graphql';
import { inviteExpiryText, roleName } from './team-text';
import type { Outcome } from './TeamPage';
import './team.css';

const ResendTeamInviteMutation = graphql(`
  mutation ResendTeamInvite($id: ID!) {
    resendTeamInvite(id: $id) {
      invite {
        ...TeamPage_invite
      }
      link
    }
  }
`);

const WithdrawTeamInviteMutation = graphql(`
  mutation WithdrawTeamInvite($id: ID!) {
    withdrawTeamInvite(id: $id) {
      id
    }
  }
`);

type Invite = TeamPage_InviteFragment;

/** Invitations not yet accepted: when sent and by whom, when they expire; Resend (a new link) or Withdraw. */
export function TeamInviteList({ invites, onOutcome, onChanged }: { invites: Invite[]; onOutcome: (o: Outcome) => void; onChanged: () => void }) {
  const now = useNow();
  const [resend, { loading: resending }] = useMutation(ResendTeamInviteMutation, { fetchPolicy: 'no-cache' });
  const [withdraw, { loading: withdrawing }] = useMutation(WithdrawTeamInviteMutation);
  const [withdrawingInvite, setWithdrawingInvite] = useState<Invite | null>(null);

  const onResend = async (invite: Invite) => {
    if (resending) return;
    try {
      const result = await resend({ variables: { id: invite.id } });
      const link = result.data?.resendTeamInvite.link ?? null;
      onOutcome(
        link
          ? { text: `A new link for ${invite.email} is ready; the old one no longer works.`, link }
          : { text: `Sent a new link to ${invite.email}; the old one no longer works.` },
      );
      onChanged();
    } catch (caught) {
      onOutcome({ text: toUserFacingError(caught).message, tone: 'error' });
    }
  };

  const onWithdraw = async () => {
    if (!withdrawingInvite) return;
    const invite = withdrawingInvite;
    try {
      await withdraw({ variables: { id: invite.id } });
      onOutcome({ text: `Withdrew the invitation to ${invite.email}. Its link no longer works.` });
      onChanged();
    } catch (caught) {
      onOutcome({ text: toUserFacingError(caught).message, tone: 'error' });
    } finally {
      setWithdrawingInvite(null);
    }
  };

  return (
    <>
      <ul className="team__list" aria-label="Invitations">
        {invites.map((invite) => (
          <li key={invite.id} className="team__row">
            <div className="team__who">
              <span className="team__name">{invite.email}</span>
              <span className="muted team__meta">
                {roleName(invite.role)} · sent <time dateTime={invite.lastSentAt}>{formatDate(invite.lastSentAt)}</time> by {invite.invitedByName}
              </span>
              <span className={invite.expired ? 'badge badge--warning team__expiry' : 'muted team__meta'}>
                {inviteExpiryText(invite.expiresAt, invite.expired, now)}
              </span>
            </div>
            <div className="team__controls">
              <button
                type="button"
                className="button button--small"
                aria-label={`Resend invitation to ${invite.email}`}
                aria-disabled={resending || undefined}
                onClick={() => void onResend(invite)}
              >
                Resend
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Withdraw invitation to ${invite.email}`}
                onClick={() => setWithdrawingInvite(invite)}
              >
                Withdraw
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={withdrawingInvite !== null}
        title={withdrawingInvite ? `Withdraw the invitation to ${withdrawingInvite.email}?` : 'Withdraw invitation?'}
        confirmLabel="Withdraw invitation"
        busyLabel="Withdrawing…"
        tone="danger"
        busy={withdrawing}
        onConfirm={() => void onWithdraw()}
        onCancel={() => setWithdrawingInvite(null)}
      >
        <p>The link they were sent stops working. You can invite them again later.</p>
      </ConfirmDialog>
    </>
  );
}
