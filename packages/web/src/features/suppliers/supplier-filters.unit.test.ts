import { describe, expect, it } from 'vitest';
import { ariaSort, filterInput, filterVariables, isFiltered, nextSort, readFilters, writeFilters } from './supplier-filters';

describe('supplier list filters', () => {
  it('round-trip through the address and ignore unknown values', () => {
    const filters = readFilters('?q=acme&invite=SENT&review=1&drift=1&sync=BOGUS&bank=ON_HOLD&sort=recent');
    expect(filters).toEqual({
      search: 'acme',
      invite: 'SENT',
      bank: 'ON_HOLD',
      syncStatus: '',
      awaitingReview: true,
      hasDrift: true,
      includeArchived: false,
      sort: 'recent',
    });
    expect(writeFilters(filters)).toBe('?q=acme&invite=SENT&bank=ON_HOLD&review=1&drift=1&sort=recent');
    expect(isFiltered(readFilters('?archived=1&sort=name-desc'))).toBe(false);
    expect(readFilters('?sort=sideways').sort).toBe('name');
  });

  it('sorts A–Z by default, and leaves that out of the address', () => {
    expect(readFilters('').sort).toBe('name');
    expect(writeFilters(readFilters(''))).toBe('');
    expect(filterVariables(readFilters('')).sort).toBe('NAME_ASC');
  });

  it('leave unset filters out of the query (false would mean "only those without")', () => {
    expect(filterVariables(readFilters(''))).toEqual({
      search: null,
      inviteStatus: null,
      notInvited: null,
      inviteExpiringSoon: null,
      bankState: null,
      syncStatus: null,
      awaitingReview: null,
      hasDrift: null,
      includeArchived: false,
      sort: 'NAME_ASC',
    });
  });

  it('turns the two invite views that are not a status into their own filters', () => {
    expect(filterInput(readFilters('?invite=NOT_INVITED'))).toMatchObject({ notInvited: true, inviteStatus: null, inviteExpiringSoon: null });
    expect(filterInput(readFilters('?invite=EXPIRING'))).toMatchObject({ inviteExpiringSoon: true, inviteStatus: null, notInvited: null });
    expect(filterInput(readFilters('?invite=LOCKED'))).toMatchObject({ inviteStatus: 'LOCKED', notInvited: null });
    expect(isFiltered(readFilters('?invite=NOT_INVITED'))).toBe(true);
  });

  it('toggles a column’s order, natural order first', () => {
    expect(nextSort('name', 'name')).toBe('name-desc');
    expect(nextSort('name-desc', 'name')).toBe('name');
    expect(nextSort('name', 'lastChange')).toBe('recent');
    expect(nextSort('recent', 'lastChange')).toBe('least-recent');
    expect(ariaSort('name', 'name')).toBe('ascending');
    expect(ariaSort('name', 'lastChange')).toBeUndefined();
    expect(ariaSort('recent', 'lastChange')).toBe('descending');
  });
});
