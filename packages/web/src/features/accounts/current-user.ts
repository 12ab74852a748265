import type { ApolloCache, ApolloClient } from '@apollo/client';
import { flushSync } from 'react-dom';
import { graphql } from '../../gql';
import type { CurrentUser_UserFragment } from '../../gql/graphql';

/** Everything the app shell needs about the signed-in user; shared by `Me` and the auth mutations. */
export const CurrentUserFragment = graphql(`
  fragment CurrentUser_user on User {
    id
    name
    email
    role
    twoFactorEnrolmentRequired
    organisation {
      id
      name
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...CurrentUser_user
    }
  }
`);

export type CurrentUser = CurrentUser_UserFragment;

/** Makes the cache agree with the server about who is signed in, without a round trip. */
export function writeCurrentUser(cache: ApolloCache, user: CurrentUser | null): void {
  cache.writeQuery({ query: MeQuery, data: { me: user } });
}

/**
 * Switches the app to signed-out, then drops everything cached for the previous user. The switch is
 * flushed first so signed-in pages unmount (and stop their queries) before the store is reset;
 * then `Me` is re-asked from the server (nobody), which also re-arms its watcher after the clear.
 */
export async function forgetCurrentUser(client: ApolloClient, alsoWhileSwitching?: () => void): Promise<void> {
  flushSync(() => {
    writeCurrentUser(client.cache, null);
    alsoWhileSwitching?.();
  });
  await client.clearStore();
  await client.refetchQueries({ include: [MeQuery] }).catch(() => undefined);
}

const ROLE_LABELS: Record<CurrentUser['role'], string> = {
  ADMIN: 'Admin',
  APPROVER: 'Approver',
  VIEWER: 'Viewer',
};

export function roleLabel(role: CurrentUser['role']): string {
  return ROLE_LABELS[role] ?? role;
}
