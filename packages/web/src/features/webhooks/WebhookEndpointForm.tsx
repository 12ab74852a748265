import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { WebhookEventType, WebhooksSection_EndpointFragment } from '../../gql/graphql';
import { EVENT_OPTIONS, webhookErrorMessage } from './webhook-text';
import { useStepUp } from '../security/useStepUp';
import '../api-keys/api-keys.css';

const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhooksSection_endpoint
      }
      secret
    }
  }
`);

const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $input: CreateWebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      ...WebhooksSection_endpoint
    }
  }
`);

/**
 * "Add an endpoint" (or, given `editing`, "Edit endpoint"): URL, description, the events to send and whether
 * they carry full bank details. Editing keeps the endpoint's secret and delivery log.
 */
export function WebhookEndpointForm({
  editing,
  onStart,
  onCreated,
  onSaved,
  onCancel,
  onProblem,
  onChanged,
}: {
  editing?: WebhooksSection_EndpointFragment;
  /** Sending: what the section said before goes. */
  onStart: () => void;
  /** Added: its signing secret, to show once. */
  onCreated?: (created: { url: string; secret: string }) => void;
  /** Edited and saved. */
  onSaved?: (url: string) => void;
  onCancel?: () => void;
  onProblem: (message: string) => void;
  onChanged: () => void;
}) {
  const [create, { loading: creating }] = useMutation(CreateWebhookEndpointMutation, { fetchPolicy: 'no-cache' });
  const [update, { loading: updating }] = useMutation(UpdateWebhookEndpointMutation);
  const busy = creating || updating;
  const id = useId();
  const [url, setUrl] = useState(editing?.url ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>(editing ? [...editing.eventTypes] : ['SUPPLIER_BANK_DETAILS_CHANGED']);
  const [canReadBankDetails, setCanReadBankDetails] = useState(editing?.canReadBankDetails ?? false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // Adding an endpoint (it may receive bank numbers) asks for a fresh second factor, as an API key does.
  const stepUp = useStepUp();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    onStart();
    const errors: Record<string, string> = {};
    if (!url.trim()) errors.url = 'Enter the URL your tool receives events at, e.g. https://tool.example.com/webhooks/vouch.';
    if (!eventTypes.length) errors.eventTypes = 'Choose at least one event to send.';
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    const input = { url: url.trim(), description: description.trim() || null, eventTypes, canReadBankDetails };
    try {
      if (editing) {
        const saved = await stepUp.run(() => update({ variables: { id: editing.id, input } }));
        onSaved?.(saved.data?.updateWebhookEndpoint.url ?? input.url);
        onChanged();
        return;
      }
      const result = await stepUp.run(() => create({ variables: { input } }));
      const payload = result.data?.createWebhookEndpoint;
      if (payload) onCreated?.({ url: payload.endpoint.url, secret: payload.secret });
      setUrl('');
      setDescription('');
      setEventTypes(['SUPPLIER_BANK_DETAILS_CHANGED']);
      setCanReadBankDetails(false);
      onChanged();
    } catch (caught) {
      const failure = toUserFacingError(caught);
      if (Object.keys(failure.fields).length) setFieldErrors(failure.fields);
      else onProblem(webhookErrorMessage(failure));
    }
  };

  return (
    <>
      <form className="form api-keys__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <h3 className="api-keys__form-title">{editing ? 'Edit endpoint' : 'Add an endpoint'}</h3>
        <TextField
          label="URL"
          hint="HTTPS, where your tool receives events. Redirects are not followed."
          name="url"
          type="url"
          autoComplete="off"
          maxLength={2048}
          value={url}
          error={fieldErrors.url ?? null}
          onChange={(event) => setUrl(event.target.value)}
        />
        <TextField
          label="Description (optional)"
          name="description"
          autoComplete="off"
          maxLength={200}
          value={description}
          error={fieldErrors.description ?? null}
          onChange={(event) => setDescription(event.target.value)}
        />
        <fieldset className="fieldset" aria-describedby={fieldErrors.eventTypes ? `${id}-events-error` : undefined}>
          <legend className="fieldset__legend">Events to send</legend>
          {EVENT_OPTIONS.map((option) => (
            <label key={option.value} className="checkbox">
              <input
                type="checkbox"
                checked={eventTypes.includes(option.value)}
                onChange={(event) =>
                  setEventTypes((current) => (event.target.checked ? [...current, option.value] : current.filter((t) => t !== option.value)))
                }
              />
              <span>
                {option.label}
                <span className="checkbox__hint">
                  <code>{option.wire}</code>
                </span>
              </span>
            </label>
          ))}
          {fieldErrors.eventTypes ? (
            <p className="field__error" id={`${id}-events-error`}>
              {fieldErrors.eventTypes}
            </p>
          ) : null}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={canReadBankDetails}
            aria-describedby={`${id}-bank-hint`}
            onChange={(event) => setCanReadBankDetails(event.target.checked)}
          />
          <span>
            Send full bank details
            <span className="checkbox__hint" id={`${id}-bank-hint`}>
              Without this, bank account numbers in events are masked to their last 4 digits.
            </span>
          </span>
        </label>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {editing ? (updating ? 'Saving…' : 'Save changes') : creating ? 'Adding…' : 'Add endpoint'}
          </button>
          {editing ? (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      {stepUp.dialog}
    </>
  );
}
