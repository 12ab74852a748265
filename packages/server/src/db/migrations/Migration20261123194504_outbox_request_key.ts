import { Migration } from '@mikro-orm/migrations';

export class Migration20261123194504_outbox_request_key extends Migration {
  override name = 'Migration20261123194504_outbox_request_key';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbox_entries" add "request_key" varchar(128) null, add "started_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbox_entries" drop column "request_key", drop column "started_at";`);
  }
}
