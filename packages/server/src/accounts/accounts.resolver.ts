import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Organisation } from './organisation.entity.js';
import { Role } from './role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { SignInInput, SignUpInput } from './accounts.input.js';
import type { SignedIn } from './accounts.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { AuthPayload, UserType } from './user.type.js';

@Resolver()
export class AccountsResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    if (!ctx.viewer) return null;
    return UserType.from(await ctx.services.accounts.viewerUser(ctx.em, ctx.viewer));
  }

  @Mutation(() => AuthPayload, { description: 'Creates an organisation and its first ADMIN user, and signs in.' })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return this.signedIn(ctx, await ctx.services.accounts.signUp(ctx.em, input, ctx));
  }

  @Mutation(() => AuthPayload)
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return this.signedIn(ctx, await ctx.services.accounts.signIn(ctx.em, input, ctx));
  }

  @Mutation(() => Boolean, { description: 'Revokes the current session.' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    const viewer = requireViewer(ctx);
    await ctx.services.accounts.signOut(ctx.em, viewer.sessionId);
    if (ctx.http) clearSessionCookie(ctx.http.req, ctx.http.res, ctx.services.config.cookieSecure);
    return true;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Organisation, { description: 'Organisation settings (ADMIN).' })
  async updateOrganisationSettings(
    @Arg('requireSecondApproverForBankChanges', () => Boolean) requireSecond: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Organisation> {
    const organisation = await ctx.em.findOneOrFail(Organisation, { id: requireViewer(ctx).organisationId });
    organisation.requireSecondApproverForBankChanges = requireSecond;
    await ctx.em.flush();
    return organisation;
  }

  private signedIn(ctx: GraphQLContext, result: SignedIn): AuthPayload {
    if (ctx.http) {
      setSessionCookie(ctx.http.req, ctx.http.res, result.sessionToken, result.expiresAt, ctx.services.config.cookieSecure);
    }
    return Object.assign(new AuthPayload(), { user: UserType.from(result.user) });
  }
}
