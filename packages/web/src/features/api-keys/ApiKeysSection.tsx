import { RetryAlert } from '../../components/RetryAlert';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { useNow } from '../../app/useNow';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { ApiKeyScope, ApiKeysSection_ApiKeyFragment } from '../../gql/graphql';
import type { CurrentUser } from '../accounts/current-user';
import { CopyLink } from '../../components/CopyLink';
import { useStepUp } from '../security/useStepUp';
import { formatDate, formatDateTime } from '../../components/format-date';
import { apiKeyErrorMessage, bankAccessText, lastUsedText, maskedKey, scopeLabel, SCOPE_OPTIONS } from './api-key-text';

export const ApiKeyFragment = graphql(`
  fragment ApiKeysSection_apiKey on ApiKey {
    id
    name
    prefix
    scope
    canReadBankDetails
    createdAt
    lastUsedAt
    revokedAt
  }
`);

const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      ...ApiKeysSection_apiKey
    }
  }
`);

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scope: ApiKeyScope!, $canReadBankDetails: Boolean!) {
    createApiKey(name: $name, scope: $scope, canReadBankDetails: $canReadBankDetails) {
      apiKey {
        ...ApiKeysSection_apiKey
      }
      secret
    }
  }
`);

const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeysSection_apiKey
    }
  }
`);

type ApiKey = ApiKeysSection_ApiKeyFragment;

/**
 * API keys for third-party tools (ADMIN only; nobody else sees the section). A new key's secret is shown
 * once, from component state only: the create mutation runs with `no-cache`, so the secret never enters
 * Apollo's cache and is gone after a reload or a page change.
 */
export function ApiKeysSection({ user }: { user: CurrentUser }) {
  if (user.role !== 'ADMIN') return null;
  return <ApiKeys />;
}

function ApiKeys() {
  const now = useNow();
  const { data, error, loading, refetch } = useQuery(ApiKeysQuery, { fetchPolicy: 'cache-and-network' });
  const [create, { loading: creating }] = useMutation(CreateApiKeyMutation, { fetchPolicy: 'no-cache' });
  // Creating a key asks for a fresh second factor (a dialog), then creates it.
  const stepUp = useStepUp();
  const [revoke, { loading: revoking }] = useMutation(RevokeApiKeyMutation);

  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('READ');
  const [canReadBankDetails, setCanReadBankDetails] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [createProblem, setCreateProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  const [revoking_, setRevokingKey] = useState<ApiKey | null>(null);
  const [revokeOutcome, setRevokeOutcome] = useState<string | null>(null);
  const [revokeProblem, setRevokeProblem] = useState<string | null>(null);

  // Focus follows what just happened: the new secret, the revoke outcome (its button is gone), or the
  // heading once the secret is put away.
  const secretRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusTarget, setFocusTarget] = useState<'secret' | 'outcome' | 'heading' | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const target = { secret: secretRef, outcome: outcomeRef, heading: headingRef }[focusTarget].current;
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (creating) return;
    setCreateProblem(null);
    setRevokeOutcome(null);
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Name the key, e.g. “Payments bot”, so you can tell keys apart.');
      return;
    }
    setNameError(null);
    try {
      const result = await stepUp.run(() => create({ variables: { name: trimmed, scope, canReadBankDetails } }));
      const payload = result.data?.createApiKey;
      if (payload) {
        setCreated({ name: payload.apiKey.name, secret: payload.secret });
        setFocusTarget('secret');
      }
      setName('');
      setScope('READ');
      setCanReadBankDetails(false);
      void refetch().catch(() => undefined);
    } catch (caught) {
      const problem = toUserFacingError(caught);
      if (problem.fields.name) setNameError(problem.fields.name);
      else setCreateProblem(apiKeyErrorMessage(problem));
    }
  };

  const onRevoke = async () => {
    if (!revoking_) return;
    setRevokeProblem(null);
    try {
      await revoke({ variables: { id: revoking_.id } });
      setRevokeOutcome(`Revoked “${revoking_.name}”. Tools using it are refused from now on.`);
      setFocusTarget('outcome');
    } catch (caught) {
      setRevokeProblem(apiKeyErrorMessage(toUserFacingError(caught)));
    } finally {
      setRevokingKey(null);
    }
  };

  const keys = data?.apiKeys ?? [];

  return (
    <section className="card api-keys" aria-labelledby="settings-api-keys">
      <h2 id="settings-api-keys" className="card__title" ref={headingRef} tabIndex={-1}>
        API keys
      </h2>
      <p className="card__lead">
        Let your own tools read suppliers (and, if you allow it, invite and review) through the Vouch API. Send a key as{' '}
        <code>Authorization: Bearer &lt;key&gt;</code>. The API is described in <code>docs/api.md</code> in the Vouch
        repository.
      </p>

      {created ? (
        <div className="notice notice--warning api-keys__secret" ref={secretRef} tabIndex={-1}>
          <p>
            <strong>Copy the key for “{created.name}” now. It will not be shown again</strong> — Vouch keeps only a
            fingerprint of it. If you lose it, revoke it and create a new one.
          </p>
          <CopyLink link={created.secret} label="New API key" />
          <p className="muted">
            Use it as <code>Authorization: Bearer &lt;key&gt;</code> on requests to <code>/graphql</code> (see{' '}
            <code>docs/api.md</code>).
          </p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setCreated(null);
              setFocusTarget('heading');
            }}
          >
            I’ve copied it
          </button>
        </div>
      ) : null}

      {revokeOutcome ? (
        <p role="status" className="notice api-keys__status" ref={outcomeRef} tabIndex={-1}>
          {revokeOutcome}
        </p>
      ) : null}
      {revokeProblem ? <Alert>{revokeProblem}</Alert> : null}

      {!data && loading ? <Loading label="Loading API keys…" /> : null}
      {!data && error ? (
        <RetryAlert error={error} onRetry={refetch} />
      ) : null}

      {data && keys.length === 0 ? <p className="muted api-keys__empty">No API keys yet.</p> : null}
      {keys.length > 0 ? (
        <div className="table-wrap api-keys__table" role="region" aria-labelledby="api-keys-caption" tabIndex={0}>
          <table className="table">
            <caption id="api-keys-caption" className="visually-hidden">
              API keys
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Access</th>
                <th scope="col">Bank details</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Status</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? 'api-keys__row--revoked' : undefined}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>{maskedKey(key.prefix)}</code>
                  </td>
                  <td>{scopeLabel(key.scope)}</td>
                  <td>{bankAccessText(key.canReadBankDetails)}</td>
                  <td>
                    <time dateTime={key.createdAt}>{formatDate(key.createdAt)}</time>
                  </td>
                  <td>
                    {key.lastUsedAt ? (
                      <time dateTime={key.lastUsedAt} title={formatDateTime(key.lastUsedAt)}>
                        {lastUsedText(key.lastUsedAt, now)}
                      </time>
                    ) : (
                      <span className="muted">{lastUsedText(null, now)}</span>
                    )}
                  </td>
                  <td>
                    {key.revokedAt ? (
                      <span className="badge">
                        Revoked <time dateTime={key.revokedAt}>{formatDate(key.revokedAt)}</time>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        aria-label={`Revoke ${key.name}`}
                        onClick={() => {
                          setRevokeOutcome(null);
                          setRevokeProblem(null);
                          setRevokingKey(key);
                        }}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <form className="form api-keys__form" onSubmit={(event) => void onCreate(event)} noValidate>
        <h3 className="api-keys__form-title">Create a key</h3>
        <TextField
          label="Key name"
          hint="What uses it, e.g. “Payments bot”. Only you see this."
          name="name"
          autoComplete="off"
          maxLength={100}
          value={name}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Access</legend>
          {SCOPE_OPTIONS.map((option) => (
            <label key={option.value} className="checkbox">
              <input
                type="radio"
                name="scope"
                value={option.value}
                checked={scope === option.value}
                onChange={() => setScope(option.value)}
              />
              <span>
                {option.label}
                <span className="checkbox__hint">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={canReadBankDetails}
            aria-describedby="api-key-bank-hint"
            onChange={(event) => setCanReadBankDetails(event.target.checked)}
          />
          <span>
            Can see full bank details
            <span className="checkbox__hint" id="api-key-bank-hint">
              Without this, bank account numbers are masked to their last 4 digits.
            </span>
          </span>
        </label>
        {createProblem ? <Alert>{createProblem}</Alert> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={creating || undefined}>
            {creating ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>

      <ConfirmDialog
        open={revoking_ !== null}
        title={revoking_ ? `Revoke “${revoking_.name}”?` : 'Revoke key?'}
        confirmLabel="Revoke key"
        busyLabel="Revoking…"
        tone="danger"
        busy={revoking}
        onConfirm={() => void onRevoke()}
        onCancel={() => setRevokingKey(null)}
      >
        <p>
          Tools using the key starting <code>{revoking_ ? maskedKey(revoking_.prefix) : ''}</code> will be refused at
          once. This can’t be undone.
        </p>
      </ConfirmDialog>
      {stepUp.dialog}
    </section>
  );
}
