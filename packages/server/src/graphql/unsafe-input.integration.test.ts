import { Cursor } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, signUpBuyer, SIGN_UP, startTestApp, uniqueEmail, type TestApp } from '../testing/index.js';

/**
 * Regression (issue 11, item 7): NUL characters, text-direction overrides, broken Unicode and crafted page
 * cursors reached PostgreSQL and came back as INTERNAL_SERVER_ERROR. They are BAD_USER_INPUT at the boundary,
 * naming the field, and nothing is stored.
 */
const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { user { id } } }';
const CREATE_SUPPLIER = 'mutation CreateSupplier($input: CreateSupplierInput!) { createSupplier(input: $input) { id name } }';
const CREATE_KEY = 'mutation CreateKey($name: String!) { createApiKey(name: $name, scope: READ) { secret } }';
const SEARCH = 'query Search($search: String) { suppliers(search: $search) { totalCount } }';
const PAGE = 'query Page($after: String, $sort: SupplierSort! = NEWEST) { suppliers(after: $after, sort: $sort) { totalCount } }';

const NUL = 'a\u0000b';
const RLO = '\u202Eevil';
const LONE_SURROGATE = 'bad \uD800 text';

let app: TestApp;
let admin: Awaited<ReturnType<typeof signUpBuyer>>;
beforeAll(async () => {
  app = await startTestApp();
  admin = await signUpBuyer(app.url);
});
afterAll(async () => {
  await app?.close();
});

async function counts() {
  const [row] = await app.orm.em
    .getConnection()
    .execute<{ users: string; suppliers: string; keys: string }[]>(
      'select (select count(*) from users) as users, (select count(*) from suppliers) as suppliers, (select count(*) from api_keys) as keys',
    );
  return row;
}

function expectBadInput(res: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown }, field: string) {
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0]?.message).toMatch(/\w/);
  expect(res.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe('text at the boundary', () => {
  const signUp = (over: Record<string, string>) => ({
    input: { organisationName: 'Org', name: 'Name', email: uniqueEmail(), password: 'correct horse battery', ...over },
  });

  it.each([
    ['signUp email with NUL', SIGN_UP, signUp({ email: `a${'\u0000'}b@example.com` }), 'email'],
    ['signUp email with a right-to-left override', SIGN_UP, signUp({ email: `${RLO}@example.com` }), 'email'],
    ['signUp email with a zero-width space', SIGN_UP, signUp({ email: 'ada\u200B@example.com' }), 'email'],
    ['signUp organisation name with NUL', SIGN_UP, signUp({ organisationName: NUL }), 'organisationName'],
    ['signUp name with broken Unicode', SIGN_UP, signUp({ name: LONE_SURROGATE }), 'name'],
    ['signIn email with NUL', SIGN_IN, { input: { email: `a${'\u0000'}b@example.com`, password: 'whatever password' } }, 'email'],
    ['signIn email with a right-to-left override', SIGN_IN, { input: { email: `${RLO}@example.com`, password: 'whatever password' } }, 'email'],
    ['createSupplier name with NUL', CREATE_SUPPLIER, { input: { name: NUL } }, 'name'],
    ['createSupplier name with a right-to-left override', CREATE_SUPPLIER, { input: { name: `Acme ${RLO}` } }, 'name'],
    ['createSupplier email with a right-to-left override', CREATE_SUPPLIER, { input: { name: 'Acme', email: `${RLO}@example.com` } }, 'email'],
    ['createApiKey name with NUL', CREATE_KEY, { name: NUL }, 'name'],
    ['createApiKey name with a right-to-left override', CREATE_KEY, { name: RLO }, 'name'],
    ['suppliers search with NUL', SEARCH, { search: NUL }, 'search'],
    ['suppliers search with broken Unicode', SEARCH, { search: LONE_SURROGATE }, 'search'],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_label, query, variables, field) => {
    const before = await counts();
    const res = await admin.client.request(query, variables);
    expectBadInput(res, field);
    expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('keeps right-to-left letters: an Arabic supplier name is stored as typed', async () => {
    const res = await admin.client.request<{ createSupplier: { name: string } }>(CREATE_SUPPLIER, { input: { name: 'شركة النور للتجارة' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createSupplier.name).toBe('شركة النور للتجارة');
    const found = await admin.client.request<{ suppliers: { totalCount: number } }>(SEARCH, { search: 'النور' });
    expect(found.data?.suppliers.totalCount).toBe(1);
  });
});

describe('page cursors', () => {
  it.each([
    ['an object instead of an id', Cursor.encode([{ a: 1 } as never]), 'NEWEST'],
    ['a value that is not an id', Cursor.encode(['not-a-uuid']), 'NEWEST'],
    ['a number for the name', Cursor.encode([1 as never, '01a22c32-4576-7666-aed8-205a90052f02']), 'NAME_ASC'],
    ['a NUL in the name', Cursor.encode(['a\u0000', '01a22c32-4576-7666-aed8-205a90052f02']), 'NAME_ASC'],
    ['not base64 JSON at all', '%%%', 'NEWEST'],
  ])('refuses %s with BAD_USER_INPUT', async (_label, after, sort) => {
    const res = await admin.client.request(PAGE, { after, sort });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });

  it('still accepts the cursors it hands out', async () => {
    await admin.client.request(CREATE_SUPPLIER, { input: { name: 'Second Supplier' } });
    for (const sort of ['NEWEST', 'NAME_ASC']) {
      const first = await admin.client.request<{ suppliers: { pageInfo: { endCursor: string } } }>(
        'query First($sort: SupplierSort!) { suppliers(first: 1, sort: $sort) { pageInfo { endCursor } } }',
        { sort },
      );
      const next = await admin.client.request(PAGE, { after: first.data?.suppliers.pageInfo.endCursor, sort });
      expect(next.errors).toBeUndefined();
    }
  });
});

it('gives one message, not the database’s, for an unknown email at sign-in', async () => {
  const res = await graphqlClient(app.url).request(SIGN_IN, { input: { email: uniqueEmail(), password: 'whatever password' } });
  expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});
