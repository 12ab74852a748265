import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { Supplier } from '../suppliers/supplier.entity.js';
import { XeroApiHeadroom } from '../xero/xero.types.js';
import { OutboxStatus, SyncErrorSource } from './outbox/outbox-status.js';

@ObjectType()
export class SupplierSync {
  @Field(() => OutboxStatus) status!: OutboxStatus;
  @Field(() => GraphQLDateTimeISO, { description: 'When the change was accepted.' }) acceptedAt!: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) syncedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the push has not gone through: Xero’s message, or Vouch’s (see errorSource).' }) error!:
    string | null;
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
