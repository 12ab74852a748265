import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';

export enum WebhookEndpointStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookEndpointStatus, {
  name: 'WebhookEndpointStatus',
  description: 'DISABLED: nothing is sent (by an admin, or automatically after failing for 24 hours); deliveries wait.',
});

/**
 * Where an organisation's third-party tool receives events. The signing secret is sealed at rest (AES-256-GCM,
 * the token keys) because every delivery must sign with it; it is shown to the admin once. Never an
 * @ObjectType: the GraphQL type is built field by field in the resolver.
 */
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpoint extends OrgOwnedEntity {
  @Property({ type: 'string', length: 2048 })
  url!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  description: string | null = null;

  /** Wire names (`supplier.bank_details.changed`…) this endpoint subscribes to. */
  @Property({ type: 'array', columnType: 'text[]' })
  eventTypes!: string[];

  /** `whsec_…` sealed with the token keys. */
  @Property({ type: 'text' })
  sealedSecret!: string;

  /**
   * After a rotation, the secret before it (sealed), still signing beside the new one until
   * previousSecretUntil: receivers switch without missing a delivery (Standard Webhooks' several signatures).
   */
  @Property({ type: 'text', nullable: true })
  previousSealedSecret: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  previousSecretUntil: Date | null = null;

  /** Without it, bank numbers in payloads are masked (common/bank-masking.ts). */
  @Property({ type: 'boolean', default: false })
  canReadBankDetails: boolean & Opt = false;

  @Enum({ items: () => WebhookEndpointStatus, nativeEnumName: 'webhook_endpoint_status', default: WebhookEndpointStatus.ENABLED })
  status: WebhookEndpointStatus & Opt = WebhookEndpointStatus.ENABLED;

  @Property({ type: 'string', length: 300, nullable: true })
  disabledReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  /** The first failed attempt since the last success; an endpoint failing for long enough is disabled. */
  @Property({ type: 'datetime', nullable: true })
  failingSince: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastSuccessAt: Date | null = null;

  @Property({ type: 'uuid' })
  createdBy!: string;
}
