import { Migration } from '@mikro-orm/migrations';

export class Migration20261130124000_outbox_sequence_unique extends Migration {
  override name = 'Migration20261130124000_outbox_sequence_unique';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbox_entries" add constraint "outbox_entries_supplier_id_sequence_unique" unique ("supplier_id", "sequence");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbox_entries" drop constraint "outbox_entries_supplier_id_sequence_unique";`);
  }
}
