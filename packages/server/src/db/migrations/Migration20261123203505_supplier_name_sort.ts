import { Migration } from '@mikro-orm/migrations';

export class Migration20261123203505_supplier_name_sort extends Migration {
  override name = 'Migration20261123203505_supplier_name_sort';

  override up(): void | Promise<void> {
    this.addSql(`create index "suppliers_organisation_id_name_id_index" on "suppliers" ("organisation_id", "name", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "suppliers_organisation_id_name_id_index";`);
  }
}
