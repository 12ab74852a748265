import { Migration } from '@mikro-orm/migrations';
import { maskBankRecord } from '../../common/bank-masking.js';

/**
 * Audit rows written before every payment shape was masked hold free-text ("OTHER") bank details in full,
 * under paymentDetails.details. audit_events is append-only (a trigger refuses updates), so this migration
 * switches the trigger off inside its own transaction (ALTER TABLE holds an exclusive lock until commit, so
 * no other session ever sees it off), masks those rows with the current rule, and switches it back on.
 * Only before/after change. Masking cannot be undone, so down() does nothing.
 */
export class Migration20261130112438_mask_audit_bank_details extends Migration {
  override name = 'Migration20261130112438_mask_audit_bank_details';

  override async up(): Promise<void> {
    await this.execute(`alter table "audit_events" disable trigger "audit_events_append_only";`);
    let last = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await this.execute(
        `select "id", "before", "after" from "audit_events"
          where "id" > ? and (jsonb_path_exists("before", '$.**.details') or jsonb_path_exists("after", '$.**.details'))
          order by "id" limit 500`,
        [last],
      )) as { id: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const before = maskBankRecord(row.before);
        const after = maskBankRecord(row.after);
        if (JSON.stringify(before) === JSON.stringify(row.before) && JSON.stringify(after) === JSON.stringify(row.after)) continue;
        await this.execute(`update "audit_events" set "before" = ?::jsonb, "after" = ?::jsonb where "id" = ?`, [
          before === null ? null : JSON.stringify(before),
          after === null ? null : JSON.stringify(after),
          row.id,
        ]);
      }
      last = rows.at(-1)!.id;
    }
    await this.execute(`alter table "audit_events" enable trigger "audit_events_append_only";`);
  }

  override down(): void | Promise<void> {}
}
