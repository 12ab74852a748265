import { TextField } from '../../components/TextField';
import type { InvitePanel_SupplierFragment, InviteStatus } from '../../gql/graphql';
import type { InviteActions } from './useInviteActions';

const LIVE: ReadonlySet<InviteStatus> = new Set(['SENT', 'OPENED', 'VERIFIED']);

/** What can be done with the latest invite: Unlock or a new link (locked), Resend or Withdraw (live), else Invite. */
export function InviteActionButtons({ supplier, actions }: { supplier: InvitePanel_SupplierFragment; actions: InviteActions }) {
  const invite = supplier.latestInvite;
  const { busy, inviting, resending, unlocking, sendTo } = actions;
  const live = invite ? LIVE.has(invite.status) : false;
  const locked = invite?.status === 'LOCKED';

  return (
    <div className="card__actions">
      {locked ? (
        <>
          <button type="button" className="button button--primary" onClick={() => void actions.onUnlock()} aria-disabled={busy || undefined}>
            {unlocking ? 'Unlocking…' : 'Unlock'}
          </button>
          <button type="button" className="button" onClick={() => void actions.onResend()} aria-disabled={busy || undefined}>
            {resending ? 'Sending…' : 'Send a new link'}
          </button>
        </>
      ) : live ? (
        <>
          <button type="button" className="button" onClick={() => void actions.onResend()} aria-disabled={busy || undefined}>
            {resending ? 'Resending…' : 'Resend'}
          </button>
          <button type="button" className="button button--quiet" onClick={() => actions.setConfirmRevoke(true)} aria-disabled={busy || undefined}>
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
            ref={sendTo.emailInput}
            value={sendTo.email}
            onChange={(event) => sendTo.onChange(event.target.value)}
            onBlur={sendTo.onBlur}
            error={sendTo.error}
          />
          <button type="button" className="button button--primary" onClick={() => void actions.onInvite()} aria-disabled={busy || undefined}>
            {inviting ? 'Inviting…' : invite ? 'Invite again' : 'Invite'}
          </button>
        </>
      )}
    </div>
  );
}
