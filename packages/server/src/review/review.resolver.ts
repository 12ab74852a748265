import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../accounts/role.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { maskBankDetails, maskBankRecord } from '../common/bank-masking.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer, seesBankDetails } from '../graphql/context.js';
import { InvalidCursor } from '../suppliers/supplier.service.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { toInviteType } from '../invites/invites.resolver.js';
import { ChangeRequest, ChangeRequestStatus } from './change-request.entity.js';
import { AuditEventConnection, ChangeRequestConnection, ChangeRequestType, InviteType } from './review.types.js';

export function toChangeRequestType(request: ChangeRequest, supplier: Supplier, ctx: GraphQLContext): ChangeRequestType {
  const mask = !seesBankDetails(ctx.viewer);
  const changes = ctx.services.review.diff(request, supplier).map((c) =>
    mask && c.isBankDetail ? { ...c, before: maskBankDetails(c.before, c.field), after: maskBankDetails(c.after, c.field) } : c,
  );
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
    changes,
    supplier,
  });
}

const encode = (id: string) => Buffer.from(`audit:${id}`).toString('base64url');
function decode(cursor: string): string {
  const m = /^audit:([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new InvalidCursor();
  return m[1]!;
}

@Resolver(() => Supplier)
export class ReviewResolver {
  @FieldResolver(() => InviteType, { nullable: true, description: 'The most recent invite.' })
  async latestInvite(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<InviteType | null> {
    const invite = await ctx.services.invites.latestFor(ctx.em, supplier.id);
    return invite ? toInviteType(invite, ctx.services.invites.statusOf(invite)) : null;
  }

  @FieldResolver(() => ChangeRequestType, { nullable: true, description: 'The submission awaiting review, if any.' })
  async pendingChangeRequest(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<ChangeRequestType | null> {
    const request = await ctx.em.findOne(ChangeRequest, { supplier: supplier.id, status: ChangeRequestStatus.PENDING });
    if (!request) return null;
    const full = await ctx.em.findOneOrFail(Supplier, { id: supplier.id }, { populate: ['paymentDetails'] });
    return toChangeRequestType(request, full, ctx);
  }

  @FieldResolver(() => [ChangeRequestType], { description: 'Every submission, newest first (history kept).' })
  async changeRequests(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<ChangeRequestType[]> {
    const requests = await ctx.em.find(ChangeRequest, { supplier: supplier.id }, { orderBy: { submittedAt: 'desc' }, limit: 50 });
    const full = await ctx.em.findOneOrFail(Supplier, { id: supplier.id }, { populate: ['paymentDetails'] });
    return requests.map((r) => toChangeRequestType(r, full, ctx));
  }

  @FieldResolver(() => AuditEventConnection, { description: 'The supplier’s history, newest first.' })
  async auditEvents(
    @Root() supplier: Supplier,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AuditEventConnection> {
    const limit = Math.min(Math.max(first, 1), 200);
    const rows = await ctx.em.find(
      AuditEvent,
      { supplier: supplier.id, ...(after ? { id: { $lt: decode(after) } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    const nodes = rows.slice(0, limit);
    return {
      edges: nodes.map((e) => ({
        cursor: encode(e.id),
        // Rows are stored masked; masking again (a no-op) also covers rows written before a shape was known.
        node: { id: e.id, kind: e.kind, summary: e.summary, actorType: e.actorType, actorLabel: e.actorLabel, at: e.createdAt, before: maskBankRecord(e.before), after: maskBankRecord(e.after) },
      })),
      pageInfo: { hasNextPage: rows.length > limit, endCursor: nodes.length ? encode(nodes[nodes.length - 1]!.id) : null },
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
    const limit = Math.min(Math.max(first, 1), 200);
    const encodeCr = (id: string) => Buffer.from(`cr:${id}`).toString('base64url');
    let afterId: string | undefined;
    if (after) {
      const m = /^cr:([0-9a-f-]{36})$/.exec(Buffer.from(after, 'base64url').toString());
      if (!m) throw new InvalidCursor();
      afterId = m[1];
    }
    const rows = await ctx.em.find(
      ChangeRequest,
      { ...(status ? { status } : {}), ...(afterId ? { id: { $lt: afterId } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1, populate: ['supplier', 'supplier.paymentDetails'] },
    );
    const nodes = rows.slice(0, limit);
    return {
      edges: nodes.map((r) => ({ cursor: encodeCr(r.id), node: toChangeRequestType(r, r.supplier as Supplier, ctx) })),
      pageInfo: { hasNextPage: rows.length > limit, endCursor: nodes.length ? encodeCr(nodes.at(-1)!.id) : null },
    };
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => ChangeRequestType, { description: 'Applies the submitted values and queues them for Xero (or records a first approval).' })
  async acceptChangeRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ChangeRequestType> {
    const request = await ctx.services.review.accept(ctx.em, requireViewer(ctx), id);
    // Committed: wake the push at once (not at the next tick).
    if (request.status === ChangeRequestStatus.ACCEPTED) await ctx.services.push.wake(ctx.viewer!.organisationId);
    const supplier = await ctx.services.em(ctx.viewer!.organisationId).findOneOrFail(Supplier, { id: request.supplier.id }, { populate: ['paymentDetails'] });
    return toChangeRequestType(request, supplier, ctx);
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
