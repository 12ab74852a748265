import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, signUpBuyer, SIGN_UP, startTestApp, uniqueEmail, type TestApp } from '../testing/index.js';

const ME = 'query Me { me { id email name role organisation { id name } } }';
const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { user { id email } } }';
const SIGN_OUT = 'mutation SignOut { signOut }';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { SIGN_IN_MAX_ATTEMPTS_PER_EMAIL: '3', SIGN_IN_MAX_ATTEMPTS_PER_IP: '8' } });
});
afterAll(async () => {
  await app?.close();
});

async function counts() {
  const conn = app.orm.em.getConnection();
  const [row] = await conn.execute<{ orgs: string; users: string; sessions: string }[]>(
    'select (select count(*) from organisations) as orgs, (select count(*) from users) as users, (select count(*) from sessions) as sessions',
  );
  return { orgs: Number(row!.orgs), users: Number(row!.users), sessions: Number(row!.sessions) };
}

describe('sign up', () => {
  it('creates an organisation with its first ADMIN and signs in with an httpOnly SameSite=Lax cookie', async () => {
    const client = graphqlClient(app.url);
    const email = uniqueEmail();
    const res = await client.request(SIGN_UP, {
      input: { organisationName: '  Acme Supplies  ', name: 'Ada Lovelace', email: email.toUpperCase(), password: 'correct horse battery' },
    });
    expect(res.errors).toBeUndefined();
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^vouch_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);

    const me = await client.request<{ me: { email: string; role: string; organisation: { name: string } } }>(ME);
    expect(me.data?.me).toMatchObject({ email, role: 'ADMIN', name: 'Ada Lovelace', organisation: { name: 'Acme Supplies' } });
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const client = graphqlClient(app.url, { headers: { 'x-forwarded-proto': 'https' } });
    const res = await client.request(SIGN_UP, {
      input: { organisationName: 'Secure Co', name: 'Sam', email: uniqueEmail(), password: 'correct horse battery' },
    });
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['a short password', { password: 'short' }, 'password'],
    ['an oversize organisation name', { organisationName: 'x'.repeat(201) }, 'organisationName'],
    ['an oversize name', { name: 'y'.repeat(201) }, 'name'],
    ['an oversize email', { email: `${'a'.repeat(250)}@example.com` }, 'email'],
    ['a blank name', { name: '   ' }, 'name'],
    ['an oversize password', { password: 'p'.repeat(129) }, 'password'],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_label, override, field) => {
    const before = await counts();
    const res = await graphqlClient(app.url).request(SIGN_UP, {
      input: { organisationName: 'Valid Org', name: 'Valid Name', email: uniqueEmail(), password: 'correct horse battery', ...override },
    });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/\w/);
    expect(res.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(JSON.stringify(res)).not.toMatch(/stack|at \w+ \(/);
    expect(await counts()).toEqual(before);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a duplicate email (any case) with CONFLICT and stores nothing', async () => {
    const { input } = await signUpBuyer(app.url);
    const before = await counts();
    const res = await graphqlClient(app.url).request(SIGN_UP, {
      input: { ...input, organisationName: 'Another Org', email: input.email.toUpperCase() },
    });
    expect(res.errors?.[0]).toMatchObject({
      message: 'An account with this email already exists.',
      extensions: { code: 'CONFLICT' },
    });
    expect(await counts()).toEqual(before);
  });

  it('answers malformed GraphQL with a parse error code', async () => {
    const res = await graphqlClient(app.url).request('mutation { signUp(input: {', {});
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const missingField = await graphqlClient(app.url).request('query { nope }');
    expect(missingField.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVars = await graphqlClient(app.url).request(SIGN_UP, { input: { email: 5 } });
    expect(badVars.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses deep and costly queries, and suggests no field names', async () => {
    const deep = `query { me { organisation { name } } ${'a: me { organisation { name } } '.repeat(1)} }`;
    expect((await graphqlClient(app.url).request(deep)).errors).toBeUndefined();
    const nested = (n: number): string => (n === 0 ? '__typename' : `__schema { types { fields { type { ofType { ${nested(n - 1)} } } } } }`);
    const tooDeep = await graphqlClient(app.url).request(`query { ${nested(3)} }`);
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: me { id }`).join(' ');
    const tooMany = await graphqlClient(app.url).request(`query { ${aliases} }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await graphqlClient(app.url).request('query { mee { id } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses an oversize request body', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ME, variables: { pad: 'x'.repeat(300_000) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});

describe('sign in and sign out', () => {
  it('gives one error for an unknown email and a wrong password', async () => {
    const { input } = await signUpBuyer(app.url);
    const wrongPassword = await graphqlClient(app.url, { ip: '10.1.0.1' }).request(SIGN_IN, {
      input: { email: input.email, password: 'wrong password!!' },
    });
    const unknownEmail = await graphqlClient(app.url, { ip: '10.1.0.2' }).request(SIGN_IN, {
      input: { email: uniqueEmail('nobody'), password: 'wrong password!!' },
    });
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.errors?.[0]).toMatchObject({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('signs in, and signing out revokes the session server-side', async () => {
    const { input } = await signUpBuyer(app.url);
    const client = graphqlClient(app.url, { ip: '10.2.0.1' });
    const res = await client.request(SIGN_IN, { input: { email: input.email, password: input.password } });
    expect(res.errors).toBeUndefined();
    const stolenCookie = client.cookie;
    expect((await client.request<{ me: { email: string } }>(ME)).data?.me.email).toBe(input.email);

    const out = await client.request(SIGN_OUT);
    expect(out.data).toEqual({ signOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/vouch_session=;/);
    expect((await client.request(ME)).data).toEqual({ me: null });

    const replay = graphqlClient(app.url);
    replay.cookie = stolenCookie;
    expect((await replay.request(ME)).data).toEqual({ me: null });
  });

  it('rate-limits attempts per email, and a correct password does not get through meanwhile', async () => {
    const { input } = await signUpBuyer(app.url);
    for (let i = 0; i < 3; i++) {
      const res = await graphqlClient(app.url, { ip: `10.3.0.${i}` }).request(SIGN_IN, { input: { email: input.email, password: 'wrong password!!' } });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const limited = await graphqlClient(app.url, { ip: '10.3.1.1' }).request(SIGN_IN, { input: { email: input.email, password: input.password } });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.errors?.[0]?.message).toBe('Too many attempts. Try again in a few minutes.');
    expect(limited.headers.get('set-cookie')).toBeNull();
  });

  it('rate-limits attempts per IP across emails', async () => {
    const ip = '10.4.0.1';
    const codes: unknown[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await graphqlClient(app.url, { ip }).request(SIGN_IN, { input: { email: uniqueEmail('spray'), password: 'wrong password!!' } });
      codes.push(res.errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 8).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes[8]).toBe('RATE_LIMITED');
    // Another IP is unaffected.
    const other = await graphqlClient(app.url, { ip: '10.4.0.2' }).request(SIGN_IN, { input: { email: uniqueEmail('spray'), password: 'wrong password!!' } });
    expect(other.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('requires a session to sign out', async () => {
    const res = await graphqlClient(app.url).request(SIGN_OUT);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores passwords only as scrypt hashes', async () => {
    const { input } = await signUpBuyer(app.url);
    const [row] = await app.orm.em.getConnection().execute<{ password_hash: string }[]>('select password_hash from users where email = ?', [input.email]);
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.password_hash).not.toContain(input.password);
  });
});
