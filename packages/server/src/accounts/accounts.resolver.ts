import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { NotAuthenticated, ValidationFailed } from '../common/app-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireStepUp, signInWithSecondFactor } from './two-factor/two-factor.resolver.js';
import { SignInPayload } from './two-factor/two-factor.types.js';
import { Organisation } from './organisation.entity.js';
import { Role } from './role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { SignInInput, SignUpInput } from './accounts.input.js';
import type { SignedIn } from './accounts.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { requirePersonSession } from './sessions.service.js';
import { AuthPayload, SignUpPayload, UserType } from './user.type.js';

const SETTING_WORDS: Record<string, string> = {
  requireSecondApproverForBankChanges: 'second approver for bank changes',
  paymentHoldDays: 'payment hold days',
  requireTwoFactor: 'two-factor required',
};

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

  @Mutation(() => SignInPayload, {
    description:
      'Signs in with email and password; when the account has a second factor, answers `secondFactor` instead (finish with verifySignInCode or a passkey).',
  })
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: GraphQLContext): Promise<SignInPayload> {
    return await signInWithSecondFactor(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Revokes the current session.' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    // Not requireViewer: a session that must set up two-factor first can still sign out.
    const viewer = ctx.viewer;
    if (!viewer) throw new NotAuthenticated();
    requirePersonSession(viewer); // an API key has no session to end (it is revoked in Settings → API keys)
    await ctx.services.accounts.signOut(ctx.em, viewer.sessionId);
    const user = await ctx.services.accounts.viewerUser(ctx.em, viewer);
    recordAudit(ctx.em, {
      organisationId: viewer.organisationId,
      actor: { type: 'USER', id: user.id, label: user.name },
      kind: 'SIGNED_OUT',
      summary: `${user.name} signed out`,
    });
    await ctx.em.flush();
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
    @Arg('requireTwoFactor', () => Boolean, {
      nullable: true,
      description: 'Every member signs in with a second factor; those without one set it up at their next request.',
    })
    requireTwoFactor?: boolean | null,
  ): Promise<Organisation> {
    if (paymentHoldDays !== undefined && paymentHoldDays !== null && (!Number.isInteger(paymentHoldDays) || paymentHoldDays < 0 || paymentHoldDays > 30)) {
      throw new ValidationFailed([{ field: 'paymentHoldDays', message: 'Choose a payment hold of 0 to 30 days.' }]);
    }
    const organisation = await ctx.em.findOneOrFail(Organisation, { id: requireViewer(ctx).organisationId });
    if (requireTwoFactor === true && !organisation.requireTwoFactor) {
      // The admin turning it on goes first: nobody ends up requiring what they have not set up themselves.
      const twoFactor = ctx.services.twoFactor;
      if (!twoFactor.hasFactor(await twoFactor.state(ctx.em, requireViewer(ctx).userId))) {
        throw new ValidationFailed([{ field: 'requireTwoFactor', message: 'Set up two-factor sign-in for yourself first (Settings → Two-factor sign-in).' }]);
      }
    }
    // Turning the rule off weakens every member's sign-in: that needs a fresh second factor too.
    if (requireTwoFactor === false && organisation.requireTwoFactor) requireStepUp(ctx);
    const wanted = { requireSecondApproverForBankChanges: requireSecond, paymentHoldDays, requireTwoFactor };
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(wanted) as [keyof typeof wanted, boolean | number | null | undefined][]) {
      if (value === undefined || value === null || organisation[key] === value) continue;
      Object.assign(organisation, { [key]: value });
      changes[key] = value;
    }
    if (Object.keys(changes).length) {
      const user = await ctx.services.accounts.viewerUser(ctx.em, requireViewer(ctx));
      const words = Object.entries(changes).map(([k, v]) => `${SETTING_WORDS[k] ?? k}: ${typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v)}`);
      recordAudit(ctx.em, {
        organisationId: organisation.id,
        actor: { type: 'USER', id: user.id, label: user.name },
        kind: 'SETTINGS_CHANGED',
        summary: `${user.name} changed settings — ${words.join('; ')}`,
        after: changes,
      });
    }
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
