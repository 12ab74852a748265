import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../accounts/role.js';
import { signedInColleague, graphqlClient, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { csvCell } from './audit.routes.js';

/**
 * The organisation's audit log over GraphQL and CSV: organisation events (sign-ins, settings, API keys) next to
 * supplier events, filters by person, type and date, keyset pages, who may read it, and a CSV that a
 * spreadsheet cannot be tricked into running.
 */

const LOG = `query($first: Int, $after: String, $actorId: ID, $kind: String, $from: DateTimeISO, $to: DateTimeISO) {
  organisationAuditEvents(first: $first, after: $after, actorId: $actorId, kind: $kind, from: $from, to: $to) {
    edges { cursor node { id at kind summary actorType actorId actorLabel supplier { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
type Node = {
  id: string;
  at: string;
  kind: string;
  summary: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  supplier: { id: string; name: string } | null;
};
type Page = { organisationAuditEvents: { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }';

let app: TestApp;
let admin: Awaited<ReturnType<typeof signUpBuyer>>;
let approver: { id: string; client: ReturnType<typeof graphqlClient> };
let viewerClient: ReturnType<typeof graphqlClient>;
let supplierId: string;
let readKey: string;
// A name a spreadsheet would run as a formula.
const FORMULA_NAME = '=HYPERLINK("http://evil.example","Ada")';

async function colleague(role: Role, name: string) {
  const { id, client } = await signedInColleague(app, admin.user.organisation.id, { role: role as keyof typeof Role, name });
  return { id, client };
}

beforeAll(async () => {
  app = await startTestApp();
  admin = await signUpBuyer(app.url, { name: FORMULA_NAME });
  // What the organisation did: a supplier, settings, a key made and revoked, a wrong password, sign-out and in.
  supplierId = (
    await admin.client.request<{ createSupplier: { id: string } }>(
      'mutation { createSupplier(input: { name: "Acme Widgets Ltd", email: "ap@acme.example" }) { id } }',
    )
  ).data!.createSupplier.id;
  await admin.client.request('mutation { updateOrganisationSettings(requireSecondApproverForBankChanges: true, paymentHoldDays: 5) { id } }');
  const key = await admin.client.request<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
    'mutation { createApiKey(name: "Ledger sync", scope: READ) { apiKey { id } secret } }',
  );
  await admin.client.request('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.data!.createApiKey.apiKey.id });
  readKey = (await admin.client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "Auditor tool", scope: READ) { secret } }')).data!
    .createApiKey.secret;
  await graphqlClient(app.url).request(SIGN_IN, { i: { email: admin.input.email, password: 'wrong password!' } });
  await admin.client.request('mutation { signOut }');
  await admin.client.request(SIGN_IN, { i: { email: admin.input.email, password: admin.input.password } });
  approver = await colleague(Role.APPROVER, 'Priya Approver');
  viewerClient = (await colleague(Role.VIEWER, 'Vic Viewer')).client;
});
afterAll(async () => {
  await app?.close();
});

async function all(client: ReturnType<typeof graphqlClient>, filter: Record<string, unknown> = {}, first = 200): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const res: Awaited<ReturnType<typeof client.request<Page>>> = await client.request<Page>(LOG, { first, after, ...filter });
    expect(res.errors).toBeUndefined();
    const page = res.data!.organisationAuditEvents;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe('organisation audit log', () => {
  it('lists organisation and supplier events newest first, with who did them', async () => {
    const nodes = await all(admin.client);
    const kinds = nodes.map((n) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['SUPPLIER_CREATED', 'SETTINGS_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'SIGN_IN_FAILED', 'SIGNED_OUT', 'SIGNED_IN']),
    );
    expect(nodes.map((n) => n.id)).toEqual(
      nodes
        .map((n) => n.id)
        .toSorted()
        .toReversed(),
    );
    const settings = nodes.find((n) => n.kind === 'SETTINGS_CHANGED')!;
    expect(settings).toMatchObject({ actorType: 'USER', actorId: admin.user.id, supplier: null });
    expect(settings.summary).toContain('second approver for bank changes: on; payment hold days: 5');
    expect(nodes.find((n) => n.kind === 'SUPPLIER_CREATED')!.supplier).toEqual({ id: supplierId, name: 'Acme Widgets Ltd' });
    expect(nodes.find((n) => n.kind === 'API_KEY_REVOKED')!.summary).toContain('Ledger sync');
    // Keys are named, never shown.
    expect(JSON.stringify(nodes)).not.toContain(readKey);
    expect(JSON.stringify(nodes)).not.toContain('wrong password!');
  });

  it('pages by keyset without gaps or repeats, and filters by person, type and date', async () => {
    const everything = await all(admin.client);
    const paged = await all(admin.client, {}, 2);
    expect(paged.map((n) => n.id)).toEqual(everything.map((n) => n.id));

    const mine = await all(admin.client, { actorId: approver.id });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((n) => n.actorId === approver.id && n.kind === 'SIGNED_IN')).toBe(true);
    const keys = await all(admin.client, { kind: 'API_KEY_CREATED' });
    expect(keys.map((n) => n.summary)).toEqual([expect.stringContaining('Auditor tool'), expect.stringContaining('Ledger sync')]);

    const middle = everything[Math.floor(everything.length / 2)]!;
    const before = await all(admin.client, { to: middle.at });
    expect(before.every((n) => new Date(n.at) < new Date(middle.at))).toBe(true);
    const since = await all(admin.client, { from: middle.at });
    expect(since.every((n) => new Date(n.at) >= new Date(middle.at))).toBe(true);
    expect(before.length + since.length).toBe(everything.length);
    expect(await all(admin.client, { from: new Date(Date.now() + 86_400_000).toISOString() })).toEqual([]);

    const filters = await admin.client.request<{ organisationAuditFilters: { people: { id: string; name: string }[]; kinds: string[] } }>(
      '{ organisationAuditFilters { people { id name } kinds } }',
    );
    expect(filters.data!.organisationAuditFilters.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Priya Approver', FORMULA_NAME]));
    expect(filters.data!.organisationAuditFilters.kinds).toEqual(expect.arrayContaining(['SETTINGS_CHANGED', 'SIGNED_IN']));
  });

  it('explains bad input', async () => {
    const backwards = await admin.client.request(LOG, { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to', message: 'The end date is before the start date.' }],
    });
    const cursor = await admin.client.request(LOG, { after: 'not-a-cursor' });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    const person = await admin.client.request(LOG, { actorId: 'nobody' });
    expect(person.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'actorId' }] });
    const kind = await admin.client.request(LOG, { kind: "x' or 1=1" });
    expect(kind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'kind' }] });
    const many = await admin.client.request(LOG, { first: 500 });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
  });

  it('is for admins, approvers and API keys of the organisation only', async () => {
    expect((await approver.client.request(LOG)).errors).toBeUndefined();
    expect((await viewerClient.request(LOG)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tool = graphqlClient(app.url, { headers: { authorization: `Bearer ${readKey}` } });
    expect((await all(tool)).map((n) => n.id)).toEqual((await all(admin.client)).map((n) => n.id));
    const other = await signUpBuyer(app.url);
    const theirs = await all(other.client);
    expect(theirs.every((n) => n.actorId === other.user.id || n.actorId === null)).toBe(true);
    expect(JSON.stringify(theirs)).not.toContain('Acme Widgets');
  });
});

describe('audit log CSV', () => {
  const csv = (query: string, headers: Record<string, string>) => fetch(`${app.url}/api/audit.csv${query}`, { headers });

  it('exports the filtered log with formulas defused', async () => {
    const res = await csv('?kind=SETTINGS_CHANGED', { cookie: admin.client.cookie! });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('"time","kind","actor_type","actor","supplier","summary","before","after"');
    expect(lines).toHaveLength(2);
    // The actor's name would run as a formula in a spreadsheet: it starts with a quote instead.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Ada"")"`);
    expect(lines[1]).toContain('"SETTINGS_CHANGED"');

    const everything = await (await csv('', { authorization: `Bearer ${readKey}` })).text();
    expect(everything).toContain('SIGN_IN_FAILED');
    expect(everything).toContain('Acme Widgets Ltd');
  });

  it('refuses strangers, viewers and bad filters clearly', async () => {
    expect((await csv('', {})).status).toBe(401);
    expect((await csv('', { cookie: viewerClient.cookie! })).status).toBe(403);
    const bad = await csv('?from=yesterday', { cookie: admin.client.cookie! });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'from', message: 'Enter a valid date.' }] });
  });

  it('defuses every formula lead, including full-width ones', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']) expect(csvCell(`${lead}1+1`)).toBe(`"'${lead}1+1"`);
    expect(csvCell('Plain "text"')).toBe('"Plain ""text"""');
  });
});
