import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Anything that could hold a secret is redacted by path. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    // Errors are logged by type, code and message only: no stack traces (and none of the driver's bound
    // parameters, which can hold personal data) reach the logs.
    serializers: {
      err: (err: unknown) => {
        if (!(err instanceof Error)) return { message: String(err).slice(0, 500) };
        const code = (err as { code?: unknown }).code;
        return { type: err.name, message: err.message.slice(0, 500), ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}) };
      },
    },
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
  };
  return destination ? pino(options, destination) : pino(options);
}
