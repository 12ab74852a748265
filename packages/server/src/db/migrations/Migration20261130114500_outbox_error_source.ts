import { Migration } from '@mikro-orm/migrations';

export class Migration20261130114500_outbox_error_source extends Migration {
  override name = 'Migration20261130114500_outbox_error_source';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbox_entries" add "last_error_source" varchar(8) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbox_entries" drop column "last_error_source";`);
  }
}
