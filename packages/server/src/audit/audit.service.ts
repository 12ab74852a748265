import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../accounts/organisation.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { AuditEvent } from './audit-event.entity.js';

export type Actor =
  | { type: 'USER'; id: string; label: string }
  | { type: 'SUPPLIER'; id?: string; label: string }
  | { type: 'XERO'; label?: string }
  | { type: 'SYSTEM'; label?: string };

const BANK_KEYS = /account|iban|sort|bsb|routing|bank|bic/i;

/** Keeps the last 4 characters of anything that looks like a bank number. */
export function maskValue(value: string): string {
  const compact = value.replace(/\s+/g, '');
  return compact.length <= 4 ? '••••' : `•••• ${compact.slice(-4)}`;
}

/** Deep copy with bank numbers masked (keys naming account numbers, IBANs, sort codes, BSBs, routing numbers). */
export function maskBankDetails(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => maskBankDetails(v, key));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskBankDetails(v, k)]));
  }
  if (typeof value === 'string' && BANK_KEYS.test(key) && !/name|holder|country|bic/i.test(key)) return maskValue(value);
  return value;
}

export interface AuditInput {
  organisationId: string;
  supplierId: string;
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
    supplier: em.getReference(Supplier, input.supplierId),
    actorType: input.actor.type,
    actorId: 'id' in input.actor ? (input.actor.id ?? null) : null,
    actorLabel: input.actor.label ?? (input.actor.type === 'XERO' ? 'Xero' : 'Vouch'),
    kind: input.kind,
    summary: input.summary.slice(0, 500),
    before: input.before ? (maskBankDetails(input.before) as Record<string, unknown>) : null,
    after: input.after ? (maskBankDetails(input.after) as Record<string, unknown>) : null,
  });
  return event;
}

/** Appends to a supplier's audit trail, inside the caller's transaction when there is one. */
export function recordAudit(em: EntityManager, input: AuditInput): AuditEvent {
  const event = auditEntity(em, input);
  em.persist(event);
  return event;
}
