import { RetryAlert } from '../../components/RetryAlert';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Spinner';
import { toUserFacingError } from '../../app/errors';
import { isSessionExpired } from '../../app/session-expiry';
import { Link } from '../../app/router';
import { graphql } from '../../gql';
import type { CurrentUser } from '../accounts/current-user';
import { InvitePanel } from '../invites/InvitePanel';
import { ChangeRequestHistory } from '../review/ChangeRequestHistory';
import { ReviewPanel } from '../review/ReviewPanel';
import { Timeline } from '../review/Timeline';
import { SupplierSyncBlock } from '../sync/SupplierSyncBlock';
import { useSyncUpdated } from '../sync/sync-documents';
import { formatDate, formatDateTime } from '../../components/format-date';
import { fieldLabel, formatAddress, formatPerson, formatPhone, formatValue } from './supplier-values';
import './suppliers.css';
import '../review/review.css';

const SupplierPageQuery = graphql(`
  query SupplierPage($id: ID!) {
    supplier(id: $id) {
      id
      name
      firstName
      lastName
      email
      status
      taxNumber
      companyNumber
      bankAccountDetails
      bankDetailsVerified
      bankDetailsVerifiedAt
      bankDetailsStatus
      paymentHoldUntil
      hasBankDetailDrift
      xeroContactId
      phones {
        type
        number
        areaCode
        countryCode
      }
      addresses {
        type
        line1
        line2
        line3
        line4
        city
        region
        postalCode
        country
        attentionTo
      }
      contactPersons {
        firstName
        lastName
        email
      }
      drift {
        id
        field
        vouchValue
        xeroValue
        isBankDetail
        lastSeenAt
      }
      pendingChangeRequest {
        ...ReviewPanel_changeRequest
      }
      changeRequests {
        ...ChangeRequestHistory_changeRequest
      }
      ...InvitePanel_supplier
    }
  }
`);

/** `/suppliers/:id`: details, Xero drift, invite, review of a pending change, history and timeline. */
export function SupplierPage({ supplierId, user }: { supplierId: string; user: CurrentUser }) {
  const { data, error, loading, refetch } = useQuery(SupplierPageQuery, {
    variables: { id: supplierId },
    fetchPolicy: 'cache-and-network',
  });
  const [outcome, setOutcome] = useState<string | null>(null);
  const canManage = user.role === 'ADMIN' || user.role === 'APPROVER';

  // The session has gone: the app is already switching to sign-in (see app/session-expiry.ts), so no error shows.
  const expired = error ? isSessionExpired(error) : false;

  const client = useApolloClient();
  const supplier = data?.supplier;
  // After an invite or a decision, the page and its timeline (a separate, paged query) both change.
  const reload = () => {
    void refetch().catch(() => undefined);
    void client.refetchQueries({ include: ['SupplierTimeline'] }).catch(() => undefined);
  };
  // A push that settles writes the timeline ("Xero now holds …"), may close drift and link the Xero contact:
  // the open page follows it, as its sync badge does.
  useSyncUpdated((update) => {
    if (update.supplierIds.includes(supplierId)) reload();
  });

  if (!data && loading) return <Loading label="Loading supplier…" />;
  const notFound = error && !data ? toUserFacingError(error).code === 'NOT_FOUND' : false;
  if (error && !data && !notFound) {
    if (expired) return null;
    return (
      <>
        <div className="page-header">
          <PageHeading title="Supplier">Supplier</PageHeading>
        </div>
        <RetryAlert error={error} onRetry={reload} />
      </>
    );
  }
  if (!supplier) {
    return (
      <div className="page-header">
        <PageHeading title="Supplier not found">Supplier not found</PageHeading>
        <p className="page-header__lead">
          This supplier doesn’t exist or belongs to another organisation. <Link to="/suppliers">Back to Suppliers</Link>
        </p>
      </div>
    );
  }

  const bankDrift = supplier.drift.filter((d) => d.isBankDetail);
  const contactName = [supplier.firstName, supplier.lastName].filter(Boolean).join(' ');

  return (
    <>
      <div className="supplier-header">
        <Link to="/suppliers" className="supplier-header__back">
          ← Suppliers
        </Link>
        <PageHeading title={supplier.name}>{supplier.name}</PageHeading>
        <div className="badges">
          {supplier.status === 'ARCHIVED' ? <span className="badge">Archived</span> : null}
          {supplier.bankDetailsVerified && supplier.bankDetailsVerifiedAt ? (
            <span className="badge badge--success">Bank details confirmed by phone {formatDate(supplier.bankDetailsVerifiedAt)}</span>
          ) : null}
          {supplier.paymentHoldUntil && new Date(supplier.paymentHoldUntil).getTime() > Date.now() ? (
            <span className="badge badge--warning">New bank details — hold payments until {formatDate(supplier.paymentHoldUntil)}</span>
          ) : null}
          {supplier.hasBankDetailDrift ? (
            <span className="badge badge--warning">
              <span aria-hidden="true">! </span>Bank details differ in Xero
            </span>
          ) : null}
          {supplier.pendingChangeRequest ? <span className="badge badge--warning">Awaiting review</span> : null}
        </div>
      </div>

      <div className="stack">
        {outcome ? (
          <p role="status" className="notice">
            {outcome}
          </p>
        ) : null}

        {supplier.pendingChangeRequest ? (
          <ReviewPanel
            key={supplier.pendingChangeRequest.id}
            request={supplier.pendingChangeRequest}
            canDecide={canManage}
            viewer={{ id: user.id, role: user.role }}
            onDecided={(message) => {
              setOutcome(message || null);
              reload();
            }}
          />
        ) : null}

        <section className="card" aria-labelledby="supplier-details-title">
          <h2 id="supplier-details-title" className="card__title">
            Details
          </h2>
          <dl className="details">
            <Row label="Contact">{contactName}</Row>
            <Row label="Email">{supplier.email}</Row>
            <Row label="Phones">
              {supplier.phones
                .map((p) => formatPhone(p))
                .filter(Boolean)
                .join('\n')}
            </Row>
            <Row label="Addresses">
              {supplier.addresses
                .map((a) => formatAddress(a))
                .filter(Boolean)
                .join('\n')}
            </Row>
            <Row label="Contact people">
              {supplier.contactPersons
                .map((p) => formatPerson(p))
                .filter(Boolean)
                .join('\n')}
            </Row>
            <Row label="Tax / VAT number">{supplier.taxNumber}</Row>
            <Row label="Company number">{supplier.companyNumber}</Row>
            <Row label="Bank account">{supplier.bankAccountDetails}</Row>
            <Row label="Bank details status">{supplier.bankDetailsStatus}</Row>
            <Row label="Xero contact">{supplier.xeroContactId ? 'Linked' : 'Not in Xero yet'}</Row>
          </dl>
        </section>

        {supplier.drift.length > 0 ? (
          <section className={bankDrift.length > 0 ? 'card card--attention' : 'card'} aria-labelledby="drift-title">
            <h2 id="drift-title" className="card__title">
              Differences in Xero
            </h2>
            {bankDrift.length > 0 ? (
              <div className="notice notice--warning review__bank-warning">
                <p>
                  <strong>
                    <span aria-hidden="true">⚠ </span>Xero holds different bank details.
                  </strong>{' '}
                  Someone changed them in Xero, outside Vouch. Don’t pay this supplier until you’ve confirmed the right account with them by phone.
                </p>
              </div>
            ) : (
              <p className="card__lead">These fields were changed in Xero. Vouch shows them; it never imports them.</p>
            )}
            <div className="table-wrap" role="region" aria-labelledby="drift-caption" tabIndex={0}>
              <table className="table diff">
                <caption id="drift-caption" className="visually-hidden">
                  Fields that differ in Xero
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Vouch</th>
                    <th scope="col">Xero</th>
                  </tr>
                </thead>
                <tbody>
                  {supplier.drift.map((d) => (
                    <tr key={d.id} className={d.isBankDetail ? 'diff__row--bank' : undefined}>
                      <th scope="row">
                        {fieldLabel(d.field)}
                        {d.isBankDetail ? (
                          <span className="diff__flag">
                            <span aria-hidden="true">⚠ </span>Bank detail
                          </span>
                        ) : null}
                        <span className="timeline__meta">Seen {formatDateTime(d.lastSeenAt)}</span>
                      </th>
                      <td data-label="Vouch">{formatValue(d.vouchValue, d.field) || <span className="muted">None</span>}</td>
                      <td data-label="Xero">{formatValue(d.xeroValue, d.field) || <span className="muted">None</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}

        <SupplierSyncBlock supplierId={supplier.id} canRetry={canManage} />

        <InvitePanel supplier={supplier} canManage={canManage} onChanged={reload} />

        {supplier.changeRequests.length > 0 ? <ChangeRequestHistory requests={supplier.changeRequests} /> : null}

        <Timeline supplierId={supplier.id} />
      </div>
    </>
  );
}

function Row({ label, children }: { label: string; children: string | null | undefined }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd className="details__multiline">{children ? children : <span className="muted">None</span>}</dd>
    </div>
  );
}
