import { PageHeading } from '../../components/PageHeading';
import { roleLabel, type CurrentUser } from './current-user';

export function SettingsPage({ user }: { user: CurrentUser }) {
  return (
    <>
      <div className="page-header">
        <PageHeading title="Settings">Settings</PageHeading>
        <p className="page-header__lead">Your organisation and account details.</p>
      </div>

      <section className="card" aria-labelledby="settings-organisation">
        <h2 id="settings-organisation" className="card__title">
          Organisation
        </h2>
        <dl className="details">
          <div className="details__row">
            <dt>Name</dt>
            <dd>{user.organisation.name}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="settings-account">
        <h2 id="settings-account" className="card__title">
          Your account
        </h2>
        <dl className="details">
          <div className="details__row">
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div className="details__row">
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </div>
          <div className="details__row">
            <dt>Role</dt>
            <dd>{roleLabel(user.role)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
