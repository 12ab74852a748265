import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { AppError } from '../common/app-error.js';
import type { Viewer } from '../accounts/viewer.js';
import { InviteResult } from '../review/review.types.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { supplierWhere, type SupplierFilter } from '../suppliers/supplier-filter.js';
import { InviteStatus } from './invite-status.js';
import type { InvitesService, IssuedInvite } from './invites.service.js';

/** At most this many invites go out from one "invite everyone matching" (emails are sent before it answers). */
export const MAX_MATCHING_INVITES = 5_000;
/** Each batch is one inviteSuppliers-sized transaction (its own audit rows and flag refresh). */
const BATCH = 500;
const LIVE: readonly InviteStatus[] = [InviteStatus.SENT, InviteStatus.OPENED, InviteStatus.VERIFIED];

export class TooManyToInvite extends AppError {
  constructor(count: number) {
    super(
      'BAD_USER_INPUT',
      'TOO_MANY_TO_INVITE',
      `${count.toLocaleString('en-GB')} suppliers would be invited; invite at most ${MAX_MATCHING_INVITES.toLocaleString('en-GB')} at once. Narrow the list first, e.g. with a search.`,
      { fields: [{ field: 'filter', message: `Invite at most ${MAX_MATCHING_INVITES.toLocaleString('en-GB')} at once.` }] },
    );
  }
}

export class NothingToInvite extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'NOTHING_TO_INVITE', 'No supplier in this list can be invited: each has a live invite or no email address.', {
      fields: [{ field: 'filter', message: 'No supplier here can be invited.' }],
    });
  }
}

@ObjectType({ description: 'What inviting everyone matching a filter would do (for its confirmation).' })
export class BulkInvitePreview {
  @Field(() => Int, { description: 'Suppliers matching the filter.' }) matching!: number;
  @Field(() => Int, { description: 'Would be invited (with an email address; a live invite only when replacing).' }) toInvite!: number;
  @Field(() => Int, { description: 'Have an invite that is still live: skipped unless replaceLiveInvites.' }) liveInvite!: number;
  @Field(() => Int, { description: 'Have no email address (and no live invite): left out.' }) noEmail!: number;
  @Field(() => Int, { description: `The most one request invites (${MAX_MATCHING_INVITES}).` }) limit!: number;
}

@ObjectType({ description: 'What inviting everyone matching a filter did.' })
export class BulkInviteOutcome {
  @Field(() => Int) invited!: number;
  @Field(() => Int, { description: 'Skipped: their invite is still live.' }) skippedLiveInvite!: number;
  @Field(() => Int, { description: 'Left out: no email address.' }) skippedNoEmail!: number;
  @Field(() => Boolean, { description: 'True when the invites were emailed; false when each has a link to share (no SMTP).' }) emailed!: boolean;
  @Field(() => [InviteResult], { description: 'One per supplier invited (with its link when not emailed).' }) results!: InviteResult[];
}

interface Plan {
  matching: number;
  send: Pick<Supplier, 'id' | 'name'>[];
  live: number;
  noEmail: number;
}

/**
 * Who "invite everyone matching" would invite: the same filter as the list, decided on the server (so a stale
 * page can neither miss suppliers nor withdraw a live link by surprise), A–Z.
 */
async function plan(em: EntityManager, filter: SupplierFilter, replaceLive: boolean, now: Date): Promise<Plan> {
  const rows = await em.find(Supplier, supplierWhere(filter, now), {
    fields: ['id', 'name', 'email', 'inviteStatus', 'inviteExpiresAt'],
    orderBy: { name: 'asc', id: 'asc' },
  });
  const isLive = (s: Pick<Supplier, 'inviteStatus' | 'inviteExpiresAt'>) =>
    s.inviteStatus !== null && LIVE.includes(s.inviteStatus) && s.inviteExpiresAt !== null && s.inviteExpiresAt > now;
  const live = rows.filter(isLive);
  const candidates = replaceLive ? rows : rows.filter((s) => !isLive(s));
  const send = candidates.filter((s) => s.email?.trim());
  return { matching: rows.length, send, live: live.length, noEmail: candidates.length - send.length };
}

export async function previewMatchingInvites(em: EntityManager, filter: SupplierFilter, replaceLive: boolean): Promise<BulkInvitePreview> {
  const { matching, send, live, noEmail } = await plan(em, filter, replaceLive, new Date());
  return { matching, toInvite: send.length, liveInvite: live, noEmail, limit: MAX_MATCHING_INVITES };
}

/**
 * Invites everyone matching `filter` who can be invited, in batches through InvitesService.invite (each batch
 * one transaction, as for picked suppliers). Refused before anything is sent when none can be, or when more
 * than MAX_MATCHING_INVITES would be.
 */
export async function inviteMatching(
  em: EntityManager,
  invites: InvitesService,
  viewer: Viewer,
  filter: SupplierFilter,
  replaceLive: boolean,
): Promise<{ issued: IssuedInvite[]; skippedLive: number; skippedNoEmail: number }> {
  const { send, live, noEmail } = await plan(em, filter, replaceLive, new Date());
  if (send.length > MAX_MATCHING_INVITES) throw new TooManyToInvite(send.length);
  if (!send.length) throw new NothingToInvite();
  const issued: IssuedInvite[] = [];
  let raced = 0;
  for (let i = 0; i < send.length; i += BATCH) {
    const batch = send.slice(i, i + BATCH).map((s) => s.id);
    const outcome = await invites.invite(em, viewer, batch, null, { replaceLive });
    issued.push(...outcome.issued);
    // Invited by someone else meanwhile: now live, so skipped like the others.
    raced += outcome.skipped.length;
  }
  return { issued, skippedLive: replaceLive ? 0 : live + raced, skippedNoEmail: noEmail };
}
