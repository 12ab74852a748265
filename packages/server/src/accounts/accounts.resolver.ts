import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ValidationFailed } from '../common/app-error.js';
import { Organisation } from './organisation.entity.js';
import { Role } from './role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { SignInInput, SignUpInput } from './accounts.input.js';
import type { SignedIn } from './accounts.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { AuthPayload, SignUpPayload, UserType } from './user.type.js';

@Resolver()
export class AccountsResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    if (!ctx.viewer) return null;
    return UserType.from(await ctx.services.accounts.viewerUser(ctx.em, ctx.viewer));
  }

  @Mutation(() => SignUpPayload, {
    description:
      'Creates an organisation and its first ADMIN user. With email configured, emails a link to finish (or, when the address already has an account, a notice to its owner) and answers the same either way; otherwise signs in at once.',
  })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphQLContext): Promise<SignUpPayload> {
    const outcome = await ctx.services.accounts.signUp(ctx.em, input, ctx, ctx.services.mailer);
    if (outcome.kind === 'confirmation-sent') return Object.assign(new SignUpPayload(), { user: null, confirmationSentTo: outcome.email });
    return Object.assign(new SignUpPayload(), { user: this.signedIn(ctx, outcome.signedIn).user, confirmationSentTo: null });
  }

  @Mutation(() => AuthPayload, { description: 'Finishes a sign-up from the emailed link (its token), and signs in.' })
  async confirmSignUp(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return this.signedIn(ctx, await ctx.services.accounts.confirmSignUp(ctx.em, token, ctx));
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
    @Ctx() ctx: GraphQLContext,
    @Arg('requireSecondApproverForBankChanges', () => Boolean, { nullable: true }) requireSecond?: boolean | null,
    @Arg('paymentHoldDays', () => Int, { nullable: true, description: 'Days to hold payments after bank details change, 0–30 (0: no hold).' })
    paymentHoldDays?: number | null,
  ): Promise<Organisation> {
    if (paymentHoldDays !== undefined && paymentHoldDays !== null && (!Number.isInteger(paymentHoldDays) || paymentHoldDays < 0 || paymentHoldDays > 30)) {
      throw new ValidationFailed([{ field: 'paymentHoldDays', message: 'Choose a payment hold of 0 to 30 days.' }]);
    }
    const organisation = await ctx.em.findOneOrFail(Organisation, { id: requireViewer(ctx).organisationId });
    if (requireSecond !== undefined && requireSecond !== null) organisation.requireSecondApproverForBankChanges = requireSecond;
    if (paymentHoldDays !== undefined && paymentHoldDays !== null) organisation.paymentHoldDays = paymentHoldDays;
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
