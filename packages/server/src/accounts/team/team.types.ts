import { IsNotEmpty, Length, MaxLength } from 'class-validator';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsEmailAddress } from '../../common/safe-text.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../accounts.input.js';
import { Role } from '../role.js';
import type { User } from '../user.entity.js';
import type { TeamInvite } from './team-invite.entity.js';

@ObjectType('TeamMember', { description: 'Someone on your organisation’s team.' })
export class TeamMemberType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => GraphQLDateTimeISO, { description: 'When they joined.' }) joinedAt!: Date;
  @Field(() => Boolean, { description: 'True for you.' }) isYou!: boolean;
  @Field(() => Boolean, { description: 'They sign in with a second factor (an authenticator app or a passkey).' }) twoFactorEnabled!: boolean;

  static from(user: User, viewerId: string, twoFactorEnabled: boolean): TeamMemberType {
    return Object.assign(new TeamMemberType(), {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      joinedAt: user.createdAt,
      isYou: user.id === viewerId,
      twoFactorEnabled,
    });
  }
}

@ObjectType('TeamInvite', { description: 'An invitation to join the team that has not been accepted or withdrawn.' })
export class TeamInviteType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String) invitedByName!: string;
  @Field(() => GraphQLDateTimeISO) lastSentAt!: Date;
  @Field(() => GraphQLDateTimeISO) expiresAt!: Date;
  @Field(() => Boolean, { description: 'The link no longer works; resend to send a new one.' }) expired!: boolean;
  @Field(() => Boolean, { description: 'The latest link went by email (otherwise it was shown to copy).' }) emailed!: boolean;

  static from(invite: TeamInvite, now = Date.now()): TeamInviteType {
    return Object.assign(new TeamInviteType(), {
      id: invite.id,
      email: invite.email,
      role: invite.role,
      invitedByName: invite.invitedByName,
      lastSentAt: invite.lastSentAt,
      expiresAt: invite.expiresAt,
      expired: invite.expiresAt.getTime() <= now,
      emailed: invite.emailed,
    });
  }
}

@ObjectType({ description: 'An invitation just sent or resent.' })
export class TeamInvitePayload {
  @Field(() => TeamInviteType) invite!: TeamInviteType;
  @Field(() => String, { nullable: true, description: 'The link to pass on yourself, when this server cannot send email. Shown this once.' })
  link!: string | null;
}

@ObjectType({ description: 'What a team invitation link is for, shown before joining.' })
export class TeamInvitePreviewType {
  @Field(() => String) organisationName!: string;
  @Field(() => String) email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String) invitedByName!: string;
  @Field(() => GraphQLDateTimeISO) expiresAt!: Date;
}

@ObjectType({ description: 'The outcome of removing a team member.' })
export class RemoveTeamMemberPayload {
  @Field(() => ID) removedUserId!: string;
  @Field(() => Int, { description: 'Their sessions that were signed out.' }) sessionsEnded!: number;
  @Field(() => Int, { description: 'API keys they had created, now revoked.' }) apiKeysRevoked!: number;
}

@ObjectType({ description: 'The outcome of resetting a member’s two-factor sign-in.' })
export class ResetTeamMemberTwoFactorPayload {
  @Field(() => ID) userId!: string;
  @Field(() => Int, { description: 'Their sessions that were signed out.' }) sessionsEnded!: number;
}

@InputType()
export class InviteTeammateInput {
  @Field(() => String)
  @MaxLength(254, { message: 'Email must be at most 254 characters.' })
  @IsEmailAddress()
  email!: string;

  @Field(() => Role)
  role!: Role;
}

@InputType()
export class AcceptTeamInviteInput {
  @Field(() => String, { description: 'The token from the invitation link.' })
  @IsNotEmpty({ message: 'The invitation link is incomplete. Copy the whole link.' })
  @MaxLength(200, { message: 'The invitation link is not valid.' })
  token!: string;

  @Field(() => String)
  @IsNotEmpty({ message: 'Enter your name.' })
  @MaxLength(200, { message: 'Name must be at most 200 characters.' })
  name!: string;

  @Field(() => String)
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  password!: string;
}
