import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../accounts/organisation.entity.js';
import { maskBankRecord } from '../common/bank-masking.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { AuditEvent } from './audit-event.entity.js';

export type Actor =
  | { type: 'USER'; id: string; label: string }
  | { type: 'SUPPLIER'; id?: string; label: string }
  | { type: 'XERO'; label?: string }
  | { type: 'SYSTEM'; label?: string };

/** Masking lives in common/bank-masking.ts; these names stay for callers that import them from here. */
export { maskBankDetails, maskBankText as maskValue } from '../common/bank-masking.js';

export interface AuditInput {
  organisationId: string;
  /** Omit (or null) for an organisation event that concerns no one supplier. */
  supplierId?: string | null;
  actor: Actor;
  kind: string;
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The row, not yet persisted (bulk paths insert many at once). */
export function auditEntity(em: EntityManager, input: AuditInput): AuditEvent {
  const event = new AuditEvent();
  Object.assign(event, {
    organisation: em.getReference(Organisation, input.organisationId),
    supplier: input.supplierId ? em.getReference(Supplier, input.supplierId) : null,
    actorType: input.actor.type,
    actorId: 'id' in input.actor ? (input.actor.id ?? null) : null,
    actorLabel: input.actor.label ?? (input.actor.type === 'XERO' ? 'Xero' : 'Vouch'),
    kind: input.kind,
    summary: input.summary.slice(0, 500),
    // Stored masked, whoever the caller: the table is append-only, so a full number written here stays.
    before: maskBankRecord(input.before),
    after: maskBankRecord(input.after),
  });
  return event;
}

/** Appends to a supplier's (or the organisation's) audit trail, inside the caller's transaction when there is one. */
export function recordAudit(em: EntityManager, input: AuditInput): AuditEvent {
  const event = auditEntity(em, input);
  em.persist(event);
  return event;
}
