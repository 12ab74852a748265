import { describe, expect, it } from 'vitest';
import { filterVariables, isFiltered, readFilters, writeFilters } from './supplier-filters';

describe('supplier list filters', () => {
  it('round-trip through the address and ignore unknown values', () => {
    const filters = readFilters('?q=acme&invite=SENT&review=1&drift=1&sync=BOGUS');
    expect(filters).toEqual({
      search: 'acme',
      inviteStatus: 'SENT',
      syncStatus: '',
      awaitingReview: true,
      hasDrift: true,
      includeArchived: false,
    });
    expect(writeFilters(filters)).toBe('?q=acme&invite=SENT&review=1&drift=1');
    expect(isFiltered(readFilters('?archived=1'))).toBe(false);
  });

  it('leave unset filters out of the query (false would mean "only those without")', () => {
    expect(filterVariables(readFilters(''))).toEqual({
      search: null,
      inviteStatus: null,
      syncStatus: null,
      awaitingReview: null,
      hasDrift: null,
      includeArchived: false,
    });
  });
});
