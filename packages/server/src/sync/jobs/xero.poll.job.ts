import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';
import { POLL } from '../xero-sync.service.js';

export const POLL_DUE = 'xero.poll-due';

/** One connection: contacts modified since the cursor (If-Modified-Since). */
export const xeroPollJob = defineJob({
  name: POLL,
  schema: z.object({ connectionId: z.uuid(), dueAt: z.iso.datetime().optional() }),
  policy: 'stately',
  queue: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 1800 },
  // Many organisations: polls are mostly one short call each, so several run at once per process.
  concurrency: (services) => services.config.xero.pollConcurrency,
  async run({ connectionId, dueAt }, services, log) {
    await services.xeroSync.poll(connectionId, log, dueAt ? new Date(dueAt) : undefined);
  },
});

/** Every minute: enqueue a poll for each connected organisation whose next poll is due. */
export const xeroPollDueJob = defineJob({
  name: POLL_DUE,
  schema: z.object({}).passthrough(),
  policy: 'stately',
  cron: '* * * * *',
  async run(_data, services) {
    await services.xeroSync.enqueueDuePolls();
  },
});
