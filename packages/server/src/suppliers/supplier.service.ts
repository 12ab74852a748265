import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { InviteStatus } from '../invites/invite-status.js';
import type { OutboxStatus } from '../review/outbox-status.js';
import { AppError, ValidationFailed } from '../common/app-error.js';
import type { Viewer } from '../graphql/context.js';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { SupplierDrift } from './supplier-drift.entity.js';
import { Supplier, SupplierStatus } from './supplier.entity.js';
import type { CreateSupplierInput } from './supplier.input.js';
import type { SupplierConnection } from './supplier.types.js';

export const MAX_PAGE_SIZE = 200;

export interface SupplierListArgs {
  first: number;
  after?: string | null;
  search?: string | null;
  includeArchived?: boolean;
  inviteStatus?: InviteStatus | null;
  awaitingReview?: boolean | null;
  hasDrift?: boolean | null;
  syncStatus?: OutboxStatus | null;
}

export class InvalidCursor extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'INVALID_CURSOR', 'The pagination cursor is not valid.');
  }
}

const encodeCursor = (id: string) => Buffer.from(`supplier:${id}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const match = /^supplier:([0-9a-f-]{36})$/.exec(decoded);
  if (!match) throw new InvalidCursor();
  return match[1]!;
}

export class SupplierService {
  /** Newest first; the id is a UUIDv7, so it orders by creation and is a stable cursor. */
  async list(
    em: EntityManager,
    args: SupplierListArgs,
  ): Promise<SupplierConnection> {
    if (args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw new ValidationFailed([{ field: 'first', message: `first must be between 1 and ${MAX_PAGE_SIZE}.` }]);
    }
    const where: FilterQuery<Supplier> = args.includeArchived ? {} : { status: SupplierStatus.ACTIVE };
    const search = args.search?.trim().toLowerCase();
    // lower(name) LIKE '%…%' is served by the trigram index suppliers_name_trgm_idx.
    if (search) Object.assign(where, { [raw((alias) => `lower(${alias}.name)`)]: { $like: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
    if (args.inviteStatus) where.inviteStatus = args.inviteStatus;
    if (args.awaitingReview !== undefined && args.awaitingReview !== null) where.awaitingReview = args.awaitingReview;
    if (args.hasDrift !== undefined && args.hasDrift !== null) where.hasDrift = args.hasDrift;
    if (args.syncStatus) where.syncStatus = args.syncStatus;
    const page: FilterQuery<Supplier> = args.after ? { ...where, id: { $lt: decodeCursor(args.after) } } : where;
    const [rows, totalCount] = await Promise.all([
      em.find(Supplier, page, { orderBy: { id: 'desc' }, limit: args.first + 1 }),
      em.count(Supplier, where),
    ]);
    const nodes = rows.slice(0, args.first);
    return {
      edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.id) : null,
      },
      totalCount,
    };
  }

  async get(em: EntityManager, id: string): Promise<Supplier | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return await em.findOne(Supplier, { id });
  }

  async openDrift(em: EntityManager, supplierId: string): Promise<SupplierDrift[]> {
    return await em.find(SupplierDrift, { supplier: supplierId, resolvedAt: null }, { orderBy: { field: 'asc' } });
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
    await em.flush();
    return supplier;
  }
}
