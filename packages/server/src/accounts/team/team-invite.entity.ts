import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../org-owned.entity.js';
import { Role } from '../role.js';

/**
 * An invitation to join an organisation's team. The link carries a random 256-bit token in its fragment; only
 * its SHA-256 is stored. It works until `expiresAt`, once (`acceptedAt`), unless withdrawn (`revokedAt`);
 * resending replaces the token, so an older link stops working.
 */
@Entity({ tableName: 'team_invites' })
@Index({ properties: ['organisation', 'email'] })
export class TeamInvite extends OrgOwnedEntity {
  /** Lower-cased and trimmed, like users.email. */
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role!: Role;

  @Unique()
  @Property({ type: 'string', length: 64, hidden: true })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  invitedBy!: string;

  /** Kept so the invite still says who sent it after that person leaves. */
  @Property({ type: 'string', length: 200 })
  invitedByName!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime' })
  lastSentAt!: Date;

  /** True when the latest link went by email (opening it proves control of the address). */
  @Property({ type: 'boolean', default: false })
  emailed: boolean & Opt = false;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  acceptedUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
