import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../common/base.entity.js';
import { Organisation } from './organisation.entity.js';
import { User } from './user.entity.js';

/**
 * A server-side session. The cookie carries a random token; only its SHA-256 is stored, so a database leak
 * does not hand out sessions. Found by token hash, never listed across organisations.
 */
@Entity({ tableName: 'sessions' })
@Trigger({
  name: 'sessions_credentials_revoked',
  timing: 'after',
  events: ['update', 'delete'],
  // At commit, open websockets of this credential close (graphql/live-sockets.ts).
  body: `if tg_op = 'DELETE' or (new.revoked_at is not null and old.revoked_at is null) then
      perform pg_notify('vouch_events', json_build_object('topic', 'CREDENTIALS_REVOKED', 'payload', json_build_object('sessionId', old.id))::text);
    end if;
    return null;`,
})
export class Session extends BaseEntity {
  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  @Index()
  user!: Rel<User>;

  @ManyToOne({ entity: () => Organisation, deleteRule: 'cascade' })
  organisation!: Rel<Organisation>;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: (Date & Opt) | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;

  @Property({ type: 'string', length: 512, nullable: true })
  userAgent: string | null = null;

  /** When this session last proved a second factor (sign-in, enrolment or step-up); null if never. */
  @Property({ type: 'datetime', nullable: true })
  secondFactorAt: (Date & Opt) | null = null;

  /** Updated at most once a minute while the session is used (see sessions.service.ts). */
  @Property({ type: 'datetime', nullable: true })
  lastSeenAt: Date | null = null;
}
