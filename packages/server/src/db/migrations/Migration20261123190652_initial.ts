import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190652_initial extends Migration {
  override name = 'Migration20261123190652_initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "user_role" as enum ('ADMIN', 'APPROVER', 'VIEWER');`);
    this.addSql(
      `create table "organisations" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "rate_limit_buckets" ("key" varchar(300) not null, "window_start" timestamptz not null, "count" int not null, primary key ("key"));`,
    );

    this.addSql(
      `create table "suppliers" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "name" varchar(255) not null, "email" varchar(255) null, primary key ("id"));`,
    );
    this.addSql(`create index "suppliers_organisation_id_index" on "suppliers" ("organisation_id");`);
    this.addSql(`create index "suppliers_organisation_id_id_index" on "suppliers" ("organisation_id", "id");`);

    this.addSql(
      `create table "users" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "email" varchar(254) not null, "name" varchar(200) not null, "role" "user_role" not null, "password_hash" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "users_organisation_id_index" on "users" ("organisation_id");`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "sessions" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "token_hash" varchar(64) not null, "user_id" uuid not null, "organisation_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "ip" varchar(64) null, "user_agent" varchar(512) null, primary key ("id"));`,
    );
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);

    this.addSql(
      `alter table "suppliers" add constraint "suppliers_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "users" add constraint "users_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);
    this.addSql(
      `alter table "sessions" add constraint "sessions_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "suppliers" drop constraint "suppliers_organisation_id_foreign";`);
    this.addSql(`alter table "users" drop constraint "users_organisation_id_foreign";`);
    this.addSql(`alter table "sessions" drop constraint "sessions_organisation_id_foreign";`);
    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`drop table if exists "organisations" cascade;`);
    this.addSql(`drop table if exists "rate_limit_buckets" cascade;`);
    this.addSql(`drop table if exists "suppliers" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop type "user_role";`);
  }
}
