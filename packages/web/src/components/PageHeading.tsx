import { useEffect, useRef, type ReactNode } from 'react';
import { useRouter } from '../app/router';

/**
 * The page's single <h1>. It also sets the document title and, after a client-side navigation, takes
 * focus so screen-reader and keyboard users start at the new page's content (as a full load would).
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { navigationCount } = useRouter();

  useEffect(() => {
    document.title = `${title} · Vouch`;
  }, [title]);

  useEffect(() => {
    if (navigationCount > 0) ref.current?.focus({ preventScroll: true });
    // Only on mount: focus moves once per page, not on every re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
