import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { Logger } from '../common/logger.js';
import { escapeHtml, type Mail, type Mailer } from '../common/mailer.js';
import { hitRateLimit } from '../common/rate-limiter.js';
import { SecretAttemptGuard } from '../common/secret-attempts.js';
import { TokenCrypto } from '../common/token-crypto.js';
import type { Config } from '../config/env.js';
import type { Viewer } from './viewer.js';
import { User } from './user.entity.js';
import { unscoped } from '../common/unscoped.js';
import { isUuid } from '../common/ids.js';

const PURPOSE = 'vouch.verify-email.v1';
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60_000;

export class EmailUnavailable extends AppError {
  constructor() {
    super('UNAVAILABLE', 'EMAIL_UNAVAILABLE', 'This Vouch server cannot send email, so addresses can’t be verified yet.');
  }
}

export class TooManyVerificationEmails extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_VERIFICATION_EMAILS', 'A verification link was sent a few times already. Check your inbox, or try again later.', {
      retryAfterSeconds,
    });
  }
}

export class VerificationLinkInvalid extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'VERIFICATION_LINK_INVALID', 'This verification link is not valid. Copy the whole link, or send a new one from Settings.');
  }
}

export class VerificationLinkExpired extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'VERIFICATION_LINK_EXPIRED', 'This verification link has expired. Send a new one from Settings.');
  }
}

/**
 * Verifying a user's email address. Sign-up with email confirmation, joining from an emailed team invite and
 * resetting a password by link verify it on the way; accounts made on a server without email (or from a copied
 * invite link) verify it from Settings with a link like sign-up's: sealed (AES-256-GCM, the token keys), 24 hours,
 * in the URL fragment, nothing stored. Opening it twice is harmless.
 */
export class EmailVerificationService {
  private readonly crypto: TokenCrypto;
  private readonly guard = new SecretAttemptGuard('verification links', 20, 15 * 60_000);

  constructor(
    private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.crypto = new TokenCrypto(config.tokenKeys);
  }

  /** Emails the viewer a link; answers where it went. */
  async send(em: EntityManager, viewer: Viewer): Promise<string> {
    if (!this.mailer.enabled) throw new EmailUnavailable();
    const user = await em.findOneOrFail(User, { id: viewer.userId });
    if (user.emailVerifiedAt) return user.email;
    const hit = await hitRateLimit(em, `verify-email:user:${user.id}`, 5, 60 * 60_000);
    if (!hit.allowed) throw new TooManyVerificationEmails(hit.retryAfterSeconds);
    const token = this.crypto.encrypt(
      JSON.stringify({ purpose: PURPOSE, userId: user.id, email: user.email, expiresAt: this.now() + EMAIL_VERIFICATION_TTL_MS }),
    );
    await this.mailer.send(this.mail(user.email, `${this.config.publicUrl ?? `http://localhost:${this.config.port}`}/verify-email#token=${token}`));
    return user.email;
  }

  /** Opens a link (signed in or not). Returns the verified address. */
  async verify(em: EntityManager, token: string, ip: string): Promise<string> {
    const key = `verify-email-guess:ip:${ip}`;
    await this.guard.check(em, key);
    let sealed: { purpose?: unknown; userId?: unknown; email?: unknown; expiresAt?: unknown };
    try {
      sealed = JSON.parse(this.crypto.decrypt(token)) as typeof sealed;
    } catch {
      sealed = {};
    }
    const user =
      sealed.purpose === PURPOSE && typeof sealed.userId === 'string' && isUuid(sealed.userId)
        ? await em.findOne(User, { id: sealed.userId }, unscoped('secret link'))
        : null;
    if (!user || user.email !== sealed.email) {
      // A link for an address the account no longer has is as good as a wrong one.
      await this.guard.fail(em, key, this.log);
      throw new VerificationLinkInvalid();
    }
    if (typeof sealed.expiresAt !== 'number' || sealed.expiresAt < this.now()) throw new VerificationLinkExpired();
    if (!user.emailVerifiedAt) {
      user.emailVerifiedAt = new Date(this.now());
      recordAudit(em, {
        organisationId: user.organisation.id,
        actor: { type: 'USER', id: user.id, label: user.name },
        kind: 'ACCOUNT_EMAIL_VERIFIED',
        summary: `${user.name} verified ${user.email}`,
      });
      await em.flush();
    }
    return user.email;
  }

  private mail(email: string, link: string): Mail {
    return {
      to: email,
      subject: 'Verify your email address for Vouch',
      text: `Open this link to confirm that ${email} is yours (it works for 24 hours):\n${link}\n\nIf you did not ask for this, ignore this email.\n`,
      html: `<p><a href="${escapeHtml(link)}">Confirm that ${escapeHtml(email)} is yours</a> (the link works for 24 hours).</p><p>If you did not ask for this, ignore this email.</p>`,
    };
  }
}
