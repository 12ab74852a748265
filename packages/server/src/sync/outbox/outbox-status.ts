import { registerEnumType } from 'type-graphql';

export enum OutboxStatus {
  PENDING = 'PENDING',
  SYNCING = 'SYNCING',
  SYNCED = 'SYNCED',
  FAILED = 'FAILED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(OutboxStatus, { name: 'SyncStatus' });

/** Who said what `lastError` says: Xero's own message, or Vouch's (a read-back mismatch, Xero unreachable…). */
export enum SyncErrorSource {
  XERO = 'XERO',
  VOUCH = 'VOUCH',
}
registerEnumType(SyncErrorSource, {
  name: 'SyncErrorSource',
  description: 'XERO: Xero’s own words (e.g. a validation message). VOUCH: Vouch’s (e.g. the read-back found different values).',
});
