import { Link } from '../../app/router';
import { useNow } from '../../app/useNow';
import { graphql } from '../../gql';
import type { SupplierTable_SupplierFragment } from '../../gql/graphql';
import { SyncStatusBadge } from '../sync/SyncStatusBadge';
import { formatDateTime } from '../../components/format-date';
import { bankStateCell, inviteCell, lastChangeCell, type Tone } from './supplier-columns';
import { ariaSort, nextSort, type SortColumn, type SortKey } from './supplier-filters';
import './suppliers.css';

/** Every column is a stored field of the supplier row: a page costs the same queries whatever its size. */
export const SupplierTableFragment = graphql(`
  fragment SupplierTable_supplier on Supplier {
    id
    name
    email
    status
    hasDrift
    inviteStatus
    inviteExpiresAt
    awaitingReview
    syncStatus
    paymentHoldUntil
    bankState
    lastActivity
    lastActivityAt
  }
`);

interface Selection {
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
}

const TONE_CLASSES: Record<Tone, string> = {
  success: 'badge badge--success',
  warning: 'badge badge--warning',
  danger: 'badge badge--danger',
  neutral: 'badge badge--neutral',
};

function SortHeader({ column, label, sort, onSort }: { column: SortColumn; label: string; sort: SortKey; onSort: (next: SortKey) => void }) {
  const direction = ariaSort(sort, column);
  return (
    <th scope="col" aria-sort={direction}>
      {/* The arrow is drawn by CSS from aria-sort (which is what assistive technology announces). */}
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, column))}>
        {label}
      </button>
    </th>
  );
}

/**
 * The Suppliers list: who they are, where their invite stands, their bank details, their Xero sync and what
 * happened last. On a phone each row becomes a card with the same labelled facts.
 */
export function SupplierTable({
  suppliers,
  selection,
  sort,
  onSort,
}: {
  suppliers: readonly SupplierTable_SupplierFragment[];
  /** When given (ADMIN and APPROVER), each row gets a checkbox for bulk invites. */
  selection?: Selection;
  sort: SortKey;
  onSort: (next: SortKey) => void;
}) {
  const now = useNow(60_000);
  const allSelected = selection ? suppliers.length > 0 && suppliers.every((s) => selection.selected.has(s.id)) : false;
  return (
    <div className="table-wrap supplier-table-wrap" role="region" aria-labelledby="suppliers-table-caption" tabIndex={0}>
      <table className="table supplier-table">
        <caption id="suppliers-table-caption" className="visually-hidden">
          Suppliers
        </caption>
        <thead>
          <tr>
            {selection ? (
              <td className="table__select">
                <input
                  type="checkbox"
                  aria-label="Select all shown suppliers"
                  checked={allSelected}
                  onChange={(event) => selection.onToggleAll(event.target.checked)}
                />
              </td>
            ) : null}
            <SortHeader column="name" label="Name" sort={sort} onSort={onSort} />
            <th scope="col">Invite</th>
            <th scope="col">Bank details</th>
            <th scope="col">Xero sync</th>
            <SortHeader column="lastChange" label="Last change" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {suppliers.map((supplier) => {
            const invite = inviteCell(supplier.inviteStatus, supplier.inviteExpiresAt, now);
            const bank = bankStateCell(supplier.bankState, supplier.paymentHoldUntil);
            const last = lastChangeCell(supplier.lastActivity, supplier.lastActivityAt, now);
            return (
              <tr key={supplier.id}>
                {selection ? (
                  <td className="table__select">
                    <input
                      type="checkbox"
                      aria-label={`Select ${supplier.name}`}
                      checked={selection.selected.has(supplier.id)}
                      onChange={(event) => selection.onToggle(supplier.id, event.target.checked)}
                    />
                  </td>
                ) : null}
                <th scope="row" className="supplier-table__name">
                  <span className="supplier-name">
                    <Link to={`/suppliers/${supplier.id}`}>{supplier.name}</Link>
                    {supplier.status === 'ARCHIVED' ? <span className="badge">Archived in Xero</span> : null}
                    {supplier.awaitingReview ? <span className="badge badge--warning">Awaiting review</span> : null}
                    {supplier.hasDrift && supplier.bankState !== 'CHANGED' ? <span className="badge">Differs in Xero</span> : null}
                  </span>
                  <span className="supplier-table__email">{supplier.email ?? 'No email'}</span>
                </th>
                <td data-label="Invite">
                  <span className={TONE_CLASSES[invite.tone]}>{invite.text}</span>
                </td>
                <td data-label="Bank details">
                  <span className={TONE_CLASSES[bank.tone]}>
                    {bank.tone === 'danger' ? <span aria-hidden="true">! </span> : null}
                    {bank.text}
                  </span>
                </td>
                <td data-label="Xero sync">
                  {supplier.syncStatus ? <SyncStatusBadge status={supplier.syncStatus} /> : <span className="muted">Nothing to send</span>}
                </td>
                <td data-label="Last change" className="supplier-table__last">
                  <span>
                    {last.what}{' '}
                    <time className="muted" dateTime={supplier.lastActivityAt} title={formatDateTime(supplier.lastActivityAt)}>
                      {last.when}
                    </time>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
