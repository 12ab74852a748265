/**
 * Supplier list at scale (prints figures; not a test).
 *   pnpm --filter @vouch/server bench:list [suppliers=100000]
 * One organisation with N suppliers (a few with invites awaiting review, drift, failed syncs), then the real
 * GraphQL `suppliers` query over HTTP (the SPA's list fields, hasBankDetailDrift included): first page, a page
 * deep in the list by cursor, each filter, and search. Beside each, the same page and total count as raw SQL
 * (one page statement with the bank-drift flag, one count) on a plain pg connection, measured interleaved in
 * the same run; the ratio is GraphQL over HTTP ÷ raw. Reports the median and p95 of 30 runs each.
 */
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { signUpBuyer, startTestApp } from '../../packages/server/src/testing/index.js';
import { supplierCursorForId } from '../../packages/server/src/suppliers/supplier.service.js';

// pg as the server has it (bench/ has no node_modules of its own).
const pg = createRequire(new URL('../../packages/server/package.json', import.meta.url))('pg') as typeof import('pg');
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
      totalCount edges { cursor node { id name email createdAt status hasBankDetailDrift hasDrift inviteStatus awaitingReview syncStatus paymentHoldUntil } }
      pageInfo { hasNextPage endCursor } } }`;
  const run = async (vars: Record<string, unknown>) => {
    const res = await buyer.client.request<{ suppliers: { totalCount: number; pageInfo: { endCursor: string } } }>(QUERY, { first: 50, ...vars });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.suppliers;
  };
  // A cursor half-way down the list.
  const [{ id: midId }] = await conn.execute<{ id: string }[]>('select id from suppliers where organisation_id = ? order by id desc offset ? limit 1', [
    org,
    Math.floor(N / 2),
  ]);
  const deepCursor = supplierCursorForId(midId);

  // The same page as raw SQL: what the list needs at the least (page rows with the bank-drift flag, and the count).
  const raw = new pg.Client({ connectionString: app.databaseUrl });
  await raw.connect();
  const COLS = `s.id, s.name, s.email, s.created_at, s.status, s.has_drift, s.invite_status, s.awaiting_review, s.sync_status, s.payment_hold_until,
    exists (select 1 from supplier_drift d where d.supplier_id = s.id and d.resolved_at is null and d.is_bank_detail) as has_bank_detail_drift`;
  const rawRun = async (vars: Record<string, unknown>) => {
    const where = ['s.organisation_id = $1'];
    const params: unknown[] = [org];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    where.push(`s.status = 'ACTIVE'`);
    if (vars.awaitingReview) where.push('s.awaiting_review');
    if (vars.hasDrift) where.push('s.has_drift');
    if (vars.inviteStatus) add('s.invite_status = ?', vars.inviteStatus);
    if (vars.syncStatus) add('s.sync_status = ?', vars.syncStatus);
    if (vars.search) add('lower(s.name) like ?', `%${String(vars.search).toLowerCase()}%`);
    const countSql = `select count(*) from suppliers s where ${where.join(' and ')}`;
    const countParams = [...params];
    if (vars.afterId) add('s.id < ?', vars.afterId);
    const order = vars.sort === 'NAME_ASC' ? 's.name asc, s.id asc' : 's.id desc';
    const page = await raw.query(`select ${COLS} from suppliers s where ${where.join(' and ')} order by ${order} limit 51`, params);
    const count = await raw.query(countSql, countParams);
    void page;
    return Number(count.rows[0].count);
  };

  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['first page', {}, {}],
    ['page 1,000 deep (cursor)', { after: deepCursor }, { afterId: midId }],
    ['awaiting review', { awaitingReview: true }, { awaitingReview: true }],
    ['with Xero drift', { hasDrift: true }, { hasDrift: true }],
    ['invite status SENT', { inviteStatus: 'SENT' }, { inviteStatus: 'SENT' }],
    ['sync FAILED', { syncStatus: 'FAILED' }, { syncStatus: 'FAILED' }],
    ['search "supplier 4242"', { search: 'supplier 4242' }, { search: 'supplier 4242' }],
    ['search "ab12"', { search: 'ab12' }, { search: 'ab12' }],
    ['sorted by name, first page', { sort: 'NAME_ASC' }, { sort: 'NAME_ASC' }],
  ];
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1/5/15 min)`,
  );
  console.log(`${'case'.padEnd(28)} GraphQL over HTTP (median, p95)  raw SQL page + count (median, p95)  ratio of medians`);
  for (const [label, vars, rawVars] of cases) {
    const times: number[] = [];
    const rawTimes: number[] = [];
    let total = 0;
    let rawTotal = 0;
    // Interleaved, so both see the same load.
    for (let i = 0; i < 30; i++) {
      t = performance.now();
      total = (await run(vars)).totalCount;
      times.push(performance.now() - t);
      t = performance.now();
      rawTotal = await rawRun(rawVars);
      rawTimes.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rawTimes.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(28)} ${times[15]!.toFixed(1).padStart(6)} ms, ${times[28]!.toFixed(1).padStart(6)} ms        ` +
        `${rawTimes[15]!.toFixed(1).padStart(6)} ms, ${rawTimes[28]!.toFixed(1).padStart(6)} ms                  ${(times[15]! / rawTimes[15]!).toFixed(2)}×` +
        `  (totalCount ${total}${total === rawTotal ? '' : ` ≠ raw ${rawTotal}`})`,
    );
  }
  await raw.end();
} finally {
  await app.close();
}
