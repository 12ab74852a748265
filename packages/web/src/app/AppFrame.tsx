import type { ReactNode } from 'react';
import { Alert } from '../components/Alert';
import { roleLabel, type CurrentUser } from '../features/accounts/current-user';
import { useSignOut } from '../features/accounts/useSignOut';
import { Link, useRouter } from './router';

export const NAV_ITEMS = [
  { to: '/suppliers', label: 'Suppliers' },
  { to: '/integrations', label: 'Integrations' },
  { to: '/sync', label: 'Sync' },
  { to: '/settings', label: 'Settings' },
] as const;

/** The signed-in shell: organisation and user in the header, primary navigation, then the page. */
export function AppFrame({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const { location } = useRouter();
  const { signOut, signingOut, signOutError } = useSignOut();

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <div className="topbar__org">
            <span className="wordmark__mark" aria-hidden="true">
              V
            </span>
            <span className="topbar__org-name">{user.organisation.name}</span>
          </div>

          <nav className="nav" aria-label="Main">
            <ul className="nav__list">
              {NAV_ITEMS.map((item) => {
                const active = location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);
                return (
                  <li key={item.to}>
                    <Link to={item.to} className="nav__link" aria-current={active ? 'page' : undefined}>
                      {item.label}
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
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => void signOut()}
              aria-disabled={signingOut || undefined}
            >
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </div>
      </header>

      <main id="main" className="content">
        {signOutError ? <Alert>{signOutError}</Alert> : null}
        {children}
      </main>
    </div>
  );
}
