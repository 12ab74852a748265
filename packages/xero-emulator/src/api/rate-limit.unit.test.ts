import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  const limits = { concurrent: 2, perMinute: 3, perDay: 5, appPerMinute: 100 };

  it('counts per app × tenant in rolling windows and reports Retry-After', () => {
    const limiter = new RateLimiter(limits);
    for (let i = 0; i < 3; i += 1) {
      const result = limiter.acquire('app', 't1', 1000 + i * 1000);
      expect(result.ok).toBe(true);
      if (result.ok) result.release();
    }
    const fourth = limiter.acquire('app', 't1', 10_000);
    expect(fourth).toMatchObject({ ok: false, problem: 'minute', retryAfterSeconds: 51 });
    expect(limiter.acquire('app', 't2', 10_000).ok).toBe(true);
    expect(limiter.acquire('app', 't1', 61_000).ok).toBe(true);
    expect(limiter.headers('app', 't1', 61_000)).toEqual({ 'X-DayLimit-Remaining': '1', 'X-MinLimit-Remaining': '0', 'X-AppMinLimit-Remaining': '96' });
  });

  it('limits concurrency until released, without Retry-After', () => {
    const limiter = new RateLimiter({ ...limits, perMinute: 100 });
    const a = limiter.acquire('app', 't', 0);
    const b = limiter.acquire('app', 't', 0);
    const c = limiter.acquire('app', 't', 0);
    expect(c).toMatchObject({ ok: false, problem: 'concurrent', retryAfterSeconds: undefined });
    if (a.ok) a.release();
    expect(limiter.acquire('app', 't', 0).ok).toBe(true);
    expect(b.ok).toBe(true);
  });

  it('enforces the day limit over a rolling 24 hours', () => {
    const limiter = new RateLimiter({ ...limits, perMinute: 100, concurrent: 100 });
    for (let i = 0; i < 5; i += 1) expect(limiter.acquire('app', 't', i * 120_000).ok).toBe(true);
    expect(limiter.acquire('app', 't', 3_600_000)).toMatchObject({ ok: false, problem: 'day' });
    expect(limiter.acquire('app', 't', 86_400_001).ok).toBe(true);
  });
});
