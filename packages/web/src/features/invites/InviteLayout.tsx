import { useEffect, useRef, type ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';

/** The supplier's calm, centred frame (no app header): the business's name, then one card. */
export function InviteLayout({
  title,
  organisationName,
  children,
  wide = false,
}: {
  title: string;
  organisationName?: string | null;
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
        <span className="wordmark">
          <span className="wordmark__mark" aria-hidden="true">
            V
          </span>
          <span>Vouch</span>
        </span>
        {organisationName ? <span className="invite__for">for {organisationName}</span> : null}
      </header>
      <main ref={mainRef} className={wide ? 'auth__card invite__card--wide' : 'auth__card'}>
        <PageHeading title={title}>{title}</PageHeading>
        {children}
      </main>
    </div>
  );
}
