import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../../app/useDebouncedValue';
import type { SupplierFilters } from './supplier-filters';

/**
 * The search box's text. The address is the truth; the box is a draft of it, written to the address once typing
 * pauses.
 */
export function useSearchDraft(filters: SupplierFilters, setFilters: (next: Partial<SupplierFilters>) => void) {
  const [searchText, setSearchText] = useState(filters.search);
  const search = useDebouncedValue(searchText, 300);

  // When the address changes from outside (the Suppliers link, Back, a link with ?q=), the box follows at
  // once — but not when the change is our own debounced write, which may trail what is being typed.
  const [boxFollows, setBoxFollows] = useState(filters.search);
  if (filters.search !== boxFollows) {
    setBoxFollows(filters.search);
    if (filters.search.trim() !== search.trim()) setSearchText(filters.search);
  }

  // The search joins the address (and so the query) once typing pauses: only a settled value is written,
  // so a box just reset from the address is never written back with its stale debounced text.
  useEffect(() => {
    if (search !== searchText) return;
    if (search.trim() !== filters.search.trim()) setFilters({ search });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, searchText, filters.search]);

  return [searchText, setSearchText] as const;
}
