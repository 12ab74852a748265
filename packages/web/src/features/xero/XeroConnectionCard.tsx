import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { lastCheckedText, nextCheckText } from '../../app/relative-time';
import { useNow } from '../../app/useNow';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../components/format-date';
import { graphql } from '../../gql';
import type { XeroConnectionCard_ConnectionFragment, XeroConnectionStatus } from '../../gql/graphql';
import { useStartXeroConnection } from './useStartXeroConnection';
import { XeroImportProgress } from './XeroImportProgress';
import { connectionStatusLabel, headroomText, reconnectReason } from './xero-text';
import './xero.css';

export const XeroConnectionCardFragment = graphql(`
  fragment XeroConnectionCard_connection on XeroConnection {
    id
    status
    tenantId
    tenantName
    connectedAt
    lastSuccessfulPollAt
    nextPollAt
    lastError
    apiHeadroom {
      minuteRemaining
      dayRemaining
      appMinuteRemaining
      observedAt
    }
    ...XeroImportProgress_connection
  }
`);

const DisconnectXeroMutation = graphql(`
  mutation DisconnectXero {
    disconnectXero {
      ...XeroConnectionCard_connection
    }
  }
`);

const BADGE_TONES: Record<XeroConnectionStatus, string> = {
  CONNECTED: 'badge--success',
  NEEDS_RECONNECT: 'badge--warning',
  DISCONNECTED: 'badge--neutral',
};

function absolute(iso: string | null | undefined): string | undefined {
  return formatDateTime(iso) || undefined;
}

/**
 * Xero on the Integrations page: not connected (Connect), connected (organisation, last and next check,
 * API headroom, import progress, Disconnect), or access lost (why, and Reconnect). Only admins get the
 * buttons; everyone else sees the same status read-only.
 */
export function XeroConnectionCard({
  connection,
  canManage,
  callbackOrigin = null,
  originNotice = null,
  autoStart = false,
}: {
  connection: XeroConnectionCard_ConnectionFragment | null;
  canManage: boolean;
  /** Where Xero sends the browser back to; Connect moves there first when this page is elsewhere. */
  callbackOrigin?: string | null;
  /** What to say when this page is not on `callbackOrigin` (where Connect goes, or what to set). */
  originNotice?: { tone: 'info' | 'warning'; text: string } | null;
  /** Start connecting at once (the buyer pressed Connect on another address of Vouch, which sent them here). */
  autoStart?: boolean;
}) {
  const now = useNow();
  const { start, starting, error: startError } = useStartXeroConnection(callbackOrigin);
  const autoStarted = useRef(false);
  useEffect(() => {
    if (!autoStart || !canManage || autoStarted.current) return;
    autoStarted.current = true;
    void start({ redirect: false });
  }, [autoStart, canManage, start]);
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);
  const [disconnectError, setDisconnectError] = useState<string | null>(null);
  const [disconnect, { loading: disconnecting }] = useMutation(DisconnectXeroMutation);

  const status = connection?.status ?? null;
  const reason = status ? reconnectReason(status) : null;
  const nextCheck = connection ? nextCheckText(connection.nextPollAt, now) : null;
  const headroom = connection ? headroomText(connection.apiHeadroom) : null;

  // The Disconnect button that opened the dialog is gone once disconnected, so focus goes to the heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(false);
  useEffect(() => {
    if (!focusHeading) return;
    headingRef.current?.focus();
    setFocusHeading(false);
  }, [focusHeading]);

  const onDisconnect = async () => {
    setDisconnectError(null);
    try {
      await disconnect();
      setConfirmingDisconnect(false);
      setFocusHeading(true);
    } catch (caught) {
      setConfirmingDisconnect(false);
      setDisconnectError(toUserFacingError(caught).message);
    }
  };

  const startLabel = starting ? 'Opening Xero…' : null;

  return (
    <section className="card integration" aria-labelledby="integration-xero">
      <div className="integration__logo" aria-hidden="true">
        X
      </div>
      <div className="integration__body">
        <div className="integration__title">
          <h2 id="integration-xero" ref={headingRef} className="card__title" tabIndex={-1}>
            Xero
          </h2>
          <span className={`badge ${status ? BADGE_TONES[status] : 'badge--neutral'}`} id="integration-xero-status">
            {status ? connectionStatusLabel(status) : 'Not connected'}
          </span>
        </div>
        {connection ? (
          <>
            <p className="integration__tenant">{connection.tenantName}</p>
            <p className="integration__meta">
              <span>
                <time dateTime={connection.lastSuccessfulPollAt ?? undefined} title={absolute(connection.lastSuccessfulPollAt)}>
                  {lastCheckedText(connection.lastSuccessfulPollAt, now)}
                </time>
              </span>
              {nextCheck ? (
                <span>
                  <time dateTime={connection.nextPollAt ?? undefined} title={absolute(connection.nextPollAt)}>
                    {nextCheck}
                  </time>
                </span>
              ) : null}
            </p>
            {headroom ? (
              <p className="integration__meta">
                <span>Xero API: {headroom}</span>
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">Import your Xero contacts as suppliers and keep their details up to date in both places.</p>
        )}
      </div>

      {canManage && (!connection || status === 'CONNECTED' || status === 'NEEDS_RECONNECT') ? (
        <div className="integration__action">
          {!connection ? (
            <button type="button" className="button button--primary" onClick={() => void start()} aria-disabled={starting || undefined}>
              {startLabel ?? 'Connect to Xero'}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => {
                setDisconnectError(null);
                setConfirmingDisconnect(true);
              }}
            >
              Disconnect
            </button>
          )}
        </div>
      ) : null}

      {canManage && originNotice && !startError ? (
        <p
          className={`integration__section ${originNotice.tone === 'warning' ? 'notice notice--warning' : 'integration__note'}`}
          role={originNotice.tone === 'warning' ? 'status' : undefined}
        >
          {originNotice.text}
        </p>
      ) : null}

      {startError || disconnectError ? (
        <div className="integration__section">
          <Alert>{startError ?? disconnectError}</Alert>
        </div>
      ) : null}

      {reason ? (
        <div className={`integration__section notice ${status === 'NEEDS_RECONNECT' ? 'notice--warning' : ''}`}>
          <p>{reason}</p>
          {canManage ? (
            <button type="button" className="button button--primary" onClick={() => void start()} aria-disabled={starting || undefined}>
              {startLabel ?? 'Reconnect to Xero'}
            </button>
          ) : null}
        </div>
      ) : null}

      {connection?.lastError ? (
        <p role="status" className={`integration__section integration__problem ${status === 'NEEDS_RECONNECT' ? 'integration__problem--alarm' : ''}`}>
          <span className="integration__problem-label">Last sync problem:</span> {connection.lastError}
        </p>
      ) : null}

      {connection ? <XeroImportProgress connection={connection} className="integration__section" /> : null}

      {!canManage ? (
        <p className="integration__section integration__note">
          {connection ? 'An admin of your organisation manages this connection.' : 'An admin of your organisation can connect Xero.'}
        </p>
      ) : null}

      {connection && canManage ? (
        <ConfirmDialog
          open={confirmingDisconnect}
          title="Disconnect Xero?"
          confirmLabel="Disconnect Xero"
          busyLabel="Disconnecting…"
          tone="danger"
          busy={disconnecting}
          onConfirm={() => void onDisconnect()}
          onCancel={() => setConfirmingDisconnect(false)}
        >
          <p>Vouch will stop syncing with {connection.tenantName} and give up its access in Xero. Suppliers already in Vouch stay here.</p>
          <p>You can reconnect {connection.tenantName} later.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
