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

  static from(user: User): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      organisation: user.organisation,
      createdAt: user.createdAt,
    });
  }
}

@ObjectType()
export class AuthPayload {
  @Field(() => UserType)
  user!: UserType;
}
