import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Link } from '../../app/router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { writeCurrentUser } from './current-user';

const ConfirmSignUpMutation = graphql(`
  mutation ConfirmSignUp($token: String!) {
    confirmSignUp(token: $token) {
      user {
        ...CurrentUser_user
      }
    }
  }
`);

/** The emailed link is `/sign-up/confirm#token=…`: the fragment never reaches a server log or a Referer. */
export function signUpTokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token ? token : null;
}

/** Opening the emailed link: creates the account and signs in (the app then shows Suppliers). */
export function ConfirmSignUpPage({ signInHref, signUpHref }: { signInHref: string; signUpHref: string }) {
  const client = useApolloClient();
  const [confirm] = useMutation(ConfirmSignUpMutation);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // once, also under StrictMode's double effects: the link works once
    started.current = true;
    const token = signUpTokenFromHash(window.location.hash);
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setError('This sign-up link is not complete. Copy the whole link from the email, or sign up again.');
      return;
    }
    confirm({ variables: { token } }).then(
      (result) => {
        if (result.data) writeCurrentUser(client.cache, result.data.confirmSignUp.user);
      },
      (failure: unknown) => setError(toUserFacingError(failure).message),
    );
  }, [client, confirm]);

  return (
    <AuthLayout
      title="Finishing sign-up"
      intro="Creating your organisation’s account."
      footer={
        <>
          Already have an account? <Link to={signInHref}>Sign in</Link> · <Link to={signUpHref}>Sign up again</Link>
        </>
      }
    >
      {error ? <Alert>{error}</Alert> : <Loading label="Creating your account…" />}
    </AuthLayout>
  );
}
