import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { errorReason, fieldErrorsByPath, toUserFacingError } from './errors';

function graphQLErrors(...errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ data: null, errors });
}

describe('toUserFacingError', () => {
  it('shows the server message for a known code', () => {
    const problem = toUserFacingError(graphQLErrors({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } }));
    expect(problem).toEqual({ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.', fields: {} });
  });

  it('maps extensions.fields to inputs by their last path segment', () => {
    const problem = toUserFacingError(
      graphQLErrors({
        message: 'Please correct the highlighted fields.',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'input.password', message: 'Password must be 10 to 128 characters.' },
            { field: 'email', message: 'Enter a valid email address.' },
            { field: 'email', message: 'A second message for the same field is dropped.' },
          ],
        },
      }),
    );
    expect(problem.code).toBe('BAD_USER_INPUT');
    expect(problem.fields).toEqual({
      password: 'Password must be 10 to 128 characters.',
      email: 'Enter a valid email address.',
    });
  });

  it('falls back to our own wording when the message is missing', () => {
    expect(toUserFacingError(graphQLErrors({ message: '', extensions: { code: 'RATE_LIMITED' } })).message).toBe(
      'Too many attempts. Try again in a few minutes.',
    );
  });

  it('never shows the text of internal or unknown errors', () => {
    const internal = toUserFacingError(graphQLErrors({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
    expect(internal.message).toBe('Something went wrong on our side. Please try again.');
    const unknown = toUserFacingError(graphQLErrors({ message: 'relation "x" does not exist' }));
    expect(unknown.code).toBe('INTERNAL_SERVER_ERROR');
    expect(unknown.message).not.toContain('relation');
  });

  it('shows the server’s words for SERVICE_UNAVAILABLE (a code the web once lacked)', () => {
    const problem = toUserFacingError(
      graphQLErrors({ message: 'Xero could not be reached. Try again in a minute.', extensions: { code: 'SERVICE_UNAVAILABLE' } }),
    );
    expect(problem).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Xero could not be reached. Try again in a minute.', fields: {} });
  });

  it('says "reload" for a request the server could not run, never GraphQL’s own text', () => {
    const problem = toUserFacingError(
      graphQLErrors({ message: 'Cannot query field "gone" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    );
    expect(problem.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(problem.message).toBe('This page is out of date. Reload it and try again.');
  });

  it('does not accept NETWORK_ERROR from a server (it means no answer at all)', () => {
    expect(toUserFacingError(graphQLErrors({ message: 'x', extensions: { code: 'NETWORK_ERROR' } })).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('reads GraphQL errors from a non-2xx JSON body', () => {
    const response = new Response('', { status: 400 });
    const bodyText = JSON.stringify({ errors: [{ message: 'Enter your name.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const problem = toUserFacingError(new ServerError('Response not successful', { response, bodyText }));
    expect(problem).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Enter your name.' });
  });

  it('treats a 429 without a GraphQL body as rate limiting', () => {
    const response = new Response('', { status: 429 });
    const problem = toUserFacingError(new ServerError('Response not successful', { response, bodyText: 'slow down' }));
    expect(problem.code).toBe('RATE_LIMITED');
  });

  it('treats anything else as a network problem', () => {
    expect(toUserFacingError(new TypeError('Failed to fetch')).code).toBe('NETWORK_ERROR');
  });
});

describe('errorReason and fieldErrorsByPath', () => {
  it('read extensions.reason and full field paths', () => {
    const error = graphQLErrors({
      message: 'Please correct 2 fields.',
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'VALIDATION_FAILED',
        fields: [
          { field: 'payment.accountNumber', message: 'Check the account number.' },
          { field: 'phones[0].number', message: 'Digits only.' },
        ],
      },
    });
    expect(errorReason(error)).toBe('VALIDATION_FAILED');
    expect(fieldErrorsByPath(error)).toEqual({
      'payment.accountNumber': 'Check the account number.',
      'phones[0].number': 'Digits only.',
    });
    expect(errorReason(new Error('network'))).toBeNull();
  });
});
