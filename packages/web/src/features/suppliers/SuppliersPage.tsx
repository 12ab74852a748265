import { RetryAlert } from '../../components/RetryAlert';
import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { isUnauthenticated } from '../../app/errors';
import { Link, useRouter } from '../../app/router';
import { useDebouncedValue } from '../../app/useDebouncedValue';
import { graphql } from '../../gql';
import type { CurrentUser } from '../accounts/current-user';
import { BulkInvite } from '../invites/BulkInvite';
import { useSyncUpdated } from '../sync/sync-documents';
import { INVITE_STATUS_LABELS } from '../invites/invite-status';
import {
  filterVariables,
  INVITE_STATUSES,
  isFiltered,
  readFilters,
  SYNC_STATUSES,
  writeFilters,
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
    $awaitingReview: Boolean
    $hasDrift: Boolean
    $syncStatus: SyncStatus
  ) {
    suppliers(
      first: $first
      after: $after
      search: $search
      includeArchived: $includeArchived
      inviteStatus: $inviteStatus
      awaitingReview: $awaitingReview
      hasDrift: $hasDrift
      syncStatus: $syncStatus
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

const SupplierAddedSubscription = graphql(`
  subscription SupplierAdded {
    supplierAdded {
      ...SupplierTable_supplier
    }
  }
`);

const PAGE_SIZE = 50;

const SYNC_LABELS: Record<(typeof SYNC_STATUSES)[number], string> = {
  PENDING: 'Waiting to send to Xero',
  SYNCING: 'Sending to Xero',
  SYNCED: 'Up to date in Xero',
  FAILED: 'Xero update failed',
  SUPERSEDED: 'Replaced by a later change',
};

export function SuppliersPage({ user, onSessionExpired }: { user: CurrentUser; onSessionExpired: () => void }) {
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
  const [loadingMore, setLoadingMore] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  // Live: suppliers added elsewhere (by hand, import or sync) appear at the top without a reload — in the
  // unfiltered list only, since a new supplier may not match the filters.
  const listReady = Boolean(data?.suppliers);
  const filtered = isFiltered(filters);
  useEffect(() => {
    if (!listReady || filtered) return;
    return subscribeToMore({
      document: SupplierAddedSubscription,
      updateQuery: (_unsafe, { complete, previousData, subscriptionData }) => {
        const added = subscriptionData.data?.supplierAdded;
        if (!complete || !added) return;
        const { suppliers } = previousData;
        if (suppliers.edges.some((edge) => edge.node.id === added.id)) return;
        return {
          ...previousData,
          suppliers: {
            ...suppliers,
            totalCount: suppliers.totalCount + 1,
            edges: [{ __typename: 'SupplierEdge' as const, node: added }, ...suppliers.edges],
          },
        };
      },
      onError: () => {
        // Non-fatal: the list was loaded over HTTP and stays correct on the next visit.
      },
    });
  }, [listReady, filtered, subscribeToMore]);

  // Live: the rows' Xero sync badges follow syncUpdated (events are merged into the cache by supplier id).
  useSyncUpdated();

  const expired = error ? isUnauthenticated(error) : false;
  useEffect(() => {
    if (expired) onSessionExpired();
  }, [expired, onSessionExpired]);

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
  const nothingYet = connection && suppliers.length === 0 && !filtered && !filters.includeArchived;

  return (
    <>
      <div className="page-header">
        <PageHeading title="Suppliers">Suppliers</PageHeading>
        {connection && suppliers.length > 0 ? (
          <p className="page-header__lead">
            {connection.totalCount === 1 ? '1 supplier' : `${connection.totalCount} suppliers`}
            {filtered ? ' match' : null}
            {connection.pageInfo.hasNextPage ? ` · showing the first ${suppliers.length}` : null}
          </p>
        ) : null}
      </div>

      {!nothingYet ? (
        <form className="toolbar" role="search" aria-label="Find suppliers" onSubmit={(event) => event.preventDefault()}>
          <TextField
            label="Search"
            type="search"
            placeholder="Name or email"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
          <SelectField
            label="Invite status"
            value={filters.inviteStatus}
            onChange={(event) => setFilters({ inviteStatus: event.target.value as SupplierFilters['inviteStatus'] })}
          >
            <option value="">Any</option>
            {INVITE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {INVITE_STATUS_LABELS[status]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Sync status"
            value={filters.syncStatus}
            onChange={(event) => setFilters({ syncStatus: event.target.value as SupplierFilters['syncStatus'] })}
          >
            <option value="">Any</option>
            {SYNC_STATUSES.map((status) => (
              <option key={status} value={status}>
                {SYNC_LABELS[status]}
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
              <span>Awaiting review</span>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={filters.hasDrift} onChange={(event) => setFilters({ hasDrift: event.target.checked })} />
              <span>Differs in Xero</span>
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

      {canInvite && suppliers.length > 0 ? (
        <BulkInvite
          selected={selectedSuppliers}
          onInvited={() => {
            setSelected(new Set());
            void refetch();
          }}
        />
      ) : null}

      {suppliers.length > 0 ? (
        <SupplierTable
          suppliers={suppliers}
          selection={
            canInvite
              ? {
                  selected,
                  onToggle: (id, on) =>
                    setSelected((prev) => {
                      const next = new Set(prev);
                      if (on) next.add(id);
                      else next.delete(id);
                      return next;
                    }),
                  onToggleAll: (on) => setSelected(on ? new Set(suppliers.map((s) => s.id)) : new Set()),
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
