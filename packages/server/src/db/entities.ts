import { Organisation } from '../accounts/organisation.entity.js';
import { Session } from '../accounts/session.entity.js';
import { User } from '../accounts/user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { OrgOwnedEntity } from '../common/org-owned.entity.js';
import { RateLimitBucket } from '../common/rate-limit-bucket.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Invite } from '../invites/invite.entity.js';
import { BankConfirmation } from '../review/bank-confirmation.entity.js';
import { ChangeRequest } from '../review/change-request.entity.js';
import { OutboxEntry } from '../review/outbox-entry.entity.js';
import { SupplierDrift } from '../suppliers/supplier-drift.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { XeroCall, XeroRateLimitState } from '../sync/xero-rate-limit.entity.js';
import { XeroConnection } from '../xero/xero-connection.entity.js';
import { XeroOAuthAttempt } from '../xero/xero-oauth-attempt.entity.js';

export const entities = [
  BaseEntity,
  OrgOwnedEntity,
  Organisation,
  User,
  Session,
  Supplier,
  SupplierDrift,
  RateLimitBucket,
  XeroConnection,
  XeroOAuthAttempt,
  XeroRateLimitState,
  XeroCall,
  Invite,
  ChangeRequest,
  BankConfirmation,
  AuditEvent,
  OutboxEntry,
  ApiKey,
];

/** Entities whose rows belong to one organisation; the `organisation` filter guards each of them. */
export const orgOwnedEntities = entities.filter(
  (entity) => entity !== OrgOwnedEntity && entity.prototype instanceof OrgOwnedEntity,
);
