import { signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type CapturedMail, type TestApp } from '@vouch/server/testing';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { driveConsent } from '@vouch/xero-emulator/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * Team and account security in the browser (issue 13, items 1, 2 and 4). Before the journey, through the API:
 * the buyer's ADMIN, their Xero connection and the import of a supplier whose bank account Xero holds, and a
 * local SMTP server. The journeys are screens only: the ADMIN invites an APPROVER and a VIEWER on Settings →
 * Team; each joins from the emailed link in their own browser; the VIEWER sees the bank number masked (the
 * APPROVER in full); the ADMIN removes the VIEWER, whose open page lands on sign-in at their next click; the
 * APPROVER forgets their password and resets it from the emailed link, which signs out their other browsers;
 * Settings lists sessions and signs one out.
 */

const XERO_USER = { email: 'owner@team-e2e.example', password: 'xero-password-1' };
const SUPPLIER = 'Northwind Paper Co';
const ORG = 'Harbour Coffee Roasters';

let emulator: XeroEmulator;
let tenantId: string;
let app: TestApp;
let smtp: { url: string; messages: CapturedMail[]; close(): Promise<void> };
const browsers: LaunchedBrowser[] = [];

const at = (pathname: string) => urlFor(app.url, pathname);

function must<T>(response: { data?: T | null; errors?: unknown[] }): T {
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

async function mailTo(to: string, subject: RegExp): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(() => {
      found = smtp.messages.filter((m) => m.to.includes(to) && subject.test(m.subject)).at(-1);
      return Boolean(found);
    }, WAIT)
    .toBe(true);
  return found!;
}

function linkIn(mail: CapturedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}#token=[\\w.-]+`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in "${mail.subject}"`);
  return match[0];
}

async function newContext(viewport?: { width: number; height: number }): Promise<BrowserContext> {
  const launched = await launchBrowser(viewport ? { viewport } : {});
  browsers.push(launched);
  return launched.context;
}

async function expectNoHorizontalOverflow(page: Page, width: number): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(width);
}

/** Opens an emailed join link in a fresh browser and joins with a name and password. */
async function join(link: string, name: string, password: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(viewport)).newPage();
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: `Join ${ORG}` }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: `Join ${ORG}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
  return page;
}

let admin: Page;
let approver: Page;
let viewer: Page;
let approverEmail: string;
let viewerEmail: string;

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(XERO_USER);
  tenantId = emulator.control.createOrganisation({ name: 'Harbour Books Ltd', userEmails: [XERO_USER.email] }).tenantId;
  emulator.control.seedContacts(tenantId, {
    contacts: [{ Name: SUPPLIER, IsSupplier: true, EmailAddress: 'ap@northwind.example', BankAccountDetails: '08-99-99 66374958' }],
  });
  smtp = await startTestSmtp();
  app = await startTestApp({ webDist, xeroEmulator: emulator, env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await app?.close();
  await emulator?.close();
  await smtp?.close();
});

/** Before the journeys (API): the ADMIN, the Xero connection and the imported supplier; the ADMIN's browser. */
async function seed(): Promise<void> {
  const buyer = await signUpBuyer(app.url, { organisationName: ORG, name: 'Ada Palmer' });
  const start = must(await buyer.client.request<{ startXeroConnection: { authorizeUrl: string } }>('mutation { startXeroConnection { authorizeUrl } }'));
  const consent = await driveConsent(start.startXeroConnection.authorizeUrl, XERO_USER);
  const callback = await fetch(consent.callbackUrl!, { headers: { cookie: buyer.client.cookie ?? '' }, redirect: 'manual' });
  const attemptId = new URL(callback.headers.get('location')!, app.url).searchParams.get('xeroAttempt')!;
  must(await buyer.client.request('mutation($a: ID!, $t: String!) { confirmXeroTenant(attemptId: $a, tenantId: $t) { id } }', { a: attemptId, t: tenantId }));
  await expect
    .poll(
      async () =>
        must(await buyer.client.request<{ xeroConnection: { importStatus: string } | null }>('{ xeroConnection { importStatus } }')).xeroConnection
          ?.importStatus,
      WAIT,
    )
    .toBe('DONE');

  const adminContext = await newContext();
  const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
  await adminContext.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: app.url }]);
  admin = await adminContext.newPage();
}

describe('team and account security in the browser', () => {
  it('an ADMIN invites an APPROVER and a VIEWER on Settings → Team; they join from their emailed links; the VIEWER sees bank numbers masked', async () => {
    await seed();
    await withScreenshotOnFailure(admin, 'team-invite', async () => {
      await admin.goto(at('/settings'));
      await admin.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await admin.getByRole('link', { name: 'Manage team' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      const members = admin.getByRole('list', { name: 'Team members' });
      await members.getByRole('combobox', { name: 'Role for Ada Palmer' }).waitFor();

      // A bad address is explained next to the field; nothing is sent.
      const form = admin.getByRole('region', { name: 'Invite a teammate' });
      await form.getByLabel('Email').fill('priya@');
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await expect.poll(() => form.getByLabel('Email').getAttribute('aria-invalid'), WAIT).toBe('true');

      approverEmail = uniqueEmail('priya');
      await form.getByLabel('Email').fill(approverEmail);
      await form.getByRole('radio', { name: /^Approver/ }).check();
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: `Invitation sent to ${approverEmail} as approver.` })
        .waitFor();

      viewerEmail = uniqueEmail('victor');
      await form.getByLabel('Email').fill(viewerEmail);
      await form.getByRole('radio', { name: /^Viewer/ }).check();
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: `Invitation sent to ${viewerEmail} as viewer.` })
        .waitFor();

      // Inviting the same address again says so.
      await form.getByLabel('Email').fill(viewerEmail);
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await form.getByRole('alert').filter({ hasText: 'has already been invited' }).waitFor();

      const invitations = admin.getByRole('list', { name: 'Invitations' });
      await invitations.getByRole('listitem').filter({ hasText: approverEmail }).getByText('Expires in 6 days').waitFor();
      await invitations.getByRole('listitem').filter({ hasText: viewerEmail }).waitFor();
      await snapshot(admin, 'team-page-invited');
    });

    const approverMail = await mailTo(approverEmail, /invited you to Harbour Coffee Roasters on Vouch/);
    expect(approverMail.subject).toBe(`Ada Palmer invited you to ${ORG} on Vouch`);
    approver = await join(linkIn(approverMail, '/join'), 'Priya Shah', 'approver password 1');
    collectPageErrors(approver);
    viewer = await join(linkIn(await mailTo(viewerEmail, /invited you/), '/join'), 'Victor Lane', 'viewer password 1', { width: 390, height: 844 });
    const viewerErrors = collectPageErrors(viewer);

    await withScreenshotOnFailure([viewer, approver], 'team-viewer-masked', async () => {
      // The VIEWER sees the account masked to its last 4 digits; the APPROVER sees it in full.
      await viewer.getByRole('link', { name: SUPPLIER }).click();
      await viewer.getByRole('heading', { level: 1, name: SUPPLIER }).waitFor();
      await viewer.getByText('•••• 4958').first().waitFor();
      expect(await viewer.content()).not.toContain('66374958');
      await snapshot(viewer, 'team-viewer-supplier-masked');

      await approver.getByRole('link', { name: SUPPLIER }).click();
      await approver.getByRole('heading', { level: 1, name: SUPPLIER }).waitFor();
      await approver
        .getByText(/66374958/)
        .first()
        .waitFor();

      // Everyone sees who is on the team; only the ADMIN manages it.
      await viewer.goto(at('/settings/team'));
      const list = viewer.getByRole('list', { name: 'Team members' });
      for (const name of ['Ada Palmer', 'Priya Shah', 'Victor Lane']) await list.getByText(name).first().waitFor();
      expect(await viewer.getByRole('region', { name: 'Invite a teammate' }).count()).toBe(0);
      expect(await viewer.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
      await expectNoHorizontalOverflow(viewer, 390);
    });
    expect(viewerErrors).toEqual([]);

    // The ADMIN's page, both widths, for review.
    await admin.reload();
    await admin.getByRole('list', { name: 'Team members' }).getByText('Victor Lane').first().waitFor();
    await admin.getByText('No invitations waiting to be accepted.').waitFor();
    await snapshot(admin, 'team-page-1280');
    await admin.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(admin, 390);
    await snapshot(admin, 'team-page-390');
    await admin.setViewportSize({ width: 1280, height: 800 });
  });

  it('a removed member’s open session stops working at once: their next click lands on sign-in', async () => {
    await withScreenshotOnFailure([admin, viewer], 'team-remove', async () => {
      await viewer.goto(at('/suppliers'));
      await viewer.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();

      const row = admin.getByRole('list', { name: 'Team members' }).getByRole('listitem').filter({ hasText: 'Victor Lane' });
      await row.getByRole('button', { name: 'Remove Victor Lane' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Remove Victor Lane?' });
      await dialog.getByText('signed out at once').waitFor();
      await dialog.getByRole('button', { name: 'Remove from team' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await admin.getByRole('status').filter({ hasText: 'Removed Victor Lane. They were signed out everywhere' }).waitFor();
      await expect.poll(() => admin.getByRole('list', { name: 'Team members' }).getByText('Victor Lane').count(), WAIT).toBe(0);

      // Victor's page is still open; the next thing he does lands on sign-in.
      await viewer.getByRole('link', { name: SUPPLIER }).click();
      await viewer.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await viewer.getByLabel('Email').fill(viewerEmail);
      await viewer.getByLabel('Password').fill('viewer password 1');
      await viewer.getByRole('button', { name: 'Sign in', exact: true }).click();
      await viewer.getByText('Email or password is incorrect.').waitFor();
    });
  });

  it('forgot password, end to end through email: the new password works and every other session is signed out', async () => {
    // Priya is also signed in on a phone.
    const phone = await (await newContext({ width: 390, height: 844 })).newPage();
    await phone.goto(at('/sign-in'));
    await phone.getByLabel('Email').fill(approverEmail);
    await phone.getByLabel('Password').fill('approver password 1');
    await phone.getByRole('button', { name: 'Sign in', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    // A browser the account had not used: Priya is told by email.
    const notice = await mailTo(approverEmail, /New sign-in to your Vouch account/);
    expect(notice.text).toContain('Chrome');

    // Settings lists both sessions (this one first) — reviewed at both widths.
    await approver.goto(at('/settings'));
    const sessions = approver.getByRole('region', { name: 'Sessions' });
    const rows = sessions.getByRole('list', { name: 'Your sessions' }).getByRole('listitem');
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    await rows.first().getByText('This browser', { exact: true }).waitFor();
    await sessions.scrollIntoViewIfNeeded();
    await snapshot(approver, 'sessions-1280');
    await phone.goto(at('/settings'));
    await phone.getByRole('region', { name: 'Sessions' }).getByText('This browser', { exact: true }).waitFor();
    await expectNoHorizontalOverflow(phone, 390);
    await snapshot(phone, 'sessions-390');

    // On a third browser, signed out: "Forgot your password?"
    const desk = await (await newContext()).newPage();
    const deskErrors = collectPageErrors(desk);
    await withScreenshotOnFailure([desk, approver, phone], 'forgot-password', async () => {
      await desk.goto(at('/sign-in'));
      await desk.getByRole('link', { name: 'Forgot your password?' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
      await desk.getByLabel('Email').fill(approverEmail);
      await desk.getByRole('button', { name: 'Send reset link' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      await snapshot(desk, 'forgot-password-sent');

      const link = linkIn(await mailTo(approverEmail, /Reset your Vouch password/), '/reset-password');
      await desk.goto(link);
      await desk.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      expect(desk.url()).toContain('/reset-password');
      await desk.getByLabel('New password', { exact: true }).fill('brand new password 2');
      await desk.getByLabel('New password again').fill('brand new password 3');
      await desk.getByRole('button', { name: 'Set new password' }).click();
      await desk.getByText('The two passwords don’t match.').waitFor();
      await desk.getByLabel('New password again').fill('brand new password 2');
      await desk.getByRole('button', { name: 'Set new password' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Password changed' }).waitFor();

      // Both of Priya's other browsers are signed out: their next action lands on sign-in.
      await approver.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
      await approver.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await phone.reload();
      await phone.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

      // The new password works (and the old one does not).
      await desk.getByRole('heading', { level: 1, name: 'Password changed' }).waitFor();
      await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
      await desk.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await desk.getByLabel('Email').fill(approverEmail);
      await desk.getByLabel('Password').fill('approver password 1');
      await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
      await desk.getByText('Email or password is incorrect.').waitFor();
      await desk.getByLabel('Password').fill('brand new password 2');
      await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
      await desk.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await mailTo(approverEmail, /Your Vouch password was changed/);

      // The same link does not work twice.
      await desk.goto(link);
      await desk.getByLabel('New password', { exact: true }).fill('another password 4');
      await desk.getByLabel('New password again').fill('another password 4');
      await desk.getByRole('button', { name: 'Set new password' }).click();
      await desk.getByText(/already been used/).waitFor();
    });
    expect(deskErrors).toEqual([]);
  });

  it('Settings signs another session out at once', async () => {
    const desk = await (await newContext()).newPage();
    await desk.goto(at('/sign-in'));
    await desk.getByLabel('Email').fill(approverEmail);
    await desk.getByLabel('Password').fill('brand new password 2');
    await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    const laptop = await (await newContext()).newPage();
    await laptop.goto(at('/sign-in'));
    await laptop.getByLabel('Email').fill(approverEmail);
    await laptop.getByLabel('Password').fill('brand new password 2');
    await laptop.getByRole('button', { name: 'Sign in', exact: true }).click();
    await laptop.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    await withScreenshotOnFailure([desk, laptop], 'sessions-end', async () => {
      await desk.goto(at('/settings'));
      const sessions = desk.getByRole('region', { name: 'Sessions' });
      await sessions.getByRole('button', { name: 'Sign out all other sessions' }).click();
      const dialog = desk.getByRole('dialog', { name: 'Sign out all other sessions?' });
      await dialog.getByRole('button', { name: 'Sign them out' }).click();
      await sessions
        .getByRole('status')
        .filter({ hasText: /Signed out \d+ other session/ })
        .waitFor();
      await sessions.getByText('You’re signed in only here.').waitFor();
      await laptop.reload();
      await laptop.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    });
  });
});
