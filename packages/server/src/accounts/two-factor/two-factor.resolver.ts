import type { Request, Response } from 'express';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { NotAuthenticated } from '../../common/app-error.js';
import type { GraphQLContext } from '../../graphql/context.js';
import type { Viewer } from '../viewer.js';
import type { SignInInput } from '../accounts.input.js';
import { readCookie } from '../../common/cookies.js';
import { setSessionCookie } from '../session-cookie.js';
import type { User } from '../user.entity.js';
import { AuthPayload, UserType } from '../user.type.js';
import { InvalidSecondFactor, NotForApiKeys, PasskeyOriginRequired } from './two-factor.errors.js';
import type { RelyingParty, SecondFactorMethod, TwoFactorState } from './two-factor.service.js';
import { PasskeyOptions, PasskeyType, SecondFactorMethodEnum, SignInPayload, TotpEnrolment, TwoFactorEnrolled, TwoFactorStatus } from './two-factor.types.js';

/** The pending sign-in between password and second factor (or of a passwordless passkey sign-in). */
export const SIGN_IN_COOKIE = 'vouch_sign_in';

function setChallengeCookie(req: Request, res: Response, token: string, expiresAt: Date, secure: boolean | undefined): void {
  res.cookie(SIGN_IN_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure ?? req.secure, path: '/graphql', expires: expiresAt });
}

function clearChallengeCookie(req: Request, res: Response, secure: boolean | undefined): void {
  res.clearCookie(SIGN_IN_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure ?? req.secure, path: '/graphql' });
}

const METHOD_WORDS: Record<SecondFactorMethod, string> = {
  TOTP: 'password and authenticator app',
  RECOVERY_CODE: 'password and a recovery code',
  PASSKEY: 'password and passkey',
};

/** A person's session (not an API key); `allowEnrolment`: also one that must set up two-factor first. */
function person(ctx: GraphQLContext, allowEnrolment = true): Viewer {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAuthenticated();
  if (viewer.apiKeyId) throw new NotForApiKeys();
  if (!allowEnrolment && viewer.mustEnrolTwoFactor) throw new NotAuthenticated();
  return viewer;
}

/** Sign-in steps run in a browser over HTTP (cookies); API keys never sign in. */
function browser(ctx: GraphQLContext): { req: Request; res: Response } {
  if (ctx.viewer?.apiKeyId) throw new NotForApiKeys();
  if (!ctx.http) throw new PasskeyOriginRequired();
  return ctx.http;
}

/**
 * WebAuthn is bound to the page's origin: /graphql has already refused origins that are not Vouch's (see
 * http/security.ts), so the Origin header names the relying party. Its host name is the RP ID.
 */
function relyingParty(ctx: GraphQLContext): RelyingParty {
  const origin = ctx.http?.req.headers.origin;
  if (!origin || origin === 'null') throw new PasskeyOriginRequired();
  const url = new URL(origin);
  return { origin: url.origin, rpID: url.hostname };
}

/** The step-up rule for a mutation: call before acting. */
export function requireStepUp(ctx: GraphQLContext): void {
  if (ctx.viewer) ctx.services.twoFactor.requireFresh(ctx.viewer);
}

/**
 * signIn (accounts.resolver) goes through here: a right password opens a session unless the user has a second
 * factor, in which case a pending sign-in (cookie, 10 minutes) waits for it.
 */
export async function signInWithSecondFactor(ctx: GraphQLContext, input: SignInInput): Promise<SignInPayload> {
  const twoFactor = ctx.services.twoFactor;
  const outcome = await ctx.services.accounts.signIn(ctx.em, input, ctx, async (user) => twoFactor.hasFactor(await twoFactor.state(ctx.em, user.id)));
  if ('secondFactorFor' in outcome) {
    const { req, res } = browser(ctx);
    const state = await twoFactor.state(ctx.em, outcome.secondFactorFor.id);
    const { token, expiresAt } = await twoFactor.openChallenge(ctx.em, outcome.secondFactorFor, 'SECOND_FACTOR');
    setChallengeCookie(req, res, token, expiresAt, ctx.services.config.cookieSecure);
    return Object.assign(new SignInPayload(), {
      user: null,
      secondFactor: { methods: twoFactor.methodsOf(state).map((m) => SecondFactorMethodEnum[m]), expiresAt },
    });
  }
  if (ctx.http) setSessionCookie(ctx.http.req, ctx.http.res, outcome.sessionToken, outcome.expiresAt, ctx.services.config.cookieSecure);
  return Object.assign(new SignInPayload(), { user: UserType.from(outcome.user), secondFactor: null });
}

@Resolver()
export class TwoFactorResolver {
  private async status(ctx: GraphQLContext, viewer: Viewer, state?: TwoFactorState, verifiedAt?: Date | null): Promise<TwoFactorStatus> {
    const s = state ?? (await ctx.services.twoFactor.state(ctx.em, viewer.userId));
    const user = await ctx.services.twoFactor.userOf(ctx.em, viewer.userId);
    const at = verifiedAt !== undefined ? verifiedAt : (viewer.secondFactorAt ?? null);
    const stepUpMs = ctx.services.config.stepUpMs;
    return Object.assign(new TwoFactorStatus(), {
      totpEnabled: s.totpEnabled,
      passkeys: s.passkeys.map(PasskeyType.from),
      recoveryCodesRemaining: s.recoveryCodesRemaining,
      enrolmentRequired: verifiedAt ? false : Boolean(viewer.mustEnrolTwoFactor),
      organisationRequiresTwoFactor: user.organisation.requireTwoFactor,
      verifiedAt: at,
      stepUpValidUntil: at && stepUpMs ? new Date(at.getTime() + stepUpMs) : null,
    });
  }

  private async me(ctx: GraphQLContext, viewer: Viewer): Promise<User> {
    return await ctx.services.twoFactor.userOf(ctx.em, viewer.userId);
  }

  /** Adding a factor when one exists already is itself sensitive: it needs a fresh second factor. */
  private async requireFreshIfEnrolled(ctx: GraphQLContext, viewer: Viewer): Promise<TwoFactorState> {
    const state = await ctx.services.twoFactor.state(ctx.em, viewer.userId);
    if (ctx.services.twoFactor.hasFactor(state)) ctx.services.twoFactor.requireFresh(viewer);
    return state;
  }

  private signedIn(ctx: GraphQLContext, result: { user: User; sessionToken: string; expiresAt: Date }): AuthPayload {
    const { req, res } = browser(ctx);
    setSessionCookie(req, res, result.sessionToken, result.expiresAt, ctx.services.config.cookieSecure);
    clearChallengeCookie(req, res, ctx.services.config.cookieSecure);
    return Object.assign(new AuthPayload(), { user: UserType.from(result.user) });
  }

  @Query(() => TwoFactorStatus, { description: 'Your second factors, and whether your organisation requires them (people only, not API keys).' })
  async twoFactorStatus(@Ctx() ctx: GraphQLContext): Promise<TwoFactorStatus> {
    return await this.status(ctx, person(ctx));
  }

  // ---- Sign-in: the second step ----

  @Mutation(() => AuthPayload, { description: 'Finishes a sign-in with a code from the authenticator app, or a recovery code (each works once).' })
  async verifySignInCode(
    @Ctx() ctx: GraphQLContext,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
    @Arg('recoveryCode', () => String, { nullable: true }) recoveryCode?: string | null,
  ): Promise<AuthPayload> {
    const { req } = browser(ctx);
    const challenge = await ctx.services.twoFactor.challengeFor(ctx.em, readCookie(req.headers.cookie, SIGN_IN_COOKIE));
    const user = challenge.user as User | null;
    if (!user || challenge.purpose !== 'SECOND_FACTOR') throw new InvalidSecondFactor('code');
    const method = await ctx.services.twoFactor.verifyCode(ctx.em, user, { code, recoveryCode }, ctx, challenge);
    await ctx.services.twoFactor.closeChallenge(ctx.em, challenge);
    const result = await ctx.em.transactional((tx) =>
      ctx.services.accounts.openSession(tx, user, ctx, { method: METHOD_WORDS[method], secondFactorAt: new Date(ctx.services.twoFactor.clock()) }),
    );
    return this.signedIn(ctx, result);
  }

  @Mutation(() => PasskeyOptions, {
    description: 'Starts signing in with a passkey: passwordless, or (secondFactor: true) as the second step after the password.',
  })
  async startPasskeySignIn(
    @Ctx() ctx: GraphQLContext,
    @Arg('secondFactor', () => Boolean, { defaultValue: false }) secondFactor: boolean,
  ): Promise<PasskeyOptions> {
    const { req, res } = browser(ctx);
    const rp = relyingParty(ctx);
    const twoFactor = ctx.services.twoFactor;
    let challenge;
    if (secondFactor) {
      challenge = await twoFactor.challengeFor(ctx.em, readCookie(req.headers.cookie, SIGN_IN_COOKIE));
      if (challenge.purpose !== 'SECOND_FACTOR') throw new InvalidSecondFactor('passkey');
    } else {
      const opened = await twoFactor.openChallenge(ctx.em, null, 'PASSKEY_SIGN_IN');
      setChallengeCookie(req, res, opened.token, opened.expiresAt, ctx.services.config.cookieSecure);
      challenge = opened.challenge;
    }
    return { options: (await twoFactor.startSignInPasskey(ctx.em, challenge, rp)) as unknown as Record<string, unknown> };
  }

  @Mutation(() => AuthPayload, { description: 'Finishes a passkey sign-in with the browser’s answer (from @simplewebauthn/browser).' })
  async finishPasskeySignIn(@Arg('response', () => GraphQLJSON) response: unknown, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    const { req } = browser(ctx);
    const rp = relyingParty(ctx);
    const twoFactor = ctx.services.twoFactor;
    const challenge = await twoFactor.challengeFor(ctx.em, readCookie(req.headers.cookie, SIGN_IN_COOKIE));
    if (!challenge.webauthnChallenge) throw new InvalidSecondFactor('passkey');
    const passwordless = challenge.purpose === 'PASSKEY_SIGN_IN';
    const expected = challenge.webauthnChallenge;
    // A challenge is answered once, right or wrong.
    challenge.webauthnChallenge = null;
    await ctx.em.flush();
    const { user } = await twoFactor.verifyPasskey(ctx.em, rp, response, expected, (challenge.user as User | null) ?? null, ctx, passwordless, challenge);
    await twoFactor.closeChallenge(ctx.em, challenge);
    const result = await ctx.em.transactional((tx) =>
      ctx.services.accounts.openSession(tx, user, ctx, {
        method: passwordless ? 'a passkey' : METHOD_WORDS.PASSKEY,
        secondFactorAt: new Date(ctx.services.twoFactor.clock()),
      }),
    );
    return this.signedIn(ctx, result);
  }

  // ---- Authenticator app ----

  @Mutation(() => TotpEnrolment, { description: 'Starts setting up an authenticator app: a new key and its QR code.' })
  async startTotpEnrolment(@Ctx() ctx: GraphQLContext): Promise<TotpEnrolment> {
    const viewer = person(ctx);
    await this.requireFreshIfEnrolled(ctx, viewer);
    const { secret, uri, qrCode } = await ctx.services.twoFactor.startTotp(ctx.em, await this.me(ctx, viewer));
    return Object.assign(new TotpEnrolment(), { secret, otpauthUri: uri, qrCode });
  }

  @Mutation(() => TwoFactorEnrolled, {
    description: 'Confirms the authenticator app with a code it shows. The first second factor also brings 10 recovery codes, shown once.',
  })
  async confirmTotpEnrolment(@Arg('code', () => String) code: string, @Ctx() ctx: GraphQLContext): Promise<TwoFactorEnrolled> {
    const viewer = person(ctx);
    const { recoveryCodes } = await ctx.services.twoFactor.confirmTotp(ctx.em, await this.me(ctx, viewer), code, ctx);
    const at = await ctx.services.twoFactor.markVerified(ctx.em, viewer.sessionId);
    return { status: await this.status(ctx, viewer, undefined, at), recoveryCodes };
  }

  @Mutation(() => TwoFactorStatus, { description: 'Removes the authenticator app (needs a fresh second factor).' })
  async removeTotp(@Ctx() ctx: GraphQLContext): Promise<TwoFactorStatus> {
    const viewer = person(ctx, false);
    ctx.services.twoFactor.requireFresh(viewer);
    await ctx.services.twoFactor.removeTotp(ctx.em, await this.me(ctx, viewer));
    return await this.status(ctx, viewer);
  }

  @Mutation(() => TwoFactorEnrolled, { description: 'Replaces your recovery codes with 10 new ones (needs a fresh second factor).' })
  async regenerateRecoveryCodes(@Ctx() ctx: GraphQLContext): Promise<TwoFactorEnrolled> {
    const viewer = person(ctx, false);
    ctx.services.twoFactor.requireFresh(viewer);
    const recoveryCodes = await ctx.services.twoFactor.regenerateRecoveryCodes(ctx.em, await this.me(ctx, viewer));
    return { status: await this.status(ctx, viewer), recoveryCodes };
  }

  // ---- Passkeys ----

  @Mutation(() => PasskeyOptions, { description: 'Starts adding a passkey to your account.' })
  async startPasskeyRegistration(@Ctx() ctx: GraphQLContext): Promise<PasskeyOptions> {
    const viewer = person(ctx);
    const rp = relyingParty(ctx);
    await this.requireFreshIfEnrolled(ctx, viewer);
    const options = await ctx.services.twoFactor.passkeyRegistrationOptions(ctx.em, await this.me(ctx, viewer), viewer.sessionId, rp);
    return { options: options as unknown as Record<string, unknown> };
  }

  @Mutation(() => TwoFactorEnrolled, {
    description: 'Finishes adding a passkey with the browser’s answer. The first second factor also brings 10 recovery codes, shown once.',
  })
  async finishPasskeyRegistration(
    @Arg('response', () => GraphQLJSON) response: unknown,
    @Arg('name', () => String, { defaultValue: 'Passkey', description: 'To recognise it later, e.g. “Work laptop”.' }) name: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TwoFactorEnrolled> {
    const viewer = person(ctx);
    const rp = relyingParty(ctx);
    const { recoveryCodes } = await ctx.services.twoFactor.finishPasskeyRegistration(ctx.em, await this.me(ctx, viewer), viewer.sessionId, rp, response, name);
    const at = await ctx.services.twoFactor.markVerified(ctx.em, viewer.sessionId);
    return { status: await this.status(ctx, viewer, undefined, at), recoveryCodes };
  }

  @Mutation(() => TwoFactorStatus, { description: 'Removes one of your passkeys (needs a fresh second factor).' })
  async removePasskey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<TwoFactorStatus> {
    const viewer = person(ctx, false);
    ctx.services.twoFactor.requireFresh(viewer);
    await ctx.services.twoFactor.removePasskey(ctx.em, await this.me(ctx, viewer), id);
    return await this.status(ctx, viewer);
  }

  // ---- Step-up ----

  @Mutation(() => TwoFactorStatus, { description: 'Proves a second factor again (code or recovery code), for a few minutes of sensitive actions.' })
  async verifyStepUp(
    @Ctx() ctx: GraphQLContext,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
    @Arg('recoveryCode', () => String, { nullable: true }) recoveryCode?: string | null,
  ): Promise<TwoFactorStatus> {
    const viewer = person(ctx, false);
    const user = await this.me(ctx, viewer);
    const method = await ctx.services.twoFactor.verifyCode(ctx.em, user, { code, recoveryCode }, ctx);
    return await this.steppedUp(ctx, viewer, user, method);
  }

  @Mutation(() => PasskeyOptions, { description: 'Starts a passkey step-up.' })
  async startPasskeyStepUp(@Ctx() ctx: GraphQLContext): Promise<PasskeyOptions> {
    const viewer = person(ctx, false);
    const options = await ctx.services.twoFactor.startStepUpPasskey(ctx.em, await this.me(ctx, viewer), viewer.sessionId, relyingParty(ctx));
    return { options: options as unknown as Record<string, unknown> };
  }

  @Mutation(() => TwoFactorStatus, { description: 'Finishes a passkey step-up with the browser’s answer.' })
  async finishPasskeyStepUp(@Arg('response', () => GraphQLJSON) response: unknown, @Ctx() ctx: GraphQLContext): Promise<TwoFactorStatus> {
    const viewer = person(ctx, false);
    const user = await this.me(ctx, viewer);
    await ctx.services.twoFactor.finishStepUpPasskey(ctx.em, user, viewer.sessionId, relyingParty(ctx), response, ctx);
    return await this.steppedUp(ctx, viewer, user, 'PASSKEY');
  }

  private async steppedUp(ctx: GraphQLContext, viewer: Viewer, user: User, method: SecondFactorMethod): Promise<TwoFactorStatus> {
    const at = await ctx.services.twoFactor.markVerified(ctx.em, viewer.sessionId);
    const how = method === 'TOTP' ? 'authenticator app' : method === 'PASSKEY' ? 'passkey' : 'recovery code';
    ctx.services.twoFactor.auditStepUp(ctx.em, user, how);
    await ctx.em.flush();
    return await this.status(ctx, viewer, undefined, at);
  }
}

/** `User.twoFactorEnrolmentRequired`, so the app shell knows to show enrolment before anything else. */
@Resolver(() => UserType)
export class UserTwoFactorResolver {
  @FieldResolver(() => Boolean, { description: 'The organisation requires two-factor and this session has not set it up yet (only for the signed-in user).' })
  async twoFactorEnrolmentRequired(@Root() user: UserType, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (ctx.viewer) return ctx.viewer.userId === user.id && Boolean(ctx.viewer.mustEnrolTwoFactor);
    // The answer to a sign-in (no viewer yet): the session just opened has no second factor.
    if (!user.organisation.requireTwoFactor) return false;
    return !ctx.services.twoFactor.hasFactor(await ctx.services.twoFactor.state(ctx.em, user.id));
  }
}
