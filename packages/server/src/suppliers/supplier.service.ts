import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import { ValidationFailed } from '../common/app-error.js';
import { isSafeText } from '../common/safe-text.js';
import { formatDay } from '../common/format-date.js';
import type { Viewer } from '../accounts/viewer.js';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { supplierCreatedEvent } from '../webhooks/webhook-events.js';
import { SupplierDrift } from './supplier-drift.entity.js';
import { Supplier } from './supplier.entity.js';
import { supplierWhere, type SupplierFilter } from './supplier-filter.js';
import { supplierLoaders } from './supplier.loaders.js';
import type { CreateSupplierInput } from './supplier.input.js';
import type { SupplierConnection } from './supplier.types.js';
import { isUuid } from '../common/ids.js';
import { checkedCursor, idCursor } from '../common/pagination.js';

/** "Phone held in Xero" → "phone held in Xero": a label inside a sentence, names kept. */
const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

export const MAX_PAGE_SIZE = 200;
export interface SupplierListArgs extends SupplierFilter {
  first: number;
  after?: string | null;
  sort?: SupplierSort;
}

export enum SupplierSort {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  LAST_ACTIVITY_NEWEST = 'LAST_ACTIVITY_NEWEST',
  LAST_ACTIVITY_OLDEST = 'LAST_ACTIVITY_OLDEST',
}
registerEnumType(SupplierSort, {
  name: 'SupplierSort',
  description: 'Order of the supplier list (NEWEST by default). LAST_ACTIVITY_*: by the latest event of each supplier’s history (lastActivityAt).',
});

const ORDER: Record<SupplierSort, Record<string, 'asc' | 'desc'>> = {
  [SupplierSort.NEWEST]: { id: 'desc' },
  [SupplierSort.OLDEST]: { id: 'asc' },
  [SupplierSort.NAME_ASC]: { name: 'asc', id: 'asc' },
  [SupplierSort.NAME_DESC]: { name: 'desc', id: 'desc' },
  [SupplierSort.LAST_ACTIVITY_NEWEST]: { lastActivityAt: 'desc', id: 'desc' },
  [SupplierSort.LAST_ACTIVITY_OLDEST]: { lastActivityAt: 'asc', id: 'asc' },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A cursor value has its column's type (a crafted cursor reached PostgreSQL as a 500): a UUID, a name, an instant. */
function validCursorValue(key: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (key === 'id') return isUuid(value);
  if (key === 'lastActivityAt') return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
  return value.length <= 255 && isSafeText(value);
}

/** The opaque cursor for a position in the NEWEST/OLDEST order (tools and benchmarks). */
export const supplierCursorForId = (id: string): string => idCursor(id);

export class SupplierService {
  /** Newest first; the id is a UUIDv7, so it orders by creation and is a stable cursor. */
  async list(em: EntityManager, args: SupplierListArgs): Promise<SupplierConnection> {
    if (args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw new ValidationFailed([{ field: 'first', message: `first must be between 1 and ${MAX_PAGE_SIZE}.` }]);
    }
    // Filters (search, invite, review, drift, sync, bank details) as one condition shared with the counts and
    // with "invite everyone matching" (supplier-filter.ts).
    const where: FilterQuery<Supplier> = supplierWhere(args, new Date());
    // Keyset pagination on (sort key, id): stable while rows are added, and index-served at 100,000 rows.
    const orderBy = ORDER[args.sort ?? SupplierSort.NEWEST];
    // Each value must have its column's type: the last is the id, any before it the sort key.
    const after = checkedCursor(args.after, Object.keys(orderBy), validCursorValue);
    const cursor = await em.findByCursor(Supplier, { where, first: args.first, ...(after ? { after } : {}), orderBy });
    return {
      edges: cursor.items.map((node) => ({ cursor: cursor.from(node), node })),
      pageInfo: { hasNextPage: cursor.hasNextPage, endCursor: cursor.endCursor },
      totalCount: cursor.totalCount,
    };
  }

  async get(em: EntityManager, id: string): Promise<Supplier | null> {
    if (!isUuid(id)) return null;
    return await em.findOne(Supplier, { id });
  }

  /**
   * What is and is not known about the supplier's bank details, in one plain sentence, e.g. "Confirmed by
   * phone by Ada Buyer on 2 Dec 2026 (phone held in Xero)" or "From Xero; not confirmed by phone in Vouch".
   */
  async bankDetailsStatus(em: EntityManager, supplier: Supplier): Promise<string> {
    const parts: string[] = [];
    // Batch-loaded: a page of suppliers costs one query per kind of row, not one per supplier.
    const loaders = supplierLoaders(em);
    const [request, confirmation, drift] = await Promise.all([
      loaders.pendingChangeRequest.load(supplier.id),
      supplier.bankConfirmationId && supplier.bankDetailsVerifiedAt ? loaders.bankConfirmation.load(supplier.bankConfirmationId) : null,
      loaders.openDrift.load(supplier.id),
    ]);
    const pending = request?.changesBankDetails ? request : null;
    if (pending) parts.push(`New bank details sent ${formatDay(pending.submittedAt)} by the supplier (email confirmed), awaiting review and a call-back`);
    if (!supplier.bankAccountDetails && !supplier.paymentDetails) {
      parts.push(pending ? 'none held until then' : 'No bank details held');
    } else if (supplier.bankConfirmationId && supplier.bankDetailsVerifiedAt) {
      parts.push(
        `${pending ? 'current details c' : 'C'}onfirmed by phone${confirmation ? ` by ${confirmation.confirmedByName}` : ''} on ${formatDay(supplier.bankDetailsVerifiedAt)}` +
          (confirmation
            ? ` (${confirmation.phoneSource === 'HELD' ? (confirmation.phoneLabel ? lowerFirst(confirmation.phoneLabel) : 'a number on file') : 'a number typed in, not one Vouch held'})`
            : ''),
      );
    } else {
      parts.push(`${pending ? 'current details f' : 'F'}rom Xero; not confirmed by phone in Vouch`);
    }
    const bankDrift = drift.some((d) => d.isBankDetail);
    if (bankDrift) parts.push('Xero now holds different bank details: check before paying');
    if (supplier.paymentHoldUntil && supplier.paymentHoldUntil > new Date())
      parts.push(`newly changed: hold payments until ${formatDay(supplier.paymentHoldUntil)}`);
    const sentence = parts.join('; ');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  }

  /** Open drift rows, by field (batch-loaded per request). */
  async openDrift(em: EntityManager, supplierId: string): Promise<SupplierDrift[]> {
    return await supplierLoaders(em).openDrift.load(supplierId);
  }

  async create(em: EntityManager, viewer: Viewer, input: CreateSupplierInput): Promise<Supplier> {
    const name = input.name.trim();
    if (!name) throw new ValidationFailed([{ field: 'name', message: 'Enter the supplier name.' }]);
    const user = await em.findOneOrFail(User, { id: viewer.userId });
    const supplier = em.create(Supplier, {
      organisation: viewer.organisationId,
      name,
      email: input.email?.trim() || null,
    });
    recordAudit(em, {
      organisationId: viewer.organisationId,
      supplierId: supplier.id,
      actor: { type: 'USER', id: user.id, label: user.name },
      kind: 'SUPPLIER_CREATED',
      summary: `${user.name} added ${name}`,
      after: { name, email: supplier.email },
    });
    em.persist(supplierCreatedEvent(em, viewer.organisationId, supplier, 'VOUCH'));
    await em.flush();
    return supplier;
  }
}
