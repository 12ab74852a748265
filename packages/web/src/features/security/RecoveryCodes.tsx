import { useState } from 'react';
import './security.css';

/**
 * Recovery codes, shown once: each signs in one time when the phone or passkey is not at hand. Copy or
 * download them, then say they are saved (the only way on).
 */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = `Vouch recovery codes (each works once):\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'vouch-recovery-codes.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className="recovery-codes" role="region" aria-label="Recovery codes">
      <p className="notice notice--warning">
        <strong>Save these recovery codes now. They will not be shown again.</strong> Each one signs you in once if you lose your phone or passkey. Keep them
        somewhere safe, like a password manager.
      </p>
      <ol className="recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => undefined,
            );
          }}
        >
          {copied ? 'Copied' : 'Copy codes'}
        </button>
        <button type="button" className="button button--small" onClick={download}>
          Download
        </button>
        <button type="button" className="button button--primary" onClick={onSaved}>
          I’ve saved my recovery codes
        </button>
      </div>
    </div>
  );
}
