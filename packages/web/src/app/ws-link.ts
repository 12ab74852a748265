import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';

/**
 * The websocket link for subscriptions, with graphql-ws: its own chunk, loaded by `apollo-client.ts` on the
 * first subscription. The socket itself is lazy too (graphql-ws's default): it opens on the first subscription
 * and closes when none are left, so signed-out pages never hold a connection, and a new one picks up the
 * current session cookie.
 */
export function createWsLink(url: string): GraphQLWsLink {
  return new GraphQLWsLink(createClient({ url, retryAttempts: 5 }));
}
