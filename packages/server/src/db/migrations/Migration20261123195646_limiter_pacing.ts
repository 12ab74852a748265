import { Migration } from '@mikro-orm/migrations';

export class Migration20261123195646_limiter_pacing extends Migration {
  override name = 'Migration20261123195646_limiter_pacing';

  override up(): void | Promise<void> {
    this.addSql(`alter table "xero_rate_limits" add "tokens" double precision null, add "tokens_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "xero_rate_limits" drop column "tokens", drop column "tokens_at";`);
  }
}
