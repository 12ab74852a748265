import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { OrgOwnedEntity } from '../common/org-owned.entity.js';

export enum ApiKeyScope {
  READ = 'READ',
  READ_WRITE = 'READ_WRITE',
}
registerEnumType(ApiKeyScope, { name: 'ApiKeyScope', description: 'READ: queries only. READ_WRITE: also invite and review (never keys or the Xero connection).' });

/** A third-party tool's key: shown once, stored as a SHA-256 hash, acting within its organisation and scope. */
@Entity({ tableName: 'api_keys' })
export class ApiKey extends OrgOwnedEntity {
  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The first characters, to recognise a key in lists (e.g. vch_AbC123…). */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Unique()
  @Property({ type: 'string', length: 64 })
  keyHash!: string;

  @Enum({ items: () => ApiKeyScope, nativeEnumName: 'api_key_scope' })
  scope!: ApiKeyScope;

  /** Without it, bank numbers are masked for this key. */
  @Property({ type: 'boolean', default: false })
  canReadBankDetails: boolean & Opt = false;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
