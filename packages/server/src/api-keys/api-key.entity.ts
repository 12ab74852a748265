import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';

export enum ApiKeyScope {
  READ = 'READ',
  READ_WRITE = 'READ_WRITE',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'READ: queries only. READ_WRITE: also invite and review (never keys or the Xero connection).',
});

/** A third-party tool's key: shown once, stored as a SHA-256 hash, acting within its organisation and scope. */
@Entity({ tableName: 'api_keys' })
@Trigger({
  name: 'api_keys_credentials_revoked',
  timing: 'after',
  events: ['update', 'delete'],
  // At commit, open websockets of this credential close (graphql/live-sockets.ts).
  body: `if tg_op = 'DELETE' or (new.revoked_at is not null and old.revoked_at is null) then
      perform pg_notify('vouch_events', json_build_object('topic', 'CREDENTIALS_REVOKED', 'payload', json_build_object('apiKeyId', old.id))::text);
    end if;
    return null;`,
})
// Two live keys of one organisation never share a name (whatever the case): a list of keys must tell them apart.
@Index({
  name: 'api_keys_live_name_unique',
  expression: 'create unique index "api_keys_live_name_unique" on "api_keys" ("organisation_id", lower("name")) where "revoked_at" is null',
})
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
