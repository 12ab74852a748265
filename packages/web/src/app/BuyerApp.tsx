import type { ApolloClient } from '@apollo/client';
import { ApolloProvider, useApolloClient, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Alert } from '../components/Alert';
import { PageHeading } from '../components/PageHeading';
import { Loading } from '../components/Spinner';
import { forgetCurrentUser, MeQuery, type CurrentUser } from '../features/accounts/current-user';
import { ConfirmSignUpPage } from '../features/accounts/ConfirmSignUpPage';
import { VerifyEmailPage } from '../features/accounts/EmailVerification';
import { ForgotPasswordPage } from '../features/accounts/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/accounts/ResetPasswordPage';
import { SignInPage } from '../features/accounts/SignInPage';
import { SignUpPage } from '../features/accounts/SignUpPage';
import { SuppliersPage } from '../features/suppliers/SuppliersPage';
import { HomePage } from '../features/home/HomePage';
import { JoinTeamPage } from '../features/team/JoinTeamPage';
import { SyncInboxPage } from '../features/sync/SyncInboxPage';
import { EnrolmentRequiredPage } from '../features/security/EnrolmentRequiredPage';
import { createApolloClient } from './apollo-client';
import { AppFrame } from './AppFrame';
import { toUserFacingError } from './errors';
import { onSessionExpired } from './session-expiry';
import { Link, Redirect, safeNextPath, useRouter } from './router';

/** Where signing in lands: what needs you. */
const HOME = '/';
const SIGNED_OUT_PATHS = new Set(['/sign-in', '/sign-up', '/sign-up/confirm', '/forgot-password']);
/** Emailed links that work whether or not this browser is signed in (each says what it did). */
const LINK_PATHS = new Set(['/join', '/reset-password', '/verify-email']);

/** `/sign-in?next=/settings` style links, so signing in returns people to where they were going. */
function withNext(path: string, next: string | null): string {
  return next && next !== HOME ? `${path}?next=${encodeURIComponent(next)}` : path;
}

// Settings (team, security, keys, webhooks, branding), the audit log and Integrations (Xero) are visited now
// and then: their own chunks keep the first load (sign-in, home, suppliers) small.
const SettingsPage = lazy(() => import('../features/accounts/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const TeamPage = lazy(() => import('../features/team/TeamPage').then((m) => ({ default: m.TeamPage })));
const AuditLogPage = lazy(() => import('../features/audit-log/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const IntegrationsPage = lazy(() => import('../features/xero/IntegrationsPage').then((m) => ({ default: m.IntegrationsPage })));
// The supplier page (review, invite, timeline) is the largest buyer screen: its own chunk too.
const SupplierPage = lazy(() => import('../features/suppliers/SupplierPage').then((m) => ({ default: m.SupplierPage })));

let apolloClient: ApolloClient | undefined;

/**
 * Everything but the supplier invite page: the session check, signed-out pages and the signed-in app, with the
 * one Apollo Client (made when the buyer app is first shown; only this chunk loads Apollo).
 */
export function BuyerApp() {
  apolloClient ??= createApolloClient();
  return (
    <ApolloProvider client={apolloClient}>
      <BuyerRoutes />
    </ApolloProvider>
  );
}

function BuyerRoutes() {
  const client = useApolloClient();
  const { location } = useRouter();
  const { data, error, loading, refetch } = useQuery(MeQuery);

  // The API said the session is gone (the Apollo link signals it, whichever page asked): switch to signed-out
  // once, however many operations failed together. Deferred so the switch happens outside Apollo's delivery and
  // React's commit; skipped when nobody is signed in any more (e.g. signing out already did it).
  const switching = useRef(false);
  useEffect(
    () =>
      onSessionExpired(() => {
        if (switching.current) return;
        switching.current = true;
        setTimeout(() => {
          if (!client.cache.readQuery({ query: MeQuery })?.me) {
            switching.current = false;
            return;
          }
          void forgetCurrentUser(client).finally(() => {
            switching.current = false;
          });
        }, 0);
      }),
    [client],
  );

  if (!data && loading) {
    return (
      <main className="boot">
        <Loading />
      </main>
    );
  }

  if (!data && error) {
    return (
      <main className="boot">
        <div className="boot__panel">
          <PageHeading title="Can’t reach Vouch">Can’t reach Vouch</PageHeading>
          <Alert>{toUserFacingError(error).message}</Alert>
          <button type="button" className="button button--primary" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      </main>
    );
  }

  const me = data?.me ?? null;
  const { pathname } = location;
  const next = safeNextPath(new URLSearchParams(location.search).get('next'));

  if (LINK_PATHS.has(pathname)) {
    if (pathname === '/join') return <JoinTeamPage signedInAs={me} />;
    if (pathname === '/reset-password') return <ResetPasswordPage signInHref="/sign-in" />;
    return <VerifyEmailPage continueHref={me ? '/settings' : '/sign-in'} />;
  }

  if (SIGNED_OUT_PATHS.has(pathname)) {
    if (me) return <Redirect to={next ?? HOME} />;
    if (pathname === '/forgot-password') return <ForgotPasswordPage signInHref="/sign-in" />;
    if (pathname === '/sign-up/confirm') return <ConfirmSignUpPage signInHref="/sign-in" signUpHref="/sign-up" />;
    return pathname === '/sign-in' ? <SignInPage signUpHref={withNext('/sign-up', next)} /> : <SignUpPage signInHref={withNext('/sign-in', next)} />;
  }

  if (!me) {
    const target = pathname === '/' ? null : pathname + location.search;
    return <Redirect to={withNext('/sign-in', target)} />;
  }

  return <SignedInRoutes user={me} pathname={pathname} />;
}

function SignedInRoutes({ user, pathname }: { user: CurrentUser; pathname: string }) {
  // The organisation requires two-factor and this person has none yet: that comes before anything else.
  if (user.twoFactorEnrolmentRequired) return <EnrolmentRequiredPage user={user} />;

  let page;
  const supplierMatch = /^\/suppliers\/([^/]+)$/.exec(pathname);
  switch (supplierMatch ? '/suppliers/:id' : pathname) {
    case '/':
      page = <HomePage user={user} />;
      break;
    case '/suppliers/:id':
      page = (
        <Suspense fallback={<Loading label="Loading supplier…" />}>
          <SupplierPage supplierId={decodeURIComponent(supplierMatch![1]!)} user={user} />
        </Suspense>
      );
      break;
    case '/suppliers':
      page = <SuppliersPage user={user} />;
      break;
    case '/integrations':
      page = <IntegrationsPage user={user} />;
      break;
    case '/settings':
      page = <SettingsPage user={user} />;
      break;
    case '/settings/team':
      page = <TeamPage user={user} />;
      break;
    case '/settings/audit-log':
      page = <AuditLogPage user={user} />;
      break;
    case '/sync':
      page = <SyncInboxPage user={user} />;
      break;
    default:
      page = (
        <div className="page-header">
          <PageHeading title="Page not found">Page not found</PageHeading>
          <p className="page-header__lead">
            There’s nothing at this address. <Link to={HOME}>Go to Home</Link>
          </p>
        </div>
      );
  }
  // Keyed by path so each page mounts fresh (its heading takes focus, its state resets).
  return (
    <AppFrame user={user}>
      <div key={pathname}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </div>
    </AppFrame>
  );
}
