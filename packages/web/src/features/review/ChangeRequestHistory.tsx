import { graphql } from '../../gql';
import type { ChangeRequestHistory_ChangeRequestFragment, ChangeRequestStatus } from '../../gql/graphql';
import { formatDateTime } from '../../components/format-date';

export const ChangeRequestHistoryFragment = graphql(`
  fragment ChangeRequestHistory_changeRequest on ChangeRequest {
    id
    status
    submittedAt
    decidedAt
    rejectReason
  }
`);

const STATUS_LABELS: Record<ChangeRequestStatus, string> = {
  PENDING: 'Awaiting review',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
  SUPERSEDED: 'Replaced by a later submission',
};

/** Every submission from this supplier, newest first. */
export function ChangeRequestHistory({ requests }: { requests: readonly ChangeRequestHistory_ChangeRequestFragment[] }) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title" className="card__title">
        Submissions
      </h2>
      <div className="table-wrap" role="region" aria-labelledby="history-caption" tabIndex={0}>
        <table className="table">
          <caption id="history-caption" className="visually-hidden">
            Submissions, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">Outcome</th>
              <th scope="col">Decided</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.submittedAt)}</td>
                <td>{STATUS_LABELS[r.status]}</td>
                <td>{r.decidedAt ? formatDateTime(r.decidedAt) : <span className="muted">—</span>}</td>
                <td>{r.rejectReason ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
