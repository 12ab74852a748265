import { Migration } from '@mikro-orm/migrations';

export class Migration20261130112812_invite_wrong_code_attempts extends Migration {
  override name = 'Migration20261130112812_invite_wrong_code_attempts';

  override up(): void | Promise<void> {
    this.addSql(`alter table "invites" add "wrong_code_attempts" int not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "invites" drop column "wrong_code_attempts";`);
  }
}
