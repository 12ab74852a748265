import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../org-owned.entity.js';
import { User } from '../user.entity.js';

/** One single-use recovery code, stored as a SHA-256 of the user id and the code (never the code itself). */
@Entity({ tableName: 'recovery_codes' })
export class RecoveryCode extends OrgOwnedEntity {
  @Index()
  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'string', length: 64, hidden: true })
  codeHash!: string;

  @Property({ type: 'datetime', nullable: true })
  usedAt: (Date & Opt) | null = null;
}
