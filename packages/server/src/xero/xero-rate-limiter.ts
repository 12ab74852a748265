import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger.js';
import { XeroError } from './classify-xero-failure.js';

/** What Xero's X-MinLimit-Remaining, X-DayLimit-Remaining and X-AppMinLimit-Remaining said (null: absent). */
export interface RateLimitHeaders {
  minRemaining: number | null;
  dayRemaining: number | null;
  appMinRemaining: number | null;
}

export interface TenantLimits {
  concurrent: number;
  perMinute: number;
  perDay: number;
  /** Interactive calls allowed back to back before pacing to perMinute/60 a second (default 10). */
  burst?: number;
  /** Calls of any sliding minute the bulk lane leaves to the interactive one (default perMinute / 6). */
  interactiveReserve?: number;
  /** Calls per sliding minute across every tenant of the app (Xero: 10,000). */
  appPerMinute?: number;
}

/**
 * Two lanes, one budget. INTERACTIVE: writes a person is waiting for (accepted changes); they get the budget
 * first — every concurrency slot, the whole minute, the whole day — paced after a short burst so that a steady
 * stream never runs into the sliding minute. BULK: reads nobody is watching (import, polls, sweeps, webhook
 * fetches); unpaced, they take everything else: all but one concurrency slot, the minute less a reserve kept
 * for interactive calls, the day less a twentieth; never while an interactive call is waiting; and, while
 * interactive calls are flowing, only at the rate they leave over.
 */
export type Lane = 'INTERACTIVE' | 'BULK';

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
const WINDOW_MARGIN_MS = 1000;

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

  async run<T extends { headers: RateLimitHeaders }>(
    tenantId: string,
    call: () => Promise<T>,
    options: { maxWaitMs?: number; lane?: Lane; paced?: boolean } = {},
  ): Promise<T> {
    const maxWaitMs = options.maxWaitMs ?? 10 * MINUTE;
    const lane = options.lane ?? 'INTERACTIVE';
    const started = this.clock.now();
    for (let attempt = 0; ; attempt++) {
      const slot = await this.acquire(tenantId, lane, false, options.paced ?? true);
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
        await this.release(
          slot.callId,
          {
            minRemaining: numberOrNull(headers['x-minlimit-remaining']),
            dayRemaining: numberOrNull(headers['x-daylimit-remaining']),
            appMinRemaining: numberOrNull(headers['x-appminlimit-remaining']),
          },
          error instanceof XeroError && error.kind === 'RATE_LIMITED' ? (error.retryAfterMs ?? MINUTE) : undefined,
        );
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
  async waitForSlot(tenantId: string, maxWaitMs = 10 * MINUTE, lane: Lane = 'INTERACTIVE', paced = true): Promise<void> {
    const started = this.clock.now();
    for (;;) {
      const slot = await this.acquire(tenantId, lane, true, paced);
      if (slot.ok || this.clock.now() - started + slot.waitMs > maxWaitMs) return;
      await this.clock.sleep(slot.waitMs);
    }
  }

  /** `paced: false`: an interactive backlog (bound by the minute anyway) skips the pacing, not the limits. */
  private async acquire(tenantId: string, lane: Lane, peek = false, paced = true): Promise<Acquired> {
    const em = this.orm.em.fork();
    const bulk = lane === 'BULK';
    return await em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const now = new Date(this.clock.now());
      const at = now.getTime();
      await conn.execute('insert into xero_rate_limits (tenant_id, day_count) values (?, 0) on conflict do nothing', [tenantId], 'run', ctx);
      const [state] = await conn.execute<
        {
          day_window_start: Date | null;
          day_count: number;
          blocked_until: Date | null;
          tokens: number | null;
          tokens_at: Date | null;
          interactive_waiting_until: Date | null;
          bulk_at: Date | null;
        }[]
      >(
        'select day_window_start, day_count, blocked_until, tokens, tokens_at, interactive_waiting_until, bulk_at from xero_rate_limits where tenant_id = ? for update',
        [tenantId],
        'all',
        ctx,
      );
      const waits: number[] = [];
      if (state!.blocked_until && new Date(state!.blocked_until).getTime() > at) {
        waits.push(new Date(state!.blocked_until).getTime() - at);
      }
      let dayStart = state!.day_window_start ? new Date(state!.day_window_start) : now;
      let dayCount = state!.day_count;
      if (at - dayStart.getTime() >= DAY) {
        dayStart = now;
        dayCount = 0;
      }
      // The last twentieth of the day is the interactive lane's alone.
      const dayCap = bulk ? this.limits.perDay - Math.floor(this.limits.perDay / 20) : this.limits.perDay;
      if (dayCount >= dayCap) waits.push(dayStart.getTime() + DAY - at);
      // Interactive pacing: without it a sliding minute lets 60 calls out at once and then stalls for a minute,
      // which is what a steady stream of work (e.g. acceptances) would feel as minute-long delays.
      const burst = Math.min(this.limits.burst ?? 10, Math.max(1, Math.floor(this.limits.perMinute / 2)));
      // Refill so that burst + a minute of refill never exceeds the minute limit (else the sliding window
      // would stall the stream for most of a minute).
      // Over a minute and the margins: the window is checked a second past Xero's minute (WINDOW_MARGIN_MS), so a
      // bucket refilling over exactly a minute would fill it to the brim and stall at every window edge.
      const perMs = Math.max(1, this.limits.perMinute - burst) / (MINUTE + 2 * WINDOW_MARGIN_MS);
      const lastAt = state!.tokens_at ? new Date(state!.tokens_at).getTime() : at;
      const tokens = Math.min(burst, (state!.tokens ?? burst) + Math.max(0, at - lastAt) * perMs);
      const pacingWait = !bulk && paced && tokens < 1 ? Math.ceil((1 - tokens) / perMs) : 0;
      const minuteAgo = new Date(at - MINUTE);
      const [usage] = await conn.execute<
        { in_flight: string; bulk_in_flight: string; last_minute: string; interactive_minute: string; oldest: Date | null; soonest_lease: Date | null }[]
      >(
        `select count(*) filter (where lease_until > ?) as in_flight,
                count(*) filter (where lease_until > ? and lane = 'BULK') as bulk_in_flight,
                count(*) filter (where started_at > ?) as last_minute,
                count(*) filter (where started_at > ? and lane = 'INTERACTIVE') as interactive_minute,
                min(started_at) filter (where started_at > ?) as oldest,
                min(lease_until) filter (where lease_until > ?) as soonest_lease
           from xero_calls where tenant_id = ? and (started_at > ? or lease_until > ?)`,
        [now, now, minuteAgo, minuteAgo, minuteAgo, now, tenantId, minuteAgo, now],
        'all',
        ctx,
      );
      const reserve = Math.min(this.limits.interactiveReserve ?? Math.floor(this.limits.perMinute / 6), this.limits.perMinute - 1);
      // Bulk leaves the reserve, and while interactive calls flow also room for as many again as they made in the
      // last minute (they are likely to go on): a person accepting changes is never stuck behind an import.
      const interactiveRecent = Number(usage!.interactive_minute);
      const minuteCap = bulk ? this.limits.perMinute - reserve - interactiveRecent : this.limits.perMinute;
      if (minuteCap <= 0) waits.push(1000);
      else if (Number(usage!.last_minute) >= minuteCap && usage!.oldest) {
        // Xero counts a call when it arrives, a little after we started it (more on a busy event loop): wait a
        // second past our own count, or the call meets a 429 and its Retry-After.
        waits.push(new Date(usage!.oldest).getTime() + MINUTE - at + WINDOW_MARGIN_MS);
      }
      const concurrentCap = bulk ? Math.max(1, this.limits.concurrent - 1) : this.limits.concurrent;
      if (Number(bulk ? usage!.bulk_in_flight : usage!.in_flight) >= concurrentCap || Number(usage!.in_flight) >= this.limits.concurrent) {
        // Poll for a finished call; a dead caller's lease lapses on its own.
        waits.push(Math.min(250, usage!.soonest_lease ? new Date(usage!.soonest_lease).getTime() - at : 250));
      }
      if (bulk) {
        // An interactive call is waiting: the next slot is its.
        const waiting = state!.interactive_waiting_until ? new Date(state!.interactive_waiting_until).getTime() - at : 0;
        if (waiting > 0) waits.push(Math.min(250, waiting));
        // Interactive calls flowing: bulk takes only the rate they leave over, evenly, so that the minute
        // a minute from now still has room for them (a burst now would be a stall for them then).
        const interactive = interactiveRecent;
        if (interactive > 0) {
          const leftover = this.limits.perMinute - reserve - interactive;
          const lastBulk = state!.bulk_at ? new Date(state!.bulk_at).getTime() : 0;
          if (leftover <= 0) waits.push(1000);
          else if (lastBulk + MINUTE / leftover > at) waits.push(Math.ceil(lastBulk + MINUTE / leftover - at));
        }
      }
      const appWait = this.limits.appPerMinute ? await this.appMinuteWait(conn, ctx, at) : 0;
      if (appWait > 0) waits.push(appWait);
      if (waits.length || pacingWait) {
        // Waiting for budget the lanes share (not for its own pacing): bulk calls stand back meanwhile.
        if (!bulk && waits.length) {
          await conn.execute(
            'update xero_rate_limits set interactive_waiting_until = ? where tenant_id = ?',
            [new Date(at + Math.min(2000, Math.max(...waits) + 500)), tenantId],
            'run',
            ctx,
          );
        }
        return { ok: false as const, waitMs: Math.max(1, pacingWait, ...waits) };
      }
      if (peek) return { ok: true as const, callId: '' };
      const [call] = await conn.execute<{ id: string }[]>(
        'insert into xero_calls (id, tenant_id, started_at, lease_until, lane) values (gen_random_uuid(), ?, ?, ?, ?) returning id',
        [tenantId, now, new Date(at + LEASE_MS), lane],
        'all',
        ctx,
      );
      if (this.limits.appPerMinute) {
        await conn.execute(
          'insert into xero_app_calls (second, calls) values (?, 1) on conflict (second) do update set calls = xero_app_calls.calls + 1',
          [Math.floor(at / 1000)],
          'run',
          ctx,
        );
      }
      await conn.execute(
        bulk
          ? 'update xero_rate_limits set day_window_start = ?, day_count = ?, bulk_at = ? where tenant_id = ?'
          : 'update xero_rate_limits set day_window_start = ?, day_count = ?, tokens = ?, tokens_at = ?, interactive_waiting_until = null where tenant_id = ?',
        bulk ? [dayStart, dayCount + 1, now, tenantId] : [dayStart, dayCount + 1, Math.max(0, tokens - 1), now, tenantId],
        'run',
        ctx,
      );
      return { ok: true as const, callId: call!.id };
    });
  }

  /** How long until the app as a whole (every tenant) may start another call: 0 if now. Per-second counts. */
  private async appMinuteWait(conn: ReturnType<EntityManager['getConnection']>, ctx: unknown, at: number): Promise<number> {
    const second = Math.floor(at / 1000);
    const rows = await conn.execute<{ second: string; calls: number }[]>(
      'select second, calls from xero_app_calls where second > ? order by second',
      [second - 60],
      'all',
      ctx as never,
    );
    let total = rows.reduce((sum, r) => sum + r.calls, 0);
    if (total < this.limits.appPerMinute!) return 0;
    // Wait until enough of the oldest seconds leave the window.
    for (const r of rows) {
      total -= r.calls;
      if (total < this.limits.appPerMinute!) return (Number(r.second) + 61) * 1000 - at;
    }
    return 1000;
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
      await conn.execute('update xero_rate_limits set blocked_until = greatest(coalesce(blocked_until, ?), ?) where tenant_id = ?', [
        new Date(blockedUntil),
        new Date(blockedUntil),
        row.tenant_id,
      ]);
    }
  }

  /** Drops call records nobody needs any more (older than a minute and finished). */
  async prune(): Promise<number> {
    const conn = this.orm.em.fork().getConnection();
    await conn.execute('delete from xero_app_calls where second < ?', [Math.floor(this.clock.now() / 1000) - 120], 'run');
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
