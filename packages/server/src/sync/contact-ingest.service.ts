import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../graphql/pubsub.js';
import { TOPICS } from '../graphql/pubsub.js';
import { Organisation } from '../accounts/organisation.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { refreshSupplierFlags } from '../suppliers/supplier-flags.js';
import { BankDetailsState } from '../suppliers/bank-state.js';
import { SupplierDrift } from '../suppliers/supplier-drift.entity.js';
import { BANK_FIELDS, OWNED_FIELDS, Supplier, SupplierStatus } from '../suppliers/supplier.entity.js';
import { sameFieldValue } from '../suppliers/canonical-fields.js';
import { isCustomerOnly, type MappedContact } from '../xero/map-xero-contact.js';
import { supplierCreatedEvent } from '../webhooks/webhook-events.js';
import { insertNewSuppliers } from './insert-new-suppliers.js';

/**
 * Compares what Xero holds (`owned`, canonical) with Vouch's supplier, field by field: a difference opens (or
 * refreshes) a drift row, an agreement closes the open one. Content, not timestamps, decides. Returns the
 * number of differing fields and the drift rows this closed (with the Xero value they had recorded).
 */
export async function reconcileDrift(
  tx: EntityManager,
  organisationId: string,
  supplier: Supplier,
  owned: MappedContact['owned'],
  openDrift: Map<string, SupplierDrift> | null,
  now: Date,
): Promise<{ drifted: number; closed: SupplierDrift[] }> {
  const open = openDrift ?? new Map((await tx.find(SupplierDrift, { supplier: supplier.id, resolvedAt: null })).map((d) => [`${supplier.id}:${d.field}`, d]));
  const outcome = { drifted: 0, closed: [] as SupplierDrift[] };
  for (const field of OWNED_FIELDS) {
    const vouchValue = supplier[field] as unknown;
    const xeroValue = owned[field];
    const current = open.get(`${supplier.id}:${field}`);
    if (sameFieldValue(field, vouchValue, xeroValue)) {
      if (current) {
        current.resolvedAt = now;
        outcome.closed.push(current);
      }
      continue;
    }
    outcome.drifted++;
    if (current) {
      current.vouchValue = vouchValue;
      current.xeroValue = xeroValue;
      current.lastSeenAt = now;
      continue;
    }
    const resolved = await tx.findOne(SupplierDrift, { supplier: supplier.id, field });
    if (resolved) {
      Object.assign(resolved, { vouchValue, xeroValue, firstSeenAt: now, lastSeenAt: now, resolvedAt: null });
      continue;
    }
    recordAudit(tx, {
      organisationId,
      supplierId: supplier.id,
      actor: { type: 'XERO' },
      kind: 'DRIFT_SEEN',
      summary: `Xero holds a different ${field}${BANK_FIELDS.includes(field) ? ' (bank details!)' : ''}; Vouch's value is kept`,
      before: { [field]: vouchValue },
      after: { [field]: xeroValue },
    });
    tx.create(SupplierDrift, {
      organisation: organisationId,
      supplier,
      field,
      vouchValue,
      xeroValue,
      isBankDetail: BANK_FIELDS.includes(field),
      firstSeenAt: now,
      lastSeenAt: now,
    });
  }
  return outcome;
}

export interface IngestResult {
  created: number;
  skipped: number;
  archived: number;
  known: number;
  drifted: number;
  maxUpdatedAt: Date | null;
  /** Unknown contacts held back (see `holdBack`): not imported this time; the caller must see them again. */
  deferred: number;
  /** The earliest UpdatedDateUTC among them, so a cursor can stay before it. */
  deferredFrom: Date | null;
}

/** The supplier `insertNewSuppliers` stored, as an entity (not managed: it is only read, e.g. for an event's payload). */
function newSupplierEntity(tx: EntityManager, organisationId: string, id: string, contact: MappedContact, now: Date): Supplier {
  return Object.assign(new Supplier(), {
    id,
    organisation: tx.getReference(Organisation, organisationId),
    ...contact.owned,
    status: contact.archived ? SupplierStatus.ARCHIVED : SupplierStatus.ACTIVE,
    xeroContactId: contact.contactId,
    xeroUpdatedAt: contact.updatedAt,
    xeroIsSupplier: contact.isSupplier,
    xeroIsCustomer: contact.isCustomer,
    bankState: contact.owned.bankAccountDetails ? BankDetailsState.NOT_CONFIRMED : BankDetailsState.NONE,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
    lastActivity: 'SUPPLIER_IMPORTED',
  });
}

/** Xero's name uniqueness ignores case and surrounding/repeated spaces. */
export function xeroNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Turns Xero contacts into Vouch suppliers. New contacts (not customer-only) become suppliers; known ones are
 * never overwritten — differences in the fields Vouch owns are recorded as drift. Idempotent: a page seen
 * twice (retries, overlapping polls, duplicate webhooks) changes nothing the second time.
 */
export class ContactIngestService {
  constructor(private readonly pubsub: EventBus) {}

  async ingest(
    em: EntityManager,
    organisationId: string,
    contacts: MappedContact[],
    options: {
      announce: boolean;
      now?: Date;
      /**
       * Names (`xeroNameKey`) of creates of ours whose answer is still unknown. An unknown contact bearing one
       * may be the very contact such a create made: it is held back, never imported as a second supplier.
       */
      holdBack?: ReadonlySet<string>;
    },
  ): Promise<IngestResult> {
    const now = options.now ?? new Date();
    const result: IngestResult = { created: 0, skipped: 0, archived: 0, known: 0, drifted: 0, maxUpdatedAt: null, deferred: 0, deferredFrom: null };
    if (!contacts.length) return result;
    for (const c of contacts) {
      if (c.updatedAt && (!result.maxUpdatedAt || c.updatedAt > result.maxUpdatedAt)) result.maxUpdatedAt = c.updatedAt;
    }
    const createdIds: string[] = [];
    await em.transactional(async (tx) => {
      // Which of the page's contacts Vouch already has: ids only (an import's pages are all new), then the known
      // ones in full for the drift comparison. Known suppliers are locked (in id order, so two pages never wait on
      // each other in a cycle) until this transaction ends: a poll and a webhook fetch comparing the same contact
      // take turns, and the second sees the drift the first recorded instead of recording it again (which the
      // unique (supplier, field) refused, failing its whole page).
      const known = await tx
        .getConnection()
        .execute<{ id: string }[]>(
          'select id from suppliers where organisation_id = ? and xero_contact_id = any(?::uuid[]) order by id for update',
          [organisationId, `{${contacts.map((c) => c.contactId).join(',')}}`],
          'all',
          tx.getTransactionContext(),
        );
      const existing = known.length ? await tx.find(Supplier, { id: { $in: known.map((k) => k.id) } }) : [];
      const byContact = new Map(existing.map((s) => [s.xeroContactId!, s]));
      const openDrift = existing.length ? await tx.find(SupplierDrift, { supplier: { $in: existing.map((s) => s.id) }, resolvedAt: null }) : [];
      const driftByKey = new Map(openDrift.map((d) => [`${d.supplier.id}:${d.field}`, d]));
      const seenInBatch = new Set<string>();
      const newContacts: MappedContact[] = [];
      for (const contact of contacts) {
        if (seenInBatch.has(contact.contactId)) continue;
        seenInBatch.add(contact.contactId);
        const supplier = byContact.get(contact.contactId);
        if (!supplier) {
          if (isCustomerOnly(contact)) {
            result.skipped++;
            continue;
          }
          if (options.holdBack?.has(xeroNameKey(contact.owned.name))) {
            result.deferred++;
            if (contact.updatedAt && (!result.deferredFrom || contact.updatedAt < result.deferredFrom)) result.deferredFrom = contact.updatedAt;
            continue;
          }
          newContacts.push(contact);
          continue;
        }
        result.known++;
        // Xero's flags and timestamps are facts about Xero, not supplier details: keep them current.
        supplier.xeroIsSupplier = contact.isSupplier;
        supplier.xeroIsCustomer = contact.isCustomer;
        if (contact.updatedAt && (!supplier.xeroUpdatedAt || contact.updatedAt > supplier.xeroUpdatedAt)) supplier.xeroUpdatedAt = contact.updatedAt;
        result.drifted += (await reconcileDrift(tx, organisationId, supplier, contact.owned, driftByKey, now)).drifted;
      }
      // New suppliers and their audit events: one statement for the page (an import brings up to 1,000 at a time).
      const inserted = await insertNewSuppliers(tx, organisationId, newContacts, now);
      for (const s of inserted) {
        createdIds.push(s.id);
        if (s.archived) result.archived++;
        else result.created++;
      }
      // A poll or a Xero webhook found a new supplier: tell subscribed tools. The initial import does not
      // (a tool subscribing before connecting Xero would get one event per contact, up to 100,000).
      if (options.announce && inserted.length) {
        const byId = new Map(newContacts.map((c) => [c.contactId, c]));
        const events = inserted.map((s) =>
          supplierCreatedEvent(tx, organisationId, newSupplierEntity(tx, organisationId, s.id, byId.get(s.contactId)!, now), 'XERO'),
        );
        await tx.insertMany(events);
      }
      await tx.flush();
      if (existing.length)
        await refreshSupplierFlags(
          tx,
          existing.map((s) => s.id),
        );
    });
    // The initial import reports progress instead of one event per supplier.
    for (const supplierId of options.announce ? createdIds : []) {
      await this.pubsub.publish(TOPICS.SUPPLIER_ADDED, { organisationId, supplierId });
    }
    return result;
  }
}
