import { registerEnumType } from 'type-graphql';

export enum OutboxStatus {
  PENDING = 'PENDING',
  SYNCING = 'SYNCING',
  SYNCED = 'SYNCED',
  FAILED = 'FAILED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(OutboxStatus, { name: 'SyncStatus' });

