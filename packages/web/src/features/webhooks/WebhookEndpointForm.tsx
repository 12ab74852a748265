import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { WebhookEventType } from '../../gql/graphql';
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

/** "Add an endpoint": URL, description, the events to send and whether they carry full bank details. */
export function WebhookEndpointForm({
  onStart,
  onCreated,
  onProblem,
  onChanged,
}: {
  /** Sending: what the section said before goes. */
  onStart: () => void;
  /** Added: its signing secret, to show once. */
  onCreated: (created: { url: string; secret: string }) => void;
  onProblem: (message: string) => void;
  onChanged: () => void;
}) {
  const [create, { loading: creating }] = useMutation(CreateWebhookEndpointMutation, { fetchPolicy: 'no-cache' });
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>(['SUPPLIER_BANK_DETAILS_CHANGED']);
  const [canReadBankDetails, setCanReadBankDetails] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // Adding an endpoint (it may receive bank numbers) asks for a fresh second factor, as an API key does.
  const stepUp = useStepUp();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (creating) return;
    onStart();
    const errors: Record<string, string> = {};
    if (!url.trim()) errors.url = 'Enter the URL your tool receives events at, e.g. https://tool.example.com/webhooks/vouch.';
    if (!eventTypes.length) errors.eventTypes = 'Choose at least one event to send.';
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    try {
      const result = await stepUp.run(() =>
        create({ variables: { input: { url: url.trim(), description: description.trim() || null, eventTypes, canReadBankDetails } } }),
      );
      const payload = result.data?.createWebhookEndpoint;
      if (payload) onCreated({ url: payload.endpoint.url, secret: payload.secret });
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
        <h3 className="api-keys__form-title">Add an endpoint</h3>
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
        <fieldset className="fieldset" aria-describedby={fieldErrors.eventTypes ? 'webhook-events-error' : undefined}>
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
            <p className="field__error" id="webhook-events-error">
              {fieldErrors.eventTypes}
            </p>
          ) : null}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={canReadBankDetails}
            aria-describedby="webhook-bank-hint"
            onChange={(event) => setCanReadBankDetails(event.target.checked)}
          />
          <span>
            Send full bank details
            <span className="checkbox__hint" id="webhook-bank-hint">
              Without this, bank account numbers in events are masked to their last 4 digits.
            </span>
          </span>
        </label>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={creating || undefined}>
            {creating ? 'Adding…' : 'Add endpoint'}
          </button>
        </div>
      </form>
      {stepUp.dialog}
    </>
  );
}
