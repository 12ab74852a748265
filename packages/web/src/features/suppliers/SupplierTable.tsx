import { Link } from '../../app/router';
import { graphql } from '../../gql';
import type { SupplierTable_SupplierFragment } from '../../gql/graphql';

export const SupplierTableFragment = graphql(`
  fragment SupplierTable_supplier on Supplier {
    id
    name
    email
    createdAt
    status
    hasBankDetailDrift
  }
`);

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

export function SupplierTable({ suppliers }: { suppliers: readonly SupplierTable_SupplierFragment[] }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby="suppliers-table-caption" tabIndex={0}>
      <table className="table">
        <caption id="suppliers-table-caption" className="visually-hidden">
          Suppliers
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Added</th>
          </tr>
        </thead>
        <tbody>
          {suppliers.map((supplier) => (
            <tr key={supplier.id}>
              <th scope="row">
                <span className="supplier-name">
                  <Link to={`/suppliers/${supplier.id}`}>{supplier.name}</Link>
                  {supplier.status === 'ARCHIVED' ? <span className="badge">Archived in Xero</span> : null}
                  {supplier.hasBankDetailDrift ? (
                    <span className="badge badge--warning">
                      <span aria-hidden="true">! </span>
                      Bank details differ in Xero
                    </span>
                  ) : null}
                </span>
              </th>
              <td>{supplier.email ?? <span className="muted">No email</span>}</td>
              <td>
                <time dateTime={supplier.createdAt}>{formatDate(supplier.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
