import { z } from 'zod';

/**
 * All configuration, parsed once at boot. Nothing else reads process.env.
 * Secrets are listed in SENSITIVE_KEYS and are never logged.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: z.url().optional(),
    /** Comma-separated extra origins whose pages may use the session cookie (besides PUBLIC_URL and same-origin). */
    ALLOWED_ORIGINS: z
      .string()
      .regex(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/, 'must be comma-separated origins like https://app.example.com')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    /** PostgreSQL cancels any one statement of the app's pool that runs longer (0: no limit). */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
    WEB_DIST: z.string().min(1).optional(),
    COOKIE_SECURE: bool.optional(),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    SIGN_IN_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).default(10),
    SIGN_IN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(50),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    /**
     * Sign-up answers "check your email" whether or not the address has an account (a link to finish, or a
     * notice to the owner). Default: on when SMTP_URL is set. Off, sign-up signs in at once and says when an
     * email is taken (no way to tell the owner without email).
     */
    SIGN_UP_EMAIL_CONFIRMATION: bool.optional(),
    SIGN_UP_MAX_PER_IP: z.coerce.number().int().min(1).default(20),
    SIGN_UP_MAX_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    SIGN_UP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
    JOBS_ENABLED: bool.default(true),
    /** A running job proves it is alive this often; a job silent for this long (its process died) is retaken. */
    JOBS_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(600).default(15),
    /** How often the job supervisor looks for expired and silent jobs. */
    JOBS_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
    /** Organisations pushed to Xero at the same time by one process (each organisation stays serial). */
    XERO_PUSH_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
    /** A change being sent to Xero is held this long without renewal before another worker may re-send it. */
    OUTBOX_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
    /** Tests only (NODE_ENV=test): comma-separated named points where the process logs a marker and stops. */
    TEST_PAUSE_AT: z.string().optional(),
    API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    /** Outbound webhooks: the deadline of one delivery attempt (connect, send, answer). */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Seconds to wait before each retry of a failed delivery; the default spans about 25 hours. */
    WEBHOOK_RETRY_DELAYS_SECONDS: z
      .string()
      .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'must be comma-separated seconds, e.g. 5,30,120')
      .default('5,30,120,600,1800,3600,7200,14400,28800,36000'),
    /** An endpoint whose deliveries have failed for this long (no success in between) is disabled. */
    WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().min(0.0001).max(720).default(24),
    /** Endpoints one process delivers to at the same time. */
    WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    /** Requests in flight to one endpoint at once (one supplier's events stay in order). */
    WEBHOOK_REQUESTS_PER_ENDPOINT: z.coerce.number().int().min(1).max(50).default(8),
    /**
     * Accepting a bank change or creating an API key needs a second factor verified this recently (step-up).
     * 0 turns step-up off, and is only allowed with NODE_ENV=test (suites that predate step-up).
     */
    STEP_UP_MINUTES: z.coerce.number().min(0).max(60).default(5),
    /** smtp(s)://user:pass@host:port; with none, invites are not emailed and the buyer copies the link. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Vouch <no-reply@vouch.local>'),
    INVITE_TTL_DAYS: z.coerce.number().min(0.001).max(90).default(14),
    INVITE_REMINDER_DAYS: z.coerce.number().min(0.001).max(30).default(3),
    INVITE_MAX_REMINDERS: z.coerce.number().int().min(0).max(10).default(3),
    XERO_CLIENT_ID: z.string().min(1).optional(),
    XERO_CLIENT_SECRET: z.string().min(1).optional(),
    XERO_REDIRECT_URI: z.url().optional(),
    XERO_IDENTITY_URL: z.url().default('https://identity.xero.com'),
    XERO_API_URL: z.url().default('https://api.xero.com'),
    XERO_WEBHOOK_KEY: z.string().min(1).optional(),
    /** With no Xero credentials outside production, `pnpm start` runs the local emulator on this port. */
    XERO_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    XERO_POLL_INTERVAL_MINUTES: z.coerce.number().min(0.05).max(1440).default(10),
    /** Polls one process runs at once (each is mostly one short Xero call). */
    XERO_POLL_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
    XERO_SUPPLIER_SWEEP_HOURS: z.coerce.number().min(0.01).max(720).default(6),
    XERO_DAILY_LIMIT: z.coerce.number().int().min(1).default(5000),
    XERO_MINUTE_LIMIT: z.coerce.number().int().min(1).default(60),
    XERO_CONCURRENT_LIMIT: z.coerce.number().int().min(1).default(5),
    /** Calls per minute across every connected organisation (Xero's app-wide limit). */
    XERO_APP_MINUTE_LIMIT: z.coerce.number().int().min(1).default(10_000),
    XERO_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** Comma-separated `keyId:base64key` (32-byte keys); the first encrypts, all decrypt. */
    TOKEN_ENCRYPTION_KEYS: z
      .string()
      .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, 'must be keyId:base64(32 bytes)[,…]')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required in production (the embedded PostgreSQL is for development and tests)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.TOKEN_ENCRYPTION_KEYS) {
      ctx.addIssue({ code: 'custom', path: ['TOKEN_ENCRYPTION_KEYS'], message: 'is required in production' });
    }
    if (env.STEP_UP_MINUTES === 0 && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['STEP_UP_MINUTES'], message: 'must be above 0 (0 turns step-up off, tests only)' });
    }
    if (env.TEST_PAUSE_AT && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['TEST_PAUSE_AT'], message: 'is only allowed with NODE_ENV=test' });
    }
    if (env.SIGN_UP_EMAIL_CONFIRMATION && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SIGN_UP_EMAIL_CONFIRMATION'], message: 'needs SMTP_URL (the link to finish signing up is emailed)' });
    }
    if (Boolean(env.XERO_CLIENT_ID) !== Boolean(env.XERO_CLIENT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.XERO_CLIENT_ID ? 'XERO_CLIENT_SECRET' : 'XERO_CLIENT_ID'],
        message: 'XERO_CLIENT_ID and XERO_CLIENT_SECRET go together',
      });
    }
    for (const key of (env.TOKEN_ENCRYPTION_KEYS ?? '').split(',').filter(Boolean)) {
      if (Buffer.from(key.split(':')[1]!, 'base64').length !== 32) {
        ctx.addIssue({ code: 'custom', path: ['TOKEN_ENCRYPTION_KEYS'], message: 'each key must be 32 bytes (base64)' });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export const SENSITIVE_KEYS = ['DATABASE_URL', 'SMTP_URL', 'XERO_CLIENT_SECRET', 'XERO_WEBHOOK_KEY', 'TOKEN_ENCRYPTION_KEYS'] as const;

/** Development-only key, so a fresh checkout works; production must set TOKEN_ENCRYPTION_KEYS. */
const DEV_TOKEN_KEY = 'dev:ZGV2ZWxvcG1lbnQtb25seS10b2tlbi1rZXktMzJieXQ=';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string | undefined;
  /** Origins (scheme://host:port) trusted to send the session cookie, besides the request's own host. */
  allowedOrigins: string[];
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string | undefined;
  dataDir: string;
  dbStatementTimeoutMs: number;
  webDist: string | undefined;
  cookieSecure: boolean | undefined;
  sessionTtlMs: number;
  signInLimits: { perEmail: number; perIp: number; windowMs: number };
  signUp: { emailConfirmation: boolean; perEmail: number; perIp: number; windowMs: number };
  jobsEnabled: boolean;
  jobs: { heartbeatSeconds: number; superviseSeconds: number; pushConcurrency: number };
  /** How long a SYNCING claim on an outbox entry lasts without renewal. */
  outboxLeaseMs: number;
  /** NODE_ENV=test only: named points where the process stops (crash tests kill it there). */
  testPausePoints: string[];
  apiKeyRequestsPerMinute: number;
  webhooks: WebhooksConfig;
  /** How recent a second factor must be for a sensitive action (0: step-up off, tests only). */
  stepUpMs: number;
  mail: { smtpUrl: string | undefined; from: string };
  invites: { ttlMs: number; reminderEveryMs: number; maxReminders: number };
  xero: XeroConfig;
  tokenKeys: { id: string; key: Buffer }[];
}

export interface WebhooksConfig {
  timeoutMs: number;
  /** Wait before retry n (after attempt n failed); past the last, the delivery has FAILED. */
  retryDelaysMs: number[];
  disableAfterMs: number;
  endpointConcurrency: number;
  requestsPerEndpoint: number;
  /** Production: HTTPS to public addresses only; elsewhere plain HTTP and localhost too. */
  policy: { allowPrivateAddresses: boolean; requireHttps: boolean };
  /** At most this much of a receiver's answer is read. */
  maxResponseBytes: number;
}

export interface XeroConfig {
  /** Undefined when not configured: outside production, main.ts starts the emulator and fills these in. */
  clientId: string | undefined;
  clientSecret: string | undefined;
  redirectUri: string;
  identityUrl: string;
  apiUrl: string;
  webhookKey: string | undefined;
  emulatorPort: number;
  pollIntervalMs: number;
  pollConcurrency: number;
  /** How often to look for customer contacts that have since become suppliers. */
  supplierSweepMs: number;
  limits: { perDay: number; perMinute: number; concurrent: number; appPerMinute: number };
  httpTimeoutMs: number;
}

/** Parses the environment; the error names every bad variable at once. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const env = result.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    allowedOrigins: [...(env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : []), ...(env.ALLOWED_ORIGINS?.split(',').map((o) => new URL(o).origin) ?? [])],
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    dbStatementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    webDist: env.WEB_DIST,
    // Production cookies are Secure unless told otherwise (plain-HTTP setups such as docker-compose say false).
    cookieSecure: env.COOKIE_SECURE ?? (env.NODE_ENV === 'production' ? true : undefined),
    sessionTtlMs: env.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
    signInLimits: {
      perEmail: env.SIGN_IN_MAX_ATTEMPTS_PER_EMAIL,
      perIp: env.SIGN_IN_MAX_ATTEMPTS_PER_IP,
      windowMs: env.SIGN_IN_WINDOW_MINUTES * 60 * 1000,
    },
    signUp: {
      emailConfirmation: env.SIGN_UP_EMAIL_CONFIRMATION ?? Boolean(env.SMTP_URL),
      perEmail: env.SIGN_UP_MAX_PER_EMAIL,
      perIp: env.SIGN_UP_MAX_PER_IP,
      windowMs: env.SIGN_UP_WINDOW_MINUTES * 60 * 1000,
    },
    jobsEnabled: env.JOBS_ENABLED,
    jobs: { heartbeatSeconds: env.JOBS_HEARTBEAT_SECONDS, superviseSeconds: env.JOBS_SUPERVISE_SECONDS, pushConcurrency: env.XERO_PUSH_CONCURRENCY },
    outboxLeaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
    testPausePoints:
      env.NODE_ENV === 'test'
        ? (env.TEST_PAUSE_AT ?? '')
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : [],
    apiKeyRequestsPerMinute: env.API_KEY_REQUESTS_PER_MINUTE,
    webhooks: {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      retryDelaysMs: env.WEBHOOK_RETRY_DELAYS_SECONDS.split(',').map((s) => Math.round(Number(s) * 1000)),
      disableAfterMs: env.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
      endpointConcurrency: env.WEBHOOK_ENDPOINT_CONCURRENCY,
      requestsPerEndpoint: env.WEBHOOK_REQUESTS_PER_ENDPOINT,
      policy: { allowPrivateAddresses: env.NODE_ENV !== 'production', requireHttps: env.NODE_ENV === 'production' },
      maxResponseBytes: 4096,
    },
    stepUpMs: env.STEP_UP_MINUTES * 60_000,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    invites: {
      ttlMs: env.INVITE_TTL_DAYS * 86_400_000,
      reminderEveryMs: env.INVITE_REMINDER_DAYS * 86_400_000,
      maxReminders: env.INVITE_MAX_REMINDERS,
    },
    xero: {
      clientId: env.XERO_CLIENT_ID,
      clientSecret: env.XERO_CLIENT_SECRET,
      redirectUri: env.XERO_REDIRECT_URI ?? `${env.PUBLIC_URL ?? `http://localhost:${env.PORT}`}/xero/callback`,
      identityUrl: env.XERO_IDENTITY_URL.replace(/\/$/, ''),
      apiUrl: env.XERO_API_URL.replace(/\/$/, ''),
      webhookKey: env.XERO_WEBHOOK_KEY,
      emulatorPort: env.XERO_EMULATOR_PORT,
      pollIntervalMs: env.XERO_POLL_INTERVAL_MINUTES * 60_000,
      pollConcurrency: env.XERO_POLL_CONCURRENCY,
      supplierSweepMs: env.XERO_SUPPLIER_SWEEP_HOURS * 3_600_000,
      limits: {
        perDay: env.XERO_DAILY_LIMIT,
        perMinute: env.XERO_MINUTE_LIMIT,
        concurrent: env.XERO_CONCURRENT_LIMIT,
        appPerMinute: env.XERO_APP_MINUTE_LIMIT,
      },
      httpTimeoutMs: env.XERO_HTTP_TIMEOUT_MS,
    },
    tokenKeys: (env.TOKEN_ENCRYPTION_KEYS ?? DEV_TOKEN_KEY).split(',').map((entry) => {
      const [id, key] = entry.split(':') as [string, string];
      return { id, key: Buffer.from(key, 'base64') };
    }),
  };
}
