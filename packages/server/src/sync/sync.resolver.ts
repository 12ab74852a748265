import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Role } from '../accounts/role.js';
import { AppError } from '../common/app-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { TOPICS, type SyncUpdatedEvent } from '../graphql/pubsub.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { FailedSync, SupplierSync, SyncOverview, SyncUpdate } from './sync.types.js';

@Resolver(() => Supplier)
export class SupplierSyncResolver {
  @FieldResolver(() => SupplierSync, { nullable: true, description: 'The latest accepted change’s push to Xero.' })
  async sync(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<SupplierSync | null> {
    return await ctx.services.outbox.latest(ctx.em, supplier.id);
  }
}

@Resolver()
export class SyncResolver {
  @Authorized()
  @Query(() => SyncOverview, { description: 'Outbound sync for your organisation: queue, age, last success, Xero headroom.' })
  async syncOverview(@Ctx() ctx: GraphQLContext): Promise<SyncOverview> {
    const organisationId = requireViewer(ctx).organisationId;
    return await ctx.services.outbox.overview(ctx.services.em(organisationId), organisationId);
  }

  @Authorized()
  @Query(() => [FailedSync], { description: 'Pushes Xero refused, with its message (the inbox).' })
  async failedSyncs(@Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<FailedSync[]> {
    return await ctx.services.outbox.failed(ctx.em, first);
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => Supplier, { description: 'Sends a supplier’s approved details to Xero again, once the problem is fixed.' })
  async retrySupplierSync(@Arg('supplierId', () => ID) supplierId: string, @Ctx() ctx: GraphQLContext): Promise<Supplier> {
    const viewer = requireViewer(ctx);
    const supplier = await ctx.services.suppliers.get(ctx.em, supplierId);
    if (!supplier) throw new AppError('NOT_FOUND', 'SUPPLIER_NOT_FOUND', 'That supplier does not exist.');
    await ctx.services.push.retry(viewer.organisationId, supplier.id);
    return await ctx.services.em(viewer.organisationId).findOneOrFail(Supplier, { id: supplier.id });
  }

  @Authorized()
  @Subscription(() => SyncUpdate, {
    topics: TOPICS.SYNC_UPDATED,
    filter: ({ payload, context }: { payload: SyncUpdatedEvent; context: GraphQLContext }) => payload.organisationId === context.viewer?.organisationId,
    description: 'Live sync status, from any server instance (PostgreSQL LISTEN/NOTIFY).',
  })
  async syncUpdated(@Root() event: SyncUpdatedEvent, @Ctx() ctx: GraphQLContext): Promise<SyncUpdate> {
    const viewer = requireViewer(ctx);
    const em = ctx.services.em(viewer.organisationId);
    return {
      supplierIds: event.supplierIds,
      overview: await ctx.services.outbox.overview(em, viewer.organisationId),
      suppliers: await em.find(Supplier, { id: { $in: event.supplierIds } }),
    };
  }
}
