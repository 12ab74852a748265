import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { InviteStatus } from './invite-status.js';

export { InviteStatus };

/**
 * One supplier's invite. The link carries a random 256-bit token; only its SHA-256 is stored. The emailed
 * 6-digit code is stored hashed too, with its expiry and attempts. Verifying opens a supplier session whose
 * token is likewise stored only as a hash.
 */
@Entity({ tableName: 'invites' })
@Index({ properties: ['organisation', 'supplier'] })
export class Invite extends OrgOwnedEntity {
  @ManyToOne({ entity: () => Supplier, deleteRule: 'cascade' })
  supplier!: Rel<Supplier>;

  @Property({ type: 'string', length: 255 })
  email!: string;

  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Enum({ items: () => InviteStatus, nativeEnumName: 'invite_status' })
  status!: InviteStatus;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'uuid' })
  invitedBy!: string;

  @Property({ type: 'boolean' })
  emailed!: boolean;

  @Property({ type: 'datetime' })
  lastSentAt!: Date;

  @Property({ type: 'integer', default: 0 })
  remindersSent: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  nextReminderAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  openedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  verifiedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  codeHash: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  codeExpiresAt: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  codeAttempts: number & Opt = 0;

  /**
   * Wrong codes entered on this invite, across every code sent: asking for a new code does not reset it (only
   * a right code, a new link or the buyer unlocking does). At the limit the invite locks.
   */
  @Property({ type: 'integer', default: 0 })
  wrongCodeAttempts: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  codeSentAt: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  sessionHash: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  sessionExpiresAt: Date | null = null;
}
