import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

@ObjectType('Organisation')
@Entity({ tableName: 'organisations' })
// The size limit of branding/ (MAX_LOGO_BYTES), also kept by the database.
@Check({ name: 'organisations_logo_size', expression: 'octet_length(logo) <= 131072' })
export class Organisation extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Boolean, { description: 'Bank-detail changes need a second, different approver.' })
  @Property({ type: 'boolean', default: false })
  requireSecondApproverForBankChanges: boolean & Opt = false;

  @Field(() => Int, { description: 'Days to hold payments after bank details change (0: no hold).' })
  @Property({ type: 'integer', default: 3 })
  paymentHoldDays: number & Opt = 3;

  @Field(() => Boolean, { description: 'Every member must sign in with a second factor (authenticator app or passkey).' })
  @Property({ type: 'boolean', default: false })
  requireTwoFactor: boolean & Opt = false;

  // What suppliers see on invite pages (branding/): a contact person to check with, and a logo. The logo's
  // bytes are lazy, so loading an organisation never reads them; GET /api/organisations/:id/logo serves them.
  @Property({ type: 'string', length: 100, nullable: true })
  supplierContactName: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  supplierContactPhone: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  supplierContactEmail: string | null = null;

  @Property({ type: 'blob', nullable: true, lazy: true })
  logo: Buffer | null = null;

  /** image/png, image/jpeg or image/webp: read from the bytes when stored, sent as Content-Type. */
  @Property({ type: 'string', length: 20, nullable: true })
  logoContentType: string | null = null;

  /** SHA-256 of the logo (hex): the version in its URL, and its ETag. */
  @Property({ type: 'string', length: 64, nullable: true })
  logoSha256: string | null = null;
}
