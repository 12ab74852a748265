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
  description: 'LOCKED: too many wrong codes (5 per invite, across codes); the buyer was told and can unlock it or resend.',
});
