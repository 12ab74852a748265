import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { SCOPE_OPTIONS } from './api-key-text';
import type { ApiKeysState } from './useApiKeys';
import './api-keys.css';

/** "Create a key": its name, what it may do, and whether it sees full bank details. */
export function CreateApiKeyForm({ form }: { form: ApiKeysState['form'] }) {
  return (
    <form className="form api-keys__form" onSubmit={form.onSubmit} noValidate>
      <h3 className="api-keys__form-title">Create a key</h3>
      <TextField
        label="Key name"
        hint="What uses it, e.g. “Payments bot”. Only you see this."
        name="name"
        autoComplete="off"
        maxLength={100}
        value={form.name}
        error={form.nameError}
        onChange={(event) => form.setName(event.target.value)}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Access</legend>
        {SCOPE_OPTIONS.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="radio" name="scope" value={option.value} checked={form.scope === option.value} onChange={() => form.setScope(option.value)} />
            <span>
              {option.label}
              <span className="checkbox__hint">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.canReadBankDetails}
          aria-describedby="api-key-bank-hint"
          onChange={(event) => form.setCanReadBankDetails(event.target.checked)}
        />
        <span>
          Can see full bank details
          <span className="checkbox__hint" id="api-key-bank-hint">
            Without this, bank account numbers are masked to their last 4 digits.
          </span>
        </span>
      </label>
      {form.problem ? <Alert>{form.problem}</Alert> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={form.creating || undefined}>
          {form.creating ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}
