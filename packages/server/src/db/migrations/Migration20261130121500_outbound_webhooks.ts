import { Migration } from '@mikro-orm/migrations';

export class Migration20261130121500_outbound_webhooks extends Migration {
  override name = 'Migration20261130121500_outbound_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create type "webhook_endpoint_status" as enum ('ENABLED', 'DISABLED');`);
    this.addSql(`create type "webhook_delivery_status" as enum ('PENDING', 'DELIVERING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(
      `create table "webhook_endpoints" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "url" varchar(2048) not null, "description" varchar(200) null, "event_types" text[] not null, "sealed_secret" text not null, "can_read_bank_details" boolean not null default false, "status" "webhook_endpoint_status" not null default 'ENABLED', "disabled_reason" varchar(300) null, "disabled_at" timestamptz null, "failing_since" timestamptz null, "last_success_at" timestamptz null, "created_by" uuid not null, primary key ("id"));`,
    );
    this.addSql(`create index "webhook_endpoints_organisation_id_index" on "webhook_endpoints" ("organisation_id");`);

    this.addSql(
      `create table "webhook_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "type" varchar(64) not null, "supplier_id" uuid null, "seq" bigserial, "data" jsonb not null, "target_endpoint_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "webhook_events_organisation_id_index" on "webhook_events" ("organisation_id");`);
    this.addSql(`create index "webhook_events_created_at_index" on "webhook_events" ("created_at");`);
    this.addSql(`create index "webhook_events_organisation_id_id_index" on "webhook_events" ("organisation_id", "id");`);

    this.addSql(
      `create table "webhook_deliveries" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "event_id" uuid not null, "endpoint_id" uuid not null, "seq" bigint not null, "ordering_key" uuid null, "status" "webhook_delivery_status" not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "last_attempt_at" timestamptz null, "response_status" int null, "response_body" varchar(1024) null, "last_error" varchar(500) null, "duration_ms" int null, "delivered_at" timestamptz null, "redelivery_of" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "webhook_deliveries_organisation_id_index" on "webhook_deliveries" ("organisation_id");`);
    this.addSql(
      `create index "webhook_deliveries_ordering_idx" on "webhook_deliveries" ("endpoint_id", "ordering_key", "seq") where "status" in ('PENDING', 'DELIVERING');`,
    );
    this.addSql(`create index "webhook_deliveries_due_idx" on "webhook_deliveries" ("endpoint_id", "seq") where "status" in ('PENDING', 'DELIVERING');`);
    this.addSql(`create index "webhook_deliveries_endpoint_id_seq_index" on "webhook_deliveries" ("endpoint_id", "seq");`);

    this.addSql(
      `alter table "webhook_endpoints" add constraint "webhook_endpoints_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_events" add constraint "webhook_events_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this
      .addSql(`create or replace function "webhook_events_webhook_events_fan_out_fn"() returns trigger as \$\$ begin insert into webhook_deliveries (id, organisation_id, event_id, endpoint_id, seq, ordering_key, status, attempts, next_attempt_at, created_at, updated_at)
    select gen_random_uuid(), new.organisation_id, new.id, e.id, new.seq, new.supplier_id, 'PENDING', 0, now(), now(), now()
      from webhook_endpoints e
     where e.organisation_id = new.organisation_id
       and case when new.target_endpoint_id is not null then e.id = new.target_endpoint_id
                else e.status = 'ENABLED' and new.type = any (e.event_types) end;     return null; end; \$\$ language plpgsql;`);
    this.addSql(
      `create trigger "webhook_events_fan_out" AFTER INSERT on "webhook_events" for each ROW execute function "webhook_events_webhook_events_fan_out_fn"();`,
    );

    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_event_id_foreign" foreign key ("event_id") references "webhook_events" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on delete cascade;`,
    );
    this.addSql(
      `create or replace function "webhook_deliveries_webhook_deliveries_wake_fn"() returns trigger as \$\$ begin perform pg_notify('vouch_events', json_build_object('topic', 'WEBHOOK_DELIVERIES_DUE', 'payload', json_build_object('endpointId', new.endpoint_id))::text);     return null; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "webhook_deliveries_wake" AFTER INSERT on "webhook_deliveries" for each ROW execute function "webhook_deliveries_webhook_deliveries_wake_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_endpoint_id_foreign";`);
    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_event_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);
    this.addSql(`drop trigger if exists "webhook_events_fan_out" on "webhook_events";`);
    this.addSql(`drop function if exists "webhook_events_webhook_events_fan_out_fn"();`);
    this.addSql(`drop table if exists "webhook_events" cascade;`);
    this.addSql(`drop trigger if exists "webhook_deliveries_wake" on "webhook_deliveries";`);
    this.addSql(`drop function if exists "webhook_deliveries_webhook_deliveries_wake_fn"();`);
    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);

    this.addSql(`drop type "webhook_endpoint_status";`);
    this.addSql(`drop type "webhook_delivery_status";`);
  }
}
