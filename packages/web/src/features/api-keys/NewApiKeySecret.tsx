import { CopyLink } from '../../components/CopyLink';
import type { Ref } from 'react';
import './api-keys.css';

/** The new key, shown once (Vouch keeps only a fingerprint), until “I’ve copied it”. */
export function NewApiKeySecret({ name, secret, focusRef, onPutAway }: { name: string; secret: string; focusRef: Ref<HTMLDivElement>; onPutAway: () => void }) {
  return (
    <div className="notice notice--warning api-keys__secret" ref={focusRef} tabIndex={-1}>
      <p>
        <strong>Copy the key for “{name}” now. It will not be shown again</strong> — Vouch keeps only a fingerprint of it. If you lose it, revoke it and create
        a new one.
      </p>
      <CopyLink link={secret} label="New API key" />
      <p className="muted">
        Use it as <code>Authorization: Bearer &lt;key&gt;</code> on requests to <code>/graphql</code> (see <code>docs/api.md</code>).
      </p>
      <button type="button" className="button button--small" onClick={onPutAway}>
        I’ve copied it
      </button>
    </div>
  );
}
