import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Logger } from '../common/logger.js';
import type { Config } from '../config/env.js';
import type { Viewer } from '../accounts/viewer.js';
import type { EventBus } from '../graphql/pubsub.js';
import { TOPICS } from '../graphql/pubsub.js';
import { ImportStatus, XeroConnection, XeroConnectionStatus } from './xero-connection.entity.js';
import { XeroError } from './classify-xero-failure.js';
import {
  ConnectAttemptNotFound,
  DifferentTenantRefused,
  NotConnected,
  TenantNotGranted,
  TenantTakenElsewhere,
  XeroNotConfigured,
  XeroUnavailable,
  XeroWrongOrigin,
} from './xero.errors.js';
import { OAuthAttemptStatus, XeroOAuthAttempt, type GrantedTenant } from './xero-oauth-attempt.entity.js';
import type { PendingXeroConnection } from './xero.types.js';
import type { TokenSetData, XeroGateway } from './xero.gateway.js';
import type { XeroTokenStore } from './xero-token-store.js';
import { unscoped } from '../common/unscoped.js';
import { isUuid } from '../common/ids.js';

/** A connect attempt (state, then the tenant choice) must finish within this. */
export const ATTEMPT_TTL_MS = 15 * 60_000;

export type CallbackError = 'ACCESS_DENIED' | 'STATE_INVALID' | 'WRONG_HOST' | 'EXPIRED' | 'EXCHANGE_FAILED' | 'NO_TENANTS';
/** `startedOrigin`: where the attempt was started, when the state matched one (to explain a lost session). */
export type CallbackOutcome = { attemptId: string } | { error: CallbackError; startedOrigin?: string | null };

const hashState = (state: string): string => createHash('sha256').update(state).digest('hex');

/** `scheme://host[:port]` of an http(s) URL, or null. */
export function webOrigin(value: string | undefined | null): string | null {
  if (!value || value.length > 300) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Where the buyer's browser is: its Origin header, or (no Origin: not a browser page) the address it called. */
export interface StartedFrom {
  browserOrigin: string | undefined;
  requestOrigin: string | undefined;
}

/** What connecting needs of the inbound sync: the first import, or (reconnected after one) a poll now. */
export interface InboundSync {
  startImport(connectionId: string): Promise<void>;
  pollNow(connectionId: string): Promise<void>;
}

/** Connect to Xero: OAuth attempt → callback → choose one tenant (permanently) → import. Also disconnect. */
export class XeroConnectService {
  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    private readonly gateway: XeroGateway,
    private readonly tokens: XeroTokenStore,
    /** The inbound sync (sync/xero-sync.service.ts), which starts once a tenant is chosen. */
    private readonly sync: InboundSync,
    private readonly pubsub: EventBus,
    private readonly log: Logger,
    /** Called after a reconnect, so parked outbound pushes drain (wired to the push service). */
    private readonly onReconnect: (organisationId: string) => Promise<void> = async () => {},
  ) {}

  async current(em: EntityManager): Promise<XeroConnection | null> {
    return await em.findOne(XeroConnection, {});
  }

  /**
   * The origin Xero sends the browser back to (from XERO_REDIRECT_URI, else PUBLIC_URL, else localhost:PORT).
   * The session cookie belongs to one host, so connecting only works from a page on this origin.
   */
  get callbackOrigin(): string {
    return new URL(this.config.xero.redirectUri).origin;
  }

  async start(em: EntityManager, viewer: Viewer, from: StartedFrom = { browserOrigin: undefined, requestOrigin: undefined }): Promise<string> {
    if (!this.gateway.configured) throw new XeroNotConfigured();
    // A page on another host (127.0.0.1 vs localhost, an internal name, …) would start an attempt whose
    // callback arrives without this session's cookie: refuse it, with what to do, before anything is stored.
    const browserOrigin = webOrigin(from.browserOrigin);
    if (from.browserOrigin !== undefined && browserOrigin !== this.callbackOrigin) {
      throw new XeroWrongOrigin(this.callbackOrigin, browserOrigin ?? from.browserOrigin.slice(0, 100));
    }
    const state = randomBytes(32).toString('base64url');
    const existing = await this.current(em);
    em.create(XeroOAuthAttempt, {
      organisation: viewer.organisationId,
      stateHash: hashState(state),
      sessionId: viewer.sessionId,
      userId: viewer.userId,
      status: OAuthAttemptStatus.STARTED,
      expiresAt: new Date(Date.now() + ATTEMPT_TTL_MS),
      reconnect: Boolean(existing),
      startedOrigin: browserOrigin ?? webOrigin(from.requestOrigin),
    });
    await em.flush();
    try {
      return await this.gateway.buildConsentUrl(state);
    } catch (error) {
      this.log.error({ kind: error instanceof XeroError ? error.kind : 'UNKNOWN' }, 'could not build the Xero consent URL');
      throw new XeroUnavailable();
    }
  }

  /**
   * GET /xero/callback. The state must belong to this browser's session, be unused and unexpired; it is
   * consumed whatever happens next. The ID token is validated by openid-client during the exchange.
   */
  async handleCallback(viewer: Viewer | null, query: URLSearchParams, callbackOrigin?: string): Promise<CallbackOutcome> {
    const state = query.get('state');
    if (!state || state.length > 200) return { error: 'STATE_INVALID' };
    const em = this.orm.em.fork();
    // Consume the state atomically: a replayed or concurrent callback finds nothing to claim.
    const [claimed] = await em
      .getConnection()
      .execute<{ id: string; organisation_id: string; session_id: string; expires_at: Date; started_origin: string | null }[]>(
        `update xero_oauth_attempts set status = ?, callback_at = now(), updated_at = now()
        where state_hash = ? and status = ? returning id, organisation_id, session_id, expires_at, started_origin`,
        [OAuthAttemptStatus.FAILED, hashState(state), OAuthAttemptStatus.STARTED],
      );
    if (!claimed) return { error: 'STATE_INVALID' };
    if (!viewer || claimed.session_id !== viewer.sessionId || claimed.organisation_id !== viewer.organisationId) {
      // Started on another address: this host's cookie belongs to another session (or none).
      const elsewhere = claimed.started_origin !== null && callbackOrigin !== undefined && claimed.started_origin !== callbackOrigin;
      await em
        .getConnection()
        .execute('update xero_oauth_attempts set error = ? where id = ?', [
          elsewhere ? `callback came to ${callbackOrigin} without the session of ${claimed.started_origin}` : 'callback without the starting session',
          claimed.id,
        ]);
      return { error: elsewhere ? 'WRONG_HOST' : 'STATE_INVALID', startedOrigin: claimed.started_origin };
    }
    const fail = async (error: CallbackError, detail: string) => {
      await em.getConnection().execute('update xero_oauth_attempts set error = ? where id = ?', [detail.slice(0, 500), claimed.id]);
      return { error } as const;
    };
    if (new Date(claimed.expires_at).getTime() < Date.now()) return await fail('EXPIRED', 'attempt expired');
    if (query.get('error')) return await fail('ACCESS_DENIED', `Xero said ${query.get('error')}`);
    let tokenSet: TokenSetData;
    let tenants: GrantedTenant[];
    try {
      tokenSet = await this.gateway.exchangeCode(`${this.config.xero.redirectUri}?${query.toString()}`, state);
      tenants = await this.gateway.listTenants(tokenSet);
    } catch (error) {
      const failure = error instanceof XeroError ? error : null;
      this.log.warn({ kind: failure?.kind ?? 'UNKNOWN' }, 'Xero code exchange failed');
      return await fail('EXCHANGE_FAILED', failure?.message ?? 'exchange failed');
    }
    if (!tenants.length) return await fail('NO_TENANTS', 'no organisations granted');
    await em
      .getConnection()
      .execute('update xero_oauth_attempts set status = ?, token_set = ?, tenants = ?, expires_at = ? where id = ?', [
        OAuthAttemptStatus.AWAITING_CHOICE,
        this.tokens.seal(tokenSet),
        JSON.stringify(tenants),
        new Date(Date.now() + ATTEMPT_TTL_MS),
        claimed.id,
      ]);
    return { attemptId: claimed.id };
  }

  private async awaitingAttempt(em: EntityManager, viewer: Viewer, attemptId: string): Promise<XeroOAuthAttempt> {
    if (!isUuid(attemptId)) throw new ConnectAttemptNotFound();
    const attempt = await em.findOne(XeroOAuthAttempt, { id: attemptId, status: OAuthAttemptStatus.AWAITING_CHOICE, sessionId: viewer.sessionId });
    if (!attempt || attempt.expiresAt.getTime() < Date.now()) throw new ConnectAttemptNotFound();
    return attempt;
  }

  /**
   * The connect attempt this session left waiting for its choice of organisation (the newest, unexpired), so the
   * Integrations page offers it again after a reload or a visit elsewhere. Null when there is none.
   */
  async awaitingChoice(em: EntityManager, viewer: Viewer): Promise<string | null> {
    const attempt = await em.findOne(
      XeroOAuthAttempt,
      { sessionId: viewer.sessionId, status: OAuthAttemptStatus.AWAITING_CHOICE, expiresAt: { $gt: new Date() } },
      { orderBy: { createdAt: 'desc', id: 'desc' }, fields: ['id'] },
    );
    return attempt?.id ?? null;
  }

  /**
   * The buyer chose not to connect (Cancel): the attempt is closed, so it is not offered again, and the
   * organisations it was granted are released on Xero's side (except one a connection already uses).
   */
  async cancel(em: EntityManager, viewer: Viewer, attemptId: string): Promise<void> {
    const attempt = await this.awaitingAttempt(em, viewer, attemptId);
    const sealed = await em.findOneOrFail(XeroOAuthAttempt, { id: attempt.id }, { populate: ['tokenSet'] });
    const moved = await em.nativeUpdate(
      XeroOAuthAttempt,
      { id: attempt.id, status: OAuthAttemptStatus.AWAITING_CHOICE },
      { status: OAuthAttemptStatus.FAILED, tokenSet: null, error: 'cancelled by the buyer' },
    );
    if (moved !== 1) throw new ConnectAttemptNotFound();
    const existing = await this.current(em);
    if (sealed.tokenSet) await this.releaseTenants(em, this.tokens.open(sealed.tokenSet), attempt.tenants ?? [], existing?.tenantId ?? '');
  }

  async pending(em: EntityManager, viewer: Viewer, attemptId: string): Promise<PendingXeroConnection> {
    const attempt = await this.awaitingAttempt(em, viewer, attemptId);
    const locked = (await this.current(em))?.tenantId ?? null;
    return {
      attemptId: attempt.id,
      expiresAt: attempt.expiresAt,
      lockedTenantId: locked,
      tenants: (attempt.tenants ?? []).map((t) => ({ tenantId: t.tenantId, tenantName: t.tenantName, allowed: !locked || locked === t.tenantId })),
    };
  }

  async confirm(em: EntityManager, viewer: Viewer, attemptId: string, tenantId: string): Promise<XeroConnection> {
    const attempt = await this.awaitingAttempt(em, viewer, attemptId);
    const chosen = (attempt.tenants ?? []).find((t) => t.tenantId === tenantId);
    if (!chosen) throw new TenantNotGranted();
    const existing = await this.current(em);
    if (existing && existing.tenantId !== tenantId) {
      // Refused: the grant still connects that organisation on Xero's side. Release everything but the locked one.
      const sealedAttempt = await em.findOneOrFail(XeroOAuthAttempt, { id: attempt.id }, { populate: ['tokenSet'] });
      if (sealedAttempt.tokenSet) await this.releaseTenants(em, this.tokens.open(sealedAttempt.tokenSet), attempt.tenants ?? [], existing.tenantId);
      throw new DifferentTenantRefused(existing.tenantName);
    }
    const elsewhere = await em.count(
      XeroConnection,
      { tenantId, organisation: { $ne: viewer.organisationId }, status: { $ne: XeroConnectionStatus.DISCONNECTED } },
      unscoped('unique across organisations'),
    );
    if (elsewhere) throw new TenantTakenElsewhere();

    const sealed = await em.findOneOrFail(XeroOAuthAttempt, { id: attempt.id }, { populate: ['tokenSet'] });
    const tokenSet = this.tokens.open(sealed.tokenSet!);
    const connection = await em.transactional(async (tx) => {
      // Single use: only one confirmation can move the attempt on.
      const moved = await tx.nativeUpdate(
        XeroOAuthAttempt,
        { id: attempt.id, status: OAuthAttemptStatus.AWAITING_CHOICE },
        { status: OAuthAttemptStatus.CONFIRMED, tokenSet: null },
      );
      if (moved !== 1) throw new ConnectAttemptNotFound();
      const row = existing
        ? await tx.findOneOrFail(XeroConnection, { id: existing.id })
        : tx.create(XeroConnection, {
            organisation: viewer.organisationId,
            tenantId,
            tenantName: chosen.tenantName,
            status: XeroConnectionStatus.CONNECTED,
            connectedAt: new Date(),
          });
      Object.assign(row, {
        tenantName: chosen.tenantName,
        xeroConnectionId: chosen.connectionId,
        status: XeroConnectionStatus.CONNECTED,
        tokenSet: this.tokens.seal(tokenSet),
        tokenVersion: (row.tokenVersion ?? 0) + 1,
        accessTokenExpiresAt: new Date(tokenSet.expires_at * 1000),
        disconnectedAt: null,
        lastError: null,
      });
      if (row.importStatus !== ImportStatus.DONE) row.importStatus = ImportStatus.RUNNING;
      await this.audit(tx, viewer, existing ? 'XERO_RECONNECTED' : 'XERO_CONNECTED', (who) => `${who} connected Xero organisation “${chosen.tenantName}”`);
      await tx.flush();
      return row;
    });
    this.log.info({ organisationId: viewer.organisationId, reconnect: Boolean(existing) }, 'Xero connected');

    await this.releaseTenants(em, tokenSet, attempt.tenants ?? [], tenantId);
    if (existing) await this.onReconnect(viewer.organisationId);
    if (connection.importStatus === ImportStatus.DONE) await this.sync.pollNow(connection.id);
    else await this.sync.startImport(connection.id);
    await this.pubsub.publish(TOPICS.XERO_CONNECTION_UPDATED, { organisationId: viewer.organisationId, connectionId: connection.id });
    return connection;
  }

  /**
   * Disconnects, on Xero's side, the granted tenants other than `keepTenantId` (best effort: they hold no data
   * of ours). A tenant another Vouch organisation is connected to is left alone: the same Xero user may have
   * connected it there, and Xero has one connection per user × app × organisation.
   */
  private async releaseTenants(em: EntityManager, tokenSet: TokenSetData, granted: GrantedTenant[], keepTenantId: string): Promise<void> {
    const others = granted.filter((t) => t.tenantId !== keepTenantId);
    if (!others.length) return;
    const inUse = await em.find(
      XeroConnection,
      { tenantId: { $in: others.map((t) => t.tenantId) }, status: { $ne: XeroConnectionStatus.DISCONNECTED } },
      { ...unscoped('unique across organisations'), fields: ['tenantId'] },
    );
    for (const other of others.filter((t) => !inUse.some((c) => c.tenantId === t.tenantId))) {
      await this.gateway.disconnectTenant(tokenSet, other.connectionId).catch((error: unknown) => {
        this.log.warn({ kind: error instanceof XeroError ? error.kind : 'UNKNOWN' }, 'could not disconnect an unchosen Xero tenant');
      });
    }
  }

  /** Organisation audit log entry, in the caller's transaction. */
  private async audit(em: EntityManager, viewer: Viewer, kind: string, summary: (who: string) => string): Promise<void> {
    const user = await em.findOne(User, { id: viewer.userId });
    const who = user?.name ?? 'Someone';
    recordAudit(em, { organisationId: viewer.organisationId, actor: { type: 'USER', id: viewer.userId, label: who }, kind, summary: summary(who) });
  }

  /** Revokes the grant in Xero (ending its connections) and stops all sync. Data stays; reconnect resumes. */
  async disconnect(em: EntityManager, viewer: Viewer): Promise<XeroConnection> {
    const connection = await em.findOne(XeroConnection, {}, { populate: ['tokenSet'] });
    if (!connection) throw new NotConnected();
    if (connection.tokenSet) {
      try {
        await this.gateway.revoke(this.tokens.open(connection.tokenSet));
      } catch (error) {
        this.log.warn({ kind: error instanceof XeroError ? error.kind : 'UNKNOWN' }, 'Xero revocation failed; disconnecting locally anyway');
      }
    }
    Object.assign(connection, {
      status: XeroConnectionStatus.DISCONNECTED,
      tokenSet: null,
      previousRefreshToken: null,
      disconnectedAt: new Date(),
      lastError: null,
      nextPollAt: null,
    });
    await this.audit(em, viewer, 'XERO_DISCONNECTED', (who) => `${who} disconnected Xero organisation “${connection.tenantName}”`);
    await em.flush();
    await this.pubsub.publish(TOPICS.XERO_CONNECTION_UPDATED, { organisationId: viewer.organisationId, connectionId: connection.id });
    return connection;
  }
}
