import { Migration } from '@mikro-orm/migrations';

export class Migration20261130113319_xero_attempt_started_origin extends Migration {
  override name = 'Migration20261130113319_xero_attempt_started_origin';

  override up(): void | Promise<void> {
    this.addSql(`alter table "xero_oauth_attempts" add "started_origin" varchar(300) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "xero_oauth_attempts" drop column "started_origin";`);
  }
}
