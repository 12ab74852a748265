import { Migration } from '@mikro-orm/migrations';

export class Migration20261130143746_poll_claims extends Migration {
  override name = 'Migration20261130143746_poll_claims';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "xero_connections" add "poll_claimed_by" uuid null, add "poll_claimed_until" timestamptz null, add "poll_requested_at" timestamptz null;`,
    );
    this.addSql(`create index "xero_connections_next_poll_at_index" on "xero_connections" ("next_poll_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "xero_connections_next_poll_at_index";`);
    this.addSql(`alter table "xero_connections" drop column "poll_claimed_by", drop column "poll_claimed_until", drop column "poll_requested_at";`);
  }
}
