import type { Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';

/**
 * One event (the outbox): written by `recordEvent` in the transaction of the change that caused it, so it
 * exists exactly when the change does. A trigger fans it out, in that same transaction, into one delivery per
 * enabled endpoint of the organisation subscribed to its type (or to `targetEndpointId` only: test events).
 * Its id is the `webhook-id` every attempt and redelivery carries. `data` holds bank numbers in full; each
 * delivery masks them unless its endpoint has the bank grant. Rows go after 30 days (the sweep).
 */
@Entity({ tableName: 'webhook_events' })
@Index({ properties: ['organisation', 'id'] })
@Index({ properties: ['createdAt'] })
@Trigger({
  name: 'webhook_events_fan_out',
  timing: 'after',
  events: ['insert'],
  body: `insert into webhook_deliveries (id, organisation_id, event_id, endpoint_id, seq, ordering_key, status, attempts, next_attempt_at, created_at, updated_at)
    select gen_random_uuid(), new.organisation_id, new.id, e.id, new.seq, new.supplier_id, 'PENDING', 0, now(), now(), now()
      from webhook_endpoints e
     where e.organisation_id = new.organisation_id
       and case when new.target_endpoint_id is not null then e.id = new.target_endpoint_id
                else e.status = 'ENABLED' and new.type = any (e.event_types) end;
    return null;`,
})
export class WebhookEvent extends OrgOwnedEntity {
  /** The wire name, e.g. `supplier.bank_details.changed`. */
  @Property({ type: 'string', length: 64 })
  type!: string;

  /** The supplier it concerns: deliveries of one supplier's events reach an endpoint in this order. */
  @Property({ type: 'uuid', nullable: true })
  supplierId: string | null = null;

  /** Recording order (a database sequence): the order of delivery per endpoint and supplier. */
  @Property({ type: 'bigint', autoincrement: true })
  seq!: string & Opt;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  /** Test events go to this endpoint only, whatever it subscribes to. */
  @Property({ type: 'uuid', nullable: true })
  targetEndpointId: string | null = null;
}
