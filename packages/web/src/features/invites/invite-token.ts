/**
 * The invite token travels in the URL fragment (`/invite#token=…`), so it never reaches a server log or a
 * Referer header. It is read once, kept in sessionStorage (this tab only) for reloads, and the fragment
 * is dropped from the address bar.
 */
const STORAGE_KEY = 'vouch.inviteToken';

export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token ? token : null;
}

export function takeInviteToken(): string | null {
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    try {
      sessionStorage.setItem(STORAGE_KEY, fromHash);
    } catch {
      // storage can be disabled; the token then lives in memory only
    }
    window.history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
