import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Anything that could hold a secret is redacted by path. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'vouch-server' },
    redact: {
      paths: [
        'password',
        '*.password',
        '*.*.password',
        'token',
        '*.token',
        'accessToken',
        'refreshToken',
        '*.accessToken',
        '*.refreshToken',
        'headers.cookie',
        'headers.authorization',
        'req.headers.cookie',
        'req.headers.authorization',
        'databaseUrl',
        'DATABASE_URL',
      ],
      censor: '[redacted]',
    },
  });
}
