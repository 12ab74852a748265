import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../org-owned.entity.js';
import { User } from '../user.entity.js';

/**
 * A user's authenticator app (TOTP, RFC 6238). The shared secret is sealed with the token keys (AES-256-GCM,
 * common/token-crypto.ts). Unconfirmed until the user proves their app shows the right code.
 */
@Entity({ tableName: 'totp_factors' })
export class TotpFactor extends OrgOwnedEntity {
  @Unique()
  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'string', length: 512, hidden: true })
  secretSealed!: string;

  @Property({ type: 'datetime', nullable: true })
  confirmedAt: (Date & Opt) | null = null;

  /** The last time step (unix seconds / 30) a code was accepted for: a code is never accepted twice. */
  @Property({ type: 'integer', nullable: true })
  lastUsedStep: (number & Opt) | null = null;
}
