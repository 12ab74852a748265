import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { ApiKey } from '../../api-keys/api-key.entity.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ValidationFailed } from '../../common/app-error.js';
import type { Logger } from '../../common/logger.js';
import { escapeHtml, type Mail, type Mailer } from '../../common/mailer.js';
import { hitRateLimit } from '../../common/rate-limiter.js';
import { SecretAttemptGuard } from '../../common/secret-attempts.js';
import type { Config } from '../../config/env.js';
import type { Viewer } from '../viewer.js';
import { newToken, sha256 } from '../../common/secret-tokens.js';
import type { AccountsService, SignedIn } from '../accounts.service.js';
import { normaliseEmail } from '../accounts.service.js';
import { Organisation } from '../organisation.entity.js';
import { hashPassword } from '../password.js';
import { Role } from '../role.js';
import { Session } from '../session.entity.js';
import type { BrowserMeta } from '../sessions.service.js';
import { User } from '../user.entity.js';
import {
  AlreadyOnTeam,
  CannotRemoveYourself,
  CannotResetOwnTwoFactor,
  NoTwoFactorToReset,
  EmailHasAccount,
  InvitePending,
  LastAdmin,
  TeamInviteExpired,
  TeamInviteLinkInvalid,
  TeamInviteNotFound,
  TeamInviteUsed,
  TeamInviteWithdrawn,
  TeamMemberNotFound,
  TooManyTeamInvites,
} from './team.errors.js';
import { TeamInvite } from './team-invite.entity.js';
import type { TwoFactorService } from '../two-factor/two-factor.service.js';
import { unscoped } from '../../common/unscoped.js';
import { isUuid } from '../../common/ids.js';

/** How long an invitation link works. */
export const TEAM_INVITE_TTL_MS = 7 * 86_400_000;
/** Invitations (new and resent) one organisation may send per hour: enough for onboarding, not for spam. */
export const TEAM_INVITES_PER_HOUR = 30;
/** Wrong invitation links one IP may try per 15 minutes before every attempt is refused for a while. */
export const TEAM_INVITE_GUESSES = 20;

const ROLE_WORDS: Record<Role, string> = {
  ADMIN: 'an admin (manages the team, settings and API keys, and reviews changes)',
  APPROVER: 'an approver (reviews and accepts supplier changes)',
  VIEWER: 'a viewer (sees suppliers, with bank numbers masked)',
};

export interface IssuedTeamInvite {
  invite: TeamInvite;
  /** The link to copy, only when it was not emailed (no SMTP). */
  link: string | null;
}

export interface TeamInvitePreview {
  organisationName: string;
  email: string;
  role: Role;
  invitedByName: string;
  expiresAt: Date;
}

/**
 * The team of an organisation: ADMINs invite people by email with a role, resend and withdraw invitations,
 * change roles and remove people; the invitee sets a name and password from the link. The last ADMIN can be
 * neither removed nor demoted. Everything is in the organisation's audit log.
 */
export class TeamService {
  private readonly guard = new SecretAttemptGuard('invitation links', TEAM_INVITE_GUESSES, 15 * 60_000);

  constructor(
    private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly accounts: AccountsService,
    private readonly twoFactor: TwoFactorService,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private get appUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port}`;
  }

  /** The token travels in the fragment, which browsers never send to servers (so it is in no log). */
  linkFor(token: string): string {
    return `${this.appUrl}/join#token=${token}`;
  }

  async members(em: EntityManager): Promise<{ users: User[]; withTwoFactor: Set<string> }> {
    const [users, withTwoFactor] = await Promise.all([em.find(User, {}, { orderBy: { name: 'asc', email: 'asc' } }), this.twoFactor.membersWithFactor(em)]);
    return { users, withTwoFactor };
  }

  /** Invitations not yet accepted or withdrawn (expired ones too, so they can be resent). */
  async openInvites(em: EntityManager): Promise<TeamInvite[]> {
    return await em.find(TeamInvite, { acceptedAt: null, revokedAt: null }, { orderBy: { createdAt: 'desc' } });
  }

  /** Signs a member out everywhere (their open websockets close too: see graphql/live-sockets.ts). */
  private async endSessions(tx: EntityManager, userId: string, now: Date): Promise<number> {
    return await tx.nativeUpdate(Session, { user: userId, revokedAt: null, expiresAt: { $gt: now } }, { revokedAt: now }, unscoped('by user'));
  }

  private async actor(em: EntityManager, viewer: Viewer): Promise<User> {
    return await em.findOneOrFail(User, { id: viewer.userId });
  }

  private async countSend(em: EntityManager, viewer: Viewer): Promise<void> {
    const hit = await hitRateLimit(em, `team-invite:org:${viewer.organisationId}`, TEAM_INVITES_PER_HOUR, 60 * 60_000);
    if (!hit.allowed) throw new TooManyTeamInvites(hit.retryAfterSeconds);
  }

  async invite(em: EntityManager, viewer: Viewer, input: { email: string; role: Role }): Promise<IssuedTeamInvite> {
    const email = normaliseEmail(input.email);
    if (!Object.values(Role).includes(input.role)) throw new ValidationFailed([{ field: 'role', message: 'Choose Admin, Approver or Viewer.' }]);
    if (await em.count(User, { email })) throw new AlreadyOnTeam(email);
    if (await em.count(TeamInvite, { email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date(this.now()) } })) throw new InvitePending(email);
    await this.countSend(em, viewer);
    const inviter = await this.actor(em, viewer);
    const token = newToken();
    const invite = await em.transactional(async (tx) => {
      // An expired invitation to the same address is replaced by this one.
      await tx.nativeUpdate(TeamInvite, { email, acceptedAt: null, revokedAt: null }, { revokedAt: new Date(this.now()) });
      const created = tx.create(TeamInvite, {
        organisation: viewer.organisationId,
        email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: inviter.id,
        invitedByName: inviter.name,
        expiresAt: new Date(this.now() + TEAM_INVITE_TTL_MS),
        lastSentAt: new Date(this.now()),
        emailed: this.mailer.enabled,
      });
      recordAudit(tx, {
        organisationId: viewer.organisationId,
        actor: { type: 'USER', id: inviter.id, label: inviter.name },
        kind: 'TEAM_INVITE_SENT',
        summary: `${inviter.name} invited ${email} as ${input.role}${this.mailer.enabled ? '' : ' (link to copy)'}`,
      });
      await tx.flush();
      return created;
    });
    return await this.deliver(em, invite, token);
  }

  /** A fresh link (the old one stops working) and a fresh expiry. */
  async resend(em: EntityManager, viewer: Viewer, inviteId: string): Promise<IssuedTeamInvite> {
    const invite = await this.openInvite(em, inviteId);
    await this.countSend(em, viewer);
    const inviter = await this.actor(em, viewer);
    const token = newToken();
    Object.assign(invite, {
      tokenHash: sha256(token),
      expiresAt: new Date(this.now() + TEAM_INVITE_TTL_MS),
      lastSentAt: new Date(this.now()),
      emailed: this.mailer.enabled,
    });
    recordAudit(em, {
      organisationId: viewer.organisationId,
      actor: { type: 'USER', id: inviter.id, label: inviter.name },
      kind: 'TEAM_INVITE_RESENT',
      summary: `${inviter.name} resent the invitation to ${invite.email}`,
    });
    await em.flush();
    return await this.deliver(em, invite, token);
  }

  async withdraw(em: EntityManager, viewer: Viewer, inviteId: string): Promise<TeamInvite> {
    const invite = await this.openInvite(em, inviteId);
    const actor = await this.actor(em, viewer);
    invite.revokedAt = new Date(this.now());
    recordAudit(em, {
      organisationId: viewer.organisationId,
      actor: { type: 'USER', id: actor.id, label: actor.name },
      kind: 'TEAM_INVITE_WITHDRAWN',
      summary: `${actor.name} withdrew the invitation to ${invite.email}`,
    });
    await em.flush();
    return invite;
  }

  private async openInvite(em: EntityManager, inviteId: string): Promise<TeamInvite> {
    const invite = isUuid(inviteId) ? await em.findOne(TeamInvite, { id: inviteId, acceptedAt: null, revokedAt: null }) : null;
    if (!invite) throw new TeamInviteNotFound();
    return invite;
  }

  private async deliver(em: EntityManager, invite: TeamInvite, token: string): Promise<IssuedTeamInvite> {
    if (!this.mailer.enabled) return { invite, link: this.linkFor(token) };
    const organisation = await em.findOneOrFail(Organisation, { id: invite.organisation.id });
    await this.mailer.send(this.inviteMail(invite, token, organisation.name));
    return { invite, link: null };
  }

  private inviteMail(invite: TeamInvite, token: string, organisationName: string): Mail {
    const link = this.linkFor(token);
    const days = Math.round(TEAM_INVITE_TTL_MS / 86_400_000);
    return {
      to: invite.email,
      subject: `${invite.invitedByName} invited you to ${organisationName} on Vouch`,
      text:
        `${invite.invitedByName} invited you to join ${organisationName} on Vouch as ${ROLE_WORDS[invite.role]}.\n\n` +
        `Open this link to choose your name and password (it works for ${days} days, once):\n${link}\n\n` +
        `If you were not expecting this, ignore this email: nothing happens unless you open the link.\n`,
      html:
        `<p>${escapeHtml(invite.invitedByName)} invited you to join <strong>${escapeHtml(organisationName)}</strong> on Vouch as ${escapeHtml(ROLE_WORDS[invite.role])}.</p>` +
        `<p><a href="${escapeHtml(link)}">Join ${escapeHtml(organisationName)}</a> — choose your name and password (the link works for ${days} days, once).</p>` +
        `<p>If you were not expecting this, ignore this email: nothing happens unless you open the link.</p>`,
    };
  }

  // ---------- the invitee ----------

  /**
   * The invitation behind a link, for the join page. Wrong links are counted per IP (see SecretAttemptGuard);
   * expired, used and withdrawn ones are real links and say so.
   */
  private async inviteForToken(em: EntityManager, token: string, ip: string): Promise<TeamInvite> {
    const key = `team-invite-guess:ip:${ip}`;
    await this.guard.check(em, key);
    const invite =
      typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)
        ? await em.findOne(TeamInvite, { tokenHash: sha256(token) }, { ...unscoped('secret link'), populate: ['organisation'] })
        : null;
    if (!invite) {
      await this.guard.fail(em, key, this.log);
      throw new TeamInviteLinkInvalid();
    }
    if (invite.acceptedAt) throw new TeamInviteUsed();
    if (invite.revokedAt) throw new TeamInviteWithdrawn();
    if (invite.expiresAt.getTime() <= this.now()) throw new TeamInviteExpired();
    return invite;
  }

  async preview(em: EntityManager, token: string, ip: string): Promise<TeamInvitePreview> {
    const invite = await this.inviteForToken(em, token, ip);
    return {
      organisationName: invite.organisation.name,
      email: invite.email,
      role: invite.role,
      invitedByName: invite.invitedByName,
      expiresAt: invite.expiresAt,
    };
  }

  /** Creates the member from the link (single use, atomically) and signs them in. */
  async accept(em: EntityManager, input: { token: string; name: string; password: string }, meta: BrowserMeta): Promise<SignedIn> {
    const name = input.name.trim();
    if (!name) throw new ValidationFailed([{ field: 'name', message: 'Enter your name.' }]);
    const invite = await this.inviteForToken(em, input.token, meta.ip);
    const passwordHash = await hashPassword(input.password);
    try {
      return await em.transactional(async (tx) => {
        // Claim the invitation: one request wins, whatever happens in parallel.
        const claimed = await tx.nativeUpdate(
          TeamInvite,
          { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date(this.now()) } },
          { acceptedAt: new Date(this.now()) },
          unscoped('secret link'),
        );
        if (!claimed) throw new TeamInviteUsed();
        if (await tx.count(User, { email: invite.email }, unscoped('unique across organisations'))) throw new EmailHasAccount();
        const user = tx.create(User, {
          organisation: invite.organisation,
          email: invite.email,
          name,
          role: invite.role,
          passwordHash,
          // Opening an emailed link proves control of the mailbox; a copied link proves nothing about it.
          emailVerifiedAt: invite.emailed ? new Date(this.now()) : null,
        });
        await tx.nativeUpdate(TeamInvite, { id: invite.id }, { acceptedUserId: user.id }, unscoped('secret link'));
        recordAudit(tx, {
          organisationId: invite.organisation.id,
          actor: { type: 'USER', id: user.id, label: name },
          kind: 'TEAM_MEMBER_JOINED',
          summary: `${name} (${invite.email}) joined as ${invite.role}, invited by ${invite.invitedByName}`,
        });
        return await this.accounts.openSession(tx, user, meta);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new EmailHasAccount();
      throw error;
    }
  }

  // ---------- members ----------

  /** Locks the organisation's ADMIN rows, so two admins demoting or removing each other cannot both succeed. */
  private async lockAdmins(tx: EntityManager, organisationId: string): Promise<number> {
    const rows: unknown[] = await tx
      .getConnection()
      .execute(`select id from users where organisation_id = ? and role = 'ADMIN' for update`, [organisationId], 'all', tx.getTransactionContext());
    return rows.length;
  }

  async changeRole(em: EntityManager, viewer: Viewer, userId: string, role: Role): Promise<User> {
    if (!Object.values(Role).includes(role)) throw new ValidationFailed([{ field: 'role', message: 'Choose Admin, Approver or Viewer.' }]);
    return await em.transactional(async (tx) => {
      const admins = await this.lockAdmins(tx, viewer.organisationId);
      const member = isUuid(userId) ? await tx.findOne(User, { id: userId }) : null;
      if (!member) throw new TeamMemberNotFound();
      if (member.role === role) return member;
      if (member.role === Role.ADMIN && admins <= 1) throw new LastAdmin('demote');
      const actor = await this.actor(tx, viewer);
      const before = member.role;
      member.role = role;
      recordAudit(tx, {
        organisationId: viewer.organisationId,
        actor: { type: 'USER', id: actor.id, label: actor.name },
        kind: 'TEAM_ROLE_CHANGED',
        summary: `${actor.name} changed ${member.name}’s role from ${before} to ${role}`,
        before: { role: before },
        after: { role },
      });
      await tx.flush();
      return member;
    });
  }

  /** Removes a member: their sessions and the API keys they created stop working at once. */
  async remove(em: EntityManager, viewer: Viewer, userId: string): Promise<{ sessionsEnded: number; apiKeysRevoked: number }> {
    if (userId === viewer.userId) throw new CannotRemoveYourself();
    return await em.transactional(async (tx) => {
      const admins = await this.lockAdmins(tx, viewer.organisationId);
      const member = isUuid(userId) ? await tx.findOne(User, { id: userId }) : null;
      if (!member) throw new TeamMemberNotFound();
      if (member.role === Role.ADMIN && admins <= 1) throw new LastAdmin('remove');
      const actor = await this.actor(tx, viewer);
      const now = new Date(this.now());
      const sessionsEnded = await this.endSessions(tx, member.id, now);
      const apiKeysRevoked = await tx.nativeUpdate(ApiKey, { createdBy: member.id, revokedAt: null }, { revokedAt: now });
      recordAudit(tx, {
        organisationId: viewer.organisationId,
        actor: { type: 'USER', id: actor.id, label: actor.name },
        kind: 'TEAM_MEMBER_REMOVED',
        summary:
          `${actor.name} removed ${member.name} (${member.email}, ${member.role}); ` +
          `${sessionsEnded} ${sessionsEnded === 1 ? 'session' : 'sessions'} ended, ${apiKeysRevoked} API ${apiKeysRevoked === 1 ? 'key' : 'keys'} revoked`,
      });
      await tx.flush();
      // The account goes (its sessions, browsers and reset links with it); history keeps names, not references.
      tx.remove(member);
      await tx.flush();
      return { sessionsEnded, apiKeysRevoked };
    });
  }

  /**
   * An admin resets a member's two-factor sign-in (a lost phone or security key): their authenticator app,
   * passkeys and recovery codes go, their sessions end, and they are told by email. They sign in again with their
   * password and, where the organisation requires two-factor, set up a new one before anything else.
   */
  async resetTwoFactor(em: EntityManager, viewer: Viewer, userId: string): Promise<{ sessionsEnded: number }> {
    if (userId === viewer.userId) throw new CannotResetOwnTwoFactor();
    const outcome = await em.transactional(async (tx) => {
      const member = isUuid(userId) ? await tx.findOne(User, { id: userId }) : null;
      if (!member) throw new TeamMemberNotFound();
      const removed = await this.twoFactor.removeAllFactors(tx, member.id);
      if (!removed.totp && removed.passkeys === 0) throw new NoTwoFactorToReset();
      const actor = await this.actor(tx, viewer);
      const now = new Date(this.now());
      const sessionsEnded = await this.endSessions(tx, member.id, now);
      const what = [
        removed.totp ? 'authenticator app' : null,
        removed.passkeys ? `${removed.passkeys} ${removed.passkeys === 1 ? 'passkey' : 'passkeys'}` : null,
      ]
        .filter(Boolean)
        .join(' and ');
      recordAudit(tx, {
        organisationId: viewer.organisationId,
        actor: { type: 'USER', id: actor.id, label: actor.name },
        kind: 'TWO_FACTOR_RESET',
        summary: `${actor.name} reset ${member.name}’s two-factor sign-in (${what} and recovery codes removed; ${sessionsEnded} ${sessionsEnded === 1 ? 'session' : 'sessions'} ended)`,
      });
      await tx.flush();
      const organisation = await tx.findOneOrFail(Organisation, { id: viewer.organisationId });
      return { sessionsEnded, member, actor, organisation };
    });
    if (this.mailer.enabled) {
      this.mailer
        .send(this.twoFactorResetMail(outcome.member, outcome.actor.name, outcome.organisation))
        .catch((err: unknown) => this.log.warn({ err }, 'could not send the two-factor reset email'));
    }
    return { sessionsEnded: outcome.sessionsEnded };
  }

  private twoFactorResetMail(member: User, adminName: string, organisation: Organisation): Mail {
    const must = organisation.requireTwoFactor
      ? `${organisation.name} requires two-factor sign-in, so you will set up a new one when you next sign in.`
      : 'Set up a new one under Settings → Security when you next sign in.';
    return {
      to: member.email,
      subject: `Your two-factor sign-in for ${organisation.name} was reset`,
      text:
        `${adminName} reset your two-factor sign-in for ${organisation.name} on Vouch: your authenticator app, passkeys and recovery codes no longer work, and you were signed out everywhere.\n\n` +
        `${must}\n\n` +
        `If you did not ask for this, tell ${adminName} or another admin of ${organisation.name} at once, on a number you already have.\n\n${this.appUrl}\n`,
      html:
        `<p>${escapeHtml(adminName)} reset your two-factor sign-in for <strong>${escapeHtml(organisation.name)}</strong> on Vouch: your authenticator app, passkeys and recovery codes no longer work, and you were signed out everywhere.</p>` +
        `<p>${escapeHtml(must)}</p>` +
        `<p>If you did not ask for this, tell ${escapeHtml(adminName)} or another admin of ${escapeHtml(organisation.name)} at once, on a number you already have.</p>`,
    };
  }
}
