import { useId, useState } from 'react';

/** A link shown once (an invite, a join link, a secret): read-only, selected on focus, with Copy. */
export function CopyLink({ link, label = 'Invite link' }: { link: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-link__row">
        <input id={id} className="field__input" readOnly value={link} onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(link)
              .then(() => setCopied(true))
              .catch(() => setCopied(false));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
