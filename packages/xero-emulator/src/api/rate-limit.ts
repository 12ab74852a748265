import type { RateLimits } from '../types.js';

/** Timestamps in a rolling window, oldest first (a queue with a moving head). */
class Window {
  private readonly stamps: number[] = [];
  private head = 0;

  constructor(private readonly windowMs: number) {}

  count(now: number): number {
    while (this.head < this.stamps.length && (this.stamps[this.head] ?? 0) <= now - this.windowMs) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
    return this.stamps.length - this.head;
  }

  add(now: number): void {
    this.stamps.push(now);
  }

  /** ms until one slot frees up. */
  msUntilSlot(now: number): number {
    const oldest = this.stamps[this.head] ?? now;
    return Math.max(0, oldest + this.windowMs - now);
  }
}

interface TenantState {
  minute: Window;
  day: Window;
  inFlight: number;
}

export type RateLimitProblem = 'minute' | 'day' | 'concurrent' | 'appminute';

export interface RateLimitHeaders {
  'X-DayLimit-Remaining': string;
  'X-MinLimit-Remaining': string;
  'X-AppMinLimit-Remaining': string;
}

export type AcquireResult =
  | { ok: true; headers: RateLimitHeaders; release: () => void }
  | { ok: false; headers: RateLimitHeaders; problem: RateLimitProblem; retryAfterSeconds: number | undefined };

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Xero's limits: per connection (app × organisation) 5 concurrent, 60 per rolling minute and 5,000 per
 * rolling day; per app 10,000 per rolling minute. Rejected calls do not count.
 */
export class RateLimiter {
  private readonly tenants = new Map<string, TenantState>();
  private readonly apps = new Map<string, Window>();

  constructor(private readonly limits: RateLimits) {}

  private tenant(clientId: string, tenantId: string): TenantState {
    const key = `${clientId}|${tenantId}`;
    let state = this.tenants.get(key);
    if (!state) {
      state = { minute: new Window(MINUTE), day: new Window(DAY), inFlight: 0 };
      this.tenants.set(key, state);
    }
    return state;
  }

  private app(clientId: string): Window {
    let window = this.apps.get(clientId);
    if (!window) {
      window = new Window(MINUTE);
      this.apps.set(clientId, window);
    }
    return window;
  }

  headers(clientId: string, tenantId: string | undefined, now: number): RateLimitHeaders {
    const app = this.app(clientId);
    const state = tenantId === undefined ? undefined : this.tenant(clientId, tenantId);
    return {
      'X-DayLimit-Remaining': String(Math.max(0, this.limits.perDay - (state?.day.count(now) ?? 0))),
      'X-MinLimit-Remaining': String(Math.max(0, this.limits.perMinute - (state?.minute.count(now) ?? 0))),
      'X-AppMinLimit-Remaining': String(Math.max(0, this.limits.appPerMinute - app.count(now))),
    };
  }

  acquire(clientId: string, tenantId: string, now: number): AcquireResult {
    const state = this.tenant(clientId, tenantId);
    const app = this.app(clientId);
    const reject = (problem: RateLimitProblem, waitMs: number | undefined): AcquireResult => ({
      ok: false,
      problem,
      retryAfterSeconds: waitMs === undefined ? undefined : Math.max(1, Math.ceil(waitMs / 1000)),
      headers: this.headers(clientId, tenantId, now),
    });
    if (state.day.count(now) >= this.limits.perDay) return reject('day', state.day.msUntilSlot(now));
    if (app.count(now) >= this.limits.appPerMinute) return reject('appminute', app.msUntilSlot(now));
    if (state.minute.count(now) >= this.limits.perMinute) return reject('minute', state.minute.msUntilSlot(now));
    if (state.inFlight >= this.limits.concurrent) return reject('concurrent', undefined);
    state.day.add(now);
    state.minute.add(now);
    app.add(now);
    state.inFlight += 1;
    let released = false;
    return {
      ok: true,
      headers: this.headers(clientId, tenantId, now),
      release: () => {
        if (released) return;
        released = true;
        state.inFlight -= 1;
      },
    };
  }
}
