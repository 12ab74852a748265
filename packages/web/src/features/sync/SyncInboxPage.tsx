import { RetryAlert } from '../../components/RetryAlert';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { isSessionExpired } from '../../app/session-expiry';
import { Link } from '../../app/router';
import { useNow } from '../../app/useNow';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import type { CurrentUser } from '../accounts/current-user';
import { formatDateTime } from '../../components/format-date';
import { useAttention } from '../../app/attention';
import { RetrySupplierSyncMutation, SYNC_DEPENDENT_QUERIES, SyncOverviewQuery, useSyncUpdated } from './sync-documents';
import { emptyInboxText, errorSourceLabel, failedAtText, retryErrorMessage } from './sync-text';
import './sync.css';

const FailedSyncsQuery = graphql(`
  query FailedSyncs($first: Int!) {
    failedSyncs(first: $first) {
      supplier {
        id
        name
        syncStatus
      }
      error
      errorSource
      failedAt
    }
  }
`);

const INBOX_SIZE = 200;

/**
 * `/sync`: changes that did not reach Xero as approved, newest first — with Xero's message when Xero refused,
 * or what Vouch found (e.g. the read-back after the write showed other values); Retry once fixed.
 */
export function SyncInboxPage({ user }: { user: CurrentUser }) {
  const client = useApolloClient();
  const now = useNow();
  const canRetry = user.role === 'ADMIN' || user.role === 'APPROVER';
  const { data, error, loading, refetch } = useQuery(FailedSyncsQuery, {
    variables: { first: INBOX_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [retry] = useMutation(RetrySupplierSyncMutation);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // A push that fails or recovers elsewhere changes the inbox: reload it (and what waits) when any status moves.
  const overviewQuery = useQuery(SyncOverviewQuery, { fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  useSyncUpdated(() => {
    void refetch().catch(() => undefined);
    void overviewQuery.refetch().catch(() => undefined);
  });

  // The session has gone: the app is already switching to sign-in (see app/session-expiry.ts), so no error shows.
  const expired = error ? isSessionExpired(error) : false;

  // The empty inbox says only what is true: it knows whether Xero is connected and whether changes still wait.
  const attention = useAttention();
  const overview = overviewQuery.data?.syncOverview;
  const empty = emptyInboxText(attention ? attention.xero.status : undefined, overview?.queueDepth);

  // Retried suppliers leave the list at once; the refetch that follows has the server's word.
  const [retried, setRetried] = useState<ReadonlySet<string>>(new Set());
  const rows = (data?.failedSyncs ?? []).filter((row) => !retried.has(row.supplier.id));

  const onRetry = async (supplierId: string, name: string) => {
    if (retrying) return;
    setRetrying(supplierId);
    setProblem(null);
    setOutcome(null);
    try {
      await retry({ variables: { supplierId } });
      setRetried((prev) => new Set(prev).add(supplierId));
      setOutcome(`${name} will be sent to Xero again.`);
      await client.refetchQueries({ include: SYNC_DEPENDENT_QUERIES }).catch(() => undefined);
      setRetried((prev) => {
        const next = new Set(prev);
        next.delete(supplierId);
        return next;
      });
    } catch (caught) {
      setProblem(retryErrorMessage(toUserFacingError(caught)));
    } finally {
      setRetrying(null);
    }
  };

  return (
    <>
      <div className="page-header">
        <PageHeading title="Sync inbox">Sync inbox</PageHeading>
        <p className="page-header__lead">
          Changes that didn’t reach Xero as approved: Xero’s message when Xero refused one, or what Vouch found when checking Xero’s copy afterwards. Fix the
          problem in Vouch or in Xero, then send it again.
        </p>
      </div>

      {outcome ? (
        <p role="status" className="notice">
          {outcome}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}

      {error && !data && !expired ? <RetryAlert error={error} onRetry={refetch} /> : null}

      {!data && loading ? <Loading label="Loading the sync inbox…" /> : null}

      {data && rows.length === 0 ? (
        <section className="empty-state" aria-labelledby="sync-inbox-empty">
          <div className="empty-state__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.8">
              <path d="m5 12.5 4.5 4.5L19 7.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </div>
          <h2 id="sync-inbox-empty" className="empty-state__title">
            {empty.title}
          </h2>
          <p className="empty-state__text">
            {empty.text} <Link to="/integrations">See sync status</Link>
          </p>
        </section>
      ) : null}

      {rows.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="sync-inbox-caption" tabIndex={0}>
          <table className="table sync-inbox">
            <caption id="sync-inbox-caption" className="visually-hidden">
              Changes that did not reach Xero
            </caption>
            <thead>
              <tr>
                <th scope="col">Supplier</th>
                <th scope="col">Problem</th>
                <th scope="col">When</th>
                {canRetry ? (
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.supplier.id}-${row.failedAt}`}>
                  <th scope="row">
                    <Link to={`/suppliers/${row.supplier.id}`}>{row.supplier.name}</Link>
                  </th>
                  <td className="sync-inbox__error" data-label="Problem">
                    <span className="sync-inbox__source">{errorSourceLabel(row.errorSource)}</span> {row.error}
                  </td>
                  <td data-label="When">
                    <time dateTime={row.failedAt} title={formatDateTime(row.failedAt)}>
                      {failedAtText(row.failedAt, now)}
                    </time>
                  </td>
                  {canRetry ? (
                    <td className="sync-inbox__action">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Retry ${row.supplier.name}`}
                        aria-disabled={retrying !== null || undefined}
                        onClick={() => void onRetry(row.supplier.id, row.supplier.name)}
                      >
                        {retrying === row.supplier.id ? 'Retrying…' : 'Retry'}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {data && rows.length > 0 && !canRetry ? <p className="muted sync-inbox__note">An admin or an approver can send these to Xero again.</p> : null}
    </>
  );
}
