import { createPubSub } from '@graphql-yoga/subscription';

export const TOPICS = {
  SUPPLIER_ADDED: 'SUPPLIER_ADDED',
} as const;

/** Events carry ids only; subscribers load rows through their own organisation-scoped EntityManager. */
export interface SupplierAddedEvent {
  organisationId: string;
  supplierId: string;
}

export type Events = {
  [TOPICS.SUPPLIER_ADDED]: [SupplierAddedEvent];
};

export function createEventBus() {
  return createPubSub<Events>();
}

export type EventBus = ReturnType<typeof createEventBus>;
