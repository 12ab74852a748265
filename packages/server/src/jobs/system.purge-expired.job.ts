import type { JobDefinition } from './scheduler.js';

/** Deletes sessions past expiry (or revoked over a day ago) and rate-limit windows long over. */
export const purgeExpiredSessionsJob: JobDefinition = {
  name: 'system.purge-expired',
  cron: '17 * * * *',
  async run(services, log) {
    const conn = services.em().getConnection();
    type RunResult = { affectedRows: number };
    const sessions = (await conn.execute(
      `delete from sessions where expires_at < now() or revoked_at < now() - interval '1 day'`,
      [],
      'run',
    )) as unknown as RunResult;
    const buckets = (await conn.execute(
      `delete from rate_limit_buckets where window_start < now() - interval '1 day'`,
      [],
      'run',
    )) as unknown as RunResult;
    log.info({ sessions: sessions.affectedRows, buckets: buckets.affectedRows }, 'purged expired rows');
  },
};
