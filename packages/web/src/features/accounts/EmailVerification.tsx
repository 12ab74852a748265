import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Link } from '../../app/router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { signUpTokenFromHash } from './ConfirmSignUpPage';
import './accounts.css';

const EmailVerifiedQuery = graphql(`
  query EmailVerified {
    me {
      id
      emailVerified
    }
  }
`);

const SendEmailVerificationMutation = graphql(`
  mutation SendEmailVerification {
    sendEmailVerification
  }
`);

const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

/** The email row of Settings → Your account: the address, whether it is verified, and a link to verify it. */
export function EmailStatus({ email }: { email: string }) {
  const { data } = useQuery(EmailVerifiedQuery, { fetchPolicy: 'cache-and-network' });
  const [send, { loading }] = useMutation(SendEmailVerificationMutation);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const verified = data?.me?.emailVerified;

  const onSend = async () => {
    if (loading) return;
    setProblem(null);
    try {
      const result = await send();
      setOutcome(`We sent a link to ${result.data?.sendEmailVerification ?? email}. Open it to verify the address.`);
    } catch (caught) {
      setProblem(toUserFacingError(caught).message);
    }
  };

  return (
    <dd>
      <span className="email-status">
        {email}
        {verified === true ? <span className="badge badge--success">Verified</span> : null}
        {verified === false ? <span className="badge badge--warning">Not verified</span> : null}
        {verified === false && !outcome ? (
          <button type="button" className="button button--small" aria-disabled={loading || undefined} onClick={() => void onSend()}>
            {loading ? 'Sending…' : 'Send verification link'}
          </button>
        ) : null}
      </span>
      {outcome ? (
        <span role="status" className="muted">
          {outcome}
        </span>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}
    </dd>
  );
}

/** `/verify-email#token=…`: opens the emailed link, signed in or not. */
export function VerifyEmailPage({ continueHref }: { continueHref: string }) {
  const [verify] = useMutation(VerifyEmailMutation, { refetchQueries: [EmailVerifiedQuery] });
  const [result, setResult] = useState<{ email: string } | { error: string } | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = signUpTokenFromHash(window.location.hash);
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setResult({ error: 'This verification link is not complete. Copy the whole link from the email.' });
      return;
    }
    verify({ variables: { token } }).then(
      (r) => setResult({ email: r.data?.verifyEmail ?? '' }),
      (failure: unknown) => setResult({ error: toUserFacingError(failure).message }),
    );
  }, [verify]);

  return (
    <AuthLayout title="Verify your email" intro="Confirming that this address is yours." footer={<Link to={continueHref}>Continue to Vouch</Link>}>
      {!result ? (
        <Loading label="Verifying…" />
      ) : 'error' in result ? (
        <Alert>{result.error}</Alert>
      ) : (
        <p role="status" className="notice">
          {result.email} is verified. Thank you.
        </p>
      )}
    </AuthLayout>
  );
}
