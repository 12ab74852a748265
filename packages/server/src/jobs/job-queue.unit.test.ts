import { describe, expect, it } from 'vitest';
import type { PgBoss } from 'pg-boss';
import { JobQueue } from './job-queue.js';

/** pg-boss's send and notifyWorker, recorded. */
function fakeBoss() {
  const calls: string[] = [];
  const boss = {
    send: async (name: string) => {
      calls.push(`send ${name}`);
      return `id-${calls.length}`;
    },
    notifyWorker: (workerId: string) => calls.push(`notify ${workerId}`),
  };
  return { boss: boss as unknown as PgBoss, calls };
}

describe('JobQueue', () => {
  it("wakes this process's worker for a job that may start now, not for one that starts later or that no worker here takes", async () => {
    const { boss, calls } = fakeBoss();
    const jobs = new JobQueue();
    jobs.attach(boss);
    jobs.addWorker('xero.import-contacts', 'worker-1');
    await jobs.send('xero.import-contacts', { connectionId: 'c' });
    await jobs.send('xero.import-contacts', { connectionId: 'c' }, { startAfter: new Date(Date.now() + 60_000) });
    await jobs.send('not-worked-here', {});
    expect(calls).toEqual(['send xero.import-contacts', 'notify worker-1', 'send xero.import-contacts', 'send not-worked-here']);
  });

  it('forgets its workers when the scheduler stops', async () => {
    const { boss, calls } = fakeBoss();
    const jobs = new JobQueue();
    jobs.attach(boss);
    jobs.addWorker('q', 'worker-1');
    jobs.attach(undefined);
    await expect(jobs.send('q', {})).rejects.toThrow(/not started/);
    jobs.attach(boss);
    await jobs.send('q', {});
    expect(calls).toEqual(['send q']);
  });
});
