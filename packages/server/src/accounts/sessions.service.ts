import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit.service.js';
import { AppError, NotAllowed } from '../common/app-error.js';
import { uuidv7, isUuid } from '../common/ids.js';
import type { Logger } from '../common/logger.js';
import { escapeHtml, type Mail, type Mailer } from '../common/mailer.js';
import type { Config } from '../config/env.js';
import type { Viewer } from './viewer.js';
import { sha256 } from '../common/secret-tokens.js';
import { Session } from './session.entity.js';
import { isDeviceToken } from './sessions-device-cookie.js';
import { describeUserAgent } from './sessions-user-agent.js';
import type { User } from './user.entity.js';
import { unscoped } from '../common/unscoped.js';

/** A session's "last seen" is written at most this often, so busy pages do not write on every request. */
export const LAST_SEEN_EVERY_MS = 60_000;

export interface BrowserMeta {
  ip: string;
  userAgent: string;
  /** The browser's `vouch_device` id (sessions-device-cookie.ts), if it came over HTTP. */
  deviceToken?: string | undefined;
}

export class SessionNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'SESSION_NOT_FOUND', 'That session has already ended.');
  }
}

/** People manage their own sessions; an API key has none. */
export function requirePersonSession(viewer: Viewer): Viewer {
  if (viewer.apiKeyId) throw new NotAllowed('API keys can’t manage sign-ins or passwords. Sign in to Vouch to do this.');
  return viewer;
}

/** Sessions as their owner sees them (Settings → Sessions) and the browsers a user has signed in from. */
export class SessionsService {
  constructor(
    private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly log: Logger,
  ) {}

  /**
   * Notes that a user opened a session from this browser (its `vouch_device` cookie, set on every browser by
   * the /graphql middleware). `newBrowser` is true when the user had signed in before, from other browsers only:
   * the first browser of an account (sign-up, joining a team, the first sign-in of an account from before this
   * existed) is not news. A client without the cookie (a script) cannot be recognised, so it always counts as new.
   */
  async rememberBrowser(em: EntityManager, userId: string, deviceToken: string | undefined, now = new Date()): Promise<{ newBrowser: boolean }> {
    const conn = em.getConnection();
    const ctx = em.getTransactionContext();
    const [{ n }] = (await conn.execute('select count(*)::int as n from known_browsers where user_id = ?', [userId], 'all', ctx)) as [{ n: number }];
    if (!isDeviceToken(deviceToken)) return { newBrowser: n > 0 };
    const rows: { inserted: boolean }[] = await conn.execute(
      `insert into known_browsers (id, user_id, device_hash, last_seen_at) values (?, ?, ?, ?)
       on conflict (user_id, device_hash) do update set last_seen_at = excluded.last_seen_at, updated_at = now()
       returning (xmax = 0) as inserted`,
      [uuidv7(), userId, sha256(deviceToken), now],
      'all',
      ctx,
    );
    return { newBrowser: n > 0 && rows[0]?.inserted === true };
  }

  /** Emails the user about a sign-in from a browser they had not used before. Never delays or fails the sign-in. */
  alertNewBrowser(user: User, meta: BrowserMeta, at = new Date()): void {
    if (!this.mailer.enabled) return;
    this.mailer.send(this.newBrowserMail(user, meta, at)).catch((err: unknown) => this.log.warn({ err }, 'could not send the new-browser sign-in email'));
  }

  private newBrowserMail(user: User, meta: BrowserMeta, at: Date): Mail {
    const appUrl = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
    const browser = describeUserAgent(meta.userAgent);
    const when = at.toUTCString();
    const settings = `${appUrl}/settings#sessions`;
    const reset = `${appUrl}/forgot-password`;
    return {
      to: user.email,
      subject: 'New sign-in to your Vouch account',
      text:
        `Your Vouch account (${user.email}) was just signed in to from a browser it had not used before:\n\n` +
        `  Browser: ${browser}\n  IP address: ${meta.ip}\n  Time: ${when}\n\n` +
        `If this was you, there is nothing to do.\n\nIf it was not you, reset your password now (${reset}) — that ends every session — ` +
        `and check your sessions in Settings: ${settings}\n`,
      html:
        `<p>Your Vouch account (${escapeHtml(user.email)}) was just signed in to from a browser it had not used before:</p>` +
        `<ul><li>Browser: ${escapeHtml(browser)}</li><li>IP address: ${escapeHtml(meta.ip)}</li><li>Time: ${escapeHtml(when)}</li></ul>` +
        `<p>If this was you, there is nothing to do.</p><p>If it was not you, <a href="${escapeHtml(reset)}">reset your password now</a> — that ends every session — ` +
        `and check your <a href="${escapeHtml(settings)}">sessions in Settings</a>.</p>`,
    };
  }

  /** Records that a session was used, at most once a minute (so busy pages do not write on every request). */
  async touch(em: EntityManager, session: Session, now = new Date()): Promise<void> {
    const last = session.lastSeenAt ?? session.createdAt;
    if (now.getTime() - last.getTime() < LAST_SEEN_EVERY_MS) return;
    await em.getConnection().execute('update sessions set last_seen_at = ? where id = ?', [now, session.id]);
  }

  /** The viewer's own sessions that still work, the most recently used first. */
  async list(em: EntityManager, viewer: Viewer): Promise<Session[]> {
    const sessions = await em.find(
      Session,
      { user: viewer.userId, revokedAt: null, expiresAt: { $gt: new Date() } },
      { ...unscoped('by user'), orderBy: { createdAt: 'desc' } },
    );
    const seen = (s: Session) => (s.lastSeenAt ?? s.createdAt).getTime();
    return sessions.sort((a, b) => Number(b.id === viewer.sessionId) - Number(a.id === viewer.sessionId) || seen(b) - seen(a));
  }

  /** Ends one of the viewer's own sessions (another browser's, or this one). */
  async end(em: EntityManager, viewer: Viewer, sessionId: string, actor: { id: string; name: string }): Promise<Session> {
    const session = isUuid(sessionId)
      ? await em.findOne(Session, { id: sessionId, user: viewer.userId, revokedAt: null, expiresAt: { $gt: new Date() } }, unscoped('by user'))
      : null;
    if (!session) throw new SessionNotFound();
    session.revokedAt = new Date();
    recordAudit(em, {
      organisationId: viewer.organisationId,
      actor: { type: 'USER', id: actor.id, label: actor.name },
      kind: 'SESSION_ENDED',
      summary: `${actor.name} ended a session (${describeUserAgent(session.userAgent)}, ${session.ip ?? 'unknown IP'})`,
    });
    await em.flush();
    return session;
  }

  /** Ends every session of the viewer except the one making the request; returns how many ended. */
  async endOthers(em: EntityManager, viewer: Viewer, actor: { id: string; name: string }): Promise<number> {
    const ended = await em.nativeUpdate(
      Session,
      { user: viewer.userId, revokedAt: null, id: { $ne: viewer.sessionId } },
      { revokedAt: new Date() },
      unscoped('by user'),
    );
    if (ended > 0) {
      recordAudit(em, {
        organisationId: viewer.organisationId,
        actor: { type: 'USER', id: actor.id, label: actor.name },
        kind: 'OTHER_SESSIONS_ENDED',
        summary: `${actor.name} signed out ${ended} other ${ended === 1 ? 'session' : 'sessions'}`,
      });
      await em.flush();
    }
    return ended;
  }
}
