import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';

/** The calm, centred frame shared by the signed-out pages. */
export function AuthLayout({ title, intro, children, footer }: { title: string; intro: string; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="auth">
      <header className="auth__brand">
        <span className="wordmark">
          <span className="wordmark__mark" aria-hidden="true">
            V
          </span>
          <span>Vouch</span>
        </span>
      </header>
      <main className="auth__card">
        <PageHeading title={title}>{title}</PageHeading>
        <p className="auth__intro">{intro}</p>
        {children}
        <p className="auth__footer">{footer}</p>
      </main>
    </div>
  );
}
