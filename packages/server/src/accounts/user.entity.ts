import { Entity, Enum, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { OrgOwnedEntity } from './org-owned.entity.js';
import { Role } from './role.js';

/** Holds a password hash, so it is never a GraphQL type itself (see UserType). */
@Entity({ tableName: 'users' })
@Trigger({
  name: 'users_credentials_revoked',
  timing: 'after',
  events: ['update', 'delete'],
  // At commit, open websockets of this credential close (graphql/live-sockets.ts).
  body: `if tg_op = 'DELETE' or (new.role is distinct from old.role) then
      perform pg_notify('vouch_events', json_build_object('topic', 'CREDENTIALS_REVOKED', 'payload', json_build_object('userId', old.id))::text);
    end if;
    return null;`,
})
export class User extends OrgOwnedEntity {
  /** Stored lower-cased and trimmed; one account per email across Vouch. */
  @Unique()
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => Role, nativeEnumName: 'user_role' })
  role!: Role;

  @Property({ type: 'string', length: 255, hidden: true, lazy: true })
  passwordHash!: string;

  /**
   * When the user proved they read this mailbox (an emailed sign-up, team-invite, verification or reset link).
   * Null for accounts made on a server without email, until they verify from Settings.
   */
  @Property({ type: 'datetime', nullable: true })
  emailVerifiedAt: Date | null = null;
}
