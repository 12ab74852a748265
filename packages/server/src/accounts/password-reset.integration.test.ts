import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, startTestApp, startTestSmtp, uniqueEmail, type CapturedMail, type TestApp } from '../testing/index.js';
import { browserClient } from './sessions-test-client.js';

/**
 * Issue 13, item 2: there was no "Forgot password", no way to change a password, and no record of whether an
 * address was verified. Reset links are hashed, 45 minutes, single use, end every session, and the request
 * answers the same whether or not the address has an account; guessing links is bounded. Changing a password
 * needs the current one. Emailed links (sign-up, reset, verification) verify the address.
 */
const SIGN_UP = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { confirmationSentTo } }';
const CONFIRM = 'mutation Confirm($token: String!) { confirmSignUp(token: $token) { user { id emailVerified organisation { id } } } }';
const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename } }';
const REQUEST = 'mutation Forgot($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { sentTo } }';
const RESET = 'mutation Reset($input: ResetPasswordInput!) { resetPassword(input: $input) { email } }';
const CHANGE = 'mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) { otherSessionsEnded } }';
const SEND_VERIFICATION = 'mutation { sendEmailVerification }';
const VERIFY = 'mutation Verify($token: String!) { verifyEmail(token: $token) }';
const ME = '{ me { id emailVerified } }';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let ipCounter = 0;
const freshIp = () => `10.99.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const password = 'correct horse battery';

beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://vouch.example', SIGN_UP_EMAIL_CONFIRMATION: 'true' } });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

const mailsTo = (email: string, subject: string) => smtp.messages.filter((m) => m.to.includes(email) && m.subject === subject);
async function mail(email: string, subject: string, count = 1): Promise<CapturedMail> {
  await expect.poll(() => mailsTo(email, subject).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return mailsTo(email, subject).at(-1)!;
}
const tokenIn = (m: CapturedMail, path: string) => new RegExp(`${path}#token=([A-Za-z0-9_.-]+)`).exec(m.text)![1]!;

/** A buyer who signed up through the emailed link (so their address is verified), signed in in one browser. */
async function buyer() {
  const email = uniqueEmail();
  const client = browserClient(app.url, { ip: freshIp() });
  await client.request(SIGN_UP, { input: { organisationName: 'Orchard Tools', name: 'Olive Owner', email, password } });
  const confirmed = await client.request<{ confirmSignUp: { user: { id: string; emailVerified: boolean; organisation: { id: string } } } }>(CONFIRM, {
    token: tokenIn(await mail(email, 'Finish creating your Vouch account'), '/sign-up/confirm'),
  });
  expect(confirmed.errors).toBeUndefined();
  return { email, client, user: confirmed.data!.confirmSignUp.user };
}

describe('forgot password', () => {
  it('answers the same for any address, emails a single-use link, and ends every session on reset', async () => {
    const { email, client, user } = await buyer();
    expect(user.emailVerified).toBe(true);
    const other = browserClient(app.url, { ip: freshIp() });
    expect((await other.request(SIGN_IN, { input: { email, password } })).errors).toBeUndefined();

    const unknown = uniqueEmail('nobody');
    const answers = [];
    for (const address of [email, unknown]) {
      const res = await graphqlClient(app.url, { ip: freshIp() }).request(REQUEST, { input: { email: address.toUpperCase() } });
      answers.push({
        status: res.status,
        body: JSON.stringify({ data: res.data, errors: res.errors }).replace(address, '<email>'),
        cookie: res.headers.get('set-cookie'),
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.body).toContain('"sentTo":"<email>"');

    const resetMail = await mail(email, 'Reset your Vouch password');
    expect(resetMail.text).toMatch(/45 minutes, once/);
    const token = tokenIn(resetMail, '/reset-password');
    expect(smtp.messages.some((m) => m.to.includes(unknown))).toBe(false);
    const [row] = await app.orm.em.getConnection().execute<{ token_hash: string }[]>('select token_hash from password_resets order by created_at desc limit 1');
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const tooShort = await graphqlClient(app.url).request(RESET, { input: { token, password: 'short' } });
    expect(tooShort.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'password' })]);

    const reset = await graphqlClient(app.url, { ip: freshIp() }).request(RESET, { input: { token, password: 'a brand new password' } });
    expect(reset.errors).toBeUndefined();
    expect(reset.data).toEqual({ resetPassword: { email } });
    // Every session ended, both browsers.
    expect((await client.request(ME)).data).toEqual({ me: null });
    expect((await other.request(ME)).data).toEqual({ me: null });
    expect((await graphqlClient(app.url).request(SIGN_IN, { input: { email, password } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await graphqlClient(app.url).request(SIGN_IN, { input: { email, password: 'a brand new password' } })).errors).toBeUndefined();
    await mail(email, 'Your Vouch password was changed');

    const again = await graphqlClient(app.url, { ip: freshIp() }).request(RESET, { input: { token, password: 'yet another password' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_RESET_LINK_USED' });

    const kinds = await app.orm.em
      .getConnection()
      .execute<{ kind: string; summary: string }[]>('select kind, summary from audit_events where organisation_id = ? order by id', [user.organisation.id]);
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET']));
    expect(kinds.find((k) => k.kind === 'PASSWORD_RESET')!.summary).toMatch(/2 sessions ended/);
    expect(JSON.stringify(kinds)).not.toContain(token);
  });

  it('only the newest link works, an expired one says so, and a reset verifies an unverified address', async () => {
    const { email, user } = await buyer();
    await app.orm.em.getConnection().execute('update users set email_verified_at = null where id = ?', [user.id]);
    await graphqlClient(app.url, { ip: freshIp() }).request(REQUEST, { input: { email } });
    const first = tokenIn(await mail(email, 'Reset your Vouch password', 1), '/reset-password');
    await graphqlClient(app.url, { ip: freshIp() }).request(REQUEST, { input: { email } });
    const second = tokenIn(await mail(email, 'Reset your Vouch password', 2), '/reset-password');
    expect((await graphqlClient(app.url).request(RESET, { input: { token: first, password: 'new password one' } })).errors?.[0]?.extensions?.reason).toBe(
      'PASSWORD_RESET_LINK_USED',
    );

    await app.orm.em.getConnection().execute(`update password_resets set expires_at = now() - interval '1 minute' where used_at is null`);
    expect((await graphqlClient(app.url).request(RESET, { input: { token: second, password: 'new password one' } })).errors?.[0]?.extensions?.reason).toBe(
      'PASSWORD_RESET_LINK_EXPIRED',
    );

    await graphqlClient(app.url, { ip: freshIp() }).request(REQUEST, { input: { email } });
    const third = tokenIn(await mail(email, 'Reset your Vouch password', 3), '/reset-password');
    expect((await graphqlClient(app.url).request(RESET, { input: { token: third, password: 'new password one' } })).errors).toBeUndefined();
    const signedIn = browserClient(app.url);
    await signedIn.request(SIGN_IN, { input: { email, password: 'new password one' } });
    expect((await signedIn.request<{ me: { emailVerified: boolean } }>(ME)).data!.me.emailVerified).toBe(true);
  });

  it('limits requests per address (known or not) and bounds guessing of links per IP', async () => {
    const ip = freshIp();
    for (const address of [uniqueEmail('known-or-not'), uniqueEmail('other')]) {
      for (let i = 0; i < 5; i++)
        expect((await graphqlClient(app.url, { ip: freshIp() }).request(REQUEST, { input: { email: address } })).errors).toBeUndefined();
      const sixth = await graphqlClient(app.url, { ip: freshIp() }).request(REQUEST, { input: { email: address } });
      expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_PASSWORD_RESETS' });
    }
    const bad = await graphqlClient(app.url, { ip }).request(REQUEST, { input: { email: 'nope' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const { email } = await buyer();
    await graphqlClient(app.url, { ip: freshIp() }).request(REQUEST, { input: { email } });
    const token = tokenIn(await mail(email, 'Reset your Vouch password'), '/reset-password');
    const guesser = graphqlClient(app.url, { ip });
    for (let i = 0; i < 20; i++) {
      const wrong = await guesser.request(RESET, { input: { token: `${'B'.repeat(42)}${i % 10}`, password: 'guessed password' } });
      expect(wrong.errors?.[0]?.extensions?.reason).toBe('PASSWORD_RESET_LINK_INVALID');
    }
    const refused = await guesser.request(RESET, { input: { token, password: 'guessed password' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_ATTEMPTS' });
    // The link itself still works for its owner elsewhere.
    expect((await graphqlClient(app.url, { ip: freshIp() }).request(RESET, { input: { token, password: 'owner password 2' } })).errors).toBeUndefined();
  });
});

describe('change password', () => {
  it('needs the current password; other sessions end, this one stays; wrong guesses are bounded and audited', async () => {
    const { email, client, user } = await buyer();
    const other = browserClient(app.url, { ip: freshIp() });
    await other.request(SIGN_IN, { input: { email, password } });

    const short = await client.request(CHANGE, { input: { currentPassword: password, newPassword: 'short' } });
    expect(short.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const same = await client.request(CHANGE, { input: { currentPassword: password, newPassword: password } });
    expect(same.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    const changed = await client.request(CHANGE, { input: { currentPassword: password, newPassword: 'changed password 1' } });
    expect(changed.errors).toBeUndefined();
    expect(changed.data).toEqual({ changePassword: { otherSessionsEnded: 1 } });
    expect((await client.request<{ me: unknown }>(ME)).data!.me).not.toBeNull();
    expect((await other.request(ME)).data).toEqual({ me: null });
    await mail(email, 'Your Vouch password was changed');

    for (let i = 0; i < 5; i++) {
      const wrong = await client.request(CHANGE, { input: { currentPassword: `wrong password ${i}`, newPassword: 'another password 1' } });
      expect(wrong.errors?.[0]).toMatchObject({
        message: 'That is not your current password.',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'currentPassword' }] },
      });
    }
    const locked = await client.request(CHANGE, { input: { currentPassword: 'changed password 1', newPassword: 'another password 1' } });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_PASSWORD_ATTEMPTS' });
    const kinds = await app.orm.em
      .getConnection()
      .execute<{ kind: string }[]>('select kind from audit_events where organisation_id = ?', [user.organisation.id]);
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['PASSWORD_CHANGED', 'PASSWORD_CHANGE_FAILED', 'PASSWORD_CHANGE_LOCKED']));
    expect(
      (await graphqlClient(app.url).request(CHANGE, { input: { currentPassword: password, newPassword: 'x'.repeat(12) } })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });
});

describe('email verification', () => {
  it('an unverified user asks for a link from Settings; opening it (in any browser) verifies the address', async () => {
    const { email, client, user } = await buyer();
    await app.orm.em.getConnection().execute('update users set email_verified_at = null where id = ?', [user.id]);
    expect((await client.request<{ me: { emailVerified: boolean } }>(ME)).data!.me.emailVerified).toBe(false);
    const sent = await client.request(SEND_VERIFICATION);
    expect(sent.data).toEqual({ sendEmailVerification: email });
    const token = tokenIn(await mail(email, 'Verify your email address for Vouch'), '/verify-email');

    const wrong = await graphqlClient(app.url, { ip: freshIp() }).request(VERIFY, { token: `${token.slice(0, -4)}AAAA` });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VERIFICATION_LINK_INVALID' });
    expect((await graphqlClient(app.url, { ip: freshIp() }).request(VERIFY, { token })).data).toEqual({ verifyEmail: email });
    expect((await client.request<{ me: { emailVerified: boolean } }>(ME)).data!.me.emailVerified).toBe(true);
    // Twice is harmless.
    expect((await graphqlClient(app.url, { ip: freshIp() }).request(VERIFY, { token })).errors).toBeUndefined();
  });
});

describe('without email', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('says the same for every address: this server cannot reset passwords by link', async () => {
    const known = graphqlClient(plain.url);
    const email = uniqueEmail();
    await known.request('mutation SignUp($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
      input: { organisationName: 'No Mail Co', name: 'Nia', email, password },
    });
    expect((await known.request<{ me: { emailVerified: boolean } }>(ME)).data!.me.emailVerified).toBe(false);
    const answers = await Promise.all([email, uniqueEmail()].map((address) => graphqlClient(plain.url).request(REQUEST, { input: { email: address } })));
    for (const res of answers) expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'PASSWORD_RESET_UNAVAILABLE' });
    expect(answers[0]!.errors![0]!.message).toBe(answers[1]!.errors![0]!.message);
    expect((await known.request(SEND_VERIFICATION)).errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });
});
