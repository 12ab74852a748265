import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191736_xero extends Migration {
  override name = 'Migration20261123191736_xero';

  override up(): void | Promise<void> {
    this.addSql(`create type "supplier_status" as enum ('ACTIVE', 'ARCHIVED');`);
    this.addSql(`create type "xero_connection_status" as enum ('CONNECTED', 'NEEDS_RECONNECT', 'DISCONNECTED');`);
    this.addSql(`create type "xero_import_status" as enum ('NOT_STARTED', 'RUNNING', 'DONE', 'FAILED');`);
    this.addSql(`create type "xero_oauth_attempt_status" as enum ('STARTED', 'AWAITING_CHOICE', 'CONFIRMED', 'FAILED');`);
    this.addSql(
      `create table "supplier_drift" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "supplier_id" uuid not null, "field" varchar(50) not null, "vouch_value" jsonb null, "xero_value" jsonb null, "is_bank_detail" boolean not null default false, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "resolved_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "supplier_drift_organisation_id_index" on "supplier_drift" ("organisation_id");`);
    this.addSql(`alter table "supplier_drift" add constraint "supplier_drift_supplier_id_field_unique" unique ("supplier_id", "field");`);

    this.addSql(
      `create table "xero_calls" ("id" uuid not null, "tenant_id" varchar(64) not null, "started_at" timestamptz not null, "lease_until" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "xero_calls_tenant_id_started_at_index" on "xero_calls" ("tenant_id", "started_at");`);

    this.addSql(
      `create table "xero_connections" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "tenant_id" varchar(64) not null, "tenant_name" varchar(255) not null, "xero_connection_id" varchar(64) null, "status" "xero_connection_status" not null, "token_set" text null, "token_version" int not null default 0, "access_token_expires_at" timestamptz null, "previous_refresh_token" text null, "previous_refresh_token_at" timestamptz null, "poll_cursor" timestamptz null, "last_poll_at" timestamptz null, "last_successful_poll_at" timestamptz null, "next_poll_at" timestamptz null, "last_error" varchar(500) null, "import_status" "xero_import_status" not null default 'NOT_STARTED', "import_progress" jsonb null, "rate_limit" jsonb null, "connected_at" timestamptz not null, "disconnected_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "xero_connections_organisation_id_index" on "xero_connections" ("organisation_id");`);
    this.addSql(`alter table "xero_connections" add constraint "xero_connections_organisation_id_unique" unique ("organisation_id");`);

    this.addSql(
      `create table "xero_oauth_attempts" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "state_hash" varchar(64) not null, "session_id" uuid not null, "user_id" uuid not null, "status" "xero_oauth_attempt_status" not null, "expires_at" timestamptz not null, "callback_at" timestamptz null, "token_set" text null, "tenants" jsonb null, "error" varchar(500) null, "reconnect" boolean not null default false, primary key ("id"));`,
    );
    this.addSql(`create index "xero_oauth_attempts_organisation_id_index" on "xero_oauth_attempts" ("organisation_id");`);
    this.addSql(`alter table "xero_oauth_attempts" add constraint "xero_oauth_attempts_state_hash_unique" unique ("state_hash");`);

    this.addSql(
      `create table "xero_rate_limits" ("tenant_id" varchar(64) not null, "day_window_start" timestamptz null, "day_count" int not null default 0, "blocked_until" timestamptz null, primary key ("tenant_id"));`,
    );

    this.addSql(
      `alter table "suppliers" add "first_name" varchar(255) null, add "last_name" varchar(255) null, add "phones" jsonb not null, add "addresses" jsonb not null, add "contact_persons" jsonb not null, add "tax_number" varchar(50) null, add "company_number" varchar(50) null, add "account_number" varchar(50) null, add "bank_account_details" varchar(255) null, add "default_currency" varchar(3) null, add "status" "supplier_status" not null default 'ACTIVE', add "xero_contact_id" uuid null, add "xero_updated_at" timestamptz null, add "xero_is_supplier" boolean not null default false, add "xero_is_customer" boolean not null default false;`,
    );
    this.addSql(`alter table "suppliers" add constraint "suppliers_organisation_id_xero_contact_id_unique" unique ("organisation_id", "xero_contact_id");`);

    this.addSql(
      `alter table "supplier_drift" add constraint "supplier_drift_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "supplier_drift" add constraint "supplier_drift_supplier_id_foreign" foreign key ("supplier_id") references "suppliers" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "xero_connections" add constraint "xero_connections_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "xero_oauth_attempts" add constraint "xero_oauth_attempts_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "supplier_drift" cascade;`);
    this.addSql(`drop table if exists "xero_calls" cascade;`);
    this.addSql(`drop table if exists "xero_connections" cascade;`);
    this.addSql(`drop table if exists "xero_oauth_attempts" cascade;`);
    this.addSql(`drop table if exists "xero_rate_limits" cascade;`);

    this.addSql(`alter table "suppliers" drop constraint "suppliers_organisation_id_xero_contact_id_unique";`);
    this.addSql(
      `alter table "suppliers" drop column "first_name", drop column "last_name", drop column "phones", drop column "addresses", drop column "contact_persons", drop column "tax_number", drop column "company_number", drop column "account_number", drop column "bank_account_details", drop column "default_currency", drop column "status", drop column "xero_contact_id", drop column "xero_updated_at", drop column "xero_is_supplier", drop column "xero_is_customer";`,
    );

    this.addSql(`drop type "supplier_status";`);
    this.addSql(`drop type "xero_connection_status";`);
    this.addSql(`drop type "xero_import_status";`);
    this.addSql(`drop type "xero_oauth_attempt_status";`);
  }
}
