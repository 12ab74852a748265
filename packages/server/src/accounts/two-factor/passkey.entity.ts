import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from '../org-owned.entity.js';
import { User } from '../user.entity.js';

/** A WebAuthn credential (passkey or security key): its public key only; the private key never leaves the device. */
@Entity({ tableName: 'passkeys' })
export class Passkey extends OrgOwnedEntity {
  @Index()
  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: Rel<User>;

  /** base64url, as WebAuthn hands it over. */
  @Unique()
  @Property({ type: 'string', length: 1024 })
  credentialId!: string;

  /** COSE public key, base64url. */
  @Property({ type: 'text' })
  publicKey!: string;

  @Property({ type: 'double', default: 0 })
  counter: number & Opt = 0;

  @Property({ type: 'json', nullable: true })
  transports: string[] | null = null;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** Synced (e.g. through a platform keychain) rather than bound to one device. */
  @Property({ type: 'boolean', default: false })
  backedUp: boolean & Opt = false;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: (Date & Opt) | null = null;
}
