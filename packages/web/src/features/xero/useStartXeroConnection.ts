import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { fallbackMessage, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import { connectUrl, probeCallbackOrigin } from './callback-origin';
import { callbackOriginNotice } from './xero-text';

const StartXeroConnectionMutation = graphql(`
  mutation StartXeroConnection {
    startXeroConnection {
      authorizeUrl
    }
  }
`);

/**
 * Connect (and reconnect) to Xero: the server returns Xero's authorize URL and the browser goes there
 * (login → consent → choose organisations), coming back to /integrations?xeroAttempt=… or ?xeroError=….
 *
 * Xero comes back to `callbackOrigin` only, with that host's cookie. On another address (127.0.0.1 vs
 * localhost) the browser first moves to the same page there, which starts the attempt once loaded
 * (`?xeroConnect=1`; sign in again if asked). `redirect: false` (that page's own automatic start) never
 * moves again, so a misconfigured server cannot bounce the browser back and forth.
 */
export function useStartXeroConnection(callbackOrigin: string | null = null) {
  const [mutate] = useMutation(StartXeroConnectionMutation);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Coming back with the browser's Back button restores this page from the back/forward cache, still
  // "starting"; make the button usable again.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) setStarting(false);
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, []);

  const start = useCallback(
    async ({ redirect = true }: { redirect?: boolean } = {}) => {
      if (starting) return;
      setStarting(true);
      setError(null);
      const here = window.location.origin;
      if (callbackOrigin && callbackOrigin !== here) {
        const probe = await probeCallbackOrigin(callbackOrigin);
        if (probe === 'reachable' && redirect) {
          // Stays "starting" while the browser moves to the callback origin.
          window.location.assign(connectUrl(callbackOrigin));
          return;
        }
        // Reachable but not to be moved to again: that address sent us here, so it is not the same Vouch setup.
        setError(callbackOriginNotice(probe === 'reachable' ? 'mismatched' : probe, callbackOrigin, here)!.text);
        setStarting(false);
        return;
      }
      try {
        const { data } = await mutate();
        const authorizeUrl = data?.startXeroConnection.authorizeUrl;
        if (!authorizeUrl) {
          setError(fallbackMessage('INTERNAL_SERVER_ERROR'));
          setStarting(false);
          return;
        }
        // Stays "starting" while the browser leaves for Xero.
        window.location.href = authorizeUrl;
      } catch (caught) {
        setError(toUserFacingError(caught).message);
        setStarting(false);
      }
    },
    [mutate, starting, callbackOrigin],
  );

  return { start, starting, error };
}
