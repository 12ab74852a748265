import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { graphql } from '../../gql';
import type { SyncUpdatedSubscription as SyncUpdatedEvent } from '../../gql/graphql';

export const SyncOverviewFragment = graphql(`
  fragment SyncPanel_overview on SyncOverview {
    queueDepth
    oldestPendingAt
    lastSuccessAt
    failedCount
  }
`);

/** The organisation's outbound queue (not normalised: it has no id, so events rewrite this root field). */
export const SyncOverviewQuery = graphql(`
  query SyncOverview {
    syncOverview {
      ...SyncPanel_overview
    }
  }
`);

/**
 * Live from any server instance. Suppliers carry their id, so Apollo merges each one's new status into
 * every list and page that shows it; the overview is written into the SyncOverview query by its users.
 */
export const SyncUpdatedSubscription = graphql(`
  subscription SyncUpdated {
    syncUpdated {
      supplierIds
      overview {
        ...SyncPanel_overview
      }
      suppliers {
        id
        syncStatus
      }
    }
  }
`);

export const RetrySupplierSyncMutation = graphql(`
  mutation RetrySupplierSync($supplierId: ID!) {
    retrySupplierSync(supplierId: $supplierId) {
      id
      syncStatus
      sync {
        status
        syncedAt
        error
        errorSource
        attempts
      }
    }
  }
`);

/** Queries showing sync state that only a refetch brings up to date (active ones only are refetched). */
export const SYNC_DEPENDENT_QUERIES = ['SyncOverview', 'FailedSyncs', 'SupplierSyncBlock'];

type SyncUpdate = SyncUpdatedEvent['syncUpdated'];

/**
 * Keeps sync state live while mounted: each event's suppliers ({ id, syncStatus }) are merged by id into
 * every cached list and page, and `onUpdate`, when given, is called with the event. The socket opens
 * lazily and is shared with other subscriptions. Events are read with errorPolicy 'all' straight from `client.subscribe` (useSubscription drops the data
 * of an event that carries any error), so a figure that fails to resolve in the overview never hides
 * which suppliers moved. A lost socket is non-fatal: the page was loaded over HTTP.
 */
export function useSyncUpdated(onUpdate?: (update: SyncUpdate) => void): void {
  const client = useApolloClient();
  const latest = useRef(onUpdate);
  useEffect(() => {
    latest.current = onUpdate;
  });
  useEffect(() => {
    const subscription = client.subscribe({ query: SyncUpdatedSubscription, errorPolicy: 'all' }).subscribe({
      next: (result) => {
        const update = result.data?.syncUpdated;
        if (update) latest.current?.(update as SyncUpdate);
      },
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, [client]);
}
