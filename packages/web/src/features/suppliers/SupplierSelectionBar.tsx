import { BulkInvite } from '../invites/BulkInvite';
import { filterInput, type SupplierFilters } from './supplier-filters';
import type { ListedSupplier } from './useSupplierList';
import type { SupplierSelection } from './useSupplierSelection';
import './suppliers.css';

const number = new Intl.NumberFormat('en');

/** "Invite selected", and the line offering (or confirming) every supplier that matches, loaded or not. */
export function SupplierSelectionBar({
  selection,
  suppliers,
  total,
  filters,
  filtered,
  onInvited,
}: {
  selection: SupplierSelection;
  suppliers: readonly ListedSupplier[];
  total: number;
  filters: SupplierFilters;
  filtered: boolean;
  onInvited: () => void;
}) {
  const { allMatching, selected } = selection;
  return (
    <div className="supplier-selection">
      <BulkInvite
        selected={allMatching ? [] : suppliers.filter((s) => selected.has(s.id))}
        matching={allMatching ? { filter: filterInput(filters), count: total } : null}
        rows={suppliers.length}
        onInvited={() => {
          selection.clear();
          onInvited();
        }}
      />
      {selection.allShownSelected && total > suppliers.length && !allMatching ? (
        <p className="supplier-selection__more">
          All {number.format(suppliers.length)} shown are selected.{' '}
          <button type="button" className="button button--small button--quiet" onClick={selection.selectAllMatching}>
            Select all {number.format(total)} {filtered ? 'matching' : 'suppliers'}
          </button>
        </p>
      ) : null}
      {allMatching ? (
        <p className="supplier-selection__more" role="status">
          All {number.format(total)} {filtered ? 'matching suppliers' : 'suppliers'} are selected.{' '}
          <button type="button" className="button button--small button--quiet" onClick={selection.clear}>
            Clear selection
          </button>
        </p>
      ) : null}
    </div>
  );
}
