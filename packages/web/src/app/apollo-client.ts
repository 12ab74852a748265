import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
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
 * One Apollo Client for the SPA. The server serves the SPA and the API from the same origin, and the
 * session is an httpOnly cookie, so the HTTP link sends same-origin credentials and the WebSocket
 * handshake carries the cookie automatically.
 */
export function createApolloClient(origin: string = window.location.origin): ApolloClient {
  const httpLink = new HttpLink({ uri: `${origin}/graphql`, credentials: 'same-origin' });

  const wsUrl = new URL('/graphql', origin);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  // Lazy (the default): the socket opens on the first subscription and closes when none are left, so
  // signed-out pages never hold a connection, and a new one picks up the current session cookie.
  const wsLink = new GraphQLWsLink(createClient({ url: wsUrl.toString(), retryAttempts: 5 }));

  return new ApolloClient({
    link: ApolloLink.from([sessionExpiryLink(signalSessionExpired), ApolloLink.split(({ query }) => isSubscriptionOperation(query), wsLink, httpLink)]),
    cache: new InMemoryCache(),
  });
}
