import { PageHeading } from '../../components/PageHeading';

export function IntegrationsPage() {
  return (
    <>
      <div className="page-header">
        <PageHeading title="Integrations">Integrations</PageHeading>
        <p className="page-header__lead">Connect the tools you already use so supplier details stay in sync.</p>
      </div>

      <section className="card integration" aria-labelledby="integration-xero">
        <div className="integration__logo" aria-hidden="true">
          X
        </div>
        <div className="integration__body">
          <div className="integration__title">
            <h2 id="integration-xero" className="card__title">
              Xero
            </h2>
            <span className="badge" id="integration-xero-status">
              Coming soon
            </span>
          </div>
          <p className="muted">
            Import your Xero contacts as suppliers and keep their details up to date in both places.
          </p>
        </div>
        <div className="integration__action">
          <button type="button" className="button" disabled aria-describedby="integration-xero-status">
            Connect to Xero
          </button>
        </div>
      </section>
    </>
  );
}
