import { RetryAlert } from '../../components/RetryAlert';
import { useNow } from '../../app/useNow';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import type { CurrentUser } from '../accounts/current-user';
import { maskedKey } from './api-key-text';
import { ApiKeyTable } from './ApiKeyTable';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { NewApiKeySecret } from './NewApiKeySecret';
import { useApiKeys } from './useApiKeys';
import './api-keys.css';

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
  const { list, headingRef, created, form, revoke, stepUpDialog } = useApiKeys();
  const { data, error, loading, refetch, keys } = list;

  return (
    <section className="card api-keys" aria-labelledby="settings-api-keys">
      <h2 id="settings-api-keys" className="card__title" ref={headingRef} tabIndex={-1}>
        API keys
      </h2>
      <p className="card__lead">
        Let your own tools read suppliers (and, if you allow it, invite and review) through the Vouch API. Send a key as{' '}
        <code>Authorization: Bearer &lt;key&gt;</code>. The API is described in <code>docs/api.md</code> in the Vouch repository.
      </p>

      {created.value ? <NewApiKeySecret name={created.value.name} secret={created.value.secret} focusRef={created.ref} onPutAway={created.putAway} /> : null}

      {revoke.outcome ? (
        <p role="status" className="notice api-keys__status" ref={revoke.outcomeRef} tabIndex={-1}>
          {revoke.outcome}
        </p>
      ) : null}
      {revoke.problem ? <Alert>{revoke.problem}</Alert> : null}

      {!data && loading ? <Loading label="Loading API keys…" /> : null}
      {!data && error ? <RetryAlert error={error} onRetry={refetch} /> : null}

      {data && keys.length === 0 ? <p className="muted api-keys__empty">No API keys yet.</p> : null}
      {keys.length > 0 ? <ApiKeyTable keys={keys} now={now} onRevoke={revoke.ask} /> : null}

      <CreateApiKeyForm form={form} />

      <ConfirmDialog
        open={revoke.key !== null}
        title={revoke.key ? `Revoke “${revoke.key.name}”?` : 'Revoke key?'}
        confirmLabel="Revoke key"
        busyLabel="Revoking…"
        tone="danger"
        busy={revoke.revoking}
        onConfirm={revoke.confirm}
        onCancel={revoke.cancel}
      >
        <p>
          Tools using the key starting <code>{revoke.key ? maskedKey(revoke.key.prefix) : ''}</code> will be refused at once. This can’t be undone.
        </p>
      </ConfirmDialog>
      {stepUpDialog}
    </section>
  );
}
