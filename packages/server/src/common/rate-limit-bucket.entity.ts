import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Fixed-window counters shared by every server instance (sign-in attempts now, API keys later).
 * Written only with the atomic upsert in rate-limiter.ts.
 */
@Entity({ tableName: 'rate_limit_buckets' })
export class RateLimitBucket {
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  count!: number;
}
