import { Migration } from '@mikro-orm/migrations';

/** Two lanes, one budget (sync/rate-limiter.ts): the lane of each call, interactive priority, app-wide counts. */
export class Migration20261130123000_rate_limit_lanes extends Migration {
  override name = 'Migration20261130123000_rate_limit_lanes';

  override up(): void | Promise<void> {
    this.addSql(`create table "xero_app_calls" ("second" bigint not null, "calls" int not null, primary key ("second"));`);

    this.addSql(`alter table "xero_calls" add "lane" varchar(12) not null default 'INTERACTIVE';`);

    this.addSql(`alter table "xero_rate_limits" add "interactive_waiting_until" timestamptz null, add "bulk_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "xero_app_calls" cascade;`);

    this.addSql(`alter table "xero_calls" drop column "lane";`);

    this.addSql(`alter table "xero_rate_limits" drop column "interactive_waiting_until", drop column "bulk_at";`);
  }
}
