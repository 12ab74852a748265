import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../common/base.entity.js';
import { User } from './user.entity.js';

/**
 * A password-reset link: a random 256-bit token in the emailed URL's fragment, stored as its SHA-256. Works for
 * a short while, once; asking again withdraws the earlier links. Found by token hash before anyone is signed in.
 */
@Entity({ tableName: 'password_resets' })
export class PasswordReset extends BaseEntity {
  @Unique()
  @Property({ type: 'string', length: 64, hidden: true })
  tokenHash!: string;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade', index: true })
  user!: Rel<User>;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Set when used, or when a newer link replaced it. */
  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
