import { Migration } from '@mikro-orm/migrations';

export class Migration20261123194018_supplier_list_flags extends Migration {
  override name = 'Migration20261123194018_supplier_list_flags';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`); // trigram index for supplier search
    this.addSql(`drop index "suppliers_organisation_id_id_index";`);
    this.addSql(
      `alter table "suppliers" add "invite_status" "invite_status" null, add "awaiting_review" boolean not null default false, add "has_drift" boolean not null default false, add "sync_status" "outbox_status" null;`,
    );
    this.addSql(`create index "suppliers_name_trgm_idx" on "suppliers" using gin (lower("name") gin_trgm_ops);`);
    this.addSql(`create index "suppliers_has_drift_idx" on "suppliers" ("organisation_id", "id") where "has_drift";`);
    this.addSql(`create index "suppliers_awaiting_review_idx" on "suppliers" ("organisation_id", "id") where "awaiting_review";`);
    this.addSql(`create index "suppliers_organisation_id_sync_status_id_index" on "suppliers" ("organisation_id", "sync_status", "id");`);
    this.addSql(`create index "suppliers_organisation_id_invite_status_id_index" on "suppliers" ("organisation_id", "invite_status", "id");`);
    this.addSql(`create index "suppliers_organisation_id_status_id_index" on "suppliers" ("organisation_id", "status", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "suppliers_name_trgm_idx";`);
    this.addSql(`drop index "suppliers_has_drift_idx";`);
    this.addSql(`drop index "suppliers_awaiting_review_idx";`);
    this.addSql(`drop index "suppliers_organisation_id_sync_status_id_index";`);
    this.addSql(`drop index "suppliers_organisation_id_invite_status_id_index";`);
    this.addSql(`drop index "suppliers_organisation_id_status_id_index";`);
    this.addSql(`alter table "suppliers" drop column "invite_status", drop column "awaiting_review", drop column "has_drift", drop column "sync_status";`);
    this.addSql(`create index "suppliers_organisation_id_id_index" on "suppliers" ("organisation_id", "id");`);
  }
}
