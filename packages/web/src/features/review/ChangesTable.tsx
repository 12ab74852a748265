import { useId } from 'react';
import type { ReviewPanel_ChangeRequestFragment } from '../../gql/graphql';
import { formatValue } from '../suppliers/supplier-values';
import { unchangedSummary } from './review-text';
import { wordDiff } from './word-diff';
import './review.css';

type Request = Pick<ReviewPanel_ChangeRequestFragment, 'changes' | 'unchanged'>;

/** Field | Current | Proposed for every change, bank details flagged; or a line saying nothing changed. */
export function ChangesTable({ request }: { request: Request }) {
  const id = useId();
  return request.changes.length === 0 ? (
    <p className="card__lead">The supplier confirmed their details without changes.</p>
  ) : (
    <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="table diff">
        <caption id={`${id}-caption`} className="visually-hidden">
          Proposed changes
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Current</th>
            <th scope="col">Proposed</th>
          </tr>
        </thead>
        <tbody>
          {request.changes.map((change) => (
            <tr key={change.field} className={change.isBankDetail ? 'diff__row--bank' : undefined}>
              <th scope="row">
                {change.label}
                {change.isBankDetail ? (
                  <span className="diff__flag">
                    <span aria-hidden="true">⚠ </span>Bank detail
                  </span>
                ) : null}
              </th>
              <DiffCells before={formatValue(change.before, change.field)} after={formatValue(change.after, change.field)} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The fields the submission leaves as they are, folded under the changes. */
export function UnchangedFields({ request }: { request: Request }) {
  if (request.unchanged.length === 0) return null;
  return (
    <details className="review__unchanged">
      <summary>{unchangedSummary(request.unchanged.length)}</summary>
      <dl className="details">
        {request.unchanged.map((field) => (
          <div className="details__row" key={field.field}>
            <dt>{field.label}</dt>
            <dd className="details__multiline">{formatValue(field.value, field.field) || <span className="muted">None</span>}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Current | Proposed, with the words that changed marked on each side (removed struck, added highlighted). */
function DiffCells({ before, after }: { before: string; after: string }) {
  const { before: left, after: right } = wordDiff(before, after);
  return (
    <>
      <td data-label="Current">
        {left.length ? (
          left.map((p, i) =>
            p.changed ? (
              <del key={i} className="diff__del">
                {p.text}
              </del>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )
        ) : (
          <span className="muted">None</span>
        )}
      </td>
      <td data-label="Proposed">
        {right.length ? (
          right.map((p, i) =>
            p.changed ? (
              <ins key={i} className="diff__ins">
                {p.text}
              </ins>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )
        ) : (
          <span className="muted">None</span>
        )}
      </td>
    </>
  );
}
