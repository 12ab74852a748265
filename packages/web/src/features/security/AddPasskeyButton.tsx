import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { createPasskey, defaultPasskeyName, passkeysSupported } from './passkey-browser';
import { isPasskeyCancelled } from './step-up-error';
import { FinishPasskeyRegistrationMutation, StartPasskeyRegistrationMutation } from './two-factor-documents';
import './security.css';

/**
 * Adds a passkey to the account: a name to recognise it by, then the browser's own prompt (Touch ID,
 * Windows Hello, a security key, a phone). `onAdded` gets the recovery codes when it was the first factor.
 */
export function AddPasskeyButton({
  onAdded,
  primary = false,
  guard = (action) => action(),
}: {
  onAdded: (recoveryCodes: string[] | null) => void;
  primary?: boolean;
  /** Wraps the start (e.g. useStepUp().run: adding a factor beside another needs a fresh one). */
  guard?: <T>(action: () => Promise<T>) => Promise<T>;
}) {
  const [start] = useMutation(StartPasskeyRegistrationMutation);
  const [finish] = useMutation(FinishPasskeyRegistrationMutation);
  const [name, setName] = useState(() => defaultPasskeyName());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  if (!passkeysSupported()) return <p className="muted">This browser can’t create passkeys. Use an authenticator app instead.</p>;

  const add = async () => {
    if (busy) return;
    if (!name.trim()) {
      setNameError('Name the passkey, e.g. “Work laptop”, to tell passkeys apart.');
      return;
    }
    setNameError(null);
    setProblem(null);
    setBusy(true);
    try {
      const options = (await guard(() => start())).data!.startPasskeyRegistration.options;
      const response = await createPasskey(options);
      const result = await finish({ variables: { response, name: name.trim() } });
      onAdded(result.data?.finishPasskeyRegistration.recoveryCodes ?? null);
    } catch (error) {
      if (isPasskeyCancelled(error)) setProblem('No passkey was created: the browser’s prompt was closed.');
      else {
        const p = toUserFacingError(error);
        if (p.fields.name) setNameError(p.fields.name);
        else setProblem(p.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="add-passkey">
      <TextField
        label="Passkey name"
        hint="To recognise it later."
        value={name}
        error={nameError}
        maxLength={100}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="button" className={`button ${primary ? 'button--primary' : ''}`} onClick={() => void add()} aria-disabled={busy || undefined}>
        {busy ? 'Waiting for your device…' : 'Add a passkey'}
      </button>
      {problem ? <Alert>{problem}</Alert> : null}
    </div>
  );
}
