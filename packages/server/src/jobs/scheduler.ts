import { PgBoss } from 'pg-boss';
import type { Logger } from '../common/logger.js';
import type { Services } from '../services.js';
import { purgeExpiredSessionsJob } from './system.purge-expired.job.js';

export interface JobDefinition {
  name: string;
  /** Cron in UTC; the job is also sendable by hand. */
  cron?: string;
  run(services: Services, log: Logger): Promise<void>;
}

const JOBS: JobDefinition[] = [purgeExpiredSessionsJob];

export interface Scheduler {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss on the application database in its own schema. Every instance works the same queues; pg-boss
 * hands each job to exactly one of them.
 */
export async function startScheduler(connectionString: string, services: Services, log: Logger): Promise<Scheduler> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 5 });
  boss.on('error', (err: Error) => log.error({ err }, 'pg-boss error'));
  await boss.start();
  for (const job of JOBS) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: 1 }, async (batch) => {
      for (const item of batch) {
        const jobLog = log.child({ job: job.name, jobId: item.id });
        await job.run(services, jobLog);
      }
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
  }
  return {
    boss,
    async stop() {
      // Stops claiming, waits for in-flight handlers (up to the timeout), then closes its pool.
      await boss.stop({ graceful: true, timeout: 20_000 });
    },
  };
}
