import { registerEnumType } from 'type-graphql';

export enum InviteStatus {
  SENT = 'SENT',
  OPENED = 'OPENED',
  VERIFIED = 'VERIFIED',
  SUBMITTED = 'SUBMITTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  LOCKED = 'LOCKED',
}
registerEnumType(InviteStatus, {
  name: 'InviteStatus',
  description: 'LOCKED: too many wrong codes; the buyer was told and can resend.',
});

