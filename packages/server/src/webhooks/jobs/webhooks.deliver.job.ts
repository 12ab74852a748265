import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';
import { DELIVER_WEBHOOKS } from '../webhooks.service.js';

/**
 * Drains one endpoint's due deliveries. Woken at commit by the NOTIFY of new deliveries, by deferred jobs when
 * retries come due, and by the sweep. Stately per endpoint (the singleton key) so one process works an endpoint
 * at a time; up to WEBHOOK_ENDPOINT_CONCURRENCY endpoints proceed side by side, so a slow receiver delays no
 * other. The heartbeat (scheduler) frees a killed worker's endpoint within seconds; its claimed deliveries are
 * retried when their lease lapses.
 */
export const deliverWebhooksJob = defineJob({
  name: DELIVER_WEBHOOKS,
  schema: z.object({ endpointId: z.uuid() }),
  policy: 'stately',
  concurrency: (services) => services.config.webhooks.endpointConcurrency,
  queue: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 1800 },
  async run({ endpointId }, services, log) {
    await services.webhooks.drain(endpointId, log);
  },
});

/** Every minute: wakes endpoints with retries due or deliveries abandoned by a dead worker; prunes old events. */
export const webhooksSweepJob = defineJob({
  name: 'webhooks.sweep',
  schema: z.object({}).passthrough(),
  policy: 'stately',
  cron: '* * * * *',
  async run(_data, services) {
    await services.webhooks.sweep();
  },
});
