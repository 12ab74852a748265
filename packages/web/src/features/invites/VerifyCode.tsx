import { useMutation } from '../../app/plain-graphql';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { errorReason, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import './invites.css';

const SendSupplierCodeMutation = graphql(`
  mutation SendSupplierCode($token: String!) {
    sendSupplierCode(token: $token) {
      sentTo
      devCode
    }
  }
`);

const VerifySupplierCodeMutation = graphql(`
  mutation VerifySupplierCode($token: String!, $code: String!) {
    verifySupplierCode(token: $token, code: $code) {
      organisationName
    }
  }
`);

const ENDS_VISIT = new Set(['INVITE_NOT_FOUND', 'INVITE_EXPIRED', 'INVITE_REVOKED', 'INVITE_LOCKED']);

/** "Email me a code", then the 6-digit code. The server sets an httpOnly cookie for this browser. */
export function VerifyCode({
  token,
  onVerified,
  onDead,
  onCodeSent,
}: {
  token: string;
  onVerified: () => void;
  onDead: (reason: string, message: string) => void;
  /** The supplier is on their way to the form (e.g. to fetch its code meanwhile). */
  onCodeSent?: () => void;
}) {
  const [sent, setSent] = useState<{ sentTo: string; devCode: string | null } | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const [sendCode, { loading: sending }] = useMutation(SendSupplierCodeMutation);
  const [verifyCode, { loading: verifying }] = useMutation(VerifySupplierCodeMutation);

  const handleFailure = (error: unknown): boolean => {
    const reason = errorReason(error);
    const problem = toUserFacingError(error);
    if (reason && ENDS_VISIT.has(reason)) {
      onDead(reason, problem.message);
      return true;
    }
    setMessage(problem.message);
    return false;
  };

  const requestCode = async () => {
    if (sending) return;
    setMessage(null);
    try {
      const result = await sendCode({ variables: { token } });
      if (result.data) {
        onCodeSent?.();
        setSent(result.data.sendSupplierCode);
        setCode('');
        setCodeError(null);
        setTimeout(() => codeRef.current?.focus(), 0);
      }
    } catch (error) {
      handleFailure(error);
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (verifying) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setCodeError('Enter the 6 digits from the email.');
      codeRef.current?.focus();
      return;
    }
    setMessage(null);
    setCodeError(null);
    try {
      const result = await verifyCode({ variables: { token, code: digits } });
      if (result.data) onVerified();
    } catch (error) {
      const reason = errorReason(error);
      if (reason === 'WRONG_CODE' || reason === 'CODE_EXPIRED') {
        // The headline message says how many tries are left (or that the code expired).
        setCodeError(toUserFacingError(error).message);
        codeRef.current?.focus();
        return;
      }
      handleFailure(error);
    }
  };

  if (!sent) {
    return (
      <div className="form">
        {message ? <Alert>{message}</Alert> : null}
        <button type="button" className="button button--primary button--block" onClick={() => void requestCode()} aria-disabled={sending || undefined}>
          {sending ? 'Sending…' : 'Email me a code'}
        </button>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={(event) => void submitCode(event)} noValidate>
      <p role="status">We sent a code to {sent.sentTo}. It works for a few minutes.</p>
      {sent.devCode ? (
        <p className="invite__dev-note">
          Development only (no email server): your code is <strong>{sent.devCode}</strong>
        </p>
      ) : null}
      {message ? <Alert>{message}</Alert> : null}
      <TextField
        ref={codeRef}
        label="6-digit code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="invite__code"
        value={code}
        onChange={(event) => {
          setCode(event.target.value.replace(/[^\d ]/g, ''));
          setCodeError(null);
        }}
        error={codeError}
      />
      <div className="form__actions invite__actions">
        <button type="submit" className="button button--primary" aria-disabled={verifying || undefined}>
          {verifying ? 'Checking…' : 'Confirm'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => void requestCode()} aria-disabled={sending || undefined}>
          {sending ? 'Sending…' : 'Send a new code'}
        </button>
      </div>
    </form>
  );
}
