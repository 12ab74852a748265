import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsEmailAddress } from '../common/safe-text.js';

@InputType()
export class CreateSupplierInput {
  @Field(() => String)
  @IsNotEmpty({ message: 'Enter the supplier name.' })
  @MaxLength(255, { message: 'Supplier name must be at most 255 characters.' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255, { message: 'Email must be at most 255 characters.' })
  @IsEmailAddress()
  email?: string | null;
}
