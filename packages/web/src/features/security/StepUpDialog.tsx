import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Spinner';
import { AddPasskeyButton } from './AddPasskeyButton';
import { signWithPasskey } from './passkey-browser';
import { RecoveryCodes } from './RecoveryCodes';
import { SecondFactorForm, type SecondFactorMethod } from './SecondFactorForm';
import { TotpSetup } from './TotpSetup';
import { FinishPasskeyStepUpMutation, StartPasskeyStepUpMutation, TwoFactorStatusQuery, VerifyStepUpMutation } from './two-factor-documents';
import './security.css';

/**
 * “Confirm it’s you”: a fresh second factor before a sensitive action (accepting bank details, creating an
 * API key). Someone with no second factor yet sets one up here — that counts as fresh — and saves their
 * recovery codes before going on. Native <dialog>: the page behind is inert, Escape cancels.
 */
export function StepUpDialog({ open, onDone }: { open: boolean; onDone: (verified: boolean) => void }) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { data, error, loading } = useQuery(TwoFactorStatusQuery, { skip: !open, fetchPolicy: 'network-only' });
  const [verify] = useMutation(VerifyStepUpMutation);
  const [startPasskey] = useMutation(StartPasskeyStepUpMutation);
  const [finishPasskey] = useMutation(FinishPasskeyStepUpMutation);
  const [codes, setCodes] = useState<string[] | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (!open) setCodes(null);
  }, [open]);

  const status = data?.twoFactorStatus ?? null;
  const methods: SecondFactorMethod[] = status
    ? [
        ...(status.totpEnabled ? ['TOTP' as const] : []),
        ...(status.passkeys.length ? ['PASSKEY' as const] : []),
        ...(status.recoveryCodesRemaining ? ['RECOVERY_CODE' as const] : []),
      ]
    : [];
  const enrolled = Boolean(status && (status.totpEnabled || status.passkeys.length));
  const enabled = (recoveryCodes: string[] | null) => (recoveryCodes?.length ? setCodes(recoveryCodes) : onDone(true));

  return (
    <dialog
      ref={dialogRef}
      className="dialog step-up"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-lead`}
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
    >
      <h2 id={`${id}-title`} className="dialog__title">
        Confirm it’s you
      </h2>
      <div className="dialog__body">
        {open ? (
          codes ? (
            <RecoveryCodes codes={codes} onSaved={() => onDone(true)} />
          ) : loading && !status ? (
            <Loading />
          ) : error && !status ? (
            <Alert>{toUserFacingError(error).message}</Alert>
          ) : enrolled ? (
            <>
              <p id={`${id}-lead`}>Accepting bank details and creating API keys need a fresh check of your second factor.</p>
              <SecondFactorForm
                methods={methods}
                submitLabel="Confirm"
                onCode={async (input) => {
                  await verify({ variables: { code: input.code ?? null, recoveryCode: input.recoveryCode ?? null } });
                  onDone(true);
                }}
                onPasskey={async () => {
                  const options = (await startPasskey()).data!.startPasskeyStepUp.options;
                  await finishPasskey({ variables: { response: await signWithPasskey(options) } });
                  onDone(true);
                }}
              />
            </>
          ) : (
            <>
              <p id={`${id}-lead`}>
                This needs two-factor sign-in, which you haven’t set up yet. Set up an authenticator app now (it takes a minute), or add a passkey; then Vouch
                carries on.
              </p>
              <TotpSetup onEnabled={enabled} />
              <details className="step-up__passkey">
                <summary>Use a passkey instead</summary>
                <AddPasskeyButton onAdded={enabled} />
              </details>
            </>
          )
        ) : null}
      </div>
      {codes ? null : (
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      )}
    </dialog>
  );
}
