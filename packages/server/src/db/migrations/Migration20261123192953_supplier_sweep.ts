import { Migration } from '@mikro-orm/migrations';

export class Migration20261123192953_supplier_sweep extends Migration {
  override name = 'Migration20261123192953_supplier_sweep';

  override up(): void | Promise<void> {
    this.addSql(`alter table "xero_connections" add "last_supplier_sweep_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "xero_connections" drop column "last_supplier_sweep_at";`);
  }
}
