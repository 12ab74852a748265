import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { MaxLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ValidationFailed, type FieldProblem } from '../common/app-error.js';
import { InviteStatus } from '../invites/invite-status.js';
import { OutboxStatus } from '../sync/outbox/outbox-status.js';
import { BankDetailsState, bankStateSql } from './bank-state.js';
import { SupplierStatus, type Supplier } from './supplier.entity.js';

/** "Expiring soon": a live invite whose link stops working within this many days. */
export const INVITE_EXPIRING_SOON_DAYS = 3;
const LIVE_INVITE: readonly InviteStatus[] = [InviteStatus.SENT, InviteStatus.OPENED, InviteStatus.VERIFIED];

/**
 * Which suppliers: the same filters as the `suppliers` list, for what acts on "everyone matching" (bulk invite)
 * and for the counts. Unset fields do not filter; a false boolean means "only those without".
 */
@InputType({ description: 'Which suppliers (the same filters as the suppliers list).' })
export class SupplierFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name (case-insensitive).' })
  @MaxLength(255, { message: 'Search for at most 255 characters.' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include suppliers archived in Xero (default false).' })
  includeArchived?: boolean | null;

  @Field(() => InviteStatus, { nullable: true, description: 'The latest invite’s status.' })
  inviteStatus?: InviteStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: never invited. false: invited at least once.' })
  notInvited?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: `true: a live invite whose link stops working within ${INVITE_EXPIRING_SOON_DAYS} days.` })
  inviteExpiringSoon?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  awaitingReview?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  hasDrift?: boolean | null;

  @Field(() => OutboxStatus, { nullable: true, description: 'The latest accepted change’s push to Xero.' })
  syncStatus?: OutboxStatus | null;

  @Field(() => BankDetailsState, { nullable: true })
  bankState?: BankDetailsState | null;
}

export type SupplierFilter = Omit<SupplierFilterInput, never>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Contradictions are refused rather than answered with an empty list (a sign the caller misread a field). */
export function checkFilter(filter: SupplierFilter): void {
  const problems: FieldProblem[] = [];
  if (filter.notInvited && filter.inviteStatus)
    problems.push({ field: 'notInvited', message: 'A supplier never invited has no invite status: use one or the other.' });
  if (filter.notInvited && filter.inviteExpiringSoon)
    problems.push({ field: 'inviteExpiringSoon', message: 'A supplier never invited has no invite to expire.' });
  if ((filter.search?.length ?? 0) > 255) problems.push({ field: 'search', message: 'Search for at most 255 characters.' });
  if (problems.length) throw new ValidationFailed(problems);
}

/** The ORM condition for a filter (each part is served by an index on `suppliers`; see supplier.entity.ts). */
export function supplierWhere(filter: SupplierFilter, now: Date): FilterQuery<Supplier> {
  checkFilter(filter);
  const and: FilterQuery<Supplier>[] = [];
  if (!filter.includeArchived) and.push({ status: SupplierStatus.ACTIVE });
  const search = filter.search?.trim().toLowerCase();
  // lower(name) LIKE '%…%' is served by the trigram index suppliers_name_trgm_idx.
  if (search) and.push({ [raw((alias) => `lower(${alias}.name)`)]: { $like: `%${escapeLike(search)}%` } } as FilterQuery<Supplier>);
  if (filter.inviteStatus) and.push({ inviteStatus: filter.inviteStatus });
  if (filter.notInvited === true) and.push({ inviteStatus: null });
  if (filter.notInvited === false) and.push({ inviteStatus: { $ne: null } });
  if (filter.inviteExpiringSoon === true) and.push({ inviteStatus: { $in: [...LIVE_INVITE] }, inviteExpiresAt: { $gt: now, $lte: soon(now) } });
  if (filter.inviteExpiringSoon === false) {
    and.push({
      $or: [
        { inviteStatus: { $nin: [...LIVE_INVITE] } },
        { inviteStatus: null },
        { inviteExpiresAt: null },
        { inviteExpiresAt: { $lte: now } },
        { inviteExpiresAt: { $gt: soon(now) } },
      ],
    });
  }
  if (filter.awaitingReview !== undefined && filter.awaitingReview !== null) and.push({ awaitingReview: filter.awaitingReview });
  if (filter.hasDrift !== undefined && filter.hasDrift !== null) and.push({ hasDrift: filter.hasDrift });
  if (filter.syncStatus) and.push({ syncStatus: filter.syncStatus });
  if (filter.bankState) and.push(bankStateWhere(filter.bankState, now));
  return and.length === 1 ? and[0]! : { $and: and };
}

const soon = (now: Date) => new Date(now.getTime() + INVITE_EXPIRING_SOON_DAYS * 86_400_000);

function bankStateWhere(state: BankDetailsState, now: Date): FilterQuery<Supplier> {
  const notOnHold = { $or: [{ paymentHoldUntil: null }, { paymentHoldUntil: { $lte: now } }] };
  switch (state) {
    case BankDetailsState.CHANGED:
      return { bankState: BankDetailsState.CHANGED };
    case BankDetailsState.ON_HOLD:
      return { bankState: { $ne: BankDetailsState.CHANGED }, paymentHoldUntil: { $gt: now } };
    default:
      return { $and: [{ bankState: state }, notOnHold] };
  }
}

@ObjectType()
export class InviteStatusCount {
  @Field(() => InviteStatus) status!: InviteStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class SyncStatusCount {
  @Field(() => OutboxStatus) status!: OutboxStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class BankStateCount {
  @Field(() => BankDetailsState) state!: BankDetailsState;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How many suppliers each filter would show, within the same search and archived choice (one query).' })
export class SupplierFilterCounts {
  @Field(() => Int, { description: 'Every supplier within the search.' }) total!: number;
  @Field(() => Int) notInvited!: number;
  @Field(() => Int) inviteExpiringSoon!: number;
  @Field(() => Int) awaitingReview!: number;
  @Field(() => Int) hasDrift!: number;
  @Field(() => [InviteStatusCount]) byInviteStatus!: InviteStatusCount[];
  @Field(() => [SyncStatusCount]) bySyncStatus!: SyncStatusCount[];
  @Field(() => [BankStateCount]) byBankState!: BankStateCount[];
}

const INVITE_STATUSES = Object.values(InviteStatus);
const SYNC_STATUSES = [OutboxStatus.PENDING, OutboxStatus.SYNCING, OutboxStatus.SYNCED, OutboxStatus.FAILED];
const BANK_STATES = Object.values(BankDetailsState);

/**
 * Every filter's count in one grouped statement (FILTER clauses over the organisation's suppliers within the
 * search), not one query per filter: at 100,000 suppliers that is one scan instead of twenty.
 */
export async function countSupplierFilters(
  em: EntityManager,
  organisationId: string,
  scope: Pick<SupplierFilter, 'search' | 'includeArchived'>,
  now: Date,
): Promise<SupplierFilterCounts> {
  checkFilter(scope);
  const params: unknown[] = [];
  const columns: string[] = ['count(*)::int as total'];
  const column = (name: string, condition: string, ...values: unknown[]) => {
    columns.push(`count(*) filter (where ${condition})::int as "${name}"`);
    params.push(...values);
  };
  column('notInvited', 's.invite_status is null');
  column('inviteExpiringSoon', `s.invite_status in ('SENT', 'OPENED', 'VERIFIED') and s.invite_expires_at > ? and s.invite_expires_at <= ?`, now, soon(now));
  column('awaitingReview', 's.awaiting_review');
  column('hasDrift', 's.has_drift');
  for (const status of INVITE_STATUSES) column(`invite:${status}`, `s.invite_status = '${status}'`);
  for (const status of SYNC_STATUSES) column(`sync:${status}`, `s.sync_status = '${status}'`);
  for (const state of BANK_STATES) column(`bank:${state}`, bankStateSql(state), ...(state === BankDetailsState.CHANGED ? [] : [now]));
  const where = ['s.organisation_id = ?'];
  params.push(organisationId);
  if (!scope.includeArchived) where.push(`s.status = 'ACTIVE'`);
  const search = scope.search?.trim().toLowerCase();
  if (search) {
    where.push(`lower(s.name) like ?`);
    params.push(`%${escapeLike(search)}%`);
  }
  const [row] = await em
    .getConnection()
    .execute<Record<string, number>[]>(`select ${columns.join(', ')} from suppliers s where ${where.join(' and ')}`, params, 'all', em.getTransactionContext());
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    total: n('total'),
    notInvited: n('notInvited'),
    inviteExpiringSoon: n('inviteExpiringSoon'),
    awaitingReview: n('awaitingReview'),
    hasDrift: n('hasDrift'),
    byInviteStatus: INVITE_STATUSES.map((status) => ({ status, count: n(`invite:${status}`) })),
    bySyncStatus: SYNC_STATUSES.map((status) => ({ status, count: n(`sync:${status}`) })),
    byBankState: BANK_STATES.map((state) => ({ state, count: n(`bank:${state}`) })),
  };
}
