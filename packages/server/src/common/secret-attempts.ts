import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from './app-error.js';
import type { Logger } from './logger.js';
import { hitRateLimit, peekRateLimit } from './rate-limiter.js';

export class TooManySecretAttempts extends AppError {
  constructor(retryAfterSeconds: number, what: string) {
    super('RATE_LIMITED', 'TOO_MANY_ATTEMPTS', `Too many ${what} tried from here. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, {
      retryAfterSeconds,
    });
  }
}

/**
 * Bounds guessing of a secret (a reset link, a team-invite link): failures are counted per key (usually per
 * IP) in PostgreSQL, and once `limit` failures happened in the window every attempt is refused — a right guess
 * too, so the answer tells a guesser nothing. The first refusal is logged as a security event (without the
 * secret); the caller audits it too when it knows the organisation.
 */
export class SecretAttemptGuard {
  constructor(
    private readonly what: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async check(em: EntityManager, key: string): Promise<void> {
    const state = await peekRateLimit(em, key, this.limit, this.windowMs);
    if (!state.allowed) throw new TooManySecretAttempts(state.retryAfterSeconds, this.what);
  }

  /** Counts a failure; true when this one reached the limit (log and audit it once). */
  async fail(em: EntityManager, key: string, log: Logger): Promise<boolean> {
    const hit = await hitRateLimit(em, key, this.limit, this.windowMs);
    const reached = hit.count === this.limit;
    if (reached) log.warn({ security: 'secret-guessing', what: this.what, key }, 'too many wrong secrets; further attempts refused for a while');
    return reached;
  }
}
