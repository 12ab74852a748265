import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { parse } from 'graphql';
import { Observable } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { sessionExpiryLink } from './apollo-client';
import { onSessionExpired, signalSessionExpired } from './session-expiry';

const Query = parse('query Thing { thing }');
const Mutation = parse('mutation DoThing { doThing }');

/** A client whose "server" answers every operation with these errors (no network). */
function clientAnswering(errors: { message: string; extensions: Record<string, unknown> }[], onExpired: () => void) {
  const server = new ApolloLink(
    () =>
      new Observable((observer) => {
        observer.next({ data: null, errors });
        observer.complete();
      }),
  );
  return new ApolloClient({ link: ApolloLink.from([sessionExpiryLink(onExpired), server]), cache: new InMemoryCache() });
}

const signInRequired = { message: 'Sign in to continue.', extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' } };

describe('the session-expiry link (UNAUTHENTICATED handled once, not by each page)', () => {
  it('signals when a query or a mutation finds the session gone, and the error still reaches the caller', async () => {
    const onExpired = vi.fn();
    const client = clientAnswering([signInRequired], onExpired);

    await expect(client.query({ query: Query })).rejects.toThrow('Sign in to continue.');
    expect(onExpired).toHaveBeenCalledTimes(1);
    await expect(client.mutate({ mutation: Mutation })).rejects.toThrow('Sign in to continue.');
    expect(onExpired).toHaveBeenCalledTimes(2);
  });

  it('leaves the other UNAUTHENTICATED reasons to the screen that asked', async () => {
    for (const reason of ['INVALID_CREDENTIALS', 'SIGN_IN_CHALLENGE_EXPIRED', 'INVITE_NOT_VERIFIED']) {
      const onExpired = vi.fn();
      const client = clientAnswering([{ message: 'No.', extensions: { code: 'UNAUTHENTICATED', reason } }], onExpired);
      await expect(client.mutate({ mutation: Mutation })).rejects.toThrow('No.');
      expect(onExpired, reason).not.toHaveBeenCalled();
    }
  });

  it('ignores every other error code', async () => {
    const onExpired = vi.fn();
    const client = clientAnswering([{ message: 'Only admins can do that.', extensions: { code: 'FORBIDDEN', reason: 'SIGN_IN_REQUIRED' } }], onExpired);
    await expect(client.query({ query: Query })).rejects.toThrow('Only admins can do that.');
    expect(onExpired).not.toHaveBeenCalled();
  });
});

describe('onSessionExpired', () => {
  it('tells every listener until it unsubscribes', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = onSessionExpired(first);
    const stopSecond = onSessionExpired(second);
    signalSessionExpired();
    stopFirst();
    signalSessionExpired();
    stopSecond();
    signalSessionExpired();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });
});
