import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';
import { PUSH_SUPPLIERS } from '../push.service.js';

/**
 * Woken at once by an acceptance (not by the next tick): drains one organisation's outbox, serially — stately
 * per organisation (the singleton key), so one organisation is never pushed by two workers at once — while
 * up to XERO_PUSH_CONCURRENCY organisations proceed side by side, so one slow or hung tenant delays no other.
 * The heartbeat (scheduler) frees a killed worker's organisation within seconds; a long drain is bounded by
 * its heartbeat, not by the expiry.
 */
export const xeroPushSuppliersJob = defineJob({
  name: PUSH_SUPPLIERS,
  schema: z.object({ organisationId: z.uuid() }),
  policy: 'stately',
  concurrency: (services) => services.config.jobs.pushConcurrency,
  queue: { retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 1800 },
  async run({ organisationId }, services, log) {
    await services.push.pushAll(organisationId, log);
  },
});

/** Every minute: wakes organisations with retries due or requests abandoned by a dead worker. */
export const xeroPushSweepJob = defineJob({
  name: 'xero.push-sweep',
  schema: z.object({}).passthrough(),
  policy: 'stately',
  cron: '* * * * *',
  async run(_data, services) {
    await services.push.sweep();
  },
});
