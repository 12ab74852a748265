import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, startTestApp, startTestSmtp, uniqueEmail, type TestApp } from '../testing/index.js';
import { browserClient } from './sessions-test-client.js';

/**
 * Issue 13, item 4: there was no list of sessions. Settings now lists your active sessions (browser, IP, signed
 * in, last seen) and ends any or all others at once; a sign-in from a browser the account has not used before
 * emails its owner.
 */
const SIGN_UP = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { user { id organisation { id } } } }';
const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename } }';
const SESSIONS = '{ mySessions { id browser ip signedInAt lastSeenAt current } }';
const END = 'mutation End($id: ID!) { endSession(id: $id) }';
const END_OTHERS = 'mutation { endOtherSessions }';
const ME = '{ me { id } }';

const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://vouch.example' } });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

type Session = { id: string; browser: string; ip: string | null; signedInAt: string; lastSeenAt: string; current: boolean };
const password = 'correct horse battery';

async function account() {
  const email = uniqueEmail();
  const first = browserClient(app.url, { ip: '10.60.0.1', userAgent: CHROME_MAC });
  const res = await first.request<{ signUp: { user: { id: string; organisation: { id: string } } } }>(SIGN_UP, {
    input: { organisationName: 'Lantern Bakery', name: 'Lena Owner', email, password },
  });
  expect(res.errors).toBeUndefined();
  return { email, first, organisationId: res.data!.signUp.user.organisation.id };
}

async function signIn(email: string, ip: string, userAgent: string) {
  const client = browserClient(app.url, { ip, userAgent });
  const res = await client.request(SIGN_IN, { input: { email, password } });
  expect(res.errors).toBeUndefined();
  return client;
}

const signInMails = (email: string) => smtp.messages.filter((m) => m.to.includes(email) && m.subject === 'New sign-in to your Vouch account');

describe('sessions', () => {
  it('lists your active sessions with browser, IP, signed in and last seen, this one first', async () => {
    const { email, first } = await account();
    const second = await signIn(email, '10.60.0.2', FIREFOX_LINUX);
    const listed = await first.request<{ mySessions: Session[] }>(SESSIONS);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.mySessions).toEqual([
      expect.objectContaining({ browser: 'Chrome on macOS', ip: '10.60.0.1', current: true }),
      expect.objectContaining({ browser: 'Firefox on Linux', ip: '10.60.0.2', current: false }),
    ]);
    const fromSecond = await second.request<{ mySessions: Session[] }>(SESSIONS);
    expect(fromSecond.data!.mySessions[0]).toMatchObject({ browser: 'Firefox on Linux', current: true });

    // "Last seen" follows use (written at most once a minute).
    const secondId = listed.data!.mySessions[1]!.id;
    await app.orm.em.getConnection().execute(`update sessions set last_seen_at = now() - interval '2 hours' where id = ?`, [secondId]);
    const stale = (await first.request<{ mySessions: Session[] }>(SESSIONS)).data!.mySessions[1]!;
    expect(Date.now() - Date.parse(stale.lastSeenAt)).toBeGreaterThan(60 * 60_000);
    await second.request(ME);
    const fresh = (await first.request<{ mySessions: Session[] }>(SESSIONS)).data!.mySessions[1]!;
    expect(Date.now() - Date.parse(fresh.lastSeenAt)).toBeLessThan(60 * 60_000);
  });

  it('ends another session at once, or all others; never someone else’s', async () => {
    const { email, first, organisationId } = await account();
    const second = await signIn(email, '10.60.0.3', FIREFOX_LINUX);
    const third = await signIn(email, '10.60.0.4', SAFARI_IPHONE);
    const sessions = (await first.request<{ mySessions: Session[] }>(SESSIONS)).data!.mySessions;
    const secondId = sessions.find((s) => s.browser === 'Firefox on Linux')!.id;

    expect((await first.request(END, { id: secondId })).errors).toBeUndefined();
    expect((await second.request(ME)).data).toEqual({ me: null });
    expect((await second.request(SESSIONS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await third.request<{ me: unknown }>(ME)).data!.me).not.toBeNull();
    expect((await first.request(END, { id: secondId })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SESSION_NOT_FOUND' });
    expect((await first.request(END, { id: 'not-an-id' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Someone else's session id is not yours to end.
    const stranger = await account();
    const strangerSession = (await stranger.first.request<{ mySessions: Session[] }>(SESSIONS)).data!.mySessions[0]!.id;
    expect((await first.request(END, { id: strangerSession })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await stranger.first.request<{ me: unknown }>(ME)).data!.me).not.toBeNull();

    const ended = await first.request<{ endOtherSessions: number }>(END_OTHERS);
    expect(ended.data).toEqual({ endOtherSessions: 1 });
    expect((await third.request(ME)).data).toEqual({ me: null });
    expect((await first.request<{ mySessions: Session[] }>(SESSIONS)).data!.mySessions).toHaveLength(1);

    const kinds = await app.orm.em
      .getConnection()
      .execute<{ kind: string; supplier_id: string | null }[]>('select kind, supplier_id from audit_events where organisation_id = ?', [organisationId]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'SESSION_ENDED', supplier_id: null },
        { kind: 'OTHER_SESSIONS_ENDED', supplier_id: null },
      ]),
    );
  });

  it('refuses API keys and signed-out callers', async () => {
    const { first } = await account();
    const key = await first.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "Bot", scope: READ_WRITE) { secret } }');
    const viaKey = await graphqlClient(app.url, { headers: { authorization: `Bearer ${key.data!.createApiKey.secret}` } }).request(SESSIONS);
    expect(viaKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graphqlClient(app.url).request(END_OTHERS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('emails the owner when a browser the account has not used before signs in, once per browser', async () => {
    const { email, first } = await account();
    // The browser the account was created in is known: signing in there again is not news.
    await first.request('mutation { signOut }');
    expect((await first.request(SIGN_IN, { input: { email, password } })).errors).toBeUndefined();

    const phone = await signIn(email, '10.60.0.9', SAFARI_IPHONE);
    await expect.poll(() => signInMails(email).length, { timeout: 10_000 }).toBe(1);
    const mail = signInMails(email)[0]!;
    expect(mail.text).toContain('Safari on iOS');
    expect(mail.text).toContain('10.60.0.9');
    expect(mail.text).toContain('https://vouch.example/settings#sessions');
    expect(phone.jar.get('vouch_device')).toMatch(/^[\w-]{43}$/);
    // Only its hash is stored.
    const stored = await app.orm.em.getConnection().execute<{ device_hash: string }[]>('select device_hash from known_browsers');
    expect(stored.map((r) => r.device_hash)).not.toContain(phone.jar.get('vouch_device'));

    // The phone again: known now. A client with no cookie at all cannot be recognised, so it is news.
    await phone.request('mutation { signOut }');
    expect((await phone.request(SIGN_IN, { input: { email, password } })).errors).toBeUndefined();
    const script = await graphqlClient(app.url, { ip: '10.60.0.10' }).request(SIGN_IN, { input: { email, password } });
    expect(script.errors).toBeUndefined();
    await expect.poll(() => signInMails(email).length, { timeout: 10_000 }).toBe(2);
    expect(signInMails(email)[1]!.text).toContain('10.60.0.10');
  });
});
