import { RetryAlert } from '../../components/RetryAlert';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import { formatDateTime } from '../../components/format-date';
import { FIELD_LABELS, fieldLabel, formatValue } from '../suppliers/supplier-values';
import './review.css';
import { LoadMore } from '../../components/LoadMore';

const SupplierTimelineQuery = graphql(`
  query SupplierTimeline($id: ID!, $first: Int!, $after: String) {
    supplier(id: $id) {
      id
      auditEvents(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            kind
            summary
            actorType
            actorLabel
            at
            before
            after
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;

/** The supplier's audit trail, newest first, with "Load more" and a CSV export of all of it. */
export function Timeline({ supplierId }: { supplierId: string }) {
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, error, fetchMore, refetch } = useQuery(SupplierTimelineQuery, {
    variables: { id: supplierId, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.supplier?.auditEvents;

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.supplier?.auditEvents;
          const next = fetchMoreResult.supplier?.auditEvents;
          if (!prev || !next || !previous.supplier) return previous as typeof fetchMoreResult;
          const seen = new Set(prev.edges.map((e) => e.node.id));
          return {
            ...previous,
            supplier: {
              ...previous.supplier,
              auditEvents: {
                ...next,
                edges: [...prev.edges, ...next.edges.filter((e) => !seen.has(e.node.id))],
              },
            },
          } as typeof fetchMoreResult;
        },
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card__header">
        <h2 id="timeline-title" className="card__title">
          Timeline
        </h2>
        <a className="button button--small" href={`/api/suppliers/${encodeURIComponent(supplierId)}/audit.csv`} download>
          Export CSV
        </a>
      </div>
      {error && !connection ? <RetryAlert error={error} onRetry={refetch} /> : null}
      {!connection && !error ? <Loading label="Loading the timeline…" /> : null}
      {connection && connection.edges.length === 0 ? <p className="card__lead">Nothing has happened yet.</p> : null}
      {connection && connection.edges.length > 0 ? (
        <ol className="timeline" aria-label="Events, newest first">
          {connection.edges.map(({ node }) => (
            <li key={node.id} className="timeline__item">
              <span>{node.summary}</span>
              <span className="timeline__meta">
                <time dateTime={node.at}>{formatDateTime(node.at)}</time> · {node.actorLabel}
              </span>
              <EventChanges before={node.before} after={node.after} />
            </li>
          ))}
        </ol>
      ) : null}
      <LoadMore hasMore={connection?.pageInfo.hasNextPage} loading={loadingMore} onLoad={() => void loadMore()} />
    </section>
  );
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** An event's before/after values (objects keyed by field) as "Field: before → after" lines, on request. */
function EventChanges({ before, after }: { before: unknown; after: unknown }) {
  const was = asRecord(before);
  const now = asRecord(after);
  const order = Object.keys(FIELD_LABELS);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])]
    .filter((field) => JSON.stringify(was[field] ?? null) !== JSON.stringify(now[field] ?? null))
    .sort((a, b) => rank(a) - rank(b));
  if (fields.length === 0) return null;
  return (
    <details className="timeline__details">
      <summary>{fields.length === 1 ? 'Show the change' : `Show the ${fields.length} changes`}</summary>
      <dl className="details">
        {fields.map((field) => (
          <div key={field} className="details__row">
            <dt>{fieldLabel(field)}</dt>
            <dd className="details__multiline">
              {field in was ? formatValue(was[field], field) || 'None' : null}
              {field in was && field in now ? ' → ' : null}
              {field in now ? formatValue(now[field], field) || 'None' : null}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
