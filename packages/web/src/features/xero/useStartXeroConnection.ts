import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { fallbackMessage, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';

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
 */
export function useStartXeroConnection() {
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

  const start = useCallback(async () => {
    if (starting) return;
    setStarting(true);
    setError(null);
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
  }, [mutate, starting]);

  return { start, starting, error };
}
