import type { Contact } from '../types.js';

/** A stored contact: the wire fields (without UpdatedDateUTC) plus the epoch ms it was last bumped. */
export interface StoredContact {
  data: Omit<Contact, 'UpdatedDateUTC'>;
  updatedMs: number;
  /** Tie-breaker for equal updatedMs; strictly increasing per store. */
  seq: number;
}

export interface ContactStoreOptions {
  /** Whether active-name uniqueness ignores case and surrounding spaces (real Xero: UNKNOWN; default true = stricter). */
  caseInsensitiveNames: boolean;
}

function compareUpdated(a: StoredContact, b: StoredContact): number {
  return a.updatedMs - b.updatedMs || a.seq - b.seq;
}

/**
 * Contacts of one organisation, indexed by id, by active name, by AccountNumber and ContactNumber,
 * and kept sorted by (UpdatedDateUTC, seq) so If-Modified-Since is a binary search, not a scan.
 */
export class ContactStore {
  private readonly byId = new Map<string, StoredContact>();
  private readonly byUpdated: StoredContact[] = [];
  private readonly activeNames = new Map<string, string>();
  private readonly accountNumbers = new Map<string, string>();
  private readonly contactNumbers = new Map<string, string>();
  private seq = 0;
  private nameSorted: StoredContact[] | undefined;
  /** Sorted copies per `order` parameter, cached until the next write (paging 100,000 contacts re-sorted nothing). */
  private readonly orderSorted = new Map<string, StoredContact[]>();

  constructor(private readonly options: ContactStoreOptions) {}

  get size(): number {
    return this.byId.size;
  }

  nameKey(name: string): string {
    return this.options.caseInsensitiveNames ? name.trim().toLowerCase() : name;
  }

  get(id: string): StoredContact | undefined {
    return this.byId.get(id.toLowerCase());
  }

  findByContactNumber(contactNumber: string): StoredContact | undefined {
    const id = this.contactNumbers.get(contactNumber);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The id of the ACTIVE contact holding this name, if any. */
  activeNameOwner(name: string): string | undefined {
    return this.activeNames.get(this.nameKey(name));
  }

  accountNumberOwner(accountNumber: string): string | undefined {
    return this.accountNumbers.get(accountNumber);
  }

  contactNumberOwner(contactNumber: string): string | undefined {
    return this.contactNumbers.get(contactNumber);
  }

  /** Inserts or replaces a contact. `updatedMs` undefined keeps the previous timestamp (flag changes). */
  put(data: Omit<Contact, 'UpdatedDateUTC'>, updatedMs: number | undefined): StoredContact {
    const id = data.ContactID.toLowerCase();
    const previous = this.byId.get(id);
    if (previous) this.unindex(previous);
    const stored: StoredContact = {
      data,
      updatedMs: updatedMs ?? previous?.updatedMs ?? 0,
      seq: updatedMs === undefined && previous ? previous.seq : ++this.seq,
    };
    this.byId.set(id, stored);
    this.index(stored);
    this.nameSorted = undefined;
    this.orderSorted.clear();
    return stored;
  }

  /** Removes a contact entirely (used to roll back a failed batch; Xero itself has no DELETE). */
  remove(id: string): void {
    const stored = this.byId.get(id.toLowerCase());
    if (!stored) return;
    this.unindex(stored);
    this.byId.delete(id.toLowerCase());
    this.nameSorted = undefined;
    this.orderSorted.clear();
  }

  private index(stored: StoredContact): void {
    const { data } = stored;
    const id = data.ContactID.toLowerCase();
    if (data.ContactStatus === 'ACTIVE') this.activeNames.set(this.nameKey(data.Name), id);
    if (data.AccountNumber) this.accountNumbers.set(data.AccountNumber, id);
    if (data.ContactNumber) this.contactNumbers.set(data.ContactNumber, id);
    const at = this.upperBound(stored);
    if (at === this.byUpdated.length) this.byUpdated.push(stored);
    else this.byUpdated.splice(at, 0, stored);
  }

  private unindex(stored: StoredContact): void {
    const { data } = stored;
    const id = data.ContactID.toLowerCase();
    const nameKey = this.nameKey(data.Name);
    if (this.activeNames.get(nameKey) === id) this.activeNames.delete(nameKey);
    if (data.AccountNumber && this.accountNumbers.get(data.AccountNumber) === id) this.accountNumbers.delete(data.AccountNumber);
    if (data.ContactNumber && this.contactNumbers.get(data.ContactNumber) === id) this.contactNumbers.delete(data.ContactNumber);
    const at = this.lowerBound(stored);
    if (this.byUpdated[at] === stored) this.byUpdated.splice(at, 1);
    else {
      const index = this.byUpdated.indexOf(stored);
      if (index >= 0) this.byUpdated.splice(index, 1);
    }
  }

  private lowerBound(target: StoredContact): number {
    let lo = 0;
    let hi = this.byUpdated.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = this.byUpdated[mid];
      if (item !== undefined && compareUpdated(item, target) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(target: StoredContact): number {
    let lo = 0;
    let hi = this.byUpdated.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = this.byUpdated[mid];
      if (item !== undefined && compareUpdated(item, target) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Contacts with updatedMs >= sinceMs (or > when exclusive), found by binary search. */
  modifiedSince(sinceMs: number, exclusive: boolean): StoredContact[] {
    let lo = 0;
    let hi = this.byUpdated.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = this.byUpdated[mid];
      const before = item !== undefined && (exclusive ? item.updatedMs <= sinceMs : item.updatedMs < sinceMs);
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return this.byUpdated.slice(lo);
  }

  all(): StoredContact[] {
    return this.byUpdated;
  }

  /** All contacts sorted by an `order` parameter (its source text is the key); cached until the next write. */
  sortedBy(source: string, compare: (a: StoredContact, b: StoredContact) => number): StoredContact[] {
    let sorted = this.orderSorted.get(source);
    if (!sorted) {
      sorted = [...this.sortedByName()].sort(compare);
      this.orderSorted.set(source, sorted);
    }
    return sorted;
  }

  /** All contacts sorted by Name (case-insensitive) then ContactID; cached until the next write. */
  sortedByName(): StoredContact[] {
    if (!this.nameSorted) {
      const keyed = this.byUpdated.map((stored): [string, StoredContact] => [stored.data.Name.toLowerCase(), stored]);
      keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : compareByName(a[1], b[1])));
      this.nameSorted = keyed.map(([, stored]) => stored);
    }
    return this.nameSorted;
  }
}

export function compareByName(a: StoredContact, b: StoredContact): number {
  const an = a.data.Name.toLowerCase();
  const bn = b.data.Name.toLowerCase();
  if (an !== bn) return an < bn ? -1 : 1;
  return a.data.ContactID < b.data.ContactID ? -1 : a.data.ContactID > b.data.ContactID ? 1 : 0;
}
