import type { EntityManager } from '@mikro-orm/postgresql';
import { TOPICS } from '../graphql/pubsub.js';

/**
 * Recomputes the suppliers' derived list flags (latest invite status and expiry, awaiting review, open drift,
 * latest sync status, bank details state) from their source tables. One statement, called in the same transaction as the change that
 * moved them, so the list's filters stay exact and indexable at 100,000 suppliers.
 */
export async function refreshSupplierFlags(em: EntityManager, supplierIds: string[]): Promise<void> {
  if (!supplierIds.length) return;
  // The changed organisations' Attention counts are published at commit (NOTIFY is transactional).
  await em.getConnection().execute(
    `with changed as (update suppliers s set
       invite_status = (select i.status from invites i where i.supplier_id = s.id order by i.created_at desc, i.id desc limit 1),
       awaiting_review = exists (select 1 from change_requests c where c.supplier_id = s.id and c.status = 'PENDING'),
       has_drift = exists (select 1 from supplier_drift d where d.supplier_id = s.id and d.resolved_at is null),
       sync_status = (select o.status from outbox_entries o where o.supplier_id = s.id and o.status <> 'SUPERSEDED' order by o.sequence desc limit 1),
       invite_expires_at = (select i.expires_at from invites i where i.supplier_id = s.id order by i.created_at desc, i.id desc limit 1),
       bank_state = case
         when exists (select 1 from change_requests c where c.supplier_id = s.id and c.status = 'PENDING' and c.changes_bank_details)
           or exists (select 1 from supplier_drift d where d.supplier_id = s.id and d.resolved_at is null and d.is_bank_detail) then 'CHANGED'
         when s.bank_account_details is null and s.payment_details is null then 'NONE'
         when s.bank_confirmation_id is not null and s.bank_details_verified_at is not null then 'VERIFIED'
         else 'NOT_CONFIRMED' end::bank_details_state
     where s.id in (${supplierIds.map(() => '?').join(', ')})
     returning s.organisation_id)
     select pg_notify('vouch_events', json_build_object('topic', '${TOPICS.ATTENTION_CHANGED}', 'payload', json_build_object('organisationId', organisation_id))::text)
       from (select distinct organisation_id from changed) t`,
    supplierIds,
    'all',
    em.getTransactionContext(),
  );
}
