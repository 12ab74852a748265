import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { AuthLayout } from '../accounts/AuthLayout';
import { writeCurrentUser } from '../accounts/current-user';
import { passkeysSupported, signWithPasskey } from './passkey-browser';
import { isPasskeyCancelled } from './step-up-error';
import { SecondFactorForm, type SecondFactorMethod } from './SecondFactorForm';
import { FinishPasskeySignInMutation, StartPasskeySignInMutation, VerifySignInCodeMutation } from './two-factor-documents';
import './security.css';

/** Sign-in, step two: the password was right; now a code, a passkey or a recovery code. */
export function SignInSecondStep({ methods, onStartAgain }: { methods: readonly SecondFactorMethod[]; onStartAgain: () => void }) {
  const client = useApolloClient();
  const [verify] = useMutation(VerifySignInCodeMutation);
  const [start] = useMutation(StartPasskeySignInMutation);
  const [finish] = useMutation(FinishPasskeySignInMutation);
  const hasPasskey = methods.includes('PASSKEY') && passkeysSupported();
  return (
    <AuthLayout
      title="Two-factor sign-in"
      intro={
        methods.includes('TOTP')
          ? 'Enter the 6-digit code your authenticator app shows for Vouch.'
          : hasPasskey
            ? 'Use your passkey to finish signing in.'
            : 'Enter one of your recovery codes to finish signing in.'
      }
      footer={
        <button type="button" className="link-button" onClick={onStartAgain}>
          Start again with another account
        </button>
      }
    >
      <SecondFactorForm
        methods={methods}
        submitLabel="Sign in"
        busyLabel="Signing in…"
        onCode={async (input) => {
          const result = await verify({ variables: { code: input.code ?? null, recoveryCode: input.recoveryCode ?? null } });
          if (result.data) writeCurrentUser(client.cache, result.data.verifySignInCode.user);
        }}
        onPasskey={async () => {
          const options = (await start({ variables: { secondFactor: true } })).data!.startPasskeySignIn.options;
          const result = await finish({ variables: { response: await signWithPasskey(options) } });
          if (result.data) writeCurrentUser(client.cache, result.data.finishPasskeySignIn.user);
        }}
      />
    </AuthLayout>
  );
}

/** “Sign in with a passkey”: no email, no password — the device shows the person’s passkeys for Vouch. */
export function PasskeySignInButton() {
  const client = useApolloClient();
  const [start] = useMutation(StartPasskeySignInMutation);
  const [finish] = useMutation(FinishPasskeySignInMutation);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!passkeysSupported()) return null;
  const signIn = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const options = (await start({ variables: { secondFactor: false } })).data!.startPasskeySignIn.options;
      const result = await finish({ variables: { response: await signWithPasskey(options) } });
      if (result.data) writeCurrentUser(client.cache, result.data.finishPasskeySignIn.user);
    } catch (error) {
      setProblem(isPasskeyCancelled(error) ? 'The passkey prompt was closed. Try again, or sign in with your password.' : toUserFacingError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="passkey-sign-in">
      <p className="passkey-sign-in__or">
        <span>or</span>
      </p>
      <button type="button" className="button button--block" onClick={() => void signIn()} aria-disabled={busy || undefined}>
        {busy ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </button>
      {problem ? <Alert>{problem}</Alert> : null}
    </div>
  );
}
