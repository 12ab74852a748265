import { Migration } from '@mikro-orm/migrations';

/** Two-factor sign-in (TOTP, recovery codes, passkeys, pending sign-ins), step-up time on sessions, the org setting, and the org audit log index. */
export class Migration20261130122000_two_factor_audit_log extends Migration {
  override name = 'Migration20261130122000_two_factor_audit_log';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "totp_factors" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "user_id" uuid not null, "secret_sealed" varchar(512) not null, "confirmed_at" timestamptz null, "last_used_step" int null, primary key ("id"));`,
    );
    this.addSql(`create index "totp_factors_organisation_id_index" on "totp_factors" ("organisation_id");`);
    this.addSql(`alter table "totp_factors" add constraint "totp_factors_user_id_unique" unique ("user_id");`);

    this.addSql(
      `create table "recovery_codes" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "recovery_codes_organisation_id_index" on "recovery_codes" ("organisation_id");`);
    this.addSql(`create index "recovery_codes_user_id_index" on "recovery_codes" ("user_id");`);

    this.addSql(
      `create table "passkeys" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" uuid not null, "user_id" uuid not null, "credential_id" varchar(1024) not null, "public_key" text not null, "counter" double precision not null default 0, "transports" jsonb null, "name" varchar(100) not null, "backed_up" boolean not null default false, "last_used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "passkeys_organisation_id_index" on "passkeys" ("organisation_id");`);
    this.addSql(`create index "passkeys_user_id_index" on "passkeys" ("user_id");`);
    this.addSql(`alter table "passkeys" add constraint "passkeys_credential_id_unique" unique ("credential_id");`);

    this.addSql(
      `create table "auth_challenges" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "token_hash" varchar(64) null, "session_id" uuid null, "user_id" uuid null, "purpose" varchar(24) not null, "webauthn_challenge" varchar(128) null, "failed_attempts" int not null default 0, "expires_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "auth_challenges" add constraint "auth_challenges_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "auth_challenges_session_id_index" on "auth_challenges" ("session_id");`);

    this.addSql(`alter table "organisations" add "require_two_factor" boolean not null default false;`);

    this.addSql(`create index "audit_events_organisation_id_id_index" on "audit_events" ("organisation_id", "id");`);

    this.addSql(`alter table "sessions" add "second_factor_at" timestamptz null;`);

    this.addSql(
      `alter table "totp_factors" add constraint "totp_factors_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "totp_factors" add constraint "totp_factors_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "recovery_codes" add constraint "recovery_codes_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "recovery_codes" add constraint "recovery_codes_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "passkeys" add constraint "passkeys_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "passkeys" add constraint "passkeys_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);

    this.addSql(
      `alter table "auth_challenges" add constraint "auth_challenges_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "totp_factors" cascade;`);
    this.addSql(`drop table if exists "recovery_codes" cascade;`);
    this.addSql(`drop table if exists "passkeys" cascade;`);
    this.addSql(`drop table if exists "auth_challenges" cascade;`);

    this.addSql(`drop index "audit_events_organisation_id_id_index";`);

    this.addSql(`alter table "organisations" drop column "require_two_factor";`);

    this.addSql(`alter table "sessions" drop column "second_factor_at";`);
  }
}
