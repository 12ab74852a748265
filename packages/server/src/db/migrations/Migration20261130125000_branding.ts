import { Migration } from '@mikro-orm/migrations';

export class Migration20261130125000_branding extends Migration {
  override name = 'Migration20261130125000_branding';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "organisations" add "supplier_contact_name" varchar(100) null, add "supplier_contact_phone" varchar(40) null, add "supplier_contact_email" varchar(254) null, add "logo" bytea null, add "logo_content_type" varchar(20) null, add "logo_sha256" varchar(64) null;`,
    );
    this.addSql(`alter table "organisations" add constraint "organisations_logo_size" check (octet_length(logo) <= 131072);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organisations" drop constraint "organisations_logo_size";`);
    this.addSql(
      `alter table "organisations" drop column "supplier_contact_name", drop column "supplier_contact_phone", drop column "supplier_contact_email", drop column "logo", drop column "logo_content_type", drop column "logo_sha256";`,
    );
  }
}
