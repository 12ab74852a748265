import type { QueueOptions, QueuePolicy } from 'pg-boss';
import type { z } from 'zod';
import type { Logger } from '../common/logger.js';
import type { Services } from '../services.js';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** Payload schema; a payload that does not parse fails the job without retries. */
  schema: S;
  policy?: QueuePolicy;
  queue?: QueueOptions;
  /** Jobs of this queue one process runs at once (default 1); a stately queue still runs one per singleton key. */
  concurrency?: (services: Services) => number;
  /** Cron in UTC (few crons, many jobs: a cron enqueues one job per connection). */
  cron?: string;
  run(data: z.infer<S>, services: Services, log: Logger): Promise<void>;
}

/** Keeps the payload type inferred from the schema. */
export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  return job;
}
