import { createPubSub } from '@graphql-yoga/subscription';

export const TOPICS = {
  SUPPLIER_ADDED: 'SUPPLIER_ADDED',
  XERO_CONNECTION_UPDATED: 'XERO_CONNECTION_UPDATED',
  SYNC_UPDATED: 'SYNC_UPDATED',
} as const;

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

export type Events = {
  [TOPICS.SUPPLIER_ADDED]: [SupplierAddedEvent];
  [TOPICS.XERO_CONNECTION_UPDATED]: [XeroConnectionEvent];
  [TOPICS.SYNC_UPDATED]: [SyncUpdatedEvent];
};

export function createEventBus() {
  return createPubSub<Events>();
}

export type EventBus = ReturnType<typeof createEventBus>;
