import type { EntityManager, Kysely } from '@mikro-orm/postgresql';
import { maskBankDetails } from '../common/bank-masking.js';
import { uuidv7 } from '../common/ids.js';
import { BankDetailsState } from '../suppliers/bank-state.js';
import { SupplierStatus } from '../suppliers/supplier.entity.js';
import type { MappedContact } from '../xero/map-xero-contact.js';

/** A supplier made from a Xero contact by `insertNewSuppliers`. */
export interface InsertedSupplier {
  id: string;
  contactId: string;
  archived: boolean;
}

/**
 * Every column a new supplier from Xero is given, in json_to_recordset's terms. The columns not named here take
 * their defaults, as an entity created by the ORM does (no invite, no submission, no drift, no push yet).
 */
const COLUMNS = `id uuid, audit_id uuid, name varchar, first_name varchar, last_name varchar, email varchar, phones jsonb, addresses jsonb,
  contact_persons jsonb, tax_number varchar, company_number varchar, account_number varchar, bank_account_details varchar,
  default_currency varchar, status varchar, xero_contact_id uuid, xero_updated_at timestamptz, xero_is_supplier boolean,
  xero_is_customer boolean, bank_state varchar, summary varchar, masked_account_number varchar, masked_bank_account_details varchar`;

/**
 * The SUPPLIER_IMPORTED event's `after`: the contact's fields as the row holds them, with the two bank numbers
 * masked (by maskBankDetails, in JS, as recordAudit masks them); built in SQL rather than sent twice.
 */
const AUDIT_AFTER = `jsonb_build_object('name', i.name, 'firstName', i.first_name, 'lastName', i.last_name, 'email', i.email,
  'phones', i.phones, 'addresses', i.addresses, 'contactPersons', i.contact_persons, 'taxNumber', i.tax_number,
  'companyNumber', i.company_number, 'accountNumber', i.masked_account_number, 'bankAccountDetails', i.masked_bank_account_details,
  'defaultCurrency', i.default_currency)`;

/**
 * The import's hot path: a page of new suppliers and their SUPPLIER_IMPORTED audit events in one statement (one
 * JSON parameter, json_to_recordset), instead of an ORM entity, change set and parameter list per row. Runs in
 * the caller's transaction: a page is stored whole or not at all.
 *
 * Idempotent under races: a contact another transaction imported first (two workers on one page, a page re-read
 * after a crash) is skipped by ON CONFLICT on (organisation, Xero contact), and gets no second audit event; the
 * answer lists only the suppliers this statement created.
 *
 * The derived list columns are set as refreshSupplierFlags and the audit trigger would for a new supplier: bank
 * state NOT_CONFIRMED when Xero holds bank details (else NONE), and the import as its latest event (the
 * trigger skips SUPPLIER_IMPORTED). The audit event holds the contact's fields with bank numbers masked (AUDIT_AFTER).
 */
export async function insertNewSuppliers(
  tx: EntityManager,
  organisationId: string,
  contacts: readonly MappedContact[],
  now: Date,
): Promise<InsertedSupplier[]> {
  if (!contacts.length) return [];
  const rows = contacts.map((contact) => {
    const o = contact.owned;
    return {
      id: uuidv7(),
      audit_id: uuidv7(),
      name: o.name,
      first_name: o.firstName,
      last_name: o.lastName,
      email: o.email,
      phones: o.phones,
      addresses: o.addresses,
      contact_persons: o.contactPersons,
      tax_number: o.taxNumber,
      company_number: o.companyNumber,
      account_number: o.accountNumber,
      bank_account_details: o.bankAccountDetails,
      default_currency: o.defaultCurrency,
      status: contact.archived ? SupplierStatus.ARCHIVED : SupplierStatus.ACTIVE,
      xero_contact_id: contact.contactId,
      xero_updated_at: contact.updatedAt,
      xero_is_supplier: contact.isSupplier,
      xero_is_customer: contact.isCustomer,
      bank_state: o.bankAccountDetails ? BankDetailsState.NOT_CONFIRMED : BankDetailsState.NONE,
      summary: `Imported from Xero${contact.archived ? ' (archived there)' : ''}`,
      masked_account_number: maskBankDetails(o.accountNumber, 'accountNumber'),
      masked_bank_account_details: maskBankDetails(o.bankAccountDetails, 'bankAccountDetails'),
    };
  });
  // The page travels as one bind parameter ($1), not inlined into the SQL text the way the ORM's execute() sends
  // parameters: escaping and lexing a megabyte-long literal cost more than the insert itself.
  const inserted = await runBound<{ id: string; xero_contact_id: string; status: string }>(
    tx,
    `with input as (select * from json_to_recordset($1::json) as r(${COLUMNS})),
     created as (
       insert into suppliers (id, created_at, updated_at, organisation_id, name, first_name, last_name, email, phones, addresses,
         contact_persons, tax_number, company_number, account_number, bank_account_details, default_currency, status,
         xero_contact_id, xero_updated_at, xero_is_supplier, xero_is_customer, bank_state, last_activity_at, last_activity)
       select id, $2, $2, $3, name, first_name, last_name, email, phones, addresses,
         contact_persons, tax_number, company_number, account_number, bank_account_details, default_currency, status::supplier_status,
         xero_contact_id, xero_updated_at, xero_is_supplier, xero_is_customer, bank_state::bank_details_state, $2, 'SUPPLIER_IMPORTED'
       from input
       on conflict (organisation_id, xero_contact_id) do nothing
       returning id, xero_contact_id, status),
     audited as (
       insert into audit_events (id, created_at, updated_at, organisation_id, supplier_id, actor_type, actor_id, actor_label, kind, summary, before, after)
       select i.audit_id, $2, $2, $3, i.id, 'XERO', null, 'Xero', 'SUPPLIER_IMPORTED', i.summary, null, ${AUDIT_AFTER}
       from input i join created c on c.id = i.id
       order by i.audit_id)
     select id, xero_contact_id, status from created`,
    [JSON.stringify(rows), now, organisationId],
  );
  return inserted.map((r) => ({ id: r.id, contactId: r.xero_contact_id, archived: r.status === SupplierStatus.ARCHIVED }));
}

type CompiledQuery = Exclude<Parameters<Kysely<unknown>['executeQuery']>[0], { compile: unknown }>;

/**
 * A statement with bind parameters ($1, $2…) on the transaction's own connection (MikroORM's Kysely client), logged
 * through the ORM's logger like every other statement (the SQL without its parameters).
 */
async function runBound<Row>(tx: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
  const query = { sql, parameters, query: { kind: 'RawNode', sqlFragments: [sql], parameters: [] }, queryId: { queryId: 'insert-new-suppliers' } };
  const started = Date.now();
  const { rows } = await tx.getKysely().executeQuery<Row>(query as unknown as CompiledQuery);
  tx.config.getLogger().logQuery({ query: sql, took: Date.now() - started, results: rows.length, level: 'info' });
  return rows;
}
