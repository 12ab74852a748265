import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RetryAlert } from '../../components/RetryAlert';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { WebhookEventType, WebhooksSection_EndpointFragment } from '../../gql/graphql';
import type { CurrentUser } from '../accounts/current-user';
import { CopyLink } from '../../components/CopyLink';
import { formatDate, formatDateTime } from '../../components/format-date';
import { deliveryStatusLabel, durationText, EVENT_OPTIONS, eventsSummary, responseText, webhookErrorMessage } from './webhook-text';
import '../api-keys/api-keys.css';
import './webhooks.css';

export const EndpointFragment = graphql(`
  fragment WebhooksSection_endpoint on WebhookEndpoint {
    id
    url
    description
    eventTypes
    canReadBankDetails
    status
    disabledReason
    failingSince
    lastSuccessAt
    createdAt
  }
`);

const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhooksSection_endpoint
    }
  }
`);

const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 25) {
      id
      webhookId
      eventType
      status
      attempts
      responseStatus
      lastError
      durationMs
      createdAt
      lastAttemptAt
      nextAttemptAt
      isRedelivery
    }
  }
`);

const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhooksSection_endpoint
      }
      secret
    }
  }
`);

const SetWebhookEndpointEnabledMutation = graphql(`
  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {
    setWebhookEndpointEnabled(id: $id, enabled: $enabled) {
      ...WebhooksSection_endpoint
    }
  }
`);

const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

const SendWebhookTestEventMutation = graphql(`
  mutation SendWebhookTestEvent($endpointId: ID!) {
    sendWebhookTestEvent(endpointId: $endpointId) {
      id
    }
  }
`);

const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
    }
  }
`);

type Endpoint = WebhooksSection_EndpointFragment;

/**
 * Webhook endpoints for third-party tools (ADMIN only; nobody else sees the section). The signing secret of a
 * new endpoint is shown once, from component state only (the create mutation runs with `no-cache`).
 */
export function WebhooksSection({ user }: { user: CurrentUser }) {
  if (user.role !== 'ADMIN') return null;
  return <Webhooks />;
}

function Webhooks() {
  const { data, error, loading, refetch } = useQuery(WebhookEndpointsQuery, { fetchPolicy: 'cache-and-network' });
  const [create, { loading: creating }] = useMutation(CreateWebhookEndpointMutation, { fetchPolicy: 'no-cache' });
  const [setEnabled] = useMutation(SetWebhookEndpointEnabledMutation);
  const [remove, { loading: removing }] = useMutation(DeleteWebhookEndpointMutation);
  const [sendTest] = useMutation(SendWebhookTestEventMutation);

  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>(['SUPPLIER_BANK_DETAILS_CHANGED']);
  const [canReadBankDetails, setCanReadBankDetails] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [deleting, setDeleting] = useState<Endpoint | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const secretRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [focusTarget, setFocusTarget] = useState<'secret' | 'heading' | 'status' | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    ({ secret: secretRef, heading: headingRef, status: statusRef })[focusTarget].current?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const say = (text: string) => {
    setStatus(text);
    setProblem(null);
    setFocusTarget('status');
  };
  const fail = (caught: unknown) => setProblem(webhookErrorMessage(toUserFacingError(caught)));

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (creating) return;
    setProblem(null);
    setStatus(null);
    const errors: Record<string, string> = {};
    if (!url.trim()) errors.url = 'Enter the URL your tool receives events at, e.g. https://tool.example.com/webhooks/vouch.';
    if (!eventTypes.length) errors.eventTypes = 'Choose at least one event to send.';
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    try {
      const result = await create({ variables: { input: { url: url.trim(), description: description.trim() || null, eventTypes, canReadBankDetails } } });
      const payload = result.data?.createWebhookEndpoint;
      if (payload) {
        setCreated({ url: payload.endpoint.url, secret: payload.secret });
        setFocusTarget('secret');
      }
      setUrl('');
      setDescription('');
      setEventTypes(['SUPPLIER_BANK_DETAILS_CHANGED']);
      setCanReadBankDetails(false);
      void refetch().catch(() => undefined);
    } catch (caught) {
      const failure = toUserFacingError(caught);
      if (Object.keys(failure.fields).length) setFieldErrors(failure.fields);
      else setProblem(webhookErrorMessage(failure));
    }
  };

  const toggle = async (endpoint: Endpoint) => {
    try {
      const enabled = endpoint.status !== 'ENABLED';
      await setEnabled({ variables: { id: endpoint.id, enabled } });
      say(enabled ? `Enabled ${endpoint.url}. Waiting events are sent now, in order.` : `Disabled ${endpoint.url}. Events wait until you enable it again.`);
    } catch (caught) {
      fail(caught);
    }
  };

  const test = async (endpoint: Endpoint) => {
    try {
      await sendTest({ variables: { endpointId: endpoint.id } });
      setOpen(endpoint.id);
      say(`Sent a test event to ${endpoint.url}. Its delivery is in the log below.`);
    } catch (caught) {
      fail(caught);
    }
  };

  const onDelete = async () => {
    if (!deleting) return;
    try {
      await remove({ variables: { id: deleting.id } });
      say(`Deleted ${deleting.url}. Nothing more is sent there.`);
      if (open === deleting.id) setOpen(null);
      void refetch().catch(() => undefined);
    } catch (caught) {
      fail(caught);
    } finally {
      setDeleting(null);
    }
  };

  const endpoints = data?.webhookEndpoints ?? [];

  return (
    <section className="card api-keys webhooks" aria-labelledby="settings-webhooks">
      <h2 id="settings-webhooks" className="card__title" ref={headingRef} tabIndex={-1}>
        Webhooks
      </h2>
      <p className="card__lead">
        Tell your own tools the moment a supplier’s details or bank details change. Vouch signs every request to the{' '}
        <a href="https://www.standardwebhooks.com/" target="_blank" rel="noreferrer">
          Standard Webhooks
        </a>{' '}
        specification and retries for about a day; how to verify a signature is in <code>docs/api.md</code>.
      </p>

      {created ? (
        <div className="notice notice--warning api-keys__secret" ref={secretRef} tabIndex={-1}>
          <p>
            <strong>Copy the signing secret for {created.url} now. It will not be shown again.</strong> Your tool uses it
            to check that each request came from Vouch.
          </p>
          <CopyLink link={created.secret} label="Signing secret" />
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setCreated(null);
              setFocusTarget('heading');
            }}
          >
            I’ve copied it
          </button>
        </div>
      ) : null}

      {status ? (
        <p role="status" className="notice api-keys__status" ref={statusRef} tabIndex={-1}>
          {status}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}

      {!data && loading ? <Loading label="Loading webhooks…" /> : null}
      {!data && error ? <RetryAlert error={error} onRetry={refetch} /> : null}
      {data && endpoints.length === 0 ? <p className="muted api-keys__empty">No webhook endpoints yet.</p> : null}

      {endpoints.map((endpoint) => (
        <article key={endpoint.id} className="webhooks__endpoint" aria-label={`Endpoint ${endpoint.url}`}>
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
          {endpoint.status === 'DISABLED' && endpoint.disabledReason ? <p className="muted">{endpoint.disabledReason}</p> : null}
          <div className="form__actions">
            <button type="button" className="button button--small" aria-expanded={open === endpoint.id} onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}>
              {open === endpoint.id ? 'Hide deliveries' : 'Deliveries'}
            </button>
            <button type="button" className="button button--small" disabled={endpoint.status !== 'ENABLED'} onClick={() => void test(endpoint)}>
              Send test event
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => void toggle(endpoint)}>
              {endpoint.status === 'ENABLED' ? 'Disable' : 'Enable'}
            </button>
            <button type="button" className="button button--small button--quiet" aria-label={`Delete ${endpoint.url}`} onClick={() => setDeleting(endpoint)}>
              Delete
            </button>
          </div>
          {open === endpoint.id ? <DeliveryLog endpoint={endpoint} onProblem={fail} onStatus={say} /> : null}
        </article>
      ))}

      <form className="form api-keys__form" onSubmit={(event) => void onCreate(event)} noValidate>
        <h3 className="api-keys__form-title">Add an endpoint</h3>
        <TextField
          label="URL"
          hint="HTTPS, where your tool receives events. Redirects are not followed."
          name="url"
          type="url"
          autoComplete="off"
          maxLength={2048}
          value={url}
          error={fieldErrors.url ?? null}
          onChange={(event) => setUrl(event.target.value)}
        />
        <TextField
          label="Description (optional)"
          name="description"
          autoComplete="off"
          maxLength={200}
          value={description}
          error={fieldErrors.description ?? null}
          onChange={(event) => setDescription(event.target.value)}
        />
        <fieldset className="fieldset" aria-describedby={fieldErrors.eventTypes ? 'webhook-events-error' : undefined}>
          <legend className="fieldset__legend">Events to send</legend>
          {EVENT_OPTIONS.map((option) => (
            <label key={option.value} className="checkbox">
              <input
                type="checkbox"
                checked={eventTypes.includes(option.value)}
                onChange={(event) =>
                  setEventTypes((current) => (event.target.checked ? [...current, option.value] : current.filter((t) => t !== option.value)))
                }
              />
              <span>
                {option.label}
                <span className="checkbox__hint">
                  <code>{option.wire}</code>
                </span>
              </span>
            </label>
          ))}
          {fieldErrors.eventTypes ? (
            <p className="field__error" id="webhook-events-error">
              {fieldErrors.eventTypes}
            </p>
          ) : null}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={canReadBankDetails} aria-describedby="webhook-bank-hint" onChange={(event) => setCanReadBankDetails(event.target.checked)} />
          <span>
            Send full bank details
            <span className="checkbox__hint" id="webhook-bank-hint">
              Without this, bank account numbers in events are masked to their last 4 digits.
            </span>
          </span>
        </label>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={creating || undefined}>
            {creating ? 'Adding…' : 'Add endpoint'}
          </button>
        </div>
      </form>

      <ConfirmDialog
        open={deleting !== null}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        busyLabel="Deleting…"
        tone="danger"
        busy={removing}
        onConfirm={() => void onDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          Nothing more is sent to <code>{deleting?.url}</code>, and its delivery log goes too. To pause instead, disable it.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function DeliveryLog({ endpoint, onProblem, onStatus }: { endpoint: Endpoint; onProblem: (e: unknown) => void; onStatus: (s: string) => void }) {
  const { data, error, loading, refetch } = useQuery(WebhookDeliveriesQuery, { variables: { endpointId: endpoint.id }, fetchPolicy: 'cache-and-network', pollInterval: 5000 });
  const [redeliver, { loading: redelivering }] = useMutation(RedeliverWebhookMutation);
  const rows = data?.webhookDeliveries ?? [];
  const onRedeliver = async (id: string, eventType: string) => {
    try {
      await redeliver({ variables: { deliveryId: id } });
      onStatus(`Sending ${eventType} again (same webhook-id, so your tool can recognise it).`);
      void refetch().catch(() => undefined);
    } catch (caught) {
      onProblem(caught);
    }
  };
  if (!data && loading) return <Loading label="Loading deliveries…" />;
  if (!data && error) return <RetryAlert error={error} onRetry={refetch} />;
  if (!rows.length) return <p className="muted">No deliveries yet. Send a test event to try the endpoint.</p>;
  return (
    <div className="table-wrap" role="region" aria-label={`Deliveries to ${endpoint.url}`} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">Recent deliveries to {endpoint.url}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Response</th>
            <th scope="col">Duration</th>
            <th scope="col">Attempts</th>
            <th scope="col">When</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <code>{d.eventType}</code>
                {d.isRedelivery ? <span className="muted"> (sent again)</span> : null}
              </th>
              <td>{deliveryStatusLabel(d.status, d.attempts)}</td>
              <td>{responseText(d)}</td>
              <td>{durationText(d.durationMs)}</td>
              <td>{d.attempts}</td>
              <td>
                <time dateTime={d.lastAttemptAt ?? d.createdAt}>{formatDateTime(d.lastAttemptAt ?? d.createdAt)}</time>
                {d.nextAttemptAt && d.attempts > 0 ? (
                  <span className="muted">
                    {' '}
                    · next try <time dateTime={d.nextAttemptAt}>{formatDateTime(d.nextAttemptAt)}</time>
                  </span>
                ) : null}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  disabled={redelivering || endpoint.status !== 'ENABLED' || d.status === 'PENDING' || d.status === 'DELIVERING'}
                  aria-label={`Redeliver ${d.eventType} from ${formatDateTime(d.createdAt)}`}
                  onClick={() => void onRedeliver(d.id, d.eventType)}
                >
                  Redeliver
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
