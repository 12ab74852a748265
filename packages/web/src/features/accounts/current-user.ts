import type { ApolloCache } from '@apollo/client';
import { graphql } from '../../gql';
import type { CurrentUser_UserFragment } from '../../gql/graphql';

/** Everything the app shell needs about the signed-in user; shared by `Me` and the auth mutations. */
export const CurrentUserFragment = graphql(`
  fragment CurrentUser_user on User {
    id
    name
    email
    role
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

const ROLE_LABELS: Record<CurrentUser['role'], string> = {
  ADMIN: 'Admin',
  APPROVER: 'Approver',
  VIEWER: 'Viewer',
};

export function roleLabel(role: CurrentUser['role']): string {
  return ROLE_LABELS[role] ?? role;
}
