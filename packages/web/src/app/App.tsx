import { lazy, Suspense } from 'react';
import { Loading } from '../components/Spinner';
import { useRouter } from './router';

/** Public pages for suppliers (no account): no app frame, no session check. */
const PUBLIC_PATHS = new Set(['/invite']);

// Its own chunk: it bundles the server's validators (with the UK modulus tables), which buyers never need.
const InvitePage = lazy(() => import('../features/invites/InvitePage').then((m) => ({ default: m.InvitePage })));
// The buyer app (sign-in, home, suppliers, settings…) and Apollo Client in their own chunk too, so a supplier
// opening an invite link loads only React, the router and the invite page (which asks over plain fetch).
const BuyerApp = lazy(() => import('./BuyerApp').then((m) => ({ default: m.BuyerApp })));

const boot = (
  <main className="boot">
    <Loading />
  </main>
);

export function App() {
  const { location } = useRouter();
  return <Suspense fallback={boot}>{PUBLIC_PATHS.has(location.pathname) ? <InvitePage /> : <BuyerApp />}</Suspense>;
}
