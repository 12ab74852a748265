import { IsNotEmpty, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsEmailAddress } from '../common/safe-text.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

@InputType()
export class SignUpInput {
  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your organisation name.' })
  @MaxLength(200, { message: 'Organisation name must be at most 200 characters.' })
  organisationName!: string;

  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your name.' })
  @MaxLength(200, { message: 'Name must be at most 200 characters.' })
  name!: string;

  @Field(() => String)
  @MaxLength(254, { message: 'Email must be at most 254 characters.' })
  @IsEmailAddress()
  email!: string;

  @Field(() => String)
  @Length(PASSWORD_MIN, PASSWORD_MAX, {
    message: `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`,
  })
  password!: string;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  @MaxLength(254, { message: 'Email must be at most 254 characters.' })
  @IsEmailAddress()
  email!: string;

  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your password.' })
  @MaxLength(PASSWORD_MAX, { message: `Password must be at most ${PASSWORD_MAX} characters.` })
  password!: string;
}
