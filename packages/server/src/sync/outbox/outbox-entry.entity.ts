import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../../accounts/org-owned.entity.js';
import { Supplier } from '../../suppliers/supplier.entity.js';
import { OutboxStatus, SyncErrorSource } from './outbox-status.js';

export { OutboxStatus, SyncErrorSource };

/**
 * The intent to push an accepted change to Xero, written in the same transaction that applies it (a
 * transactional outbox). The outbound sync consumes it; the idempotency key makes retries safe.
 */
@Entity({ tableName: 'outbox_entries' })
@Index({ properties: ['status', 'id'] })
@Index({ properties: ['organisation', 'supplier', 'id'] })
@Unique({ properties: ['supplier', 'sequence'] })
export class OutboxEntry extends OrgOwnedEntity {
  @ManyToOne({ entity: () => Supplier, deleteRule: 'cascade' })
  supplier!: Rel<Supplier>;

  @Property({ type: 'uuid', nullable: true })
  changeRequestId: string | null = null;

  /** Monotonic per supplier: acceptance order. */
  @Property({ type: 'integer' })
  sequence!: number;

  /** The Xero-owned fields to write, as approved. */
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Unique()
  @Property({ type: 'string', length: 128 })
  idempotencyKey!: string;

  @Enum({ items: () => OutboxStatus, nativeEnumName: 'outbox_status' })
  status!: OutboxStatus;

  /** The Idempotency-Key of the Xero request this entry went out in; a retry re-sends exactly that request. */
  @Property({ type: 'string', length: 128, nullable: true })
  requestKey: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  lastError: string | null = null;

  /** Who wrote lastError: XERO (its own words, e.g. a validation message) or VOUCH (e.g. a read-back mismatch). */
  @Property({ type: 'string', length: 8, nullable: true })
  lastErrorSource: SyncErrorSource | null = null;

  @Property({ type: 'json', nullable: true })
  receipt: Opt<Record<string, unknown>> | null = null;

  @Property({ type: 'datetime', nullable: true })
  syncedAt: Date | null = null;
}
