import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { InviteStatus } from '../invites/invite.entity.js';
import { ChangeRequestStatus } from './change-request.entity.js';
import { PageInfo } from '../common/pagination.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { SupplierSubmission } from '../invites/supplier-submission.js';
import { InviteOutcome } from '../invites/invite-outcome.js';
import { OrganisationBranding } from '../branding/branding.types.js';

@ObjectType('Invite')
export class InviteType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => InviteStatus) status!: InviteStatus;
  @Field(() => GraphQLDateTimeISO) expiresAt!: Date;
  @Field(() => GraphQLDateTimeISO) lastSentAt!: Date;
  @Field(() => Boolean, { description: 'False when no SMTP is configured: the buyer shares the link.' }) emailed!: boolean;
  @Field(() => Int) remindersSent!: number;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) openedAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) submittedAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class InviteResult {
  @Field(() => Supplier) supplier!: Supplier;
  @Field(() => InviteType) invite!: InviteType;
  @Field(() => String, { nullable: true, description: 'The invite link, only when it was not emailed. Shown once.' })
  link!: string | null;
  @Field(() => InviteOutcome, { description: 'SKIPPED_LIVE_INVITE: nothing was sent; `invite` is the live one the supplier already has.' })
  outcome!: InviteOutcome;
}

@ObjectType()
export class FieldChange {
  @Field(() => String) field!: string;
  @Field(() => String) label!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
  @Field(() => Boolean) isBankDetail!: boolean;
}

@ObjectType({ description: 'A field the submission leaves as it is, with its current value (the review lists these folded away).' })
export class UnchangedField {
  @Field(() => String) field!: string;
  @Field(() => String) label!: string;
  @Field(() => GraphQLJSON, { nullable: true }) value!: unknown;
  @Field(() => Boolean) isBankDetail!: boolean;
}

@ObjectType()
export class Approval {
  @Field(() => ID) userId!: string;
  @Field(() => String) userName!: string;
  @Field(() => GraphQLDateTimeISO) at!: Date;
}

@ObjectType('RiskSignal', { description: 'Why a bank change deserves a closer look. HIGH: one person alone cannot accept it.' })
export class RiskSignalType {
  @Field(() => String, { description: 'DUPLICATE_ACCOUNT, COUNTRY_MISMATCH, EMAIL_CHANGED, HOLDER_NAME_MISMATCH, RECENT_CHANGE or INVITE_TO_TYPED_ADDRESS' })
  code!: string;
  @Field(() => String, { description: 'HIGH or MEDIUM' }) level!: string;
  @Field(() => String) message!: string;
}

@ObjectType('CallbackNumber', { description: 'A number Vouch held before the submission, to phone the supplier on.' })
export class CallbackNumberType {
  @Field(() => String) number!: string;
  @Field(() => String, {
    description: 'Where Vouch got the number, e.g. “Phone held in Xero”, “Mobile from a previous submission”, “Mobile in Xero” (Xero’s current number).',
  })
  label!: string;
}

@ObjectType('ChangeRequest')
export class ChangeRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ChangeRequestStatus) status!: ChangeRequestStatus;
  @Field(() => GraphQLDateTimeISO) submittedAt!: Date;
  @Field(() => String, { nullable: true }) submitterIp!: string | null;
  @Field(() => String, { nullable: true }) submitterUserAgent!: string | null;
  @Field(() => Boolean) changesBankDetails!: boolean;
  @Field(() => [Approval]) approvals!: Approval[];
  @Field(() => GraphQLDateTimeISO, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) rejectReason!: string | null;
  @Field(() => Boolean, { description: 'The rejection’s reason was emailed to the supplier (false: no email could be sent; they see it through their link).' })
  rejectReasonEmailed!: boolean;
  @Field(() => [FieldChange], { description: 'Every field this would change, against the supplier’s current values.' })
  changes!: FieldChange[];

  @Field(() => [UnchangedField], { description: 'Fields that stay as they are (with a value), in form order; bank details once.' })
  unchanged!: UnchangedField[];
  @Field(() => [RiskSignalType], { description: 'Computed when the submission arrived (bank changes only), most serious first.' })
  riskSignals!: RiskSignalType[];
  @Field(() => Boolean, { description: 'A HIGH signal: two different people must accept, unless an admin overrides.' })
  highRisk!: boolean;
  @Field(() => String, { nullable: true, description: 'Why an admin let a high-risk change through with one approver.' })
  riskOverrideReason!: string | null;
  @Field(() => Supplier) supplier!: Supplier;
}

@ObjectType()
export class ChangeRequestEdge {
  @Field(() => String) cursor!: string;
  @Field(() => ChangeRequestType) node!: ChangeRequestType;
}

@ObjectType()
export class ChangeRequestConnection {
  @Field(() => [ChangeRequestEdge]) edges!: ChangeRequestEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID) id!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) actorType!: string;
  @Field(() => String) actorLabel!: string;
  @Field(() => GraphQLDateTimeISO) at!: Date;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Bank numbers masked.' }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Bank numbers masked.' }) after!: unknown;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEventType) node!: AuditEventType;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges!: AuditEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

/** What the supplier sees on the invite page before verifying. */
@ObjectType()
export class SupplierInvite {
  @Field(() => String) organisationName!: string;
  @Field(() => OrganisationBranding, { description: 'Who is asking: name, logo and a contact person.' }) organisation!: OrganisationBranding;
  @Field(() => String) supplierName!: string;
  @Field(() => String, { description: 'The invited address, partly hidden.' }) emailHint!: string;
  @Field(() => InviteStatus) status!: InviteStatus;
  @Field(() => GraphQLDateTimeISO) expiresAt!: Date;
  @Field(() => Boolean, { description: 'This browser already confirmed the code.' }) verified!: boolean;
}

@ObjectType()
export class SendCodePayload {
  @Field(() => String) sentTo!: string;
  @Field(() => String, { nullable: true, description: 'Development only (no SMTP configured): the code itself.' })
  devCode!: string | null;
}

/** The details the buyer holds, pre-filling the supplier's form. Bank numbers masked. */
@ObjectType()
export class SupplierDetailsView {
  @Field(() => String) organisationName!: string;
  @Field(() => OrganisationBranding, { description: 'Who is asking: name, logo and a contact person.' }) organisation!: OrganisationBranding;
  @Field(() => GraphQLJSON) details!: Record<string, unknown>;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) lastSubmittedAt!: Date | null;
  @Field(() => SupplierSubmission, { nullable: true, description: 'The latest submission through this invite, and what became of it.' })
  latestSubmission!: SupplierSubmission | null;
}

@ObjectType()
export class SubmitDetailsPayload {
  @Field(() => GraphQLDateTimeISO) submittedAt!: Date;
  @Field(() => String, { nullable: true, description: 'The bank details sent, masked.' }) bankDetailsMasked!: string | null;
}
