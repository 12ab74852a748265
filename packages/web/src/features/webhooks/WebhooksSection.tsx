import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RetryAlert } from '../../components/RetryAlert';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import type { WebhooksSection_EndpointFragment } from '../../gql/graphql';
import type { CurrentUser } from '../accounts/current-user';
import { CopyLink } from '../../components/CopyLink';
import { WebhookEndpointForm } from './WebhookEndpointForm';
import { WebhookEndpointItem } from './WebhookEndpointItem';
import { webhookErrorMessage } from './webhook-text';
import { formatDateTime } from '../../components/format-date';
import { useStepUp } from '../security/useStepUp';
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
    previousSecretValidUntil
  }
`);

const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhooksSection_endpoint
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

const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      endpoint {
        ...WebhooksSection_endpoint
      }
      secret
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
  const [setEnabled] = useMutation(SetWebhookEndpointEnabledMutation);
  const [remove, { loading: removing }] = useMutation(DeleteWebhookEndpointMutation);
  const [sendTest] = useMutation(SendWebhookTestEventMutation);
  // The new secret lives in component state only (no-cache), like a new endpoint's.
  const [rotate, { loading: rotatingNow }] = useMutation(RotateWebhookSecretMutation, { fetchPolicy: 'no-cache' });
  const stepUp = useStepUp();

  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string; rotatedUntil?: string } | null>(null);
  const [deleting, setDeleting] = useState<Endpoint | null>(null);
  const [rotating, setRotating] = useState<Endpoint | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
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

  const onRotate = async () => {
    if (!rotating) return;
    const endpoint = rotating;
    setRotating(null);
    setProblem(null);
    setStatus(null);
    try {
      const result = await stepUp.run(() => rotate({ variables: { id: endpoint.id } }));
      const payload = result.data?.rotateWebhookSecret;
      if (payload) {
        setCreated({ url: payload.endpoint.url, secret: payload.secret, rotatedUntil: payload.endpoint.previousSecretValidUntil ?? undefined });
        setFocusTarget('secret');
      }
      void refetch().catch(() => undefined);
    } catch (caught) {
      fail(caught);
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
            <strong>
              Copy the {created.rotatedUntil ? 'new ' : ''}signing secret for {created.url} now. It will not be shown again.
            </strong>{' '}
            Your tool uses it to check that each request came from Vouch.
            {created.rotatedUntil ? (
              <>
                {' '}
                Until {formatDateTime(created.rotatedUntil)} every request is signed with both the new and the previous secret, so switch your tool over before
                then.
              </>
            ) : null}
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
        <WebhookEndpointItem
          key={endpoint.id}
          endpoint={endpoint}
          open={open === endpoint.id}
          onToggleDeliveries={() => setOpen(open === endpoint.id ? null : endpoint.id)}
          onTest={() => void test(endpoint)}
          onToggleEnabled={() => void toggle(endpoint)}
          onDelete={() => setDeleting(endpoint)}
          onRotate={() => setRotating(endpoint)}
          onEdit={() => setEditing(editing === endpoint.id ? null : endpoint.id)}
          editForm={
            editing === endpoint.id ? (
              <WebhookEndpointForm
                editing={endpoint}
                onStart={() => {
                  setProblem(null);
                  setStatus(null);
                }}
                onSaved={(url) => {
                  setEditing(null);
                  say(`Saved ${url}. Its secret and delivery log are unchanged.`);
                }}
                onCancel={() => setEditing(null)}
                onProblem={setProblem}
                onChanged={() => void refetch().catch(() => undefined)}
              />
            ) : null
          }
          onProblem={fail}
          onStatus={say}
        />
      ))}

      <WebhookEndpointForm
        onStart={() => {
          setProblem(null);
          setStatus(null);
        }}
        onCreated={(next) => {
          setCreated(next);
          setFocusTarget('secret');
        }}
        onProblem={setProblem}
        onChanged={() => void refetch().catch(() => undefined)}
      />

      <ConfirmDialog
        open={rotating !== null}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        busyLabel="Rotating…"
        busy={rotatingNow}
        onConfirm={() => void onRotate()}
        onCancel={() => setRotating(null)}
      >
        <p>
          <code>{rotating?.url}</code> gets a new secret, shown once. For 24 hours every request carries signatures by both secrets, so your tool keeps working
          while you switch it to the new one.
        </p>
      </ConfirmDialog>
      {stepUp.dialog}

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
