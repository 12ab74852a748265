import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { graphql } from '../../gql';
import { formatDateTime } from '../../components/format-date';
import { RetrySupplierSyncMutation, SYNC_DEPENDENT_QUERIES, useSyncUpdated } from './sync-documents';
import { errorSourceLabel, retryErrorMessage } from './sync-text';
import { SyncStatusBadge } from './SyncStatusBadge';
import './sync.css';

const SupplierSyncBlockQuery = graphql(`
  query SupplierSyncBlock($id: ID!) {
    supplier(id: $id) {
      id
      syncStatus
      sync {
        status
        acceptedAt
        syncedAt
        error
        errorSource
        attempts
      }
    }
  }
`);

/**
 * "Xero sync" on the supplier page: the latest accepted change's push (status, when it was accepted and
 * synced, Xero's message or what Vouch found) and Retry after a failure. Loads itself, so the page only places it; nothing
 * shows for a supplier Vouch has never sent to Xero.
 */
export function SupplierSyncBlock({ supplierId, canRetry }: { supplierId: string; canRetry: boolean }) {
  const { data, refetch } = useQuery(SupplierSyncBlockQuery, {
    variables: { id: supplierId },
    fetchPolicy: 'cache-and-network',
  });
  const [retry, { loading: retrying }] = useMutation(RetrySupplierSyncMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  useSyncUpdated((update) => {
    if (update.supplierIds.includes(supplierId)) void refetch().catch(() => undefined);
  });

  const supplier = data?.supplier;
  const sync = supplier?.sync;
  if (!supplier || (!sync && !supplier.syncStatus)) return null;

  const onRetry = async () => {
    if (retrying) return;
    setProblem(null);
    setOutcome(null);
    try {
      await retry({ variables: { supplierId }, refetchQueries: SYNC_DEPENDENT_QUERIES });
      setOutcome('Sent to Xero again. This updates when Xero answers.');
    } catch (caught) {
      setProblem(retryErrorMessage(toUserFacingError(caught)));
    }
  };

  const failed = (sync?.status ?? supplier.syncStatus) === 'FAILED';

  return (
    <section className={failed ? 'card card--attention' : 'card'} aria-labelledby="supplier-sync-title">
      <div className="card__header">
        <h2 id="supplier-sync-title" className="card__title">
          Xero sync
        </h2>
        <SyncStatusBadge status={sync?.status ?? supplier.syncStatus} />
      </div>
      {sync ? (
        <dl className="details">
          <div className="details__row">
            <dt>Change accepted</dt>
            <dd>{formatDateTime(sync.acceptedAt)}</dd>
          </div>
          <div className="details__row">
            <dt>In Xero since</dt>
            <dd>{sync.syncedAt ? formatDateTime(sync.syncedAt) : <span className="muted">Not yet</span>}</dd>
          </div>
          {sync.error ? (
            <div className="details__row">
              <dt>{errorSourceLabel(sync.errorSource)}</dt>
              <dd className="sync-block__error">{sync.error}</dd>
            </div>
          ) : null}
          {sync.attempts > 1 ? (
            <div className="details__row">
              <dt>Attempts</dt>
              <dd>{sync.attempts}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {outcome ? (
        <p role="status" className="muted sync-block__outcome">
          {outcome}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}
      {failed && canRetry ? (
        <div className="card__actions">
          <button type="button" className="button" onClick={() => void onRetry()} aria-disabled={retrying || undefined}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
