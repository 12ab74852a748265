import { RetryAlert } from '../../components/RetryAlert';
import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { isSessionExpired } from '../../app/session-expiry';
import { Link, useRouter } from '../../app/router';
import { useDebouncedValue } from '../../app/useDebouncedValue';
import { graphql } from '../../gql';
import type { SupplierListQuery as SupplierListData } from '../../gql/graphql';
import type { CurrentUser } from '../accounts/current-user';
import { BulkInvite } from '../invites/BulkInvite';
import { useSyncUpdated } from '../sync/sync-documents';
import { syncStatusLabel } from '../sync/sync-text';
import { INVITE_STATUS_LABELS } from '../invites/invite-status';
import { useAttentionUpdated } from '../../app/attention';
import { BANK_STATE_LABELS, withCount } from './supplier-columns';
import {
  BANK_STATES,
  filterInput,
  filterVariables,
  INVITE_STATUSES,
  isFiltered,
  readFilters,
  SYNC_STATUSES,
  writeFilters,
  type SortKey,
  type SupplierFilters,
} from './supplier-filters';
import { SupplierTable } from './SupplierTable';

const SupplierListQuery = graphql(`
  query SupplierList(
    $first: Int!
    $after: String
    $search: String
    $includeArchived: Boolean! = false
    $inviteStatus: InviteStatus
    $notInvited: Boolean
    $inviteExpiringSoon: Boolean
    $awaitingReview: Boolean
    $hasDrift: Boolean
    $syncStatus: SyncStatus
    $bankState: BankDetailsState
    $sort: SupplierSort! = NAME_ASC
  ) {
    suppliers(
      first: $first
      after: $after
      search: $search
      includeArchived: $includeArchived
      inviteStatus: $inviteStatus
      notInvited: $notInvited
      inviteExpiringSoon: $inviteExpiringSoon
      awaitingReview: $awaitingReview
      hasDrift: $hasDrift
      syncStatus: $syncStatus
      bankState: $bankState
      sort: $sort
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SupplierTable_supplier
        }
      }
    }
  }
`);

/** How many each filter would show, within the search: one grouped query on the server. */
const SupplierFilterCountsQuery = graphql(`
  query SupplierFilterCounts($search: String, $includeArchived: Boolean! = false) {
    supplierFilterCounts(search: $search, includeArchived: $includeArchived) {
      total
      notInvited
      inviteExpiringSoon
      awaitingReview
      hasDrift
      byInviteStatus {
        status
        count
      }
      bySyncStatus {
        status
        count
      }
      byBankState {
        state
        count
      }
    }
  }
`);

const SupplierAddedSubscription = graphql(`
  subscription SupplierAdded {
    supplierAdded {
      ...SupplierTable_supplier
    }
  }
`);

const PAGE_SIZE = 50;
const number = new Intl.NumberFormat('en');

type Edge = SupplierListData['suppliers']['edges'][number];

/** Where a supplier added live belongs among the rows loaded so far, in the list's order (null: not loaded yet). */
function insertAt(edges: readonly Edge[], added: Edge['node'], sort: SortKey, complete: boolean): number | null {
  const compare = (a: Edge['node'], b: Edge['node']) => {
    switch (sort) {
      case 'name':
        return a.name.localeCompare(b.name);
      case 'name-desc':
        return b.name.localeCompare(a.name);
      case 'recent':
        return Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
      default:
        return Date.parse(a.lastActivityAt) - Date.parse(b.lastActivityAt);
    }
  };
  const index = edges.findIndex((edge) => compare(added, edge.node) < 0);
  if (index >= 0) return index;
  return complete ? edges.length : null;
}

export function SuppliersPage({ user }: { user: CurrentUser }) {
  const { location, navigate } = useRouter();
  const filters = useMemo(() => readFilters(location.search), [location.search]);
  const [searchText, setSearchText] = useState(filters.search);
  const search = useDebouncedValue(searchText, 300);
  const canInvite = user.role === 'ADMIN' || user.role === 'APPROVER';

  const setFilters = (next: Partial<SupplierFilters>) => {
    navigate(`/suppliers${writeFilters({ ...filters, ...next })}`, { replace: true });
  };

  // The address is the truth; the box is a draft of it. When the address changes from outside (the
  // Suppliers link, Back, a link with ?q=), the box follows at once — but not when the change is our own
  // debounced write, which may trail what is being typed.
  const [boxFollows, setBoxFollows] = useState(filters.search);
  if (filters.search !== boxFollows) {
    setBoxFollows(filters.search);
    if (filters.search.trim() !== search.trim()) setSearchText(filters.search);
  }

  // The search joins the address (and so the query) once typing pauses: only a settled value is written,
  // so a box just reset from the address is never written back with its stale debounced text.
  useEffect(() => {
    if (search !== searchText) return;
    if (search.trim() !== filters.search.trim()) setFilters({ search });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, searchText, filters.search]);

  const variables = { first: PAGE_SIZE, ...filterVariables(filters) };
  const { data, error, loading, refetch, subscribeToMore, fetchMore } = useQuery(SupplierListQuery, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const counts = useQuery(SupplierFilterCountsQuery, {
    variables: { search: filters.search.trim() || null, includeArchived: filters.includeArchived },
    fetchPolicy: 'cache-and-network',
  });
  const tally = counts.data?.supplierFilterCounts;
  const [loadingMore, setLoadingMore] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  /** "Select all matching": every supplier the filter shows, loaded or not (the server decides who). */
  const [allMatching, setAllMatching] = useState(false);

  // A different list is a different selection.
  const listKey = writeFilters({ ...filters, sort: 'name' });
  const [selectionFor, setSelectionFor] = useState(listKey);
  if (selectionFor !== listKey) {
    setSelectionFor(listKey);
    setSelected(new Set());
    setAllMatching(false);
  }

  // Live: suppliers added elsewhere (by hand, import or sync) appear in their place without a reload — in the
  // unfiltered list only, since a new supplier may not match the filters.
  const listReady = Boolean(data?.suppliers);
  const filtered = isFiltered(filters);
  const { sort } = filters;
  useEffect(() => {
    if (!listReady || filtered) return;
    return subscribeToMore({
      document: SupplierAddedSubscription,
      updateQuery: (_unsafe, { complete, previousData, subscriptionData }) => {
        const added = subscriptionData.data?.supplierAdded;
        if (!complete || !added) return;
        const { suppliers } = previousData;
        if (suppliers.edges.some((edge) => edge.node.id === added.id)) return;
        const at = insertAt(suppliers.edges, added, sort, !suppliers.pageInfo.hasNextPage);
        const edges = [...suppliers.edges];
        if (at !== null) edges.splice(at, 0, { __typename: 'SupplierEdge', node: added } as Edge);
        return { ...previousData, suppliers: { ...suppliers, totalCount: suppliers.totalCount + 1, edges } };
      },
      onError: () => {
        // Non-fatal: the list was loaded over HTTP and stays correct on the next visit.
      },
    });
  }, [listReady, filtered, sort, subscribeToMore]);

  // Live: the rows' Xero sync badges follow syncUpdated (events are merged into the cache by supplier id),
  // and the filter counts follow any change of the flags they count.
  useSyncUpdated();
  const refetchCounts = counts.refetch;
  useAttentionUpdated(() => {
    void refetchCounts().catch(() => undefined);
  });

  // The session has gone: the app is already switching to sign-in (see app/session-expiry.ts), so no error shows.
  const expired = error ? isSessionExpired(error) : false;

  const connection = data?.suppliers;
  const suppliers = connection?.edges.map((edge) => edge.node) ?? [];

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const seen = new Set(previous.suppliers.edges.map((e) => e.node.id));
          return {
            ...fetchMoreResult,
            suppliers: {
              ...fetchMoreResult.suppliers,
              edges: [...previous.suppliers.edges, ...fetchMoreResult.suppliers.edges.filter((e) => !seen.has(e.node.id))],
            },
          };
        },
      });
    } catch {
      // The button stays; the error alert below covers a failed page.
    } finally {
      setLoadingMore(false);
    }
  };

  const selectedSuppliers = suppliers.filter((s) => selected.has(s.id));
  const allShownSelected = suppliers.length > 0 && suppliers.every((s) => selected.has(s.id));
  const total = connection?.totalCount ?? 0;
  const nothingYet = connection && suppliers.length === 0 && !filtered && !filters.includeArchived;

  const inviteCount = (value: string): number | undefined => {
    if (!tally) return undefined;
    if (value === 'NOT_INVITED') return tally.notInvited;
    if (value === 'EXPIRING') return tally.inviteExpiringSoon;
    return tally.byInviteStatus.find((c) => c.status === value)?.count;
  };

  return (
    <>
      <div className="page-header">
        <PageHeading title="Suppliers">Suppliers</PageHeading>
        {connection && suppliers.length > 0 ? (
          <p className="page-header__lead">
            {total === 1 ? '1 supplier' : `${number.format(total)} suppliers`}
            {filtered ? ' match' : null}
            {connection.pageInfo.hasNextPage ? ` · showing the first ${number.format(suppliers.length)}` : null}
          </p>
        ) : null}
      </div>

      {!nothingYet ? (
        <form className="toolbar supplier-toolbar" role="search" aria-label="Find suppliers" onSubmit={(event) => event.preventDefault()}>
          <TextField
            label="Search"
            type="search"
            placeholder="Supplier name"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
          <SelectField
            label="Invite"
            value={filters.invite}
            onChange={(event) => setFilters({ invite: event.target.value as SupplierFilters['invite'] })}
          >
            <option value="">{withCount('Any', tally?.total)}</option>
            <option value="NOT_INVITED">{withCount('Not invited yet', inviteCount('NOT_INVITED'))}</option>
            <option value="EXPIRING">{withCount('Invite expiring soon', inviteCount('EXPIRING'))}</option>
            {INVITE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {withCount(INVITE_STATUS_LABELS[status], inviteCount(status))}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Bank details"
            value={filters.bank}
            onChange={(event) => setFilters({ bank: event.target.value as SupplierFilters['bank'] })}
          >
            <option value="">{withCount('Any', tally?.total)}</option>
            {BANK_STATES.map((state) => (
              <option key={state} value={state}>
                {withCount(BANK_STATE_LABELS[state], tally?.byBankState.find((c) => c.state === state)?.count)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Xero sync"
            value={filters.syncStatus}
            onChange={(event) => setFilters({ syncStatus: event.target.value as SupplierFilters['syncStatus'] })}
          >
            <option value="">{withCount('Any', tally?.total)}</option>
            {SYNC_STATUSES.map((status) => (
              <option key={status} value={status}>
                {withCount(syncStatusLabel(status), tally?.bySyncStatus.find((c) => c.status === status)?.count)}
              </option>
            ))}
          </SelectField>
          <div className="toolbar__checks">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={filters.awaitingReview}
                onChange={(event) => setFilters({ awaitingReview: event.target.checked })}
              />
              <span>{withCount('Awaiting review', tally?.awaitingReview)}</span>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={filters.hasDrift} onChange={(event) => setFilters({ hasDrift: event.target.checked })} />
              <span>{withCount('Differs in Xero', tally?.hasDrift)}</span>
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={filters.includeArchived}
                onChange={(event) => setFilters({ includeArchived: event.target.checked })}
              />
              <span>Show archived</span>
            </label>
          </div>
        </form>
      ) : null}

      {error && !expired ? (
        <RetryAlert error={error} onRetry={refetch} />
      ) : null}

      {!connection && loading ? <Loading label="Loading suppliers…" /> : null}

      {nothingYet ? (
        <section className="empty-state" aria-labelledby="suppliers-empty">
          <div className="empty-state__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6">
              <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5v-9Z" strokeLinejoin="round" />
              <path d="M3 7.5 12 12l9-4.5M12 12v9" strokeLinejoin="round" />
            </svg>
          </div>
          <h2 id="suppliers-empty" className="empty-state__title">
            No suppliers yet
          </h2>
          <p className="empty-state__text">
            Suppliers arrive when you connect Xero: your Xero contacts are imported here and kept in sync.
          </p>
          <Link to="/integrations" className="button button--primary">
            Go to Integrations
          </Link>
        </section>
      ) : null}

      {connection && suppliers.length === 0 && !nothingYet ? (
        <p className="notice">No suppliers match. Try another search or clear a filter.</p>
      ) : null}

      {canInvite && connection && !nothingYet ? (
        <div className="supplier-selection">
          <BulkInvite
            selected={allMatching ? [] : selectedSuppliers}
            matching={allMatching ? { filter: filterInput(filters), count: total } : null}
            rows={suppliers.length}
            onInvited={() => {
              setSelected(new Set());
              setAllMatching(false);
              void refetch();
              void counts.refetch().catch(() => undefined);
            }}
          />
          {allShownSelected && total > suppliers.length && !allMatching ? (
            <p className="supplier-selection__more">
              All {number.format(suppliers.length)} shown are selected.{' '}
              <button type="button" className="button button--small button--quiet" onClick={() => setAllMatching(true)}>
                Select all {number.format(total)} {filtered ? 'matching' : 'suppliers'}
              </button>
            </p>
          ) : null}
          {allMatching ? (
            <p className="supplier-selection__more" role="status">
              All {number.format(total)} {filtered ? 'matching suppliers' : 'suppliers'} are selected.{' '}
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => {
                  setAllMatching(false);
                  setSelected(new Set());
                }}
              >
                Clear selection
              </button>
            </p>
          ) : null}
        </div>
      ) : null}

      {suppliers.length > 0 ? (
        <SupplierTable
          suppliers={suppliers}
          sort={filters.sort}
          onSort={(next) => setFilters({ sort: next })}
          selection={
            canInvite
              ? {
                  selected: allMatching ? new Set(suppliers.map((s) => s.id)) : selected,
                  onToggle: (id, on) => {
                    if (allMatching) {
                      // Unticking one leaves "all matching": the shown rows stay picked, minus that one.
                      setAllMatching(false);
                      setSelected(new Set(suppliers.map((s) => s.id).filter((other) => other !== id)));
                      return;
                    }
                    setSelected((prev) => {
                      const next = new Set(prev);
                      if (on) next.add(id);
                      else next.delete(id);
                      return next;
                    });
                  },
                  onToggleAll: (on) => {
                    setAllMatching(false);
                    setSelected(on ? new Set(suppliers.map((s) => s.id)) : new Set());
                  },
                }
              : undefined
          }
        />
      ) : null}

      {connection?.pageInfo.hasNextPage ? (
        <div className="load-more">
          <button type="button" className="button" onClick={() => void loadMore()} aria-disabled={loadingMore || undefined}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </>
  );
}
