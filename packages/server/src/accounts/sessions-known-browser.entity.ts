import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../common/base.entity.js';
import { User } from './user.entity.js';

/**
 * A browser a user has signed in from before, recognised by a long-lived random cookie (`vouch_device`) whose
 * SHA-256 is stored here. A sign-in from a browser not on the list emails the user. Kept apart from sessions,
 * which are purged when they expire.
 */
@Entity({ tableName: 'known_browsers' })
@Unique({ properties: ['user', 'deviceHash'] })
export class KnownBrowser extends BaseEntity {
  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'string', length: 64 })
  deviceHash!: string;

  @Property({ type: 'datetime' })
  lastSeenAt!: Date;
}
