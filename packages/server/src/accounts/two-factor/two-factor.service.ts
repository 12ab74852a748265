import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import QRCode from 'qrcode';
import { recordAudit } from '../../audit/audit.service.js';
import { ValidationFailed } from '../../common/app-error.js';
import { clearRateLimit, hitRateLimit } from '../../common/rate-limiter.js';
import type { TokenCrypto } from '../../common/token-crypto.js';
import type { Config } from '../../config/env.js';
import type { Viewer } from '../viewer.js';
import { Organisation } from '../organisation.entity.js';
import { Session } from '../session.entity.js';
import { User } from '../user.entity.js';
import { AuthChallenge } from './auth-challenge.entity.js';
import { Passkey } from './passkey.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { TotpFactor } from './totp-factor.entity.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpUri, verifyTotp } from './totp.js';
import {
  InvalidSecondFactor,
  LastFactorRequired,
  PasskeyNotFound,
  SignInChallengeExpired,
  StepUpRequired,
  TooManySecondFactorAttempts,
  TotpEnrolmentNotStarted,
  TwoFactorAlreadyEnabled,
} from './two-factor.errors.js';
import { unscoped } from '../../common/unscoped.js';
import { isUuid } from '../../common/ids.js';

/** A pending sign-in lasts this long between the password and the second factor. */
export const CHALLENGE_TTL_MS = 10 * 60_000;
/** Wrong codes accepted on one pending sign-in before it is dropped (the password must be entered again). */
const ATTEMPTS_PER_CHALLENGE = 5;
/** Wrong second factors per user across sign-ins and step-ups, per window. */
const ATTEMPTS_PER_USER = 10;
const ATTEMPT_WINDOW_MS = 15 * 60_000;

export interface ClientMeta {
  ip: string;
  userAgent: string;
}

/** Where a WebAuthn ceremony runs: the page's origin (checked against the allowed origins before we get here). */
export interface RelyingParty {
  origin: string;
  rpID: string;
}

export interface TwoFactorState {
  totpEnabled: boolean;
  passkeys: Passkey[];
  recoveryCodesRemaining: number;
}

export type SecondFactorMethod = 'TOTP' | 'RECOVERY_CODE' | 'PASSKEY';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const actorOf = (user: User) => ({ type: 'USER' as const, id: user.id, label: user.name });

export class TwoFactorService {
  /** The time codes and step-up windows are judged by (tests move it; everything else keeps the wall clock). */
  clock: () => number = Date.now;

  private now(): Date {
    return new Date(this.clock());
  }

  constructor(
    private readonly config: Config,
    private readonly crypto: TokenCrypto,
  ) {}

  async state(em: EntityManager, userId: string): Promise<TwoFactorState> {
    const [totp, passkeys, recoveryCodesRemaining] = await Promise.all([
      em.findOne(TotpFactor, { user: userId, confirmedAt: { $ne: null } }, unscoped('by user')),
      em.find(Passkey, { user: userId }, { ...unscoped('by user'), orderBy: { createdAt: 'asc' } }),
      em.count(RecoveryCode, { user: userId, usedAt: null }, unscoped('by user')),
    ]);
    return { totpEnabled: Boolean(totp), passkeys, recoveryCodesRemaining };
  }

  methodsOf(state: TwoFactorState): SecondFactorMethod[] {
    return [
      ...(state.totpEnabled ? ['TOTP' as const] : []),
      ...(state.passkeys.length ? ['PASSKEY' as const] : []),
      ...(state.recoveryCodesRemaining ? ['RECOVERY_CODE' as const] : []),
    ];
  }

  hasFactor(state: TwoFactorState): boolean {
    return state.totpEnabled || state.passkeys.length > 0;
  }

  // ---- Pending sign-ins (between the password and the second factor; or a passwordless passkey sign-in) ----

  /** Starts a pending sign-in; the returned token goes in an httpOnly cookie, only its hash is stored. */
  async openChallenge(
    em: EntityManager,
    user: User | null,
    purpose: 'SECOND_FACTOR' | 'PASSKEY_SIGN_IN',
    now = this.now(),
  ): Promise<{ token: string; expiresAt: Date; challenge: AuthChallenge }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
    const challenge = em.create(AuthChallenge, { tokenHash: sha256(token), user, purpose, expiresAt });
    await em.flush();
    return { token, expiresAt, challenge };
  }

  async challengeFor(em: EntityManager, token: string | undefined, now = this.now()): Promise<AuthChallenge> {
    if (!token || token.length > 128) throw new SignInChallengeExpired();
    const challenge = await em.findOne(
      AuthChallenge,
      { tokenHash: sha256(token), expiresAt: { $gt: now } },
      { ...unscoped('sign-in'), populate: ['user', 'user.organisation'] },
    );
    if (!challenge) throw new SignInChallengeExpired();
    return challenge;
  }

  async closeChallenge(em: EntityManager, challenge: AuthChallenge): Promise<void> {
    await em.nativeDelete(AuthChallenge, { id: challenge.id });
  }

  /**
   * A wrong code: counted per user (across sign-ins and step-ups) and per pending sign-in, audited. Past the
   * per-sign-in allowance the pending sign-in is dropped; past the per-user one, every attempt is refused for a while.
   */
  private async failed(em: EntityManager, user: User, meta: ClientMeta, what: string, challenge?: AuthChallenge): Promise<void> {
    recordAudit(em, {
      organisationId: user.organisation.id,
      actor: actorOf(user),
      kind: 'SECOND_FACTOR_FAILED',
      summary: `Wrong ${what} for ${user.name} (from ${meta.ip.slice(0, 64)})`,
    });
    if (challenge) {
      challenge.failedAttempts += 1;
      if (challenge.failedAttempts >= ATTEMPTS_PER_CHALLENGE) em.remove(challenge);
    }
    await em.flush();
  }

  /** The per-user brake, checked before any code is looked at. */
  private async brake(em: EntityManager, user: User, meta: ClientMeta): Promise<void> {
    const hit = await hitRateLimit(em, `second-factor:user:${user.id}`, ATTEMPTS_PER_USER, ATTEMPT_WINDOW_MS);
    if (hit.allowed) return;
    if (hit.count === ATTEMPTS_PER_USER + 1) {
      recordAudit(em, {
        organisationId: user.organisation.id,
        actor: actorOf(user),
        kind: 'SECOND_FACTOR_LOCKED',
        summary: `Second-factor attempts for ${user.name} paused after ${ATTEMPTS_PER_USER} wrong tries (from ${meta.ip.slice(0, 64)})`,
      });
      await em.flush();
    }
    throw new TooManySecondFactorAttempts(hit.retryAfterSeconds);
  }

  /**
   * Checks a TOTP code or a recovery code for `user`; throws InvalidSecondFactor (counted and audited) when
   * wrong. A recovery code is spent; a TOTP step is remembered so the same code cannot be used twice.
   */
  async verifyCode(
    em: EntityManager,
    user: User,
    input: { code?: string | null; recoveryCode?: string | null },
    meta: ClientMeta,
    challenge?: AuthChallenge,
    now = this.now(),
  ): Promise<SecondFactorMethod> {
    const code = input.code?.trim() ?? '';
    const recovery = input.recoveryCode?.trim() ?? '';
    if (!code && !recovery) throw new ValidationFailed([{ field: 'code', message: 'Enter the 6-digit code from your authenticator app.' }]);
    if (code && !/^\d{3}\s?\d{3}$/.test(code)) throw new ValidationFailed([{ field: 'code', message: 'The code is 6 digits.' }]);
    await this.brake(em, user, meta);
    if (code) {
      const factor = await em.findOne(TotpFactor, { user: user.id, confirmedAt: { $ne: null } }, unscoped('by user'));
      const secret = factor ? this.crypto.decrypt(factor.secretSealed) : null;
      const step = factor && secret ? verifyTotp(secret, code, factor.lastUsedStep, now.getTime()) : null;
      if (!factor || step === null) {
        await this.failed(em, user, meta, 'authenticator code', challenge);
        throw new InvalidSecondFactor('code');
      }
      // Claimed atomically: two requests racing with one code cannot both pass.
      const claimed = await em.nativeUpdate(
        TotpFactor,
        { id: factor.id, $or: [{ lastUsedStep: null }, { lastUsedStep: { $lt: step } }] },
        { lastUsedStep: step },
        unscoped('by user'),
      );
      if (!claimed) {
        await this.failed(em, user, meta, 'authenticator code', challenge);
        throw new InvalidSecondFactor('code');
      }
      await clearRateLimit(em, `second-factor:user:${user.id}`);
      return 'TOTP';
    }
    const normalised = normaliseRecoveryCode(recovery);
    const spent = normalised
      ? await em.nativeUpdate(
          RecoveryCode,
          { user: user.id, codeHash: hashRecoveryCode(user.id, normalised), usedAt: null },
          { usedAt: now },
          unscoped('by user'),
        )
      : 0;
    if (!spent) {
      await this.failed(em, user, meta, 'recovery code', challenge);
      throw new InvalidSecondFactor('recovery code');
    }
    const left = await em.count(RecoveryCode, { user: user.id, usedAt: null }, unscoped('by user'));
    recordAudit(em, {
      organisationId: user.organisation.id,
      actor: actorOf(user),
      kind: 'RECOVERY_CODE_USED',
      summary: `${user.name} used a recovery code (${left} left)`,
    });
    await em.flush();
    await clearRateLimit(em, `second-factor:user:${user.id}`);
    return 'RECOVERY_CODE';
  }

  // ---- Step-up ----

  /**
   * Sensitive actions (accepting a bank change, creating an API key) need a second factor proved in this
   * session within the last few minutes. API keys are not people and are not asked (they cannot create keys).
   */
  requireFresh(viewer: Viewer, now = this.clock()): void {
    if (viewer.apiKeyId || this.config.stepUpMs === 0) return;
    if (!viewer.secondFactorAt || now - viewer.secondFactorAt.getTime() > this.config.stepUpMs) throw new StepUpRequired();
  }

  auditStepUp(em: EntityManager, user: User, how: string): void {
    recordAudit(em, {
      organisationId: user.organisation.id,
      actor: actorOf(user),
      kind: 'STEP_UP_VERIFIED',
      summary: `${user.name} confirmed it was them with their ${how}`,
    });
  }

  /** This session just proved a second factor. */
  async markVerified(em: EntityManager, sessionId: string, at = this.now()): Promise<Date> {
    await em.nativeUpdate(Session, { id: sessionId }, { secondFactorAt: at }, unscoped('by user'));
    return at;
  }

  // ---- Authenticator app (TOTP) ----

  /** A new secret (replacing an unconfirmed one), its otpauth:// URI and that URI as a QR code (SVG data URL). */
  async startTotp(em: EntityManager, user: User): Promise<{ secret: string; uri: string; qrCode: string }> {
    const existing = await em.findOne(TotpFactor, { user: user.id }, unscoped('by user'));
    if (existing?.confirmedAt) throw new TwoFactorAlreadyEnabled();
    const secret = newTotpSecret();
    if (existing) {
      existing.secretSealed = this.crypto.encrypt(secret);
      existing.lastUsedStep = null;
    } else {
      em.create(TotpFactor, { organisation: user.organisation, user, secretSealed: this.crypto.encrypt(secret) });
    }
    await em.flush();
    const uri = totpUri(secret, user.email);
    const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  }

  /** Proves the app shows the right code; the first second factor of a user also brings recovery codes. */
  async confirmTotp(em: EntityManager, user: User, code: string, meta: ClientMeta, now = this.now()): Promise<{ recoveryCodes: string[] | null }> {
    const factor = await em.findOne(TotpFactor, { user: user.id }, unscoped('by user'));
    if (!factor) throw new TotpEnrolmentNotStarted();
    if (factor.confirmedAt) throw new TwoFactorAlreadyEnabled();
    if (!/^\d{3}\s?\d{3}$/.test(code.trim())) throw new ValidationFailed([{ field: 'code', message: 'The code is 6 digits.' }]);
    await this.brake(em, user, meta);
    const step = verifyTotp(this.crypto.decrypt(factor.secretSealed), code, null, now.getTime());
    if (step === null) {
      await this.failed(em, user, meta, 'authenticator code (setting up the app)');
      throw new InvalidSecondFactor('code');
    }
    const hadFactor = this.hasFactor(await this.state(em, user.id));
    Object.assign(factor, { confirmedAt: now, lastUsedStep: step });
    recordAudit(em, {
      organisationId: user.organisation.id,
      actor: actorOf(user),
      kind: 'TWO_FACTOR_ENABLED',
      summary: `${user.name} set up an authenticator app`,
    });
    const recoveryCodes = hadFactor ? null : await this.replaceRecoveryCodes(em, user);
    await em.flush();
    await clearRateLimit(em, `second-factor:user:${user.id}`);
    return { recoveryCodes };
  }

  async removeTotp(em: EntityManager, user: User): Promise<void> {
    const factor = await em.findOne(TotpFactor, { user: user.id }, unscoped('by user'));
    if (!factor) return;
    if (factor.confirmedAt) await this.refuseLastFactor(em, user, 'TOTP');
    em.remove(factor);
    if (factor.confirmedAt) {
      recordAudit(em, {
        organisationId: user.organisation.id,
        actor: actorOf(user),
        kind: 'TWO_FACTOR_REMOVED',
        summary: `${user.name} removed their authenticator app`,
      });
    }
    await this.dropRecoveryCodesIfNoFactor(em, user, 'TOTP');
    await em.flush();
  }

  /** The members (of the EntityManager's organisation) with an authenticator app or a passkey, in two queries. */
  async membersWithFactor(em: EntityManager): Promise<Set<string>> {
    const [apps, passkeys] = await Promise.all([
      em.find(TotpFactor, { confirmedAt: { $ne: null } }, { fields: ['user'] }),
      em.find(Passkey, {}, { fields: ['user'] }),
    ]);
    return new Set([...apps, ...passkeys].map((f) => f.user.id));
  }

  /** Every second factor of a user goes: authenticator app, passkeys and recovery codes (an admin's reset). */
  async removeAllFactors(em: EntityManager, userId: string): Promise<{ totp: boolean; passkeys: number }> {
    const totp = await em.nativeDelete(TotpFactor, { user: userId }, unscoped('by user'));
    const passkeys = await em.nativeDelete(Passkey, { user: userId }, unscoped('by user'));
    await em.nativeDelete(RecoveryCode, { user: userId }, unscoped('by user'));
    return { totp: totp > 0, passkeys };
  }

  async regenerateRecoveryCodes(em: EntityManager, user: User): Promise<string[]> {
    if (!this.hasFactor(await this.state(em, user.id)))
      throw new ValidationFailed([{ field: 'recoveryCodes', message: 'Set up an authenticator app or a passkey first.' }]);
    const codes = await this.replaceRecoveryCodes(em, user);
    recordAudit(em, {
      organisationId: user.organisation.id,
      actor: actorOf(user),
      kind: 'RECOVERY_CODES_REGENERATED',
      summary: `${user.name} made new recovery codes (the old ones no longer work)`,
    });
    await em.flush();
    return codes;
  }

  private async replaceRecoveryCodes(em: EntityManager, user: User): Promise<string[]> {
    const codes = newRecoveryCodes();
    await em.nativeDelete(RecoveryCode, { user: user.id }, unscoped('by user'));
    for (const code of codes) {
      em.create(RecoveryCode, { organisation: user.organisation, user, codeHash: hashRecoveryCode(user.id, normaliseRecoveryCode(code)!) });
    }
    return codes;
  }

  /** With the organisation requiring two-factor, a member keeps at least one factor. */
  private async refuseLastFactor(em: EntityManager, user: User, removing: 'TOTP' | string): Promise<void> {
    const organisation = await em.findOneOrFail(Organisation, { id: user.organisation.id });
    if (!organisation.requireTwoFactor) return;
    const state = await this.state(em, user.id);
    const others = (removing === 'TOTP' ? 0 : Number(state.totpEnabled)) + state.passkeys.filter((p) => p.id !== removing).length;
    if (others === 0) throw new LastFactorRequired();
  }

  private async dropRecoveryCodesIfNoFactor(em: EntityManager, user: User, removing: 'TOTP' | string): Promise<void> {
    const state = await this.state(em, user.id);
    const others = (removing === 'TOTP' ? 0 : Number(state.totpEnabled)) + state.passkeys.filter((p) => p.id !== removing).length;
    if (others === 0) await em.nativeDelete(RecoveryCode, { user: user.id }, unscoped('by user'));
  }

  // ---- Passkeys (WebAuthn) ----

  private async storeCeremony(em: EntityManager, sessionId: string, user: User, purpose: string, challenge: string, now = this.now()): Promise<void> {
    await em.nativeDelete(AuthChallenge, { sessionId, purpose });
    em.create(AuthChallenge, { sessionId, user, purpose, webauthnChallenge: challenge, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) });
    await em.flush();
  }

  /** Takes (and deletes) the session's ceremony of that purpose: a challenge is answered once. */
  private async takeCeremony(em: EntityManager, sessionId: string, purpose: string, now = this.now()): Promise<string> {
    const ceremony = await em.findOne(AuthChallenge, { sessionId, purpose, expiresAt: { $gt: now } }, unscoped('by user'));
    if (!ceremony?.webauthnChallenge) throw new InvalidSecondFactor('passkey');
    await em.nativeDelete(AuthChallenge, { id: ceremony.id });
    return ceremony.webauthnChallenge;
  }

  async passkeyRegistrationOptions(em: EntityManager, user: User, sessionId: string, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await em.find(Passkey, { user: user.id }, unscoped('by user'));
    const options = await generateRegistrationOptions({
      rpName: 'Vouch',
      rpID: rp.rpID,
      userName: user.email,
      userDisplayName: user.name,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports ?? undefined })),
      // A discoverable credential, so the same passkey also signs in without a password.
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    await this.storeCeremony(em, sessionId, user, 'PASSKEY_REGISTER', options.challenge);
    return options;
  }

  async finishPasskeyRegistration(
    em: EntityManager,
    user: User,
    sessionId: string,
    rp: RelyingParty,
    response: unknown,
    name: string,
  ): Promise<{ passkey: Passkey; recoveryCodes: string[] | null }> {
    const label = name.trim() || 'Passkey';
    if (label.length > 100) throw new ValidationFailed([{ field: 'name', message: 'Keep the name under 100 characters.' }]);
    const expectedChallenge = await this.takeCeremony(em, sessionId, 'PASSKEY_REGISTER');
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        expectedChallenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: false,
      });
    } catch {
      throw new InvalidSecondFactor('passkey');
    }
    if (!verification.verified) throw new InvalidSecondFactor('passkey');
    const { credential, credentialBackedUp } = verification.registrationInfo;
    const hadFactor = this.hasFactor(await this.state(em, user.id));
    const passkey = em.create(Passkey, {
      organisation: user.organisation,
      user,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? null,
      name: label,
      backedUp: credentialBackedUp,
    });
    recordAudit(em, { organisationId: user.organisation.id, actor: actorOf(user), kind: 'PASSKEY_ADDED', summary: `${user.name} added a passkey “${label}”` });
    const recoveryCodes = hadFactor ? null : await this.replaceRecoveryCodes(em, user);
    await em.flush();
    return { passkey, recoveryCodes };
  }

  async removePasskey(em: EntityManager, user: User, id: string): Promise<void> {
    const passkey = isUuid(id) ? await em.findOne(Passkey, { id, user: user.id }, unscoped('by user')) : null;
    if (!passkey) throw new PasskeyNotFound();
    await this.refuseLastFactor(em, user, passkey.id);
    await this.dropRecoveryCodesIfNoFactor(em, user, passkey.id);
    em.remove(passkey);
    recordAudit(em, {
      organisationId: user.organisation.id,
      actor: actorOf(user),
      kind: 'PASSKEY_REMOVED',
      summary: `${user.name} removed the passkey “${passkey.name}”`,
    });
    await em.flush();
  }

  /** Options to sign in (second factor: the user's passkeys; passwordless: any discoverable passkey). */
  async passkeyAuthenticationOptions(rp: RelyingParty, passkeys: Passkey[] | null): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return await generateAuthenticationOptions({
      rpID: rp.rpID,
      allowCredentials: passkeys?.map((p) => ({ id: p.credentialId, transports: p.transports ?? undefined })),
      // Passwordless: the passkey is both factors, so the device must verify the person (PIN, biometrics).
      userVerification: passkeys ? 'preferred' : 'required',
    });
  }

  /** Records the challenge on a pending sign-in (cookie) and hands out the options. */
  async startSignInPasskey(em: EntityManager, challenge: AuthChallenge, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const passkeys = challenge.user ? await em.find(Passkey, { user: challenge.user.id }, unscoped('by user')) : null;
    if (passkeys && !passkeys.length) throw new InvalidSecondFactor('passkey');
    const options = await this.passkeyAuthenticationOptions(rp, passkeys);
    challenge.webauthnChallenge = options.challenge;
    await em.flush();
    return options;
  }

  async startStepUpPasskey(em: EntityManager, user: User, sessionId: string, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const passkeys = await em.find(Passkey, { user: user.id }, unscoped('by user'));
    if (!passkeys.length) throw new InvalidSecondFactor('passkey');
    const options = await this.passkeyAuthenticationOptions(rp, passkeys);
    await this.storeCeremony(em, sessionId, user, 'STEP_UP', options.challenge);
    return options;
  }

  async finishStepUpPasskey(em: EntityManager, user: User, sessionId: string, rp: RelyingParty, response: unknown, meta: ClientMeta): Promise<void> {
    const expectedChallenge = await this.takeCeremony(em, sessionId, 'STEP_UP');
    await this.verifyPasskey(em, rp, response, expectedChallenge, user, meta, false);
  }

  /**
   * Verifies a WebAuthn assertion against the stored public key and counter. `user` set: the passkey must be
   * theirs (second factor, step-up). Null: passwordless, the passkey names its user (user verification required).
   */
  async verifyPasskey(
    em: EntityManager,
    rp: RelyingParty,
    response: unknown,
    expectedChallenge: string,
    user: User | null,
    meta: ClientMeta,
    passwordless: boolean,
    challenge?: AuthChallenge,
  ): Promise<{ passkey: Passkey; user: User }> {
    const credentialId = typeof (response as { id?: unknown })?.id === 'string' ? (response as { id: string }).id : '';
    const passkey =
      credentialId && credentialId.length <= 1024
        ? await em.findOne(Passkey, { credentialId }, { ...unscoped('sign-in'), populate: ['user', 'user.organisation'] })
        : null;
    const owner = (passkey?.user as User | undefined) ?? user;
    if (owner) await this.brake(em, owner, meta);
    if (!passkey || (user && passkey.user.id !== user.id)) {
      if (owner) await this.failed(em, owner, meta, 'passkey', challenge);
      throw new InvalidSecondFactor('passkey');
    }
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        expectedChallenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
          counter: passkey.counter,
          transports: (passkey.transports ?? undefined) as never,
        },
        requireUserVerification: passwordless,
      });
    } catch {
      verification = null;
    }
    if (!verification?.verified) {
      await this.failed(em, passkey.user as User, meta, 'passkey', challenge);
      throw new InvalidSecondFactor('passkey');
    }
    Object.assign(passkey, {
      counter: verification.authenticationInfo.newCounter,
      lastUsedAt: this.now(),
      backedUp: verification.authenticationInfo.credentialBackedUp,
    });
    await em.flush();
    await clearRateLimit(em, `second-factor:user:${passkey.user.id}`);
    return { passkey, user: passkey.user as User };
  }

  async userOf(em: EntityManager, userId: string): Promise<User> {
    return await em.findOneOrFail(User, { id: userId }, { ...unscoped('by user'), populate: ['organisation'] });
  }
}
