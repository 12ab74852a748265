import { Matches, MaxLength, ValidateIf } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsEmailAddress } from '../common/safe-text.js';

const present = (_: unknown, value: unknown) => typeof value === 'string' && value.trim() !== '';

/** The contact person shown to suppliers. Each field optional; empty or null clears it. */
@InputType()
export class SupplierContactInput {
  @Field(() => String, { nullable: true })
  @ValidateIf(present)
  @MaxLength(100, { message: 'Name must be at most 100 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf(present)
  @MaxLength(40, { message: 'Phone number must be at most 40 characters.' })
  @Matches(/^\+?[\d\s().-]*\d[\d\s().-]*$/, { message: 'Enter a phone number: digits, spaces and + ( ) - only.' })
  @Matches(/(?:\d\D*){6}/, { message: 'Enter a phone number with at least 6 digits.' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf(present)
  @MaxLength(254, { message: 'Email must be at most 254 characters.' })
  @IsEmailAddress()
  email?: string | null;
}
