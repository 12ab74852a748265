import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { parse } from 'graphql';
import { firstValueFrom, Observable } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { lazyWebSocketLink } from './apollo-client';

const Subscription = parse('subscription ThingChanged { thingChanged }');

/** Stands in for the websocket link: answers each subscription with one event. */
function fakeWsLink(): ApolloLink {
  return new ApolloLink(
    () =>
      new Observable((observer) => {
        observer.next({ data: { thingChanged: 'yes' } });
        observer.complete();
      }),
  );
}

function clientWith(link: ApolloLink) {
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

describe('lazyWebSocketLink (graphql-ws is fetched on the first subscription)', () => {
  it('loads nothing until a subscription starts, then loads the websocket link once', async () => {
    const load = vi.fn(async () => fakeWsLink());
    const client = clientWith(lazyWebSocketLink('ws://vouch.example/graphql', load));
    expect(load).not.toHaveBeenCalled();

    const [first, second] = await Promise.all([
      firstValueFrom(client.subscribe({ query: Subscription })),
      firstValueFrom(client.subscribe({ query: Subscription })),
    ]);
    expect(first.data).toEqual({ thingChanged: 'yes' });
    expect(second.data).toEqual({ thingChanged: 'yes' });
    await firstValueFrom(client.subscribe({ query: Subscription }));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('fails the subscription when the chunk cannot be fetched, and tries again on the next', async () => {
    const load = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockImplementation(async () => fakeWsLink());
    const client = clientWith(lazyWebSocketLink('ws://vouch.example/graphql', load));

    const failed = await firstValueFrom(client.subscribe({ query: Subscription }));
    expect(failed.error?.message).toMatch('Failed to fetch dynamically imported module');
    const next = await firstValueFrom(client.subscribe({ query: Subscription }));
    expect(next.data).toEqual({ thingChanged: 'yes' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
