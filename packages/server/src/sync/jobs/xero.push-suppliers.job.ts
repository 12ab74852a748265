import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';
import { PUSH_SUPPLIERS } from '../push.service.js';

/** Woken at once by an acceptance (not by the next tick): drains one organisation's outbox, serially. */
export const xeroPushSuppliersJob = defineJob({
  name: PUSH_SUPPLIERS,
  schema: z.object({ organisationId: z.uuid() }),
  policy: 'stately',
  queue: { retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 300 },
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
