import { useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { isPasskeyCancelled } from './step-up-error';
import { passkeysSupported } from './passkey-browser';
import './security.css';

export type SecondFactorMethod = 'TOTP' | 'PASSKEY' | 'RECOVERY_CODE';

/**
 * Proving a second factor: a code from the authenticator app, a passkey, or a recovery code. Used after
 * the password at sign-in and in the step-up dialog. Errors from the server land next to the input.
 */
export function SecondFactorForm({
  methods,
  onCode,
  onPasskey,
  submitLabel = 'Verify',
  busyLabel = 'Checking…',
  autoFocus = true,
}: {
  methods: readonly SecondFactorMethod[];
  onCode: (input: { code?: string; recoveryCode?: string }) => Promise<void>;
  onPasskey?: () => Promise<void>;
  submitLabel?: string;
  busyLabel?: string;
  autoFocus?: boolean;
}) {
  const hasTotp = methods.includes('TOTP');
  const hasPasskey = methods.includes('PASSKEY') && Boolean(onPasskey) && passkeysSupported();
  const hasRecovery = methods.includes('RECOVERY_CODE');
  const [mode, setMode] = useState<'code' | 'recovery' | null>(hasTotp ? 'code' : null);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      if (isPasskeyCancelled(error)) {
        setProblem('The passkey prompt was closed. Try again, or use another way.');
        return;
      }
      const p = toUserFacingError(error);
      if (mode && (p.fields.code || p.fields.recoveryCode)) {
        setFieldError(p.message);
        inputRef.current?.focus();
        inputRef.current?.select();
      } else setProblem(p.message);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (mode === 'code' && !/^\d{3}\s?\d{3}$/.test(trimmed)) {
      setFieldError('Enter the 6-digit code your authenticator app shows.');
      inputRef.current?.focus();
      return;
    }
    if (mode === 'recovery' && trimmed.replace(/[\s-]/g, '').length !== 10) {
      setFieldError('A recovery code has 10 letters and numbers, like abcde-23456.');
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    void run(() => onCode(mode === 'code' ? { code: trimmed.replace(/\s/g, '') } : { recoveryCode: trimmed }));
  };

  const switchTo = (next: 'code' | 'recovery') => {
    setMode(next);
    setValue('');
    setFieldError(null);
    setProblem(null);
    setTimeout(() => inputRef.current?.focus(), 0);
  };

  return (
    <div className="second-factor">
      {hasPasskey ? (
        <button
          type="button"
          className={`button ${mode ? '' : 'button--primary'} button--block`}
          onClick={() => void run(onPasskey!)}
          aria-disabled={busy || undefined}
        >
          {busy && !mode ? 'Waiting for your passkey…' : 'Use your passkey'}
        </button>
      ) : null}
      {mode ? (
        <form className="form" onSubmit={onSubmit} noValidate aria-label={mode === 'code' ? 'Authenticator code' : 'Recovery code'}>
          {mode === 'code' ? (
            <TextField
              ref={inputRef}
              label="6-digit code from your authenticator app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              autoFocus={autoFocus}
              value={value}
              error={fieldError}
              onChange={(event) => setValue(event.target.value)}
            />
          ) : (
            <TextField
              ref={inputRef}
              label="Recovery code"
              hint="One of the codes you saved when you set up two-factor. Each works once."
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
              maxLength={20}
              autoFocus={autoFocus}
              value={value}
              error={fieldError}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
          <button type="submit" className="button button--primary button--block" aria-disabled={busy || undefined}>
            {busy ? busyLabel : submitLabel}
          </button>
        </form>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}
      <p className="second-factor__alternatives">
        {hasTotp && mode !== 'code' ? (
          <button type="button" className="link-button" onClick={() => switchTo('code')}>
            Use your authenticator app
          </button>
        ) : null}
        {hasRecovery && mode !== 'recovery' ? (
          <button type="button" className="link-button" onClick={() => switchTo('recovery')}>
            Use a recovery code
          </button>
        ) : null}
      </p>
    </div>
  );
}
