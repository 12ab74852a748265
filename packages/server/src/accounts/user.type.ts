import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Organisation } from './organisation.entity.js';
import { Role } from './role.js';
import type { User } from './user.entity.js';

/** The public face of a User (the entity holds a password hash and is never exposed). */
@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;

  @Field(() => Boolean, { description: 'The user proved they read this address (an emailed sign-up, invitation, reset or verification link).' })
  emailVerified!: boolean;

  static from(user: User): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      organisation: user.organisation,
      createdAt: user.createdAt,
      emailVerified: Boolean(user.emailVerifiedAt),
    });
  }
}

@ObjectType()
export class AuthPayload {
  @Field(() => UserType)
  user!: UserType;
}

@ObjectType({ description: 'The answer to signUp: signed in at once, or a link to finish was emailed.' })
export class SignUpPayload {
  @Field(() => UserType, { nullable: true, description: 'The new account, when sign-up signs in at once (a server without email).' })
  user!: UserType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the email went, when sign-up is finished from an emailed link. The same answer whether or not the address already has an account.',
  })
  confirmationSentTo!: string | null;
}
