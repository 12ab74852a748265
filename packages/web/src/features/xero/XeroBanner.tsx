import { Link } from '../../app/router';
import type { Attention } from '../../app/attention';
import { xeroBannerText } from './xero-text';

/**
 * Across the app (not on Integrations, which has the whole card): when a connection made before has stopped
 * syncing — disconnected, or its access needs renewing — one line says so, in the card's own words, with the
 * way to fix it. (Before Xero was ever connected, the home page and the empty lists say how to start.)
 */
export function XeroBanner({ xero, canManage }: { xero: Attention['xero'] | null; canManage: boolean }) {
  if (!xero?.needsAttention || !xero.status) return null;
  const text = xeroBannerText(xero.status, canManage);
  return (
    <section className="notice notice--warning app-banner" aria-label="Xero connection">
      <p>
        <span aria-hidden="true">⚠ </span>
        {text.message}
      </p>
      <Link to="/integrations" className="button button--small">
        {text.action}
      </Link>
    </section>
  );
}
