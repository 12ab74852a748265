import { describe, expect, it } from 'vitest';
import { Prng } from '../ids.js';
import { ContactStore } from './contact-store.js';
import { generateContact } from './generate.js';

describe('ContactStore', () => {
  it('answers modifiedSince by binary search, inclusive or exclusive, and keeps the index sorted through updates', () => {
    const store = new ContactStore({ caseInsensitiveNames: true });
    const prng = new Prng(1);
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const { updatedMs, ...data } = generateContact(prng, i, 1000 + ((i * 7) % 50) * 10);
      store.put(data, updatedMs);
      ids.push(data.ContactID);
    }
    const stamps = store.all().map((s) => s.updatedMs);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(store.modifiedSince(1250, false).every((s) => s.updatedMs >= 1250)).toBe(true);
    expect(store.modifiedSince(1250, false).some((s) => s.updatedMs === 1250)).toBe(true);
    expect(store.modifiedSince(1250, true).every((s) => s.updatedMs > 1250)).toBe(true);
    const target = store.get(ids[10] ?? '');
    if (!target) throw new Error('missing');
    store.put({ ...target.data }, 5000);
    expect(store.modifiedSince(4000, false).map((s) => s.data.ContactID)).toEqual([ids[10]]);
    store.put({ ...target.data, IsSupplier: true }, undefined);
    expect(store.get(ids[10] ?? '')?.updatedMs).toBe(5000);
    expect(store.size).toBe(50);
  });

  it('indexes active names case-insensitively, AccountNumber and ContactNumber', () => {
    const store = new ContactStore({ caseInsensitiveNames: true });
    const base = { Addresses: [], Phones: [], IsSupplier: false, IsCustomer: false, ContactPersons: [] };
    store.put({ ...base, ContactID: 'a', ContactStatus: 'ACTIVE', Name: 'Acme Ltd', AccountNumber: 'X1', ContactNumber: 'N1' }, 1);
    store.put({ ...base, ContactID: 'b', ContactStatus: 'ARCHIVED', Name: 'Old Co' }, 2);
    expect(store.activeNameOwner(' acme ltd ')).toBe('a');
    expect(store.activeNameOwner('Old Co')).toBeUndefined();
    expect(store.accountNumberOwner('X1')).toBe('a');
    expect(store.findByContactNumber('N1')?.data.Name).toBe('Acme Ltd');
    store.remove('a');
    expect(store.activeNameOwner('Acme Ltd')).toBeUndefined();
    expect(store.all()).toHaveLength(1);
  });

  it('keeps a sorted copy per order until the next write', () => {
    const store = new ContactStore({ caseInsensitiveNames: true });
    const base = { Addresses: [], Phones: [], IsSupplier: false, IsCustomer: false, ContactPersons: [], ContactStatus: 'ACTIVE' as const };
    store.put({ ...base, ContactID: 'b', Name: 'Alpha' }, 1);
    store.put({ ...base, ContactID: 'a', Name: 'Beta' }, 2);
    let compared = 0;
    const byId = (x: { data: { ContactID: string } }, y: { data: { ContactID: string } }) => (compared++, x.data.ContactID < y.data.ContactID ? -1 : 1);
    expect(store.sortedBy('ContactID ASC', byId).map((s) => s.data.ContactID)).toEqual(['a', 'b']);
    const after = compared;
    expect(store.sortedBy('ContactID ASC', byId).map((s) => s.data.ContactID)).toEqual(['a', 'b']);
    expect(compared).toBe(after);
    store.put({ ...base, ContactID: '0', Name: 'Gamma' }, 3);
    expect(store.sortedBy('ContactID ASC', byId).map((s) => s.data.ContactID)).toEqual(['0', 'a', 'b']);
  });
});
