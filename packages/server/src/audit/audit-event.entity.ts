import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';

/**
 * Append-only history of a supplier (import, drift seen, invite events, submission, decision, sync result) and
 * of the organisation (team and account security events, with no supplier).
 * Rows are never updated or deleted (a database trigger refuses it). Bank numbers are masked before storing.
 */
@Entity({ tableName: 'audit_events' })
@Trigger({
  name: 'audit_events_append_only',
  timing: 'before',
  events: ['update', 'delete'],
  // Cascades from a deleted organisation or supplier (nested trigger depth) are the only way rows go.
  body: `if tg_op = 'DELETE' and pg_trigger_depth() > 1 then return old; end if; raise exception 'audit_events is append-only';`,
})
// Each supplier row carries its latest event, for the list's "Last change" column and sort. Imports set it when
// they create the supplier, so the trigger skips their events (an import writes 1,000 at a time).
@Trigger({
  name: 'audit_events_supplier_activity',
  timing: 'after',
  events: ['insert'],
  // Written as PostgreSQL prints it back, so the schema diff sees no change.
  when: `((new.supplier_id IS NOT NULL) AND ((new.kind)::text <> 'SUPPLIER_IMPORTED'::text))`,
  body: `update suppliers set last_activity_at = new.created_at, last_activity = new.kind where id = new.supplier_id and last_activity_at <= new.created_at; return null;`,
})
@Index({ properties: ['organisation', 'supplier', 'id'] })
// The organisation's audit log pages by id, newest first.
@Index({ properties: ['organisation', 'id'] })
export class AuditEvent extends OrgOwnedEntity {
  /** Null for organisation events (team, account security) that concern no one supplier. */
  @ManyToOne({ entity: () => Supplier, deleteRule: 'cascade', nullable: true })
  supplier: Rel<Supplier> | null = null;

  /** USER, SUPPLIER, XERO or SYSTEM. */
  @Property({ type: 'string', length: 16 })
  actorType!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 255 })
  actorLabel!: string;

  /** e.g. SUPPLIER_IMPORTED, DRIFT_SEEN, INVITE_SENT, CODE_VERIFIED, CHANGE_SUBMITTED, CHANGE_ACCEPTED. */
  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Property({ type: 'string', length: 500 })
  summary!: string;

  @Property({ type: 'json', nullable: true })
  before: Record<string, unknown> | null = null;

  @Property({ type: 'json', nullable: true })
  after: Record<string, unknown> | null = null;
}
