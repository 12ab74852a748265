import { useEffect, useState } from 'react';

/**
 * Xero sends the browser back to one address (the server's PUBLIC_URL / XERO_REDIRECT_URI), and the Vouch
 * session cookie belongs to one host. Opened on another address of the same server (127.0.0.1 vs
 * localhost, say), connecting must first move to that address — if this browser can reach Vouch there.
 */

/** Where the page is, relative to Xero's callback origin. */
export type CallbackOriginState = 'here' | 'checking' | 'reachable' | 'unreachable' | 'mismatched';

export type OriginProbe = Exclude<CallbackOriginState, 'here' | 'checking'>;

/** The same Integrations page on the callback origin, starting Connect to Xero once it has loaded. */
export function connectUrl(callbackOrigin: string): string {
  return `${callbackOrigin}/integrations?xeroConnect=1`;
}

/**
 * Asks the callback origin whether it is this Vouch (GET /xero/origin-check, CORS): `unreachable` when the
 * browser cannot get an answer there, `mismatched` when something else answers.
 */
export async function probeCallbackOrigin(callbackOrigin: string): Promise<OriginProbe> {
  let response: Response;
  try {
    response = await fetch(`${callbackOrigin}/xero/origin-check`, {
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    return 'unreachable';
  }
  try {
    const body = (await response.json()) as { service?: unknown; callbackOrigin?: unknown };
    return response.ok && body.service === 'vouch' && body.callbackOrigin === callbackOrigin ? 'reachable' : 'mismatched';
  } catch {
    return 'mismatched';
  }
}

/** Checks once (when `enabled`) whether this page is on the callback origin and, if not, whether it can go there. */
export function useCallbackOrigin(callbackOrigin: string | null, enabled: boolean): CallbackOriginState {
  const elsewhere = enabled && callbackOrigin !== null && callbackOrigin !== window.location.origin;
  const [probe, setProbe] = useState<{ origin: string; result: OriginProbe } | null>(null);
  useEffect(() => {
    if (!elsewhere || callbackOrigin === null) return;
    let cancelled = false;
    void probeCallbackOrigin(callbackOrigin).then((result) => {
      if (!cancelled) setProbe({ origin: callbackOrigin, result });
    });
    return () => {
      cancelled = true;
    };
  }, [elsewhere, callbackOrigin]);
  if (!elsewhere) return 'here';
  return probe?.origin === callbackOrigin ? probe.result : 'checking';
}
