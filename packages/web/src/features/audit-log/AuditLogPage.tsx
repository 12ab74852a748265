import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { isSessionExpired } from '../../app/session-expiry';
import { Link } from '../../app/router';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { CurrentUser } from '../accounts/current-user';
import { formatDateTime } from '../../components/format-date';
import { csvHref, isWarningKind, kindLabel, toApiFilter, type AuditFilterValues } from './audit-log-text';
import './audit-log.css';
import { LoadMore } from '../../components/LoadMore';

const PAGE_SIZE = 50;

const OrganisationAuditLogQuery = graphql(`
  query OrganisationAuditLog($first: Int!, $after: String, $actorId: ID, $kind: String, $from: DateTimeISO, $to: DateTimeISO) {
    organisationAuditEvents(first: $first, after: $after, actorId: $actorId, kind: $kind, from: $from, to: $to) {
      edges {
        cursor
        node {
          id
          at
          kind
          summary
          actorType
          actorLabel
          supplier {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AuditFiltersQuery = graphql(`
  query AuditLogFilters {
    organisationAuditFilters {
      people {
        id
        name
      }
      kinds
    }
  }
`);

const EMPTY: AuditFilterValues = { actorId: '', kind: '', from: '', to: '' };

/**
 * Settings → Audit log: every audited event of the organisation — team, settings, Xero, invites, reviews,
 * bank changes, API keys, sign-ins and two-factor — newest first, filtered by person, type and dates,
 * 50 at a time, and downloadable as CSV with the same filters.
 */
export function AuditLogPage({ user }: { user: CurrentUser }) {
  const [draft, setDraft] = useState<AuditFilterValues>(EMPTY);
  const [applied, setApplied] = useState(() => toApiFilter(EMPTY));
  const [dateError, setDateError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const filter = 'filter' in applied ? applied.filter : { actorId: null, kind: null, from: null, to: null };
  const { data, error, loading, fetchMore } = useQuery(OrganisationAuditLogQuery, {
    variables: { first: PAGE_SIZE, ...filter },
    fetchPolicy: 'cache-and-network',
  });
  const options = useQuery(AuditFiltersQuery, { fetchPolicy: 'cache-and-network' });
  const connection = data?.organisationAuditEvents;

  // The session has gone: the app is already switching to sign-in (see app/session-expiry.ts), so no error shows.
  const expired = error ? isSessionExpired(error) : false;

  const onApply = (event: FormEvent) => {
    event.preventDefault();
    const next = toApiFilter(draft);
    if ('error' in next) {
      setDateError(next.error);
      return;
    }
    setDateError(null);
    setApplied(next);
  };

  const onClear = () => {
    setDraft(EMPTY);
    setDateError(null);
    setApplied(toApiFilter(EMPTY));
  };

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.organisationAuditEvents;
          const next = fetchMoreResult.organisationAuditEvents;
          if (!prev || !next) return previous as typeof fetchMoreResult;
          const seen = new Set(prev.edges.map((e) => e.node.id));
          return {
            ...previous,
            organisationAuditEvents: { ...next, edges: [...prev.edges, ...next.edges.filter((e) => !seen.has(e.node.id))] },
          } as typeof fetchMoreResult;
        },
      });
    } finally {
      setLoadingMore(false);
    }
  };

  const filtered = Boolean(filter.actorId || filter.kind || filter.from || filter.to);
  const people = options.data?.organisationAuditFilters.people ?? [];
  const kinds = options.data?.organisationAuditFilters.kinds ?? [];

  return (
    <>
      <div className="page-header">
        <p className="breadcrumb">
          <Link to="/settings">Settings</Link>
        </p>
        <PageHeading title="Audit log">Audit log</PageHeading>
        <p className="page-header__lead">
          Everything people, suppliers, Xero and Vouch did in {user.organisation.name}, newest first. Bank numbers are masked.
        </p>
      </div>

      <form className="card audit-log__filters" onSubmit={onApply} aria-label="Filter the audit log" noValidate>
        <SelectField label="Person" value={draft.actorId} onChange={(event) => setDraft({ ...draft, actorId: event.target.value })}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Type" value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value })}>
          <option value="">All types</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="From"
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <TextField
          label="To"
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          error={dateError}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <div className="form__actions audit-log__actions">
          <button type="submit" className="button button--primary">
            Apply filters
          </button>
          {filtered || draft !== EMPTY ? (
            <button type="button" className="button button--quiet" onClick={onClear}>
              Clear
            </button>
          ) : null}
          <a className="button" href={csvHref(filter)} download>
            Download CSV
          </a>
        </div>
      </form>

      <section className="card" aria-labelledby="audit-log-events" aria-busy={loading || undefined}>
        <h2 id="audit-log-events" className="visually-hidden">
          Events
        </h2>
        {!connection && loading ? <Loading label="Loading the audit log…" /> : null}
        {error && !expired ? <Alert>{toUserFacingError(error).message}</Alert> : null}
        {connection && connection.edges.length === 0 ? (
          <p className="muted">{filtered ? 'No events match these filters.' : 'Nothing has happened yet.'}</p>
        ) : null}
        {connection && connection.edges.length ? (
          <ol className="audit-log__list">
            {connection.edges.map(({ node }) => (
              <li key={node.id} className="audit-log__item">
                <p className="audit-log__summary">{node.summary}</p>
                <p className="audit-log__meta">
                  <span className={`badge ${isWarningKind(node.kind) ? 'badge--warning' : ''}`}>{kindLabel(node.kind)}</span>
                  <time dateTime={node.at}>{formatDateTime(node.at)}</time>
                  <span>{node.actorLabel}</span>
                  {node.supplier ? <Link to={`/suppliers/${encodeURIComponent(node.supplier.id)}`}>{node.supplier.name}</Link> : null}
                </p>
              </li>
            ))}
          </ol>
        ) : null}
        <LoadMore hasMore={connection?.pageInfo.hasNextPage} loading={loadingMore} onLoad={() => void loadMore()} label="Show older events" />
      </section>
    </>
  );
}
