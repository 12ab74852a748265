import { CopyLink } from '../../components/CopyLink';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { graphql } from '../../gql';
import type { InvitePanel_SupplierFragment } from '../../gql/graphql';
import { InviteActionButtons } from './InviteActionButtons';
import { InviteDetails } from './InviteDetails';
import { INVITE_STATUS_LABELS } from './invite-status';
import { useInviteActions } from './useInviteActions';

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

/**
 * The supplier's latest invite, and Invite / Resend / Withdraw (Unlock when locked) for ADMIN and APPROVER. One
 * word for one action: an invite is "withdrawn" everywhere (its status, this button, the team's invitations).
 */
export function InvitePanel({ supplier, canManage, onChanged }: { supplier: InvitePanel_SupplierFragment; canManage: boolean; onChanged: () => void }) {
  const invite = supplier.latestInvite;
  const actions = useInviteActions(supplier, onChanged);
  const { notice, problem, link } = actions;
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
        <InviteDetails invite={invite} />
      ) : (
        <p className="card__lead">
          Not invited yet. An invite emails {supplier.name} a link to check and correct their details; you review every change before it reaches Xero.
        </p>
      )}

      {locked ? (
        <p className="card__lead">
          Someone entered too many wrong codes, so the link is locked. If it was {supplier.name}, unlock it: the same link works again and they can ask for a
          new code. Otherwise send a new link, so the old one stops working.
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
          <p className="muted">This link was not emailed (no email server is set up). Send it to the supplier yourself — it’s shown only once.</p>
        </div>
      ) : null}

      {canManage ? <InviteActionButtons supplier={supplier} actions={actions} /> : null}

      <ConfirmDialog
        open={actions.confirmRevoke}
        title="Withdraw this invite?"
        confirmLabel="Withdraw invite"
        busyLabel="Withdrawing…"
        tone="danger"
        busy={actions.revoking}
        onConfirm={() => void actions.onRevoke()}
        onCancel={() => actions.setConfirmRevoke(false)}
      >
        <p>The link sent to {invite?.email} stops working at once. You can invite them again later.</p>
      </ConfirmDialog>
    </section>
  );
}
