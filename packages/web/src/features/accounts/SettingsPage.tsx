import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Spinner';
import { FieldFrame } from '../../components/FieldFrame';
import { toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import { ApiKeysSection } from '../api-keys/ApiKeysSection';
import { AuditLogCard } from '../audit-log/AuditLogCard';
import { TwoFactorSection } from '../security/TwoFactorSection';
import { Link } from '../../app/router';
import { ChangePasswordSection } from './ChangePasswordSection';
import { EmailStatus } from './EmailVerification';
import { SessionsSection } from './SessionsSection';
import { WebhooksSection } from '../webhooks/WebhooksSection';
import { BrandingSection } from '../branding/BrandingSection';
import { roleLabel, type CurrentUser } from './current-user';
import { parsePaymentHoldDays } from './validation';
import './accounts.css';

const OrganisationSettingsQuery = graphql(`
  query OrganisationSettings {
    me {
      id
      organisation {
        id
        requireSecondApproverForBankChanges
        paymentHoldDays
      }
    }
  }
`);

const UpdateOrganisationSettingsMutation = graphql(`
  mutation UpdateOrganisationSettings($requireSecondApproverForBankChanges: Boolean, $paymentHoldDays: Int) {
    updateOrganisationSettings(requireSecondApproverForBankChanges: $requireSecondApproverForBankChanges, paymentHoldDays: $paymentHoldDays) {
      id
      requireSecondApproverForBankChanges
      paymentHoldDays
    }
  }
`);

const holdText = (days: number) => (days === 0 ? 'No hold' : days === 1 ? '1 day' : `${days} days`);

/**
 * How long payments to a supplier are held after their bank details change (0–30 days, 0 = no hold): a
 * number box with its own Save, beside the second-approver switch. Bad input is refused under the box.
 */
function PaymentHoldSetting({ days }: { days: number }) {
  const [update, { loading: saving }] = useMutation(UpdateOrganisationSettingsMutation);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const value = draft ?? String(days);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setProblem(null);
    setSaved(null);
    const parsed = parsePaymentHoldDays(value);
    if (parsed.error !== null) {
      setError(parsed.error);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    try {
      const result = await update({ variables: { paymentHoldDays: parsed.days } });
      const now = result.data?.updateOrganisationSettings.paymentHoldDays ?? parsed.days;
      setDraft(null);
      setSaved(now === 0 ? 'Saved: no payment hold after bank details change.' : `Saved: payments are held for ${holdText(now)} after bank details change.`);
    } catch (err) {
      const p = toUserFacingError(err);
      if (p.fields.paymentHoldDays) {
        setError(p.fields.paymentHoldDays);
        inputRef.current?.focus();
      } else {
        setProblem(p.message);
      }
    }
  };

  return (
    <form className="settings__option" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Payment hold">
      <FieldFrame
        label="Payment hold (days)"
        hint="After a supplier’s bank details change, Vouch shows a hold on payments to them for this many days: 0 to 30, 0 = no hold."
        error={error}
      >
        {(control) => (
          <div className="settings__hold-input">
            <input
              ref={inputRef}
              {...control}
              inputMode="numeric"
              autoComplete="off"
              value={value}
              onChange={(event) => {
                setDraft(event.target.value);
                setError(null);
                setSaved(null);
              }}
            />
            <button type="submit" className="button" aria-disabled={saving || undefined}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        )}
      </FieldFrame>
      {saved ? (
        <p role="status" className="muted">
          {saved}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}
    </form>
  );
}

/** Review rules for the organisation: ADMIN can change them; everyone else sees them. */
function ReviewSettings({ user }: { user: CurrentUser }) {
  const { data, error, loading } = useQuery(OrganisationSettingsQuery, { fetchPolicy: 'cache-and-network' });
  const [update, { loading: saving }] = useMutation(UpdateOrganisationSettingsMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The checkbox follows the click at once; the saved value takes over when the server answers.
  const [pending, setPending] = useState<boolean | null>(null);
  const required = pending ?? data?.me?.organisation.requireSecondApproverForBankChanges;
  const holdDays = data?.me?.organisation.paymentHoldDays;
  const isAdmin = user.role === 'ADMIN';

  const onChange = async (value: boolean) => {
    if (saving) return;
    setProblem(null);
    setSaved(null);
    try {
      setPending(value);
      await update({ variables: { requireSecondApproverForBankChanges: value } });
      setSaved(value ? 'Saved: bank detail changes now need two approvers.' : 'Saved: one approver is enough.');
    } catch (err) {
      setProblem(toUserFacingError(err).message);
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-review">
      <h2 id="settings-review" className="card__title">
        Reviewing changes
      </h2>
      {required === undefined && loading ? <Loading /> : null}
      {required === undefined && error ? <Alert>{toUserFacingError(error).message}</Alert> : null}
      {required !== undefined ? (
        isAdmin ? (
          <div className="settings__option">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={required}
                aria-describedby="second-approver-hint"
                aria-disabled={saving || undefined}
                onChange={(event) => void onChange(event.target.checked)}
              />
              <span>
                Require a second approver for bank detail changes
                <span className="checkbox__hint" id="second-approver-hint">
                  A supplier’s new bank details are applied only after two different people accept them.
                </span>
              </span>
            </label>
            {saved ? (
              <p role="status" className="muted">
                {saved}
              </p>
            ) : null}
            {problem ? <Alert>{problem}</Alert> : null}
          </div>
        ) : (
          <dl className="details">
            <div className="details__row">
              <dt>Bank detail changes</dt>
              <dd>{required ? 'Need two approvers' : 'Need one approver'}</dd>
            </div>
            {holdDays !== undefined ? (
              <div className="details__row">
                <dt>Payment hold after a bank change</dt>
                <dd>{holdText(holdDays)}</dd>
              </div>
            ) : null}
          </dl>
        )
      ) : null}
      {isAdmin && holdDays !== undefined ? <PaymentHoldSetting days={holdDays} /> : null}
    </section>
  );
}

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

      <section className="card" aria-labelledby="settings-team">
        <h2 id="settings-team" className="card__title">
          Team
        </h2>
        <p className="card__lead">{user.role === 'ADMIN' ? 'Invite people, choose their roles, and remove access.' : 'See who is on your team.'}</p>
        <div className="card__actions">
          <Link to="/settings/team" className="button">
            {user.role === 'ADMIN' ? 'Manage team' : 'See team'}
          </Link>
        </div>
      </section>

      <ReviewSettings user={user} />

      <BrandingSection user={user} />

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
            <EmailStatus email={user.email} />
          </div>
          <div className="details__row">
            <dt>Role</dt>
            <dd>{roleLabel(user.role)}</dd>
          </div>
        </dl>
      </section>

      <ChangePasswordSection />

      <SessionsSection />

      <TwoFactorSection user={user} />

      <AuditLogCard user={user} />

      <ApiKeysSection user={user} />
      <WebhooksSection user={user} />
    </>
  );
}
