import { z } from 'zod';
import { defineJob } from '../../jobs/job-definition.js';

/** Hourly: remind suppliers who have not submitted yet (until submission, expiry or the reminder cap). */
export const sendInviteRemindersJob = defineJob({
  name: 'invites.send-reminders',
  schema: z.object({}).passthrough(),
  policy: 'stately',
  cron: '7 * * * *',
  async run(_data, services, log) {
    const expired = await services.invites.expireOverdue();
    const sent = await services.invites.sendReminders();
    if (sent || expired) log.info({ sent, expired }, 'invite reminders and expiry');
  },
});
