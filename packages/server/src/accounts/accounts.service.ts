import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config/env.js';
import { ValidationFailed, type AppError } from '../common/app-error.js';
import { escapeHtml, type Mail, type Mailer } from '../common/mailer.js';
import { clearRateLimit, hitRateLimit } from '../common/rate-limiter.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Viewer } from './viewer.js';
import { TokenCrypto } from '../common/token-crypto.js';
import {
  AccountAlreadyCreated,
  EmailTaken,
  InvalidCredentials,
  SignUpLinkExpired,
  SignUpLinkInvalid,
  TooManySignInAttempts,
  TooManySignUps,
} from './accounts.errors.js';
import type { SignInInput, SignUpInput } from './accounts.input.js';
import { Organisation } from './organisation.entity.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { Role } from './role.js';
import { Session } from './session.entity.js';
import type { SessionsService } from './sessions.service.js';
import { User } from './user.entity.js';
import { unscoped } from '../common/unscoped.js';

export interface ClientMeta {
  ip: string;
  userAgent: string;
  /** The browser's `vouch_device` id (sessions-device-cookie.ts), when the request came over HTTP. */
  deviceToken?: string | undefined;
}

export interface SignedIn {
  user: User;
  sessionToken: string;
  expiresAt: Date;
}

export type SignUpOutcome = { kind: 'signed-in'; signedIn: SignedIn } | { kind: 'confirmation-sent'; email: string };

/** What a sign-up link seals until it is opened. */
interface PendingSignUp {
  organisationName: string;
  name: string;
  email: string;
  passwordHash: string;
}

const SIGN_UP_PURPOSE = 'vouch.sign-up.v1';
const SIGN_UP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AccountsService {
  private readonly crypto: TokenCrypto;

  constructor(
    private readonly config: Config,
    /** Remembers browsers (new-browser emails) and when sessions were last used; absent in bare unit use. */
    private readonly sessions?: SessionsService,
  ) {
    this.crypto = new TokenCrypto(config.tokenKeys);
  }

  /**
   * With email confirmation (SMTP configured), the answer is the same whether or not the address has an
   * account: a new address gets a link to finish (the account is created when it is opened), an existing one
   * gets a notice addressed to its owner. Both paths hash the password and send one email, so neither the
   * response nor its timing tells them apart. Without email, sign-up signs in at once (and a taken address
   * is a CONFLICT: there is no way to tell its owner instead). Attempts are limited per IP and per address.
   */
  async signUp(em: EntityManager, input: SignUpInput, meta: ClientMeta, mailer: Mailer): Promise<SignUpOutcome> {
    const organisationName = input.organisationName.trim();
    const name = input.name.trim();
    const problems = [
      ...(organisationName ? [] : [{ field: 'organisationName', message: 'Enter your organisation name.' }]),
      ...(name ? [] : [{ field: 'name', message: 'Enter your name.' }]),
    ];
    if (problems.length) throw new ValidationFailed(problems);
    const email = normaliseEmail(input.email);
    const { perEmail, perIp, windowMs, emailConfirmation } = this.config.signUp;
    const [byIp, byEmail] = [
      await hitRateLimit(em, `sign-up:ip:${meta.ip}`, perIp, windowMs),
      await hitRateLimit(em, `sign-up:email:${email}`, perEmail, windowMs),
    ];
    if (!byIp.allowed || !byEmail.allowed) {
      throw new TooManySignUps(Math.max(byIp.allowed ? 0 : byIp.retryAfterSeconds, byEmail.allowed ? 0 : byEmail.retryAfterSeconds));
    }
    const passwordHash = await hashPassword(input.password);
    const details: PendingSignUp = { organisationName, name, email, passwordHash };

    if (emailConfirmation && mailer.enabled) {
      const taken = await em.count(User, { email }, unscoped('unique across organisations'));
      await mailer.send(taken ? this.existingAccountMail(email) : this.confirmationMail(details));
      return { kind: 'confirmation-sent', email };
    }
    return { kind: 'signed-in', signedIn: await this.createAccount(em, details, meta, () => new EmailTaken()) };
  }

  /** Opens the emailed link: creates the organisation and its ADMIN, and signs in. */
  async confirmSignUp(em: EntityManager, token: string, meta: ClientMeta, now = new Date()): Promise<SignedIn> {
    let pending: PendingSignUp & { purpose?: unknown; expiresAt?: unknown };
    try {
      pending = JSON.parse(this.crypto.decrypt(token)) as typeof pending;
    } catch {
      throw new SignUpLinkInvalid();
    }
    if (pending.purpose !== SIGN_UP_PURPOSE || typeof pending.expiresAt !== 'number' || typeof pending.email !== 'string') throw new SignUpLinkInvalid();
    if (pending.expiresAt < now.getTime()) throw new SignUpLinkExpired();
    const { organisationName, name, email, passwordHash } = pending;
    const signedIn = await this.createAccount(em, { organisationName, name, email, passwordHash }, meta, () => new AccountAlreadyCreated());
    // Only the mailbox's owner holds the link: opening it verifies the address.
    await em.nativeUpdate(User, { id: signedIn.user.id }, { emailVerifiedAt: now }, unscoped('secret link'));
    signedIn.user.emailVerifiedAt = now;
    return signedIn;
  }

  private async createAccount(em: EntityManager, details: PendingSignUp, meta: ClientMeta, taken: () => AppError): Promise<SignedIn> {
    try {
      return await em.transactional(async (tx) => {
        if (await tx.count(User, { email: details.email }, unscoped('unique across organisations'))) throw taken();
        const organisation = tx.create(Organisation, { name: details.organisationName });
        const user = tx.create(User, { organisation, email: details.email, name: details.name, role: Role.ADMIN, passwordHash: details.passwordHash });
        return await this.openSession(tx, user, meta);
      });
    } catch (error) {
      // Two sign-ups racing for one email: the unique index decides.
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  private get appUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port}`;
  }

  /** The link carries the sign-up sealed (AES-256-GCM, the token keys) in its fragment: nothing is stored until it is opened. */
  private confirmationMail(details: PendingSignUp): Mail {
    const expiresAt = Date.now() + SIGN_UP_LINK_TTL_MS;
    const token = this.crypto.encrypt(JSON.stringify({ purpose: SIGN_UP_PURPOSE, expiresAt, ...details }));
    const link = `${this.appUrl}/sign-up/confirm#token=${token}`;
    return {
      to: details.email,
      subject: 'Finish creating your Vouch account',
      text: `Open this link to finish creating the Vouch account for ${details.organisationName} (it works for 24 hours):\n${link}\n\nIf you did not sign up, ignore this email: no account is created.\n`,
      html: `<p><a href="${escapeHtml(link)}">Finish creating the Vouch account for ${escapeHtml(details.organisationName)}</a> (the link works for 24 hours).</p><p>If you did not sign up, ignore this email: no account is created.</p>`,
    };
  }

  private existingAccountMail(email: string): Mail {
    const signIn = `${this.appUrl}/sign-in`;
    return {
      to: email,
      subject: 'Your Vouch account',
      text: `Someone tried to create a Vouch account with this email address, which already has one. If it was you, sign in instead:\n${signIn}\n\nIf it was not you, ignore this email: nothing has changed.\n`,
      html: `<p>Someone tried to create a Vouch account with this email address, which already has one. If it was you, <a href="${escapeHtml(signIn)}">sign in</a> instead.</p><p>If it was not you, ignore this email: nothing has changed.</p>`,
    };
  }

  /**
   * `secondFactorDue` (accounts/two-factor) decides, once the password is right, whether a second factor
   * comes before the session; then the answer is `{ secondFactorFor }` and no session is opened.
   */
  async signIn(
    em: EntityManager,
    input: SignInInput,
    meta: ClientMeta,
    secondFactorDue?: (user: User) => Promise<boolean>,
  ): Promise<SignedIn | { secondFactorFor: User }> {
    const email = normaliseEmail(input.email);
    const { perEmail, perIp, windowMs } = this.config.signInLimits;
    const emailKey = `sign-in:email:${email}`;
    const [byEmail, byIp] = [await hitRateLimit(em, emailKey, perEmail, windowMs), await hitRateLimit(em, `sign-in:ip:${meta.ip}`, perIp, windowMs)];
    if (!byEmail.allowed || !byIp.allowed) {
      throw new TooManySignInAttempts(Math.max(byEmail.allowed ? 0 : byEmail.retryAfterSeconds, byIp.allowed ? 0 : byIp.retryAfterSeconds));
    }
    // Sign-in is the one place that looks a user up before knowing the organisation.
    const user = await em.findOne(User, { email }, { ...unscoped('sign-in'), populate: ['passwordHash', 'organisation'] });
    const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      if (user) {
        // Audited in the account's organisation (an unknown email has none); bounded by the limits above.
        recordAudit(em, {
          organisationId: user.organisation.id,
          actor: { type: 'USER', id: user.id, label: user.name },
          kind: 'SIGN_IN_FAILED',
          summary: `Wrong password for ${user.name} (from ${meta.ip.slice(0, 64)})`,
        });
        await em.flush();
      }
      throw new InvalidCredentials();
    }
    await clearRateLimit(em, emailKey);
    if (await secondFactorDue?.(user)) return { secondFactorFor: user };
    return await em.transactional((tx) => this.openSession(tx, user, meta, { method: 'password' }));
  }

  /** `method` set: a sign-in, audited with how it was proved. `secondFactorAt`: the session starts stepped up. */
  async openSession(em: EntityManager, user: User, meta: ClientMeta, options: { method?: string; secondFactorAt?: Date } = {}): Promise<SignedIn> {
    const sessionToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMs);
    em.create(Session, {
      tokenHash: hashToken(sessionToken),
      user,
      organisation: user.organisation,
      expiresAt,
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent.slice(0, 512),
      secondFactorAt: options.secondFactorAt ?? null,
    });
    if (options.method) {
      recordAudit(em, {
        organisationId: user.organisation.id,
        actor: { type: 'USER', id: user.id, label: user.name },
        kind: 'SIGNED_IN',
        summary: `${user.name} signed in with ${options.method} (from ${meta.ip.slice(0, 64)})`,
      });
    }
    await em.flush();
    if (this.sessions) {
      const { newBrowser } = await this.sessions.rememberBrowser(em, user.id, meta.deviceToken);
      if (newBrowser) this.sessions.alertNewBrowser(user, meta);
    }
    return { user, sessionToken, expiresAt };
  }

  /** The viewer behind a session cookie, or null when it is unknown, revoked or expired. */
  async viewerForSession(em: EntityManager, token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 128) return null;
    const session = await em.findOne(
      Session,
      { tokenHash: hashToken(token), revokedAt: null, expiresAt: { $gt: new Date() } },
      { populate: ['user', 'organisation'], ...unscoped('sign-in') },
    );
    if (!session) return null;
    await this.sessions?.touch(em, session);
    return {
      userId: session.user.id,
      organisationId: session.organisation.id,
      role: session.user.role,
      sessionId: session.id,
      secondFactorAt: session.secondFactorAt,
      // Sessions opened before the organisation required two-factor (or by someone who has none) enrol first.
      mustEnrolTwoFactor: session.organisation.requireTwoFactor && !session.secondFactorAt,
    };
  }

  async signOut(em: EntityManager, sessionId: string): Promise<void> {
    await em.nativeUpdate(Session, { id: sessionId }, { revokedAt: new Date() });
  }

  /** Revokes every session of a user (e.g. after a password change or removal). */
  async revokeAllSessions(em: EntityManager, userId: string): Promise<number> {
    return await em.nativeUpdate(Session, { user: userId, revokedAt: null }, { revokedAt: new Date() });
  }

  async viewerUser(em: EntityManager, viewer: Viewer): Promise<User> {
    return await em.findOneOrFail(User, { id: viewer.userId }, { populate: ['organisation'] });
  }
}
