import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchLoader, groupBy, loaderFor } from '../common/batch-loader.js';
import { ORGANISATION_FILTER } from '../accounts/org-owned.entity.js';
import { Invite } from '../invites/invite.entity.js';
import { BankConfirmation } from '../review/bank-confirmation.entity.js';
import { ChangeRequest, ChangeRequestStatus } from '../review/change-request.entity.js';
import { SupplierDrift } from './supplier-drift.entity.js';
import { Supplier } from './supplier.entity.js';
import type { PhoneData } from './supplier-details.types.js';
import type { PhoneHistory } from '../review/bank-safety.js';

/** Change requests listed per supplier (newest first). */
export const SUPPLIER_CHANGE_REQUESTS_LIMIT = 50;

function organisationOf(em: EntityManager): string {
  const params = em.getFilterParams<{ id: string }>(ORGANISATION_FILTER);
  if (!params?.id) throw new Error('supplier loaders need an EntityManager bound to an organisation');
  return params.id;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

async function byIds<T extends object>(em: EntityManager, entity: new () => T, ids: string[], options: object = {}): Promise<T[]> {
  if (!ids.length) return [];
  return (await em.find(entity as never, { id: { $in: ids } } as never, options as never)) as T[];
}

/**
 * Per-request batch loaders for what the supplier list and the review screens show beside each row. Each is
 * one query for the whole page, whatever its size (see supplier-list-queries.integration.test.ts).
 */
export function supplierLoaders(em: EntityManager) {
  return {
    /** Open drift rows of each supplier, by field. */
    openDrift: loaderFor(
      em,
      'supplier.openDrift',
      () =>
        new BatchLoader<string, SupplierDrift[]>(
          async (ids) => {
            const rows = await em.find(SupplierDrift, { supplier: { $in: ids }, resolvedAt: null }, { orderBy: { supplier: 'asc', field: 'asc' } });
            return groupBy(rows, (d) => d.supplier.id);
          },
          () => [],
        ),
    ),
    /** Bank confirmations by id. */
    bankConfirmation: loaderFor(
      em,
      'supplier.bankConfirmation',
      () =>
        new BatchLoader<string, BankConfirmation | null>(
          async (ids) => new Map((await byIds(em, BankConfirmation, ids)).map((c) => [c.id, c])),
          () => null,
        ),
    ),
    /** Call-backs recorded per change request, oldest first. */
    confirmationsOfRequest: loaderFor(
      em,
      'supplier.confirmationsOfRequest',
      () =>
        new BatchLoader<string, BankConfirmation[]>(
          async (ids) => {
            const rows = await em.find(BankConfirmation, { changeRequest: { $in: ids } }, { orderBy: { confirmedAt: 'asc', id: 'asc' } });
            return groupBy(rows, (c) => c.changeRequest.id);
          },
          () => [],
        ),
    ),
    /** The submission awaiting review, per supplier (at most one is PENDING). */
    pendingChangeRequest: loaderFor(
      em,
      'supplier.pendingChangeRequest',
      () =>
        new BatchLoader<string, ChangeRequest | null>(
          async (ids) => {
            const rows = await em.find(
              ChangeRequest,
              { supplier: { $in: ids }, status: ChangeRequestStatus.PENDING },
              { orderBy: { submittedAt: 'desc', id: 'desc' } },
            );
            const out = new Map<string, ChangeRequest>();
            for (const r of rows) if (!out.has(r.supplier.id)) out.set(r.supplier.id, r);
            return out;
          },
          () => null,
        ),
    ),
    /** Where each supplier's phones came from (review/bank-safety.ts labels call-back numbers with it). */
    phoneHistory: loaderFor(
      em,
      'supplier.phoneHistory',
      () =>
        new BatchLoader<string, PhoneHistory>(
          async (ids) => {
            const rows = await em
              .getConnection()
              .execute<{ id: string; linked_to_xero: boolean; decided_at: Date | null; baseline: PhoneData[] | null; proposed: PhoneData[] | null }[]>(
                `select s.id, s.xero_contact_id is not null as linked_to_xero, cr.decided_at, cr.baseline -> 'phones' as baseline, cr.proposed -> 'phones' as proposed
                 from suppliers s
                 left join change_requests cr on cr.supplier_id = s.id and cr.organisation_id = s.organisation_id and cr.status = ?
                where s.organisation_id = ? and s.id in (${marks(ids.length)})`,
                [ChangeRequestStatus.ACCEPTED, organisationOf(em), ...ids],
                'all',
                em.getTransactionContext(),
              );
            const out = new Map<string, PhoneHistory>();
            for (const row of rows) {
              const history = out.get(row.id) ?? { linkedToXero: row.linked_to_xero, accepted: [] };
              out.set(row.id, history);
              if (row.decided_at) history.accepted.push({ decidedAt: new Date(row.decided_at), baseline: row.baseline ?? [], proposed: row.proposed ?? [] });
            }
            return out;
          },
          () => ({ linkedToXero: false, accepted: [] }),
        ),
    ),
    /** Change requests by id. */
    changeRequest: loaderFor(
      em,
      'supplier.changeRequest',
      () =>
        new BatchLoader<string, ChangeRequest | null>(
          async (ids) => new Map((await byIds(em, ChangeRequest, ids)).map((r) => [r.id, r])),
          () => null,
        ),
    ),
    /** The newest change requests of each supplier (up to SUPPLIER_CHANGE_REQUESTS_LIMIT). */
    changeRequests: loaderFor(
      em,
      'supplier.changeRequests',
      () =>
        new BatchLoader<string, ChangeRequest[]>(
          async (ids) => {
            const picked = await em.getConnection().execute<{ id: string }[]>(
              `select id from (select id, row_number() over (partition by supplier_id order by submitted_at desc, id desc) as n
                             from change_requests where organisation_id = ? and supplier_id in (${marks(ids.length)})) t
            where n <= ${SUPPLIER_CHANGE_REQUESTS_LIMIT}`,
              [organisationOf(em), ...ids],
              'all',
              em.getTransactionContext(),
            );
            const rows = await byIds(
              em,
              ChangeRequest,
              picked.map((p) => p.id),
              { orderBy: { submittedAt: 'desc', id: 'desc' } },
            );
            return groupBy(rows, (r) => r.supplier.id);
          },
          () => [],
        ),
    ),
    /** The most recent invite of each supplier. */
    latestInvite: loaderFor(
      em,
      'supplier.latestInvite',
      () =>
        new BatchLoader<string, Invite | null>(
          async (ids) => {
            const picked = await em.getConnection().execute<{ id: string }[]>(
              `select distinct on (supplier_id) id from invites where organisation_id = ? and supplier_id in (${marks(ids.length)})
            order by supplier_id, created_at desc, id desc`,
              [organisationOf(em), ...ids],
              'all',
              em.getTransactionContext(),
            );
            return new Map(
              (
                await byIds(
                  em,
                  Invite,
                  picked.map((p) => p.id),
                )
              ).map((i) => [i.supplier.id, i]),
            );
          },
          () => null,
        ),
    ),
    /** Suppliers with their (lazy) structured payment details loaded. */
    withPaymentDetails: loaderFor(
      em,
      'supplier.withPaymentDetails',
      () =>
        new BatchLoader<string, Supplier | null>(
          async (ids) => new Map((await byIds(em, Supplier, ids, { populate: ['paymentDetails'] })).map((s) => [s.id, s])),
          () => null,
        ),
    ),
  };
}
