import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Shapes only; the rules (formats, checksums, Xero's limits) are in @vouch/validation (packages/validation), shared with the browser. */
@InputType()
export class PhoneInput {
  @Field(() => String, { description: 'DEFAULT, MOBILE, DDI or FAX' }) @MaxLength(10) type!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) number?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) areaCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) countryCode?: string | null;
}

@InputType()
export class AddressInput {
  @Field(() => String, { description: 'POBOX (postal) or STREET' }) @MaxLength(10) type!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) line1?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) line2?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) line3?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) line4?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) city?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) region?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) postalCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) country?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) attentionTo?: string | null;
}

@InputType()
export class ContactPersonInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) firstName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) lastName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) email?: string | null;
}

@InputType()
export class PaymentDetailsInput {
  @Field(() => String, { description: 'GB, AU, US, IBAN or OTHER' }) @MaxLength(10) country!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) accountHolderName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) sortCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) accountNumber?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) iban?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) bic?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) bsb?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) routingNumber?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) details?: string | null;
}

@InputType()
export class SupplierDetailsInput {
  @Field(() => String) @MaxLength(1000) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) firstName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) lastName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) email?: string | null;
  @Field(() => [PhoneInput], { defaultValue: [] }) @ArrayMaxSize(5) @ValidateNested({ each: true }) phones!: PhoneInput[];
  @Field(() => [AddressInput], { defaultValue: [] }) @ArrayMaxSize(2) @ValidateNested({ each: true }) addresses!: AddressInput[];
  @Field(() => [ContactPersonInput], { defaultValue: [] }) @ArrayMaxSize(10) @ValidateNested({ each: true }) contactPersons!: ContactPersonInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) taxNumber?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) companyNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Country of the business (ISO 3166 alpha-2), for tax/company number formats.' })
  @IsOptional()
  @MaxLength(2)
  countryCode?: string | null;
  @Field(() => PaymentDetailsInput, { nullable: true, description: 'Omit to keep the payment details as they are.' })
  @IsOptional()
  @ValidateNested()
  payment?: PaymentDetailsInput | null;
}
