import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AccountsService } from './accounts/accounts.service.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { EmailVerificationService } from './accounts/email-verification.js';
import { PasswordResetService } from './accounts/password-reset.service.js';
import { SessionsService } from './accounts/sessions.service.js';
import { TeamService } from './accounts/team/team.service.js';
import { TwoFactorService } from './accounts/two-factor/two-factor.service.js';
import { Mailer } from './common/mailer.js';
import { InvitesService } from './invites/invites.service.js';
import { ReviewService } from './review/review.service.js';
import type { Logger } from './common/logger.js';
import type { Config } from './config/env.js';
import { ORGANISATION_FILTER } from './accounts/org-owned.entity.js';
import type { EventBus } from './graphql/pubsub.js';
import { JobQueue } from './jobs/job-queue.js';
import { SupplierService } from './suppliers/supplier.service.js';
import { ContactIngestService } from './sync/contact-ingest.service.js';
import { TenantRateLimiter, type LimiterClock } from './xero/xero-rate-limiter.js';
import { XeroSyncService } from './sync/xero-sync.service.js';
import { PushService } from './sync/push.service.js';
import { OutboxService } from './sync/outbox/outbox.service.js';
import { TokenCrypto } from './common/token-crypto.js';
import { XeroConnectService } from './xero/xero-connect.service.js';
import { XeroGateway } from './xero/xero.gateway.js';
import { XeroTokenStore } from './xero/xero-token-store.js';
import { WebhooksService } from './webhooks/webhooks.service.js';

export interface Services {
  config: Config;
  pubsub: EventBus;
  jobs: JobQueue;
  accounts: AccountsService;
  suppliers: SupplierService;
  limiter: TenantRateLimiter;
  xeroGateway: XeroGateway;
  xeroTokens: XeroTokenStore;
  xeroSync: XeroSyncService;
  xeroConnect: XeroConnectService;
  mailer: Mailer;
  invites: InvitesService;
  review: ReviewService;
  push: PushService;
  outbox: OutboxService;
  apiKeys: ApiKeysService;
  sessions: SessionsService;
  team: TeamService;
  passwordReset: PasswordResetService;
  emailVerification: EmailVerificationService;
  twoFactor: TwoFactorService;
  webhooks: WebhooksService;
  /** A fresh EntityManager; pass an organisation id to bind the organisation filter to it. */
  em(organisationId?: string): EntityManager;
}

export function createServices(config: Config, orm: MikroORM, pubsub: EventBus, log: Logger, clock?: LimiterClock): Services {
  const jobs = new JobQueue();
  const mailer = new Mailer(config.mail.smtpUrl, config.mail.from, log);
  const sessions = new SessionsService(config, mailer, log);
  const accounts = new AccountsService(config, sessions);
  const twoFactor = new TwoFactorService(config, new TokenCrypto(config.tokenKeys));
  const limiter = new TenantRateLimiter(orm, config.xero.limits, log, clock);
  const xeroGateway = new XeroGateway(config.xero, log, limiter);
  const xeroTokens = new XeroTokenStore(orm, xeroGateway, new TokenCrypto(config.tokenKeys), pubsub, log);
  const push = new PushService(orm, xeroGateway, xeroTokens, jobs, pubsub, log, limiter, config.outboxLeaseMs);
  const xeroSync = new XeroSyncService(orm, config, xeroGateway, xeroTokens, new ContactIngestService(pubsub), jobs, pubsub, push);
  return {
    config,
    pubsub,
    jobs,
    accounts,
    suppliers: new SupplierService(),
    limiter,
    xeroGateway,
    xeroTokens,
    xeroSync,
    xeroConnect: new XeroConnectService(orm, config, xeroGateway, xeroTokens, xeroSync, pubsub, log, (organisationId) => push.wake(organisationId)),
    mailer,
    invites: new InvitesService(orm, config, mailer, log),
    review: new ReviewService(mailer, log, (organisationId) => push.wake(organisationId)),
    push,
    outbox: new OutboxService(),
    apiKeys: new ApiKeysService(orm),
    sessions,
    team: new TeamService(config, mailer, accounts, twoFactor, log),
    passwordReset: new PasswordResetService(config, mailer, log),
    emailVerification: new EmailVerificationService(config, mailer, log),
    twoFactor,
    webhooks: new WebhooksService(orm, config.webhooks, new TokenCrypto(config.tokenKeys), jobs, mailer, log),
    em(organisationId?: string) {
      const em = orm.em.fork();
      if (organisationId) em.setFilterParams(ORGANISATION_FILTER, { id: organisationId });
      return em;
    },
  };
}
