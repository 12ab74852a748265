import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { requireViewer } from '../../graphql/context.js';
import { Role } from '../role.js';
import { setSessionCookie } from '../session-cookie.js';
import { requirePersonSession } from '../sessions.service.js';
import { requireStepUp } from '../two-factor/two-factor.resolver.js';
import { AuthPayload, UserType } from '../user.type.js';
import {
  AcceptTeamInviteInput,
  InviteTeammateInput,
  RemoveTeamMemberPayload,
  ResetTeamMemberTwoFactorPayload,
  TeamInvitePayload,
  TeamInvitePreviewType,
  TeamInviteType,
  TeamMemberType,
} from './team.types.js';

/** Settings → Team. Everyone signed in sees the team; ADMINs (people, never API keys) change it. */
@Resolver()
export class TeamResolver {
  @Authorized()
  @Query(() => [TeamMemberType], { description: 'Everyone on your organisation’s team.' })
  async teamMembers(@Ctx() ctx: GraphQLContext): Promise<TeamMemberType[]> {
    const viewer = requireViewer(ctx);
    const { users, withTwoFactor } = await ctx.services.team.members(ctx.em);
    return users.map((u) => TeamMemberType.from(u, viewer.userId, withTwoFactor.has(u.id)));
  }

  @Authorized(Role.ADMIN)
  @Query(() => [TeamInviteType], { description: 'Invitations not yet accepted or withdrawn (ADMIN).' })
  async teamInvites(@Ctx() ctx: GraphQLContext): Promise<TeamInviteType[]> {
    return (await ctx.services.team.openInvites(ctx.em)).map((i) => TeamInviteType.from(i));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => TeamInvitePayload, { description: 'Invites someone by email with a role (ADMIN). Emailed, or a link to copy when the server has no email.' })
  async inviteTeammate(@Arg('input', () => InviteTeammateInput) input: InviteTeammateInput, @Ctx() ctx: GraphQLContext): Promise<TeamInvitePayload> {
    const issued = await ctx.services.team.invite(ctx.em, requirePersonSession(requireViewer(ctx)), input);
    return Object.assign(new TeamInvitePayload(), { invite: TeamInviteType.from(issued.invite), link: issued.link });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => TeamInvitePayload, { description: 'Sends an invitation again with a new link and expiry; the old link stops working (ADMIN).' })
  async resendTeamInvite(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<TeamInvitePayload> {
    const issued = await ctx.services.team.resend(ctx.em, requirePersonSession(requireViewer(ctx)), id);
    return Object.assign(new TeamInvitePayload(), { invite: TeamInviteType.from(issued.invite), link: issued.link });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => TeamInviteType, { description: 'Withdraws an invitation; its link stops working (ADMIN).' })
  async withdrawTeamInvite(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<TeamInviteType> {
    return TeamInviteType.from(await ctx.services.team.withdraw(ctx.em, requirePersonSession(requireViewer(ctx)), id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => TeamMemberType, { description: 'Changes a member’s role (ADMIN). The last admin can’t be demoted.' })
  async changeTeamMemberRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TeamMemberType> {
    const viewer = requirePersonSession(requireViewer(ctx));
    const member = await ctx.services.team.changeRole(ctx.em, viewer, userId, role);
    return TeamMemberType.from(member, viewer.userId, (await ctx.services.twoFactor.membersWithFactor(ctx.em)).has(member.id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RemoveTeamMemberPayload, {
    description: 'Removes a member (ADMIN): their sessions and API keys stop working at once. The last admin can’t be removed.',
  })
  async removeTeamMember(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<RemoveTeamMemberPayload> {
    const outcome = await ctx.services.team.remove(ctx.em, requirePersonSession(requireViewer(ctx)), userId);
    return Object.assign(new RemoveTeamMemberPayload(), { removedUserId: userId, ...outcome });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ResetTeamMemberTwoFactorPayload, {
    description:
      'Resets a member’s two-factor sign-in (ADMIN), e.g. after a lost phone: their authenticator app, passkeys and recovery codes are removed, their sessions end and they are emailed. Needs a second factor proved in the last few minutes (FORBIDDEN, reason STEP_UP_REQUIRED: verifyStepUp, then retry).',
  })
  async resetTeamMemberTwoFactor(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<ResetTeamMemberTwoFactorPayload> {
    const viewer = requirePersonSession(requireViewer(ctx));
    requireStepUp(ctx);
    const outcome = await ctx.services.team.resetTwoFactor(ctx.em, viewer, userId);
    return Object.assign(new ResetTeamMemberTwoFactorPayload(), { userId, ...outcome });
  }

  @Query(() => TeamInvitePreviewType, { description: 'What an invitation link is for (no sign-in needed).' })
  async teamInvitePreview(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<TeamInvitePreviewType> {
    return Object.assign(new TeamInvitePreviewType(), await ctx.services.team.preview(ctx.em, token, ctx.ip));
  }

  @Mutation(() => AuthPayload, { description: 'Joins the team from an invitation link with a name and password, and signs in.' })
  async acceptTeamInvite(@Arg('input', () => AcceptTeamInviteInput) input: AcceptTeamInviteInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    const signedIn = await ctx.services.team.accept(ctx.em, input, ctx);
    if (ctx.http) setSessionCookie(ctx.http.req, ctx.http.res, signedIn.sessionToken, signedIn.expiresAt, ctx.services.config.cookieSecure);
    return Object.assign(new AuthPayload(), { user: UserType.from(signedIn.user) });
  }
}
