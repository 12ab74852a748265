import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger.js';
import type { EventBus } from '../graphql/pubsub.js';
import { TOPICS } from '../graphql/pubsub.js';
import { XeroConnectionStatus } from './xero-connection.entity.js';
import { recordNeedsReconnect } from '../webhooks/webhook-events.js';
import { XeroError } from './classify-xero-failure.js';
import type { TokenSetData, XeroGateway } from './xero.gateway.js';
import type { TokenCrypto } from '../common/token-crypto.js';

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 2 * 60_000;

interface LockedRow {
  organisation_id: string;
  status: XeroConnectionStatus;
  token_set: string | null;
}

/**
 * Xero tokens, sealed at rest. Refresh is single-flight per connection across processes (the connection row
 * is locked FOR UPDATE while refreshing), and the rotated refresh token is committed before anything uses the
 * new access token. A refresh whose response was lost leaves the old refresh token stored; Xero accepts it
 * again for 30 minutes, so the next attempt recovers. invalid_grant parks the connection as NEEDS_RECONNECT.
 */
export class XeroTokenStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly gateway: XeroGateway,
    private readonly crypto: TokenCrypto,
    private readonly pubsub: EventBus,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  seal(tokens: TokenSetData): string {
    return this.crypto.encrypt(JSON.stringify(tokens));
  }

  open(sealed: string): TokenSetData {
    return JSON.parse(this.crypto.decrypt(sealed)) as TokenSetData;
  }

  /**
   * Runs `call` with a valid access token for the connection. An AUTH failure (e.g. a token revoked early)
   * triggers one forced refresh and retry; if Xero still refuses, the connection needs reconnecting.
   */
  async withAccess<T>(connectionId: string, call: (tokens: TokenSetData) => Promise<T>): Promise<T> {
    let tokens = await this.validTokens(connectionId, false);
    try {
      return await call(tokens);
    } catch (error) {
      if (!(error instanceof XeroError) || error.kind !== 'AUTH') throw error;
      tokens = await this.validTokens(connectionId, true);
      try {
        return await call(tokens);
      } catch (retryError) {
        if (retryError instanceof XeroError && retryError.kind === 'AUTH') {
          await this.markNeedsReconnect(connectionId, 'Xero no longer accepts Vouch’s access (disconnected in Xero?).');
        }
        throw retryError;
      }
    }
  }

  /** The current token set, refreshed first if (nearly) expired or when forced. */
  async validTokens(connectionId: string, force: boolean): Promise<TokenSetData> {
    if (!force) {
      // Most calls find a token with time to run: one plain read. Only a refresh takes the row lock (below),
      // which reads again, so a refresh another process committed meanwhile is used rather than repeated.
      const [row] = await this.orm.em
        .fork()
        .getConnection()
        .execute<LockedRow[]>('select organisation_id, status, token_set from xero_connections where id = ?', [connectionId], 'all');
      if (row && row.status === XeroConnectionStatus.CONNECTED && row.token_set) {
        const current = this.open(row.token_set);
        if (current.expires_at * 1000 - this.now() > REFRESH_MARGIN_MS) return current;
      }
    }
    const outcome = await this.orm.em.fork().transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const [row] = await conn.execute<LockedRow[]>(
        'select organisation_id, status, token_set from xero_connections where id = ? for update',
        [connectionId],
        'all',
        ctx,
      );
      if (!row || row.status !== XeroConnectionStatus.CONNECTED || !row.token_set) {
        return { error: new XeroError('AUTH', 'Xero is not connected') };
      }
      const current = this.open(row.token_set);
      if (!force && current.expires_at * 1000 - this.now() > REFRESH_MARGIN_MS) return { tokens: current };
      let fresh: TokenSetData;
      try {
        fresh = await this.gateway.refresh(current);
      } catch (error) {
        return { error, organisationId: row.organisation_id };
      }
      // Committed with this transaction, before any caller uses the new access token.
      await conn.execute(
        `update xero_connections set token_set = ?, token_version = token_version + 1, access_token_expires_at = ?,
           previous_refresh_token = ?, previous_refresh_token_at = now(), updated_at = now() where id = ?`,
        [this.seal(fresh), new Date(fresh.expires_at * 1000), this.crypto.encrypt(current.refresh_token), connectionId],
        'run',
        ctx,
      );
      return { tokens: fresh };
    });
    if ('tokens' in outcome && outcome.tokens) return outcome.tokens;
    const error = outcome.error;
    if (error instanceof XeroError && error.kind === 'AUTH' && error.status === 400) {
      await this.markNeedsReconnect(connectionId, 'Xero refused to renew Vouch’s access. Reconnect to resume syncing.');
    }
    throw error;
  }

  async markNeedsReconnect(connectionId: string, reason: string): Promise<void> {
    // The status change and its webhook event commit together (outbox).
    const row = await this.orm.em.fork().transactional(async (tx) => {
      const [changed] = await tx
        .getConnection()
        .execute<{ organisation_id: string; tenant_id: string | null }[]>(
          `update xero_connections set status = ?, last_error = ?, updated_at = now() where id = ? and status = ? returning organisation_id, tenant_id`,
          [XeroConnectionStatus.NEEDS_RECONNECT, reason, connectionId, XeroConnectionStatus.CONNECTED],
          'all',
          tx.getTransactionContext(),
        );
      if (changed) recordNeedsReconnect(tx, changed.organisation_id, { id: connectionId, tenantId: changed.tenant_id, reason });
      return changed;
    });
    if (row) {
      this.log.warn({ connectionId }, 'Xero connection needs reconnecting');
      await this.pubsub.publish(TOPICS.XERO_CONNECTION_UPDATED, { organisationId: row.organisation_id, connectionId });
    }
  }
}
