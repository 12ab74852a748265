import { Migration } from '@mikro-orm/migrations';

export class Migration20261130127400_api_key_names_reject_email extends Migration {
  override name = 'Migration20261130127400_api_key_names_reject_email';

  override up(): void | Promise<void> {
    // Live keys that already share a name (any case) are told apart first: "Name (2)", "Name (3)", …
    this.addSql(`update api_keys k set name = left(k.name, 94) || ' (' || d.n || ')'
      from (select id, row_number() over (partition by organisation_id, lower(name) order by created_at, id) as n
              from api_keys where revoked_at is null) d
     where k.id = d.id and d.n > 1;`);
    this.addSql(`create unique index "api_keys_live_name_unique" on "api_keys" ("organisation_id", lower("name")) where "revoked_at" is null;`);

    this.addSql(`alter table "change_requests" add "reason_emailed_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "api_keys_live_name_unique";`);

    this.addSql(`alter table "change_requests" drop column "reason_emailed_at";`);
  }
}
