import type { ReactNode } from 'react';
import { Alert } from '../components/Alert';
import { roleLabel, type CurrentUser } from '../features/accounts/current-user';
import { useSignOut } from '../features/accounts/useSignOut';
import { XeroBanner } from '../features/xero/XeroBanner';
import { useLiveAttention, type Attention } from './attention';
import { Link, useRouter } from './router';
import './app-frame.css';

export const NAV_ITEMS = [
  { to: '/', label: 'Home' },
  { to: '/suppliers', label: 'Suppliers' },
  { to: '/integrations', label: 'Integrations' },
  { to: '/sync', label: 'Sync' },
  { to: '/settings', label: 'Settings' },
] as const;

/** The counts the navigation carries, live: submissions to review on Suppliers, failed syncs on Sync. */
function navCount(to: string, attention: Attention | null): { n: number; words: string } | null {
  if (!attention) return null;
  if (to === '/suppliers' && attention.awaitingReview > 0) return { n: attention.awaitingReview, words: 'awaiting review' };
  if (to === '/sync' && attention.failedSyncs > 0) return { n: attention.failedSyncs, words: attention.failedSyncs === 1 ? 'failed sync' : 'failed syncs' };
  return null;
}

/** The signed-in shell: organisation and user in the header, primary navigation, then the page. */
export function AppFrame({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const { location } = useRouter();
  const { signOut, signingOut, signOutError } = useSignOut();
  const attention = useLiveAttention();

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="topbar__org">
            <span className="wordmark__mark" aria-hidden="true">
              V
            </span>
            <span className="visually-hidden">Home: </span>
            <span className="topbar__org-name">{user.organisation.name}</span>
          </Link>

          <nav className="nav" aria-label="Main">
            <ul className="nav__list">
              {NAV_ITEMS.map((item) => {
                const active = item.to === '/' ? location.pathname === '/' : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);
                const count = navCount(item.to, attention);
                return (
                  <li key={item.to} className={item.to === '/' ? 'nav__item--home' : undefined}>
                    <Link to={item.to} className="nav__link" aria-current={active ? 'page' : undefined}>
                      {item.label}
                      {count ? (
                        <span className="nav__count">
                          <span className="visually-hidden">, </span>
                          {count.n > 99 ? '99+' : count.n}
                          <span className="visually-hidden"> {count.words}</span>
                        </span>
                      ) : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>

          <div className="topbar__user">
            <span className="topbar__user-text">
              <span className="topbar__user-name">{user.name}</span>
              <span className="badge">{roleLabel(user.role)}</span>
            </span>
            <button type="button" className="button button--quiet button--small" onClick={() => void signOut()} aria-disabled={signingOut || undefined}>
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </div>
      </header>

      <main id="main" className="content">
        {signOutError ? <Alert>{signOutError}</Alert> : null}
        {location.pathname !== '/integrations' && location.pathname !== '/' ? (
          <XeroBanner xero={attention?.xero ?? null} canManage={user.role === 'ADMIN'} />
        ) : null}
        {children}
      </main>
    </div>
  );
}
