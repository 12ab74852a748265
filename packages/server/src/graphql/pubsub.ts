import { createPubSub } from '@graphql-yoga/subscription';

export const TOPICS = {
  SUPPLIER_ADDED: 'SUPPLIER_ADDED',
  XERO_CONNECTION_UPDATED: 'XERO_CONNECTION_UPDATED',
  SYNC_UPDATED: 'SYNC_UPDATED',
  /** Sent by refreshSupplierFlags, at commit: an organisation's derived supplier flags (and so its Attention counts) moved. */
  ATTENTION_CHANGED: 'ATTENTION_CHANGED',
  /** Sent by a database trigger (webhook_deliveries insert), at commit: wake that endpoint's delivery. */
  WEBHOOK_DELIVERIES_DUE: 'WEBHOOK_DELIVERIES_DUE',
  /** Sent by database triggers (sessions, api_keys, users), at commit: open websockets of that credential close. */
  CREDENTIALS_REVOKED: 'CREDENTIALS_REVOKED',
} as const;

/** One of: a session ended (signed out, revoked, expired early), an API key revoked, a user removed or re-roled. */
export interface CredentialsRevokedEvent {
  sessionId?: string;
  apiKeyId?: string;
  userId?: string;
}

/** Outbound sync moved for these suppliers (status, receipt or failure). */
export interface SyncUpdatedEvent {
  organisationId: string;
  supplierIds: string[];
}

export interface XeroConnectionEvent {
  organisationId: string;
  connectionId: string;
}

/** Events carry ids only; subscribers load rows through their own organisation-scoped EntityManager. */
export interface SupplierAddedEvent {
  organisationId: string;
  supplierId: string;
}

export interface AttentionChangedEvent {
  organisationId: string;
}

export type Events = {
  [TOPICS.SUPPLIER_ADDED]: [SupplierAddedEvent];
  [TOPICS.XERO_CONNECTION_UPDATED]: [XeroConnectionEvent];
  [TOPICS.SYNC_UPDATED]: [SyncUpdatedEvent];
  [TOPICS.ATTENTION_CHANGED]: [AttentionChangedEvent];
  [TOPICS.WEBHOOK_DELIVERIES_DUE]: [{ endpointId: string }];
  [TOPICS.CREDENTIALS_REVOKED]: [CredentialsRevokedEvent];
};

export function createEventBus() {
  return createPubSub<Events>();
}

export type EventBus = ReturnType<typeof createEventBus>;
