import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Spinner';
import { isUnauthenticated, toUserFacingError } from '../../app/errors';
import { Link } from '../../app/router';
import { graphql } from '../../gql';
import { SupplierTable } from './SupplierTable';

const SupplierListQuery = graphql(`
  query SupplierList($first: Int!) {
    suppliers(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SupplierTable_supplier
        }
      }
    }
  }
`);

const SupplierAddedSubscription = graphql(`
  subscription SupplierAdded {
    supplierAdded {
      ...SupplierTable_supplier
    }
  }
`);

const PAGE_SIZE = 50;

export function SuppliersPage({ onSessionExpired }: { onSessionExpired: () => void }) {
  const { data, error, loading, refetch, subscribeToMore } = useQuery(SupplierListQuery, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });

  // Live: suppliers added elsewhere (by hand, import or sync) appear at the top without a reload.
  // If the socket can't be opened the list still works; it just won't update live.
  const listReady = Boolean(data?.suppliers);
  useEffect(() => {
    if (!listReady) return;
    return subscribeToMore({
      document: SupplierAddedSubscription,
      updateQuery: (_unsafe, { complete, previousData, subscriptionData }) => {
        const added = subscriptionData.data?.supplierAdded;
        if (!complete || !added) return;
        const { suppliers } = previousData;
        if (suppliers.edges.some((edge) => edge.node.id === added.id)) return;
        return {
          ...previousData,
          suppliers: {
            ...suppliers,
            totalCount: suppliers.totalCount + 1,
            edges: [{ __typename: 'SupplierEdge' as const, node: added }, ...suppliers.edges],
          },
        };
      },
      onError: () => {
        // Non-fatal: the list was loaded over HTTP and stays correct on the next visit.
      },
    });
  }, [listReady, subscribeToMore]);

  const expired = error ? isUnauthenticated(error) : false;
  useEffect(() => {
    if (expired) onSessionExpired();
  }, [expired, onSessionExpired]);

  const connection = data?.suppliers;
  const suppliers = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <div className="page-header">
        <PageHeading title="Suppliers">Suppliers</PageHeading>
        {connection && suppliers.length > 0 ? (
          <p className="page-header__lead">
            {connection.totalCount === 1 ? '1 supplier' : `${connection.totalCount} suppliers`}
            {connection.pageInfo.hasNextPage ? ` · showing the first ${suppliers.length}` : null}
          </p>
        ) : null}
      </div>

      {error && !connection && !expired ? (
        <Alert>
          <p>{toUserFacingError(error).message}</p>
          <button type="button" className="button button--small" onClick={() => void refetch()}>
            Try again
          </button>
        </Alert>
      ) : null}

      {!connection && loading ? <Loading label="Loading suppliers…" /> : null}

      {connection && suppliers.length === 0 ? (
        <section className="empty-state" aria-labelledby="suppliers-empty">
          <div className="empty-state__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6">
              <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5v-9Z" strokeLinejoin="round" />
              <path d="M3 7.5 12 12l9-4.5M12 12v9" strokeLinejoin="round" />
            </svg>
          </div>
          <h2 id="suppliers-empty" className="empty-state__title">
            No suppliers yet
          </h2>
          <p className="empty-state__text">
            Suppliers arrive when you connect Xero: your Xero contacts are imported here and kept in sync.
          </p>
          <Link to="/integrations" className="button button--primary">
            Go to Integrations
          </Link>
        </section>
      ) : null}

      {suppliers.length > 0 ? <SupplierTable suppliers={suppliers} /> : null}
    </>
  );
}
