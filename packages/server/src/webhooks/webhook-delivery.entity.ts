import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookEvent } from './webhook-event.entity.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERING = 'DELIVERING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING: waiting for its first attempt or its next retry. DELIVERING: an attempt is under way. FAILED: every retry failed (redeliver it by hand).',
});

/**
 * One event for one endpoint: the unit of delivery, retry and the delivery log. Created by the fan-out trigger
 * of webhook_events (or by a redelivery). Inserting one wakes the delivery workers of every instance (NOTIFY,
 * sent at commit). A DELIVERING row is a lease: past `leaseUntil` its worker is presumed dead and it is retried.
 */
@Entity({ tableName: 'webhook_deliveries' })
@Index({ properties: ['endpoint', 'seq'] })
@Index({
  name: 'webhook_deliveries_due_idx',
  expression: `create index "webhook_deliveries_due_idx" on "webhook_deliveries" ("endpoint_id", "seq") where "status" in ('PENDING', 'DELIVERING')`,
})
@Index({
  name: 'webhook_deliveries_ordering_idx',
  expression: `create index "webhook_deliveries_ordering_idx" on "webhook_deliveries" ("endpoint_id", "ordering_key", "seq") where "status" in ('PENDING', 'DELIVERING')`,
})
@Trigger({
  name: 'webhook_deliveries_wake',
  timing: 'after',
  events: ['insert'],
  body: `perform pg_notify('vouch_events', json_build_object('topic', 'WEBHOOK_DELIVERIES_DUE', 'payload', json_build_object('endpointId', new.endpoint_id))::text);
    return null;`,
})
export class WebhookDelivery extends OrgOwnedEntity {
  @ManyToOne({ entity: () => WebhookEvent, deleteRule: 'cascade' })
  event!: Rel<WebhookEvent>;

  @ManyToOne({ entity: () => WebhookEndpoint, deleteRule: 'cascade' })
  endpoint!: Rel<WebhookEndpoint>;

  /** The event's recording order. */
  @Property({ type: 'bigint' })
  seq!: string;

  /** The supplier: an endpoint gets one supplier's events one at a time, in order. Null: unordered. */
  @Property({ type: 'uuid', nullable: true })
  orderingKey: string | null = null;

  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status' })
  status!: WebhookDeliveryStatus;

  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  @Property({ type: 'datetime' })
  nextAttemptAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt: Date | null = null;

  /** The receiver's HTTP status on the last attempt (null: no answer — refused, timed out…). */
  @Property({ type: 'integer', nullable: true })
  responseStatus: number | null = null;

  /** The first characters of the receiver's answer (at most 4 KiB is ever read). */
  @Property({ type: 'string', length: 1024, nullable: true })
  responseBody: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError: string | null = null;

  @Property({ type: 'integer', nullable: true })
  durationMs: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;

  /** Set on a redelivery made by hand: the delivery it repeats. */
  @Property({ type: 'uuid', nullable: true })
  redeliveryOf: string | null = null;
}
