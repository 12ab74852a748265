import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { NotFoundError, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { AppError, ERROR_CODES, ErrorCode, ValidationFailed, type FieldProblem } from '../common/app-error.js';
import type { Logger } from '../common/logger.js';

/** Codes Apollo and graphql-js assign themselves to malformed requests; safe to pass through. */
const REQUEST_CODES = new Set<string>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.BAD_REQUEST,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  // Raised by our own context function (API keys): a key that is not valid, a key over its budget.
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.RATE_LIMITED,
]);

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function fromAppError(error: AppError, path: GraphQLFormattedError['path'], locations: GraphQLFormattedError['locations']): GraphQLFormattedError {
  return {
    message: error.userMessage,
    ...(locations ? { locations } : {}),
    ...(path ? { path } : {}),
    extensions: {
      code: error.code,
      reason: error.reason,
      ...(error.extra.fields ? { fields: error.extra.fields } : {}),
      ...(error.extra.retryAfterSeconds ? { retryAfterSeconds: error.extra.retryAfterSeconds } : {}),
    },
  };
}

/**
 * Every error leaves here as a code and a human message. Anything unexpected becomes a bare
 * INTERNAL_SERVER_ERROR with an id that is also in the log line; no stack or internal text reaches clients.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { path, locations } = formatted;
    if (original instanceof AppError) return fromAppError(original, path, locations);
    if (original instanceof ArgumentValidationError) {
      return fromAppError(new ValidationFailed(flatten(original.extensions.validationErrors)), path, locations);
    }
    if (original instanceof UniqueConstraintViolationException) {
      return fromAppError(new AppError('CONFLICT', 'ALREADY_EXISTS', 'That already exists.'), path, locations);
    }
    if (original instanceof NotFoundError) {
      return fromAppError(new AppError('NOT_FOUND', 'NOT_FOUND', 'Not found.'), path, locations);
    }
    const code = formatted.extensions?.code;
    // Duck-typed, not only instanceof: graphql is loaded both as ESM and CJS (graphql-armor), two classes.
    const isGraphQLError = !(original instanceof Error) || original instanceof GraphQLError || 'extensions' in original;
    if (typeof code === 'string' && REQUEST_CODES.has(code) && isGraphQLError) {
      // No schema hints to strangers ("Did you mean …?").
      const message = formatted.message.replace(/ ?Did you mean .*\?$/, '');
      const retryAfterSeconds = formatted.extensions?.retryAfterSeconds;
      return {
        message,
        ...(locations ? { locations } : {}),
        ...(path ? { path } : {}),
        extensions: { code, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
      };
    }
    const errorId = randomUUID();
    log.error({ errorId, err: original, path }, 'unexpected error in GraphQL operation');
    return {
      message: 'Internal server error',
      ...(path ? { path } : {}),
      extensions: { code: ERROR_CODES.INTERNAL, errorId },
    };
  };
}
