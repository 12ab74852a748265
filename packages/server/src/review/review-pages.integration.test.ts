import { Cursor } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/audit.service.js';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { ChangeRequest, ChangeRequestStatus } from './change-request.entity.js';

/**
 * Keyset pages of the review screens, served by the services (findByCursor): every submission and every
 * history entry exactly once, newest first, across pages; a crafted cursor is INVALID_CURSOR, not a 500.
 */

const REQUESTS = `query($after: String, $status: ChangeRequestStatus) {
  changeRequests(first: 2, after: $after, status: $status) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } }
}`;
const HISTORY = `query($id: ID!, $after: String) {
  supplier(id: $id) { auditEvents(first: 2, after: $after) { edges { cursor node { id summary } } pageInfo { hasNextPage endCursor } } }
}`;
type Connection = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

let app: TestApp;
let buyer: Awaited<ReturnType<typeof signUpBuyer>>;
let supplierId: string;
const requestIds: string[] = [];
const historyIds: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  buyer = await signUpBuyer(app.url);
  supplierId = (await buyer.client.request<{ createSupplier: { id: string } }>('mutation { createSupplier(input: { name: "Paged Supplies Ltd" }) { id } }'))
    .data!.createSupplier.id;
  // Seeded (what lies before the journey): five decided submissions, the last two accepted, and six history lines.
  const orgId = buyer.user.organisation.id;
  const em = app.services.em(orgId);
  for (let i = 0; i < 5; i++) {
    const request = em.create(ChangeRequest, {
      organisation: orgId,
      supplier: supplierId,
      status: i < 3 ? ChangeRequestStatus.REJECTED : ChangeRequestStatus.ACCEPTED,
      proposed: {},
      baseline: {},
      changesBankDetails: false,
      submittedAt: new Date(),
    });
    await em.flush();
    requestIds.unshift(request.id);
  }
  for (let i = 0; i < 5; i++) recordAudit(em, { organisationId: orgId, supplierId, actor: { type: 'SYSTEM' }, kind: 'NOTE', summary: `line ${i}` });
  await em.flush();
  const rows = await em.getConnection().execute<{ id: string }[]>('select id from audit_events where supplier_id = ? order by id desc', [supplierId]);
  historyIds.push(...rows.map((r) => r.id));
});
afterAll(async () => {
  await app?.close();
});

async function walk(read: (after: string | null) => Promise<Connection>): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const connection = await read(after);
    seen.push(...connection.edges.map((e) => e.node.id));
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
    if (!connection.pageInfo.hasNextPage) return seen;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('more pages than rows');
}

describe('review pages', () => {
  it('changeRequests: every submission once, newest first, with and without a status filter', async () => {
    const all = await walk(async (after) => (await buyer.client.request<{ changeRequests: Connection }>(REQUESTS, { after })).data!.changeRequests);
    expect(all).toEqual(requestIds);
    const accepted = await walk(
      async (after) => (await buyer.client.request<{ changeRequests: Connection }>(REQUESTS, { after, status: 'ACCEPTED' })).data!.changeRequests,
    );
    expect(accepted).toEqual(requestIds.slice(0, 2));
  });

  it('a supplier’s history: every line once, newest first', async () => {
    expect(historyIds.length).toBeGreaterThanOrEqual(6);
    const lines = await walk(
      async (after) => (await buyer.client.request<{ supplier: { auditEvents: Connection } }>(HISTORY, { id: supplierId, after })).data!.supplier.auditEvents,
    );
    expect(lines).toEqual(historyIds);
  });

  it('a crafted cursor is INVALID_CURSOR on both', async () => {
    for (const after of ['nonsense', Cursor.encode(['not-a-uuid']), Cursor.encode([requestIds[0], 'extra'])]) {
      const requests = await buyer.client.request(REQUESTS, { after });
      expect(requests.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
      const history = await buyer.client.request(HISTORY, { id: supplierId, after });
      expect(history.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    }
  });
});
