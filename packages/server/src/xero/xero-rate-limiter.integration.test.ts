import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../testing/index.js';
import { ormConfig } from '../db/orm.config.js';
import { createLogger } from '../common/logger.js';
import { XeroError } from './classify-xero-failure.js';
import { markAnswered, TenantRateLimiter, type LimiterClock } from './xero-rate-limiter.js';

const OK = { headers: { minRemaining: 50, dayRemaining: 4000, appMinRemaining: 9000 } };

/** Virtual time: sleeping moves the clock instead of waiting. */
function fakeClock(start = Date.UTC(2026, 10, 23, 12)): LimiterClock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
      await Promise.resolve();
    },
  };
}

let orm: MikroORM;
let url: string;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const db = await createTestDatabase();
  dispose = db.dispose;
  url = db.url;
  orm = await MikroORM.init(ormConfig(db.url));
});
afterAll(async () => {
  await orm?.close(true);
  await dispose?.();
});

const log = createLogger('silent');

describe('per-tenant rate limiter (shared through PostgreSQL)', () => {
  it('starts at most perMinute calls in any sliding minute, across two limiter instances', async () => {
    const clock = fakeClock();
    const limits = { concurrent: 5, perMinute: 3, perDay: 100 };
    const a = new TenantRateLimiter(orm, limits, log, clock);
    const b = new TenantRateLimiter(orm, limits, log, clock);
    const starts: number[] = [];
    for (const limiter of [a, b, a, b, a]) {
      await limiter.run('tenant-minute', async () => {
        starts.push(clock.now());
        return OK;
      });
    }
    // Never more than 3 starts in any 60-second window, whichever instance made them.
    for (const [i, t] of starts.entries()) expect(starts.filter((u) => u >= t && u < t + 60_000).length, `window at call ${i}`).toBeLessThanOrEqual(3);
    expect(starts[3]! - starts[0]!).toBeGreaterThanOrEqual(60_000);
  });

  it('counts a finished call in the minute from when its answer arrived, which Xero counted it before', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 2, perDay: 100 }, log, clock);
    const unpaced = { paced: false }; // the minute's own rule, not the interactive pacing
    const slowFrom = clock.now();
    // Xero counts a call on arrival, somewhere in the 5 s this one takes: only 60 s after its answer is the
    // minute sure to have room, whatever the network did.
    await limiter.run(
      'tenant-answered',
      async () => {
        await clock.sleep(5_000);
        return OK;
      },
      unpaced,
    );
    await limiter.run('tenant-answered', async () => OK, unpaced);
    const thirdAt: number[] = [];
    await limiter.run(
      'tenant-answered',
      async () => {
        thirdAt.push(clock.now());
        return OK;
      },
      unpaced,
    );
    expect(thirdAt[0]! - slowFrom).toBeGreaterThanOrEqual(5_000 + 60_000);
    // …and not much later than that (the margin is for rounding only).
    expect(thirdAt[0]! - slowFrom).toBeLessThan(5_000 + 60_000 + 1_000);
  });

  it('counts a call from when the HTTP layer saw its answer, not from when its caller was done with it', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 1, perDay: 100 }, log, clock);
    const from = clock.now();
    await limiter.run(
      'tenant-marked',
      async () => {
        await clock.sleep(1_000);
        markAnswered(); // the response is in…
        await clock.sleep(4_000); // …and turning it into models takes a while
        return OK;
      },
      { paced: false },
    );
    const nextAt: number[] = [];
    await limiter.run('tenant-marked', async () => (nextAt.push(clock.now()), OK), { paced: false });
    expect(nextAt[0]! - from).toBeGreaterThanOrEqual(1_000 + 60_000);
    expect(nextAt[0]! - from).toBeLessThan(5_000 + 60_000);
    markAnswered(); // outside a limited call: nothing to mark, no error
  });

  it('paces a steady stream after a short burst instead of bursting a minute and stalling', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 1000, burst: 2 }, log, clock);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await limiter.run('tenant-pacing', async () => {
        starts.push(clock.now());
        return OK;
      });
    }
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(gaps[0]).toBe(0);
    // Refill is (60 − burst) a minute, so a burst plus a minute of pacing stays within the limit.
    for (const gap of gaps.slice(1)) expect(gap).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...gaps)).toBeLessThan(1100);
  });

  it('keeps at most `concurrent` calls in flight', async () => {
    const limiter = new TenantRateLimiter(orm, { concurrent: 2, perMinute: 60, perDay: 100 }, log);
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limiter.run('tenant-concurrent', async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 30));
          inFlight--;
          return OK;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('waits out the daily budget instead of failing, when allowed to wait that long', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 2 }, log, clock);
    for (let i = 0; i < 2; i++) await limiter.run('tenant-day', async () => OK);
    const started = clock.now();
    await limiter.run('tenant-day', async () => OK, { maxWaitMs: 25 * 60 * 60_000 });
    expect(clock.now() - started).toBeGreaterThanOrEqual(24 * 60 * 60_000 - 1);
    // With a short allowance it says RATE_LIMITED (the job reschedules itself) rather than hanging.
    for (let i = 0; i < 1; i++) await limiter.run('tenant-day', async () => OK, { maxWaitMs: 25 * 60 * 60_000 });
    await expect(limiter.run('tenant-day', async () => OK, { maxWaitMs: 1000 })).rejects.toMatchObject({ kind: 'RATE_LIMITED' });
  });

  it('honours Retry-After from a 429, then succeeds', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 100 }, log, clock);
    let calls = 0;
    const result = await limiter.run('tenant-429', async () => {
      calls++;
      if (calls === 1) throw new XeroError('RATE_LIMITED', 'minute', 429, 7000, { 'x-rate-limit-problem': 'minute' });
      return OK;
    });
    expect(result).toBe(OK);
    expect(calls).toBe(2);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7000);
  });

  it('pauses a tenant whose remaining-minute header reached 0', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 100 }, log, clock);
    await limiter.run('tenant-header', async () => ({ headers: { minRemaining: 0, dayRemaining: 10, appMinRemaining: 10 } }));
    const before = clock.now();
    await limiter.run('tenant-header', async () => OK);
    expect(clock.now() - before).toBeGreaterThanOrEqual(5_000);
  });

  it('a call that spends the minute to its last call (Xero: 0 remaining) adds no pause when our window knows it is full', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 3, perDay: 100 }, log, clock);
    const start = clock.now();
    const spent = { headers: { minRemaining: 0, dayRemaining: 90, appMinRemaining: 9000 } };
    await limiter.run('tenant-full', async () => OK, { paced: false });
    await clock.sleep(10_000);
    await limiter.run('tenant-full', async () => OK, { paced: false });
    await clock.sleep(49_000);
    await limiter.run('tenant-full', async () => spent, { paced: false }); // the third of three, at 59 s
    const at: number[] = [];
    await limiter.run('tenant-full', async () => (at.push(clock.now() - start), OK), { paced: false });
    // As soon as the first call leaves the minute (60 s), not 5 s after the third (64 s).
    expect(at[0]!).toBeGreaterThanOrEqual(60_000);
    expect(at[0]!).toBeLessThan(61_000);
  });

  it('our window is compared with Xero’s 0 remaining from a minute before the call was sent, not after a call left it', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 3, perDay: 100 }, log, clock);
    const start = clock.now();
    const spent = { headers: { minRemaining: 0, dayRemaining: 90, appMinRemaining: 9000 } };
    await limiter.run('tenant-full-at-answer', async () => OK, { paced: false });
    await limiter.run('tenant-full-at-answer', async () => OK, { paced: false });
    await clock.sleep(59_900);
    // The third of three, sent at 59.9 s: Xero counted it on arrival with the minute full. Its answer comes at
    // 60.3 s and its models are ready at 60.5 s, both after the first two calls have left our window (60 s).
    await limiter.run(
      'tenant-full-at-answer',
      async () => {
        await clock.sleep(400);
        markAnswered();
        await clock.sleep(200);
        return spent;
      },
      { paced: false },
    );
    const at: number[] = [];
    await limiter.run('tenant-full-at-answer', async () => (at.push(clock.now() - start), OK), { paced: false });
    // Nothing we did not know about: no 5 s pause.
    expect(at[0]!).toBeLessThan(61_000);
  });

  it('two lanes, one budget: bulk reads run unpaced up to the minute less a reserve, which interactive writes still get', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 1000 }, log, clock);
    const start = clock.now();
    for (let i = 0; i < 50; i++) await limiter.run('tenant-lanes', async () => OK, { lane: 'BULK' });
    // Fifty back to back: no pacing holds back part of the budget.
    expect(clock.now()).toBe(start);
    // The reserve: an accepted change still goes out at once, and the next nine too (its burst).
    for (let i = 0; i < 10; i++) await limiter.run('tenant-lanes', async () => OK);
    expect(clock.now()).toBe(start);
    // Bulk waits for the minute to move on (the first calls to age out), not for pacing.
    await limiter.run('tenant-lanes', async () => OK, { lane: 'BULK' });
    expect(clock.now() - start).toBeGreaterThanOrEqual(60_000);
    expect(clock.now() - start).toBeLessThan(62_000);
  });

  it('lends bulk the reserve only in the second before it frees anyway, and an interactive call then waits at most that second', async () => {
    for (const lendMs of [1000, 0]) {
      const clock = fakeClock();
      const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 1000, reserveLendMs: lendMs }, log, clock);
      const tenant = `tenant-lend-${lendMs}`;
      const start = clock.now();
      // An import's burst: the minute less the reserve, at once; then it waits for the minute to roll over.
      for (let i = 0; i < 50; i++) await limiter.run(tenant, async () => OK, { lane: 'BULK' });
      await clock.sleep(30_000);
      const bulkAt: number[] = [];
      for (let i = 0; i < 10; i++) await limiter.run(tenant, async () => (bulkAt.push(clock.now() - start), OK), { lane: 'BULK' });
      if (lendMs === 0) {
        // Nothing lent: the reserve stays unused until the burst leaves the minute.
        expect(bulkAt[0]!).toBeGreaterThanOrEqual(60_000);
        continue;
      }
      // The reserve's ten calls go in the second before the burst's calls leave the minute, not after.
      expect(bulkAt[0]!).toBeGreaterThanOrEqual(59_000);
      expect(bulkAt[9]!).toBeLessThan(60_000);
      // The minute is now full; an accepted change waits only for the burst's first calls to leave it.
      const interactiveFrom = clock.now();
      await limiter.run(tenant, async () => OK);
      expect(clock.now() - interactiveFrom).toBeLessThanOrEqual(lendMs + 50);
      expect(clock.now() - start).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('a stream of accepted changes that begins during a bulk burst is never kept waiting: bulk leaves room at its rate', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 5000 }, log, clock);
    const tenant = 'tenant-stream';
    const start = clock.now();
    // An import's burst: 20 calls at once.
    for (let i = 0; i < 20; i++) await limiter.run(tenant, async () => OK, { lane: 'BULK' });
    // Then, for a minute, a person accepts a change every 2 s (30 calls, half the minute) while the import
    // keeps trying to read a page every half second. No interactive call may wait (maxWaitMs 0 throws if it would).
    const now = { interactive: 0, bulk: 20 };
    const waited: number[] = [];
    for (let at = 0; at < 60_000; at += 500) {
      if (at % 2000 === 0) {
        try {
          await limiter.run(tenant, async () => OK, { maxWaitMs: 0 });
          now.interactive++;
        } catch (error) {
          if (!(error instanceof XeroError && error.kind === 'RATE_LIMITED')) throw error;
          waited.push(at);
        }
      }
      await limiter
        .run(tenant, async () => OK, { lane: 'BULK', maxWaitMs: 0 })
        .then(() => now.bulk++)
        .catch((error: unknown) => {
          if (!(error instanceof XeroError && error.kind === 'RATE_LIMITED')) throw error;
        });
      await clock.sleep(start + at + 500 - clock.now());
    }
    expect(waited).toEqual([]);
    expect(now.interactive).toBe(30);
    // The import was held back, not stopped for good: the minute's calls all went somewhere useful.
    expect(now.bulk).toBeGreaterThanOrEqual(20);
    expect(now.bulk + now.interactive).toBeLessThanOrEqual(60);
    // The stream has stopped (its last call at 58 s): ten seconds later bulk is back to its full pace, ten calls back
    // to back, not paced as if the stream went on.
    await clock.sleep(start + 68_000 - clock.now());
    for (let i = 0; i < 10; i++) await limiter.run(tenant, async () => OK, { lane: 'BULK', maxWaitMs: 0 });
  });

  it('a bulk call held back by a stream that then stops goes within seconds, not when its minute rolls over', async () => {
    const clock = fakeClock();
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 5000 }, log, clock);
    const tenant = 'tenant-stopped-stream';
    const start = clock.now();
    for (let i = 0; i < 20; i++) await limiter.run(tenant, async () => OK, { lane: 'BULK' });
    // Two changes accepted 2 s apart: a stream of 30 a minute, as far as anyone can tell; then nothing more.
    await clock.sleep(1_000);
    await limiter.run(tenant, async () => OK);
    await clock.sleep(2_000);
    await limiter.run(tenant, async () => OK);
    const at: number[] = [];
    await limiter.run(tenant, async () => (at.push(clock.now() - start), OK), { lane: 'BULK' });
    // Held back while the stream might go on (its projected rate falls as no call comes, and is nothing once it has
    // clearly stopped), looked at again every 2 s at most: not at ~60 s, when the burst leaves the minute.
    expect(at[0]!).toBeGreaterThanOrEqual(3_000 + 1_000);
    expect(at[0]!).toBeLessThan(3_000 + 8_000);
  });

  it('bulk calls stand back while an interactive call waits for shared budget, and leave it a concurrency slot', async () => {
    const limiter = new TenantRateLimiter(orm, { concurrent: 2, perMinute: 60, perDay: 1000 }, log);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    let bulkInFlight = 0;
    let bulkPeak = 0;
    const bulkCall = (name: string) =>
      limiter.run(
        'tenant-priority',
        async () => {
          bulkInFlight++;
          bulkPeak = Math.max(bulkPeak, bulkInFlight);
          order.push(name);
          await gate;
          bulkInFlight--;
          return OK;
        },
        { lane: 'BULK' },
      );
    const first = bulkCall('bulk-1');
    await expect.poll(() => order.length).toBe(1);
    const second = bulkCall('bulk-2');
    // One slot stays free for interactive calls: the second bulk call waits, an interactive one does not.
    await limiter.run('tenant-priority', async () => {
      order.push('interactive');
      return OK;
    });
    expect(order).toEqual(['bulk-1', 'interactive']);
    release();
    await Promise.all([first, second]);
    expect(bulkPeak).toBe(1);
    expect(order).toEqual(['bulk-1', 'interactive', 'bulk-2']);
  });

  it('keeps the app-wide minute limit across tenants', async () => {
    const clock = fakeClock();
    const limits = { concurrent: 5, perMinute: 60, perDay: 1000, appPerMinute: 4 };
    const a = new TenantRateLimiter(orm, limits, log, clock);
    const start = clock.now();
    for (const tenant of ['app-1', 'app-2', 'app-3', 'app-4']) await a.run(tenant, async () => OK, { lane: 'BULK' });
    expect(clock.now()).toBe(start);
    await a.run('app-5', async () => OK, { lane: 'BULK' });
    expect(clock.now() - start).toBeGreaterThanOrEqual(60_000);
  });

  it('takes a slot in one statement and gives it back in one (no transaction of round trips per call)', async () => {
    const limiter = new TenantRateLimiter(orm, { concurrent: 5, perMinute: 60, perDay: 1000, appPerMinute: 10_000 }, log, fakeClock());
    await limiter.run('tenant-one-statement', async () => OK); // the tenant's row exists from here on
    const spy = vi.spyOn(orm.config.getLogger(), 'logQuery');
    try {
      await limiter.run('tenant-one-statement', async () => OK, { lane: 'BULK' });
      await limiter.run('tenant-one-statement', async () => OK);
      expect(spy.mock.calls.length).toBe(4);
    } finally {
      spy.mockRestore();
    }
  });

  it('two processes (two connection pools) racing for one tenant never exceed its concurrency or minute', async () => {
    const other = await MikroORM.init(ormConfig(url));
    try {
      const limits = { concurrent: 3, perMinute: 12, perDay: 1000 };
      const limiters = [new TenantRateLimiter(orm, limits, log), new TenantRateLimiter(other, limits, log)];
      let inFlight = 0;
      let peak = 0;
      const call = async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return OK;
      };
      const started = await Promise.allSettled(
        Array.from({ length: 16 }, (_, i) =>
          limiters[i % 2]!.run('tenant-race', call, { lane: i % 3 ? 'BULK' : 'INTERACTIVE', paced: false, maxWaitMs: 5_000 }),
        ),
      );
      expect(peak).toBeLessThanOrEqual(3);
      // Those that got a slot fit the minute; the rest were told the budget is used up, and started nothing.
      const ran = started.filter((r) => r.status === 'fulfilled').length;
      expect(ran).toBeGreaterThan(0);
      expect(ran).toBeLessThanOrEqual(12);
      for (const r of started) if (r.status === 'rejected') expect((r.reason as XeroError).kind).toBe('RATE_LIMITED');
      const [row] = await orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from xero_calls where tenant_id = 'tenant-race'`);
      expect(Number(row!.n)).toBe(ran);
    } finally {
      await other.close(true);
    }
  });
});
