import { Migration } from '@mikro-orm/migrations';

export class Migration20261123195458_api_keys extends Migration {
  override name = 'Migration20261123195458_api_keys';

  override up(): void | Promise<void> {
    this.addSql(`create type "api_key_scope" as enum ('READ', 'READ_WRITE');`);
    this.addSql(
      `create table "api_keys" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "key_hash" varchar(64) not null, "scope" "api_key_scope" not null, "can_read_bank_details" boolean not null default false, "created_by" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "api_keys_organisation_id_index" on "api_keys" ("organisation_id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_key_hash_unique" unique ("key_hash");`);

    this.addSql(
      `alter table "api_keys" add constraint "api_keys_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`drop type "api_key_scope";`);
  }
}
