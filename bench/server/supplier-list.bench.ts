/**
 * Supplier list at scale (prints figures; not a test).
 *   pnpm --filter @vouch/server bench:list [suppliers=100000]
 * One organisation with N suppliers (a few with invites awaiting review, drift, failed syncs), then the real
 * GraphQL `suppliers` query over HTTP: first page, a page deep in the list by cursor, each filter, and search.
 * Reports the median and p95 of 30 runs each.
 */
import { signUpBuyer, startTestApp } from '../../packages/server/src/testing/index.js';
import { supplierCursorForId } from '../../packages/server/src/suppliers/supplier.service.js';

const N = Number(process.argv[2] ?? 100_000);
const app = await startTestApp({ env: { LOG_LEVEL: 'warn' } });
try {
  const buyer = await signUpBuyer(app.url);
  const org = buyer.user.organisation.id;
  const conn = app.orm.em.getConnection();
  let t = performance.now();
  // uuidv7-like ids in creation order: a time prefix, then random.
  await conn.execute(
    `insert into suppliers (id, organisation_id, name, email, phones, addresses, contact_persons, status, awaiting_review, has_drift, invite_status, sync_status)
     select (lpad(to_hex(1700000000000 + g), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8' || substr(md5(g::text), 4, 15))::uuid,
            ?, 'Supplier ' || g || ' ' || substr(md5(g::text), 1, 8), 'ap' || g || '@example.com', '[]', '[]', '[]',
            case when g % 50 = 0 then 'ARCHIVED'::supplier_status else 'ACTIVE'::supplier_status end,
            g % 997 = 0, g % 401 = 0,
            case when g % 7 = 0 then 'SENT'::invite_status when g % 13 = 0 then 'SUBMITTED'::invite_status end,
            case when g % 11 = 0 then 'SYNCED'::outbox_status when g % 1009 = 0 then 'FAILED'::outbox_status end
       from generate_series(1, ?) g`,
    [org, N],
  );
  await conn.execute('analyze suppliers');
  console.log(`inserted ${N} suppliers in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const QUERY = `query($first: Int!, $after: String, $search: String, $inviteStatus: InviteStatus, $awaitingReview: Boolean, $hasDrift: Boolean, $syncStatus: SyncStatus, $sort: SupplierSort) {
    suppliers(first: $first, after: $after, search: $search, inviteStatus: $inviteStatus, awaitingReview: $awaitingReview, hasDrift: $hasDrift, syncStatus: $syncStatus, sort: $sort) {
      totalCount edges { cursor node { id name email inviteStatus awaitingReview hasDrift syncStatus } } pageInfo { hasNextPage endCursor } } }`;
  const run = async (vars: Record<string, unknown>) => {
    const res = await buyer.client.request<{ suppliers: { totalCount: number; pageInfo: { endCursor: string } } }>(QUERY, { first: 50, ...vars });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.suppliers;
  };
  // A cursor half-way down the list.
  const [{ id: midId }] = await conn.execute<{ id: string }[]>('select id from suppliers where organisation_id = ? order by id desc offset ? limit 1', [org, Math.floor(N / 2)]);
  const deepCursor = supplierCursorForId(midId);

  const cases: [string, Record<string, unknown>][] = [
    ['first page', {}],
    ['page 1,000 deep (cursor)', { after: deepCursor }],
    ['awaiting review', { awaitingReview: true }],
    ['with Xero drift', { hasDrift: true }],
    ['invite status SENT', { inviteStatus: 'SENT' }],
    ['sync FAILED', { syncStatus: 'FAILED' }],
    ['search "supplier 4242"', { search: 'supplier 4242' }],
    ['search "ab12"', { search: 'ab12' }],
    ['sorted by name, first page', { sort: 'NAME_ASC' }],
  ];
  for (const [label, vars] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 30; i++) {
      t = performance.now();
      total = (await run(vars)).totalCount;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(28)} median ${times[15]!.toFixed(1)} ms, p95 ${times[28]!.toFixed(1)} ms (totalCount ${total})`);
  }
} finally {
  await app.close();
}
