import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger.js';
import { XeroError } from '../xero/xero-errors.js';
import type { RateLimitHeaders } from '../xero/xero.gateway.js';

export interface TenantLimits {
  concurrent: number;
  perMinute: number;
  perDay: number;
  /** Calls allowed back to back before pacing to perMinute/60 a second (default 10). */
  burst?: number;
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A call that has not finished after this frees its concurrency slot anyway (the caller died). */
const LEASE_MS = 2 * MINUTE;

type Acquired = { ok: true; callId: string } | { ok: false; waitMs: number };

/**
 * One limiter per Xero tenant, shared by every Vouch process through PostgreSQL: at most `concurrent` calls in
 * flight (leases), `perMinute` started in any sliding minute, `perDay` per day window, and nothing before
 * `blockedUntil` (a 429's Retry-After, or a remaining-count header at 0). Acquisition is one short
 * transaction holding the tenant's row lock, so two processes cannot both take the last slot.
 */
export class TenantRateLimiter {
  constructor(
    private readonly orm: MikroORM,
    private readonly limits: TenantLimits,
    private readonly log: Logger,
    private readonly clock: LimiterClock = realClock,
  ) {}

  async run<T extends { headers: RateLimitHeaders }>(tenantId: string, call: () => Promise<T>, options: { maxWaitMs?: number } = {}): Promise<T> {
    const maxWaitMs = options.maxWaitMs ?? 10 * MINUTE;
    const started = this.clock.now();
    for (let attempt = 0; ; attempt++) {
      const slot = await this.acquire(tenantId);
      if (!slot.ok) {
        if (this.clock.now() - started + slot.waitMs > maxWaitMs) {
          throw new XeroError('RATE_LIMITED', 'Xero API budget for this organisation is used up for now', 429, slot.waitMs);
        }
        await this.clock.sleep(slot.waitMs);
        continue;
      }
      try {
        const result = await call();
        await this.release(slot.callId, result.headers);
        return result;
      } catch (error) {
        const headers = error instanceof XeroError ? error.headers : {};
        await this.release(slot.callId, {
          minRemaining: numberOrNull(headers['x-minlimit-remaining']),
          dayRemaining: numberOrNull(headers['x-daylimit-remaining']),
          appMinRemaining: numberOrNull(headers['x-appminlimit-remaining']),
        }, error instanceof XeroError && error.kind === 'RATE_LIMITED' ? (error.retryAfterMs ?? MINUTE) : undefined);
        // A 429 means our view of the budget was wrong (another app, or a window edge): wait and try again.
        if (error instanceof XeroError && error.kind === 'RATE_LIMITED' && attempt < 20) {
          const waitMs = error.retryAfterMs ?? MINUTE;
          if (this.clock.now() - started + waitMs <= maxWaitMs) {
            this.log.warn({ tenantId, waitMs, problem: error.headers['x-rate-limit-problem'] }, 'Xero 429: waiting');
            await this.clock.sleep(waitMs);
            continue;
          }
        }
        throw error;
      }
    }
  }

  /**
   * Waits until a call could start now, without taking the slot. Batching callers (the outbound push) wait
   * here first and only then gather their batch, so it holds everything that arrived while they waited.
   */
  async waitForSlot(tenantId: string, maxWaitMs = 10 * MINUTE): Promise<void> {
    const started = this.clock.now();
    for (;;) {
      const slot = await this.acquire(tenantId, true);
      if (slot.ok || this.clock.now() - started + slot.waitMs > maxWaitMs) return;
      await this.clock.sleep(slot.waitMs);
    }
  }

  private async acquire(tenantId: string, peek = false): Promise<Acquired> {
    const em = this.orm.em.fork();
    return await em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const now = new Date(this.clock.now());
      await conn.execute('insert into xero_rate_limits (tenant_id, day_count) values (?, 0) on conflict do nothing', [tenantId], 'run', tx.getTransactionContext());
      const [state] = await conn.execute<{ day_window_start: Date | null; day_count: number; blocked_until: Date | null; tokens: number | null; tokens_at: Date | null }[]>(
        'select day_window_start, day_count, blocked_until, tokens, tokens_at from xero_rate_limits where tenant_id = ? for update',
        [tenantId],
        'all',
        tx.getTransactionContext(),
      );
      const waits: number[] = [];
      if (state!.blocked_until && new Date(state!.blocked_until).getTime() > now.getTime()) {
        waits.push(new Date(state!.blocked_until).getTime() - now.getTime());
      }
      let dayStart = state!.day_window_start ? new Date(state!.day_window_start) : now;
      let dayCount = state!.day_count;
      if (now.getTime() - dayStart.getTime() >= DAY) {
        dayStart = now;
        dayCount = 0;
      }
      if (dayCount >= this.limits.perDay) waits.push(dayStart.getTime() + DAY - now.getTime());
      // Pacing: without it a sliding minute lets 60 calls out at once and then stalls for a minute, which is
      // what a steady stream of work (e.g. acceptances) would feel as minute-long delays.
      const burst = Math.min(this.limits.burst ?? 10, Math.max(1, Math.floor(this.limits.perMinute / 2)));
      // Refill so that burst + a minute of refill never exceeds the minute limit (else the sliding window
      // would stall the stream for most of a minute).
      const perMs = Math.max(1, this.limits.perMinute - burst) / MINUTE;
      const lastAt = state!.tokens_at ? new Date(state!.tokens_at).getTime() : now.getTime();
      const tokens = Math.min(burst, (state!.tokens ?? burst) + Math.max(0, now.getTime() - lastAt) * perMs);
      if (tokens < 1) waits.push(Math.ceil((1 - tokens) / perMs));
      const [usage] = await conn.execute<{ in_flight: string; last_minute: string; oldest: Date | null; soonest_lease: Date | null }[]>(
        `select count(*) filter (where lease_until > ?) as in_flight,
                count(*) filter (where started_at > ?) as last_minute,
                min(started_at) filter (where started_at > ?) as oldest,
                min(lease_until) filter (where lease_until > ?) as soonest_lease
           from xero_calls where tenant_id = ? and (started_at > ? or lease_until > ?)`,
        [now, new Date(now.getTime() - MINUTE), new Date(now.getTime() - MINUTE), now, tenantId, new Date(now.getTime() - MINUTE), now],
        'all',
        tx.getTransactionContext(),
      );
      if (Number(usage!.last_minute) >= this.limits.perMinute && usage!.oldest) {
        waits.push(new Date(usage!.oldest).getTime() + MINUTE - now.getTime() + 5);
      }
      if (Number(usage!.in_flight) >= this.limits.concurrent) {
        // Poll for a finished call; a dead caller's lease lapses on its own.
        waits.push(Math.min(250, usage!.soonest_lease ? new Date(usage!.soonest_lease).getTime() - now.getTime() : 250));
      }
      if (waits.length) return { ok: false as const, waitMs: Math.max(1, ...waits) };
      if (peek) return { ok: true as const, callId: '' };
      const [call] = await conn.execute<{ id: string }[]>(
        'insert into xero_calls (id, tenant_id, started_at, lease_until) values (gen_random_uuid(), ?, ?, ?) returning id',
        [tenantId, now, new Date(now.getTime() + LEASE_MS)],
        'all',
        tx.getTransactionContext(),
      );
      await conn.execute(
        'update xero_rate_limits set day_window_start = ?, day_count = ?, tokens = ?, tokens_at = ? where tenant_id = ?',
        [dayStart, dayCount + 1, tokens - 1, now, tenantId],
        'run',
        tx.getTransactionContext(),
      );
      return { ok: true as const, callId: call!.id };
    });
  }

  private async release(callId: string, headers: RateLimitHeaders, retryAfterMs?: number): Promise<void> {
    const em = this.orm.em.fork();
    const conn = em.getConnection();
    const [row] = await conn.execute<{ tenant_id: string }[]>('update xero_calls set lease_until = null where id = ? returning tenant_id', [callId]);
    if (!row) return;
    const now = this.clock.now();
    let blockedUntil: number | null = null;
    if (retryAfterMs !== undefined) blockedUntil = now + retryAfterMs;
    // Xero says the minute budget is spent: our own window should agree; pause briefly, and a 429's
    // Retry-After (above) governs if Xero disagrees.
    else if (headers.minRemaining === 0) blockedUntil = now + 5_000;
    if (headers.dayRemaining === 0) blockedUntil = Math.max(blockedUntil ?? 0, now + 60 * MINUTE);
    if (blockedUntil !== null) {
      await conn.execute('update xero_rate_limits set blocked_until = greatest(coalesce(blocked_until, ?), ?) where tenant_id = ?', [new Date(blockedUntil), new Date(blockedUntil), row.tenant_id]);
    }
  }

  /** Drops call records nobody needs any more (older than a minute and finished). */
  async prune(): Promise<number> {
    const conn = this.orm.em.fork().getConnection();
    const res = (await conn.execute(
      'delete from xero_calls where started_at < ? and (lease_until is null or lease_until < ?)',
      [new Date(this.clock.now() - 2 * MINUTE), new Date(this.clock.now())],
      'run',
    )) as unknown as { affectedRows: number };
    return res.affectedRows;
  }
}

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
