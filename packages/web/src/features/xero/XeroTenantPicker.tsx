import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import type { XeroTenantPicker_PendingFragment } from '../../gql/graphql';
import { useStartXeroConnection } from './useStartXeroConnection';
import { XeroConnectionQuery } from './xero-connection';
import { ATTEMPT_EXPIRED_MESSAGE, confirmErrorMessage, lockedTenantNote } from './xero-text';
import './xero.css';

export const XeroTenantPickerFragment = graphql(`
  fragment XeroTenantPicker_pending on PendingXeroConnection {
    attemptId
    expiresAt
    lockedTenantId
    tenants {
      tenantId
      tenantName
      allowed
    }
  }
`);

const PendingXeroConnectionQuery = graphql(`
  query PendingXeroConnection($attemptId: ID!) {
    pendingXeroConnection(attemptId: $attemptId) {
      ...XeroTenantPicker_pending
    }
  }
`);

const ConfirmXeroTenantMutation = graphql(`
  mutation ConfirmXeroTenant($attemptId: ID!, $tenantId: String!) {
    confirmXeroTenant(attemptId: $attemptId, tenantId: $tenantId) {
      ...XeroConnectionCard_connection
    }
  }
`);

interface PickerProps {
  attemptId: string;
  /** The organisation this Vouch organisation is locked to, when already known from the connection. */
  connectedTenantName: string | null;
  onConnected: () => void;
  onCancel: () => void;
}

/**
 * Back from Xero with `?xeroAttempt=…`: choose which of the granted Xero organisations to connect. The
 * choice is permanent, so it is confirmed in a dialog that says so.
 */
export function XeroTenantPicker({ attemptId, connectedTenantName, onConnected, onCancel }: PickerProps) {
  const { data, error, loading, refetch } = useQuery(PendingXeroConnectionQuery, {
    variables: { attemptId },
    fetchPolicy: 'network-only',
  });
  const pending = data?.pendingXeroConnection;

  return (
    <section className="card picker" aria-labelledby="xero-picker-title">
      <div className="picker__header">
        <div className="integration__logo" aria-hidden="true">
          X
        </div>
        <div>
          <h2 id="xero-picker-title" className="card__title">
            Finish connecting Xero
          </h2>
          <p className="muted">Choose the Xero organisation that holds your suppliers. Vouch imports them and keeps them in sync.</p>
        </div>
      </div>

      {!pending && loading ? <Loading label="Loading your Xero organisations…" /> : null}
      {!pending && error ? <PendingError error={error} onRetry={() => void refetch()} onCancel={onCancel} /> : null}
      {pending ? (
        <TenantForm key={pending.attemptId} pending={pending} connectedTenantName={connectedTenantName} onConnected={onConnected} onCancel={onCancel} />
      ) : null}
    </section>
  );
}

function StartAgain({ label = 'Start again' }: { label?: string }) {
  const { start, starting, error } = useStartXeroConnection();
  return (
    <>
      {error ? <p>{error}</p> : null}
      <button type="button" className="button button--small" onClick={() => void start()} aria-disabled={starting || undefined}>
        {starting ? 'Opening Xero…' : label}
      </button>
    </>
  );
}

function PendingError({ error, onRetry, onCancel }: { error: unknown; onRetry: () => void; onCancel: () => void }) {
  const problem = toUserFacingError(error);
  const expired = problem.code === 'NOT_FOUND' || problem.code === 'BAD_USER_INPUT';
  const { message } = confirmErrorMessage(problem);
  return (
    <Alert>
      <p>{expired ? ATTEMPT_EXPIRED_MESSAGE : message}</p>
      <div className="alert__actions">
        {expired ? (
          <StartAgain />
        ) : problem.code !== 'FORBIDDEN' ? (
          <button type="button" className="button button--small" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          Back to Integrations
        </button>
      </div>
    </Alert>
  );
}

function TenantForm({
  pending,
  connectedTenantName,
  onConnected,
  onCancel,
}: {
  pending: XeroTenantPicker_PendingFragment;
  connectedTenantName: string | null;
  onConnected: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const allowed = pending.tenants.filter((tenant) => tenant.allowed);
  // The organisation picked (before the permanent confirmation) survives a reload of this page.
  const remembered = `vouch.xeroChoice.${pending.attemptId}`;
  const [tenantId, setTenantId] = useState(() => {
    if (allowed.length === 1) return allowed[0]!.tenantId;
    const kept = window.sessionStorage.getItem(remembered);
    return kept && allowed.some((tenant) => tenant.tenantId === kept) ? kept : '';
  });
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<{ message: string; startAgain: boolean } | null>(null);

  const [confirmTenant, { loading: connecting }] = useMutation(ConfirmXeroTenantMutation, {
    update(cache, { data }) {
      if (data) {
        cache.updateQuery({ query: XeroConnectionQuery }, (previous) => (previous ? { ...previous, xeroConnection: data.confirmXeroTenant } : previous));
      }
    },
  });

  const lockedName =
    pending.tenants.find((tenant) => tenant.tenantId === pending.lockedTenantId)?.tenantName ?? connectedTenantName ?? 'another Xero organisation';
  const someBlocked = pending.tenants.some((tenant) => !tenant.allowed);
  const chosen = pending.tenants.find((tenant) => tenant.tenantId === tenantId && tenant.allowed) ?? null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setFieldError('Choose the Xero organisation to connect.');
      selectRef.current?.focus();
      return;
    }
    setFieldError(null);
    setSubmitError(null);
    setConfirming(true);
  };

  const onConfirm = async () => {
    if (!chosen) return;
    try {
      await confirmTenant({ variables: { attemptId: pending.attemptId, tenantId: chosen.tenantId } });
      setConfirming(false);
      onConnected();
    } catch (caught) {
      setConfirming(false);
      setSubmitError(confirmErrorMessage(toUserFacingError(caught)));
    }
  };

  if (pending.tenants.length === 0 || allowed.length === 0) {
    return (
      <Alert tone="info">
        <p>
          {pending.tenants.length === 0
            ? 'No Xero organisation was shared with Vouch.'
            : `${lockedTenantNote(lockedName)} Start again and select ${lockedName} on Xero’s page.`}
        </p>
        <div className="alert__actions">
          <StartAgain />
          <button type="button" className="button button--small button--quiet" onClick={onCancel}>
            Back to Integrations
          </button>
        </div>
      </Alert>
    );
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [fieldError ? errorId : null, someBlocked ? hintId : null].filter(Boolean).join(' ') || undefined;

  return (
    <>
      {submitError ? (
        <Alert>
          <p>{submitError.message}</p>
          {submitError.startAgain ? (
            <div className="alert__actions">
              <StartAgain />
            </div>
          ) : null}
        </Alert>
      ) : null}

      <form className="form picker__form" onSubmit={onSubmit} noValidate>
        <div className={['field', fieldError ? 'field--invalid' : null].filter(Boolean).join(' ')}>
          <label className="field__label" htmlFor={`${id}-select`}>
            Xero organisation
          </label>
          {someBlocked ? (
            <p className="field__hint" id={hintId}>
              {lockedTenantNote(lockedName)}
            </p>
          ) : null}
          <select
            ref={selectRef}
            id={`${id}-select`}
            className="field__input field__select"
            value={tenantId}
            onChange={(event) => {
              setTenantId(event.target.value);
              window.sessionStorage.setItem(remembered, event.target.value);
              setFieldError(null);
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy}
          >
            {allowed.length > 1 ? (
              <option value="" disabled>
                Choose an organisation
              </option>
            ) : null}
            {pending.tenants.map((tenant) => (
              <option key={tenant.tenantId} value={tenant.tenantId} disabled={!tenant.allowed}>
                {tenant.allowed ? tenant.tenantName : `${tenant.tenantName} — not available`}
              </option>
            ))}
          </select>
          {fieldError ? (
            <p className="field__error" id={errorId}>
              <span aria-hidden="true" className="field__error-icon">
                !
              </span>
              {fieldError}
            </p>
          ) : null}
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Connect
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>

      <ConfirmDialog
        open={confirming && chosen !== null}
        title="This choice is permanent"
        confirmLabel={`Connect ${chosen?.tenantName ?? ''}`}
        busyLabel="Connecting…"
        busy={connecting}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>Vouch will be connected to {chosen?.tenantName} for good. You can reconnect it later, but never switch to a different Xero organisation.</p>
      </ConfirmDialog>
    </>
  );
}
