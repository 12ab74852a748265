import { PgBoss } from 'pg-boss';
import type { Logger } from './common/logger.js';
import type { Services } from './services.js';
import { xeroFetchContactJob } from './sync/jobs/xero.fetch-contact.job.js';
import { xeroImportContactsJob } from './sync/jobs/xero.import-contacts.job.js';
import { PollSweeper } from './sync/poll-sweeper.js';
import type { JobDefinition } from './jobs/job-definition.js';
import { purgeExpiredSessionsJob } from './jobs/system.purge-expired.job.js';
import { sendInviteRemindersJob } from './invites/jobs/invites.send-reminders.job.js';
import { xeroPushSuppliersJob, xeroPushSweepJob } from './sync/jobs/xero.push-suppliers.job.js';
import { deliverWebhooksJob, webhooksSweepJob } from './webhooks/jobs/webhooks.deliver.job.js';
import { TOPICS } from './graphql/pubsub.js';

export const JOBS: JobDefinition[] = [
  purgeExpiredSessionsJob,
  xeroImportContactsJob,
  xeroFetchContactJob,
  sendInviteRemindersJob,
  xeroPushSuppliersJob,
  xeroPushSweepJob,
  deliverWebhooksJob,
  webhooksSweepJob,
] as JobDefinition[];

/** Queues of jobs that are no more: their cron and any jobs left in them are removed at start-up. */
const RETIRED_QUEUES = ['xero.poll-due', 'xero.poll']; // polls: now the in-process sweep (sync/poll-sweeper.ts)

export interface Scheduler {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss on the application database in its own schema. Every instance can send; with workers enabled every
 * instance works the same queues and pg-boss hands each job to exactly one of them.
 *
 * Crash safety: every queue has a heartbeat. A running handler refreshes it (every half interval); a job whose
 * process died (SIGKILL, OOM, power) stops beating and the supervisor, which looks every few seconds, fails it
 * into a retry within heartbeat + supervise seconds — instead of holding its singleton key (one push per
 * organisation, one import per connection) until `expireInSeconds`.
 */
export async function startScheduler(connectionString: string, services: Services, log: Logger, workers: boolean): Promise<Scheduler> {
  const { heartbeatSeconds, superviseSeconds } = services.config.jobs;
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 5 + services.config.jobs.pushConcurrency,
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
  });
  boss.on('error', (err: Error) => log.error({ err }, 'pg-boss error'));
  await boss.start();
  for (const job of JOBS) {
    const options = { ...job.queue, heartbeatSeconds };
    await boss.createQueue(job.name, { policy: job.policy ?? 'standard', ...options });
    // createQueue leaves an existing queue as it was: bring its policy options (heartbeat, expiry) up to date.
    await boss.updateQueue(job.name, options);
  }
  for (const name of RETIRED_QUEUES) {
    await boss.unschedule(name).catch(() => undefined);
    if (await boss.getQueue(name)) await boss.deleteQueue(name);
  }
  services.jobs.attach(boss);
  let polls: PollSweeper | undefined;
  let webhookWakeups: AsyncIterator<unknown> | undefined;
  if (workers) {
    for (const job of JOBS) {
      const localConcurrency = job.concurrency?.(services) ?? 1;
      const workerId = await boss.work(job.name, { pollingIntervalSeconds: 0.5, localConcurrency }, async (batch) => {
        for (const item of batch) {
          const jobLog = log.child({ job: job.name, jobId: item.id });
          const parsed = job.schema.safeParse(item.data);
          if (!parsed.success) {
            jobLog.error({ issues: parsed.error.issues.map((i) => i.message) }, 'job payload rejected');
            return;
          }
          await job.run(parsed.data, services, jobLog);
        }
      });
      services.jobs.addWorker(job.name, workerId);
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    }
    // A process that starts may be replacing one that was killed: pick up what it left at once (the crons
    // would, but only on the next minute).
    await services.push.sweep().catch((err: unknown) => log.warn({ err }, 'startup outbox sweep failed'));
    await services.xeroSync.resumeImports().catch((err: unknown) => log.warn({ err }, 'startup import resume failed'));
    // Polls: one sweep per instance claims what is due (a killed instance's claims lapse within a lease).
    polls = new PollSweeper(services.xeroSync, services.xeroSync.pollClaims, services.config.xero.pollConcurrency, log);
    polls.start();
    // New webhook deliveries NOTIFY at commit (a trigger); any instance that works jobs wakes their endpoint.
    const wakeups = services.pubsub.subscribe(TOPICS.WEBHOOK_DELIVERIES_DUE)[Symbol.asyncIterator]();
    webhookWakeups = wakeups;
    void (async () => {
      for (let next = await wakeups.next(); !next.done; next = await wakeups.next()) services.webhooks.onDeliveriesDue(next.value.endpointId);
    })().catch((err: unknown) => log.error({ err }, 'webhook wake-up listener stopped'));
    await services.webhooks.sweep().catch((err: unknown) => log.warn({ err }, 'startup webhook sweep failed'));
  }
  return {
    boss,
    async stop() {
      await webhookWakeups?.return?.();
      await polls?.stop();
      services.jobs.attach(undefined);
      // Stops claiming, waits for in-flight handlers (up to the timeout), then closes its pool.
      await boss.stop({ graceful: true, timeout: 20_000 });
    },
  };
}
