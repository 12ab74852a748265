import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';
import { FETCH_CONTACT } from '../xero-sync.service.js';

/** A webhook said a contact changed: read it (webhooks are thin) and ingest it like a poll would. */
export const xeroFetchContactJob = defineJob({
  name: FETCH_CONTACT,
  schema: z.object({ tenantId: z.string().min(1).max(64), contactId: z.uuid(), eventAt: z.iso.datetime().optional() }),
  policy: 'stately',
  queue: { retryLimit: 5, retryDelay: 5, retryBackoff: true },
  async run({ tenantId, contactId, eventAt }, services, log) {
    await services.xeroSync.fetchContact(tenantId, contactId, log, eventAt);
  },
});
