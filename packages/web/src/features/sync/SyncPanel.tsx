import { RetryAlert } from '../../components/RetryAlert';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Link } from '../../app/router';
import { useNow } from '../../app/useNow';
import { Loading } from '../../components/Spinner';
import { formatDateTime } from '../../components/format-date';
import { useAttentionUpdated } from '../../app/attention';
import { SyncOverviewQuery, useSyncUpdated } from './sync-documents';
import { failuresText, lastSuccessText, oldestPendingText, queueText } from './sync-text';
import './sync.css';

function absolute(iso: string | null | undefined): string | undefined {
  return formatDateTime(iso) || undefined;
}

/**
 * "Sync with Xero" on the Integrations page: what is waiting to go to Xero and for how long, the last
 * success, and what Xero refused (linking to the Sync inbox). Live via `syncUpdated`. Xero's API headroom is
 * the connection's, shown once, on the Xero card above.
 */
export function SyncPanel() {
  const client = useApolloClient();
  const now = useNow();
  // errorPolicy 'all': one figure failing on the server must not hide the others.
  const { data, error, loading, refetch } = useQuery(SyncOverviewQuery, {
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  useSyncUpdated((update) => {
    if (!update.overview) return;
    const previous = client.cache.readQuery({ query: SyncOverviewQuery })?.syncOverview;
    client.cache.writeQuery({
      query: SyncOverviewQuery,
      data: {
        syncOverview: {
          ...update.overview,
          // The last success only moves forward; a partial event never erases it.
          lastSuccessAt: update.overview.lastSuccessAt ?? previous?.lastSuccessAt ?? null,
        },
      },
    });
  });

  // Anything else that moves the figures (Xero's status, a decision) refreshes them from the server too: one
  // source, never a stale copy beside a fresh card.
  useAttentionUpdated(() => {
    void refetch().catch(() => undefined);
  });

  const overview = data?.syncOverview;
  // Partial data: a missing stamp is unknown rather than "never".
  const partial = Boolean(overview && error);
  const oldest = overview && overview.queueDepth > 0 ? oldestPendingText(overview.oldestPendingAt, now) : null;

  return (
    <section className="card sync-panel" aria-labelledby="sync-panel-title">
      <h2 id="sync-panel-title" className="card__title">
        Sync with Xero
      </h2>
      <p className="card__lead">Changes you accept are sent to Xero in the background, in the order they were accepted.</p>
      {!overview && loading ? <Loading label="Loading sync status…" /> : null}
      {!overview && error ? <RetryAlert error={error} onRetry={refetch} /> : null}
      {overview ? (
        <dl className="details">
          <div className="details__row">
            <dt>Waiting</dt>
            <dd>
              {queueText(overview.queueDepth)}
              {oldest ? (
                <>
                  {' · '}
                  <time dateTime={overview.oldestPendingAt ?? undefined} title={absolute(overview.oldestPendingAt)}>
                    {oldest}
                  </time>
                </>
              ) : null}
            </dd>
          </div>
          <div className="details__row">
            <dt>Last synced</dt>
            <dd>
              <time dateTime={overview.lastSuccessAt ?? undefined} title={absolute(overview.lastSuccessAt)}>
                {partial && !overview.lastSuccessAt ? 'Not available right now' : lastSuccessText(overview.lastSuccessAt, now, overview.failedCount)}
              </time>
            </dd>
          </div>
          <div className="details__row">
            <dt>Failed</dt>
            <dd className={overview.failedCount > 0 ? 'sync-panel__failed' : undefined}>
              {failuresText(overview.failedCount)}
              {overview.failedCount > 0 ? (
                <>
                  {' · '}
                  <Link to="/sync">Open the sync inbox</Link>
                </>
              ) : null}
            </dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
