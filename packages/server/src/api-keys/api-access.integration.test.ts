/**
 * Every query and mutation in the schema, tried with another organisation's key and with a read-only key of
 * the right organisation: none may leak the other organisation's data or change anything it should not.
 * Operations are enumerated from the live schema, so a new operation is covered without editing this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, signUpBuyer, startTestApp, startTestSmtp, type TestApp } from '../testing/index.js';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type Field = { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef };
type FullType = {
  kind: string;
  name: string;
  fields: Field[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
};
let types: Map<string, FullType>;
let roots: { query: string; mutation: string };
const SECRET = 'Zebra Secret Supplies';
const ids: Record<string, string> = {};
let aAdmin: Awaited<ReturnType<typeof signUpBuyer>>;

beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, API_KEY_REQUESTS_PER_MINUTE: '1000' } });
  const ref = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
  const introspection = await graphqlClient(app.url).request<{ __schema: { queryType: { name: string }; mutationType: { name: string }; types: FullType[] } }>(
    `query { __schema { queryType { name } mutationType { name } types { kind name fields { name args { name type { ${ref} } } type { ${ref} } } inputFields { name type { ${ref} } } enumValues { name } } } }`,
  );
  types = new Map(introspection.data!.__schema.types.map((t) => [t.name, t]));
  roots = { query: introspection.data!.__schema.queryType.name, mutation: introspection.data!.__schema.mutationType.name };
  aAdmin = await signUpBuyer(app.url, { organisationName: 'Org A Ltd' });
  const created = await aAdmin.client.request<{ createSupplier: { id: string } }>(
    'mutation { createSupplier(input: { name: "' + SECRET + '", email: "zebra@a.example" }) { id } }',
  );
  ids.supplier = created.data!.createSupplier.id;
  const invited = await aAdmin.client.request<{ inviteSuppliers: { invite: { id: string } }[] }>(
    'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { invite { id } } }',
    { ids: [ids.supplier] },
  );
  ids.invite = invited.data!.inviteSuppliers[0]!.invite.id;
  const key = await aAdmin.client.request<{ createApiKey: { apiKey: { id: string } } }>(
    'mutation { createApiKey(name: "A tool", scope: READ) { apiKey { id } secret } }',
  );
  ids.apiKey = key.data!.createApiKey.apiKey.id;
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const typeString = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : t.name!);

/** A plausible value for an argument, aimed at organisation A's objects. */
function valueFor(name: string, type: TypeRef): unknown {
  if (type.kind === 'NON_NULL') return valueFor(name, type.ofType!);
  if (type.kind === 'LIST') return [valueFor(name, type.ofType!)];
  const full = types.get(type.name!)!;
  if (full.kind === 'INPUT_OBJECT') return Object.fromEntries(full.inputFields!.map((f) => [f.name, valueFor(f.name, f.type)]));
  if (full.kind === 'ENUM') return full.enumValues![0]!.name;
  if (full.name === 'ID') {
    if (/invite/i.test(name)) return ids.invite;
    if (/key/i.test(name)) return ids.apiKey;
    return ids.supplier;
  }
  if (full.name === 'Int') return 5;
  if (full.name === 'Boolean') return true;
  if (/email/i.test(name)) return 'probe@example.com';
  if (/contactId/i.test(name)) return ids.supplier;
  return 'probe-value-1234567890';
}

/** A selection that touches every scalar of the returned type (one level deep). */
function selection(field: Field): string {
  const full = types.get(named(field.type).name!)!;
  if (full.kind !== 'OBJECT') return '';
  const scalars = full
    .fields!.filter((f) => !f.args.some((a) => a.type.kind === 'NON_NULL') && ['SCALAR', 'ENUM'].includes(types.get(named(f.type).name!)!.kind))
    .map((f) => f.name);
  return `{ __typename ${scalars.join(' ')} }`;
}

function operations(kind: 'query' | 'mutation') {
  return types.get(roots[kind])!.fields!.map((field) => {
    const vars = field.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const document = `${kind} Probe${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
    const variables = Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.name, a.type)]));
    return { name: field.name, document, variables };
  });
}

/** Organisation A's state, to prove nothing changed. */
async function snapshotA(): Promise<string> {
  const conn = app.orm.em.getConnection();
  const org = aAdmin.user.organisation.id;
  const q = async (sql: string) => JSON.stringify(await conn.execute(sql, [org]));
  return [
    await q('select id, name, email, status, invite_status from suppliers where organisation_id = ? order by id'),
    await q('select id, status, token_hash, email from invites where organisation_id = ? order by id'),
    await q('select id, revoked_at from api_keys where organisation_id = ? order by id'),
    await q('select id, status from change_requests where organisation_id = ? order by id'),
    await q('select count(*) from outbox_entries where organisation_id = ?'),
    await q('select id, name, require_second_approver_for_bank_changes from organisations where id = ?'),
  ].join('\n');
}

let probes = 0;
async function keyFor(client: ReturnType<typeof graphqlClient>, scope: 'READ' | 'READ_WRITE'): Promise<string> {
  // Each key its own name: two live keys of one organisation never share one.
  const res = await client.request<{ createApiKey: { secret: string } }>(
    `mutation { createApiKey(name: "probe ${++probes}", scope: ${scope}, canReadBankDetails: true) { secret } }`,
  );
  return res.data!.createApiKey.secret;
}

describe('API keys across organisations and scopes', () => {
  it('another organisation’s key reads nothing of A and changes nothing of A, through every operation', async () => {
    const b = await signUpBuyer(app.url, { organisationName: 'Org B Ltd' });
    const bKey = await keyFor(b.client, 'READ_WRITE');
    const client = graphqlClient(app.url, { headers: { authorization: `Bearer ${bKey}` } });
    const before = await snapshotA();
    const all = [...operations('query'), ...operations('mutation')];
    expect(all.length).toBeGreaterThan(20);
    for (const op of all) {
      const res = await client.request(op.document, op.variables);
      // The probe must reach the resolver (a malformed probe would prove nothing), and be refused or answered,
      // never meet an internal error.
      expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'INTERNAL_SERVER_ERROR'], `${op.name}: ${JSON.stringify(res.errors)}`).not.toContain(
        res.errors?.[0]?.extensions?.code,
      );
      const text = JSON.stringify(res.data ?? null);
      expect(text, op.name).not.toContain(SECRET);
      expect(text, op.name).not.toContain(ids.invite);
      expect(text, op.name).not.toContain('zebra@a.example');
    }
    expect(await snapshotA()).toBe(before);
  });

  it('a READ key of the same organisation can read but no mutation acts', async () => {
    const readKey = await keyFor(aAdmin.client, 'READ');
    const client = graphqlClient(app.url, { headers: { authorization: `Bearer ${readKey}` } });
    const listed = await client.request<{ suppliers: { edges: { node: { name: string } }[] } }>('query { suppliers { edges { node { name } } } }');
    expect(listed.data!.suppliers.edges.map((e) => e.node.name)).toContain(SECRET);
    const before = await snapshotA();
    for (const op of operations('mutation')) {
      const res = await client.request(op.document, op.variables);
      // Refused or answered, never an internal error (signOut once sent the key's id to PostgreSQL as a session's).
      expect(res.errors?.[0]?.extensions?.code, `${op.name}: ${JSON.stringify(res.errors)}`).not.toBe('INTERNAL_SERVER_ERROR');
      if (!res.errors) {
        // Only the public, token-based supplier operations, sign-in/up and the password-reset request (which
        // answers the same for every address by design) answer without a session; none of them touches
        // organisation A's rows (checked below).
        expect(['signIn', 'signUp', 'requestPasswordReset', 'sendSupplierCode', 'verifySupplierCode', 'submitSupplierDetails'], op.name).toContain(op.name);
      }
    }
    expect(await snapshotA()).toBe(before);
  });

  it('keys without the bank grant see bank numbers masked', async () => {
    await app.orm.em.getConnection().execute(`update suppliers set bank_account_details = '12-34-56 87654321' where id = ?`, [ids.supplier]);
    const masked = await aAdmin.client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "no bank", scope: READ) { secret } }');
    const client = graphqlClient(app.url, { headers: { authorization: `Bearer ${masked.data!.createApiKey.secret}` } });
    const res = await client.request<{ supplier: { bankAccountDetails: string } }>('query($id: ID!) { supplier(id: $id) { bankAccountDetails } }', {
      id: ids.supplier,
    });
    expect(res.data!.supplier.bankAccountDetails).toBe('•••• 4321');
    const full = await aAdmin.client.request<{ supplier: { bankAccountDetails: string } }>('query($id: ID!) { supplier(id: $id) { bankAccountDetails } }', {
      id: ids.supplier,
    });
    expect(full.data!.supplier.bankAccountDetails).toBe('12-34-56 87654321');
  });

  it('a revoked or unknown key is refused with UNAUTHENTICATED; last use is recorded', async () => {
    const secret = await keyFor(aAdmin.client, 'READ');
    const client = graphqlClient(app.url, { headers: { authorization: `Bearer ${secret}` } });
    expect((await client.request('query { suppliers { totalCount } }')).errors).toBeUndefined();
    const keys = await aAdmin.client.request<{ apiKeys: { id: string; prefix: string; lastUsedAt: string | null }[] }>(
      'query { apiKeys { id prefix lastUsedAt } }',
    );
    const mine = keys.data!.apiKeys.find((k) => secret.startsWith(k.prefix))!;
    expect(mine.lastUsedAt).toBeTruthy();
    await aAdmin.client.request('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: mine.id });
    const refused = await client.request('query { suppliers { totalCount } }');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await graphqlClient(app.url, { headers: { authorization: 'Bearer vch_nonsense' } }).request('query { me { id } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('protection', () => {
  it('a key over its budget gets RATE_LIMITED with RateLimit headers', async () => {
    const limited = await startTestApp({ env: { API_KEY_REQUESTS_PER_MINUTE: '3' } });
    try {
      const buyer = await signUpBuyer(limited.url);
      const key = (await buyer.client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "burst", scope: READ) { secret } }')).data!
        .createApiKey.secret;
      const client = graphqlClient(limited.url, { headers: { authorization: `Bearer ${key}` } });
      const first = await client.request('query { suppliers { totalCount } }');
      expect(first.headers.get('ratelimit-limit')).toBe('3');
      expect(first.headers.get('ratelimit-remaining')).toBe('2');
      await client.request('query { suppliers { totalCount } }');
      await client.request('query { suppliers { totalCount } }');
      const over = await client.request('query { suppliers { totalCount } }');
      expect(over.status).toBe(429);
      expect(over.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(over.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('refuses depth and cost attacks, even with a valid key', async () => {
    const key = await keyFor(aAdmin.client, 'READ');
    const client = graphqlClient(app.url, { headers: { authorization: `Bearer ${key}` } });
    const deep = await client.request(
      'query { suppliers { edges { node { changeRequests { supplier { changeRequests { supplier { changeRequests { supplier { changeRequests { supplier { name } } } } } } } } } } } }',
    );
    expect(deep.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: suppliers(first: 200) { edges { node { id } } }`).join(' ');
    const costly = await client.request(`query { ${aliases} }`);
    expect(costly.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(costly)).not.toMatch(/at \w+ \(|node_modules/);
  });
});
