import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../accounts/role.js';
import { readCookie } from '../common/cookies.js';
import { maskBankDetails, maskBankText } from '../common/bank-masking.js';
import { AppError } from '../common/app-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { ChangeRequest } from '../review/change-request.entity.js';
import { SupplierDetailsInput } from '../review/supplier-details.input.js';
import { currentDetails } from '../review/supplier-details.js';
import { InviteResult, InviteType, SendCodePayload, SubmitDetailsPayload, SupplierDetailsView, SupplierInvite } from '../review/review.types.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import type { Invite } from './invite.entity.js';
import { maskEmail } from './invites.service.js';
import { toSupplierSubmission } from './supplier-submission.js';
import { InviteOutcome } from './invite-outcome.js';
import { brandingOf } from '../branding/branding.service.js';
import { OrganisationBranding } from '../branding/branding.types.js';
import type { Organisation } from '../accounts/organisation.entity.js';

export const INVITE_SESSION_COOKIE = 'vouch_invite';

export function toInviteType(invite: Invite, status: InviteType['status']): InviteType {
  return Object.assign(new InviteType(), {
    id: invite.id,
    email: invite.email,
    status,
    expiresAt: invite.expiresAt,
    lastSentAt: invite.lastSentAt,
    emailed: invite.emailed,
    remindersSent: invite.remindersSent,
    openedAt: invite.openedAt,
    verifiedAt: invite.verifiedAt,
    submittedAt: invite.submittedAt,
    revokedAt: invite.revokedAt,
  });
}

class EmailUnavailable extends AppError {
  constructor() {
    super('UNAVAILABLE', 'EMAIL_NOT_CONFIGURED', 'Email is not set up on this Vouch server, so no code can be sent.');
  }
}

@Resolver()
export class InvitesResolver {
  // ---------- buyers ----------

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => [InviteResult], {
    description:
      'Invites one supplier (optionally to another email) or many (each to its own email). One result per supplier: INVITED, or SKIPPED_LIVE_INVITE when its invite is still live (unless replaceLiveInvites).',
  })
  async inviteSuppliers(
    @Arg('supplierIds', () => [ID]) supplierIds: string[],
    @Arg('email', () => String, { nullable: true }) email: string | null,
    @Arg('replaceLiveInvites', () => Boolean, {
      defaultValue: false,
      description: 'Also invite suppliers whose invite is still live: their current link stops working. Without it they are skipped.',
    })
    replaceLiveInvites: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InviteResult[]> {
    const { issued, skipped } = await ctx.services.invites.invite(ctx.em, requireViewer(ctx), supplierIds, email?.trim() || null, {
      replaceLive: replaceLiveInvites,
    });
    const result = (invite: Invite, link: string | null, outcome: InviteOutcome): InviteResult => ({
      supplier: invite.supplier as Supplier,
      invite: toInviteType(invite, ctx.services.invites.statusOf(invite)),
      link,
      outcome,
    });
    return [
      ...issued.map(({ invite, link }) => result(invite, link, InviteOutcome.INVITED)),
      ...skipped.map((invite) => result(invite, null, InviteOutcome.SKIPPED_LIVE_INVITE)),
    ];
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => InviteResult, { description: 'Sends a fresh link (the previous one stops working).' })
  async resendInvite(@Arg('inviteId', () => ID) inviteId: string, @Ctx() ctx: GraphQLContext): Promise<InviteResult> {
    const { invite, link } = await ctx.services.invites.resend(ctx.em, requireViewer(ctx), inviteId);
    return { supplier: invite.supplier as Supplier, invite: toInviteType(invite, ctx.services.invites.statusOf(invite)), link, outcome: InviteOutcome.INVITED };
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => InviteType)
  async revokeInvite(@Arg('inviteId', () => ID) inviteId: string, @Ctx() ctx: GraphQLContext): Promise<InviteType> {
    const invite = await ctx.services.invites.revoke(ctx.em, requireViewer(ctx), inviteId);
    return toInviteType(invite, ctx.services.invites.statusOf(invite));
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => InviteType, { description: 'Lets a LOCKED invite be used again (same link; the count of wrong codes starts afresh).' })
  async unlockInvite(@Arg('inviteId', () => ID) inviteId: string, @Ctx() ctx: GraphQLContext): Promise<InviteType> {
    const invite = await ctx.services.invites.unlock(ctx.em, requireViewer(ctx), inviteId);
    return toInviteType(invite, ctx.services.invites.statusOf(invite));
  }

  // ---------- suppliers (no account; the invite token, then the emailed code) ----------

  @Query(() => SupplierInvite, { description: 'Supplier side: the invite behind a link token.' })
  async supplierInvite(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<SupplierInvite> {
    const invite = await ctx.services.invites.open(token, ctx);
    const session = readCookie(ctx.http?.req.headers.cookie, INVITE_SESSION_COOKIE);
    const verified = await ctx.services.invites.verified(token, session, ctx).then(
      () => true,
      () => false,
    );
    return {
      organisationName: invite.organisation.name,
      organisation: brandingOf(invite.organisation as Organisation),
      supplierName: invite.supplier.name,
      emailHint: maskEmail(invite.email),
      status: ctx.services.invites.statusOf(invite),
      expiresAt: invite.expiresAt,
      verified,
    };
  }

  @Query(() => OrganisationBranding, {
    description:
      'Supplier side: who sent a link, also once it has expired, been withdrawn or locked, so a page that can’t be used still names the business and how to reach it. NOT_FOUND for a link that never existed.',
  })
  async supplierInviteSender(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<OrganisationBranding> {
    return brandingOf(await ctx.services.invites.sender(token, ctx));
  }

  @Mutation(() => SendCodePayload, { description: 'Supplier side: emails a 6-digit code to the invited address.' })
  async sendSupplierCode(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<SendCodePayload> {
    if (!ctx.services.mailer.enabled && ctx.services.config.env === 'production') throw new EmailUnavailable();
    return await ctx.services.invites.sendCode(token, ctx);
  }

  @Mutation(() => SupplierDetailsView, { description: 'Supplier side: confirms the code; this browser may then see and send details.' })
  async verifySupplierCode(
    @Arg('token', () => String) token: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SupplierDetailsView> {
    const { invite, sessionToken, expiresAt } = await ctx.services.invites.verifyCode(token, code.trim(), ctx);
    ctx.http?.res.cookie(INVITE_SESSION_COOKIE, sessionToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.services.config.cookieSecure ?? ctx.http.req.secure,
      path: '/graphql',
      expires: expiresAt,
    });
    return await this.view(ctx, invite);
  }

  @Query(() => SupplierDetailsView, { description: 'Supplier side, after the code: the details the business holds.' })
  async supplierDetails(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<SupplierDetailsView> {
    const invite = await ctx.services.invites.verified(token, readCookie(ctx.http?.req.headers.cookie, INVITE_SESSION_COOKIE), ctx);
    return await this.view(ctx, invite);
  }

  @Mutation(() => SubmitDetailsPayload, { description: 'Supplier side: sends updated details for the business to review.' })
  async submitSupplierDetails(
    @Arg('token', () => String) token: string,
    @Arg('input', () => SupplierDetailsInput) input: SupplierDetailsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SubmitDetailsPayload> {
    const invite = await ctx.services.invites.verified(token, readCookie(ctx.http?.req.headers.cookie, INVITE_SESSION_COOKIE), ctx);
    const request = await ctx.services.review.submit(ctx.services.em(invite.organisation.id), invite, input, ctx);
    const bank = (request.proposed as { bankAccountDetails?: string }).bankAccountDetails;
    return { submittedAt: request.submittedAt, bankDetailsMasked: bank ? maskBankText(bank) : null };
  }

  private async view(ctx: GraphQLContext, invite: Invite): Promise<SupplierDetailsView> {
    const em = ctx.services.em(invite.organisation.id);
    const supplier = await em.findOneOrFail(Supplier, { id: invite.supplier.id }, { populate: ['paymentDetails'] });
    const last = await em.findOne(ChangeRequest, { supplier: supplier.id, invite: invite.id }, { orderBy: { submittedAt: 'desc', id: 'desc' } });
    return {
      organisationName: invite.organisation.name,
      organisation: brandingOf(invite.organisation as Organisation),
      details: maskBankDetails(currentDetails(supplier)) as Record<string, unknown>,
      lastSubmittedAt: last?.submittedAt ?? null,
      latestSubmission: last ? toSupplierSubmission(last) : null,
    };
  }
}
