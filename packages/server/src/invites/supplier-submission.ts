import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { maskBankDetails, maskValue } from '../audit/audit.service.js';
import { ChangeRequestStatus, type ChangeRequest } from '../review/change-request.entity.js';
import type { ProposedDetails } from '../review/supplier-details.js';

/** Where the supplier's latest submission stands, in the supplier's terms. */
export enum SubmissionStatus {
  AWAITING_REVIEW = 'AWAITING_REVIEW',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  REPLACED = 'REPLACED',
}
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: 'REPLACED: a later submission for the same supplier (through another invite) is reviewed instead.',
});

const STATUS: Record<ChangeRequestStatus, SubmissionStatus> = {
  [ChangeRequestStatus.PENDING]: SubmissionStatus.AWAITING_REVIEW,
  [ChangeRequestStatus.ACCEPTED]: SubmissionStatus.ACCEPTED,
  [ChangeRequestStatus.REJECTED]: SubmissionStatus.REJECTED,
  [ChangeRequestStatus.SUPERSEDED]: SubmissionStatus.REPLACED,
};

/** What the supplier sent through this invite, and what the business did with it. Bank numbers masked. */
@ObjectType()
export class SupplierSubmission {
  @Field(() => SubmissionStatus) status!: SubmissionStatus;
  @Field(() => GraphQLDateTimeISO) submittedAt!: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When it was accepted or rejected.' }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The business’s reason, when rejected.' }) rejectReason!: string | null;
  @Field(() => Boolean, { description: 'The submission included bank details.' }) includesBankDetails!: boolean;
  @Field(() => String, { nullable: true, description: 'The bank account sent, masked (last 4 characters).' }) bankDetailsMasked!: string | null;
  @Field(() => GraphQLJSON, {
    description:
      'What was sent, in the shape of SupplierDetailsView.details. paymentDetails only when bank details were sent; every bank number in it is masked.',
  })
  details!: Record<string, unknown>;
}

/** Payment fields shown as sent; everything else in the payment (numbers, free-text details) is masked. */
const PAYMENT_PLAIN = new Set(['country', 'accountHolderName', 'bic']);

function maskedPayment(payment: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(payment).map(([key, value]) => [key, typeof value === 'string' && value && !PAYMENT_PLAIN.has(key) ? maskValue(value) : value]),
  );
}

/** The supplier's view of a change request: never a full bank number. */
export function toSupplierSubmission(request: ChangeRequest): SupplierSubmission {
  const { payment, bankAccountDetails, ...rest } = request.proposed as unknown as ProposedDetails;
  const bankSent = Boolean(payment) || Boolean(bankAccountDetails);
  return Object.assign(new SupplierSubmission(), {
    status: STATUS[request.status],
    submittedAt: request.submittedAt,
    decidedAt: request.status === ChangeRequestStatus.ACCEPTED || request.status === ChangeRequestStatus.REJECTED ? request.decidedAt : null,
    rejectReason: request.status === ChangeRequestStatus.REJECTED ? request.rejectReason : null,
    includesBankDetails: bankSent,
    bankDetailsMasked: bankAccountDetails ? maskValue(bankAccountDetails) : null,
    details: {
      ...(maskBankDetails(rest) as Record<string, unknown>),
      ...(bankSent
        ? {
            bankAccountDetails: bankAccountDetails ? maskValue(bankAccountDetails) : null,
            paymentDetails: payment ? maskedPayment(payment as unknown as Record<string, unknown>) : null,
          }
        : {}),
    },
  });
}
