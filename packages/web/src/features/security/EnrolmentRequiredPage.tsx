import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { MeQuery, type CurrentUser } from '../accounts/current-user';
import { AuthLayout } from '../accounts/AuthLayout';
import { useSignOut } from '../accounts/useSignOut';
import { AddPasskeyButton } from './AddPasskeyButton';
import { passkeysSupported } from './passkey-browser';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpSetup } from './TotpSetup';
import './security.css';

/**
 * The organisation requires two-factor sign-in and this person has none yet: before anything else, they
 * set up an authenticator app or a passkey (and save their recovery codes). The server refuses every other
 * request from this session meanwhile (TWO_FACTOR_ENROLMENT_REQUIRED).
 */
export function EnrolmentRequiredPage({ user }: { user: CurrentUser }) {
  const client = useApolloClient();
  const { signOut, signingOut, signOutError } = useSignOut();
  const [method, setMethod] = useState<'totp' | 'passkey'>('totp');
  const [codes, setCodes] = useState<string[] | null>(null);
  const finish = () => void client.refetchQueries({ include: [MeQuery] });
  const enabled = (recoveryCodes: string[] | null) => (recoveryCodes?.length ? setCodes(recoveryCodes) : finish());

  return (
    <AuthLayout
      title="Set up two-factor sign-in"
      intro={`${user.organisation.name} asks everyone to sign in with a second step as well as a password. It takes a minute.`}
      footer={
        <button type="button" className="link-button" onClick={() => void signOut()} aria-disabled={signingOut || undefined}>
          {signingOut ? 'Signing out…' : `Not ${user.name}? Sign out`}
        </button>
      }
    >
      {signOutError ? <Alert>{signOutError}</Alert> : null}
      {codes ? (
        <RecoveryCodes codes={codes} onSaved={finish} />
      ) : (
        <>
          {passkeysSupported() ? (
            <div className="segmented" role="group" aria-label="Second step">
              <button type="button" className="segmented__option" aria-pressed={method === 'totp'} onClick={() => setMethod('totp')}>
                Authenticator app
              </button>
              <button type="button" className="segmented__option" aria-pressed={method === 'passkey'} onClick={() => setMethod('passkey')}>
                Passkey
              </button>
            </div>
          ) : null}
          {method === 'totp' ? <TotpSetup onEnabled={enabled} /> : <AddPasskeyButton primary onAdded={enabled} />}
        </>
      )}
    </AuthLayout>
  );
}
