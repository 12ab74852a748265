import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { uuidv7 } from '../common/ids.js';

/** Per-tenant limiter state shared by every server instance (see rate-limiter.ts). */
@Entity({ tableName: 'xero_rate_limits' })
export class XeroRateLimitState {
  @PrimaryKey({ type: 'string', length: 64 })
  tenantId!: string;

  @Property({ type: 'datetime', nullable: true })
  dayWindowStart: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  dayCount: number & Opt = 0;

  /** Token bucket smoothing the minute limit: a short burst, then one call per (60 / perMinute) s. */
  @Property({ type: 'double', nullable: true })
  tokens: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  tokensAt: Date | null = null;

  /** No call before this (a 429's Retry-After, or a remaining count of 0). */
  @Property({ type: 'datetime', nullable: true })
  blockedUntil: Date | null = null;

  /** An interactive call is waiting for shared budget until about then: bulk calls stand back. */
  @Property({ type: 'datetime', nullable: true })
  interactiveWaitingUntil: Date | null = null;

  /** When the last bulk call started (bulk pacing while interactive calls flow). */
  @Property({ type: 'datetime', nullable: true })
  bulkAt: Date | null = null;
}

/** Calls started per second across every tenant: the app-wide minute limit (Xero: 10,000) is their sum. */
@Entity({ tableName: 'xero_app_calls' })
export class XeroAppCalls {
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  second!: string;

  @Property({ type: 'integer' })
  calls!: number;
}

/** One row per Xero call started: the minute limit is a sliding count; a lease (expiresAt) bounds concurrency. */
@Entity({ tableName: 'xero_calls' })
@Index({ properties: ['tenantId', 'startedAt'] })
export class XeroCall {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'string', length: 64 })
  tenantId!: string;

  /**
   * When the call counts in Xero's sliding minute from: its start while in flight, the moment its answer arrived
   * once finished (Xero counted it no later; see WINDOW_MARGIN_MS in xero-rate-limiter.ts).
   */
  @Property({ type: 'datetime' })
  startedAt!: Date;

  /** While in flight: when the lease lapses if the caller died. Null once finished. */
  @Property({ type: 'datetime', nullable: true })
  leaseUntil: Date | null = null;

  /** INTERACTIVE or BULK (see rate-limiter.ts). */
  @Property({ type: 'string', length: 12, default: 'INTERACTIVE' })
  lane!: string & Opt;
}
