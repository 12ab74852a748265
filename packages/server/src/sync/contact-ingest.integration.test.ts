import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Organisation } from '../accounts/organisation.entity.js';
import { auditEntity } from '../audit/audit.service.js';
import { BankDetailsState } from '../suppliers/bank-state.js';
import { Supplier, SupplierStatus } from '../suppliers/supplier.entity.js';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { mapXeroContact, type MappedContact } from '../xero/map-xero-contact.js';
import type { XeroContact } from '../xero/xero.gateway.js';
import { ContactIngestService } from './contact-ingest.service.js';

/**
 * The import stores a page of new suppliers with one set-based statement (insert-new-suppliers.ts) instead of an
 * ORM entity per contact. These tests hold it to what the ORM path stored, row for row and column for column
 * (the supplier list's derived columns included), to the import's idempotency under races and re-runs, and to
 * "a bad page stores nothing".
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const newOrg = async () => (await signUpBuyer(app.url)).user.organisation.id;

/** xero-node Contacts covering every shape the mapping keeps: bank details, people, phones, addresses, archived, customers… */
function xeroPage(size: number): XeroContact[] {
  return Array.from({ length: size }, (_, i) => {
    const kind = i % 7;
    return {
      contactID: randomUUID(),
      // Quotes, backslashes, question marks and non-ASCII travel through the JSON parameter unharmed.
      name: [`Supplier ${i} Ltd`, `O'Brien & Sons ${i}`, `Back\\slash "quoted" ${i}?`, `Café Zürich ${i} — 東京`][i % 4],
      firstName: kind === 1 ? 'Ada' : undefined,
      lastName: kind === 1 ? 'Lovelace' : undefined,
      emailAddress: kind === 2 ? ` ap${i}@example.com ` : undefined,
      contactStatus: kind === 3 ? 'ARCHIVED' : 'ACTIVE',
      isSupplier: kind !== 4,
      isCustomer: kind === 4 || kind === 5,
      bankAccountDetails: kind === 2 || kind === 6 ? `12-3456-${String(1000000 + i)}-00` : undefined,
      accountNumber: kind === 6 ? `ACC-${i}` : undefined,
      taxNumber: kind === 5 ? `GB${100000 + i}` : undefined,
      companyNumber: kind === 5 ? `0${i}` : '',
      defaultCurrency: kind === 1 ? 'NZD' : undefined,
      phones:
        kind === 1 || kind === 2
          ? [
              { phoneType: 'MOBILE', phoneNumber: `021 ${i}`, phoneCountryCode: '64' },
              { phoneType: 'DEFAULT', phoneNumber: ` 555 ${i} `, phoneAreaCode: '09' },
              { phoneType: 'FAX' },
            ]
          : [],
      addresses: kind === 2 ? [{ addressType: 'STREET', addressLine1: '1 Queen St', city: 'Auckland' }, { addressType: 'POBOX' }] : [],
      contactPersons: kind === 1 ? [{ firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.com', includeInEmails: true }] : [],
      updatedDateUTC: kind === 6 ? undefined : new Date(Date.UTC(2026, 10, 1, 12, 0, i % 60, i % 1000)),
    } as unknown as XeroContact;
  });
}

/**
 * The ORM path the import used before (contact-ingest.service.ts up to issue 17's set-based insert), kept here as
 * the reference the new statement must match: an entity per new supplier, its SUPPLIER_IMPORTED audit event, and
 * insertMany of both.
 */
async function ormPathInsert(em: EntityManager, organisationId: string, contacts: MappedContact[], now: Date): Promise<void> {
  await em.transactional(async (tx) => {
    const suppliers: Supplier[] = [];
    const audits = [];
    for (const contact of contacts) {
      if (contact.isCustomer && !contact.isSupplier) continue;
      const created = Object.assign(new Supplier(), {
        organisation: tx.getReference(Organisation, organisationId),
        ...contact.owned,
        status: contact.archived ? SupplierStatus.ARCHIVED : SupplierStatus.ACTIVE,
        xeroContactId: contact.contactId,
        xeroUpdatedAt: contact.updatedAt,
        xeroIsSupplier: contact.isSupplier,
        xeroIsCustomer: contact.isCustomer,
        bankState: contact.owned.bankAccountDetails ? BankDetailsState.NOT_CONFIRMED : BankDetailsState.NONE,
        lastActivityAt: now,
        lastActivity: 'SUPPLIER_IMPORTED',
      });
      suppliers.push(created);
      audits.push(
        auditEntity(tx, {
          organisationId,
          supplierId: created.id,
          actor: { type: 'XERO' },
          kind: 'SUPPLIER_IMPORTED',
          summary: `Imported from Xero${contact.archived ? ' (archived there)' : ''}`,
          after: contact.owned,
        }),
      );
    }
    await tx.insertMany(suppliers);
    await tx.insertMany(audits);
  });
}

type Row = Record<string, unknown>;
/** Every column of an organisation's suppliers (keyed by Xero contact) and their audit events, ids and stamps aside. */
async function stored(organisationId: string): Promise<{ suppliers: Map<string, Row>; audits: Map<string, Row>; stamps: Date[] }> {
  const conn = app.orm.em.getConnection();
  const suppliers = await conn.execute<Row[]>('select * from suppliers where organisation_id = ?', [organisationId]);
  const audits = await conn.execute<Row[]>(
    'select a.*, s.xero_contact_id as contact from audit_events a join suppliers s on s.id = a.supplier_id where a.organisation_id = ?',
    [organisationId],
  );
  const stamps: Date[] = [];
  const strip = (row: Row, drop: string[]) => {
    for (const key of ['created_at', 'updated_at']) stamps.push(new Date(row[key] as string));
    return Object.fromEntries(Object.entries(row).filter(([k]) => !['id', 'organisation_id', 'created_at', 'updated_at', ...drop].includes(k)));
  };
  return {
    suppliers: new Map(suppliers.map((s) => [s.xero_contact_id as string, strip(s, [])])),
    audits: new Map(audits.map((a) => [a.contact as string, strip(a, ['supplier_id', 'contact'])])),
    stamps,
  };
}

describe('a page of new suppliers from Xero, stored in one statement', () => {
  it('stores the same rows, column for column, as the ORM path did (derived list columns and audit events included)', async () => {
    const contacts = xeroPage(140).map(mapXeroContact);
    const [viaOrm, viaIngest] = [await newOrg(), await newOrg()];
    const now = new Date();
    await ormPathInsert(app.services.em(viaOrm), viaOrm, contacts, now);
    const result = await new ContactIngestService(app.services.pubsub).ingest(app.services.em(viaIngest), viaIngest, contacts, { announce: false, now });

    const before = await stored(viaOrm);
    const after = await stored(viaIngest);
    expect(result).toMatchObject({ created: 100, archived: 20, skipped: 20, known: 0 });
    expect(after.suppliers.size).toBe(120);
    expect([...after.suppliers.keys()].sort()).toEqual([...before.suppliers.keys()].sort());
    for (const [contactId, row] of before.suppliers) expect(after.suppliers.get(contactId), contactId).toEqual(row);
    expect(after.audits.size).toBe(120);
    for (const [contactId, row] of before.audits) expect(after.audits.get(contactId), contactId).toEqual(row);
    // The stamps are the ingest's moment (the ORM path's differed from it by the microseconds it took).
    expect(after.stamps.every((d) => d.getTime() === now.getTime())).toBe(true);
    // What the list shows was exercised: bank state both ways, archived, the import as the latest event, masked audits.
    const rows = [...after.suppliers.values()];
    expect(new Set(rows.map((r) => r.bank_state))).toEqual(new Set(['NONE', 'NOT_CONFIRMED']));
    expect(rows.filter((r) => r.status === 'ARCHIVED')).toHaveLength(20);
    expect(rows.every((r) => r.last_activity === 'SUPPLIER_IMPORTED' && new Date(r.last_activity_at as string).getTime() === now.getTime())).toBe(true);
    expect(JSON.stringify([...after.audits.values()])).not.toMatch(/1000006/);
  });

  it('costs the same few statements for a page of 1,000 as for a page of 10', async () => {
    const ingest = new ContactIngestService(app.services.pubsub);
    const statements = async (size: number) => {
      const org = await newOrg();
      const contacts = xeroPage(size).map(mapXeroContact);
      const spy = vi.spyOn(app.orm.config.getLogger(), 'logQuery');
      try {
        await ingest.ingest(app.services.em(org), org, contacts, { announce: false });
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const few = await statements(10);
    const many = await statements(1000);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(5); // begin, which contacts are known, the insert, commit
  });

  it('two workers storing the same page at once: both succeed, each contact becomes one supplier with one audit event', async () => {
    const org = await newOrg();
    const contacts = xeroPage(300).map(mapXeroContact);
    const ingest = new ContactIngestService(app.services.pubsub);
    const [a, b] = await Promise.all([
      ingest.ingest(app.services.em(org), org, contacts, { announce: false }),
      ingest.ingest(app.services.em(org), org, contacts, { announce: false }),
    ]);
    const rows = await stored(org);
    expect(rows.suppliers.size).toBe(257); // 300 less the customer-only ones
    expect(a.created + a.archived + b.created + b.archived).toBe(257);
    const [{ n }] = await app.orm.em.getConnection().execute<[{ n: number }]>('select count(*)::int as n from audit_events where organisation_id = ?', [org]);
    expect(n).toBe(257);
    // And a page stored again (a resumed import re-reads the page it was killed in) creates nothing.
    const again = await ingest.ingest(app.services.em(org), org, contacts, { announce: false });
    expect(again).toMatchObject({ created: 0, archived: 0, known: 257 });
  });

  it('a bad page stores nothing: no supplier and no audit event of it', async () => {
    const org = await newOrg();
    const contacts = xeroPage(50).map(mapXeroContact);
    contacts[37] = { ...contacts[37]!, owned: { ...contacts[37]!.owned, name: 'x'.repeat(300) } }; // over the column's 255
    const ingest = new ContactIngestService(app.services.pubsub);
    await expect(ingest.ingest(app.services.em(org), org, contacts, { announce: false })).rejects.toThrow();
    const rows = await stored(org);
    expect(rows.suppliers.size).toBe(0);
    const [{ n }] = await app.orm.em.getConnection().execute<[{ n: number }]>('select count(*)::int as n from audit_events where organisation_id = ?', [org]);
    expect(n).toBe(0);
  });

  it('announced (a poll): supplier.created for exactly the suppliers this page created', async () => {
    const org = await newOrg();
    const contacts = xeroPage(21).map(mapXeroContact);
    const ingest = new ContactIngestService(app.services.pubsub);
    await ingest.ingest(app.services.em(org), org, contacts.slice(0, 7), { announce: true });
    await ingest.ingest(app.services.em(org), org, contacts, { announce: true });
    const events = await app.orm.em
      .getConnection()
      .execute<{ supplier_id: string; data: { supplier: { name: string; xeroContactId: string; status: string } } }[]>(
        `select supplier_id, data from webhook_events where organisation_id = ? and type = 'supplier.created'`,
        [org],
      );
    const rows = await stored(org);
    expect(events).toHaveLength(rows.suppliers.size);
    expect(new Set(events.map((e) => e.data.supplier.xeroContactId))).toEqual(new Set(rows.suppliers.keys()));
    const archived = events.find((e) => e.data.supplier.xeroContactId === contacts[3]!.contactId);
    expect(archived?.data.supplier.status).toBe('ARCHIVED');
  });
});

describe('known contacts changed in Xero, compared by two workers at once', () => {
  it('a poll and webhook fetches comparing the same changed contacts at once all succeed, with one drift per field', async () => {
    const org = await newOrg();
    const originals = xeroPage(70)
      .map(mapXeroContact)
      .filter((c) => !c.archived && c.isSupplier);
    const ingest = new ContactIngestService(app.services.pubsub);
    await ingest.ingest(app.services.em(org), org, originals, { announce: false });
    // Renamed in Xero: every worker finds the same drift; before, each inserted it and all but one failed on the
    // unique (supplier, field), their whole page lost until the next poll.
    const renamed = originals.map((c) => ({ ...c, owned: { ...c.owned, name: `${c.owned.name} (renamed in Xero)` } }));
    const results = await Promise.allSettled([
      ingest.ingest(app.services.em(org), org, renamed, { announce: false }), // a poll: the whole page
      ...renamed.slice(0, 8).map((c) => ingest.ingest(app.services.em(org), org, [c], { announce: false })), // webhook fetches
      ingest.ingest(app.services.em(org), org, [...renamed].reverse(), { announce: false }), // another poll, another order
    ]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const drift = await app.orm.em
      .getConnection()
      .execute<{ n: number; fields: string[] }[]>(
        'select count(*)::int as n, array_agg(distinct field) as fields from supplier_drift where organisation_id = ? and resolved_at is null',
        [org],
      );
    expect(drift[0]).toEqual({ n: originals.length, fields: ['name'] });
  });
});
