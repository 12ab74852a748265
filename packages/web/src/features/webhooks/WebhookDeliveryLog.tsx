import { useMutation, useQuery } from '@apollo/client/react';
import { RetryAlert } from '../../components/RetryAlert';
import { Loading } from '../../components/Spinner';
import { formatDateTime } from '../../components/format-date';
import { graphql } from '../../gql';
import type { WebhooksSection_EndpointFragment } from '../../gql/graphql';
import { deliveryStatusLabel, durationText, responseText } from './webhook-text';

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

const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
    }
  }
`);

type Endpoint = WebhooksSection_EndpointFragment;

/** The endpoint's 25 latest deliveries (refreshed every 5 seconds while open), each with Redeliver. */
export function WebhookDeliveryLog({ endpoint, onProblem, onStatus }: { endpoint: Endpoint; onProblem: (e: unknown) => void; onStatus: (s: string) => void }) {
  const { data, error, loading, refetch } = useQuery(WebhookDeliveriesQuery, {
    variables: { endpointId: endpoint.id },
    fetchPolicy: 'cache-and-network',
    pollInterval: 5000,
  });
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
