import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../components/format-date';
import type { WebhooksSection_EndpointFragment } from '../../gql/graphql';
import { WebhookDeliveryLog } from './WebhookDeliveryLog';
import { eventsSummary } from './webhook-text';
import './webhooks.css';

/** One endpoint: its URL, state and events; Deliveries (the log), Send test event, Disable or Enable, Delete. */
export function WebhookEndpointItem({
  endpoint,
  open,
  onToggleDeliveries,
  onTest,
  onToggleEnabled,
  onDelete,
  onRotate,
  editForm,
  onEdit,
  onProblem,
  onStatus,
}: {
  endpoint: WebhooksSection_EndpointFragment;
  /** Its delivery log is shown. */
  open: boolean;
  onToggleDeliveries: () => void;
  onTest: () => void;
  onToggleEnabled: () => void;
  onDelete: () => void;
  /** Asks for a new signing secret (after a confirmation). */
  onRotate: () => void;
  /** The edit form, when this endpoint is being edited. */
  editForm: ReactNode;
  onEdit: () => void;
  onProblem: (caught: unknown) => void;
  onStatus: (text: string) => void;
}) {
  return (
    <article className="webhooks__endpoint" aria-label={`Endpoint ${endpoint.url}`}>
      <div className="webhooks__endpoint-head">
        <p className="webhooks__url">
          <code>{endpoint.url}</code>
          {endpoint.description ? <span className="muted"> — {endpoint.description}</span> : null}
        </p>
        <span className={endpoint.status === 'ENABLED' ? 'badge' : 'badge badge--warning'}>
          {endpoint.status === 'ENABLED' ? (endpoint.failingSince ? 'Failing' : 'Enabled') : 'Disabled'}
        </span>
      </div>
      <p className="muted">
        {eventsSummary(endpoint.eventTypes)} · {endpoint.canReadBankDetails ? 'full bank details' : 'bank details masked'} · added{' '}
        <time dateTime={endpoint.createdAt}>{formatDate(endpoint.createdAt)}</time>
        {endpoint.failingSince ? (
          <>
            {' '}
            · failing since <time dateTime={endpoint.failingSince}>{formatDateTime(endpoint.failingSince)}</time>
          </>
        ) : null}
      </p>
      {endpoint.previousSecretValidUntil ? (
        <p className="muted">
          Secret rotated: the previous secret also signs until{' '}
          <time dateTime={endpoint.previousSecretValidUntil}>{formatDateTime(endpoint.previousSecretValidUntil)}</time>.
        </p>
      ) : null}
      {endpoint.status === 'DISABLED' && endpoint.disabledReason ? <p className="muted">{endpoint.disabledReason}</p> : null}
      <div className="form__actions">
        <button type="button" className="button button--small" aria-expanded={open} onClick={onToggleDeliveries}>
          {open ? 'Hide deliveries' : 'Deliveries'}
        </button>
        <button type="button" className="button button--small" disabled={endpoint.status !== 'ENABLED'} onClick={onTest}>
          Send test event
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onToggleEnabled}>
          {endpoint.status === 'ENABLED' ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-label={`Edit ${endpoint.url}`}
          aria-expanded={Boolean(editForm)}
          onClick={onEdit}
        >
          Edit
        </button>
        <button type="button" className="button button--small button--quiet" aria-label={`Rotate the signing secret of ${endpoint.url}`} onClick={onRotate}>
          Rotate secret
        </button>
        <button type="button" className="button button--small button--quiet" aria-label={`Delete ${endpoint.url}`} onClick={onDelete}>
          Delete
        </button>
      </div>
      {editForm}
      {open ? <WebhookDeliveryLog endpoint={endpoint} onProblem={onProblem} onStatus={onStatus} /> : null}
    </article>
  );
}
