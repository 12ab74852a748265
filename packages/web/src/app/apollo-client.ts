import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { from, mergeMap } from 'rxjs';
import { isSessionExpired, signalSessionExpired } from './session-expiry';

/**
 * Watches every answer (HTTP and websocket) for "the session has gone" and calls `onExpired`, so no page has
 * to: the error still reaches the operation as usual.
 */
export function sessionExpiryLink(onExpired: () => void): ApolloLink {
  return new ErrorLink(({ error }) => {
    if (isSessionExpired(error)) onExpired();
  });
}

/**
 * Sends subscriptions over the websocket link, which is fetched (with graphql-ws) when the first subscription
 * starts: sign-in and the other signed-out pages have none. A failed fetch fails that subscription and is
 * tried again by the next.
 */
export function lazyWebSocketLink(url: string, load: () => Promise<ApolloLink> = () => import('./ws-link').then((m) => m.createWsLink(url))): ApolloLink {
  let link: Promise<ApolloLink> | undefined;
  const loaded = () =>
    (link ??= load().catch((error: unknown) => {
      link = undefined;
      throw error;
    }));
  return new ApolloLink((operation, forward) => from(loaded()).pipe(mergeMap((ws) => ws.request(operation, forward))));
}

/**
 * One Apollo Client for the SPA. The server serves the SPA and the API from the same origin, and the
 * session is an httpOnly cookie, so the HTTP link sends same-origin credentials and the WebSocket
 * handshake carries the cookie automatically.
 */
export function createApolloClient(origin: string = window.location.origin): ApolloClient {
  const httpLink = new HttpLink({ uri: `${origin}/graphql`, credentials: 'same-origin' });

  const wsUrl = new URL('/graphql', origin);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const wsLink = lazyWebSocketLink(wsUrl.toString());

  return new ApolloClient({
    link: ApolloLink.from([sessionExpiryLink(signalSessionExpired), ApolloLink.split(({ query }) => isSubscriptionOperation(query), wsLink, httpLink)]),
    cache: new InMemoryCache(),
  });
}
