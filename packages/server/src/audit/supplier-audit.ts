import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchLoader, groupBy, loaderFor } from '../common/batch-loader.js';
import { idCursor, idFromCursor, type Page } from '../common/pagination.js';
import { AuditEvent } from './audit-event.entity.js';

/**
 * A supplier's history, newest first, a keyset page at a time (cursors as `findPageById` makes them).
 * Batch-loaded: a page of suppliers asking for their history is one query (the first `first + 1` of each).
 */
export async function supplierAuditPage(
  em: EntityManager,
  organisationId: string,
  supplierId: string,
  first: number,
  after?: string | null,
): Promise<Page<AuditEvent>> {
  const limit = Math.min(Math.max(first, 1), 200);
  const before = after ? idFromCursor(after) : null;
  const rows = await loaderFor(
    em,
    `supplier.auditEvents:${limit}:${before ?? ''}`,
    () =>
      new BatchLoader<string, AuditEvent[]>(
        async (ids) => {
          const picked = await em.getConnection().execute<{ id: string }[]>(
            `select id from (select id, row_number() over (partition by supplier_id order by id desc) as n
                           from audit_events where organisation_id = ? and supplier_id in (${ids.map(() => '?').join(', ')})${before ? ' and id < ?' : ''}) t
          where n <= ?`,
            [organisationId, ...ids, ...(before ? [before] : []), limit + 1],
            'all',
            em.getTransactionContext(),
          );
          const events = picked.length ? await em.find(AuditEvent, { id: { $in: picked.map((p) => p.id) } }, { orderBy: { id: 'desc' } }) : [];
          return groupBy(events, (e) => e.supplier!.id);
        },
        () => [],
      ),
  ).load(supplierId);
  const nodes = rows.slice(0, limit);
  return {
    edges: nodes.map((e) => ({ cursor: idCursor(e.id), node: e })),
    pageInfo: { hasNextPage: rows.length > limit, endCursor: nodes.length ? idCursor(nodes.at(-1)!.id) : null },
  };
}
