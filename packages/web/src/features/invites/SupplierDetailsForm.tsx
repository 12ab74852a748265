import { RetryAlert } from '../../components/RetryAlert';
import { useMutation, useQuery } from '../../app/plain-graphql';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Spinner';
import { errorReason, fieldErrorsByPath, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import { AddressesSection } from './AddressesSection';
import { BusinessSection } from './BusinessSection';
import { ContactSection } from './ContactSection';
import { PaymentSection } from './PaymentSection';
import { PeopleSection } from './PeopleSection';
import { EDITING_OWN, SubmissionStatus, type SubmissionSummary } from './SubmissionStatus';
import { formFromDetails, formFromSubmission, supplierDetailsInput, type SupplierFormState } from './supplier-form';
import { useSupplierForm } from './useSupplierForm';

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
    return <RetryAlert error={error} onRetry={refetch} />;
  }
  if (!data) return <Loading label="Loading your details…" />;
  const view = data.supplierDetails;
  const latest = view.latestSubmission;
  return (
    <DetailsForm
      {...props}
      details={(view.details ?? {}) as Record<string, unknown>}
      submission={latest ? { ...latest, details: (latest.details ?? {}) as Record<string, unknown> } : null}
      organisationName={view.organisationName}
    />
  );
}

/** The form itself: the sections, the supplier's messages, and sending. */
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
  const { form, bind, edits, clientErrors, markSubmitAttempted, setServerErrors } = useSupplierForm(
    () => initialForm ?? (fromOwn ? formFromSubmission(submission) : formFromDetails(details)),
  );
  const resendsBank = fromOwn && submission.includesBankDetails;
  const [message, setMessage] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [submit, { loading: sending }] = useMutation(SubmitSupplierDetailsMutation);

  const focusFirstInvalid = () => {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    markSubmitAttempted();
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

  const sections = { form, bind, edits };
  return (
    <form ref={formRef} className="form invite-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      {submission ? <SubmissionStatus submission={submission} organisationName={organisationName} supplierName={supplierName} /> : null}
      <p className="auth__intro">
        {fromOwn || initialForm
          ? `These are the details you sent ${organisationName} for ${supplierName}. Correct anything, then send them for review again.`
          : `These are the details ${organisationName} holds for ${supplierName}. Correct anything that’s out of date, then send them for review.`}
      </p>

      <BusinessSection {...sections} />
      <ContactSection {...sections} />
      <AddressesSection {...sections} />
      <PeopleSection {...sections} organisationName={organisationName} />
      <PaymentSection
        {...sections}
        organisationName={organisationName}
        heldBank={typeof details.bankAccountDetails === 'string' ? details.bankAccountDetails : null}
        resent={resendsBank ? submission : null}
      />

      {message ? <Alert>{message}</Alert> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
          {sending ? 'Sending…' : 'Send for review'}
        </button>
      </div>
    </form>
  );
}
