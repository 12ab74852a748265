import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';

export enum OAuthAttemptStatus {
  STARTED = 'STARTED',
  AWAITING_CHOICE = 'AWAITING_CHOICE',
  CONFIRMED = 'CONFIRMED',
  FAILED = 'FAILED',
}

export interface GrantedTenant {
  tenantId: string;
  tenantName: string;
  tenantType: string;
  connectionId: string;
}

/**
 * One "Connect to Xero" attempt: its state (hash only), bound to the buyer's session, single use and short
 * lived. After the callback it holds the sealed token set and the granted tenants until the buyer picks one.
 */
@Entity({ tableName: 'xero_oauth_attempts' })
export class XeroOAuthAttempt extends OrgOwnedEntity {
  @Unique()
  @Property({ type: 'string', length: 64 })
  stateHash!: string;

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => OAuthAttemptStatus, nativeEnumName: 'xero_oauth_attempt_status' })
  status!: OAuthAttemptStatus;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  callbackAt: Date | null = null;

  @Property({ type: 'text', nullable: true, lazy: true })
  tokenSet: string | null = null;

  @Property({ type: 'json', nullable: true })
  tenants: GrantedTenant[] | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  error: string | null = null;

  @Property({ type: 'boolean', default: false })
  reconnect: boolean & Opt = false;

  /** The web origin the buyer started from (their browser's Origin), to explain a callback that lost its session. */
  @Property({ type: 'string', length: 300, nullable: true })
  startedOrigin: string | null = null;
}
