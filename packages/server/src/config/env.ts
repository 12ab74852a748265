import { z } from 'zod';

/**
 * All configuration, parsed once at boot. Nothing else reads process.env.
 * Secrets are listed in SENSITIVE_KEYS and are never logged.
 */
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    WEB_DIST: z.string().min(1).optional(),
    COOKIE_SECURE: bool.optional(),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    SIGN_IN_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).default(10),
    SIGN_IN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(50),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    JOBS_ENABLED: bool.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required in production (the embedded PostgreSQL is for development and tests)',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export const SENSITIVE_KEYS = ['DATABASE_URL'] as const;

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
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string | undefined;
  dataDir: string;
  webDist: string | undefined;
  cookieSecure: boolean | undefined;
  sessionTtlMs: number;
  signInLimits: { perEmail: number; perIp: number; windowMs: number };
  jobsEnabled: boolean;
}

/** Parses the environment; the error names every bad variable at once. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const env = result.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    webDist: env.WEB_DIST,
    cookieSecure: env.COOKIE_SECURE,
    sessionTtlMs: env.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
    signInLimits: {
      perEmail: env.SIGN_IN_MAX_ATTEMPTS_PER_EMAIL,
      perIp: env.SIGN_IN_MAX_ATTEMPTS_PER_IP,
      windowMs: env.SIGN_IN_WINDOW_MINUTES * 60 * 1000,
    },
    jobsEnabled: env.JOBS_ENABLED,
  };
}
