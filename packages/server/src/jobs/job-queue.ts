import type { PgBoss, SendOptions } from 'pg-boss';

/** Sends jobs; bound to pg-boss once the scheduler has started (every instance can send). */
export class JobQueue {
  private boss: PgBoss | undefined;

  attach(boss: PgBoss | undefined): void {
    this.boss = boss;
  }

  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error(`job queue not started; cannot send ${name}`);
    return await this.boss.send(name, data, options);
  }
}
