import { RetryAlert } from '../../components/RetryAlert';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { errorReason, fieldErrorsByPath, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import { formatLongDate } from '../../components/format-date';
import { EDITING_OWN, SubmissionStatus, type SubmissionSummary } from './SubmissionStatus';
import {
  emptyPayment,
  formFromDetails,
  formFromSubmission,
  MAX_CONTACT_PERSONS,
  newPerson,
  supplierDetailsInput,
  validateSupplierForm,
  type AddressState,
  type PaymentState,
  type PersonState,
  type PhoneState,
  type SupplierFormState,
} from './supplier-form';

const SupplierDetailsQuery = graphql(`
  query SupplierDetails($token: String!) {
    supplierDetails(token: $token) {
      organisationName
      details
      latestSubmission {
        status
        submittedAt
        decidedAt
        rejectReason
        includesBankDetails
        bankDetailsMasked
        details
      }
    }
  }
`);

const SubmitSupplierDetailsMutation = graphql(`
  mutation SubmitSupplierDetails($token: String!, $input: SupplierDetailsInput!) {
    submitSupplierDetails(token: $token, input: $input) {
      submittedAt
      bankDetailsMasked
    }
  }
`);

export interface Submitted {
  organisationName: string;
  submittedAt: string;
  bankDetailsMasked: string | null;
  /** What was sent, so "Send a correction" starts from it (kept in memory only, never stored). */
  form: SupplierFormState;
}

interface Props {
  token: string;
  /** Start from this instead of the business's copy (a correction in the same visit). */
  initialForm?: SupplierFormState | null;
  supplierName: string;
  organisationName: string;
  onSubmitted: (submitted: Submitted) => void;
  onDead: (reason: string, message: string) => void;
  onSessionLost: () => void;
}

const ENDS_VISIT = new Set(['INVITE_NOT_FOUND', 'INVITE_EXPIRED', 'INVITE_REVOKED', 'INVITE_LOCKED']);

/** Loads what the business holds, then shows the form prefilled with it. */
export function SupplierDetailsForm(props: Props) {
  const { data, error, refetch } = useQuery(SupplierDetailsQuery, {
    variables: { token: props.token },
    fetchPolicy: 'network-only',
  });

  // The session cookie expired, or the invite ended meanwhile: hand over to the page (after render).
  const reason = error && !data ? errorReason(error) : null;
  const handOver = reason === 'INVITE_NOT_VERIFIED' || (reason !== null && ENDS_VISIT.has(reason));
  const { onSessionLost, onDead } = props;
  const handedOver = useRef(false);
  useEffect(() => {
    if (!reason || !handOver || handedOver.current) return;
    handedOver.current = true;
    if (reason === 'INVITE_NOT_VERIFIED') onSessionLost();
    else onDead(reason, toUserFacingError(error).message);
  }, [reason, handOver, error, onSessionLost, onDead]);

  if (error && !data) {
    if (handOver) return <Loading />;
    return (
      <RetryAlert error={error} onRetry={refetch} />
    );
  }
  if (!data) return <Loading label="Loading your details…" />;
  const view = data.supplierDetails;
  const latest = view.latestSubmission;
  return (
    <DetailsForm
      {...props}
      details={(view.details ?? {}) as Record<string, unknown>}
      submission={
        latest
          ? { ...latest, details: (latest.details ?? {}) as Record<string, unknown> }
          : null
      }
      organisationName={view.organisationName}
    />
  );
}

const BUSINESS_COUNTRIES: [string, string][] = [
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['AU', 'Australia'],
  ['NZ', 'New Zealand'],
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
];

const PAYMENT_COUNTRIES: [PaymentState['country'], string][] = [
  ['GB', 'UK account (sort code and account number)'],
  ['IBAN', 'IBAN (Europe and many other countries)'],
  ['AU', 'Australian account (BSB)'],
  ['NZ', 'New Zealand account'],
  ['US', 'US account (routing number)'],
  ['OTHER', 'Somewhere else'],
];

const PHONE_LABELS: Record<string, string> = { DEFAULT: 'Phone', MOBILE: 'Mobile', DDI: 'Direct line', FAX: 'Fax' };
const ADDRESS_LABELS: Record<string, string> = { POBOX: 'Postal address', STREET: 'Street address' };

function DetailsForm({
  token,
  initialForm,
  supplierName,
  organisationName,
  details,
  submission,
  onSubmitted,
  onDead,
  onSessionLost,
}: Props & { details: Record<string, unknown>; submission: (SubmissionSummary & { details: Record<string, unknown> }) | null }) {
  // While their submission is theirs (awaiting review, or not accepted), the form starts from what they sent.
  const fromOwn = !initialForm && submission !== null && EDITING_OWN.has(submission.status);
  const [form, setForm] = useState<SupplierFormState>(
    () => initialForm ?? (fromOwn ? formFromSubmission(submission) : formFromDetails(details)),
  );
  const resendsBank = fromOwn && submission.includesBankDetails;
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [submit, { loading: sending }] = useMutation(SubmitSupplierDetailsMutation);

  const clientErrors = useMemo(() => validateSupplierForm(form), [form]);
  const errorFor = (path: string): string | null =>
    serverErrors[path] ?? (submitAttempted || touched.has(path) ? (clientErrors[path] ?? null) : null);

  const clearServer = (path: string) => {
    if (serverErrors[path]) {
      setServerErrors(({ [path]: _gone, ...rest }) => rest);
    }
  };
  const touch = (path: string) => setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path)));

  /** Props for a text input bound to one path of the form. */
  const bind = (path: string, value: string, update: (value: string) => void) => ({
    name: path,
    value,
    error: errorFor(path),
    onChange: (event: { target: { value: string } }) => {
      update(event.target.value);
      clearServer(path);
    },
    onBlur: () => touch(path),
  });

  const setTop = <K extends keyof SupplierFormState>(key: K, value: SupplierFormState[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));
  const setPhone = (index: number, key: keyof PhoneState, value: string) =>
    setForm((prev) => ({ ...prev, phones: prev.phones.map((p, i) => (i === index ? { ...p, [key]: value } : p)) }));
  const setAddress = (index: number, key: keyof AddressState, value: string) =>
    setForm((prev) => ({
      ...prev,
      addresses: prev.addresses.map((a, i) => (i === index ? { ...a, [key]: value } : a)),
    }));
  const setPerson = (index: number, key: keyof PersonState, value: string) =>
    setForm((prev) => ({
      ...prev,
      contactPersons: prev.contactPersons.map((p, i) => (i === index ? { ...p, [key]: value } : p)),
    }));
  const setPayment = (key: keyof PaymentState, value: string) =>
    setForm((prev) => ({ ...prev, payment: { ...prev.payment, [key]: value } }));

  const focusFirstInvalid = () => {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSubmitAttempted(true);
    setMessage(null);
    const problems = Object.keys(clientErrors).length;
    if (problems > 0) {
      setMessage(problems === 1 ? 'Please correct the highlighted field.' : `Please correct the ${problems} highlighted fields.`);
      focusFirstInvalid();
      return;
    }
    try {
      const result = await submit({ variables: { token, input: supplierDetailsInput(form) } });
      const payload = result.data?.submitSupplierDetails;
      if (payload) {
        onSubmitted({
          organisationName,
          submittedAt: payload.submittedAt,
          bankDetailsMasked: payload.bankDetailsMasked ?? null,
          form,
        });
      }
    } catch (error) {
      const reason = errorReason(error);
      if (reason === 'INVITE_NOT_VERIFIED') return onSessionLost();
      if (reason && ENDS_VISIT.has(reason)) return onDead(reason, toUserFacingError(error).message);
      const problem = toUserFacingError(error);
      setMessage(problem.message);
      if (problem.code === 'BAD_USER_INPUT') {
        setServerErrors(fieldErrorsByPath(error));
        focusFirstInvalid();
      }
    }
  };

  const heldBank = typeof details.bankAccountDetails === 'string' ? details.bankAccountDetails : null;
  const pay = form.payment;

  return (
    <form ref={formRef} className="form invite-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      {submission ? (
        <SubmissionStatus submission={submission} organisationName={organisationName} supplierName={supplierName} />
      ) : null}
      <p className="auth__intro">
        {fromOwn || initialForm
          ? `These are the details you sent ${organisationName} for ${supplierName}. Correct anything, then send them for review again.`
          : `These are the details ${organisationName} holds for ${supplierName}. Correct anything that’s out of date, then send them for review.`}
      </p>

      <Section title="Business">
        <TextField label="Business name" autoComplete="organization" {...bind('name', form.name, (v) => setTop('name', v))} />
        <SelectField
          label="Country of your business"
          hint="Used to check your VAT and company numbers."
          name="countryCode"
          value={form.countryCode}
          onChange={(event) => setTop('countryCode', event.target.value)}
        >
          <option value="">Another country</option>
          {BUSINESS_COUNTRIES.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="field-row">
          <TextField
            label={form.countryCode === 'GB' ? 'VAT number' : 'Tax or VAT number'}
            {...bind('taxNumber', form.taxNumber, (v) => setTop('taxNumber', v))}
          />
          <TextField label="Company number" {...bind('companyNumber', form.companyNumber, (v) => setTop('companyNumber', v))} />
        </div>
      </Section>

      <Section title="Main contact">
        <div className="field-row">
          <TextField label="First name" autoComplete="given-name" {...bind('firstName', form.firstName, (v) => setTop('firstName', v))} />
          <TextField label="Last name" autoComplete="family-name" {...bind('lastName', form.lastName, (v) => setTop('lastName', v))} />
        </div>
        <TextField
          label="Business email"
          type="email"
          autoComplete="email"
          hint="Where remittances and questions about payments go."
          {...bind('email', form.email, (v) => setTop('email', v))}
        />
        {form.phones.map((phone, i) =>
          PHONE_LABELS[phone.type] ? (
            <fieldset key={`${phone.type}-${i}`} className="fieldset">
              <legend className="fieldset__legend">{PHONE_LABELS[phone.type]}</legend>
              <div className="field-row field-row--phone">
                <TextField
                  label="Country code"
                  inputMode="tel"
                  autoComplete="tel-country-code"
                  {...bind(`phones[${i}].countryCode`, phone.countryCode, (v) => setPhone(i, 'countryCode', v))}
                />
                <TextField
                  label="Area code"
                  inputMode="tel"
                  {...bind(`phones[${i}].areaCode`, phone.areaCode, (v) => setPhone(i, 'areaCode', v))}
                />
                <TextField
                  label="Number"
                  inputMode="tel"
                  autoComplete="tel-national"
                  {...bind(`phones[${i}].number`, phone.number, (v) => setPhone(i, 'number', v))}
                />
              </div>
            </fieldset>
          ) : null,
        )}
      </Section>

      <Section title="Addresses">
        {form.addresses.map((address, i) => (
          <fieldset key={address.type} className="fieldset">
            <legend className="fieldset__legend">{ADDRESS_LABELS[address.type] ?? address.type}</legend>
            <TextField label="Address line 1" {...bind(`addresses[${i}].line1`, address.line1, (v) => setAddress(i, 'line1', v))} />
            <TextField label="Address line 2" {...bind(`addresses[${i}].line2`, address.line2, (v) => setAddress(i, 'line2', v))} />
            <div className="field-row">
              <TextField label="Town or city" {...bind(`addresses[${i}].city`, address.city, (v) => setAddress(i, 'city', v))} />
              <TextField label="Region" {...bind(`addresses[${i}].region`, address.region, (v) => setAddress(i, 'region', v))} />
            </div>
            <div className="field-row">
              <TextField
                label="Postal code"
                {...bind(`addresses[${i}].postalCode`, address.postalCode, (v) => setAddress(i, 'postalCode', v))}
              />
              <TextField label="Country" {...bind(`addresses[${i}].country`, address.country, (v) => setAddress(i, 'country', v))} />
            </div>
            {address.type === 'POBOX' ? (
              <TextField
                label="For the attention of"
                {...bind(`addresses[${i}].attentionTo`, address.attentionTo, (v) => setAddress(i, 'attentionTo', v))}
              />
            ) : null}
          </fieldset>
        ))}
      </Section>

      <Section title="Other contact people" lead={`Up to ${MAX_CONTACT_PERSONS} people ${organisationName} may contact.`}>
        {form.contactPersons.map((person, i) => (
          <fieldset key={person.key} className="fieldset">
            <legend className="fieldset__legend">Contact person {i + 1}</legend>
            <div className="field-row">
              <TextField label="First name" {...bind(`contactPersons[${i}].firstName`, person.firstName, (v) => setPerson(i, 'firstName', v))} />
              <TextField label="Last name" {...bind(`contactPersons[${i}].lastName`, person.lastName, (v) => setPerson(i, 'lastName', v))} />
            </div>
            <TextField
              label="Email"
              type="email"
              {...bind(`contactPersons[${i}].email`, person.email, (v) => setPerson(i, 'email', v))}
            />
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                setForm((prev) => ({ ...prev, contactPersons: prev.contactPersons.filter((_, j) => j !== i) }));
                // Paths shift after a removal; stale server messages would point at the wrong person.
                setServerErrors({});
              }}
            >
              Remove contact person {i + 1}
            </button>
          </fieldset>
        ))}
        {form.contactPersons.length < MAX_CONTACT_PERSONS ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => setForm((prev) => ({ ...prev, contactPersons: [...prev.contactPersons, newPerson()] }))}
          >
            Add a contact person
          </button>
        ) : (
          <p className="muted">You’ve added the most people Xero can hold ({MAX_CONTACT_PERSONS}).</p>
        )}
      </Section>

      <Section title="Bank details">
        <p className="invite__held">
          {heldBank ? (
            <>
              Bank account on file: <strong>{heldBank}</strong>
            </>
          ) : (
            <>{organisationName} has no bank details for you yet.</>
          )}
        </p>
        {resendsBank ? (
          <p className="notice">
            You sent new bank details{submission.bankDetailsMasked ? <> (<strong>{submission.bankDetailsMasked}</strong>)</> : null}{' '}
            on {formatLongDate(submission.submittedAt)}. For your security they aren’t shown again: enter them again to
            keep them in what you send now, or untick “Update my bank details” to keep the bank details {organisationName}{' '}
            holds.
          </p>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.updatePayment}
            onChange={(event) => {
              const on = event.target.checked;
              setForm((prev) => ({ ...prev, updatePayment: on, payment: emptyPayment(prev.payment.country) }));
            }}
          />
          <span>Update my bank details</span>
        </label>
        {form.updatePayment ? (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">New bank details</legend>
            <SelectField
              label="Where is your bank account?"
              name="payment.country"
              value={pay.country}
              onChange={(event) => setPayment('country', event.target.value)}
            >
              {PAYMENT_COUNTRIES.map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Account holder name"
              hint="The name on the account, as your bank shows it."
              autoComplete="off"
              {...bind('payment.accountHolderName', pay.accountHolderName, (v) => setPayment('accountHolderName', v))}
            />
            {pay.country === 'GB' ? (
              <div className="field-row">
                <TextField
                  label="Sort code"
                  inputMode="numeric"
                  autoComplete="off"
                  hint="6 digits, like 12-34-56"
                  {...bind('payment.sortCode', pay.sortCode, (v) => setPayment('sortCode', v))}
                />
                <TextField
                  label="Account number"
                  inputMode="numeric"
                  autoComplete="off"
                  hint="8 digits"
                  {...bind('payment.accountNumber', pay.accountNumber, (v) => setPayment('accountNumber', v))}
                />
              </div>
            ) : null}
            {pay.country === 'IBAN' ? (
              <>
                <TextField label="IBAN" autoComplete="off" {...bind('payment.iban', pay.iban, (v) => setPayment('iban', v))} />
                <TextField
                  label="BIC (optional)"
                  autoComplete="off"
                  hint="Also called SWIFT code"
                  {...bind('payment.bic', pay.bic, (v) => setPayment('bic', v))}
                />
              </>
            ) : null}
            {pay.country === 'AU' ? (
              <div className="field-row">
                <TextField label="BSB" inputMode="numeric" autoComplete="off" {...bind('payment.bsb', pay.bsb, (v) => setPayment('bsb', v))} />
                <TextField
                  label="Account number"
                  inputMode="numeric"
                  autoComplete="off"
                  {...bind('payment.accountNumber', pay.accountNumber, (v) => setPayment('accountNumber', v))}
                />
              </div>
            ) : null}
            {pay.country === 'NZ' ? (
              <TextField
                label="Account number"
                inputMode="numeric"
                autoComplete="off"
                hint="Bank, branch, account and suffix, like 12-3140-0171323-50"
                {...bind('payment.accountNumber', pay.accountNumber, (v) => setPayment('accountNumber', v))}
              />
            ) : null}
            {pay.country === 'US' ? (
              <div className="field-row">
                <TextField
                  label="Routing number"
                  inputMode="numeric"
                  autoComplete="off"
                  {...bind('payment.routingNumber', pay.routingNumber, (v) => setPayment('routingNumber', v))}
                />
                <TextField
                  label="Account number"
                  inputMode="numeric"
                  autoComplete="off"
                  {...bind('payment.accountNumber', pay.accountNumber, (v) => setPayment('accountNumber', v))}
                />
              </div>
            ) : null}
            {pay.country === 'OTHER' ? (
              <TextArea
                label="Bank account details"
                hint="Bank name, account number and any codes your bank needs for a payment."
                {...bind('payment.details', pay.details, (v) => setPayment('details', v))}
              />
            ) : null}
          </fieldset>
        ) : null}
      </Section>

      {message ? <Alert>{message}</Alert> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
          {sending ? 'Sending…' : 'Send for review'}
        </button>
      </div>
    </form>
  );
}

function Section({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="invite-section" aria-labelledby={id}>
      <h2 id={id} className="invite-section__title">
        {title}
      </h2>
      {lead ? <p className="muted">{lead}</p> : null}
      {children}
    </section>
  );
}

function TextArea({
  label,
  hint,
  error,
  name,
  value,
  onChange,
  onBlur,
}: {
  label: string;
  hint?: string;
  error: string | null;
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  onBlur: () => void;
}) {
  const id = `field-${name.replace(/[^a-z0-9]/gi, '-')}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        className="field__input field__input--textarea"
        rows={3}
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span aria-hidden="true" className="field__error-icon">
            !
          </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
