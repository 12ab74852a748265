import type { EntityManager } from '@mikro-orm/postgresql';
import type { Supplier } from '../../suppliers/supplier.entity.js';
import { XeroConnection } from '../../xero/xero-connection.entity.js';
import type { FailedSync, SupplierSync, SyncOverview } from '../sync.types.js';
import { OutboxEntry } from './outbox-entry.entity.js';
import { OutboxStatus, SyncErrorSource } from './outbox-status.js';

/** Rows written before the source was recorded: Vouch's own texts are recognised; the rest came from Xero. */
const VOUCH_TEXTS = /^(After the write Xero holds different values|Xero did not return the contact|Waiting for Xero to be reconnected|Unexpected error)/;

export function errorSourceOf(entry: Pick<OutboxEntry, 'lastError' | 'lastErrorSource'>): SyncErrorSource {
  return entry.lastErrorSource ?? (entry.lastError && VOUCH_TEXTS.test(entry.lastError) ? SyncErrorSource.VOUCH : SyncErrorSource.XERO);
}

/** What the outbox says about outbound sync, for the Sync page, the inbox and each supplier (reads only). */
export class OutboxService {
  /** Queue depth and age, last success, failures and Xero's headroom, for one organisation. */
  async overview(em: EntityManager, organisationId: string): Promise<SyncOverview> {
    const [row] = await em.getConnection().execute<{ depth: string; oldest: Date | null; last: Date | null; failed: string }[]>(
      `select count(*) filter (where status in ('PENDING', 'SYNCING')) as depth,
              min(created_at) filter (where status in ('PENDING', 'SYNCING')) as oldest,
              max(synced_at) as last,
              count(*) filter (where status = 'FAILED') as failed
         from outbox_entries where organisation_id = ?`,
      [organisationId],
    );
    const connection = await em.findOne(XeroConnection, {});
    return {
      queueDepth: Number(row!.depth),
      // Raw rows carry timestamps as text: make them Dates for the DateTime scalar.
      oldestPendingAt: row!.oldest ? new Date(row!.oldest) : null,
      lastSuccessAt: row!.last ? new Date(row!.last) : null,
      failedCount: Number(row!.failed),
      apiHeadroom: connection?.rateLimit
        ? {
            minuteRemaining: connection.rateLimit.minRemaining,
            dayRemaining: connection.rateLimit.dayRemaining,
            appMinuteRemaining: connection.rateLimit.appMinRemaining,
            observedAt: new Date(connection.rateLimit.at),
          }
        : null,
    };
  }

  /** Pushes Xero refused (or Vouch found wrong), most recent first: the inbox. */
  async failed(em: EntityManager, first: number): Promise<FailedSync[]> {
    const entries = await em.find(
      OutboxEntry,
      { status: OutboxStatus.FAILED },
      { orderBy: { updatedAt: 'desc' }, limit: Math.min(Math.max(first, 1), 200), populate: ['supplier'] },
    );
    return entries.map((e) => ({ supplier: e.supplier as Supplier, error: e.lastError ?? 'Failed', errorSource: errorSourceOf(e), failedAt: e.updatedAt }));
  }

  /** The supplier's latest accepted change and how its push went (null: nothing was ever accepted). */
  async latest(em: EntityManager, supplierId: string): Promise<SupplierSync | null> {
    const entry = await em.findOne(OutboxEntry, { supplier: supplierId, status: { $ne: OutboxStatus.SUPERSEDED } }, { orderBy: { sequence: 'desc' } });
    if (!entry) return null;
    const error = entry.status === OutboxStatus.SYNCED ? null : entry.lastError;
    return {
      status: entry.status,
      acceptedAt: entry.createdAt,
      syncedAt: entry.syncedAt,
      error,
      errorSource: error ? errorSourceOf(entry) : null,
      attempts: entry.attempts,
      receipt: entry.receipt,
    };
  }
}
