import { formatDate, formatDateTime } from '../../components/format-date';
import type { ApiKeysSection_ApiKeyFragment } from '../../gql/graphql';
import { bankAccessText, lastUsedText, maskedKey, scopeLabel } from './api-key-text';
import './api-keys.css';

/** Every key: name, masked key, access, bank details, when created and last used, and Revoke (or when revoked). */
export function ApiKeyTable({
  keys,
  now,
  onRevoke,
}: {
  keys: readonly ApiKeysSection_ApiKeyFragment[];
  now: number;
  onRevoke: (key: ApiKeysSection_ApiKeyFragment) => void;
}) {
  return (
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
                  <button type="button" className="button button--small button--quiet" aria-label={`Revoke ${key.name}`} onClick={() => onRevoke(key)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
