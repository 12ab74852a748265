import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Recomputes the suppliers' derived list flags (latest invite status, awaiting review, open drift, latest
 * sync status) from their source tables. One statement, called in the same transaction as the change that
 * moved them, so the list's filters stay exact and indexable at 100,000 suppliers.
 */
export async function refreshSupplierFlags(em: EntityManager, supplierIds: string[]): Promise<void> {
  if (!supplierIds.length) return;
  await em.getConnection().execute(
    `update suppliers s set
       invite_status = (select i.status from invites i where i.supplier_id = s.id order by i.created_at desc, i.id desc limit 1),
       awaiting_review = exists (select 1 from change_requests c where c.supplier_id = s.id and c.status = 'PENDING'),
       has_drift = exists (select 1 from supplier_drift d where d.supplier_id = s.id and d.resolved_at is null),
       sync_status = (select o.status from outbox_entries o where o.supplier_id = s.id and o.status <> 'SUPERSEDED' order by o.sequence desc limit 1)
     where s.id in (${supplierIds.map(() => '?').join(', ')})`,
    supplierIds,
    'run',
    em.getTransactionContext(),
  );
}
