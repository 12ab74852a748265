import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { INVITE_EXPIRING_SOON_DAYS } from '../suppliers/supplier-filter.js';
import { XeroConnection, XeroConnectionStatus } from '../xero/xero-connection.entity.js';

@ObjectType({ description: 'The Xero connection as far as attention goes (the Integrations page has the rest).' })
export class XeroAttention {
  @Field(() => XeroConnectionStatus, { nullable: true, description: 'Null: Xero was never connected.' }) status!: XeroConnectionStatus | null;
  @Field(() => String, { nullable: true }) tenantName!: string | null;
  @Field(() => Boolean, { description: 'Not syncing: never connected, disconnected, or Xero refuses Vouch’s access (reconnect).' })
  needsAttention!: boolean;
  @Field(() => String, { nullable: true, description: 'The last sync problem, in words.' }) lastError!: string | null;
}

/**
 * What needs someone in the organisation, as counts (each the size of the list it links to): the home page and
 * the main navigation show them, live through `attentionUpdated`.
 */
@ObjectType('Attention')
export class Attention {
  @Field(() => Int, { description: 'Suppliers with a submission awaiting review.' }) awaitingReview!: number;
  @Field(() => Int, { description: 'Of those, submissions that change bank details.' }) awaitingReviewBankChanges!: number;
  @Field(() => Int, { description: 'Of those, high-risk bank changes (two approvers unless an admin overrides).' }) awaitingReviewHighRisk!: number;
  @Field(() => Int, { description: 'Accepted changes Xero refused or that Vouch found wrong afterwards (the Sync inbox).' }) failedSyncs!: number;
  @Field(() => Int, { description: 'Invites locked after too many wrong codes.' }) invitesLocked!: number;
  @Field(() => Int, { description: `Live invites whose link stops working within ${INVITE_EXPIRING_SOON_DAYS} days.` }) invitesExpiringSoon!: number;
  @Field(() => Int, { description: 'Suppliers whose newly changed bank details are within the payment hold.' }) paymentHolds!: number;
  @Field(() => XeroAttention) xero!: XeroAttention;
  @Field(() => GraphQLDateTimeISO, { description: 'When these were counted.' }) countedAt!: Date;
}

/** Two statements (suppliers, pending submissions) and the connection: cheap enough to run on every event. */
export async function countAttention(em: EntityManager, organisationId: string, now = new Date()): Promise<Attention> {
  const soon = new Date(now.getTime() + INVITE_EXPIRING_SOON_DAYS * 86_400_000);
  const connection = em.getConnection();
  const [[suppliers], [requests], xero] = await Promise.all([
    connection.execute<Record<string, number>[]>(
      `select count(*) filter (where status = 'ACTIVE' and awaiting_review)::int as awaiting,
              count(*) filter (where sync_status = 'FAILED')::int as failed,
              count(*) filter (where status = 'ACTIVE' and invite_status = 'LOCKED')::int as locked,
              count(*) filter (where status = 'ACTIVE' and invite_status in ('SENT', 'OPENED', 'VERIFIED') and invite_expires_at > ? and invite_expires_at <= ?)::int as expiring,
              count(*) filter (where status = 'ACTIVE' and bank_state <> 'CHANGED' and payment_hold_until > ?)::int as holds
         from suppliers where organisation_id = ?`,
      [now, soon, now, organisationId],
      'all',
      em.getTransactionContext(),
    ),
    connection.execute<Record<string, number>[]>(
      `select count(*) filter (where c.changes_bank_details)::int as bank,
              count(*) filter (where c.changes_bank_details and c.risk_signals @> '[{"level": "HIGH"}]'::jsonb)::int as high
         from change_requests c join suppliers s on s.id = c.supplier_id
        where c.organisation_id = ? and c.status = 'PENDING' and s.status = 'ACTIVE'`,
      [organisationId],
      'all',
      em.getTransactionContext(),
    ),
    em.findOne(XeroConnection, { organisation: organisationId }, { fields: ['status', 'tenantName', 'lastError'] }),
  ]);
  return {
    awaitingReview: suppliers?.awaiting ?? 0,
    awaitingReviewBankChanges: requests?.bank ?? 0,
    awaitingReviewHighRisk: requests?.high ?? 0,
    failedSyncs: suppliers?.failed ?? 0,
    invitesLocked: suppliers?.locked ?? 0,
    invitesExpiringSoon: suppliers?.expiring ?? 0,
    paymentHolds: suppliers?.holds ?? 0,
    xero: {
      status: xero?.status ?? null,
      tenantName: xero?.tenantName ?? null,
      needsAttention: !xero || xero.status !== XeroConnectionStatus.CONNECTED,
      lastError: xero?.lastError ?? null,
    },
    countedAt: now,
  };
}
