import { z } from 'zod';
import { defineJob } from './job-definition.js';

/** Deletes sessions past expiry (or revoked over a day ago), rate-limit windows long over, and stale sign-in challenges. */
export const purgeExpiredSessionsJob = defineJob({
  name: 'system.purge-expired',
  schema: z.object({}).passthrough(),
  cron: '17 * * * *',
  async run(_data, services, log) {
    const conn = services.em().getConnection();
    type RunResult = { affectedRows: number };
    const sessions = (await conn.execute(
      `delete from sessions where expires_at < now() or revoked_at < now() - interval '1 day'`,
      [],
      'run',
    )) as unknown as RunResult;
    const buckets = (await conn.execute(`delete from rate_limit_buckets where window_start < now() - interval '1 day'`, [], 'run')) as unknown as RunResult;
    // Pending sign-ins and WebAuthn ceremonies last minutes; an hour's grace keeps a late answer's error clear.
    const challenges = (await conn.execute(`delete from auth_challenges where expires_at < now() - interval '1 hour'`, [], 'run')) as unknown as RunResult;
    await services.limiter.prune();
    log.info({ sessions: sessions.affectedRows, buckets: buckets.affectedRows, challenges: challenges.affectedRows }, 'purged expired rows');
  },
});
