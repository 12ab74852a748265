import type { ErrorCode } from '../../app/errors';
import { relativeTime } from '../../app/relative-time';
import type { ApiKeyScope } from '../../gql/graphql';

/** Wording for API keys on Settings, kept pure so it is unit-tested. */

export const SCOPE_OPTIONS: ReadonlyArray<{ value: ApiKeyScope; label: string; hint: string }> = [
  { value: 'READ', label: 'Read only', hint: 'Suppliers, submissions and history; nothing changes.' },
  {
    value: 'READ_WRITE',
    label: 'Read and write (invite, accept, reject)',
    hint: 'Also invites suppliers and decides on their changes. Never manages keys or the Xero connection.',
  },
];

const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  READ: 'Read only',
  READ_WRITE: 'Read and write',
};

export function scopeLabel(scope: ApiKeyScope): string {
  return SCOPE_LABELS[scope] ?? scope;
}

export function bankAccessText(canReadBankDetails: boolean): string {
  return canReadBankDetails ? 'Full bank details' : 'Masked (last 4 digits)';
}

/** "Never used", or "Used 3 minutes ago" (a stamp slightly ahead of `nowMs` reads "just now"). */
export function lastUsedText(iso: string | null | undefined, nowMs: number): string {
  const at = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(at)) return 'Never used';
  return `Used ${relativeTime(iso, Math.max(nowMs, at))}`;
}

/** "vch_AbCdEfGh…": the start of the key, to recognise it; the rest is never stored. */
export function maskedKey(prefix: string): string {
  return `${prefix}…`;
}

/** What to say when creating or revoking a key fails; branches on the code, never on message text. */
export function apiKeyErrorMessage(error: { code: ErrorCode; message: string }): string {
  switch (error.code) {
    case 'FORBIDDEN':
      return 'Only an admin can manage API keys.';
    case 'NOT_FOUND':
      return 'That key no longer exists. Reload the page to see the current keys.';
    default:
      return error.message;
  }
}
