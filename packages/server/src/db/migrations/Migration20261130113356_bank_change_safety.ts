import { Migration } from '@mikro-orm/migrations';

export class Migration20261130113356_bank_change_safety extends Migration {
  override name = 'Migration20261130113356_bank_change_safety';

  override up(): void | Promise<void> {
    this.addSql(`create type "callback_number_source" as enum ('HELD', 'TYPED');`);
    this.addSql(
      `create table "bank_confirmations" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "supplier_id" uuid not null, "change_request_id" uuid not null, "confirmed_by_id" uuid not null, "confirmed_by_name" varchar(200) not null, "confirmed_at" timestamptz not null, "phone_number" varchar(60) not null, "phone_source" "callback_number_source" not null, "phone_label" varchar(120) null, "note" varchar(1000) not null, primary key ("id"));`,
    );
    this.addSql(`create index "bank_confirmations_organisation_id_index" on "bank_confirmations" ("organisation_id");`);
    this.addSql(`create index "bank_confirmations_organisation_id_supplier_id_index" on "bank_confirmations" ("organisation_id", "supplier_id");`);

    this.addSql(`alter table "organisations" add "payment_hold_days" int not null default 3;`);

    this.addSql(
      `alter table "suppliers" add "bank_confirmation_id" uuid null, add "bank_details_changed_at" timestamptz null, add "email_changed_at" timestamptz null, add "payment_hold_until" timestamptz null;`,
    );

    this.addSql(
      `alter table "change_requests" add "risk_signals" jsonb not null default '[]', add "risk_override_reason" varchar(1000) null, add "risk_overridden_by" uuid null;`,
    );
    this.addSql(`alter table "change_requests" alter column "risk_signals" drop default;`);
    // "Verified" now means a person confirmed the details by phone (a bank_confirmations row), and none exist
    // yet: details accepted before this only had the supplier's email behind them.
    this.addSql(`update "suppliers" set "bank_details_verified_at" = null where "bank_details_verified_at" is not null;`);

    this.addSql(
      `alter table "bank_confirmations" add constraint "bank_confirmations_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "bank_confirmations" add constraint "bank_confirmations_supplier_id_foreign" foreign key ("supplier_id") references "suppliers" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "bank_confirmations" add constraint "bank_confirmations_change_request_id_foreign" foreign key ("change_request_id") references "change_requests" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "bank_confirmations" cascade;`);

    this.addSql(`alter table "change_requests" drop column "risk_signals", drop column "risk_override_reason", drop column "risk_overridden_by";`);

    this.addSql(`alter table "organisations" drop column "payment_hold_days";`);

    this.addSql(
      `alter table "suppliers" drop column "bank_confirmation_id", drop column "bank_details_changed_at", drop column "email_changed_at", drop column "payment_hold_until";`,
    );

    this.addSql(`drop type "callback_number_source";`);
  }
}
