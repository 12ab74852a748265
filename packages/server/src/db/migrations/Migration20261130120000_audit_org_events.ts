import { Migration } from '@mikro-orm/migrations';

/** Organisation audit events (team, account security) concern no one supplier. */
export class Migration20261130120000_audit_org_events extends Migration {
  override name = 'Migration20261130120000_audit_org_events';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit_events" alter column "supplier_id" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_events" alter column "supplier_id" set not null;`);
  }
}
