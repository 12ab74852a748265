import { Secret, TOTP } from 'otpauth';
import { addColleague, graphqlClient, signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type TestApp } from '@vouch/server/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * Two-factor sign-in through the screens: an authenticator app set up from its QR code's key (codes come
 * from otpauth, the library authenticator apps implement), signing in with it; a passkey made and used to
 * sign in without a password (Chromium's virtual authenticator over CDP); the organisation's "require
 * two-factor" rule making a colleague enrol first; and an APPROVER giving the second approval of a high-risk
 * bank change after a TOTP step-up. Pages are opened on `localhost` (WebAuthn refuses IP addresses).
 * Screenshots (VOUCH_E2E_SCREENSHOTS=1) at 1280×800 and 390×844.
 */

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let browser: LaunchedBrowser;
let origin: string;

const PASSWORD = 'correct horse battery';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The same app, addressed by name: a passkey's relying party must be a domain. */
const at = (pathname: string) => new URL(pathname, origin).toString();

beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ webDist, env: { SMTP_URL: smtp.url, STEP_UP_MINUTES: '5' } });
  origin = app.url.replace('127.0.0.1', 'localhost');
});

// Each journey in its own browser (own cookies, own authenticator).
beforeEach(async () => {
  browser = await launchBrowser({ viewport: DESKTOP });
});
afterEach(async () => {
  await browser?.close();
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

/**
 * An authenticator app: the codes it shows for a key. It never shows the same step twice to the server
 * (the server refuses a replayed code), so it moves to the next step when the current one was used.
 */
function authenticatorApp(base32: string) {
  const secret = Secret.fromBase32(base32.replace(/\s+/g, ''));
  let lastStep = -1;
  return {
    code(now = Date.now()): string {
      const step = Math.max(Math.floor(now / 30_000), lastStep + 1);
      lastStep = step;
      return TOTP.generate({ secret, timestamp: step * 30_000 + 1_000 });
    },
  };
}

/** Both sizes, for the design review; the page is left at desktop size. */
async function snapshots(page: Page, name: string): Promise<void> {
  await snapshot(page, `two-factor-desktop-${name}`);
  await page.setViewportSize(PHONE);
  await snapshot(page, `two-factor-phone-${name}`);
  await page.setViewportSize(DESKTOP);
}

async function signUpInBrowser(page: Page, name: string, organisationName: string): Promise<string> {
  const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
  await page.goto(at('/sign-up'));
  await page.getByLabel('Organisation name').fill(organisationName);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await signedIn(page);
  return email;
}

/** Signed in: the app's main navigation is there (whichever page is home). */
async function signedIn(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}

async function signInWithPassword(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(at('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Settings → Two-factor sign-in → authenticator app, scanned by reading the key beside the QR code. */
async function setUpAuthenticatorApp(page: Page, scope: ReturnType<Page['getByRole']> | Page) {
  const form = scope.getByRole('form', { name: 'Set up an authenticator app' });
  await form.getByRole('img', { name: 'QR code to add Vouch to your authenticator app' }).waitFor();
  const key = (await form.getByLabel('Setup key').textContent())!;
  // The QR code carries the same key: the link beside it is the otpauth:// URI the QR code encodes.
  const uri = new URL((await form.getByRole('link', { name: 'Open in an app on this device' }).getAttribute('href'))!);
  expect(uri.protocol).toBe('otpauth:');
  expect(uri.searchParams.get('secret')).toBe(key.replace(/\s+/g, ''));
  expect(uri.searchParams.get('issuer')).toBe('Vouch');
  const authenticator = authenticatorApp(key);
  // A wrong code first: explained at the input.
  await form.getByLabel('6-digit code from the app').fill('000000');
  await form.getByRole('button', { name: 'Turn on' }).click();
  await expect.poll(() => form.getByLabel('6-digit code from the app').getAttribute('aria-invalid'), WAIT).toBe('true');
  await form.getByLabel('6-digit code from the app').fill(authenticator.code());
  await form.getByRole('button', { name: 'Turn on' }).click();
  return authenticator;
}

describe('two-factor sign-in in the browser', () => {
  it('sets up an authenticator app from its QR code, saves recovery codes, and signs in with a code', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'two-factor-totp', async () => {
      const adaEmail = await signUpInBrowser(page, 'Ada Palmer', 'Keystone Joinery');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      const section = page.getByRole('region', { name: 'Two-factor sign-in' });
      await section.getByText('Not set up').waitFor();
      await section.getByRole('button', { name: 'Set up authenticator app' }).click();
      await snapshots(page, '01-settings-scan');
      const adaApp = await setUpAuthenticatorApp(page, section);

      const codes = section.getByRole('region', { name: 'Recovery codes' });
      await codes.getByText('They will not be shown again').waitFor();
      const shown = await codes.getByRole('listitem').allTextContents();
      expect(shown).toHaveLength(10);
      expect(shown.every((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c))).toBe(true);
      await snapshots(page, '02-recovery-codes');
      await codes.getByRole('button', { name: 'I’ve saved my recovery codes' }).click();
      await section.getByText('On', { exact: true }).waitFor();
      await section.getByText('10 of 10 left').waitFor();
      await snapshots(page, '03-settings-on');

      // The password alone is no longer enough.
      await signOut(page);
      await signInWithPassword(page, adaEmail);
      await page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' }).waitFor();
      await snapshots(page, '04-challenge');
      await page.getByLabel('6-digit code from your authenticator app').fill('123 456');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByLabel('6-digit code from your authenticator app').getAttribute('aria-invalid'), WAIT).toBe('true');
      await page.getByLabel('6-digit code from your authenticator app').fill(adaApp.code());
      await page.getByRole('button', { name: 'Sign in' }).click();
      await signedIn(page);

      // The audit log tells the story: the wrong code, the app, the sign-ins.
      await page.goto(at('/settings/audit-log'));
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      const events = page.getByRole('region', { name: 'Events' });
      await events.getByText('Ada Palmer set up an authenticator app').waitFor();
      await events
        .getByText(/Wrong authenticator code for Ada Palmer/)
        .first()
        .waitFor();
      await events.getByText(/Ada Palmer signed in with password and authenticator app/).waitFor();
      await snapshots(page, '05-audit-log');
      await page.getByLabel('Type').selectOption({ label: 'Wrong second factor' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      // One while setting up the app, one at sign-in.
      await expect.poll(() => events.getByRole('listitem').count(), WAIT).toBe(2);
      await snapshots(page, '06-audit-log-filtered');
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('registers a passkey and signs in with it, without a password', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'two-factor-passkey', async () => {
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });
      await signUpInBrowser(page, 'Bea Okafor', 'Okafor Timber');
      await page.goto(at('/settings'));
      const section = page.getByRole('region', { name: 'Two-factor sign-in' });
      await section.getByRole('button', { name: 'Add a passkey' }).click();
      await section.getByLabel('Passkey name').fill('Work laptop');
      await section.getByRole('button', { name: 'Add a passkey' }).click();
      // The first second factor brings recovery codes.
      await section.getByRole('region', { name: 'Recovery codes' }).getByRole('button', { name: 'I’ve saved my recovery codes' }).click();
      await section.getByRole('list', { name: 'Your passkeys' }).getByText('Work laptop').waitFor();

      await signOut(page);
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await signedIn(page);
      // One discoverable credential on the device, for this site; used once to register and once to sign in.
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      expect(credentials).toHaveLength(1);
      expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the organisation requires two-factor: a colleague sets it up first; after a lost phone an admin resets it', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'two-factor-required', async () => {
      const deeEmail = await signUpInBrowser(page, 'Dee Admin', 'Dee Fabrications');
      await page.goto(at('/settings'));
      const section = page.getByRole('region', { name: 'Two-factor sign-in' });
      const rule = section.getByRole('checkbox', { name: /Require two-factor sign-in for everyone/ });
      // The admin goes first: the rule waits until they have two-factor themselves.
      await rule.click();
      await section.getByText('Set up two-factor sign-in for yourself first').waitFor();
      await expect.poll(() => rule.isChecked(), WAIT).toBe(false);
      await section.getByRole('button', { name: 'Set up authenticator app' }).click();
      const deeApp = await setUpAuthenticatorApp(page, section);
      await section.getByRole('button', { name: 'I’ve saved my recovery codes' }).click();
      await rule.check();
      await expect.poll(() => rule.isChecked(), WAIT).toBe(true);
      await snapshots(page, '07-settings-required');
      const orgId = (
        await app.orm.em.getConnection().execute<{ organisation_id: string }[]>('select organisation_id from users where email = ?', [deeEmail])
      )[0]!.organisation_id;
      const colleague = await addColleague(app, orgId, { role: 'VIEWER', name: 'Cal Viewer' });
      await signOut(page);

      await signInWithPassword(page, colleague.email, colleague.password);
      await page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await snapshots(page, '08-enrolment-required');
      await setUpAuthenticatorApp(page, page);
      await page.getByRole('button', { name: 'I’ve saved my recovery codes' }).click();
      await signedIn(page);

      // Cal loses their phone. Dee resets Cal's second factor from the Team page, confirming it is her first.
      await signOut(page);
      await signInWithPassword(page, deeEmail);
      await page.getByLabel('6-digit code from your authenticator app').fill(deeApp.code());
      await page.getByRole('button', { name: 'Sign in' }).click();
      await signedIn(page);
      const later = Date.now() + 6 * 60_000;
      app.services.twoFactor.clock = () => Date.now() + 6 * 60_000; // her sign-in's second factor is no longer fresh
      await page.goto(at('/settings/team'));
      const row = page.getByRole('list', { name: 'Team members' }).getByRole('listitem').filter({ hasText: 'Cal Viewer' });
      await row.getByText('Two-factor on').waitFor();
      await row.getByRole('button', { name: 'Reset two-factor for Cal Viewer' }).click();
      const confirm = page.getByRole('dialog', { name: 'Reset Cal Viewer’s two-factor sign-in?' });
      await snapshots(page, '08b-reset-two-factor');
      await confirm.getByRole('button', { name: 'Reset two-factor' }).click();
      const stepUp = page.getByRole('dialog', { name: 'Confirm it’s you' });
      await stepUp.getByLabel('6-digit code from your authenticator app').fill(deeApp.code(later));
      await stepUp.getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('Reset Cal Viewer’s two-factor sign-in.').waitFor();
      await row.getByText('No two-factor').waitFor();
      expect(await row.getByRole('button', { name: 'Reset two-factor for Cal Viewer' }).count()).toBe(0);
      app.services.twoFactor.clock = () => Date.now();

      // Cal's inbox says what happened; with the password alone Cal is asked to set up a new second factor.
      const mail = await smtp.mailTo(colleague.email, /two-factor sign-in for Dee Fabrications was reset/);
      expect(mail.text).toContain('Dee Admin reset your two-factor sign-in');
      await signOut(page);
      await signInWithPassword(page, colleague.email, colleague.password);
      await page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' }).waitFor();
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});

// ---- The second approval of a bank change, after a step-up ----

/** An API client's authenticator app: enrol through the API (what lies before the journey). */
async function enrolByApi(client: ReturnType<typeof graphqlClient>) {
  const started = await client.request<{ startTotpEnrolment: { secret: string } }>('mutation { startTotpEnrolment { secret } }');
  const authenticator = authenticatorApp(started.data!.startTotpEnrolment.secret);
  const confirmed = await client.request('mutation($c: String!) { confirmTotpEnrolment(code: $c) { recoveryCodes } }', { c: authenticator.code() });
  expect(confirmed.errors).toBeUndefined();
  return authenticator;
}

/**
 * A high-risk bank change waiting for its second approval: the supplier submitted new bank details and a new
 * email through the invite (as bank-safety.integration.test.ts does), the admin recorded the call-back and
 * approved first (after their own step-up).
 */
async function seedBankChangeAwaitingSecondApproval() {
  const admin = await signUpBuyer(app.url, { name: 'Ada Admin' });
  await enrolByApi(admin.client);
  const supplierEmail = uniqueEmail('acme');
  const supplierId = (
    await admin.client.request<{ createSupplier: { id: string } }>('mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }', {
      i: { name: 'Acme Widgets Ltd', email: supplierEmail },
    })
  ).data!.createSupplier.id;
  await app.orm.em
    .getConnection()
    .execute(`update suppliers set phones = ? where id = ?`, [
      JSON.stringify([{ type: 'DEFAULT', number: '7946 0000', areaCode: '020', countryCode: '44' }]),
      supplierId,
    ]);
  const before = smtp.messages.length;
  await admin.client.request('mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { invite { id } } }', { ids: [supplierId] });
  const token = /\/invite#token=([\w-]+)/.exec((await smtp.mailTo(supplierEmail, /confirm your supplier details/, before)).text)![1]!;
  const supplier = graphqlClient(app.url);
  const codeFrom = smtp.messages.length;
  await supplier.request('mutation($t: String!) { sendSupplierCode(token: $t) { sentTo } }', { t: token });
  const code = /(\d{6})/.exec((await smtp.mailTo(supplierEmail, /Your Vouch code/, codeFrom)).subject)![1]!;
  await supplier.request('mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', { t: token, c: code });
  const submitted = await supplier.request('mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }', {
    t: token,
    i: {
      name: 'Acme Widgets Ltd',
      email: 'new-accounts@acme-widgets.example',
      phones: [{ type: 'DEFAULT', number: '7946 0000', areaCode: '020', countryCode: '44' }],
      addresses: [],
      contactPersons: [],
      payment: { country: 'GB', accountHolderName: 'Acme Widgets Limited', sortCode: '08-99-99', accountNumber: '66374958' },
    },
  });
  expect(submitted.errors).toBeUndefined();
  const pending = await admin.client.request<{ supplier: { pendingChangeRequest: { id: string; highRisk: boolean } } }>(
    'query($id: ID!) { supplier(id: $id) { pendingChangeRequest { id highRisk } } }',
    { id: supplierId },
  );
  const request = pending.data!.supplier.pendingChangeRequest;
  expect(request.highRisk).toBe(true);
  await admin.client.request(
    'mutation($id: ID!, $n: String!, $note: String!) { recordBankCallback(changeRequestId: $id, phoneNumber: $n, note: $note) { id } }',
    {
      id: request.id,
      n: '+44 20 7946 0000',
      note: 'Spoke to Jo Bloggs, finance; confirmed sort code and account ending 4958.',
    },
  );
  const first = await admin.client.request<{ acceptChangeRequest: { status: string } }>('mutation($id: ID!) { acceptChangeRequest(id: $id) { status } }', {
    id: request.id,
  });
  expect(first.data?.acceptChangeRequest.status).toBe('PENDING');

  // The approver, with an authenticator app of their own.
  const approver = await addColleague(app, admin.user.organisation.id, { role: 'APPROVER', name: 'Priya Approver' });
  const approverApi = graphqlClient(app.url);
  await approverApi.request('mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', { i: { email: approver.email, password: approver.password } });
  const approverApp = await enrolByApi(approverApi);
  return { supplierId, approver, approverApp };
}

describe('step-up in the browser', () => {
  it('the APPROVER gives the second approval of a bank change after a TOTP step-up', async () => {
    const { supplierId, approver, approverApp } = await seedBankChangeAwaitingSecondApproval();
    const context: BrowserContext = browser.context;
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const clock = app.services.twoFactor.clock;
    await withScreenshotOnFailure(page, 'two-factor-step-up', async () => {
      await signInWithPassword(page, approver.email, approver.password);
      await page.getByLabel('6-digit code from your authenticator app').fill(approverApp.code());
      await page.getByRole('button', { name: 'Sign in' }).click();
      await signedIn(page);
      await page.goto(at(`/suppliers/${supplierId}`));
      const review = page.getByRole('region', { name: 'Changes to review' });
      await review.getByText('Needs a second approver').waitFor();

      // Time passes: the second factor from sign-in is no longer fresh (server clock moved on 6 minutes).
      const later = Date.now() + 6 * 60_000;
      app.services.twoFactor.clock = () => Date.now() + 6 * 60_000;
      await review.getByRole('button', { name: 'Accept' }).click();
      const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' });
      await dialog.getByLabel('6-digit code from your authenticator app').waitFor();
      await snapshots(page, '09-step-up');
      await dialog.getByLabel('6-digit code from your authenticator app').fill(approverApp.code(later));
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').filter({ hasText: 'Changes accepted' }).waitFor();
      await snapshots(page, '10-accepted');
    });
    app.services.twoFactor.clock = clock;
    expect(errors).toEqual([]);
    const [row] = await app.orm.em
      .getConnection()
      .execute<{ status: string; approvals: { userName: string }[] }[]>('select status, approvals from change_requests where supplier_id = ?', [supplierId]);
    expect(row).toMatchObject({ status: 'ACCEPTED', approvals: [{ userName: 'Ada Admin' }, { userName: 'Priya Approver' }] });
    const audit = await app.orm.em
      .getConnection()
      .execute<{ kind: string }[]>(`select kind from audit_events where kind = 'STEP_UP_VERIFIED' and summary like 'Priya Approver%'`);
    expect(audit).toHaveLength(1);
    await page.close();
  });
});
