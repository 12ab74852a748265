import type { InviteStatus } from '../../gql/graphql';

/** How an invite's status reads to a buyer (badges, filters, the invite panel). */
export const INVITE_STATUS_LABELS: Record<InviteStatus, string> = {
  SENT: 'Invited',
  OPENED: 'Invite opened',
  VERIFIED: 'Email confirmed',
  SUBMITTED: 'Details sent',
  EXPIRED: 'Invite expired',
  REVOKED: 'Invite withdrawn',
  LOCKED: 'Invite locked',
};
