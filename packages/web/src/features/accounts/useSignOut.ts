import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { useRouter } from '../../app/router';
import { graphql } from '../../gql';
import { forgetCurrentUser } from './current-user';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Signs out on the server (which clears the cookie), then forgets every cached result locally. */
export function useSignOut() {
  const client = useApolloClient();
  const { navigate } = useRouter();
  const [signOut, { loading }] = useMutation(SignOutMutation);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    try {
      await signOut();
    } catch (caught) {
      const problem = toUserFacingError(caught);
      // Already signed out on the server (e.g. the session expired): finish signing out locally.
      if (problem.code !== 'UNAUTHENTICATED') {
        setError(problem.message);
        return;
      }
    }
    await forgetCurrentUser(client, () => navigate('/sign-in'));
  };

  return { signOut: run, signingOut: loading, signOutError: error };
}
