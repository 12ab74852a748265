import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { ConfirmTotpEnrolmentMutation, StartTotpEnrolmentMutation } from './two-factor-documents';
import './security.css';

/** The key in groups of four, easier to type into an app by hand. */
export const groupKey = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Setting up an authenticator app: a fresh key as a QR code (and typed out, and as a link for apps on this
 * device), then one code from the app to prove it works. `onEnabled` gets the recovery codes when this
 * was the person's first second factor.
 */
export function TotpSetup({
  onEnabled,
  onCancel,
  guard = (action) => action(),
}: {
  onEnabled: (recoveryCodes: string[] | null) => void;
  onCancel?: () => void;
  /** Wraps the start (e.g. useStepUp().run: adding a factor beside another needs a fresh one). */
  guard?: <T>(action: () => Promise<T>) => Promise<T>;
}) {
  const [start, { data, error: startError }] = useMutation(StartTotpEnrolmentMutation, { fetchPolicy: 'no-cache' });
  const [confirm, { loading: confirming }] = useMutation(ConfirmTotpEnrolmentMutation);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void guard(() => start()).catch(() => undefined);
  }, [start, guard]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (confirming) return;
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setCodeError('Enter the 6-digit code your authenticator app shows.');
      codeRef.current?.focus();
      return;
    }
    setCodeError(null);
    setProblem(null);
    try {
      const result = await confirm({ variables: { code: digits } });
      onEnabled(result.data?.confirmTotpEnrolment.recoveryCodes ?? null);
    } catch (error) {
      const p = toUserFacingError(error);
      if (p.fields.code) {
        setCodeError(p.message);
        codeRef.current?.focus();
      } else setProblem(p.message);
    }
  };

  const enrolment = data?.startTotpEnrolment;
  if (!enrolment) {
    return startError ? <Alert>{toUserFacingError(startError).message}</Alert> : <Loading label="Preparing your QR code…" />;
  }
  return (
    <form className="form totp-setup" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Set up an authenticator app">
      <ol className="totp-setup__steps">
        <li>
          <p>Scan this QR code with an authenticator app (Google Authenticator, 1Password, Microsoft Authenticator…).</p>
          <img className="totp-setup__qr" src={enrolment.qrCode} alt="QR code to add Vouch to your authenticator app" width={184} height={184} />
          <p className="muted">
            Can’t scan it? Enter this setup key:{' '}
            <code className="totp-setup__key" aria-label="Setup key">
              {groupKey(enrolment.secret)}
            </code>
            {' · '}
            <a href={enrolment.otpauthUri}>Open in an app on this device</a>
          </p>
        </li>
        <li>
          <TextField
            ref={codeRef}
            label="6-digit code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            value={code}
            error={codeError}
            onChange={(event) => setCode(event.target.value)}
          />
        </li>
      </ol>
      {problem ? <Alert>{problem}</Alert> : null}
      <div className="form__actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--primary" aria-disabled={confirming || undefined}>
          {confirming ? 'Checking…' : 'Turn on'}
        </button>
      </div>
    </form>
  );
}
