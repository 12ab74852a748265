import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * "The session has gone": an operation that needs a signed-in person answered UNAUTHENTICATED with reason
 * SIGN_IN_REQUIRED (the session expired, was signed out in another tab or ended from Settings). The Apollo
 * link raises it (apollo-client.ts); the buyer app listens once (BuyerApp.tsx) and switches to signed-out, so
 * pages never handle it themselves.
 *
 * Other UNAUTHENTICATED reasons belong to the screen that asked and are not this signal: a wrong password
 * (INVALID_CREDENTIALS), an expired sign-in challenge, and the supplier invite's own session
 * (INVITE_NOT_VERIFIED, handled by the invite page).
 */
export function isSessionExpired(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.extensions?.reason === 'SIGN_IN_REQUIRED');
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `listener` whenever an operation finds the session gone; returns the unsubscribe function. */
export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Raised by the Apollo link; every listener hears it. */
export function signalSessionExpired(): void {
  for (const listener of listeners) listener();
}
