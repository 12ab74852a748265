import { RetryAlert } from '../../components/RetryAlert';
import { useMemo } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Spinner';
import { isSessionExpired } from '../../app/session-expiry';
import { Link, useRouter } from '../../app/router';
import type { CurrentUser } from '../accounts/current-user';
import { isFiltered, readFilters, writeFilters, type SupplierFilters } from './supplier-filters';
import { SupplierFilterBar } from './SupplierFilterBar';
import { SupplierSelectionBar } from './SupplierSelectionBar';
import { SupplierTable } from './SupplierTable';
import { useSearchDraft } from './useSearchDraft';
import { useSupplierList } from './useSupplierList';
import { useSupplierSelection } from './useSupplierSelection';
import { LoadMore } from '../../components/LoadMore';

const number = new Intl.NumberFormat('en');

/** `/suppliers`: search and filters kept in the address, the table, Load more, and "Invite selected". */
export function SuppliersPage({ user }: { user: CurrentUser }) {
  const { location, navigate } = useRouter();
  const filters = useMemo(() => readFilters(location.search), [location.search]);
  const canInvite = user.role === 'ADMIN' || user.role === 'APPROVER';

  const setFilters = (next: Partial<SupplierFilters>) => {
    navigate(`/suppliers${writeFilters({ ...filters, ...next })}`, { replace: true });
  };
  const [searchText, setSearchText] = useSearchDraft(filters, setFilters);

  const { connection, suppliers, error, loading, refetch, tally, refetchCounts, loadMore, loadingMore } = useSupplierList(filters);
  const selection = useSupplierSelection(filters, suppliers);
  const filtered = isFiltered(filters);

  // The session has gone: the app is already switching to sign-in (see app/session-expiry.ts), so no error shows.
  const expired = error ? isSessionExpired(error) : false;

  const total = connection?.totalCount ?? 0;
  const nothingYet = connection && suppliers.length === 0 && !filtered && !filters.includeArchived;

  return (
    <>
      <div className="page-header">
        <PageHeading title="Suppliers">Suppliers</PageHeading>
        {connection && suppliers.length > 0 ? (
          <p className="page-header__lead">
            {total === 1 ? '1 supplier' : `${number.format(total)} suppliers`}
            {filtered ? ' match' : null}
            {connection.pageInfo.hasNextPage ? ` · showing the first ${number.format(suppliers.length)}` : null}
          </p>
        ) : null}
      </div>

      {!nothingYet ? <SupplierFilterBar filters={filters} setFilters={setFilters} searchText={searchText} onSearchText={setSearchText} tally={tally} /> : null}

      {error && !expired ? <RetryAlert error={error} onRetry={refetch} /> : null}

      {!connection && loading ? <Loading label="Loading suppliers…" /> : null}

      {nothingYet ? <NoSuppliersYet /> : null}

      {connection && suppliers.length === 0 && !nothingYet ? <p className="notice">No suppliers match. Try another search or clear a filter.</p> : null}

      {canInvite && connection && !nothingYet ? (
        <SupplierSelectionBar
          selection={selection}
          suppliers={suppliers}
          total={total}
          filters={filters}
          filtered={filtered}
          onInvited={() => {
            void refetch();
            void refetchCounts().catch(() => undefined);
          }}
        />
      ) : null}

      {suppliers.length > 0 ? (
        <SupplierTable
          suppliers={suppliers}
          sort={filters.sort}
          onSort={(next) => setFilters({ sort: next })}
          selection={canInvite ? { selected: selection.ticked, onToggle: selection.onToggle, onToggleAll: selection.onToggleAll } : undefined}
        />
      ) : null}

      <LoadMore hasMore={connection?.pageInfo.hasNextPage} loading={loadingMore} onLoad={() => void loadMore()} />
    </>
  );
}

/** Before Xero is connected: where suppliers come from, and the way there. */
function NoSuppliersYet() {
  return (
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
      <p className="empty-state__text">Suppliers arrive when you connect Xero: your Xero contacts are imported here and kept in sync.</p>
      <Link to="/integrations" className="button button--primary">
        Go to Integrations
      </Link>
    </section>
  );
}
