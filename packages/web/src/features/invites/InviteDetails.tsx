import { formatDateTime } from '../../components/format-date';
import type { InvitePanel_InviteFragment } from '../../gql/graphql';

/** Where the latest invite went, when it was sent, opened, confirmed, answered, and when it ends. */
export function InviteDetails({ invite }: { invite: InvitePanel_InviteFragment }) {
  return (
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
          {invite.remindersSent > 0 ? ` · ${invite.remindersSent} reminder${invite.remindersSent === 1 ? '' : 's'}` : null}
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
  );
}
