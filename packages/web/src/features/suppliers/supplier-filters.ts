import type { InviteStatus, SyncStatus } from '../../gql/graphql';

/** The Suppliers list filters, kept in the address (so Back from a supplier returns to the same list). */
export interface SupplierFilters {
  search: string;
  inviteStatus: InviteStatus | '';
  syncStatus: SyncStatus | '';
  awaitingReview: boolean;
  hasDrift: boolean;
  includeArchived: boolean;
}

const INVITE_STATUSES: readonly InviteStatus[] = ['SENT', 'OPENED', 'VERIFIED', 'SUBMITTED', 'EXPIRED', 'REVOKED', 'LOCKED'];
const SYNC_STATUSES: readonly SyncStatus[] = ['PENDING', 'SYNCING', 'SYNCED', 'FAILED', 'SUPERSEDED'];

export function readFilters(search: string): SupplierFilters {
  const params = new URLSearchParams(search);
  const invite = params.get('invite') ?? '';
  const sync = params.get('sync') ?? '';
  return {
    search: params.get('q') ?? '',
    inviteStatus: (INVITE_STATUSES as readonly string[]).includes(invite) ? (invite as InviteStatus) : '',
    syncStatus: (SYNC_STATUSES as readonly string[]).includes(sync) ? (sync as SyncStatus) : '',
    awaitingReview: params.get('review') === '1',
    hasDrift: params.get('drift') === '1',
    includeArchived: params.get('archived') === '1',
  };
}

export function writeFilters(filters: SupplierFilters): string {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set('q', filters.search.trim());
  if (filters.inviteStatus) params.set('invite', filters.inviteStatus);
  if (filters.syncStatus) params.set('sync', filters.syncStatus);
  if (filters.awaitingReview) params.set('review', '1');
  if (filters.hasDrift) params.set('drift', '1');
  if (filters.includeArchived) params.set('archived', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function isFiltered(filters: SupplierFilters): boolean {
  return writeFilters({ ...filters, includeArchived: false }) !== '';
}

/** Query variables: unset filters are left out (false would mean "only those without"). */
export function filterVariables(filters: SupplierFilters) {
  return {
    search: filters.search.trim() || null,
    inviteStatus: filters.inviteStatus || null,
    syncStatus: filters.syncStatus || null,
    awaitingReview: filters.awaitingReview ? true : null,
    hasDrift: filters.hasDrift ? true : null,
    includeArchived: filters.includeArchived,
  };
}

export { INVITE_STATUSES, SYNC_STATUSES };
