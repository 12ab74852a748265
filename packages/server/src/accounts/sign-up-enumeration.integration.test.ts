import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, startTestApp, startTestSmtp, uniqueEmail, type CapturedMail, type TestApp } from '../testing/index.js';

/**
 * Regression (issue 11, item 9): sign-up told whether an email had an account (CONFLICT) and was not
 * rate-limited. With email configured it now answers the same either way — a link to finish for a new
 * address, a notice to the owner of an existing one — and attempts are limited per IP and per address.
 */
const SIGN_UP = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { user { id } confirmationSentTo } }';
const CONFIRM = 'mutation Confirm($token: String!) { confirmSignUp(token: $token) { user { id email role organisation { name } } } }';
const ME = 'query { me { email role organisation { name } } }';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let ipCounter = 0;
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({
    env: { SMTP_URL: smtp.url, SIGN_UP_EMAIL_CONFIRMATION: 'true', SIGN_UP_MAX_PER_IP: '4', SIGN_UP_MAX_PER_EMAIL: '3', PUBLIC_URL: 'https://vouch.example' },
  });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

const input = (email: string, over: Record<string, string> = {}) => ({
  organisationName: 'Harbour Coffee',
  name: 'Ada Palmer',
  email,
  password: 'correct horse battery',
  ...over,
});

async function counts() {
  const [row] = await app.orm.em
    .getConnection()
    .execute<{ orgs: string; users: string; sessions: string }[]>(
      'select (select count(*) from organisations) as orgs, (select count(*) from users) as users, (select count(*) from sessions) as sessions',
    );
  return row;
}

const linkToken = (mail: CapturedMail) => /\/sign-up\/confirm#token=([A-Za-z0-9_.-]+)/.exec(mail.text)![1]!;

describe('sign-up with email confirmation', () => {
  it('answers an existing and a new address identically, and emails the existing owner instead', async () => {
    // The existing account, made through a link like anyone else's.
    const owner = uniqueEmail('owner');
    await graphqlClient(app.url, { ip: freshIp() }).request(SIGN_UP, { input: input(owner) });
    const ownerToken = linkToken(await smtp.mailTo(owner));
    expect((await graphqlClient(app.url, { ip: freshIp() }).request(CONFIRM, { token: ownerToken })).errors).toBeUndefined();
    smtp.messages.length = 0;

    const before = await counts();
    const fresh = uniqueEmail('fresh');
    const answers = [];
    for (const email of [owner, fresh]) {
      const res = await graphqlClient(app.url, { ip: freshIp() }).request(SIGN_UP, { input: input(email.toUpperCase(), { organisationName: 'Another Org' }) });
      answers.push({
        status: res.status,
        body: JSON.stringify({ data: res.data, errors: res.errors }).replace(email, '<email>'),
        cookie: res.headers.get('set-cookie'),
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toEqual({ status: 200, body: JSON.stringify({ data: { signUp: { user: null, confirmationSentTo: '<email>' } } }), cookie: null });
    // Nothing is created until the link is opened.
    expect(await counts()).toEqual(before);

    const notice = await smtp.mailTo(owner);
    expect(notice.subject).toBe('Your Vouch account');
    expect(notice.text).toContain('already has one');
    expect(notice.text).toContain('https://vouch.example/sign-in');
    expect(notice.text).not.toContain('/sign-up/confirm');
    const confirmation = await smtp.mailTo(fresh);
    expect(confirmation.subject).toBe('Finish creating your Vouch account');
    expect(confirmation.text).toContain('https://vouch.example/sign-up/confirm#token=');
  });

  it('creates the organisation and its ADMIN when the link is opened, signs in, and the link works once', async () => {
    const email = uniqueEmail('confirm');
    await graphqlClient(app.url, { ip: freshIp() }).request(SIGN_UP, { input: input(email, { organisationName: 'Lantern Tea House' }) });
    const token = linkToken(await smtp.mailTo(email));

    const browser = graphqlClient(app.url, { ip: freshIp() });
    const confirmed = await browser.request<{ confirmSignUp: { user: { email: string; role: string; organisation: { name: string } } } }>(CONFIRM, { token });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmSignUp.user).toMatchObject({ email, role: 'ADMIN', organisation: { name: 'Lantern Tea House' } });
    expect(confirmed.headers.get('set-cookie')).toMatch(/^vouch_session=/);
    expect((await browser.request<{ me: { email: string } }>(ME)).data?.me.email).toBe(email);
    // The password chosen at sign-up is the one that works.
    const signIn = await graphqlClient(app.url, { ip: freshIp() }).request('mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }', {
      input: { email, password: 'correct horse battery' },
    });
    expect(signIn.errors).toBeUndefined();

    const before = await counts();
    const again = await graphqlClient(app.url, { ip: freshIp() }).request(CONFIRM, { token });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ACCOUNT_ALREADY_CREATED' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a tampered or expired link with BAD_USER_INPUT', async () => {
    const email = uniqueEmail('tamper');
    await graphqlClient(app.url, { ip: freshIp() }).request(SIGN_UP, { input: input(email) });
    const token = linkToken(await smtp.mailTo(email));
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    for (const bad of [flipped, 'not-a-token', '']) {
      const res = await graphqlClient(app.url, { ip: freshIp() }).request(CONFIRM, { token: bad });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SIGN_UP_LINK_INVALID' });
    }
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    await expect(app.services.accounts.confirmSignUp(app.services.em(), token, { ip: '10.0.0.1', userAgent: 'test' }, tomorrow)).rejects.toMatchObject({
      reason: 'SIGN_UP_LINK_EXPIRED',
    });
  });

  it('rate-limits sign-up per address, the same for an existing and a new one', async () => {
    const owner = uniqueEmail('limited-owner');
    await graphqlClient(app.url, { ip: freshIp() }).request(SIGN_UP, { input: input(owner) });
    await graphqlClient(app.url, { ip: freshIp() }).request(CONFIRM, { token: linkToken(await smtp.mailTo(owner)) });
    const fresh = uniqueEmail('limited-fresh');
    // The owner's address has one attempt used already; give the new one the same head start.
    await graphqlClient(app.url, { ip: freshIp() }).request(SIGN_UP, { input: input(fresh) });
    for (const email of [owner, fresh]) {
      const codes: unknown[] = [];
      for (let i = 0; i < 3; i++)
        codes.push((await graphqlClient(app.url, { ip: freshIp() }).request(SIGN_UP, { input: input(email) })).errors?.[0]?.extensions?.code ?? 'OK');
      expect(codes, email).toEqual(['OK', 'OK', 'RATE_LIMITED']);
    }
  });

  it('rate-limits sign-up per IP across addresses', async () => {
    const ip = freshIp();
    const codes: unknown[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await graphqlClient(app.url, { ip }).request(SIGN_UP, { input: input(uniqueEmail('spray')) })).errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'RATE_LIMITED']);
    const limited = await graphqlClient(app.url, { ip }).request(SIGN_UP, { input: input(uniqueEmail('spray')) });
    expect(limited.errors?.[0]).toMatchObject({ message: 'Too many sign-up attempts. Try again later.', extensions: { code: 'RATE_LIMITED' } });
    // Another IP is unaffected.
    expect((await graphqlClient(app.url, { ip: freshIp() }).request(SIGN_UP, { input: input(uniqueEmail('spray')) })).errors).toBeUndefined();
  });
});
