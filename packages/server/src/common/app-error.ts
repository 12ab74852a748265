/**
 * Expected failures. Each feature subclasses AppError in its own `<feature>.errors.ts`; the category decides
 * the GraphQL `extensions.code` through one table, and only `userMessage` ever reaches a client.
 */
/**
 * Every `extensions.code` the API sends. The schema carries it as the `ErrorCode` enum (graphql/error-code.ts),
 * and the web's list of codes is generated from that, so a code added here is a type error there until the
 * web says what it means.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  // GraphQL's and Apollo's own, for a request that could not run (passed through by formatError). A client
  // built from the current schema never causes one; a page left open across a release can.
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
}

/** Category → `extensions.code`: the one table. */
export const ERROR_CODES = {
  BAD_USER_INPUT: ErrorCode.BAD_USER_INPUT,
  UNAUTHENTICATED: ErrorCode.UNAUTHENTICATED,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  CONFLICT: ErrorCode.CONFLICT,
  RATE_LIMITED: ErrorCode.RATE_LIMITED,
  UNAVAILABLE: ErrorCode.SERVICE_UNAVAILABLE,
  INTERNAL: ErrorCode.INTERNAL_SERVER_ERROR,
} as const satisfies Record<string, ErrorCode>;

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

  get code(): ErrorCode {
    return ERROR_CODES[this.category];
  }
}

export class ValidationFailed extends AppError {
  constructor(fields: FieldProblem[]) {
    const message = fields.length === 1 ? `${fields[0]!.message}` : `Please correct ${fields.length} fields: ${fields.map((f) => f.field).join(', ')}.`;
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
