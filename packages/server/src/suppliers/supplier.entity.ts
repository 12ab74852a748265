import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';
import { InviteStatus } from '../invites/invite-status.js';
import { OutboxStatus } from '../sync/outbox/outbox-status.js';
import { BankDetailsState } from './bank-state.js';
import { SupplierAddress, SupplierContactPerson, SupplierPhone, type AddressData, type ContactPersonData, type PhoneData } from './supplier-details.types.js';

export enum SupplierStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(SupplierStatus, { name: 'SupplierStatus', description: 'ARCHIVED mirrors an archived Xero contact.' });

/** The supplier-detail fields Vouch owns (and, later, pushes to Xero). Drift is tracked on exactly these. */
export const OWNED_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phones',
  'addresses',
  'contactPersons',
  'taxNumber',
  'companyNumber',
  'accountNumber',
  'bankAccountDetails',
  'defaultCurrency',
] as const;
export type OwnedField = (typeof OWNED_FIELDS)[number];
export const BANK_FIELDS: readonly OwnedField[] = ['bankAccountDetails'];

/** Vouch's truth about a supplier. Xero never overwrites it; differences are recorded as SupplierDrift. */
@ObjectType('Supplier')
@Entity({ tableName: 'suppliers' })
@Index({ properties: ['organisation', 'status', 'id'] })
@Index({ properties: ['organisation', 'name', 'id'] })
@Index({ properties: ['organisation', 'inviteStatus', 'id'] })
@Index({ properties: ['organisation', 'syncStatus', 'id'] })
@Index({ properties: ['organisation', 'bankState', 'id'] })
@Index({ properties: ['organisation', 'lastActivityAt', 'id'] })
@Index({
  name: 'suppliers_awaiting_review_idx',
  expression: 'create index "suppliers_awaiting_review_idx" on "suppliers" ("organisation_id", "id") where "awaiting_review"',
})
@Index({ name: 'suppliers_has_drift_idx', expression: 'create index "suppliers_has_drift_idx" on "suppliers" ("organisation_id", "id") where "has_drift"' })
@Index({ name: 'suppliers_name_trgm_idx', expression: 'create index "suppliers_name_trgm_idx" on "suppliers" using gin (lower("name") gin_trgm_ops)' })
@Unique({ properties: ['organisation', 'xeroContactId'] })
export class Supplier extends OrgOwnedEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  firstName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  lastName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  email: string | null = null;

  @Field(() => [SupplierPhone])
  @Property({ type: 'json' })
  phones: PhoneData[] & Opt = [];

  @Field(() => [SupplierAddress])
  @Property({ type: 'json' })
  addresses: AddressData[] & Opt = [];

  @Field(() => [SupplierContactPerson])
  @Property({ type: 'json' })
  contactPersons: ContactPersonData[] & Opt = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  taxNumber: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  companyNumber: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  accountNumber: string | null = null;

  /** Xero's free-text BankAccountDetails (exposed through a field resolver that masks it when needed). */
  @Property({ type: 'string', length: 255, nullable: true })
  bankAccountDetails: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 3, nullable: true })
  defaultCurrency: string | null = null;

  @Field(() => SupplierStatus)
  @Enum({ items: () => SupplierStatus, nativeEnumName: 'supplier_status', default: SupplierStatus.ACTIVE })
  status: SupplierStatus & Opt = SupplierStatus.ACTIVE;

  /** Structured payment details from an accepted submission (bank numbers in full; masked for output). */
  @Property({ type: 'json', nullable: true, lazy: true })
  paymentDetails: Opt<Record<string, unknown>> | null = null;

  /** When a person confirmed the current bank details by phone (a BankConfirmation); null: not verified. */
  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  bankDetailsVerifiedAt: Date | null = null;

  /** The call-back record behind the current bank details (null: not confirmed by phone). */
  @Property({ type: 'uuid', nullable: true })
  bankConfirmationId: string | null = null;

  /** When the bank details last changed through Vouch (an accepted submission). */
  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  bankDetailsChangedAt: Date | null = null;

  /** When the email address last changed through Vouch. */
  @Property({ type: 'datetime', nullable: true })
  emailChangedAt: Date | null = null;

  /** Newly changed bank details: hold payments until then (the organisation's payment-hold setting). */
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Bank details changed recently: hold payments to this supplier until then.' })
  @Property({ type: 'datetime', nullable: true })
  paymentHoldUntil: Date | null = null;

  /** Xero's ContactID once linked. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  xeroContactId: string | null = null;

  /** Xero's UpdatedDateUTC of the copy last seen. */
  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  xeroUpdatedAt: Date | null = null;

  @Property({ type: 'boolean', default: false })
  xeroIsSupplier: boolean & Opt = false;

  @Property({ type: 'boolean', default: false })
  xeroIsCustomer: boolean & Opt = false;

  // ---- Derived list flags (kept by refreshSupplierFlags from their source tables; indexed for filters) ----

  /** The latest invite's status. */
  @Field(() => InviteStatus, { nullable: true })
  @Enum({ items: () => InviteStatus, nativeEnumName: 'invite_status', nullable: true })
  inviteStatus: InviteStatus | null = null;

  /** A submission is waiting for review. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  awaitingReview: boolean & Opt = false;

  /** Xero's copy differs in at least one field. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  hasDrift: boolean & Opt = false;

  /** The latest accepted change's push to Xero. */
  @Field(() => OutboxStatus, { nullable: true })
  @Enum({ items: () => OutboxStatus, nativeEnumName: 'outbox_status', nullable: true })
  syncStatus: OutboxStatus | null = null;

  /** When the latest invite's link stops working (with inviteStatus: "expiring soon"). */
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the latest invite’s link stops working.' })
  @Property({ type: 'datetime', nullable: true })
  inviteExpiresAt: Date | null = null;

  /** NONE, NOT_CONFIRMED, VERIFIED or CHANGED (never ON_HOLD: that is read with paymentHoldUntil; see bank-state.ts). */
  @Enum({ items: () => BankDetailsState, nativeEnumName: 'bank_details_state', default: BankDetailsState.NONE })
  bankState: BankDetailsState & Opt = BankDetailsState.NONE;

  // ---- The latest event of the supplier's history (kept by a trigger on audit_events; see AuditEvent) ----

  @Field(() => GraphQLDateTimeISO, { description: 'When the latest event of the supplier’s history happened (see lastActivity).' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastActivityAt: Date & Opt = new Date();

  @Field(() => String, { description: 'What that latest event was: an audit event kind, e.g. CHANGE_ACCEPTED, INVITE_SENT, SUPPLIER_IMPORTED.' })
  @Property({ type: 'string', length: 40, default: 'SUPPLIER_CREATED' })
  lastActivity: string & Opt = 'SUPPLIER_CREATED';
}
