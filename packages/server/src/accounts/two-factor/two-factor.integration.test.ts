import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpiredSessionsJob } from '../../jobs/system.purge-expired.job.js';
import { ChangeRequest, ChangeRequestStatus } from '../../review/change-request.entity.js';
import { Supplier } from '../../suppliers/supplier.entity.js';
import { addColleague, graphqlClient, signUpBuyer, startTestApp, startTestSmtp, type TestApp, type TestSmtp } from '../../testing/index.js';
import { softPasskey } from '../../testing/webauthn.js';

/**
 * Two-factor sign-in over the API: an authenticator app (codes from otpauth's own generator), recovery codes,
 * passkeys (a software authenticator answered by @simplewebauthn/server's verifier), the organisation's
 * "require two-factor" setting, step-up for bank changes and API keys, and the brakes on guessing.
 */

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { user { id name } secondFactor { methods expiresAt } } }';
const ME = '{ me { id twoFactorEnrolmentRequired } }';
const STATUS = '{ twoFactorStatus { totpEnabled recoveryCodesRemaining enrolmentRequired organisationRequiresTwoFactor verifiedAt passkeys { id name } } }';
const START_TOTP = 'mutation { startTotpEnrolment { secret otpauthUri qrCode } }';
const CONFIRM_TOTP = 'mutation($c: String!) { confirmTotpEnrolment(code: $c) { recoveryCodes status { totpEnabled recoveryCodesRemaining } } }';
const VERIFY_SIGN_IN = 'mutation($c: String, $r: String) { verifySignInCode(code: $c, recoveryCode: $r) { user { id } } }';
const STEP_UP = 'mutation($c: String, $r: String) { verifyStepUp(code: $c, recoveryCode: $r) { verifiedAt stepUpValidUntil } }';
// A name is unique among an organisation's live keys: the variable lets a test create several.
const CREATE_KEY = 'mutation($name: String! = "Payments bot") { createApiKey(name: $name, scope: READ) { secret } }';
const AUDIT_KINDS = 'select kind, summary from audit_events where organisation_id = ? and supplier_id is null order by id';

let app: TestApp;
let smtp: TestSmtp;
/** Test time: every code and step-up window is judged by it. */
let now: number;

beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { STEP_UP_MINUTES: '5', SMTP_URL: smtp.url } });
  app.services.twoFactor.clock = () => now;
});
beforeEach(() => {
  // The middle of a 30-second step, so ±1 step is unambiguous.
  now = (Math.floor(Date.now() / 30_000) + 1) * 30_000 + 15_000;
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

/** What the person's authenticator app shows at `at` (otpauth's own generator, from the base32 key shown). */
const codeAt = (secret: string, at: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });

type Client = ReturnType<typeof graphqlClient>;

async function enrolTotp(client: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await client.request<{ startTotpEnrolment: { secret: string; otpauthUri: string; qrCode: string } }>(START_TOTP);
  expect(started.errors).toBeUndefined();
  const { secret, otpauthUri, qrCode } = started.data!.startTotpEnrolment;
  const confirmed = await client.request<{ confirmTotpEnrolment: { recoveryCodes: string[] } }>(CONFIRM_TOTP, { c: codeAt(secret, now) });
  expect(confirmed.errors).toBeUndefined();
  expect(otpauthUri).toContain(`secret=${secret}`);
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  return { secret, recoveryCodes: confirmed.data!.confirmTotpEnrolment.recoveryCodes };
}

async function signIn(email: string, password: string) {
  const client = graphqlClient(app.url, { headers: { origin: app.url } });
  const res = await client.request<{ signIn: { user: { id: string } | null; secondFactor: { methods: string[] } | null } }>(SIGN_IN, {
    i: { email, password },
  });
  expect(res.errors).toBeUndefined();
  return { client, answer: res.data!.signIn };
}

const db = () => app.orm.em.getConnection();

/** A second person in the organisation (written straight to the database, as the team page is not under test here). */
const colleague = (organisationId: string, name: string) => addColleague(app, organisationId, { role: 'APPROVER', name });

describe('authenticator app (TOTP)', () => {
  it('enrols with a QR code, gives 10 recovery codes, then sign-in needs a code; the secret is sealed at rest', async () => {
    const buyer = await signUpBuyer(app.url);
    const started = await buyer.client.request<{ startTotpEnrolment: { secret: string; otpauthUri: string } }>(START_TOTP);
    const { secret, otpauthUri } = started.data!.startTotpEnrolment;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Vouch:.+\?.*issuer=Vouch/);
    // A wrong code is explained at the input; nothing is enabled.
    const wrong = await buyer.client.request(CONFIRM_TOTP, { c: codeAt(secret, now + 10 * 60_000) });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TOTP_CODE', fields: [{ field: 'code' }] });
    const malformed = await buyer.client.request(CONFIRM_TOTP, { c: '12ab' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'code', message: 'The code is 6 digits.' }] });
    expect((await buyer.client.request<{ twoFactorStatus: { totpEnabled: boolean } }>(STATUS)).data!.twoFactorStatus.totpEnabled).toBe(false);

    const confirmed = await buyer.client.request<{
      confirmTotpEnrolment: { recoveryCodes: string[]; status: { totpEnabled: boolean; recoveryCodesRemaining: number } };
    }>(CONFIRM_TOTP, { c: codeAt(secret, now) });
    expect(confirmed.errors).toBeUndefined();
    const { recoveryCodes, status } = confirmed.data!.confirmTotpEnrolment;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(status).toEqual({ totpEnabled: true, recoveryCodesRemaining: 10 });

    const [row] = await db().execute<{ secret_sealed: string }[]>('select secret_sealed from totp_factors where user_id = ?', [buyer.user.id]);
    expect(row!.secret_sealed).not.toContain(secret);
    const stored = await db().execute<{ code_hash: string }[]>('select code_hash from recovery_codes where user_id = ?', [buyer.user.id]);
    expect(stored.map((r) => r.code_hash).join()).not.toContain(recoveryCodes[0]!.replace('-', ''));

    // The password alone no longer opens a session.
    const { client, answer } = await signIn(buyer.input.email, buyer.input.password);
    expect(answer.user).toBeNull();
    expect(answer.secondFactor!.methods).toEqual(['TOTP', 'RECOVERY_CODE']);
    expect((await client.request<{ me: unknown }>(ME)).data!.me).toBeNull();
    // The code just used to enrol is refused (no replay); the next one signs in.
    const replay = await client.request(VERIFY_SIGN_IN, { c: codeAt(secret, now) });
    expect(replay.errors?.[0]?.extensions?.reason).toBe('INVALID_TOTP_CODE');
    const ok = await client.request<{ verifySignInCode: { user: { id: string } } }>(VERIFY_SIGN_IN, { c: codeAt(secret, now + 30_000) });
    expect(ok.errors).toBeUndefined();
    expect((await client.request<{ me: { id: string } }>(ME)).data!.me.id).toBe(buyer.user.id);

    const kinds = (await db().execute<{ kind: string }[]>(AUDIT_KINDS, [buyer.user.organisation.id])).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['TWO_FACTOR_ENABLED', 'SECOND_FACTOR_FAILED', 'SIGNED_IN']));
    // The pending sign-in is spent; stale ones are purged by the hourly job.
    const pending = await signIn(buyer.input.email, buyer.input.password);
    expect(pending.answer.secondFactor).not.toBeNull();
    await db().execute(`update auth_challenges set expires_at = now() - interval '2 hours' where user_id = ?`, [buyer.user.id]);
    await purgeExpiredSessionsJob.run({}, app.services, app.log);
    expect(await db().execute('select id from auth_challenges where user_id = ?', [buyer.user.id])).toEqual([]);
  });

  it('a recovery code works once, in any case and with or without its dash', async () => {
    const buyer = await signUpBuyer(app.url);
    const { recoveryCodes } = await enrolTotp(buyer.client);
    const first = await signIn(buyer.input.email, buyer.input.password);
    const code = recoveryCodes[3]!;
    const used = await first.client.request(VERIFY_SIGN_IN, { r: ` ${code.replace('-', '').toUpperCase()} ` });
    expect(used.errors).toBeUndefined();
    const second = await signIn(buyer.input.email, buyer.input.password);
    const again = await second.client.request(VERIFY_SIGN_IN, { r: code });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_RECOVERY_CODE' });
    expect((await db().execute<{ n: string }[]>('select count(*) as n from recovery_codes where user_id = ? and used_at is null', [buyer.user.id]))[0]!.n).toBe(
      '9',
    );
    const [audit] = await db().execute<{ summary: string }[]>(`select summary from audit_events where organisation_id = ? and kind = 'RECOVERY_CODE_USED'`, [
      buyer.user.organisation.id,
    ]);
    expect(audit!.summary).toContain('9 left');
  });

  it('guessing is bounded: 5 wrong codes end the pending sign-in, 10 per person pause every attempt; all audited', async () => {
    const buyer = await signUpBuyer(app.url);
    const { secret } = await enrolTotp(buyer.client);
    const { client } = await signIn(buyer.input.email, buyer.input.password);
    for (let i = 0; i < 5; i++) {
      const res = await client.request(VERIFY_SIGN_IN, { c: String(100000 + i) });
      expect(res.errors?.[0]?.extensions?.reason).toBe('INVALID_TOTP_CODE');
    }
    // The pending sign-in is gone: even the right code now needs the password again.
    const after = await client.request(VERIFY_SIGN_IN, { c: codeAt(secret, now + 30_000) });
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_CHALLENGE_EXPIRED' });

    const next = await signIn(buyer.input.email, buyer.input.password);
    for (let i = 0; i < 5; i++) await next.client.request(VERIFY_SIGN_IN, { r: `aaaaa-bbbb${i}` });
    const third = await signIn(buyer.input.email, buyer.input.password);
    const paused = await third.client.request(VERIFY_SIGN_IN, { c: codeAt(secret, now + 30_000) });
    expect(paused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_SECOND_FACTOR_ATTEMPTS' });
    expect(Number(paused.errors?.[0]?.extensions?.retryAfterSeconds)).toBeGreaterThan(0);

    const events = await db().execute<{ kind: string; summary: string }[]>(AUDIT_KINDS, [buyer.user.organisation.id]);
    expect(events.filter((e) => e.kind === 'SECOND_FACTOR_FAILED')).toHaveLength(10);
    expect(events.filter((e) => e.kind === 'SECOND_FACTOR_LOCKED')).toHaveLength(1);
    // No code or secret is written into the audit trail.
    expect(JSON.stringify(events)).not.toContain('100000');
  });
});

describe('step-up', () => {
  it('creating an API key asks for a fresh second factor; a code gives five minutes', async () => {
    const buyer = await signUpBuyer(app.url);
    // No second factor at all: the same answer, and the app offers enrolment (which counts as fresh).
    expect((await buyer.client.request(CREATE_KEY)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    const { secret } = await enrolTotp(buyer.client);
    expect((await buyer.client.request(CREATE_KEY)).errors).toBeUndefined();

    now += 6 * 60_000;
    expect((await buyer.client.request(CREATE_KEY)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    const wrong = await buyer.client.request(STEP_UP, { c: '000000' });
    expect(wrong.errors?.[0]?.extensions?.reason).toBe('INVALID_TOTP_CODE');
    const stepped = await buyer.client.request<{ verifyStepUp: { verifiedAt: string; stepUpValidUntil: string } }>(STEP_UP, { c: codeAt(secret, now) });
    expect(stepped.errors).toBeUndefined();
    expect(new Date(stepped.data!.verifyStepUp.stepUpValidUntil).getTime() - new Date(stepped.data!.verifyStepUp.verifiedAt).getTime()).toBe(5 * 60_000);
    expect((await buyer.client.request(CREATE_KEY, { name: 'Payments bot 2' })).errors).toBeUndefined();
    const kinds = (await db().execute<{ kind: string }[]>(AUDIT_KINDS, [buyer.user.organisation.id])).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['STEP_UP_VERIFIED', 'API_KEY_CREATED']));
  });

  it('adding a webhook endpoint and rotating its secret ask for a fresh second factor', async () => {
    const buyer = await signUpBuyer(app.url);
    const ADD = 'mutation { createWebhookEndpoint(input: { url: "https://tool.example.com/hooks", eventTypes: [SUPPLIER_CREATED] }) { endpoint { id } } }';
    expect((await buyer.client.request(ADD)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    const { secret } = await enrolTotp(buyer.client);
    const added = await buyer.client.request<{ createWebhookEndpoint: { endpoint: { id: string } } }>(ADD);
    expect(added.errors).toBeUndefined();
    const ROTATE = 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }';
    const id = added.data!.createWebhookEndpoint.endpoint.id;
    now += 6 * 60_000;
    expect((await buyer.client.request(ROTATE, { id })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    expect((await buyer.client.request(STEP_UP, { c: codeAt(secret, now) })).errors).toBeUndefined();
    expect((await buyer.client.request(ROTATE, { id })).errors).toBeUndefined();
  });

  it('accepting a bank change needs it (each approver); other changes and API keys do not', async () => {
    const buyer = await signUpBuyer(app.url);
    const orgId = buyer.user.organisation.id;
    const em = app.services.em(orgId);
    const supplier = em.create(Supplier, { organisation: orgId, name: 'Acme Widgets Ltd' } as never);
    await em.flush();
    const request = (changesBankDetails: boolean) =>
      em.create(ChangeRequest, {
        organisation: orgId,
        supplier,
        status: ChangeRequestStatus.PENDING,
        proposed: { name: 'Acme Widgets Limited' },
        baseline: {},
        changesBankDetails,
        submittedAt: new Date(),
        approvals: [],
        riskSignals: [],
      } as never);
    const bank = request(true);
    const plain = request(false);
    await em.flush();
    const ACCEPT = 'mutation($id: ID!) { acceptChangeRequest(id: $id) { status } }';
    expect((await buyer.client.request(ACCEPT, { id: bank.id })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    expect((await buyer.client.request<{ acceptChangeRequest: { status: string } }>(ACCEPT, { id: plain.id })).data?.acceptChangeRequest.status).toBe(
      'ACCEPTED',
    );
    await enrolTotp(buyer.client);
    // Past step-up, the bank-change rules of review.service take over (a call-back comes first).
    expect((await buyer.client.request(ACCEPT, { id: bank.id })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CALLBACK_REQUIRED' });
  });
});

describe('passkeys', () => {
  it('registers a passkey, then signs in with it without a password; a wrong origin or a replayed answer is refused', async () => {
    const buyer = await signUpBuyer(app.url);
    const client = graphqlClient(app.url, { headers: { origin: app.url } });
    client.cookie = buyer.client.cookie;
    const device = softPasskey(app.url);
    const start = await client.request<{ startPasskeyRegistration: { options: Record<string, unknown> } }>('mutation { startPasskeyRegistration { options } }');
    expect(start.errors).toBeUndefined();
    const finish = await client.request<{ finishPasskeyRegistration: { recoveryCodes: string[]; status: { passkeys: { name: string }[] } } }>(
      'mutation($r: JSON!) { finishPasskeyRegistration(response: $r, name: "Work laptop") { recoveryCodes status { passkeys { name } } } }',
      { r: device.register(start.data!.startPasskeyRegistration.options) },
    );
    expect(finish.errors).toBeUndefined();
    expect(finish.data!.finishPasskeyRegistration.recoveryCodes).toHaveLength(10);
    expect(finish.data!.finishPasskeyRegistration.status.passkeys).toEqual([{ name: 'Work laptop' }]);

    // Passwordless: a fresh browser, no email typed.
    const stranger = graphqlClient(app.url, { headers: { origin: app.url } });
    const options = (await stranger.request<{ startPasskeySignIn: { options: Record<string, unknown> } }>('mutation { startPasskeySignIn { options } }')).data!
      .startPasskeySignIn.options;
    expect(options.userVerification).toBe('required');
    const forged = await stranger.request('mutation($r: JSON!) { finishPasskeySignIn(response: $r) { user { id } } }', {
      r: device.authenticate(options, { origin: 'https://evil.example' }),
    });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSKEY_NOT_ACCEPTED' });

    const options2 = (await stranger.request<{ startPasskeySignIn: { options: Record<string, unknown> } }>('mutation { startPasskeySignIn { options } }')).data!
      .startPasskeySignIn.options;
    const answer = device.authenticate(options2);
    const signedIn = await stranger.request<{ finishPasskeySignIn: { user: { id: string } } }>(
      'mutation($r: JSON!) { finishPasskeySignIn(response: $r) { user { id } } }',
      { r: answer },
    );
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.finishPasskeySignIn.user.id).toBe(buyer.user.id);
    // That session counts as a fresh second factor.
    expect((await stranger.request(CREATE_KEY)).errors).toBeUndefined();

    const other = graphqlClient(app.url, { headers: { origin: app.url } });
    await other.request('mutation { startPasskeySignIn { options } }');
    const replayed = await other.request('mutation($r: JSON!) { finishPasskeySignIn(response: $r) { user { id } } }', { r: answer });
    expect(replayed.errors?.[0]?.extensions?.reason).toBe('PASSKEY_NOT_ACCEPTED');

    // As a second factor after the password.
    const { client: pw, answer: pending } = await signIn(buyer.input.email, buyer.input.password);
    expect(pending.secondFactor!.methods).toEqual(['PASSKEY', 'RECOVERY_CODE']);
    const second = (
      await pw.request<{ startPasskeySignIn: { options: { allowCredentials: { id: string }[] } } }>(
        'mutation { startPasskeySignIn(secondFactor: true) { options } }',
      )
    ).data!.startPasskeySignIn.options;
    expect(second.allowCredentials.map((c) => c.id)).toEqual([device.credentialId]);
    const done = await pw.request('mutation($r: JSON!) { finishPasskeySignIn(response: $r) { user { id } } }', { r: device.authenticate(second) });
    expect(done.errors).toBeUndefined();
  });
});

describe('organisation requires two-factor', () => {
  it('the admin sets it up first; a colleague without it can only enrol, then works as usual', async () => {
    const admin = await signUpBuyer(app.url);
    const orgId = admin.user.organisation.id;
    const SET = 'mutation($on: Boolean!) { updateOrganisationSettings(requireTwoFactor: $on) { requireTwoFactor } }';
    expect((await admin.client.request(SET, { on: true })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'requireTwoFactor' }],
    });
    await enrolTotp(admin.client);
    expect(
      (await admin.client.request<{ updateOrganisationSettings: { requireTwoFactor: boolean } }>(SET, { on: true })).data!.updateOrganisationSettings
        .requireTwoFactor,
    ).toBe(true);

    const priya = await colleague(orgId, 'Priya Approver');
    const { client, answer } = await signIn(priya.email, priya.password);
    expect(answer.user).not.toBeNull();
    expect((await client.request<{ me: { twoFactorEnrolmentRequired: boolean } }>(ME)).data!.me.twoFactorEnrolmentRequired).toBe(true);
    const blocked = await client.request('{ suppliers { totalCount } }');
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' });
    expect((await client.request<{ twoFactorStatus: { enrolmentRequired: boolean } }>(STATUS)).data!.twoFactorStatus.enrolmentRequired).toBe(true);

    now += 60_000;
    await enrolTotp(client);
    expect((await client.request('{ suppliers { totalCount } }')).errors).toBeUndefined();
    expect((await client.request<{ me: { twoFactorEnrolmentRequired: boolean } }>(ME)).data!.me.twoFactorEnrolmentRequired).toBe(false);
    // Her only factor cannot be removed while the organisation requires one.
    const removed = await client.request('mutation { removeTotp { totpEnabled } }');
    expect(removed.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LAST_SECOND_FACTOR_REQUIRED' });

    // Turning the rule off later needs a fresh second factor.
    now += 6 * 60_000;
    expect((await admin.client.request(SET, { on: false })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });

    const kinds = (await db().execute<{ kind: string; summary: string }[]>(AUDIT_KINDS, [orgId])).filter((e) => e.kind === 'SETTINGS_CHANGED');
    expect(kinds.map((e) => e.summary)).toEqual([expect.stringContaining('two-factor required: on')]);
  });

  it('an admin resets a member’s lost second factor: factors gone, signed out, emailed, audited; sign-in asks to enrol', async () => {
    const RESET = 'mutation($id: ID!) { resetTeamMemberTwoFactor(userId: $id) { userId sessionsEnded } }';
    const MEMBERS = '{ teamMembers { id name twoFactorEnabled } }';
    const admin = await signUpBuyer(app.url);
    const orgId = admin.user.organisation.id;
    const { secret: adminSecret } = await enrolTotp(admin.client);
    expect((await admin.client.request('mutation { updateOrganisationSettings(requireTwoFactor: true) { requireTwoFactor } }')).errors).toBeUndefined();
    const priya = await colleague(orgId, 'Priya Approver');
    const first = await signIn(priya.email, priya.password);
    now += 60_000;
    const { secret: priyaSecret } = await enrolTotp(first.client);
    const priyaId = first.answer.user!.id;
    const members = async () => (await admin.client.request<{ teamMembers: { id: string; twoFactorEnabled: boolean }[] }>(MEMBERS)).data!.teamMembers;
    expect((await members()).find((m) => m.id === priyaId)?.twoFactorEnabled).toBe(true);

    // Only an admin, never for themselves, and only with a fresh second factor.
    expect((await first.client.request(RESET, { id: admin.user.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.client.request(RESET, { id: admin.user.id })).errors?.[0]?.extensions).toMatchObject({ reason: 'CANNOT_RESET_OWN_TWO_FACTOR' });
    now += 6 * 60_000;
    expect((await admin.client.request(RESET, { id: priyaId })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    expect((await admin.client.request(STEP_UP, { c: codeAt(adminSecret, now) })).errors).toBeUndefined();
    const mailsBefore = smtp.messages.length;
    const reset = await admin.client.request<{ resetTeamMemberTwoFactor: { sessionsEnded: number } }>(RESET, { id: priyaId });
    expect(reset.errors).toBeUndefined();
    expect(reset.data!.resetTeamMemberTwoFactor.sessionsEnded).toBe(1);

    // Her session ended; her old authenticator and recovery codes are gone; the team page says so.
    expect((await first.client.request<{ me: unknown }>(ME)).data?.me).toBeNull();
    expect((await first.client.request('{ suppliers { totalCount } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await members()).find((m) => m.id === priyaId)?.twoFactorEnabled).toBe(false);
    const factors = await db().execute<{ n: string }[]>(
      `select (select count(*) from totp_factors where user_id = ?) + (select count(*) from recovery_codes where user_id = ?) + (select count(*) from passkeys where user_id = ?) as n`,
      [priyaId, priyaId, priyaId],
    );
    expect(Number(factors[0]!.n)).toBe(0);
    const mail = await smtp.mailTo(priya.email, /two-factor sign-in .* was reset/, mailsBefore);
    expect(mail.text).toContain('requires two-factor sign-in, so you will set up a new one');

    // With her password she signs in at once (no code asked) and can only enrol a new factor (the rule is on).
    const again = await signIn(priya.email, priya.password);
    expect(again.answer.secondFactor).toBeNull();
    expect((await again.client.request<{ me: { twoFactorEnrolmentRequired: boolean } }>(ME)).data!.me.twoFactorEnrolmentRequired).toBe(true);
    expect(codeAt(priyaSecret, now)).toMatch(/^\d{6}$/); // her old app still shows codes, but nothing accepts them now
    expect((await again.client.request(VERIFY_SIGN_IN, { c: codeAt(priyaSecret, now) })).errors).toBeDefined();

    const audit = await db().execute<{ kind: string; summary: string }[]>(AUDIT_KINDS, [orgId]);
    expect(audit.filter((e) => e.kind === 'TWO_FACTOR_RESET').map((e) => e.summary)).toEqual([
      expect.stringMatching(/reset Priya Approver’s two-factor sign-in \(authenticator app and recovery codes removed; 1 session ended\)/),
    ]);
    // Nothing left to reset: a clear answer, nothing written.
    expect((await admin.client.request(RESET, { id: priyaId })).errors?.[0]?.extensions).toMatchObject({ reason: 'NO_TWO_FACTOR_TO_RESET' });
  });

  it('API keys never sign in or enrol', async () => {
    const buyer = await signUpBuyer(app.url);
    await enrolTotp(buyer.client);
    const key = (await buyer.client.request<{ createApiKey: { secret: string } }>(CREATE_KEY)).data!.createApiKey.secret;
    const tool = graphqlClient(app.url, { headers: { authorization: `Bearer ${key}` } });
    expect((await tool.request(START_TOTP)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_FOR_API_KEYS' });
    expect((await tool.request('mutation { startPasskeySignIn { options } }')).errors?.[0]?.extensions?.reason).toBe('NOT_FOR_API_KEYS');
  });
});
