/**
 * Expected failures. Each feature subclasses AppError in its own `<feature>.errors.ts`; the category decides
 * the GraphQL `extensions.code` through one table, and only `userMessage` ever reaches a client.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCategory = keyof typeof ERROR_CODES;

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly category: ErrorCategory,
    /** Stable, feature-specific reason, e.g. EMAIL_TAKEN; sent as extensions.reason. */
    readonly reason: string,
    /** Safe for the person using the product. */
    readonly userMessage: string,
    readonly extra: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(`${reason}: ${userMessage}`);
    this.name = new.target.name;
  }

  get code(): string {
    return ERROR_CODES[this.category];
  }
}

export class ValidationFailed extends AppError {
  constructor(fields: FieldProblem[]) {
    const message =
      fields.length === 1
        ? `${fields[0]!.message}`
        : `Please correct ${fields.length} fields: ${fields.map((f) => f.field).join(', ')}.`;
    super('BAD_USER_INPUT', 'VALIDATION_FAILED', message, { fields });
  }
}

export class NotAuthenticated extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'Sign in to continue.');
  }
}

export class NotAllowed extends AppError {
  constructor(message = 'You do not have permission to do that.') {
    super('FORBIDDEN', 'NOT_ALLOWED', message);
  }
}
