import { useState } from 'react';
import { writeFilters, type SupplierFilters } from './supplier-filters';

/**
 * Which suppliers are ticked for "Invite selected": some of the rows shown, or "all matching" — every supplier
 * the filters show, loaded or not (the server decides who). A different list is a different selection.
 */
export function useSupplierSelection(filters: SupplierFilters, shown: readonly { id: string }[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [allMatching, setAllMatching] = useState(false);

  const listKey = writeFilters({ ...filters, sort: 'name' });
  const [selectionFor, setSelectionFor] = useState(listKey);
  if (selectionFor !== listKey) {
    setSelectionFor(listKey);
    setSelected(new Set());
    setAllMatching(false);
  }

  const shownIds = () => new Set(shown.map((s) => s.id));
  return {
    /** The ticked rows (every shown row while "all matching"). */
    ticked: allMatching ? shownIds() : selected,
    selected,
    allMatching,
    allShownSelected: shown.length > 0 && shown.every((s) => selected.has(s.id)),
    selectAllMatching: () => setAllMatching(true),
    clear: () => {
      setAllMatching(false);
      setSelected(new Set());
    },
    onToggle: (id: string, on: boolean) => {
      if (allMatching) {
        // Unticking one leaves "all matching": the shown rows stay picked, minus that one.
        setAllMatching(false);
        setSelected(new Set(shown.map((s) => s.id).filter((other) => other !== id)));
        return;
      }
      setSelected((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    onToggleAll: (on: boolean) => {
      setAllMatching(false);
      setSelected(on ? shownIds() : new Set());
    },
  };
}

export type SupplierSelection = ReturnType<typeof useSupplierSelection>;
