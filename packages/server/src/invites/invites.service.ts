import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Organisation } from '../accounts/organisation.entity.js';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { ValidationFailed } from '../common/app-error.js';
import type { Logger } from '../common/logger.js';
import { escapeHtml, type Mailer } from '../common/mailer.js';
import { validateEmail } from '@vouch/validation';
import { hitRateLimit } from '../common/rate-limiter.js';
import type { Config } from '../config/env.js';
import type { Viewer } from '../accounts/viewer.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { Invite, InviteStatus } from './invite.entity.js';
import { refreshSupplierFlags } from '../suppliers/supplier-flags.js';
import { matchesHash, newCode, newToken, sha256 } from '../common/secret-tokens.js';
import {
  CodeExpired,
  InviteExpired,
  InviteLocked,
  InviteNotFound,
  InviteNotLocked,
  InviteRevoked,
  NoEmailForSupplier,
  NotVerified,
  TooManyCodeRequests,
  TooManyInviteRequests,
  WrongCode,
} from './invites.errors.js';
import { unscoped } from '../common/unscoped.js';
import { isUuid } from '../common/ids.js';

export const CODE_TTL_MS = 10 * 60_000;
/** Wrong codes an invite takes, across every code sent, before it locks (until the buyer unlocks it). */
export const MAX_CODE_ATTEMPTS = 5;
const SUPPLIER_SESSION_MS = 2 * 60 * 60_000;
/** Invite emails sent at once (sendInviteEmail logs and swallows a failure, so one never stops the rest). */
const EMAIL_CONCURRENCY = 8;
const ACTIVE = [InviteStatus.SENT, InviteStatus.OPENED, InviteStatus.VERIFIED, InviteStatus.SUBMITTED];
/** Invites whose link still works for a supplier who has not answered yet (when not past expiry). */
const LIVE = [InviteStatus.SENT, InviteStatus.OPENED, InviteStatus.VERIFIED];

export interface IssuedInvite {
  invite: Invite;
  /** The link, returned to the buyer only when it was not emailed (no SMTP configured). */
  link: string | null;
}

export interface InviteOutcomes {
  issued: IssuedInvite[];
  /** Suppliers left alone because their invite is still live (a new one would withdraw the link they have). */
  skipped: Invite[];
}

export interface ClientMeta {
  ip: string;
  userAgent: string;
}

/** Invites: buyers send, resend and revoke them; suppliers open, verify by emailed code, and submit. */
export class InvitesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private baseUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port}`;
  }

  /** The token travels in the URL fragment, which browsers never send to servers (so never in logs). */
  linkFor(token: string): string {
    return `${this.baseUrl()}/invite#token=${token}`;
  }

  /** Effective status: an unfinished invite past its expiry is EXPIRED. */
  statusOf(invite: Invite): InviteStatus {
    if (
      (invite.status === InviteStatus.SENT || invite.status === InviteStatus.OPENED || invite.status === InviteStatus.VERIFIED) &&
      invite.expiresAt.getTime() < this.now()
    ) {
      return InviteStatus.EXPIRED;
    }
    return invite.status;
  }

  // ---------- buyer side ----------

  /**
   * Invites each supplier (to `email` instead of theirs, for one supplier). A supplier whose invite is still
   * live (sent, opened or confirmed, and not expired) is skipped unless `replaceLive`: a new invite would
   * withdraw the link they already have.
   */
  async invite(
    em: EntityManager,
    viewer: Viewer,
    supplierIds: string[],
    email: string | null | undefined,
    options: { replaceLive?: boolean } = {},
  ): Promise<InviteOutcomes> {
    const ids = [...new Set(supplierIds)];
    if (!ids.length) throw new ValidationFailed([{ field: 'supplierIds', message: 'Choose at least one supplier.' }]);
    if (ids.length > 500) throw new ValidationFailed([{ field: 'supplierIds', message: 'Invite at most 500 suppliers at once.' }]);
    if (email && ids.length > 1) throw new ValidationFailed([{ field: 'email', message: 'An email address can be given for one supplier at a time.' }]);
    if (email) {
      const checked = validateEmail(email, { required: true });
      if (!checked.ok) throw new ValidationFailed([{ field: 'email', message: checked.message }]);
      email = checked.normalised;
    }
    const found = await em.find(Supplier, { id: { $in: ids.filter((id) => isUuid(id)) } });
    if (found.length !== ids.length) throw new ValidationFailed([{ field: 'supplierIds', message: 'Some of those suppliers do not exist.' }]);
    const live = options.replaceLive
      ? []
      : await em.find(
          Invite,
          { supplier: { $in: ids }, status: { $in: LIVE }, expiresAt: { $gt: new Date(this.now()) } },
          { populate: ['supplier'], orderBy: { createdAt: 'desc', id: 'desc' } },
        );
    const skipped = [...new Map(live.map((i) => [i.supplier.id, i])).values()];
    const suppliers = found.filter((s) => !skipped.some((i) => i.supplier.id === s.id));
    const missing = suppliers.filter((s) => !(email ?? s.email));
    if (missing.length) throw new NoEmailForSupplier(missing.map((s) => s.name));
    if (!suppliers.length) return { issued: [], skipped };
    const inviteIds = suppliers.map((s) => s.id);
    const organisation = await em.findOneOrFail(Organisation, { id: viewer.organisationId });
    const inviter = await em.findOneOrFail(User, { id: viewer.userId });

    const issued = await em.transactional(async (tx) => {
      // A new invite replaces any unfinished one for the same supplier.
      await tx.nativeUpdate(
        Invite,
        { supplier: { $in: inviteIds }, status: { $in: ACTIVE.filter((s) => s !== InviteStatus.SUBMITTED) } },
        { status: InviteStatus.REVOKED, revokedAt: new Date(this.now()) },
      );
      const out: { invite: Invite; token: string }[] = [];
      for (const supplier of suppliers) {
        const token = newToken();
        const invite = tx.create(Invite, {
          organisation: viewer.organisationId,
          supplier,
          email: (email ?? supplier.email)!.trim(),
          tokenHash: sha256(token),
          status: InviteStatus.SENT,
          expiresAt: new Date(this.now() + this.config.invites.ttlMs),
          invitedBy: viewer.userId,
          emailed: this.mailer.enabled,
          lastSentAt: new Date(this.now()),
          nextReminderAt: this.mailer.enabled ? new Date(this.now() + this.config.invites.reminderEveryMs) : null,
        });
        recordAudit(tx, {
          organisationId: viewer.organisationId,
          supplierId: supplier.id,
          actor: { type: 'USER', id: inviter.id, label: inviter.name },
          kind: 'INVITE_SENT',
          summary: `${inviter.name} invited ${invite.email}${this.mailer.enabled ? '' : ' (link to copy)'}`,
        });
        out.push({ invite, token });
      }
      await tx.flush();
      await refreshSupplierFlags(tx, inviteIds);
      return out;
    });
    // A few at a time: a bulk invite of thousands must not take one SMTP round trip each, end to end.
    if (this.mailer.enabled) {
      const queue = [...issued];
      await Promise.all(
        Array.from({ length: Math.min(EMAIL_CONCURRENCY, queue.length) }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await this.sendInviteEmail(next.invite, next.token, organisation.name, false);
        }),
      );
    }
    return { issued: issued.map(({ invite, token }) => ({ invite, link: this.mailer.enabled ? null : this.linkFor(token) })), skipped };
  }

  /** A fresh link (the old one stops working) and a fresh expiry. */
  async resend(em: EntityManager, viewer: Viewer, inviteId: string): Promise<IssuedInvite> {
    const invite = await this.buyerInvite(em, inviteId);
    if (invite.status === InviteStatus.REVOKED) throw new InviteRevoked();
    const token = newToken();
    Object.assign(invite, {
      tokenHash: sha256(token),
      status: invite.status === InviteStatus.SUBMITTED ? InviteStatus.SUBMITTED : InviteStatus.SENT,
      expiresAt: new Date(this.now() + this.config.invites.ttlMs),
      lastSentAt: new Date(this.now()),
      emailed: this.mailer.enabled,
      codeHash: null,
      codeAttempts: 0,
      wrongCodeAttempts: 0,
      sessionHash: null,
      nextReminderAt: this.mailer.enabled ? new Date(this.now() + this.config.invites.reminderEveryMs) : null,
    });
    await this.recordBuyerAction(em, viewer, invite, 'INVITE_RESENT', 'resent');
    const organisation = await em.findOneOrFail(Organisation, { id: viewer.organisationId });
    if (this.mailer.enabled) await this.sendInviteEmail(invite, token, organisation.name, false);
    return { invite, link: this.mailer.enabled ? null : this.linkFor(token) };
  }

  async revoke(em: EntityManager, viewer: Viewer, inviteId: string): Promise<Invite> {
    const invite = await this.buyerInvite(em, inviteId);
    if (invite.status !== InviteStatus.REVOKED) {
      Object.assign(invite, { status: InviteStatus.REVOKED, revokedAt: new Date(this.now()), sessionHash: null, nextReminderAt: null });
      await this.recordBuyerAction(em, viewer, invite, 'INVITE_REVOKED', 'withdrew');
    }
    return invite;
  }

  /**
   * A locked invite works again, with the same link: the count of wrong codes starts afresh and the supplier
   * asks for a new code. Its status returns to where the supplier had got to.
   */
  async unlock(em: EntityManager, viewer: Viewer, inviteId: string): Promise<Invite> {
    const invite = await this.buyerInvite(em, inviteId);
    if (invite.status !== InviteStatus.LOCKED) throw new InviteNotLocked();
    const status = invite.submittedAt
      ? InviteStatus.SUBMITTED
      : invite.verifiedAt
        ? InviteStatus.VERIFIED
        : invite.openedAt
          ? InviteStatus.OPENED
          : InviteStatus.SENT;
    Object.assign(invite, { status, wrongCodeAttempts: 0, codeAttempts: 0, codeHash: null, codeExpiresAt: null });
    await this.recordBuyerAction(em, viewer, invite, 'INVITE_UNLOCKED', 'unlocked');
    return invite;
  }

  /** A buyer's action on one invite: audited in their name, stored, and the supplier list's flags refreshed. */
  private async recordBuyerAction(
    em: EntityManager,
    viewer: Viewer,
    invite: Invite,
    kind: 'INVITE_RESENT' | 'INVITE_REVOKED' | 'INVITE_UNLOCKED',
    verb: string,
  ): Promise<void> {
    const user = await em.findOneOrFail(User, { id: viewer.userId });
    recordAudit(em, {
      organisationId: viewer.organisationId,
      supplierId: invite.supplier.id,
      actor: { type: 'USER', id: user.id, label: user.name },
      kind,
      summary: `${user.name} ${verb} the invite to ${invite.email}`,
    });
    await em.flush();
    await refreshSupplierFlags(em, [invite.supplier.id]);
  }

  private async buyerInvite(em: EntityManager, inviteId: string): Promise<Invite> {
    if (!isUuid(inviteId)) throw new InviteNotFound();
    const invite = await em.findOne(Invite, { id: inviteId }, { populate: ['supplier'] });
    if (!invite) throw new InviteNotFound();
    return invite;
  }

  async latestFor(em: EntityManager, supplierId: string): Promise<Invite | null> {
    return await em.findOne(Invite, { supplier: supplierId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  private async sendInviteEmail(invite: Invite, token: string, organisationName: string, reminder: boolean): Promise<void> {
    const link = this.linkFor(token);
    const days = Math.max(1, Math.round((invite.expiresAt.getTime() - this.now()) / 86_400_000));
    const subject = `${reminder ? 'Reminder: ' : ''}${organisationName} asks you to confirm your supplier details`;
    const text = `${organisationName} uses Vouch to keep supplier details, including where they pay you, up to date.\n\nPlease check and confirm your details here (the link works for ${days} days):\n${link}\n\nYou will be asked for a code we email to this address.\n`;
    const html = `<p>${escapeHtml(organisationName)} uses Vouch to keep supplier details, including where they pay you, up to date.</p><p><a href="${escapeHtml(link)}">Check and confirm your details</a> (the link works for ${days} days).</p><p>You will be asked for a code we email to this address.</p>`;
    try {
      await this.mailer.send({ to: invite.email, subject, text, html });
    } catch (err) {
      this.log.error({ err: err instanceof Error ? err.message : 'error' }, 'invite email failed');
    }
  }

  /** Marks unfinished invites past their expiry as EXPIRED (cron), so list filters see them. */
  async expireOverdue(): Promise<number> {
    const em = this.orm.em.fork();
    const rows = await em.getConnection().execute<{ supplier_id: string }[]>(
      `update invites set status = 'EXPIRED', next_reminder_at = null, session_hash = null
        where status in ('SENT', 'OPENED', 'VERIFIED') and expires_at < ? returning supplier_id`,
      [new Date(this.now())],
    );
    await refreshSupplierFlags(em, [...new Set(rows.map((r) => r.supplier_id))]);
    return rows.length;
  }

  /** Due reminders (cron): unfinished, unexpired invites, up to the configured number. */
  async sendReminders(): Promise<number> {
    if (!this.mailer.enabled) return 0;
    const em = this.orm.em.fork();
    const due = await em.find(
      Invite,
      {
        status: { $in: [InviteStatus.SENT, InviteStatus.OPENED, InviteStatus.VERIFIED] },
        nextReminderAt: { $lte: new Date(this.now()) },
        expiresAt: { $gt: new Date(this.now()) },
      },
      { ...unscoped('job'), populate: ['organisation'], limit: 500 },
    );
    for (const invite of due) {
      // Reminders must not hand out a second live link: issue a fresh token and retire the old one.
      const token = newToken();
      invite.tokenHash = sha256(token);
      invite.remindersSent += 1;
      invite.nextReminderAt = invite.remindersSent >= this.config.invites.maxReminders ? null : new Date(this.now() + this.config.invites.reminderEveryMs);
      recordAudit(em, {
        organisationId: invite.organisation.id,
        supplierId: invite.supplier.id,
        actor: { type: 'SYSTEM' },
        kind: 'INVITE_REMINDER',
        summary: `Reminder ${invite.remindersSent} sent to ${invite.email}`,
      });
      await em.flush();
      await this.sendInviteEmail(invite, token, invite.organisation.name, true);
    }
    return due.length;
  }

  // ---------- supplier side (no account: the invite token, then the emailed code) ----------

  /** The invite behind a token, whatever its state. Rate-limited per IP. */
  private async find(token: string, meta: ClientMeta): Promise<Invite> {
    const em = this.orm.em.fork();
    const limit = await hitRateLimit(em, `invite-ip:${meta.ip}`, 120, 60_000);
    if (!limit.allowed) throw new TooManyInviteRequests(limit.retryAfterSeconds);
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) throw new InviteNotFound();
    const invite = await em.findOne(Invite, { tokenHash: sha256(token) }, { ...unscoped('secret link'), populate: ['supplier', 'organisation'] });
    if (!invite) throw new InviteNotFound();
    return invite;
  }

  /**
   * Who sent a link, also once it has expired, been withdrawn or locked: a page that can't be used still
   * names the business and how to reach it. Only what the link's holder was already shown.
   */
  async sender(token: string, meta: ClientMeta): Promise<Organisation> {
    return (await this.find(token, meta)).organisation as Organisation;
  }

  /** Finds the live invite for a token; every supplier-side call starts here. Rate-limited per IP. */
  async byToken(token: string, meta: ClientMeta): Promise<Invite> {
    const invite = await this.find(token, meta);
    const status = this.statusOf(invite);
    if (status === InviteStatus.REVOKED) throw new InviteRevoked();
    if (status === InviteStatus.EXPIRED) throw new InviteExpired();
    if (status === InviteStatus.LOCKED) throw new InviteLocked();
    return invite;
  }

  async open(token: string, meta: ClientMeta): Promise<Invite> {
    const invite = await this.byToken(token, meta);
    if (invite.status === InviteStatus.SENT) {
      const em = this.orm.em.fork();
      const moved = await em.nativeUpdate(
        Invite,
        { id: invite.id, status: InviteStatus.SENT },
        { status: InviteStatus.OPENED, openedAt: new Date(this.now()) },
        unscoped('secret link'),
      );
      if (moved) {
        recordAudit(em, {
          organisationId: invite.organisation.id,
          supplierId: invite.supplier.id,
          actor: { type: 'SUPPLIER', label: invite.email },
          kind: 'INVITE_OPENED',
          summary: `${invite.email} opened the invite`,
        });
        await em.flush();
        await refreshSupplierFlags(em, [invite.supplier.id]);
        invite.status = InviteStatus.OPENED;
      }
    }
    return invite;
  }

  async sendCode(token: string, meta: ClientMeta): Promise<{ sentTo: string; devCode: string | null }> {
    const invite = await this.byToken(token, meta);
    const em = this.orm.em.fork();
    const minute = await hitRateLimit(em, `invite-code:${invite.id}:min`, 1, 30_000);
    const hour = await hitRateLimit(em, `invite-code:${invite.id}:hour`, 5, 3_600_000);
    if (!minute.allowed || !hour.allowed)
      throw new TooManyCodeRequests(Math.max(minute.allowed ? 0 : minute.retryAfterSeconds, hour.allowed ? 0 : hour.retryAfterSeconds));
    const code = newCode();
    await em.nativeUpdate(
      Invite,
      { id: invite.id },
      { codeHash: sha256(code), codeExpiresAt: new Date(this.now() + CODE_TTL_MS), codeAttempts: 0, codeSentAt: new Date(this.now()) },
      unscoped('secret link'),
    );
    if (this.mailer.enabled) {
      await this.mailer.send({
        to: invite.email,
        subject: `Your Vouch code: ${code}`,
        text: `Your code is ${code}. It works for 10 minutes.\n\nIf you did not ask for it, ignore this email.`,
      });
    }
    // Without SMTP (local development only) the code is shown, as the invite link is.
    return { sentTo: maskEmail(invite.email), devCode: this.mailer.enabled ? null : code };
  }

  /** Checks the code (constant time, 10-minute expiry; 5 wrong codes per invite, across codes, then locked and the buyer told). */
  async verifyCode(token: string, code: string, meta: ClientMeta): Promise<{ invite: Invite; sessionToken: string; expiresAt: Date }> {
    const invite = await this.byToken(token, meta);
    const em = this.orm.em.fork();
    // Count the guess first, atomically, so parallel guesses cannot exceed the limit; the count is per invite
    // and survives new codes, so asking for another code buys no more guesses. No code: nothing to guess.
    const [row] = await em.getConnection().execute<{ wrong_code_attempts: number; code_hash: string; code_expires_at: Date | null }[]>(
      `update invites set code_attempts = code_attempts + 1, wrong_code_attempts = wrong_code_attempts + 1
        where id = ? and code_hash is not null returning wrong_code_attempts, code_hash, code_expires_at`,
      [invite.id],
    );
    if (!row) {
      // No code to guess: none was sent, or a parallel guess has just locked the invite (which clears it).
      const now = await em.findOne(Invite, { id: invite.id }, { ...unscoped('secret link'), fields: ['status'] });
      throw now?.status === InviteStatus.LOCKED ? new InviteLocked() : new CodeExpired();
    }
    const ok = /^\d{6}$/.test(code) && matchesHash(code, row.code_hash);
    if (ok && row.wrong_code_attempts <= MAX_CODE_ATTEMPTS) {
      if (!row.code_expires_at || new Date(row.code_expires_at).getTime() < this.now()) throw new CodeExpired();
      const sessionToken = newToken();
      const expiresAt = new Date(Math.min(this.now() + SUPPLIER_SESSION_MS, invite.expiresAt.getTime()));
      await em.nativeUpdate(
        Invite,
        { id: invite.id },
        {
          codeHash: null,
          codeAttempts: 0,
          wrongCodeAttempts: 0,
          sessionHash: sha256(sessionToken),
          sessionExpiresAt: expiresAt,
          ...(invite.status === InviteStatus.SUBMITTED ? {} : { status: InviteStatus.VERIFIED }),
          verifiedAt: new Date(this.now()),
        },
        unscoped('secret link'),
      );
      recordAudit(em, {
        organisationId: invite.organisation.id,
        supplierId: invite.supplier.id,
        actor: { type: 'SUPPLIER', label: invite.email },
        kind: 'EMAIL_VERIFIED',
        summary: `${invite.email} confirmed control of the email address`,
      });
      await em.flush();
      await refreshSupplierFlags(em, [invite.supplier.id]);
      return { invite, sessionToken, expiresAt };
    }
    if (row.wrong_code_attempts >= MAX_CODE_ATTEMPTS) {
      // Parallel wrong guesses may all reach the limit: one of them locks, records it and tells the buyer.
      const locked = await em.nativeUpdate(
        Invite,
        { id: invite.id, status: { $ne: InviteStatus.LOCKED } },
        { status: InviteStatus.LOCKED, codeHash: null, sessionHash: null, nextReminderAt: null },
        unscoped('secret link'),
      );
      if (locked) {
        recordAudit(em, {
          organisationId: invite.organisation.id,
          supplierId: invite.supplier.id,
          actor: { type: 'SYSTEM' },
          kind: 'INVITE_LOCKED',
          summary: `Invite locked after ${MAX_CODE_ATTEMPTS} wrong codes`,
        });
        await em.flush();
        await refreshSupplierFlags(em, [invite.supplier.id]);
        await this.tellInviterOfLock(invite);
      }
      throw new InviteLocked();
    }
    throw new WrongCode(MAX_CODE_ATTEMPTS - row.wrong_code_attempts);
  }

  private async tellInviterOfLock(invite: Invite): Promise<void> {
    if (!this.mailer.enabled) return;
    const inviter = await this.orm.em.fork().findOne(User, { id: invite.invitedBy }, unscoped('secret link'));
    if (!inviter) return;
    await this.mailer
      .send({
        to: inviter.email,
        subject: `Vouch: an invite to ${invite.supplier.name} was locked`,
        text: `Someone entered ${MAX_CODE_ATTEMPTS} wrong codes on the invite sent to ${invite.email} for ${invite.supplier.name}. The invite is locked; if this was them, unlock it (or send a new link) from the supplier's page.`,
      })
      .catch((err: unknown) => this.log.error({ err: err instanceof Error ? err.message : 'error' }, 'lock notice failed'));
  }

  /** The invite behind a verified supplier session (token + session cookie must both match). */
  async verified(token: string, sessionToken: string | undefined, meta: ClientMeta): Promise<Invite> {
    const invite = await this.byToken(token, meta);
    if (!sessionToken || !matchesHash(sessionToken, invite.sessionHash) || !invite.sessionExpiresAt || invite.sessionExpiresAt.getTime() < this.now()) {
      throw new NotVerified();
    }
    return invite;
  }
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(1, Math.min(6, local.length - 1)))}@${domain}`;
}
