import type { EntityManager } from '@mikro-orm/postgresql';

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in PostgreSQL, so every server instance shares it. One atomic upsert per hit.
 */
export async function hitRateLimit(em: EntityManager, key: string, limit: number, windowMs: number, now: Date = new Date()): Promise<RateLimitResult> {
  const rows: { count: number; window_start: Date }[] = await em.getConnection().execute(
    `insert into rate_limit_buckets (key, window_start, count) values (?, ?, 1)
     on conflict (key) do update set
       count = case when rate_limit_buckets.window_start <= ?::timestamptz - (? * interval '1 millisecond') then 1
                    else rate_limit_buckets.count + 1 end,
       window_start = case when rate_limit_buckets.window_start <= ?::timestamptz - (? * interval '1 millisecond') then excluded.window_start
                    else rate_limit_buckets.window_start end
     returning count, window_start`,
    [key, now, now, windowMs, now, windowMs],
  );
  const row = rows[0]!;
  const resetAt = new Date(row.window_start).getTime() + windowMs;
  return {
    allowed: row.count <= limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)),
  };
}

export async function clearRateLimit(em: EntityManager, key: string): Promise<void> {
  await em.getConnection().execute('delete from rate_limit_buckets where key = ?', [key]);
}

/**
 * Whether a key is still within its limit, without counting a hit: for limits on failures (wrong secrets),
 * checked before an attempt and hit only when the attempt fails.
 */
export async function peekRateLimit(em: EntityManager, key: string, limit: number, windowMs: number, now: Date = new Date()): Promise<RateLimitResult> {
  const rows: { count: number; window_start: Date }[] = await em
    .getConnection()
    .execute(`select count, window_start from rate_limit_buckets where key = ? and window_start > ?::timestamptz - (? * interval '1 millisecond')`, [
      key,
      now,
      windowMs,
    ]);
  const row = rows[0];
  if (!row) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  const resetAt = new Date(row.window_start).getTime() + windowMs;
  return { allowed: row.count < limit, count: row.count, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)) };
}
