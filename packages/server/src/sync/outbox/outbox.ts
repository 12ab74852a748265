import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '../../common/ids.js';
import type { Supplier } from '../../suppliers/supplier.entity.js';
import { OutboxEntry, OutboxStatus } from './outbox-entry.entity.js';

/** Fields Vouch pushes to Xero (the outbound sync consumes these from the outbox). */
export const XERO_PUSH_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phones',
  'addresses',
  'contactPersons',
  'taxNumber',
  'companyNumber',
  'bankAccountDetails',
] as const;
export type XeroPushField = (typeof XERO_PUSH_FIELDS)[number];

/**
 * Transactional outbox: records the intent to push the supplier's approved Xero fields, in the caller's
 * transaction (the one that applied them), in acceptance order per supplier. An entry carries only the
 * fields that changed (`fields`) — plus those of the unsent or failed earlier entries it supersedes — so a
 * push never writes a value nobody edited. A supplier not yet in Xero is created with every field.
 * Returns null when there is nothing to write.
 */
export async function queueForXero(
  tx: EntityManager,
  organisationId: string,
  supplier: Supplier,
  changeRequestId: string | null,
  fields: readonly XeroPushField[] = XERO_PUSH_FIELDS,
): Promise<OutboxEntry | null> {
  // One queueing per supplier at a time: the next sequence number is read and used under this row lock.
  await tx.getConnection().execute('select id from suppliers where id = ? for update', [supplier.id], 'all', tx.getTransactionContext());
  const superseded = await tx.find(
    OutboxEntry,
    { supplier: supplier.id, status: { $in: [OutboxStatus.PENDING, OutboxStatus.FAILED] } },
    { fields: ['payload'] },
  );
  const carried = new Set<string>([...fields, ...superseded.flatMap((e) => Object.keys(e.payload))]);
  const pushed = supplier.xeroContactId ? XERO_PUSH_FIELDS.filter((f) => carried.has(f)) : [...XERO_PUSH_FIELDS];
  if (!pushed.length) return null;
  const [seq] = await tx
    .getConnection()
    .execute<{ next: number }[]>(
      'select coalesce(max(sequence), 0) + 1 as next from outbox_entries where supplier_id = ?',
      [supplier.id],
      'all',
      tx.getTransactionContext(),
    );
  if (superseded.length) await tx.nativeUpdate(OutboxEntry, { id: { $in: superseded.map((e) => e.id) } }, { status: OutboxStatus.SUPERSEDED });
  const id = uuidv7();
  return tx.create(OutboxEntry, {
    id,
    organisation: organisationId,
    supplier,
    changeRequestId,
    sequence: Number(seq!.next),
    payload: Object.fromEntries(pushed.map((f) => [f, supplier[f] as unknown])),
    idempotencyKey: `vouch-outbox-${id}`,
    status: OutboxStatus.PENDING,
  });
}
