import type { ReactNode } from 'react';
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
      <main className={wide ? 'auth__card invite__card--wide' : 'auth__card'}>
        <PageHeading title={title}>{title}</PageHeading>
        {children}
      </main>
    </div>
  );
}
