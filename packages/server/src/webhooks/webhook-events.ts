import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import { Organisation } from '../accounts/organisation.entity.js';
import { sameFieldValue } from '../suppliers/canonical-fields.js';
import type { Supplier } from '../suppliers/supplier.entity.js';
import { WebhookEvent } from './webhook-event.entity.js';

/**
 * The event catalogue: GraphQL enum value → wire name (the payload's `type`). docs/api.md shows each with an
 * example payload. Add a type here, in the docs, and at the place that records it.
 */
export const WEBHOOK_EVENT_NAMES = {
  SUPPLIER_CREATED: 'supplier.created',
  SUPPLIER_UPDATED: 'supplier.updated',
  SUPPLIER_BANK_DETAILS_CHANGED: 'supplier.bank_details.changed',
  CHANGE_REQUEST_SUBMITTED: 'change_request.submitted',
  CHANGE_REQUEST_ACCEPTED: 'change_request.accepted',
  CHANGE_REQUEST_REJECTED: 'change_request.rejected',
  XERO_SYNC_FAILED: 'xero.sync.failed',
  XERO_CONNECTION_NEEDS_RECONNECT: 'xero.connection.needs_reconnect',
} as const;

export enum WebhookEventType {
  SUPPLIER_CREATED = 'SUPPLIER_CREATED',
  SUPPLIER_UPDATED = 'SUPPLIER_UPDATED',
  SUPPLIER_BANK_DETAILS_CHANGED = 'SUPPLIER_BANK_DETAILS_CHANGED',
  CHANGE_REQUEST_SUBMITTED = 'CHANGE_REQUEST_SUBMITTED',
  CHANGE_REQUEST_ACCEPTED = 'CHANGE_REQUEST_ACCEPTED',
  CHANGE_REQUEST_REJECTED = 'CHANGE_REQUEST_REJECTED',
  XERO_SYNC_FAILED = 'XERO_SYNC_FAILED',
  XERO_CONNECTION_NEEDS_RECONNECT = 'XERO_CONNECTION_NEEDS_RECONNECT',
}
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'An event an endpoint can subscribe to; the payload’s `type` is the wire name given with each value.',
  valuesConfig: Object.fromEntries(Object.entries(WEBHOOK_EVENT_NAMES).map(([k, v]) => [k, { description: `\`${v}\`` }])),
});

export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[keyof typeof WEBHOOK_EVENT_NAMES];
/** Sent by "Send test event" to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_NAME = 'webhook.test';

export const wireName = (type: WebhookEventType): WebhookEventName => WEBHOOK_EVENT_NAMES[type];
export const enumOf = (name: string): WebhookEventType | null =>
  (Object.entries(WEBHOOK_EVENT_NAMES).find(([, v]) => v === name)?.[0] as WebhookEventType | undefined) ?? null;

export interface EventInput {
  organisationId: string;
  type: WebhookEventName | typeof TEST_EVENT_NAME;
  /** The supplier it concerns: one endpoint receives one supplier's events in the order they were recorded. */
  supplierId?: string | null;
  /** Bank numbers in full: each delivery masks them unless its endpoint has the bank grant. */
  data: Record<string, unknown>;
  targetEndpointId?: string | null;
}

/** The row, not yet persisted (bulk paths insert many at once). */
export function webhookEventEntity(em: EntityManager, input: EventInput): WebhookEvent {
  const event = new WebhookEvent();
  Object.assign(event, {
    organisation: em.getReference(Organisation, input.organisationId),
    type: input.type,
    supplierId: input.supplierId ?? null,
    data: { organisationId: input.organisationId, ...input.data },
    targetEndpointId: input.targetEndpointId ?? null,
  });
  return event;
}

/**
 * Records an outbound webhook event inside the caller's transaction (like recordAudit): it is written, and
 * fanned out to the subscribed endpoints by a trigger, exactly when the change that caused it commits — never
 * without it, never lost with it. Delivery starts once the transaction commits (NOTIFY).
 */
export function recordEvent(em: EntityManager, input: EventInput): WebhookEvent {
  const event = webhookEventEntity(em, input);
  em.persist(event);
  return event;
}

/** What an event says of a supplier: its details, whether its bank details are verified, and any payment hold. */
export function supplierPayload(supplier: Supplier): Record<string, unknown> {
  // paymentDetails is lazy: present only where the caller loaded it (bank changes always do).
  const paymentDetails = (supplier as { paymentDetails?: unknown }).paymentDetails ?? null;
  return {
    id: supplier.id,
    name: supplier.name,
    firstName: supplier.firstName,
    lastName: supplier.lastName,
    email: supplier.email,
    phones: supplier.phones,
    addresses: supplier.addresses,
    contactPersons: supplier.contactPersons,
    taxNumber: supplier.taxNumber,
    companyNumber: supplier.companyNumber,
    defaultCurrency: supplier.defaultCurrency,
    status: supplier.status,
    xeroContactId: supplier.xeroContactId,
    bankAccountDetails: supplier.bankAccountDetails,
    paymentDetails,
    verification: verificationPayload(supplier),
    paymentHold: holdPayload(supplier),
  };
}

export function verificationPayload(supplier: Supplier): Record<string, unknown> {
  const verified = Boolean(supplier.bankConfirmationId && supplier.bankDetailsVerifiedAt);
  return { verified, method: verified ? 'PHONE_CALLBACK' : null, verifiedAt: verified ? supplier.bankDetailsVerifiedAt!.toISOString() : null };
}

export function holdPayload(supplier: Supplier, now = new Date()): Record<string, unknown> {
  const until = supplier.paymentHoldUntil;
  return { active: Boolean(until && until > now), until: until ? until.toISOString() : null };
}

// ---------------------------------------------------------------- the business events, one helper per place

interface RequestLike {
  id: string;
  status: string;
  changesBankDetails: boolean;
  submittedAt: Date;
  decidedAt?: Date | null;
  rejectReason?: string | null;
  riskSignals?: { code: string; level: string }[];
}

function changeRequestPayload(request: RequestLike, supplier: { id: string; name: string }, decidedBy?: { id: string; name: string } | null) {
  return {
    changeRequest: {
      id: request.id,
      supplierId: supplier.id,
      status: request.status,
      changesBankDetails: request.changesBankDetails,
      submittedAt: request.submittedAt.toISOString(),
      decidedAt: request.decidedAt ? request.decidedAt.toISOString() : null,
      decidedBy: decidedBy ? { id: decidedBy.id, name: decidedBy.name } : null,
      rejectReason: request.rejectReason ?? null,
      // Codes and levels only: the messages name other suppliers and accounts.
      riskSignals: (request.riskSignals ?? []).map((r) => ({ code: r.code, level: r.level })),
    },
    supplier: { id: supplier.id, name: supplier.name },
  };
}

/** change_request.submitted / .rejected (acceptance: recordAcceptedChange). */
export function recordChangeRequestEvent(
  em: EntityManager,
  organisationId: string,
  type: typeof WEBHOOK_EVENT_NAMES.CHANGE_REQUEST_SUBMITTED | typeof WEBHOOK_EVENT_NAMES.CHANGE_REQUEST_REJECTED,
  request: RequestLike,
  supplier: { id: string; name: string },
  decidedBy?: { id: string; name: string } | null,
): void {
  recordEvent(em, { organisationId, type, supplierId: supplier.id, data: changeRequestPayload(request, supplier, decidedBy) });
}

/**
 * An accepted change: change_request.accepted, then supplier.updated (when any detail changed), then
 * supplier.bank_details.changed (when the bank details did) with their verification and payment hold.
 */
export function recordAcceptedChange(
  em: EntityManager,
  input: {
    organisationId: string;
    request: RequestLike;
    supplier: Supplier;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    decidedBy: { id: string; name: string };
  },
): void {
  const { organisationId, request, supplier, before, after } = input;
  recordEvent(em, {
    organisationId,
    type: WEBHOOK_EVENT_NAMES.CHANGE_REQUEST_ACCEPTED,
    supplierId: supplier.id,
    data: changeRequestPayload(request, supplier, input.decidedBy),
  });
  const changedFields = Object.keys(after).filter((f) => !sameFieldValue(f, before[f], after[f]));
  if (changedFields.length) {
    recordEvent(em, {
      organisationId,
      type: WEBHOOK_EVENT_NAMES.SUPPLIER_UPDATED,
      supplierId: supplier.id,
      data: { supplier: supplierPayload(supplier), changedFields, changeRequestId: request.id },
    });
  }
  if (request.changesBankDetails) {
    recordEvent(em, {
      organisationId,
      type: WEBHOOK_EVENT_NAMES.SUPPLIER_BANK_DETAILS_CHANGED,
      supplierId: supplier.id,
      data: {
        supplier: supplierPayload(supplier),
        previous: { bankAccountDetails: before.bankAccountDetails ?? null, paymentDetails: before.paymentDetails ?? null },
        changeRequestId: request.id,
        changedAt: (supplier.bankDetailsChangedAt ?? new Date()).toISOString(),
        verification: verificationPayload(supplier),
        paymentHold: holdPayload(supplier),
      },
    });
  }
}

/** supplier.created: added in Vouch, or found in Xero by a poll or webhook (not by the initial import). */
export function supplierCreatedEvent(em: EntityManager, organisationId: string, supplier: Supplier, source: 'VOUCH' | 'XERO'): WebhookEvent {
  return webhookEventEntity(em, {
    organisationId,
    type: WEBHOOK_EVENT_NAMES.SUPPLIER_CREATED,
    supplierId: supplier.id,
    data: { supplier: supplierPayload(supplier), source },
  });
}

/** xero.sync.failed: an accepted change Xero refused (or did not hold after the write). */
export function recordSyncFailed(em: EntityManager, organisationId: string, supplierId: string, reason: string, source: 'XERO' | 'VOUCH'): void {
  recordEvent(em, { organisationId, type: WEBHOOK_EVENT_NAMES.XERO_SYNC_FAILED, supplierId, data: { supplier: { id: supplierId }, reason, source } });
}

/** xero.connection.needs_reconnect: Xero stopped accepting Vouch's access; syncing waits for a reconnect. */
export function recordNeedsReconnect(em: EntityManager, organisationId: string, connection: { id: string; tenantId: string | null; reason: string }): void {
  recordEvent(em, {
    organisationId,
    type: WEBHOOK_EVENT_NAMES.XERO_CONNECTION_NEEDS_RECONNECT,
    data: { connection: { id: connection.id, tenantId: connection.tenantId, status: 'NEEDS_RECONNECT', reason: connection.reason } },
  });
}
