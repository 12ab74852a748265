import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';

export enum XeroConnectionStatus {
  CONNECTED = 'CONNECTED',
  NEEDS_RECONNECT = 'NEEDS_RECONNECT',
  DISCONNECTED = 'DISCONNECTED',
}
registerEnumType(XeroConnectionStatus, { name: 'XeroConnectionStatus' });

export enum ImportStatus {
  NOT_STARTED = 'NOT_STARTED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, { name: 'ImportStatus' });

export interface ImportProgressData {
  pages: number;
  seen: number;
  created: number;
  skipped: number;
  archived: number;
  /** ISO time the import first started; the first poll's cursor starts there. */
  startedAt?: string;
}

export interface RateLimitSnapshot {
  minRemaining: number | null;
  dayRemaining: number | null;
  appMinRemaining: number | null;
  at: string;
}

/**
 * One per organisation, for good: once confirmed, tenantId never changes (reconnecting must pick the same
 * Xero organisation). Holds the encrypted token set; never a GraphQL type (see XeroConnectionType).
 */
@Entity({ tableName: 'xero_connections' })
@Unique({ properties: ['organisation'] })
@Index({ properties: ['nextPollAt'] })
export class XeroConnection extends OrgOwnedEntity {
  @Property({ type: 'string', length: 64 })
  tenantId!: string;

  @Property({ type: 'string', length: 255 })
  tenantName!: string;

  /** Xero's connection id (for DELETE /connections/{id}); changes on reconnect. */
  @Property({ type: 'string', length: 64, nullable: true })
  xeroConnectionId: string | null = null;

  @Enum({ items: () => XeroConnectionStatus, nativeEnumName: 'xero_connection_status' })
  status!: XeroConnectionStatus;

  /** AES-256-GCM sealed token set JSON (see TokenCrypto); null once disconnected. */
  @Property({ type: 'text', nullable: true, lazy: true })
  tokenSet: string | null = null;

  /** Bumped on every token write, for optimistic checks. */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  accessTokenExpiresAt: Date | null = null;

  /** The refresh token we replaced last, kept (sealed) for Xero's 30-minute grace after a lost response. */
  @Property({ type: 'text', nullable: true, lazy: true })
  previousRefreshToken: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  previousRefreshTokenAt: Date | null = null;

  /** High-water mark of Xero UpdatedDateUTC seen; polls ask If-Modified-Since this minus an overlap. */
  @Property({ type: 'datetime', nullable: true })
  pollCursor: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastPollAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastSuccessfulPollAt: Date | null = null;

  /** When the next poll is due; the poll sweep (sync/poll-sweeper.ts) claims connections due by now. */
  @Property({ type: 'datetime', nullable: true })
  nextPollAt: Date | null = null;

  /** The server instance polling this connection now, and until when its claim holds (renewed while it runs). */
  @Property({ type: 'uuid', nullable: true })
  pollClaimedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  pollClaimedUntil: Date | null = null;

  /** A poll asked for now (a person, a reconnect) that no poll begun since has served. */
  @Property({ type: 'datetime', nullable: true })
  pollRequestedAt: Date | null = null;

  /** Last sweep for contacts that became suppliers (a flag flip does not bump UpdatedDateUTC). */
  @Property({ type: 'datetime', nullable: true })
  lastSupplierSweepAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError: string | null = null;

  @Enum({ items: () => ImportStatus, nativeEnumName: 'xero_import_status', default: ImportStatus.NOT_STARTED })
  importStatus: ImportStatus & Opt = ImportStatus.NOT_STARTED;

  @Property({ type: 'json', nullable: true })
  importProgress: ImportProgressData | null = null;

  @Property({ type: 'json', nullable: true })
  rateLimit: RateLimitSnapshot | null = null;

  @Property({ type: 'datetime' })
  connectedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  disconnectedAt: Date | null = null;
}
