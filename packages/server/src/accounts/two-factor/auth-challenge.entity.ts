import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../common/base.entity.js';
import { User } from '../user.entity.js';

/**
 * What a sign-in or a WebAuthn ceremony is waiting for, for a few minutes.
 * - Before a session (a password was right, the second factor is due; or a passwordless passkey sign-in
 *   started): found by the SHA-256 of a random token held in an httpOnly cookie.
 * - Inside a session (adding a passkey, a passkey step-up): found by the session id.
 * Not organisation-scoped: a passwordless sign-in does not know its user yet. Read by unguessable keys only.
 */
@Entity({ tableName: 'auth_challenges' })
export class AuthChallenge extends BaseEntity {
  @Unique()
  @Property({ type: 'string', length: 64, nullable: true })
  tokenHash: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  sessionId: string | null = null;

  @ManyToOne({ entity: () => User, deleteRule: 'cascade', nullable: true })
  user: Rel<User> | null = null;

  /** SECOND_FACTOR, ENROL (the organisation requires two-factor and the user has none), PASSKEY_SIGN_IN, PASSKEY_REGISTER, STEP_UP. */
  @Property({ type: 'string', length: 24 })
  purpose!: string;

  /** The WebAuthn challenge (base64url) of the ceremony under way, if any. */
  @Property({ type: 'string', length: 128, nullable: true })
  webauthnChallenge: string | null = null;

  @Property({ type: 'integer', default: 0 })
  failedAttempts: number & Opt = 0;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
