import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { graphql } from '../gql';
import type { ErrorCode as ServerErrorCode } from '../gql/graphql';

/**
 * The error contract, as the schema states it (`ErrorExtensions`). Never sent: it is here so that codegen
 * generates `ErrorCode` — the server's list of `extensions.code` values — for this file.
 */
graphql(`
  fragment ErrorExtensions_contract on ErrorExtensions {
    code
    reason
    fields {
      field
      message
    }
    retryAfterSeconds
    errorId
  }
`);

/**
 * The `extensions.code` values the API uses (generated from the schema), plus NETWORK_ERROR for a request
 * that never got an answer. The SPA branches on these, never on message text.
 */
export type ErrorCode = ServerErrorCode | 'NETWORK_ERROR';

export interface FieldError {
  field: string;
  message: string;
}

export interface UserFacingError {
  code: ErrorCode;
  /** Safe to show: the server's user-facing message, or a fallback for the code. */
  message: string;
  /** Per-input messages from `extensions.fields`, keyed by input name (e.g. `email`). */
  fields: Record<string, string>;
}

/**
 * What to say for each code, and whether the server's own message is meant for people (Vouch's errors are
 * written for them; GraphQL's request errors and internal errors are not). A code the server adds is a type
 * error here until it is given words.
 */
const CODES: Record<ErrorCode, { fallback: string; serverWords: boolean }> = {
  BAD_USER_INPUT: { fallback: 'Please check the highlighted fields.', serverWords: true },
  UNAUTHENTICATED: { fallback: 'Please sign in to continue.', serverWords: true },
  FORBIDDEN: { fallback: 'You don’t have permission to do that.', serverWords: true },
  NOT_FOUND: { fallback: 'We couldn’t find what you were looking for.', serverWords: true },
  CONFLICT: { fallback: 'That conflicts with something that already exists.', serverWords: true },
  RATE_LIMITED: { fallback: 'Too many attempts. Try again in a few minutes.', serverWords: true },
  SERVICE_UNAVAILABLE: { fallback: 'Something Vouch relies on isn’t available right now. Try again in a minute.', serverWords: true },
  INTERNAL_SERVER_ERROR: { fallback: 'Something went wrong on our side. Please try again.', serverWords: false },
  GRAPHQL_PARSE_FAILED: { fallback: 'This page is out of date. Reload it and try again.', serverWords: false },
  GRAPHQL_VALIDATION_FAILED: { fallback: 'This page is out of date. Reload it and try again.', serverWords: false },
  OPERATION_RESOLUTION_FAILURE: { fallback: 'This page is out of date. Reload it and try again.', serverWords: false },
  PERSISTED_QUERY_NOT_FOUND: { fallback: 'This page is out of date. Reload it and try again.', serverWords: false },
  PERSISTED_QUERY_NOT_SUPPORTED: { fallback: 'This page is out of date. Reload it and try again.', serverWords: false },
  BAD_REQUEST: { fallback: 'Vouch couldn’t read that request. Reload the page and try again.', serverWords: false },
  NETWORK_ERROR: { fallback: 'We couldn’t reach Vouch. Check your connection and try again.', serverWords: false },
};

const KNOWN_CODES = new Set<string>(Object.keys(CODES));

interface RawGraphQLError {
  message?: unknown;
  extensions?: { code?: unknown; fields?: unknown } | null;
}

function toCode(value: unknown): ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value) && value !== 'NETWORK_ERROR' ? (value as ErrorCode) : 'INTERNAL_SERVER_ERROR';
}

/** `input.email` and `email` both address the `email` input. */
function fieldKey(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 1] ?? path;
}

function readFields(value: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(value)) return fields;
  for (const item of value as unknown[]) {
    if (item && typeof item === 'object') {
      const { field, message } = item as { field?: unknown; message?: unknown };
      if (typeof field === 'string' && typeof message === 'string' && message.trim()) {
        fields[fieldKey(field)] ??= message;
      }
    }
  }
  return fields;
}

function fromGraphQLErrors(errors: readonly RawGraphQLError[]): UserFacingError {
  const first = errors[0];
  const code = toCode(first?.extensions?.code);
  // Internal and request-level errors carry messages not written for people; use our own words for those.
  const serverMessage = CODES[code].serverWords && typeof first?.message === 'string' && first.message.trim() ? first.message : null;
  const fields: Record<string, string> = {};
  for (const error of errors) Object.assign(fields, readFields(error.extensions?.fields));
  return { code, message: serverMessage ?? CODES[code].fallback, fields };
}

export function fallbackMessage(code: ErrorCode): string {
  return CODES[code].fallback;
}

/** Turns anything Apollo throws into something a form can render. */
export function toUserFacingError(error: unknown): UserFacingError {
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLErrors(error.errors as readonly RawGraphQLError[]);
  }
  if (ServerError.is(error)) {
    // A non-2xx response whose body still holds GraphQL errors (e.g. plain application/json 400s).
    try {
      const body = JSON.parse(error.bodyText) as { errors?: RawGraphQLError[] };
      if (Array.isArray(body.errors) && body.errors.length > 0) return fromGraphQLErrors(body.errors);
    } catch {
      // fall through
    }
    const code: ErrorCode = error.statusCode === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR';
    return { code, message: CODES[code].fallback, fields: {} };
  }
  return { code: 'NETWORK_ERROR', message: CODES.NETWORK_ERROR.fallback, fields: {} };
}

/**
 * The feature-specific `extensions.reason` of the first error (e.g. INVITE_EXPIRED, WRONG_CODE), or null.
 * Use it to choose between screens; the message shown still comes from `toUserFacingError`.
 */
export function errorReason(error: unknown): string | null {
  const errors = graphQLErrorsOf(error);
  const reason = (errors[0]?.extensions as { reason?: unknown } | null | undefined)?.reason;
  return typeof reason === 'string' ? reason : null;
}

/**
 * `extensions.fields` keyed by the full path the server used (`payment.accountNumber`, `phones[0].number`),
 * for forms with nested or repeated inputs where the last segment alone would be ambiguous.
 */
export function fieldErrorsByPath(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of graphQLErrorsOf(error)) {
    const fields = e.extensions?.fields;
    if (!Array.isArray(fields)) continue;
    for (const item of fields as unknown[]) {
      if (!item || typeof item !== 'object') continue;
      const { field, message } = item as { field?: unknown; message?: unknown };
      if (typeof field === 'string' && typeof message === 'string' && message.trim()) out[field] ??= message;
    }
  }
  return out;
}

function graphQLErrorsOf(error: unknown): readonly RawGraphQLError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors as readonly RawGraphQLError[];
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: RawGraphQLError[] };
      if (Array.isArray(body.errors)) return body.errors;
    } catch {
      // not GraphQL
    }
  }
  return [];
}
