import { Field, ObjectType } from 'type-graphql';

/** Shapes mirror Xero's Contact sub-objects (docs/xero-facts.md §6.2), camelCased. Stored as JSON on the supplier. */
@ObjectType()
export class SupplierPhone {
  @Field(() => String) type!: string;
  @Field(() => String, { nullable: true }) number?: string | null;
  @Field(() => String, { nullable: true }) areaCode?: string | null;
  @Field(() => String, { nullable: true }) countryCode?: string | null;
}

@ObjectType()
export class SupplierAddress {
  @Field(() => String) type!: string;
  @Field(() => String, { nullable: true }) line1?: string | null;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field(() => String, { nullable: true }) line3?: string | null;
  @Field(() => String, { nullable: true }) line4?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) attentionTo?: string | null;
}

@ObjectType()
export class SupplierContactPerson {
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => Boolean, { nullable: true }) includeInEmails?: boolean | null;
}

export type PhoneData = Omit<SupplierPhone, never>;
export type AddressData = Omit<SupplierAddress, never>;
export type ContactPersonData = Omit<SupplierContactPerson, never>;
