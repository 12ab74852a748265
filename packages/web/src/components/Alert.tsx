import type { ReactNode } from 'react';

/**
 * A message announced by assistive technology as soon as it appears (role="alert"). Render it only
 * when there is something to say, so the announcement fires on each new error.
 */
export function Alert({ children, tone = 'error' }: { children: ReactNode; tone?: 'error' | 'info' }) {
  return (
    <div role="alert" className={`alert alert--${tone}`}>
      {children}
    </div>
  );
}
