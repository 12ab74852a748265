import { Organisation } from '../accounts/organisation.entity.js';
import { Session } from '../accounts/session.entity.js';
import { User } from '../accounts/user.entity.js';
import { AuthChallenge } from '../accounts/two-factor/auth-challenge.entity.js';
import { Passkey } from '../accounts/two-factor/passkey.entity.js';
import { RecoveryCode } from '../accounts/two-factor/recovery-code.entity.js';
import { TotpFactor } from '../accounts/two-factor/totp-factor.entity.js';
import { PasswordReset } from '../accounts/password-reset.entity.js';
import { KnownBrowser } from '../accounts/sessions-known-browser.entity.js';
import { TeamInvite } from '../accounts/team/team-invite.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';
import { RateLimitBucket } from '../common/rate-limit-bucket.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Invite } from '../invites/invite.entity.js';
import { BankConfirmation } from '../review/bank-confirmation.entity.js';
import { ChangeRequest } from '../review/change-request.entity.js';
import { OutboxEntry } from '../sync/outbox/outbox-entry.entity.js';
import { SupplierDrift } from '../suppliers/supplier-drift.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { XeroAppCalls, XeroCall, XeroRateLimitState } from '../xero/xero-rate-limit.entity.js';
import { XeroConnection } from '../xero/xero-connection.entity.js';
import { XeroOAuthAttempt } from '../xero/xero-oauth-attempt.entity.js';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity.js';
import { WebhookEvent } from '../webhooks/webhook-event.entity.js';

export const entities = [
  BaseEntity,
  OrgOwnedEntity,
  Organisation,
  User,
  Session,
  TotpFactor,
  RecoveryCode,
  Passkey,
  AuthChallenge,
  TeamInvite,
  PasswordReset,
  KnownBrowser,
  Supplier,
  SupplierDrift,
  RateLimitBucket,
  XeroConnection,
  XeroOAuthAttempt,
  XeroRateLimitState,
  XeroCall,
  XeroAppCalls,
  Invite,
  ChangeRequest,
  BankConfirmation,
  AuditEvent,
  OutboxEntry,
  ApiKey,
  WebhookEndpoint,
  WebhookEvent,
  WebhookDelivery,
];

/** Entities whose rows belong to one organisation; the `organisation` filter guards each of them. */
export const orgOwnedEntities = entities.filter((entity) => entity !== OrgOwnedEntity && entity.prototype instanceof OrgOwnedEntity);
