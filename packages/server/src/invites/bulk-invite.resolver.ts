import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import type { Supplier } from '../suppliers/supplier.entity.js';
import { SupplierFilterInput } from '../suppliers/supplier-filter.js';
import { BulkInviteOutcome, BulkInvitePreview, inviteMatching, MAX_MATCHING_INVITES, previewMatchingInvites } from './bulk-invite.js';
import { InviteOutcome } from './invite-outcome.js';
import { toInviteType } from './invites.resolver.js';

/** "Select all matching": invite everyone a list filter shows, decided on the server. */
@Resolver()
export class BulkInviteResolver {
  @Authorized(Role.ADMIN, Role.APPROVER)
  @Query(() => BulkInvitePreview, { description: 'What inviteMatchingSuppliers would do with this filter: how many invited, skipped, left out.' })
  async bulkInvitePreview(
    @Arg('filter', () => SupplierFilterInput) filter: SupplierFilterInput,
    @Arg('replaceLiveInvites', () => Boolean, { defaultValue: false }) replaceLiveInvites: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkInvitePreview> {
    return await previewMatchingInvites(ctx.em, filter, replaceLiveInvites);
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => BulkInviteOutcome, {
    description: `Invites every supplier matching the filter who can be invited (A–Z, at most ${MAX_MATCHING_INVITES}): those with a live invite are skipped unless replaceLiveInvites, those without an email address are left out. BAD_USER_INPUT (TOO_MANY_TO_INVITE, NOTHING_TO_INVITE) before anything is sent.`,
  })
  async inviteMatchingSuppliers(
    @Arg('filter', () => SupplierFilterInput) filter: SupplierFilterInput,
    @Arg('replaceLiveInvites', () => Boolean, { defaultValue: false }) replaceLiveInvites: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkInviteOutcome> {
    const { issued, skippedLive, skippedNoEmail } = await inviteMatching(ctx.em, ctx.services.invites, requireViewer(ctx), filter, replaceLiveInvites);
    return {
      invited: issued.length,
      skippedLiveInvite: skippedLive,
      skippedNoEmail,
      emailed: ctx.services.mailer.enabled,
      results: issued.map(({ invite, link }) => ({
        supplier: invite.supplier as Supplier,
        invite: toInviteType(invite, ctx.services.invites.statusOf(invite)),
        link,
        outcome: InviteOutcome.INVITED,
      })),
    };
  }
}
