import { Migration } from '@mikro-orm/migrations';

export class Migration20261123193416_invites_review_audit extends Migration {
  override name = 'Migration20261123193416_invites_review_audit';

  override up(): void | Promise<void> {
    this.addSql(`create type "outbox_status" as enum ('PENDING', 'SYNCING', 'SYNCED', 'FAILED', 'SUPERSEDED');`);
    this.addSql(`create type "invite_status" as enum ('SENT', 'OPENED', 'VERIFIED', 'SUBMITTED', 'EXPIRED', 'REVOKED', 'LOCKED');`);
    this.addSql(`create type "change_request_status" as enum ('PENDING', 'ACCEPTED', 'REJECTED', 'SUPERSEDED');`);
    this.addSql(
      `create table "outbox_entries" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "supplier_id" uuid not null, "change_request_id" uuid null, "sequence" int not null, "payload" jsonb not null, "idempotency_key" varchar(128) not null, "status" "outbox_status" not null, "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_error" varchar(1000) null, "receipt" jsonb null, "synced_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "outbox_entries_organisation_id_index" on "outbox_entries" ("organisation_id");`);
    this.addSql(`alter table "outbox_entries" add constraint "outbox_entries_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "outbox_entries_organisation_id_supplier_id_id_index" on "outbox_entries" ("organisation_id", "supplier_id", "id");`);
    this.addSql(`create index "outbox_entries_status_id_index" on "outbox_entries" ("status", "id");`);

    this.addSql(
      `create table "invites" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "supplier_id" uuid not null, "email" varchar(255) not null, "token_hash" varchar(64) not null, "status" "invite_status" not null, "expires_at" timestamptz not null, "invited_by" uuid not null, "emailed" boolean not null, "last_sent_at" timestamptz not null, "reminders_sent" int not null default 0, "next_reminder_at" timestamptz null, "opened_at" timestamptz null, "verified_at" timestamptz null, "submitted_at" timestamptz null, "revoked_at" timestamptz null, "code_hash" varchar(64) null, "code_expires_at" timestamptz null, "code_attempts" int not null default 0, "code_sent_at" timestamptz null, "session_hash" varchar(64) null, "session_expires_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "invites_organisation_id_index" on "invites" ("organisation_id");`);
    this.addSql(`alter table "invites" add constraint "invites_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "invites_organisation_id_supplier_id_index" on "invites" ("organisation_id", "supplier_id");`);

    this.addSql(
      `create table "change_requests" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "supplier_id" uuid not null, "invite_id" uuid null, "status" "change_request_status" not null, "proposed" jsonb not null, "baseline" jsonb not null, "changes_bank_details" boolean not null, "submitted_at" timestamptz not null, "submitter_ip" varchar(64) null, "submitter_user_agent" varchar(512) null, "approvals" jsonb not null, "decided_by" uuid null, "decided_at" timestamptz null, "reject_reason" varchar(1000) null, "superseded_by" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "change_requests_organisation_id_index" on "change_requests" ("organisation_id");`);
    this.addSql(`create index "change_requests_organisation_id_status_id_index" on "change_requests" ("organisation_id", "status", "id");`);
    this.addSql(`create index "change_requests_organisation_id_supplier_id_status_index" on "change_requests" ("organisation_id", "supplier_id", "status");`);

    this.addSql(
      `create table "audit_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "supplier_id" uuid not null, "actor_type" varchar(16) not null, "actor_id" varchar(64) null, "actor_label" varchar(255) not null, "kind" varchar(40) not null, "summary" varchar(500) not null, "before" jsonb null, "after" jsonb null, primary key ("id"));`,
    );
    this.addSql(`create index "audit_events_organisation_id_index" on "audit_events" ("organisation_id");`);
    this.addSql(`create index "audit_events_organisation_id_supplier_id_id_index" on "audit_events" ("organisation_id", "supplier_id", "id");`);

    this.addSql(`alter table "organisations" add "require_second_approver_for_bank_changes" boolean not null default false;`);

    this.addSql(`alter table "suppliers" add "payment_details" jsonb null, add "bank_details_verified_at" timestamptz null;`);

    this.addSql(
      `alter table "outbox_entries" add constraint "outbox_entries_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "outbox_entries" add constraint "outbox_entries_supplier_id_foreign" foreign key ("supplier_id") references "suppliers" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "invites" add constraint "invites_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "invites" add constraint "invites_supplier_id_foreign" foreign key ("supplier_id") references "suppliers" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "change_requests" add constraint "change_requests_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "change_requests" add constraint "change_requests_supplier_id_foreign" foreign key ("supplier_id") references "suppliers" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "change_requests" add constraint "change_requests_invite_id_foreign" foreign key ("invite_id") references "invites" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "audit_events" add constraint "audit_events_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "audit_events" add constraint "audit_events_supplier_id_foreign" foreign key ("supplier_id") references "suppliers" ("id") on delete cascade;`,
    );
    this.addSql(
      `create or replace function "audit_events_audit_events_append_only_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' and pg_trigger_depth() > 1 then return old; end if; raise exception 'audit_events is append-only'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "audit_events_append_only" BEFORE UPDATE OR DELETE on "audit_events" for each ROW execute function "audit_events_audit_events_append_only_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "change_requests" drop constraint "change_requests_invite_id_foreign";`);

    this.addSql(`drop table if exists "outbox_entries" cascade;`);
    this.addSql(`drop table if exists "invites" cascade;`);
    this.addSql(`drop table if exists "change_requests" cascade;`);
    this.addSql(`drop trigger if exists "audit_events_append_only" on "audit_events";`);
    this.addSql(`drop function if exists "audit_events_audit_events_append_only_fn"();`);
    this.addSql(`drop table if exists "audit_events" cascade;`);

    this.addSql(`alter table "organisations" drop column "require_second_approver_for_bank_changes";`);

    this.addSql(`alter table "suppliers" drop column "payment_details", drop column "bank_details_verified_at";`);

    this.addSql(`drop type "outbox_status";`);
    this.addSql(`drop type "invite_status";`);
    this.addSql(`drop type "change_request_status";`);
  }
}
