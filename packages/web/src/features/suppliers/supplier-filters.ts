import type { BankDetailsState, InviteStatus, SupplierFilterInput, SupplierSort, SyncStatus } from '../../gql/graphql';

/**
 * The Suppliers list's filters and order, kept in the address (so Back from a supplier returns to the same
 * list, and the home page can link straight to "Invite locked" or "On hold").
 */

/** An invite status, or one of the two views that are not a status: never invited, and expiring soon. */
export type InviteFilter = '' | 'NOT_INVITED' | 'EXPIRING' | InviteStatus;

/** name: A–Z (the default); recent: the latest change first. */
export type SortKey = 'name' | 'name-desc' | 'recent' | 'least-recent';

export interface SupplierFilters {
  search: string;
  invite: InviteFilter;
  bank: BankDetailsState | '';
  syncStatus: SyncStatus | '';
  awaitingReview: boolean;
  hasDrift: boolean;
  includeArchived: boolean;
  sort: SortKey;
}

export const INVITE_STATUSES: readonly InviteStatus[] = ['SENT', 'OPENED', 'VERIFIED', 'SUBMITTED', 'EXPIRED', 'REVOKED', 'LOCKED'];
/** A supplier's latest push is never SUPERSEDED (that only names an entry a later one replaced). */
export const SYNC_STATUSES: readonly SyncStatus[] = ['PENDING', 'SYNCING', 'SYNCED', 'FAILED'];
export const BANK_STATES: readonly BankDetailsState[] = ['NONE', 'NOT_CONFIRMED', 'VERIFIED', 'CHANGED', 'ON_HOLD'];
const INVITE_FILTERS: readonly string[] = ['NOT_INVITED', 'EXPIRING', ...INVITE_STATUSES];
const SORTS: readonly SortKey[] = ['name', 'name-desc', 'recent', 'least-recent'];

const pick = <T extends string>(value: string | null, allowed: readonly string[]): T | '' => (value && allowed.includes(value) ? (value as T) : '');

export function readFilters(search: string): SupplierFilters {
  const params = new URLSearchParams(search);
  return {
    search: params.get('q') ?? '',
    invite: pick<InviteFilter>(params.get('invite'), INVITE_FILTERS),
    bank: pick<BankDetailsState>(params.get('bank'), BANK_STATES),
    syncStatus: pick<SyncStatus>(params.get('sync'), SYNC_STATUSES),
    awaitingReview: params.get('review') === '1',
    hasDrift: params.get('drift') === '1',
    includeArchived: params.get('archived') === '1',
    sort: pick<SortKey>(params.get('sort'), SORTS) || 'name',
  };
}

export function writeFilters(filters: SupplierFilters): string {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set('q', filters.search.trim());
  if (filters.invite) params.set('invite', filters.invite);
  if (filters.bank) params.set('bank', filters.bank);
  if (filters.syncStatus) params.set('sync', filters.syncStatus);
  if (filters.awaitingReview) params.set('review', '1');
  if (filters.hasDrift) params.set('drift', '1');
  if (filters.includeArchived) params.set('archived', '1');
  if (filters.sort !== 'name') params.set('sort', filters.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether anything narrows the list (the order and "show archived" do not). */
export function isFiltered(filters: SupplierFilters): boolean {
  return writeFilters({ ...filters, includeArchived: false, sort: 'name' }) !== '';
}

const SORT_VARIABLES: Record<SortKey, SupplierSort> = {
  name: 'NAME_ASC',
  'name-desc': 'NAME_DESC',
  recent: 'LAST_ACTIVITY_NEWEST',
  'least-recent': 'LAST_ACTIVITY_OLDEST',
};

/** Which suppliers, as the API's filter (also what "invite everyone matching" sends). Unset filters are left out. */
export function filterInput(filters: SupplierFilters): SupplierFilterInput {
  const { invite } = filters;
  return {
    search: filters.search.trim() || null,
    includeArchived: filters.includeArchived,
    inviteStatus: invite && invite !== 'NOT_INVITED' && invite !== 'EXPIRING' ? invite : null,
    notInvited: invite === 'NOT_INVITED' ? true : null,
    inviteExpiringSoon: invite === 'EXPIRING' ? true : null,
    bankState: filters.bank || null,
    syncStatus: filters.syncStatus || null,
    // false would mean "only those without".
    awaitingReview: filters.awaitingReview ? true : null,
    hasDrift: filters.hasDrift ? true : null,
  };
}

/** The list query's variables: the filter, and the order. */
export function filterVariables(filters: SupplierFilters) {
  return { ...filterInput(filters), includeArchived: filters.includeArchived, sort: SORT_VARIABLES[filters.sort] };
}

export type SortColumn = 'name' | 'lastChange';

/** Clicking a column header: its natural order first (A–Z; newest change first), then the reverse. */
export function nextSort(current: SortKey, column: SortColumn): SortKey {
  if (column === 'name') return current === 'name' ? 'name-desc' : 'name';
  return current === 'recent' ? 'least-recent' : 'recent';
}

/** aria-sort for a column header. */
export function ariaSort(current: SortKey, column: SortColumn): 'ascending' | 'descending' | undefined {
  if (column === 'name') return current === 'name' ? 'ascending' : current === 'name-desc' ? 'descending' : undefined;
  return current === 'recent' ? 'descending' : current === 'least-recent' ? 'ascending' : undefined;
}
