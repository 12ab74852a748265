import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';
import { IMPORT_CONTACTS } from '../xero-sync.service.js';

/** Right after connecting: every Xero contact (pages of 1000, archived included), resumable by page. */
export const xeroImportContactsJob = defineJob({
  name: IMPORT_CONTACTS,
  schema: z.object({ connectionId: z.uuid() }),
  policy: 'stately',
  queue: { retryLimit: 10, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 3600 },
  async run({ connectionId }, services, log) {
    await services.xeroSync.importContacts(connectionId, log);
  },
});
