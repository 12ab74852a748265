import { Migration } from '@mikro-orm/migrations';

export class Migration20261130120100_team_sessions_password_reset extends Migration {
  override name = 'Migration20261130120100_team_sessions_password_reset';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "team_invites" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "email" varchar(254) not null, "role" "user_role" not null, "token_hash" varchar(64) not null, "invited_by" uuid not null, "invited_by_name" varchar(200) not null, "expires_at" timestamptz not null, "last_sent_at" timestamptz not null, "emailed" boolean not null default false, "accepted_at" timestamptz null, "accepted_user_id" uuid null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "team_invites_organisation_id_index" on "team_invites" ("organisation_id");`);
    this.addSql(`alter table "team_invites" add constraint "team_invites_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "team_invites_organisation_id_email_index" on "team_invites" ("organisation_id", "email");`);

    this.addSql(
      `create table "password_resets" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "token_hash" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "password_resets" add constraint "password_resets_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "password_resets_user_id_index" on "password_resets" ("user_id");`);

    this.addSql(
      `create table "known_browsers" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "device_hash" varchar(64) not null, "last_seen_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "known_browsers" add constraint "known_browsers_user_id_device_hash_unique" unique ("user_id", "device_hash");`);

    this.addSql(`alter table "users" add "email_verified_at" timestamptz null;`);

    this.addSql(`alter table "sessions" add "last_seen_at" timestamptz null;`);

    this.addSql(
      `alter table "team_invites" add constraint "team_invites_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "password_resets" add constraint "password_resets_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "known_browsers" add constraint "known_browsers_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "team_invites" cascade;`);
    this.addSql(`drop table if exists "password_resets" cascade;`);
    this.addSql(`drop table if exists "known_browsers" cascade;`);

    this.addSql(`alter table "sessions" drop column "last_seen_at";`);

    this.addSql(`alter table "users" drop column "email_verified_at";`);
  }
}
