import { IsNotEmpty, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsEmailAddress } from '../common/safe-text.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './accounts.input.js';

@InputType()
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the emailed link.' })
  @IsNotEmpty({ message: 'The reset link is incomplete. Copy the whole link from the email.' })
  @MaxLength(200, { message: 'The reset link is not valid.' })
  token!: string;

  @Field(() => String)
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your current password.' })
  @MaxLength(PASSWORD_MAX, { message: `Password must be at most ${PASSWORD_MAX} characters.` })
  currentPassword!: string;

  @Field(() => String)
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  newPassword!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field(() => String)
  @MaxLength(254, { message: 'Email must be at most 254 characters.' })
  @IsEmailAddress()
  email!: string;
}
