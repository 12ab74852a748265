import { Migration } from '@mikro-orm/migrations';

export class Migration20261130144804_webhook_secret_rotation extends Migration {
  override name = 'Migration20261130144804_webhook_secret_rotation';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook_endpoints" add "previous_sealed_secret" text null, add "previous_secret_until" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_endpoints" drop column "previous_sealed_secret", drop column "previous_secret_until";`);
  }
}
