import { useId } from 'react';
import type { SubmissionStatus as Status } from '../../gql/graphql';
import { formatDate } from '../../components/format-date';

export interface SubmissionSummary {
  status: Status;
  submittedAt: string;
  decidedAt?: string | null;
  rejectReason?: string | null;
  includesBankDetails: boolean;
  bankDetailsMasked?: string | null;
}

/** Statuses whose details the supplier still owns: the form starts from what they sent. */
export const EDITING_OWN: ReadonlySet<Status> = new Set<Status>(['AWAITING_REVIEW', 'REJECTED']);

/**
 * Where the supplier's last submission through this link stands, and what happens next: awaiting review
 * (sending again replaces it), accepted, not accepted with the business's reason, or replaced by a
 * submission through another link.
 */
export function SubmissionStatus({
  submission,
  organisationName,
  supplierName,
}: {
  submission: SubmissionSummary;
  organisationName: string;
  supplierName: string;
}) {
  const id = useId();
  const sent = formatDate(submission.submittedAt);
  const decided = submission.decidedAt ? formatDate(submission.decidedAt) : null;

  let title: string;
  let next: string;
  switch (submission.status) {
    case 'AWAITING_REVIEW':
      title = `Awaiting review since ${sent}`;
      next = `${organisationName} will check your changes before anything is updated, and may contact you if something needs confirming. The form below shows what you sent: if something is wrong, correct it and send again — your new version replaces this one.`;
      break;
    case 'ACCEPTED':
      title = decided ? `Accepted on ${decided}` : 'Accepted';
      next = `${organisationName} has updated the details they hold for ${supplierName}, shown below. If anything changes again, you can send an update here.`;
      break;
    case 'REJECTED':
      title = 'Not accepted — correct and send again';
      next = `${organisationName} didn’t accept the details you sent on ${sent}, so nothing was changed. The form below shows what you sent: correct it and send it for review again.`;
      break;
    case 'REPLACED':
      title = 'Replaced by a later submission';
      next = `${organisationName} received newer details for ${supplierName} through another invite link and will review those instead of the ones you sent on ${sent}. The form below shows the details they hold now.`;
      break;
  }

  return (
    <section className={submission.status === 'REJECTED' ? 'notice notice--warning' : 'notice'} aria-labelledby={id}>
      <h2 id={id} className="notice__title">
        {title}
      </h2>
      {submission.status === 'REJECTED' ? (
        <p>
          {organisationName}’s reason: {submission.rejectReason?.trim() ? `“${submission.rejectReason.trim()}”` : 'none was given.'}
        </p>
      ) : null}
      <p>{next}</p>
    </section>
  );
}
