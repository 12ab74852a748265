import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config/env.js';
import { ValidationFailed } from '../common/app-error.js';
import { clearRateLimit, hitRateLimit } from '../common/rate-limiter.js';
import type { Viewer } from '../graphql/context.js';
import { EmailTaken, InvalidCredentials, TooManySignInAttempts } from './accounts.errors.js';
import type { SignInInput, SignUpInput } from './accounts.input.js';
import { Organisation } from './organisation.entity.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { Role } from './role.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export interface ClientMeta {
  ip: string;
  userAgent: string;
}

export interface SignedIn {
  user: User;
  sessionToken: string;
  expiresAt: Date;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AccountsService {
  constructor(private readonly config: Config) {}

  async signUp(em: EntityManager, input: SignUpInput, meta: ClientMeta): Promise<SignedIn> {
    const organisationName = input.organisationName.trim();
    const name = input.name.trim();
    const problems = [
      ...(organisationName ? [] : [{ field: 'organisationName', message: 'Enter your organisation name.' }]),
      ...(name ? [] : [{ field: 'name', message: 'Enter your name.' }]),
    ];
    if (problems.length) throw new ValidationFailed(problems);
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    try {
      return await em.transactional(async (tx) => {
        const taken = await tx.count(User, { email }, { filters: false });
        if (taken) throw new EmailTaken();
        const organisation = tx.create(Organisation, { name: organisationName });
        const user = tx.create(User, { organisation, email, name, role: Role.ADMIN, passwordHash });
        return await this.openSession(tx, user, meta);
      });
    } catch (error) {
      // Two sign-ups racing for one email: the unique index decides.
      if (error instanceof UniqueConstraintViolationException) throw new EmailTaken();
      throw error;
    }
  }

  async signIn(em: EntityManager, input: SignInInput, meta: ClientMeta): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    const { perEmail, perIp, windowMs } = this.config.signInLimits;
    const emailKey = `sign-in:email:${email}`;
    const [byEmail, byIp] = [
      await hitRateLimit(em, emailKey, perEmail, windowMs),
      await hitRateLimit(em, `sign-in:ip:${meta.ip}`, perIp, windowMs),
    ];
    if (!byEmail.allowed || !byIp.allowed) {
      throw new TooManySignInAttempts(Math.max(byEmail.allowed ? 0 : byEmail.retryAfterSeconds, byIp.allowed ? 0 : byIp.retryAfterSeconds));
    }
    // Sign-in is the one place that looks a user up before knowing the organisation.
    const user = await em.findOne(User, { email }, { filters: false, populate: ['passwordHash', 'organisation'] });
    const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new InvalidCredentials();
    await clearRateLimit(em, emailKey);
    return await em.transactional((tx) => this.openSession(tx, user, meta));
  }

  private async openSession(em: EntityManager, user: User, meta: ClientMeta): Promise<SignedIn> {
    const sessionToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMs);
    em.create(Session, {
      tokenHash: hashToken(sessionToken),
      user,
      organisation: user.organisation,
      expiresAt,
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent.slice(0, 512),
    });
    await em.flush();
    return { user, sessionToken, expiresAt };
  }

  /** The viewer behind a session cookie, or null when it is unknown, revoked or expired. */
  async viewerForSession(em: EntityManager, token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 128) return null;
    const session = await em.findOne(
      Session,
      { tokenHash: hashToken(token), revokedAt: null, expiresAt: { $gt: new Date() } },
      { populate: ['user'], filters: false },
    );
    if (!session) return null;
    return {
      userId: session.user.id,
      organisationId: session.organisation.id,
      role: session.user.role,
      sessionId: session.id,
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
