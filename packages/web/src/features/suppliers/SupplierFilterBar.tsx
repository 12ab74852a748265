import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { INVITE_STATUS_LABELS } from '../invites/invite-status';
import { syncStatusLabel } from '../sync/sync-text';
import { BANK_STATE_LABELS, withCount } from './supplier-columns';
import { BANK_STATES, INVITE_STATUSES, SYNC_STATUSES, type SupplierFilters } from './supplier-filters';
import type { FilterCounts } from './useSupplierList';
import './suppliers.css';

/** Search, the invite / bank / sync filters and the checks, each choice with how many it would show. */
export function SupplierFilterBar({
  filters,
  setFilters,
  searchText,
  onSearchText,
  tally,
}: {
  filters: SupplierFilters;
  setFilters: (next: Partial<SupplierFilters>) => void;
  searchText: string;
  onSearchText: (text: string) => void;
  tally: FilterCounts | undefined;
}) {
  const inviteCount = (value: string): number | undefined => {
    if (!tally) return undefined;
    if (value === 'NOT_INVITED') return tally.notInvited;
    if (value === 'EXPIRING') return tally.inviteExpiringSoon;
    return tally.byInviteStatus.find((c) => c.status === value)?.count;
  };

  return (
    <form className="toolbar supplier-toolbar" role="search" aria-label="Find suppliers" onSubmit={(event) => event.preventDefault()}>
      <TextField label="Search" type="search" placeholder="Supplier name" value={searchText} onChange={(event) => onSearchText(event.target.value)} />
      <SelectField label="Invite" value={filters.invite} onChange={(event) => setFilters({ invite: event.target.value as SupplierFilters['invite'] })}>
        <option value="">{withCount('Any', tally?.total)}</option>
        <option value="NOT_INVITED">{withCount('Not invited yet', inviteCount('NOT_INVITED'))}</option>
        <option value="EXPIRING">{withCount('Invite expiring soon', inviteCount('EXPIRING'))}</option>
        {INVITE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {withCount(INVITE_STATUS_LABELS[status], inviteCount(status))}
          </option>
        ))}
      </SelectField>
      <SelectField label="Bank details" value={filters.bank} onChange={(event) => setFilters({ bank: event.target.value as SupplierFilters['bank'] })}>
        <option value="">{withCount('Any', tally?.total)}</option>
        {BANK_STATES.map((state) => (
          <option key={state} value={state}>
            {withCount(BANK_STATE_LABELS[state], tally?.byBankState.find((c) => c.state === state)?.count)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Xero sync"
        value={filters.syncStatus}
        onChange={(event) => setFilters({ syncStatus: event.target.value as SupplierFilters['syncStatus'] })}
      >
        <option value="">{withCount('Any', tally?.total)}</option>
        {SYNC_STATUSES.map((status) => (
          <option key={status} value={status}>
            {withCount(syncStatusLabel(status), tally?.bySyncStatus.find((c) => c.status === status)?.count)}
          </option>
        ))}
      </SelectField>
      <div className="toolbar__checks">
        <label className="checkbox">
          <input type="checkbox" checked={filters.awaitingReview} onChange={(event) => setFilters({ awaitingReview: event.target.checked })} />
          <span>{withCount('Awaiting review', tally?.awaitingReview)}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.hasDrift} onChange={(event) => setFilters({ hasDrift: event.target.checked })} />
          <span>{withCount('Differs in Xero', tally?.hasDrift)}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.includeArchived} onChange={(event) => setFilters({ includeArchived: event.target.checked })} />
          <span>Show archived</span>
        </label>
      </div>
    </form>
  );
}
