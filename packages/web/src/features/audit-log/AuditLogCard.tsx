import { Link } from '../../app/router';
import type { CurrentUser } from '../accounts/current-user';

/** Settings → the way to the audit log (admins and approvers; viewers do not see it). */
export function AuditLogCard({ user }: { user: CurrentUser }) {
  if (user.role === 'VIEWER') return null;
  return (
    <section className="card" aria-labelledby="settings-audit-log">
      <h2 id="settings-audit-log" className="card__title">
        Audit log
      </h2>
      <p className="card__lead">Who did what and when: sign-ins, settings, Xero, API keys, invites, reviews and bank changes.</p>
      <Link to="/settings/audit-log" className="button">
        Open audit log
      </Link>
    </section>
  );
}
