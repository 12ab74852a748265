import { registerEnumType } from 'type-graphql';

/** What inviteSuppliers did for one supplier. */
export enum InviteOutcome {
  INVITED = 'INVITED',
  SKIPPED_LIVE_INVITE = 'SKIPPED_LIVE_INVITE',
}
registerEnumType(InviteOutcome, {
  name: 'InviteOutcome',
  description: 'SKIPPED_LIVE_INVITE: the supplier’s invite is still live, so no new one was sent (it would withdraw their link).',
});
