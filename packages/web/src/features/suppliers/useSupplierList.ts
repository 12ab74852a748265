import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useAttentionUpdated } from '../../app/attention';
import { graphql } from '../../gql';
import type { SupplierListQuery as SupplierListData } from '../../gql/graphql';
import { useSyncUpdated } from '../sync/sync-documents';
import { filterVariables, isFiltered, type SortKey, type SupplierFilters } from './supplier-filters';

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

/**
 * The Suppliers list for these filters, 50 at a time (Load more), with each filter's count; kept live: suppliers
 * added elsewhere appear in place (unfiltered list only), sync badges and counts follow their events.
 */
export function useSupplierList(filters: SupplierFilters) {
  const variables = { first: PAGE_SIZE, ...filterVariables(filters) };
  const { data, error, loading, refetch, subscribeToMore, fetchMore } = useQuery(SupplierListQuery, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const counts = useQuery(SupplierFilterCountsQuery, {
    variables: { search: filters.search.trim() || null, includeArchived: filters.includeArchived },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);

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

  return {
    connection,
    suppliers,
    error,
    loading,
    refetch,
    /** How many each filter would show (undefined until counted). */
    tally: counts.data?.supplierFilterCounts,
    refetchCounts,
    loadMore,
    loadingMore,
  };
}

export type ListedSupplier = ReturnType<typeof useSupplierList>['suppliers'][number];
export type FilterCounts = NonNullable<ReturnType<typeof useSupplierList>['tally']>;
