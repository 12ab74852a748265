import { RetryAlert } from '../../components/RetryAlert';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isSessionExpired } from '../../app/session-expiry';
import { useRouter } from '../../app/router';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Spinner';
import type { CurrentUser } from '../accounts/current-user';
import { SyncPanel } from '../sync/SyncPanel';
import { useStartXeroConnection } from './useStartXeroConnection';
import { CancelXeroConnectionMutation, XeroConnectionQuery, XeroConnectionUpdatedSubscription } from './xero-connection';
import { XeroConnectionCard } from './XeroConnectionCard';
import { XeroTenantPicker } from './XeroTenantPicker';
import { useCallbackOrigin } from './callback-origin';
import { callbackErrorMessage, callbackOriginNotice } from './xero-text';
import './xero.css';

/** While an import runs, a slow poll backs up the subscription (events sent before the socket opened). */
const IMPORT_POLL_MS = 10_000;

export function IntegrationsPage({ user }: { user: CurrentUser }) {
  const client = useApolloClient();
  const { location, navigate } = useRouter();
  const params = new URLSearchParams(location.search);
  const attemptId = params.get('xeroAttempt');
  const isAdmin = user.role === 'ADMIN';

  // Xero sends the browser back with ?xeroError=CODE when connecting failed. Keep the code, and drop it
  // from the address so a reload doesn't repeat an old error.
  const [callbackError, setCallbackError] = useState(() => params.get('xeroError'));
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has('xeroError')) navigate('/integrations', { replace: true });
  }, [navigate]);
  // Sent here from another address of Vouch to connect (see useStartXeroConnection): start once loaded, and
  // drop the flag so a reload or Back doesn't start again.
  const [autoConnect] = useState(() => params.get('xeroConnect') === '1');
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has('xeroConnect')) navigate('/integrations', { replace: true });
  }, [navigate]);

  const { data, error, loading, refetch, subscribeToMore, startPolling, stopPolling } = useQuery(XeroConnectionQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const loaded = data !== undefined;
  const connection = data?.xeroConnection ?? null;
  const callbackOrigin = data?.xeroCallbackOrigin ?? null;
  const originState = useCallbackOrigin(callbackOrigin, isAdmin);

  // Live: status and import progress. Events carry the whole connection; the first one after connecting
  // also fills in a connection the cached query didn't have yet.
  useEffect(() => {
    if (!loaded) return;
    return subscribeToMore({
      document: XeroConnectionUpdatedSubscription,
      updateQuery: (_unsafe, { complete, previousData, subscriptionData }) => {
        const updated = subscriptionData.data?.xeroConnectionUpdated;
        if (!complete || !updated) return;
        return { ...previousData, xeroConnection: updated };
      },
      onError: () => {
        // Non-fatal: the card was loaded over HTTP; the poll below still finishes an import.
      },
    });
  }, [loaded, subscribeToMore]);

  const importing = connection?.status === 'CONNECTED' && (connection.importStatus === 'RUNNING' || connection.importStatus === 'NOT_STARTED');
  useEffect(() => {
    if (!importing) return;
    startPolling(IMPORT_POLL_MS);
    return () => stopPolling();
  }, [importing, startPolling, stopPolling]);

  // When an import finishes, the cached supplier list is out of date: refetch it if it is on screen,
  // otherwise drop it so the Suppliers page loads it fresh.
  const importStatus = loaded ? (connection?.importStatus ?? 'NONE') : undefined;
  const previousImportStatus = useRef(importStatus);
  useEffect(() => {
    const before = previousImportStatus.current;
    previousImportStatus.current = importStatus;
    if (importStatus === 'DONE' && before !== undefined && before !== 'DONE') {
      void client
        .refetchQueries({
          updateCache(cache) {
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'suppliers' });
          },
        })
        .catch(() => undefined);
    }
  }, [importStatus, client]);

  // The session has gone: the app is already switching to sign-in (see app/session-expiry.ts), so no error shows.
  const expired = error ? isSessionExpired(error) : false;

  // A choice of organisation left waiting (a reload, a visit elsewhere, a page opened afresh) is offered again:
  // the server remembers this session's attempt until it is chosen, cancelled or expires.
  const awaitingChoice = data?.xeroConnectionAwaitingChoice ?? null;
  // Attempts finished on this page (chosen or cancelled) are never offered again, whatever a cached copy says.
  const [finished, setFinished] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!attemptId && awaitingChoice && !finished.has(awaitingChoice) && isAdmin && !callbackError) {
      navigate(`/integrations?xeroAttempt=${encodeURIComponent(awaitingChoice)}`, { replace: true });
    }
  }, [attemptId, awaitingChoice, finished, isAdmin, callbackError, navigate]);
  const leavePicker = useCallback(() => {
    if (attemptId) setFinished((previous) => new Set(previous).add(attemptId));
    client.cache.updateQuery({ query: XeroConnectionQuery }, (previous) => (previous ? { ...previous, xeroConnectionAwaitingChoice: null } : previous));
    navigate('/integrations', { replace: true });
  }, [attemptId, client, navigate]);
  const [cancelAttempt] = useMutation(CancelXeroConnectionMutation);
  const cancelPicker = useCallback(async () => {
    // Cancelled on the server, so it isn't offered again; an attempt already gone needs nothing more.
    if (attemptId) await cancelAttempt({ variables: { attemptId } }).catch(() => undefined);
    leavePicker();
  }, [attemptId, cancelAttempt, leavePicker]);
  // Once connected the picker (and the focused dialog) goes away; put keyboard and screen-reader focus on
  // the connection card that replaces it, after it has rendered.
  const [focusCard, setFocusCard] = useState(false);
  const onConnected = useCallback(() => {
    setFocusCard(true);
    leavePicker();
  }, [leavePicker]);
  useEffect(() => {
    if (!focusCard || attemptId) return;
    document.getElementById('integration-xero')?.focus();
    setFocusCard(false);
  }, [focusCard, attemptId]);

  return (
    <>
      <div className="page-header">
        <PageHeading title="Integrations">Integrations</PageHeading>
        <p className="page-header__lead">Connect the tools you already use so supplier details stay in sync.</p>
      </div>

      {callbackError ? (
        <CallbackError code={callbackError} canRetry={isAdmin} callbackOrigin={callbackOrigin} onDismiss={() => setCallbackError(null)} />
      ) : null}

      {error && !loaded && !expired ? <RetryAlert error={error} onRetry={refetch} /> : null}

      {!loaded && loading ? <Loading label="Loading integrations…" /> : null}

      {loaded && attemptId && isAdmin ? (
        <XeroTenantPicker
          attemptId={attemptId}
          connectedTenantName={connection?.tenantName ?? null}
          onConnected={onConnected}
          onCancel={() => void cancelPicker()}
        />
      ) : null}

      {loaded && !(attemptId && isAdmin) ? (
        <XeroConnectionCard
          connection={connection}
          canManage={isAdmin}
          callbackOrigin={callbackOrigin}
          originNotice={callbackOrigin ? callbackOriginNotice(originState, callbackOrigin, window.location.origin) : null}
          autoStart={autoConnect}
        />
      ) : null}
      {loaded && connection && !(attemptId && isAdmin) ? <SyncPanel /> : null}
    </>
  );
}

function CallbackError({
  code,
  canRetry,
  callbackOrigin,
  onDismiss,
}: {
  code: string;
  canRetry: boolean;
  callbackOrigin: string | null;
  onDismiss: () => void;
}) {
  const { start, starting, error } = useStartXeroConnection(callbackOrigin);
  return (
    <Alert>
      <p>{callbackErrorMessage(code)}</p>
      {error ? <p>{error}</p> : null}
      <div className="alert__actions">
        {canRetry ? (
          <button type="button" className="button button--small" onClick={() => void start()} aria-disabled={starting || undefined}>
            {starting ? 'Opening Xero…' : 'Try again'}
          </button>
        ) : null}
        <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </Alert>
  );
}
