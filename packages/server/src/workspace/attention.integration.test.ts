import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invite } from '../invites/invite.entity.js';
import { InviteStatus } from '../invites/invite-status.js';
import { ChangeRequest, ChangeRequestStatus } from '../review/change-request.entity.js';
import { OutboxEntry, OutboxStatus } from '../sync/outbox/outbox-entry.entity.js';
import { refreshSupplierFlags } from '../suppliers/supplier-flags.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { graphqlClient, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { TOPICS } from '../graphql/pubsub.js';

/**
 * The home page's "what needs me": each count is the size of the list it links to, and the counts reach an
 * open page live when a submission arrives (the supplier's call, on its own connection), for that organisation
 * only.
 */

const ATTENTION = `awaitingReview awaitingReviewBankChanges awaitingReviewHighRisk failedSyncs invitesLocked invitesExpiringSoon paymentHolds
  xero { status needsAttention }`;
const DAY = 86_400_000;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function attention(client: ReturnType<typeof graphqlClient>): Promise<Record<string, unknown>> {
  const res = await client.request<{ attention: Record<string, unknown> }>(`{ attention { ${ATTENTION} } }`);
  expect(res.errors).toBeUndefined();
  return res.data!.attention;
}

async function totalCount(client: ReturnType<typeof graphqlClient>, args: string): Promise<number> {
  const res = await client.request<{ suppliers: { totalCount: number } }>(`{ suppliers(${args}) { totalCount } }`);
  expect(res.errors).toBeUndefined();
  return res.data!.suppliers.totalCount;
}

describe('attention counts', () => {
  it('counts what needs someone, each matching the list it links to', async () => {
    const buyer = await signUpBuyer(app.url);
    const orgId = buyer.user.organisation.id;
    const em = app.services.em(orgId);
    const now = new Date();
    const make = (name: string, extra: Partial<Supplier> = {}) =>
      em.create(Supplier, { organisation: orgId, name, email: `${name.replace(/\W/g, '')}@example.com`, ...extra });
    const risky = make('Risky Ltd', { bankAccountDetails: '20-00-00 12345678' });
    const plain = make('Plain Ltd');
    const failed = make('Failed Ltd');
    const locked = make('Locked Ltd');
    const expiring = make('Expiring Ltd');
    const held = make('Held Ltd', { paymentHoldUntil: new Date(now.getTime() + 3 * DAY), bankAccountDetails: '20-00-00 22345678' });
    em.create(ChangeRequest, {
      organisation: orgId,
      supplier: risky,
      status: ChangeRequestStatus.PENDING,
      changesBankDetails: true,
      submittedAt: now,
      proposed: { bankAccountDetails: '30-00-00 11111111' },
      baseline: {},
      riskSignals: [{ code: 'NEW_BANK_COUNTRY', level: 'HIGH', message: 'The new bank is in another country.' }],
    });
    em.create(ChangeRequest, {
      organisation: orgId,
      supplier: plain,
      status: ChangeRequestStatus.PENDING,
      changesBankDetails: false,
      submittedAt: now,
      proposed: { name: 'Plainer Ltd' },
      baseline: {},
    });
    em.create(OutboxEntry, {
      organisation: orgId,
      supplier: failed,
      sequence: 1,
      payload: { name: 'Failed Ltd' },
      idempotencyKey: `k-${randomBytes(4).toString('hex')}`,
      status: OutboxStatus.FAILED,
      lastError: 'Xero said no',
    });
    const invite = (supplier: Supplier, status: InviteStatus, expiresAt: Date) =>
      em.create(Invite, {
        organisation: orgId,
        supplier,
        email: supplier.email!,
        tokenHash: randomBytes(32).toString('hex'),
        status,
        expiresAt,
        invitedBy: buyer.user.id,
        emailed: false,
        lastSentAt: now,
      });
    invite(locked, InviteStatus.LOCKED, new Date(now.getTime() + 10 * DAY));
    invite(expiring, InviteStatus.OPENED, new Date(now.getTime() + DAY));
    await em.flush();
    await refreshSupplierFlags(
      em,
      [risky, plain, failed, locked, expiring, held].map((s) => s.id),
    );

    const counts = await attention(buyer.client);
    expect(counts).toEqual({
      awaitingReview: 2,
      awaitingReviewBankChanges: 1,
      awaitingReviewHighRisk: 1,
      failedSyncs: 1,
      invitesLocked: 1,
      invitesExpiringSoon: 1,
      paymentHolds: 1,
      xero: { status: null, needsAttention: true },
    });
    // Each count is what its link shows.
    expect(await totalCount(buyer.client, 'awaitingReview: true')).toBe(2);
    expect(await totalCount(buyer.client, 'syncStatus: FAILED')).toBe(1);
    expect(await totalCount(buyer.client, 'inviteStatus: LOCKED')).toBe(1);
    expect(await totalCount(buyer.client, 'inviteExpiringSoon: true')).toBe(1);
    expect(await totalCount(buyer.client, 'bankState: ON_HOLD')).toBe(1);
    // And nothing of it is another organisation's.
    const other = await signUpBuyer(app.url);
    expect(await attention(other.client)).toMatchObject({ awaitingReview: 0, failedSyncs: 0, paymentHolds: 0 });
  });

  it('needs a session', async () => {
    const res = await graphqlClient(app.url).request('{ attention { awaitingReview } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('attention, live', () => {
  it('a submission arriving moves the open page’s count, for its organisation only', async () => {
    const buyer = await signUpBuyer(app.url);
    const other = await signUpBuyer(app.url);
    const key = async (client: ReturnType<typeof graphqlClient>) =>
      (await client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "home", scope: READ) { secret } }')).data!.createApiKey.secret;
    const created = await buyer.client.request<{ createSupplier: { id: string } }>(
      'mutation { createSupplier(input: { name: "Live Ltd", email: "live@example.com" }) { id } }',
    );
    const supplierId = created.data!.createSupplier.id;

    const seen: { mine: number[]; theirs: number[] } = { mine: [], theirs: [] };
    const clients = {
      mine: createClient({
        url: `${app.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${await key(buyer.client)}` },
        retryAttempts: 0,
      }),
      theirs: createClient({
        url: `${app.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${await key(other.client)}` },
        retryAttempts: 0,
      }),
    };
    const subscribed: Promise<void>[] = [];
    for (const who of ['mine', 'theirs'] as const) {
      subscribed.push(
        new Promise((resolve) => {
          clients[who].on('connected', () => resolve());
          clients[who].subscribe(
            { query: 'subscription { attentionUpdated { awaitingReview } }' },
            {
              next: (m) => seen[who].push((m.data as { attentionUpdated: { awaitingReview: number } }).attentionUpdated.awaitingReview),
              error: () => {},
              complete: () => {},
            },
          );
        }),
      );
    }
    await Promise.all(subscribed);
    // Until the subscription is registered on the server, events pass it by: nudge until one arrives.
    await expect
      .poll(
        async () => {
          await app.services.pubsub.publish(TOPICS.ATTENTION_CHANGED, { organisationId: buyer.user.organisation.id });
          return seen.mine.length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    expect(seen.mine.at(-1)).toBe(0);
    const invited = await buyer.client.request<{ inviteSuppliers: { link: string }[] }>(
      'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { link } }',
      { ids: [supplierId] },
    );

    // The supplier answers through its link (its own connection, no buyer session).
    const token = new URLSearchParams(new URL(invited.data!.inviteSuppliers[0]!.link).hash.slice(1)).get('token')!;
    const supplier = graphqlClient(app.url);
    const code = (
      await supplier.request<{ sendSupplierCode: { devCode: string } }>('mutation($t: String!) { sendSupplierCode(token: $t) { devCode } }', { t: token })
    ).data!.sendSupplierCode.devCode;
    await supplier.request('mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', { t: token, c: code });
    const submitted = await supplier.request(
      'mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }',
      {
        t: token,
        i: { name: 'Live Trading Ltd', email: 'live@example.com' },
      },
    );
    expect(submitted.errors).toBeUndefined();

    await expect.poll(() => seen.mine.at(-1), { timeout: 10_000 }).toBe(1);
    expect(seen.theirs).toEqual([]);
    await Promise.all([clients.mine.dispose(), clients.theirs.dispose()]);
  });
});
