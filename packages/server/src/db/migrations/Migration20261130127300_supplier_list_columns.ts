import { Migration } from '@mikro-orm/migrations';

export class Migration20261130127300_supplier_list_columns extends Migration {
  override name = 'Migration20261130127300_supplier_list_columns';

  override up(): void | Promise<void> {
    this.addSql(`create type "bank_details_state" as enum ('NONE', 'NOT_CONFIRMED', 'VERIFIED', 'CHANGED', 'ON_HOLD');`);
    this.addSql(
      `alter table "suppliers" add "invite_expires_at" timestamptz null, add "bank_state" "bank_details_state" not null default 'NONE', add "last_activity_at" timestamptz not null default now(), add "last_activity" varchar(40) not null default 'SUPPLIER_CREATED';`,
    );
    // Existing suppliers: the same derivations as refreshSupplierFlags and the audit trigger.
    this.addSql(`update suppliers s set
       invite_expires_at = (select i.expires_at from invites i where i.supplier_id = s.id order by i.created_at desc, i.id desc limit 1),
       bank_state = (case
         when exists (select 1 from change_requests c where c.supplier_id = s.id and c.status = 'PENDING' and c.changes_bank_details)
           or exists (select 1 from supplier_drift d where d.supplier_id = s.id and d.resolved_at is null and d.is_bank_detail) then 'CHANGED'
         when s.bank_account_details is null and s.payment_details is null then 'NONE'
         when s.bank_confirmation_id is not null and s.bank_details_verified_at is not null then 'VERIFIED'
         else 'NOT_CONFIRMED' end)::bank_details_state,
       last_activity_at = coalesce((select a.created_at from audit_events a where a.supplier_id = s.id order by a.id desc limit 1), s.created_at),
       last_activity = coalesce((select a.kind from audit_events a where a.supplier_id = s.id order by a.id desc limit 1), 'SUPPLIER_CREATED');`);
    this.addSql(`create index "suppliers_organisation_id_last_activity_at_id_index" on "suppliers" ("organisation_id", "last_activity_at", "id");`);
    this.addSql(`create index "suppliers_organisation_id_bank_state_id_index" on "suppliers" ("organisation_id", "bank_state", "id");`);

    this.addSql(
      `create or replace function "audit_events_audit_events_supplier_activity_fn"() returns trigger as \$\$ begin update suppliers set last_activity_at = new.created_at, last_activity = new.kind where id = new.supplier_id and last_activity_at <= new.created_at; return null; end; \$\$ language plpgsql;`,
    );
    this.addSql(`create trigger "audit_events_supplier_activity" AFTER INSERT on "audit_events" for each ROW
  when (new.supplier_id is not null and new.kind <> 'SUPPLIER_IMPORTED') execute function "audit_events_audit_events_supplier_activity_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_events_supplier_activity" on "audit_events";`);
    this.addSql(`drop function if exists "audit_events_audit_events_supplier_activity_fn"();`);

    this.addSql(`drop index "suppliers_organisation_id_last_activity_at_id_index";`);
    this.addSql(`drop index "suppliers_organisation_id_bank_state_id_index";`);
    this.addSql(
      `alter table "suppliers" drop column "invite_expires_at", drop column "bank_state", drop column "last_activity_at", drop column "last_activity";`,
    );

    this.addSql(`drop type "bank_details_state";`);
  }
}
