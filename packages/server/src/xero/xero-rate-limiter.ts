import { AsyncLocalStorage } from 'node:async_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';
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
  /**
   * With no interactive stream flowing, bulk may use the reserve's slots that are sure to be free again within
   * this many ms (default 1,000; 0: never): the longest an interactive call can then wait for a slot.
   */
  reserveLendMs?: number;
}

/**
 * Two lanes, one budget. INTERACTIVE: writes a person is waiting for (accepted changes); they get the budget
 * first — every concurrency slot, the whole minute, the whole day — paced after a short burst so that a steady
 * stream never runs into the sliding minute. BULK: reads nobody is watching (import, polls, sweeps, webhook
 * fetches); unpaced, they take everything else: all but one concurrency slot, the minute less a reserve kept
 * for interactive calls (lent to bulk only in the second before it frees anyway), the day less a twentieth;
 * never while an interactive call is waiting; and, while interactive calls are flowing, only what the next
 * minute's interactive calls (projected from their rate since the first of them, so a stream that has just begun
 * counts at its rate at once) leave over, evenly.
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
/** A call that has not finished after this frees its concurrency slot anyway (the caller died). */
const LEASE_MS = 2 * MINUTE;
/**
 * Xero counts a call in its minute when the call arrives there: after we started it, before its answer reached
 * us. A finished call is therefore counted from the moment its answer arrived (`markAnswered`, or the call's end:
 * `release` moves `started_at` there), which can only be later than Xero's count, so a call started a minute
 * after that can never meet Xero's window edge; the margin is left only for rounding (ms here, µs in
 * PostgreSQL). A call still in flight counts from its start; it cannot leave the window before it has been
 * answered unless it has run for a minute, by which time Xero's count of it (on arrival) has left Xero's window
 * too.
 */
const WINDOW_MARGIN_MS = 50;

type Acquired = { ok: true; callId: string } | { ok: false; waitMs: number };

/** The call in flight in this async context: when its answer arrived, marked by the HTTP layer. */
const inFlight = new AsyncLocalStorage<{ mark(): void }>();

/**
 * Says that the answer of the call running in this async context has arrived (the gateway's HTTP layer calls it
 * as soon as the response is in, before the body is turned into models): the call then counts in the minute from
 * that moment rather than from when the caller was done with it (see WINDOW_MARGIN_MS). Outside a limited call,
 * nothing.
 */
export function markAnswered(): void {
  inFlight.getStore()?.mark();
}

/**
 * One limiter per Xero tenant, shared by every Vouch process through PostgreSQL: at most `concurrent` calls in
 * flight (leases), `perMinute` started in any sliding minute, `perDay` per day window, and nothing before
 * `blockedUntil` (a 429's Retry-After, or a remaining-count header at 0). Acquisition is one statement that
 * holds the tenant's row lock while it checks and takes, so two processes cannot both take the last slot; a
 * release is one statement too.
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
      let answeredAt: number | undefined;
      const answered = {
        mark: () => {
          answeredAt ??= this.clock.now();
        },
      };
      try {
        const result = await inFlight.run(answered, call);
        await this.release(slot.callId, result.headers, undefined, answeredAt);
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
          answeredAt,
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

  /**
   * `paced: false`: an interactive backlog (bound by the minute anyway) skips the pacing, not the limits.
   * One statement: the rules run in PostgreSQL under the tenant's row lock (`xero_rate_limit_acquire`, in the
   * migrations Migration20261130143000_rate_limit_acquire, Migration20261130180000_rate_limit_projection and, as it is
   * now, Migration20261130203000_rate_limit_lend_reserve),
   * which checks every limit and takes the slot, or says how long to wait.
   */
  private async acquire(tenantId: string, lane: Lane, peek = false, paced = true): Promise<Acquired> {
    const at = this.clock.now();
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ call_id: string | null; wait_ms: number }[]>(
        'select call_id, wait_ms from xero_rate_limit_acquire(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          tenantId,
          lane === 'BULK',
          peek,
          paced,
          new Date(at),
          this.limits.concurrent,
          this.limits.perMinute,
          this.limits.perDay,
          this.limits.burst ?? 10,
          this.reserve,
          this.limits.appPerMinute ?? 0,
          LEASE_MS,
          WINDOW_MARGIN_MS,
          this.limits.reserveLendMs ?? 1000,
        ],
        'all',
      );
    const waitMs = Number(row!.wait_ms);
    if (waitMs > 0) return { ok: false, waitMs: Math.ceil(waitMs) };
    return { ok: true, callId: row!.call_id ?? '' };
  }

  /** Calls of any sliding minute the bulk lane leaves to interactive ones. */
  private get reserve(): number {
    return Math.min(this.limits.interactiveReserve ?? Math.floor(this.limits.perMinute / 6), this.limits.perMinute - 1);
  }

  private async release(callId: string, headers: RateLimitHeaders, retryAfterMs?: number, answeredAt?: number): Promise<void> {
    const now = this.clock.now();
    let blockedUntil: number | null = null;
    // Xero says the minute budget is spent. When our own window held a full minute too (a backlog using the
    // minute to the last call), that is simply so: the next call waits for the window, no pause on top. When our
    // window disagrees (calls we did not see), pause briefly; a 429's Retry-After governs if Xero disagrees
    // further. Xero counted the calls that arrived in the minute before this one arrived, which was after we sent
    // it; each of those we count from its answer, later still. So our window is looked at from a minute before
    // this call was sent: every call Xero counted is in it, and one of ours that has left it since is no
    // disagreement.
    let onlyIfUnaware = false;
    if (retryAfterMs !== undefined) blockedUntil = now + retryAfterMs;
    else if (headers.minRemaining === 0) {
      blockedUntil = now + 5_000;
      onlyIfUnaware = true;
    }
    if (headers.dayRemaining === 0) {
      blockedUntil = Math.max(blockedUntil ?? 0, now + 60 * MINUTE);
      onlyIfUnaware = false;
    }
    const conn = this.orm.em.fork().getConnection();
    // The call now counts in the minute from when its answer arrived (see WINDOW_MARGIN_MS): as the HTTP layer
    // marked it, or now.
    const answered = new Date(Math.min(answeredAt ?? now, now));
    if (blockedUntil === null) {
      await conn.execute('update xero_calls set lease_until = null, started_at = greatest(started_at, ?) where id = ?', [answered, callId], 'run');
      return;
    }
    await conn.execute(
      `with call as (update xero_calls c set lease_until = null, started_at = greatest(c.started_at, ?)
                       from (select started_at as sent_at from xero_calls where id = ?) sent
                      where c.id = ? returning c.tenant_id, sent.sent_at)
       update xero_rate_limits r set blocked_until = greatest(coalesce(r.blocked_until, ?), ?) from call
        where r.tenant_id = call.tenant_id
          and (not ? or (select count(*) from xero_calls c
                          where c.tenant_id = call.tenant_id and c.started_at > call.sent_at - interval '1 minute') < ?)`,
      [answered, callId, callId, new Date(blockedUntil), new Date(blockedUntil), onlyIfUnaware, this.limits.perMinute],
      'run',
    );
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
