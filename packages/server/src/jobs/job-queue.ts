import type { PgBoss, SendOptions } from 'pg-boss';

/** Sends jobs; bound to pg-boss once the scheduler has started (every instance can send). */
export class JobQueue {
  private boss: PgBoss | undefined;
  /** This process's worker per queue (when it works jobs), woken when it sends one that can start now. */
  private readonly workers = new Map<string, string>();

  attach(boss: PgBoss | undefined): void {
    this.boss = boss;
    if (!boss) this.workers.clear();
  }

  /** The scheduler registered this process's worker for a queue. */
  addWorker(name: string, workerId: string): void {
    this.workers.set(name, workerId);
  }

  /**
   * Queues a job. One that may start now also wakes this process's worker for its queue, which would otherwise
   * find it at its next look (up to half a second later); another instance's worker still finds it at its own.
   */
  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error(`job queue not started; cannot send ${name}`);
    const id = await this.boss.send(name, data, options);
    const worker = this.workers.get(name);
    if (id && worker && !options.startAfter) this.boss.notifyWorker(worker);
    return id;
  }
}
