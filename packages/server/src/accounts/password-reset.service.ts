import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit.service.js';
import { ValidationFailed } from '../common/app-error.js';
import type { Logger } from '../common/logger.js';
import { escapeHtml, type Mail, type Mailer } from '../common/mailer.js';
import { clearRateLimit, hitRateLimit, peekRateLimit } from '../common/rate-limiter.js';
import { SecretAttemptGuard } from '../common/secret-attempts.js';
import type { Config } from '../config/env.js';
import type { Viewer } from './viewer.js';
import { newToken, sha256 } from '../common/secret-tokens.js';
import { normaliseEmail } from './accounts.service.js';
import { PasswordReset } from './password-reset.entity.js';
import {
  PasswordResetLinkExpired,
  PasswordResetLinkInvalid,
  PasswordResetLinkUsed,
  PasswordResetUnavailable,
  TooManyPasswordChanges,
  TooManyPasswordResets,
} from './password-reset.errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { describeUserAgent } from './sessions-user-agent.js';
import { User } from './user.entity.js';
import { unscoped } from '../common/unscoped.js';

/** A reset link works this long, once. */
export const PASSWORD_RESET_TTL_MS = 45 * 60_000;
const RESET_REQUESTS_PER_EMAIL = 5;
const RESET_REQUESTS_PER_IP = 20;
const RESET_WINDOW_MS = 60 * 60_000;
/** Wrong reset links one IP may try per 15 minutes; wrong current passwords one user may give per 15 minutes. */
export const RESET_LINK_GUESSES = 20;
export const CURRENT_PASSWORD_GUESSES = 5;

interface Meta {
  ip: string;
  userAgent: string;
}

/**
 * Forgotten passwords (an emailed link: hashed, 45 minutes, single use; every session ends on reset; the same
 * answer whether or not the address has an account) and changing a password from Settings (needs the current one).
 */
export class PasswordResetService {
  private readonly linkGuard = new SecretAttemptGuard('reset links', RESET_LINK_GUESSES, 15 * 60_000);
  private readonly currentPasswordGuard = new SecretAttemptGuard('wrong current passwords', CURRENT_PASSWORD_GUESSES, 15 * 60_000);

  constructor(
    private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private get appUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port}`;
  }

  /**
   * Emails a reset link when the address has an account; answers the same either way (and, since the email is
   * sent in the background, in about the same time). Limited per address and per IP.
   */
  async request(em: EntityManager, rawEmail: string, meta: Meta): Promise<string> {
    if (!this.mailer.enabled) throw new PasswordResetUnavailable();
    const email = normaliseEmail(rawEmail);
    const [byIp, byEmail] = [
      await hitRateLimit(em, `password-reset:ip:${meta.ip}`, RESET_REQUESTS_PER_IP, RESET_WINDOW_MS),
      await hitRateLimit(em, `password-reset:email:${email}`, RESET_REQUESTS_PER_EMAIL, RESET_WINDOW_MS),
    ];
    if (!byIp.allowed || !byEmail.allowed) {
      throw new TooManyPasswordResets(Math.max(byIp.allowed ? 0 : byIp.retryAfterSeconds, byEmail.allowed ? 0 : byEmail.retryAfterSeconds));
    }
    const user = await em.findOne(User, { email }, unscoped('sign-in'));
    if (!user) return email;
    const token = newToken();
    await em.transactional(async (tx) => {
      const now = new Date(this.now());
      // Only the newest link works.
      await tx.nativeUpdate(PasswordReset, { user: user.id, usedAt: null }, { usedAt: now });
      tx.create(PasswordReset, { user: user.id, tokenHash: sha256(token), expiresAt: new Date(this.now() + PASSWORD_RESET_TTL_MS) });
      recordAudit(tx, {
        organisationId: user.organisation.id,
        actor: { type: 'SYSTEM' },
        kind: 'PASSWORD_RESET_REQUESTED',
        summary: `A password reset link was emailed to ${user.email} (asked from ${meta.ip.slice(0, 64)})`,
      });
      await tx.flush();
    });
    this.sendInBackground(this.resetMail(user.email, token), 'password reset');
    return email;
  }

  /** Sets a new password from a link; every session of the account ends. Does not sign in (a second factor may be due). */
  async reset(em: EntityManager, token: string, password: string, meta: Meta): Promise<User> {
    const guessKey = `password-reset-guess:ip:${meta.ip}`;
    await this.linkGuard.check(em, guessKey);
    const reset = /^[A-Za-z0-9_-]{43}$/.test(token)
      ? await em.findOne(PasswordReset, { tokenHash: sha256(token) }, { populate: ['user'], ...unscoped('secret link') })
      : null;
    if (!reset) {
      await this.linkGuard.fail(em, guessKey, this.log);
      throw new PasswordResetLinkInvalid();
    }
    if (reset.usedAt) throw new PasswordResetLinkUsed();
    if (reset.expiresAt.getTime() <= this.now()) throw new PasswordResetLinkExpired();
    const passwordHash = await hashPassword(password);
    const user = reset.user;
    const ended = await em.transactional(async (tx) => {
      const now = new Date(this.now());
      const claimed = await tx.nativeUpdate(PasswordReset, { id: reset.id, usedAt: null, expiresAt: { $gt: now } }, { usedAt: now });
      if (!claimed) throw new PasswordResetLinkUsed();
      await tx.nativeUpdate(PasswordReset, { user: user.id, usedAt: null }, { usedAt: now });
      // The link came by email: the address is verified from now on, if it was not before.
      await tx.nativeUpdate(User, { id: user.id }, { passwordHash, ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: now }) }, unscoped('secret link'));
      const count = await tx.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: now }, unscoped('secret link'));
      recordAudit(tx, {
        organisationId: user.organisation.id,
        actor: { type: 'USER', id: user.id, label: user.name },
        kind: 'PASSWORD_RESET',
        summary: `${user.name} set a new password from an emailed link (from ${meta.ip.slice(0, 64)}); ${count} ${count === 1 ? 'session' : 'sessions'} ended`,
      });
      await tx.flush();
      return count;
    });
    // A locked-out owner can sign in with the new password at once.
    await clearRateLimit(em, `sign-in:email:${user.email}`);
    this.sendInBackground(this.changedMail(user.email, 'reset', meta), 'password changed notice');
    this.log.info({ userId: user.id, sessionsEnded: ended }, 'password reset');
    return user;
  }

  /** Changes the viewer's password; their other sessions end, this one stays. */
  async change(em: EntityManager, viewer: Viewer, current: string, next: string, meta: Meta): Promise<number> {
    const key = `change-password:user:${viewer.userId}`;
    const state = await peekRateLimit(em, key, CURRENT_PASSWORD_GUESSES, 15 * 60_000);
    if (!state.allowed) throw new TooManyPasswordChanges(state.retryAfterSeconds);
    const user = await em.findOneOrFail(User, { id: viewer.userId }, { populate: ['passwordHash'] });
    if (!(await verifyPassword(current, user.passwordHash))) {
      const reachedLimit = await this.currentPasswordGuard.fail(em, key, this.log);
      recordAudit(em, {
        organisationId: viewer.organisationId,
        actor: { type: 'USER', id: user.id, label: user.name },
        kind: reachedLimit ? 'PASSWORD_CHANGE_LOCKED' : 'PASSWORD_CHANGE_FAILED',
        summary: reachedLimit
          ? `${user.name} gave a wrong current password ${CURRENT_PASSWORD_GUESSES} times; password changes paused for 15 minutes`
          : `${user.name} gave a wrong current password when changing it`,
      });
      await em.flush();
      throw new ValidationFailed([{ field: 'currentPassword', message: 'That is not your current password.' }]);
    }
    if (current === next) throw new ValidationFailed([{ field: 'newPassword', message: 'Choose a password different from your current one.' }]);
    user.passwordHash = await hashPassword(next);
    const now = new Date(this.now());
    const ended = await em.nativeUpdate(Session, { user: user.id, revokedAt: null, id: { $ne: viewer.sessionId } }, { revokedAt: now }, unscoped('by user'));
    recordAudit(em, {
      organisationId: viewer.organisationId,
      actor: { type: 'USER', id: user.id, label: user.name },
      kind: 'PASSWORD_CHANGED',
      summary: `${user.name} changed their password; ${ended} other ${ended === 1 ? 'session' : 'sessions'} ended`,
    });
    await em.flush();
    await clearRateLimit(em, key);
    this.sendInBackground(this.changedMail(user.email, 'changed', meta), 'password changed notice');
    return ended;
  }

  private sendInBackground(mail: Mail, what: string): void {
    if (!this.mailer.enabled) return;
    this.mailer.send(mail).catch((err: unknown) => this.log.warn({ err, what }, 'could not send an account email'));
  }

  private resetMail(email: string, token: string): Mail {
    const link = `${this.appUrl}/reset-password#token=${token}`;
    const minutes = Math.round(PASSWORD_RESET_TTL_MS / 60_000);
    return {
      to: email,
      subject: 'Reset your Vouch password',
      text:
        `Someone asked to reset the password of the Vouch account for ${email}. Open this link to choose a new one (it works for ${minutes} minutes, once):\n${link}\n\n` +
        `Setting a new password signs the account out everywhere.\n\nIf you did not ask, ignore this email: your password stays as it is.\n`,
      html:
        `<p>Someone asked to reset the password of the Vouch account for ${escapeHtml(email)}.</p>` +
        `<p><a href="${escapeHtml(link)}">Choose a new password</a> (the link works for ${minutes} minutes, once). Setting a new password signs the account out everywhere.</p>` +
        `<p>If you did not ask, ignore this email: your password stays as it is.</p>`,
    };
  }

  private changedMail(email: string, how: 'reset' | 'changed', meta: Meta): Mail {
    const reset = `${this.appUrl}/forgot-password`;
    const what =
      how === 'reset' ? 'was reset from an emailed link, and every session was signed out' : 'was changed in Settings, and your other sessions were signed out';
    const where = `${describeUserAgent(meta.userAgent)}, IP address ${meta.ip}`;
    return {
      to: email,
      subject: 'Your Vouch password was changed',
      text: `The password of your Vouch account (${email}) ${what} (${where}).\n\nIf this was not you, reset your password now: ${reset}\n`,
      html: `<p>The password of your Vouch account (${escapeHtml(email)}) ${escapeHtml(what)} (${escapeHtml(where)}).</p><p>If this was not you, <a href="${escapeHtml(reset)}">reset your password now</a>.</p>`,
    };
  }
}
