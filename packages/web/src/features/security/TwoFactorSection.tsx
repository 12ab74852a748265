import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Spinner';
import type { CurrentUser } from '../accounts/current-user';
import { formatDate } from '../../components/format-date';
import { AddPasskeyButton } from './AddPasskeyButton';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpSetup } from './TotpSetup';
import {
  RegenerateRecoveryCodesMutation,
  RemovePasskeyMutation,
  RemoveTotpMutation,
  RequireTwoFactorMutation,
  TwoFactorStatusQuery,
} from './two-factor-documents';
import { useStepUp } from './useStepUp';
import '../accounts/accounts.css';
import './security.css';

type Removing = { kind: 'totp' } | { kind: 'passkey'; id: string; name: string } | null;

/**
 * Settings → Two-factor sign-in: the authenticator app, passkeys and recovery codes of the signed-in person,
 * and (admins) the organisation's "everyone signs in with two-factor" rule. Removing a factor or making new
 * recovery codes asks for a fresh second factor first.
 */
export function TwoFactorSection({ user }: { user: CurrentUser }) {
  const { data, loading, error, refetch } = useQuery(TwoFactorStatusQuery, { fetchPolicy: 'cache-and-network' });
  const stepUp = useStepUp();
  const [adding, setAdding] = useState<'totp' | 'passkey' | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Removing>(null);
  const [removeTotp, { loading: removingTotp }] = useMutation(RemoveTotpMutation);
  const [removePasskey, { loading: removingPasskey }] = useMutation(RemovePasskeyMutation);
  const [regenerate, { loading: regenerating }] = useMutation(RegenerateRecoveryCodesMutation);
  const [setRequired, { loading: savingRule }] = useMutation(RequireTwoFactorMutation);
  const [ruleProblem, setRuleProblem] = useState<string | null>(null);
  const status = data?.twoFactorStatus;

  const act = async (action: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setNotice(null);
    try {
      await stepUp.run(action);
      setNotice(done);
      void refetch().catch(() => undefined);
    } catch (caught) {
      setProblem(toUserFacingError(caught).message);
    }
  };

  const enrolled = (what: string) => (recoveryCodes: string[] | null) => {
    setAdding(null);
    setNotice(`${what} added. You’ll use it when you sign in and before sensitive actions.`);
    if (recoveryCodes?.length) setCodes(recoveryCodes);
    void refetch().catch(() => undefined);
  };

  // The checkbox follows the click at once; the server's answer settles it (or puts it back, with why).
  const [pendingRule, setPendingRule] = useState<boolean | null>(null);
  const onRule = async (value: boolean) => {
    if (savingRule) return;
    setRuleProblem(null);
    setPendingRule(value);
    try {
      await stepUp.run(() => setRequired({ variables: { requireTwoFactor: value } }));
      await refetch().catch(() => undefined);
    } catch (caught) {
      const p = toUserFacingError(caught);
      setRuleProblem(p.fields.requireTwoFactor ?? p.message);
    } finally {
      setPendingRule(null);
    }
  };

  return (
    <section className="card two-factor" aria-labelledby="settings-two-factor">
      <h2 id="settings-two-factor" className="card__title">
        Two-factor sign-in
      </h2>
      <p className="card__lead">
        A second step after your password — a code from an authenticator app or a passkey — so a stolen password is not enough. Accepting bank details and
        creating API keys ask for it again.
      </p>
      {!status && loading ? <Loading /> : null}
      {!status && error ? <Alert>{toUserFacingError(error).message}</Alert> : null}
      {codes ? (
        <RecoveryCodes
          codes={codes}
          onSaved={() => {
            setCodes(null);
            setNotice('Recovery codes saved. Each works once.');
          }}
        />
      ) : null}
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}
      {status && !codes ? (
        <>
          <dl className="details">
            <div className="details__row">
              <dt>Authenticator app</dt>
              <dd className="two-factor__value">
                {status.totpEnabled ? <span className="badge badge--success">On</span> : <span className="muted">Not set up</span>}
                {status.totpEnabled ? (
                  <button type="button" className="button button--small button--quiet" onClick={() => setRemoving({ kind: 'totp' })}>
                    Remove
                  </button>
                ) : adding !== 'totp' ? (
                  <button type="button" className="button button--small" onClick={() => setAdding('totp')}>
                    Set up authenticator app
                  </button>
                ) : null}
              </dd>
            </div>
            <div className="details__row">
              <dt>Passkeys</dt>
              <dd className="two-factor__stack">
                {status.passkeys.length ? (
                  <ul className="two-factor__passkeys" aria-label="Your passkeys">
                    {status.passkeys.map((p) => (
                      <li key={p.id}>
                        <span>
                          <strong>{p.name}</strong>
                          <span className="muted">
                            {' '}
                            · added {formatDate(p.createdAt)}
                            {p.lastUsedAt ? ` · last used ${formatDate(p.lastUsedAt)}` : ' · not used yet'}
                          </span>
                        </span>
                        <button
                          type="button"
                          className="button button--small button--quiet"
                          aria-label={`Remove passkey ${p.name}`}
                          onClick={() => setRemoving({ kind: 'passkey', id: p.id, name: p.name })}
                        >
                          Remove
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">None yet</span>
                )}
                {adding !== 'passkey' ? (
                  <button type="button" className="button button--small" onClick={() => setAdding('passkey')}>
                    Add a passkey
                  </button>
                ) : null}
              </dd>
            </div>
            {status.totpEnabled || status.passkeys.length ? (
              <div className="details__row">
                <dt>Recovery codes</dt>
                <dd className="two-factor__value">
                  <span>{status.recoveryCodesRemaining} of 10 left</span>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-disabled={regenerating || undefined}
                    onClick={() =>
                      void act(async () => {
                        const result = await regenerate();
                        setCodes(result.data?.regenerateRecoveryCodes.recoveryCodes ?? null);
                      }, 'New recovery codes made; the old ones no longer work.')
                    }
                  >
                    Make new codes
                  </button>
                </dd>
              </div>
            ) : null}
          </dl>
          {adding === 'totp' ? <TotpSetup guard={stepUp.run} onEnabled={enrolled('Authenticator app')} onCancel={() => setAdding(null)} /> : null}
          {adding === 'passkey' ? (
            <div className="two-factor__add">
              <AddPasskeyButton guard={stepUp.run} primary onAdded={enrolled('Passkey')} />
              <button type="button" className="button button--quiet" onClick={() => setAdding(null)}>
                Cancel
              </button>
            </div>
          ) : null}
          {user.role === 'ADMIN' ? (
            <div className="settings__option two-factor__rule">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={pendingRule ?? status.organisationRequiresTwoFactor}
                  aria-describedby="require-two-factor-hint"
                  aria-disabled={savingRule || undefined}
                  onChange={(event) => void onRule(event.target.checked)}
                />
                <span>
                  Require two-factor sign-in for everyone in {user.organisation.name}
                  <span className="checkbox__hint" id="require-two-factor-hint">
                    People without it set it up before they can do anything else.
                  </span>
                </span>
              </label>
              {ruleProblem ? <Alert>{ruleProblem}</Alert> : null}
            </div>
          ) : status.organisationRequiresTwoFactor ? (
            <p className="muted">{user.organisation.name} requires two-factor sign-in for everyone.</p>
          ) : null}
        </>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={removing?.kind === 'passkey' ? `Remove the passkey “${removing.name}”?` : 'Remove the authenticator app?'}
        confirmLabel="Remove"
        busyLabel="Removing…"
        tone="danger"
        busy={removingTotp || removingPasskey}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const target = removing;
          setRemoving(null);
          if (target?.kind === 'passkey') void act(() => removePasskey({ variables: { id: target.id } }), `Passkey “${target.name}” removed.`);
          else if (target) void act(() => removeTotp(), 'Authenticator app removed.');
        }}
      >
        <p>You won’t be able to sign in with it any more. Make sure you have another way to prove it’s you.</p>
      </ConfirmDialog>
      {stepUp.dialog}
    </section>
  );
}
