import { Migration } from '@mikro-orm/migrations';

export class Migration20261130143804_credentials_revoked_notify extends Migration {
  override name = 'Migration20261130143804_credentials_revoked_notify';

  override up(): void | Promise<void> {
    this
      .addSql(`create or replace function "api_keys_api_keys_credentials_revoked_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' or (new.revoked_at is not null and old.revoked_at is null) then
      perform pg_notify('vouch_events', json_build_object('topic', 'CREDENTIALS_REVOKED', 'payload', json_build_object('apiKeyId', old.id))::text);     end if;     return null; end; \$\$ language plpgsql;`);
    this.addSql(
      `create trigger "api_keys_credentials_revoked" AFTER UPDATE OR DELETE on "api_keys" for each ROW execute function "api_keys_api_keys_credentials_revoked_fn"();`,
    );

    this
      .addSql(`create or replace function "users_users_credentials_revoked_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' or (new.role is distinct from old.role) then
      perform pg_notify('vouch_events', json_build_object('topic', 'CREDENTIALS_REVOKED', 'payload', json_build_object('userId', old.id))::text);     end if;     return null; end; \$\$ language plpgsql;`);
    this.addSql(
      `create trigger "users_credentials_revoked" AFTER UPDATE OR DELETE on "users" for each ROW execute function "users_users_credentials_revoked_fn"();`,
    );

    this
      .addSql(`create or replace function "sessions_sessions_credentials_revoked_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' or (new.revoked_at is not null and old.revoked_at is null) then
      perform pg_notify('vouch_events', json_build_object('topic', 'CREDENTIALS_REVOKED', 'payload', json_build_object('sessionId', old.id))::text);     end if;     return null; end; \$\$ language plpgsql;`);
    this.addSql(
      `create trigger "sessions_credentials_revoked" AFTER UPDATE OR DELETE on "sessions" for each ROW execute function "sessions_sessions_credentials_revoked_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "api_keys_credentials_revoked" on "api_keys";`);
    this.addSql(`drop function if exists "api_keys_api_keys_credentials_revoked_fn"();`);

    this.addSql(`drop trigger if exists "sessions_credentials_revoked" on "sessions";`);
    this.addSql(`drop function if exists "sessions_sessions_credentials_revoked_fn"();`);

    this.addSql(`drop trigger if exists "users_credentials_revoked" on "users";`);
    this.addSql(`drop function if exists "users_users_credentials_revoked_fn"();`);
  }
}
