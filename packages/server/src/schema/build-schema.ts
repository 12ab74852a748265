import 'reflect-metadata';
import path from 'node:path';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AccountsResolver } from '../accounts/accounts.resolver.js';
import { SupplierResolver } from '../suppliers/supplier.resolver.js';
import { XeroResolver } from '../xero/xero.resolver.js';
import { InvitesResolver } from '../invites/invites.resolver.js';
import { BulkInviteResolver } from '../invites/bulk-invite.resolver.js';
import { AttentionResolver } from '../workspace/attention.resolver.js';
import { ChangeRequestBankResolver, DecisionResolver, ReviewResolver } from '../review/review.resolver.js';
import { SupplierSyncResolver, SyncResolver } from '../sync/sync.resolver.js';
import { ApiKeysResolver } from '../api-keys/api-keys.resolver.js';
import { EmailVerificationResolver } from '../accounts/email-verification.resolver.js';
import { PasswordResetResolver } from '../accounts/password-reset.resolver.js';
import { SessionsResolver } from '../accounts/sessions.resolver.js';
import { TeamResolver } from '../accounts/team/team.resolver.js';
import { TwoFactorResolver, UserTwoFactorResolver } from '../accounts/two-factor/two-factor.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { WebhooksResolver } from '../webhooks/webhooks.resolver.js';
import { BrandingResolver } from '../branding/branding.resolver.js';
import { authChecker } from '../graphql/auth-checker.js';
import { ErrorExtensions } from '../graphql/error-code.js';
import { createEventBus, type EventBus } from '../graphql/pubsub.js';
import { rejectUnsafeText } from '../graphql/safe-input.js';

export const resolvers = [
  AccountsResolver,
  SupplierResolver,
  XeroResolver,
  InvitesResolver,
  BulkInviteResolver,
  AttentionResolver,
  ReviewResolver,
  DecisionResolver,
  ChangeRequestBankResolver,
  SupplierSyncResolver,
  SyncResolver,
  ApiKeysResolver,
  WebhooksResolver,
  TwoFactorResolver,
  UserTwoFactorResolver,
  AuditResolver,
  TeamResolver,
  SessionsResolver,
  PasswordResetResolver,
  EmailVerificationResolver,
  BrandingResolver,
] as const;

/** The schema file committed at the repository root. */
export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../../../schema.graphql');

export async function buildVouchSchema(pubsub: EventBus = createEventBus(), emitTo?: string): Promise<GraphQLSchema> {
  return await buildSchema({
    resolvers,
    // The error contract (ErrorCode, ErrorExtensions) is in the schema though no field returns it.
    orphanedTypes: [ErrorExtensions],
    pubSub: pubsub,
    authChecker,
    authMode: 'error',
    globalMiddlewares: [rejectUnsafeText],
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    ...(emitTo ? { emitSchemaFile: { path: emitTo, sortedSchema: true } } : {}),
  });
}
