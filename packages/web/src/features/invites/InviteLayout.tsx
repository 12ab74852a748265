import { useEffect, useRef, type ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { SupplierBrand, type Branding } from '../branding/SupplierBrand';
import './invites.css';

/**
 * The supplier's calm, centred frame (no app header): who is asking (the business's logo and name, "via
 * Vouch"), then one card. Before the business is known, Vouch's wordmark alone.
 */
export function InviteLayout({
  title,
  branding,
  children,
  wide = false,
}: {
  title: string;
  branding?: Pick<Branding, 'name' | 'logoUrl'> | null;
  children: ReactNode;
  wide?: boolean;
}) {
  // Each step (code, form, thanks) is a new "page" without a navigation: move focus to its heading so
  // screen readers announce it, but not on the first render (the browser's page load covers that).
  const mainRef = useRef<HTMLElement>(null);
  const firstTitle = useRef(title);
  useEffect(() => {
    if (title === firstTitle.current) return;
    firstTitle.current = '';
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: false });
  }, [title]);

  return (
    <div className="auth">
      <header className="auth__brand invite__brand">
        {branding ? (
          <>
            <SupplierBrand branding={branding} />
            <span className="invite__via">
              via <Wordmark />
            </span>
          </>
        ) : (
          <Wordmark />
        )}
      </header>
      <main ref={mainRef} className={wide ? 'auth__card invite__card--wide' : 'auth__card'}>
        <PageHeading title={title}>{title}</PageHeading>
        {children}
      </main>
    </div>
  );
}

function Wordmark() {
  return (
    <span className="wordmark">
      <span className="wordmark__mark" aria-hidden="true">
        V
      </span>
      <span>Vouch</span>
    </span>
  );
}
