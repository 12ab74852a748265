import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../accounts/organisation.entity.js';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordAcceptedChange, recordChangeRequestEvent, WEBHOOK_EVENT_NAMES } from '../webhooks/webhook-events.js';
import { ValidationFailed } from '../common/app-error.js';
import type { Logger } from '../common/logger.js';
import type { Mailer } from '../common/mailer.js';
import type { Viewer } from '../accounts/viewer.js';
import { Invite, InviteStatus } from '../invites/invite.entity.js';
import type { ClientMeta } from '../invites/invites.service.js';
import { changedFields, sameFieldValue, stableJson } from '../suppliers/canonical-fields.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { refreshSupplierFlags } from '../suppliers/supplier-flags.js';
import { ChangeRequest, ChangeRequestStatus } from './change-request.entity.js';
import { queueForXero, XERO_PUSH_FIELDS } from '../sync/outbox/outbox.js';
import { Role } from '../accounts/role.js';
import { isHighRisk } from './bank-risk.js';
import { BankConfirmation } from './bank-confirmation.entity.js';
import { notifyBankChange, recordConfirmation, riskOfSubmission } from './bank-safety.js';
import {
  BankChangeNotPending,
  CallbackRequired,
  ChangeRequestDecided,
  ChangeRequestNotFound,
  HighRiskNeedsSecondApprover,
  OverrideNotAllowed,
  SecondApproverRequired,
} from './review.errors.js';
import { currentDetails, proposedAsDetails, REVIEW_FIELDS, validateSupplierDetails, type ProposedDetails } from './supplier-details.js';
import type { SupplierDetailsInput } from './supplier-details.input.js';
import { isUuid } from '../common/ids.js';
import { findPageById, type Page } from '../common/pagination.js';
import { formatDay } from '../common/format-date.js';

export interface UnchangedField {
  field: string;
  label: string;
  value: unknown;
  isBankDetail: boolean;
}

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  isBankDetail: boolean;
}

export class ReviewService {
  constructor(
    private readonly mailer: Mailer,
    private readonly log: Logger,
    /** Starts the organisation's push to Xero (sync/push.service.ts): called once an accepted change is committed. */
    private readonly wakePush: (organisationId: string) => Promise<void>,
  ) {}

  /** The supplier's submission becomes a PENDING change request; a pending one is superseded (history kept). */
  async submit(em: EntityManager, invite: Invite, input: SupplierDetailsInput, meta: ClientMeta): Promise<ChangeRequest> {
    const orgId = invite.organisation.id;
    return await em.transactional(async (tx) => {
      tx.setFilterParams('organisation', { id: orgId });
      const supplier = await tx.findOneOrFail(Supplier, { id: invite.supplier.id }, { populate: ['paymentDetails'] });
      const result = validateSupplierDetails(input, supplier);
      if (!result.ok) throw new ValidationFailed(result.errors);
      const baseline = currentDetails(supplier);
      const proposed = result.value;
      const changesBank = Boolean(proposed.payment) && stableJson(proposed.payment) !== stableJson(baseline.paymentDetails);
      const changesBankDetails =
        changesBank ||
        (Boolean(proposed.bankAccountDetails) && !sameFieldValue('bankAccountDetails', proposed.bankAccountDetails, baseline.bankAccountDetails));
      const riskSignals = changesBankDetails ? await riskOfSubmission(tx, supplier, proposed, invite, new Date()) : [];
      const request = tx.create(ChangeRequest, {
        organisation: orgId,
        supplier,
        invite: invite.id,
        riskSignals,
        status: ChangeRequestStatus.PENDING,
        proposed: proposed as unknown as Record<string, unknown>,
        baseline,
        changesBankDetails,
        submittedAt: new Date(),
        submitterIp: meta.ip.slice(0, 64),
        submitterUserAgent: meta.userAgent.slice(0, 512),
      });
      await tx.nativeUpdate(
        ChangeRequest,
        { supplier: supplier.id, status: ChangeRequestStatus.PENDING, id: { $ne: request.id } },
        { status: ChangeRequestStatus.SUPERSEDED, supersededBy: request.id },
      );
      await tx.nativeUpdate(Invite, { id: invite.id }, { status: InviteStatus.SUBMITTED, submittedAt: new Date(), nextReminderAt: null });
      recordAudit(tx, {
        organisationId: orgId,
        supplierId: supplier.id,
        actor: { type: 'SUPPLIER', label: invite.email },
        kind: 'CHANGE_SUBMITTED',
        summary:
          `${invite.email} submitted updated details${request.changesBankDetails ? ' (including bank details)' : ''}` +
          (riskSignals.length ? `; risk: ${riskSignals.map((r) => r.message).join(' ')}` : ''),
        before: baseline,
        after: proposedAsDetails(proposed, baseline),
      });
      recordChangeRequestEvent(tx, orgId, WEBHOOK_EVENT_NAMES.CHANGE_REQUEST_SUBMITTED, request, supplier);
      await tx.flush();
      await refreshSupplierFlags(tx, [supplier.id]);
      return request;
    });
  }

  /**
   * Every field the request would change, against the supplier's current values. Bank details appear once:
   * when structured payment details change, Xero's one-line copy of them is not listed again.
   */
  diff(request: ChangeRequest, supplier: Supplier): FieldChange[] {
    const current = currentDetails(supplier);
    const proposed = proposedAsDetails(request.proposed as unknown as ProposedDetails, current);
    const changed = REVIEW_FIELDS.filter(({ field }) => !sameFieldValue(field, current[field], proposed[field]));
    const paymentChanged = changed.some((f) => f.field === 'paymentDetails');
    return changed
      .filter(({ field }) => !(paymentChanged && field === 'bankAccountDetails'))
      .map(({ field, label, bank }) => ({
        field,
        label,
        // Details first held in Xero have only Xero's one-line form: show that as what is being replaced.
        before: (field === 'paymentDetails' ? (current.paymentDetails ?? current.bankAccountDetails) : current[field]) ?? null,
        after: proposed[field] ?? null,
        isBankDetail: Boolean(bank),
      }));
  }

  /**
   * The fields the request leaves as they are and that hold a value, in form order, so a reviewer can see at a
   * glance what stays. Bank details appear once (the structured details, else Xero's one-line form).
   */
  unchanged(request: ChangeRequest, supplier: Supplier): UnchangedField[] {
    const current = currentDetails(supplier);
    const proposed = proposedAsDetails(request.proposed as unknown as ProposedDetails, current);
    const changed = new Set(this.diff(request, supplier).map((c) => c.field));
    const bankChanged = changed.has('paymentDetails') || changed.has('bankAccountDetails');
    const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    return REVIEW_FIELDS.filter(({ field, bank }) => !changed.has(field) && !(bank && bankChanged) && sameFieldValue(field, current[field], proposed[field]))
      .filter(({ field }) => !(field === 'bankAccountDetails' && !isEmpty(current.paymentDetails)))
      .filter(({ field }) => !isEmpty(current[field]))
      .map(({ field, label, bank }) => ({ field, label, value: current[field] ?? null, isBankDetail: Boolean(bank) }));
  }

  /** Submissions across the organisation's suppliers, newest first, a keyset page at a time; filter by status. */
  async list(em: EntityManager, args: { first: number; after?: string | null; status?: ChangeRequestStatus | null }): Promise<Page<ChangeRequest>> {
    return await findPageById(em, ChangeRequest, {
      where: args.status ? { status: args.status } : {},
      first: Math.min(Math.max(args.first, 1), 200),
      after: args.after,
      direction: 'desc',
      populate: ['supplier', 'supplier.paymentDetails'],
    });
  }

  private async pending(em: EntityManager, id: string): Promise<ChangeRequest> {
    if (!isUuid(id)) throw new ChangeRequestNotFound();
    const request = await em.findOne(ChangeRequest, { id }, { populate: ['supplier', 'invite'] });
    if (!request) throw new ChangeRequestNotFound();
    if (request.status !== ChangeRequestStatus.PENDING) throw new ChangeRequestDecided(request.status);
    return request;
  }

  /**
   * Accepting applies the values and records the intent to push them to Xero (an outbox row) in one
   * transaction: never one without the other. A bank-detail change needs a recorded call-back first, and two
   * different approvers when the organisation asks for it or when the change is high risk (unless an ADMIN
   * overrides that, with a reason); the first acceptance then only records an approval.
   */
  async accept(em: EntityManager, viewer: Viewer, id: string, options: { overrideReason?: string | null } = {}): Promise<ChangeRequest> {
    const override = options.overrideReason?.trim() ?? '';
    if (options.overrideReason !== undefined && options.overrideReason !== null) {
      if (viewer.role !== Role.ADMIN) throw new OverrideNotAllowed('Only an admin can let a high-risk bank change through with one approver.');
      if (!override) throw new ValidationFailed([{ field: 'overrideReason', message: 'Say why one approval is enough here.' }]);
      if (override.length > 1000) throw new ValidationFailed([{ field: 'overrideReason', message: 'Keep the reason under 1,000 characters.' }]);
    }
    const outcome = await em.transactional(async (tx) => {
      const request = await this.pending(tx, id);
      // Lock the request row so two approvers cannot both apply it.
      await tx.getConnection().execute('select id from change_requests where id = ? for update', [request.id], 'all', tx.getTransactionContext());
      await tx.refresh(request);
      if (request.status !== ChangeRequestStatus.PENDING) throw new ChangeRequestDecided(request.status);
      const user = await tx.findOneOrFail(User, { id: viewer.userId });
      const actor = { type: 'USER' as const, id: user.id, label: user.name };
      const organisation = await tx.findOneOrFail(Organisation, { id: viewer.organisationId });
      const confirmation = request.changesBankDetails
        ? await tx.findOne(BankConfirmation, { changeRequest: request.id }, { orderBy: { confirmedAt: 'desc' } })
        : null;
      if (request.changesBankDetails && !confirmation) throw new CallbackRequired();
      const highRisk = request.changesBankDetails && isHighRisk(request.riskSignals);
      if (override) {
        if (!highRisk) throw new OverrideNotAllowed('Only a high-risk change needs an override.');
        Object.assign(request, { riskOverrideReason: override, riskOverriddenBy: user.id });
        recordAudit(tx, {
          organisationId: viewer.organisationId,
          supplierId: request.supplier.id,
          actor,
          kind: 'RISK_OVERRIDDEN',
          summary: `${user.name} let a high-risk bank change through with one approver: ${override}`,
        });
      }
      const orgNeedsTwo = organisation.requireSecondApproverForBankChanges && request.changesBankDetails;
      const riskNeedsTwo = highRisk && !request.riskOverrideReason;
      const needsTwo = orgNeedsTwo || riskNeedsTwo;
      if (needsTwo && request.approvals.some((a) => a.userId === user.id)) throw orgNeedsTwo ? new SecondApproverRequired() : new HighRiskNeedsSecondApprover();
      const approvals = [...request.approvals, { userId: user.id, userName: user.name, at: new Date().toISOString() }];
      if (needsTwo && approvals.length < 2) {
        request.approvals = approvals;
        recordAudit(tx, {
          organisationId: viewer.organisationId,
          supplierId: request.supplier.id,
          actor,
          kind: 'CHANGE_APPROVED',
          summary: `${user.name} approved the bank-detail change (a second approver is needed${riskNeedsTwo && !orgNeedsTwo ? ': it is high risk' : ''})`,
        });
        await tx.flush();
        return { request, applied: false as const };
      }
      const supplier = await tx.findOneOrFail(Supplier, { id: request.supplier.id }, { populate: ['paymentDetails'] });
      const before = currentDetails(supplier);
      const proposed = request.proposed as unknown as ProposedDetails;
      const { payment, bankAccountDetails, ...fields } = proposed;
      Object.assign(supplier, fields);
      const now = new Date();
      if (payment) {
        supplier.paymentDetails = payment as unknown as Record<string, unknown>;
        supplier.bankAccountDetails = bankAccountDetails ?? null;
      }
      if (request.changesBankDetails && confirmation) {
        // Verified means: a person confirmed these very details out of band, on record.
        Object.assign(supplier, {
          bankConfirmationId: confirmation.id,
          bankDetailsVerifiedAt: confirmation.confirmedAt,
          bankDetailsChangedAt: now,
          paymentHoldUntil: organisation.paymentHoldDays > 0 ? new Date(now.getTime() + organisation.paymentHoldDays * 86_400_000) : null,
        });
      }
      if (!sameFieldValue('email', (before.email as string | null)?.toLowerCase(), supplier.email?.toLowerCase())) supplier.emailChangedAt = now;
      Object.assign(request, { status: ChangeRequestStatus.ACCEPTED, approvals, decidedBy: user.id, decidedAt: now });
      const changed = changedFields(XERO_PUSH_FIELDS, before, currentDetails(supplier));
      await queueForXero(tx, viewer.organisationId, supplier, request.id, changed);
      recordAudit(tx, {
        organisationId: viewer.organisationId,
        supplierId: supplier.id,
        actor,
        kind: 'CHANGE_ACCEPTED',
        summary:
          changed.length || request.changesBankDetails
            ? `${user.name} accepted the submitted details${request.changesBankDetails ? `, including bank details confirmed by phone by ${confirmation!.confirmedByName}` : ''}` +
              (supplier.paymentHoldUntil && request.changesBankDetails ? `; payments on hold until ${formatDay(supplier.paymentHoldUntil)}` : '')
            : `${user.name} accepted the supplier's confirmation of their details (no changes; nothing to send to Xero)`,
        before,
        after: currentDetails(supplier),
      });
      recordAcceptedChange(tx, { organisationId: viewer.organisationId, request, supplier, before, after: currentDetails(supplier), decidedBy: user });
      await tx.flush();
      await refreshSupplierFlags(tx, [supplier.id]);
      const notice = request.changesBankDetails
        ? {
            organisationId: viewer.organisationId,
            supplierName: supplier.name,
            previousEmail: (before.email as string | null) ?? null,
            newEmail: supplier.email,
            bankAccountDetails: supplier.bankAccountDetails,
            at: now,
            holdUntil: supplier.paymentHoldUntil,
          }
        : null;
      return { request, applied: true as const, notice };
    });
    if (outcome.applied && outcome.notice) await notifyBankChange(em, this.mailer, this.log, outcome.notice);
    // Committed: wake the push at once (not at the next sweep).
    if (outcome.applied) await this.wakePush(viewer.organisationId);
    return outcome.request;
  }

  /** Records the call-back for a pending bank change (see bank-safety.ts). */
  async recordCallback(em: EntityManager, viewer: Viewer, id: string, input: { phoneNumber: string; note: string }): Promise<BankConfirmation> {
    if (!isUuid(id)) throw new BankChangeNotPending();
    return await recordConfirmation(em, viewer, id, input);
  }

  async reject(em: EntityManager, viewer: Viewer, id: string, reason: string): Promise<ChangeRequest> {
    const text = reason.trim();
    if (!text) throw new ValidationFailed([{ field: 'reason', message: 'Say why, so the supplier can put it right.' }]);
    if (text.length > 1000) throw new ValidationFailed([{ field: 'reason', message: 'Keep the reason under 1,000 characters.' }]);
    const { request, user } = await em.transactional(async (tx) => {
      const pending = await this.pending(tx, id);
      const decider = await tx.findOneOrFail(User, { id: viewer.userId });
      Object.assign(pending, { status: ChangeRequestStatus.REJECTED, decidedBy: decider.id, decidedAt: new Date(), rejectReason: text });
      recordAudit(tx, {
        organisationId: viewer.organisationId,
        supplierId: pending.supplier.id,
        actor: { type: 'USER', id: decider.id, label: decider.name },
        kind: 'CHANGE_REJECTED',
        summary: `${decider.name} rejected the submitted details: ${text}`,
      });
      recordChangeRequestEvent(tx, viewer.organisationId, WEBHOOK_EVENT_NAMES.CHANGE_REQUEST_REJECTED, pending, pending.supplier, decider);
      await tx.flush();
      await refreshSupplierFlags(tx, [pending.supplier.id]);
      return { request: pending, user: decider };
    });
    const to = request.invite?.email ?? request.supplier.email;
    if (to && this.mailer.enabled) {
      const organisation = await em.findOneOrFail(Organisation, { id: viewer.organisationId });
      const sent = await this.mailer
        .send({
          to,
          subject: `${organisation.name} could not accept your updated details`,
          text: `${user.name} at ${organisation.name} could not accept the details you sent:\n\n${text}\n\nYou can use your invite link again to send corrected details while it is valid, or ask them for a new one.`,
        })
        .then(
          () => true,
          (err: unknown) => {
            this.log.error({ err: err instanceof Error ? err.message : 'error' }, 'rejection email failed');
            return false;
          },
        );
      // Recorded, so the buyer is told the truth: "emailed" only when it was.
      if (sent) {
        request.reasonEmailedAt = new Date();
        await em.nativeUpdate(ChangeRequest, { id: request.id }, { reasonEmailedAt: request.reasonEmailedAt });
      }
    }
    return request;
  }
}
