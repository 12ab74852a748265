import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { Role } from '../accounts/role.js';
import { AppError } from '../common/app-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { TOPICS, type SyncUpdatedEvent } from '../graphql/pubsub.js';
import { OutboxEntry, OutboxStatus, SyncErrorSource } from './outbox/outbox-entry.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { XeroConnection } from '../xero/xero-connection.entity.js';
import { XeroApiHeadroom } from '../xero/xero.types.js';


@ObjectType()
export class SupplierSync {
  @Field(() => OutboxStatus) status!: OutboxStatus;
  @Field(() => GraphQLDateTimeISO, { description: 'When the change was accepted.' }) acceptedAt!: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) syncedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the push has not gone through: Xero’s message, or Vouch’s (see errorSource).' }) error!: string | null;
  @Field(() => SyncErrorSource, { nullable: true, description: 'Who said `error`.' }) errorSource!: SyncErrorSource | null;
  @Field(() => Int) attempts!: number;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Read-back receipt: Xero ContactID, UpdatedDateUTC, fields confirmed.' })
  receipt!: Record<string, unknown> | null;
}

@ObjectType()
export class SyncOverview {
  @Field(() => Int, { description: 'Accepted changes not yet in Xero.' }) queueDepth!: number;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) oldestPendingAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => Int) failedCount!: number;
  @Field(() => XeroApiHeadroom, { nullable: true }) apiHeadroom!: XeroApiHeadroom | null;
}

@ObjectType()
export class FailedSync {
  @Field(() => Supplier) supplier!: Supplier;
  @Field(() => String, { description: 'Why: Xero’s message, or Vouch’s (see errorSource).' }) error!: string;
  @Field(() => SyncErrorSource, { description: 'Who said `error`: Xero refused the change, or Vouch found a problem (e.g. the read-back differed).' })
  errorSource!: SyncErrorSource;
  @Field(() => GraphQLDateTimeISO) failedAt!: Date;
}

@ObjectType()
export class SyncUpdate {
  @Field(() => [ID]) supplierIds!: string[];
  @Field(() => SyncOverview) overview!: SyncOverview;
  @Field(() => [Supplier], { description: 'The suppliers whose sync status moved, with their current status.' })
  suppliers!: Supplier[];
}

/** Rows written before the source was recorded: Vouch's own texts are recognised; the rest came from Xero. */
const VOUCH_TEXTS = /^(After the write Xero holds different values|Xero did not return the contact|Waiting for Xero to be reconnected|Unexpected error)/;

export function errorSourceOf(entry: Pick<OutboxEntry, 'lastError' | 'lastErrorSource'>): SyncErrorSource {
  return entry.lastErrorSource ?? (entry.lastError && VOUCH_TEXTS.test(entry.lastError) ? SyncErrorSource.VOUCH : SyncErrorSource.XERO);
}

async function overview(ctx: GraphQLContext, organisationId: string): Promise<SyncOverview> {
  const em = ctx.services.em(organisationId);
  const [row] = await em.getConnection().execute<{ depth: string; oldest: Date | null; last: Date | null; failed: string }[]>(
    `select count(*) filter (where status in ('PENDING', 'SYNCING')) as depth,
            min(created_at) filter (where status in ('PENDING', 'SYNCING')) as oldest,
            max(synced_at) as last,
            count(*) filter (where status = 'FAILED') as failed
       from outbox_entries where organisation_id = ?`,
    [organisationId],
  );
  const connection = await em.findOne(XeroConnection, {});
  return {
    queueDepth: Number(row!.depth),
    // Raw rows carry timestamps as text: make them Dates for the DateTime scalar.
    oldestPendingAt: row!.oldest ? new Date(row!.oldest) : null,
    lastSuccessAt: row!.last ? new Date(row!.last) : null,
    failedCount: Number(row!.failed),
    apiHeadroom: connection?.rateLimit
      ? { minuteRemaining: connection.rateLimit.minRemaining, dayRemaining: connection.rateLimit.dayRemaining, appMinuteRemaining: connection.rateLimit.appMinRemaining, observedAt: new Date(connection.rateLimit.at) }
      : null,
  };
}

@Resolver(() => Supplier)
export class SupplierSyncResolver {
  @FieldResolver(() => SupplierSync, { nullable: true, description: 'The latest accepted change’s push to Xero.' })
  async sync(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<SupplierSync | null> {
    const entry = await ctx.em.findOne(OutboxEntry, { supplier: supplier.id, status: { $ne: OutboxStatus.SUPERSEDED } }, { orderBy: { sequence: 'desc' } });
    if (!entry) return null;
    const error = entry.status === OutboxStatus.SYNCED ? null : entry.lastError;
    return { status: entry.status, acceptedAt: entry.createdAt, syncedAt: entry.syncedAt, error, errorSource: error ? errorSourceOf(entry) : null, attempts: entry.attempts, receipt: entry.receipt };
  }
}

@Resolver()
export class SyncResolver {
  @Authorized()
  @Query(() => SyncOverview, { description: 'Outbound sync for your organisation: queue, age, last success, Xero headroom.' })
  async syncOverview(@Ctx() ctx: GraphQLContext): Promise<SyncOverview> {
    return await overview(ctx, requireViewer(ctx).organisationId);
  }

  @Authorized()
  @Query(() => [FailedSync], { description: 'Pushes Xero refused, with its message (the inbox).' })
  async failedSyncs(@Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<FailedSync[]> {
    const entries = await ctx.em.find(OutboxEntry, { status: OutboxStatus.FAILED }, { orderBy: { updatedAt: 'desc' }, limit: Math.min(Math.max(first, 1), 200), populate: ['supplier'] });
    return entries.map((e) => ({ supplier: e.supplier as Supplier, error: e.lastError ?? 'Failed', errorSource: errorSourceOf(e), failedAt: e.updatedAt }));
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => Supplier, { description: 'Sends a supplier’s approved details to Xero again, once the problem is fixed.' })
  async retrySupplierSync(@Arg('supplierId', () => ID) supplierId: string, @Ctx() ctx: GraphQLContext): Promise<Supplier> {
    const viewer = requireViewer(ctx);
    const supplier = await ctx.services.suppliers.get(ctx.em, supplierId);
    if (!supplier) throw new AppError('NOT_FOUND', 'SUPPLIER_NOT_FOUND', 'That supplier does not exist.');
    await ctx.services.push.retry(viewer.organisationId, supplier.id);
    return (await ctx.services.em(viewer.organisationId).findOneOrFail(Supplier, { id: supplier.id }));
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
    return { supplierIds: event.supplierIds, overview: await overview(ctx, viewer.organisationId), suppliers: await em.find(Supplier, { id: { $in: event.supplierIds } }) };
  }
}
