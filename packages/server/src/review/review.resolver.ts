import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organisation } from '../accounts/organisation.entity.js';
import { Role } from '../accounts/role.js';
import { requireStepUp } from '../accounts/two-factor/two-factor.resolver.js';
import { isUuid } from '../common/ids.js';
import { supplierAuditPage } from '../audit/supplier-audit.js';
import { maskBankDetails, maskBankRecord } from '../common/bank-masking.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { seesBankDetails } from '../accounts/viewer.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { toInviteType } from '../invites/invites.resolver.js';
import { ChangeRequest, ChangeRequestStatus } from './change-request.entity.js';
import { isHighRisk } from './bank-risk.js';
import { BankConfirmation } from './bank-confirmation.entity.js';
import { callbackNumbersFrom } from './bank-safety.js';
import { BatchLoader, loaderFor } from '../common/batch-loader.js';
import { supplierLoaders } from '../suppliers/supplier.loaders.js';
import { AuditEventConnection, CallbackNumberType, ChangeRequestConnection, ChangeRequestType, InviteType } from './review.types.js';

/** Accepting a change that touches bank details needs a fresh second factor (each approver). */
async function requireStepUpForChangeRequest(ctx: GraphQLContext, id: string): Promise<void> {
  if (!ctx.viewer || !isUuid(id)) return;
  const request = await ctx.em.findOne(ChangeRequest, { id }, { fields: ['changesBankDetails'] });
  if (request?.changesBankDetails) requireStepUp(ctx);
}

export function toChangeRequestType(request: ChangeRequest, supplier: Supplier, ctx: GraphQLContext): ChangeRequestType {
  const highRisk = request.changesBankDetails && isHighRisk(request.riskSignals);
  const mask = !seesBankDetails(ctx.viewer);
  const changes = ctx.services.review
    .diff(request, supplier)
    .map((c) => (mask && c.isBankDetail ? { ...c, before: maskBankDetails(c.before, c.field), after: maskBankDetails(c.after, c.field) } : c));
  return Object.assign(new ChangeRequestType(), {
    id: request.id,
    status: request.status,
    submittedAt: request.submittedAt,
    submitterIp: request.submitterIp,
    submitterUserAgent: request.submitterUserAgent,
    changesBankDetails: request.changesBankDetails,
    approvals: request.approvals.map((a) => ({ userId: a.userId, userName: a.userName, at: new Date(a.at) })),
    decidedAt: request.decidedAt,
    rejectReason: request.rejectReason,
    rejectReasonEmailed: request.reasonEmailedAt !== null,
    changes,
    unchanged: ctx.services.review.unchanged(request, supplier).map((u) => (mask && u.isBankDetail ? { ...u, value: maskBankDetails(u.value, u.field) } : u)),
    riskSignals: [...request.riskSignals].sort((a, b) => (a.level === b.level ? 0 : a.level === 'HIGH' ? -1 : 1)),
    highRisk,
    riskOverrideReason: request.riskOverrideReason,
    supplier,
  });
}

@Resolver(() => Supplier)
export class ReviewResolver {
  @FieldResolver(() => InviteType, { nullable: true, description: 'The most recent invite.' })
  async latestInvite(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<InviteType | null> {
    const invite = await supplierLoaders(ctx.em).latestInvite.load(supplier.id);
    return invite ? toInviteType(invite, ctx.services.invites.statusOf(invite)) : null;
  }

  @FieldResolver(() => ChangeRequestType, { nullable: true, description: 'The submission awaiting review, if any.' })
  async pendingChangeRequest(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<ChangeRequestType | null> {
    const loaders = supplierLoaders(ctx.em);
    const request = await loaders.pendingChangeRequest.load(supplier.id);
    if (!request) return null;
    const full = (await loaders.withPaymentDetails.load(supplier.id)) ?? supplier;
    return toChangeRequestType(request, full, ctx);
  }

  @FieldResolver(() => [ChangeRequestType], { description: 'Every submission, newest first (history kept).' })
  async changeRequests(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<ChangeRequestType[]> {
    const loaders = supplierLoaders(ctx.em);
    const [requests, full] = await Promise.all([loaders.changeRequests.load(supplier.id), loaders.withPaymentDetails.load(supplier.id)]);
    return requests.map((r) => toChangeRequestType(r, full ?? supplier, ctx));
  }

  @FieldResolver(() => AuditEventConnection, { description: 'The supplier’s history, newest first.' })
  async auditEvents(
    @Root() supplier: Supplier,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AuditEventConnection> {
    const page = await supplierAuditPage(ctx.em, requireViewer(ctx).organisationId, supplier.id, first, after);
    return {
      ...page,
      // Rows are stored masked; masking again (a no-op) also covers rows written before a shape was known.
      edges: page.edges.map(({ cursor, node: e }) => ({
        cursor,
        node: {
          id: e.id,
          kind: e.kind,
          summary: e.summary,
          actorType: e.actorType,
          actorLabel: e.actorLabel,
          at: e.createdAt,
          before: maskBankRecord(e.before),
          after: maskBankRecord(e.after),
        },
      })),
    };
  }
}

@Resolver()
export class DecisionResolver {
  @Authorized()
  @Query(() => ChangeRequestConnection, { description: 'Submissions across your suppliers, newest first; filter by status.' })
  async changeRequests(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('status', () => ChangeRequestStatus, { nullable: true }) status?: ChangeRequestStatus | null,
  ): Promise<ChangeRequestConnection> {
    const page = await ctx.services.review.list(ctx.em, { first, after, status });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toChangeRequestType(e.node, e.node.supplier as Supplier, ctx) })) };
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => ChangeRequestType, {
    description:
      'Applies the submitted values and queues them for Xero (or records a first approval). A bank-detail change needs a second factor proved in the last few minutes (FORBIDDEN, reason STEP_UP_REQUIRED: verifyStepUp, then retry).',
  })
  async acceptChangeRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('overrideReason', () => String, { nullable: true, description: 'ADMIN only: accept a high-risk bank change with one approver, saying why (audited).' })
    overrideReason?: string | null,
  ): Promise<ChangeRequestType> {
    await requireStepUpForChangeRequest(ctx, id);
    const request = await ctx.services.review.accept(ctx.em, requireViewer(ctx), id, { overrideReason: overrideReason ?? null });
    const supplier = await ctx.services.em(ctx.viewer!.organisationId).findOneOrFail(Supplier, { id: request.supplier.id }, { populate: ['paymentDetails'] });
    return toChangeRequestType(request, supplier, ctx);
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => ChangeRequestType, {
    description:
      'Records that you phoned the supplier on a number you already held and they confirmed the new bank details. Needed before a bank change can be accepted.',
  })
  async recordBankCallback(
    @Arg('changeRequestId', () => ID) changeRequestId: string,
    @Arg('phoneNumber', () => String, { description: 'The number you called (ideally one of callbackNumbers).' }) phoneNumber: string,
    @Arg('note', () => String, { description: 'Who you spoke to and what they confirmed.' }) note: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChangeRequestType> {
    await ctx.services.review.recordCallback(ctx.em, requireViewer(ctx), changeRequestId, { phoneNumber, note });
    const request = await ctx.em.findOneOrFail(ChangeRequest, { id: changeRequestId }, { populate: ['supplier', 'supplier.paymentDetails'] });
    return toChangeRequestType(request, request.supplier as Supplier, ctx);
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => ChangeRequestType, { description: 'Rejects a submission; the reason is emailed to the supplier.' })
  async rejectChangeRequest(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChangeRequestType> {
    const request = await ctx.services.review.reject(ctx.em, requireViewer(ctx), id, reason);
    const supplier = await ctx.services.em(ctx.viewer!.organisationId).findOneOrFail(Supplier, { id: request.supplier.id }, { populate: ['paymentDetails'] });
    return toChangeRequestType(request, supplier, ctx);
  }
}

@Resolver(() => ChangeRequestType)
export class ChangeRequestBankResolver {
  @FieldResolver(() => Int, {
    description:
      'Approvals needed in all: 2 for a bank change when the organisation asks for a second approver, or when it is high risk and no admin overrode that; else 1.',
  })
  async approvalsNeeded(@Root() request: ChangeRequestType, @Ctx() ctx: GraphQLContext): Promise<number> {
    if (!request.changesBankDetails) return 1;
    if (request.highRisk && !request.riskOverrideReason) return 2;
    // One read per request, however many requests are listed.
    const organisationId = requireViewer(ctx).organisationId;
    const organisation = await loaderFor(
      ctx.em,
      'organisation',
      () =>
        new BatchLoader<string, Organisation | null>(
          async (ids) => new Map((await ctx.em.find(Organisation, { id: { $in: ids } })).map((o) => [o.id, o])),
          () => null,
        ),
    ).load(organisationId);
    return organisation?.requireSecondApproverForBankChanges ? 2 : 1;
  }

  @FieldResolver(() => [BankConfirmation], { description: 'Call-backs recorded for this bank change.' })
  async bankConfirmations(@Root() request: ChangeRequestType, @Ctx() ctx: GraphQLContext): Promise<BankConfirmation[]> {
    if (!request.changesBankDetails) return [];
    return await supplierLoaders(ctx.em).confirmationsOfRequest.load(request.id);
  }

  @FieldResolver(() => [CallbackNumberType], {
    description: 'Numbers Vouch held before this submission, to call the supplier back on (never one from the submission).',
  })
  async callbackNumbers(@Root() request: ChangeRequestType, @Ctx() ctx: GraphQLContext): Promise<CallbackNumberType[]> {
    if (!request.changesBankDetails) return [];
    const loaders = supplierLoaders(ctx.em);
    const [entity, drift, history] = await Promise.all([
      loaders.changeRequest.load(request.id),
      loaders.openDrift.load(request.supplier.id),
      loaders.phoneHistory.load(request.supplier.id),
    ]);
    if (!entity) return [];
    return callbackNumbersFrom(entity, drift.find((d) => d.field === 'phones') ?? null, history);
  }
}
