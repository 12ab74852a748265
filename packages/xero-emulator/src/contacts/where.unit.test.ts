import { describe, expect, it } from 'vitest';
import type { StoredContact } from './contact-store.js';
import { WhereParseError, compileOrder, compileWhere } from './where.js';

function contact(overrides: Partial<StoredContact['data']>, updatedMs = 0): StoredContact {
  return {
    data: {
      ContactID: 'c1',
      ContactStatus: 'ACTIVE',
      Name: 'Acme',
      Addresses: [],
      Phones: [],
      IsSupplier: false,
      IsCustomer: false,
      ContactPersons: [],
      ...overrides,
    },
    updatedMs,
    seq: 1,
  };
}

describe('compileWhere', () => {
  it('handles ==, !=, AND, OR, NOT, parentheses and booleans', () => {
    const supplier = contact({ IsSupplier: true, Name: 'Supplies Co' });
    expect(compileWhere('IsSupplier==true')(supplier)).toBe(true);
    expect(compileWhere('IsSupplier == true AND IsCustomer == false')(supplier)).toBe(true);
    expect(compileWhere('IsCustomer==true OR Name=="Supplies Co"')(supplier)).toBe(true);
    expect(compileWhere('(IsCustomer==true || IsSupplier==true) && ContactStatus!="ARCHIVED"')(supplier)).toBe(true);
    expect(compileWhere('NOT IsSupplier==true')(supplier)).toBe(false);
    expect(compileWhere('contactstatus=="ACTIVE"')(supplier)).toBe(true);
  });

  it('supports Contains/StartsWith/EndsWith (case-sensitive) and escaped quotes', () => {
    const c = contact({ Name: 'The "Best" Bakery' });
    expect(compileWhere('Name.Contains("Best")')(c)).toBe(true);
    expect(compileWhere('Name.Contains("best")')(c)).toBe(false);
    expect(compileWhere('Name.StartsWith("The")')(c)).toBe(true);
    expect(compileWhere('Name.EndsWith("Bakery")')(c)).toBe(true);
    expect(compileWhere('Name=="The \\"Best\\" Bakery"')(c)).toBe(true);
  });

  it('compares missing values with null, Guid() ids and DateTime() dates', () => {
    const c = contact({ ContactID: 'AbC00000-0000-0000-0000-000000000001' }, Date.UTC(2024, 0, 2));
    expect(compileWhere('EmailAddress==null')(c)).toBe(true);
    expect(compileWhere('ContactID==Guid("abc00000-0000-0000-0000-000000000001")')(c)).toBe(true);
    expect(compileWhere('UpdatedDateUTC>=DateTime(2024, 01, 01)')(c)).toBe(true);
    expect(compileWhere('UpdatedDateUTC<DateTime(2024, 01, 01)')(c)).toBe(false);
  });

  it('rejects unknown fields and broken syntax', () => {
    expect(() => compileWhere('Colour=="red"')).toThrow(WhereParseError);
    expect(() => compileWhere('Name=="open')).toThrow(WhereParseError);
    expect(() => compileWhere('Name==')).toThrow(WhereParseError);
    expect(() => compileWhere('Name=="a" AND')).toThrow(WhereParseError);
  });
});

describe('compileOrder', () => {
  it('orders by several keys, case-insensitively', () => {
    const a = contact({ ContactID: '1', Name: 'beta' }, 2);
    const b = contact({ ContactID: '2', Name: 'Alpha' }, 2);
    const c = contact({ ContactID: '3', Name: 'alpha' }, 1);
    expect([a, b, c].sort(compileOrder('Name ASC')).map((x) => x.data.ContactID)).toEqual(['2', '3', '1']);
    expect([a, b, c].sort(compileOrder('UpdatedDateUTC DESC, Name')).map((x) => x.data.ContactID)).toEqual(['2', '1', '3']);
    expect(() => compileOrder('Colour')).toThrow(WhereParseError);
  });
});
