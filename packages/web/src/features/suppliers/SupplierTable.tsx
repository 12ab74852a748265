import { Link } from '../../app/router';
import { graphql } from '../../gql';
import type { SupplierTable_SupplierFragment } from '../../gql/graphql';
import { INVITE_STATUS_LABELS } from '../invites/invite-status';
import { SyncStatusBadge } from '../sync/SyncStatusBadge';
import { formatDate } from './format-date';

export const SupplierTableFragment = graphql(`
  fragment SupplierTable_supplier on Supplier {
    id
    name
    email
    createdAt
    status
    hasBankDetailDrift
    hasDrift
    inviteStatus
    awaitingReview
    syncStatus
    paymentHoldUntil
  }
`);

interface Selection {
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
}

export function SupplierTable({
  suppliers,
  selection,
}: {
  suppliers: readonly SupplierTable_SupplierFragment[];
  /** When given (ADMIN and APPROVER), each row gets a checkbox for bulk invites. */
  selection?: Selection;
}) {
  const allSelected = selection ? suppliers.length > 0 && suppliers.every((s) => selection.selected.has(s.id)) : false;
  return (
    <div className="table-wrap" role="region" aria-labelledby="suppliers-table-caption" tabIndex={0}>
      <table className="table">
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
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Added</th>
          </tr>
        </thead>
        <tbody>
          {suppliers.map((supplier) => {
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
                <th scope="row">
                  <span className="supplier-name">
                    <Link to={`/suppliers/${supplier.id}`}>{supplier.name}</Link>
                    {supplier.status === 'ARCHIVED' ? <span className="badge">Archived in Xero</span> : null}
                    {supplier.awaitingReview ? <span className="badge badge--warning">Awaiting review</span> : null}
                    {supplier.inviteStatus && !supplier.awaitingReview ? (
                      <span className="badge">{INVITE_STATUS_LABELS[supplier.inviteStatus]}</span>
                    ) : null}
                    {supplier.hasBankDetailDrift ? (
                      <span className="badge badge--warning">
                        <span aria-hidden="true">! </span>
                        Bank details differ in Xero
                      </span>
                    ) : supplier.hasDrift ? (
                      <span className="badge">Differs in Xero</span>
                    ) : null}
                    {supplier.paymentHoldUntil && new Date(supplier.paymentHoldUntil).getTime() > Date.now() ? (
                      <span className="badge badge--warning">Payment hold until {formatDate(supplier.paymentHoldUntil)}</span>
                    ) : null}
                    <SyncStatusBadge status={supplier.syncStatus} />
                  </span>
                </th>
                <td>{supplier.email ?? <span className="muted">No email</span>}</td>
                <td>
                  <time dateTime={supplier.createdAt}>{formatDate(supplier.createdAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
