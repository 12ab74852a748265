import { graphqlClient, signUpBuyer, startTestApp, startTestSmtp } from '@vouch/server/testing';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * The buyer's first minutes: sign up, see the empty supplier list, sign out, fail and then succeed to
 * sign in, and use the app at phone width. Runs the real server (embedded Postgres) serving the built
 * SPA from dist/ (`pnpm test` builds it first). Elements are found by role and label only.
 */

let app: { url: string; close(): Promise<void> };
let browser: LaunchedBrowser;
let context: BrowserContext;

const account = {
  organisation: 'Harbour Coffee Roasters',
  name: 'Ada Palmer',
  email: `ada.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}@example.com`,
  password: 'correct horse battery',
};

function at(pathname: string): string {
  return urlFor(app.url, pathname);
}

/** Seeds a new organisation through the API and signs this browser in as its ADMIN (session cookie). */
async function signInAsNewBuyer(organisationName: string) {
  const buyer = await signUpBuyer(app.url, { organisationName });
  const [name, ...value] = buyer.client.cookie!.split('=');
  await context.clearCookies();
  await context.addCookies([{ name: name!, value: value.join('='), url: app.url }]);
  return buyer;
}

beforeAll(async () => {
  app = await startTestApp({ webDist });
  browser = await launchBrowser();
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('buyer app in the browser', () => {
  it('signs up, signs out, rejects a wrong password, and signs back in', async () => {
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'auth-flow', async () => {
      // Signed-out visitors to an app page are sent to sign in.
      await page.goto(at('/suppliers'));
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
      await snapshot(page, 'sign-up');

      // Client-side validation explains itself next to the inputs before anything is sent.
      await page.getByRole('button', { name: 'Create account' }).click();
      const organisationInput = page.getByLabel('Organisation name');
      await expect.poll(() => organisationInput.getAttribute('aria-invalid'), WAIT).toBe('true');
      expect(await organisationInput.evaluate((el) => el === document.activeElement)).toBe(true);
      // The message is the input's accessible description (aria-describedby), not just nearby text.
      const description = await organisationInput.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      expect(description).toContain('Enter your organisation');

      await organisationInput.fill(account.organisation);
      await page.getByLabel('Your name').fill(account.name);
      await page.getByLabel('Work email').fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Create account' }).click();

      // Lands in the app frame where it was going (Suppliers), with the real empty state.
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      await page.getByRole('heading', { name: 'No suppliers yet' }).waitFor();
      const banner = page.getByRole('banner');
      await banner.getByText(account.organisation).waitFor();
      await banner.getByText(account.name).waitFor();
      await banner.getByText('Admin').waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await page.getByRole('main').getByRole('link', { name: 'Go to Integrations' }).waitFor();
      await snapshot(page, 'suppliers-empty');
      expect(await nav.getByRole('link', { name: 'Suppliers' }).getAttribute('aria-current')).toBe('page');

      // Settings shows the account.
      await nav.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByRole('main').getByText(account.email).waitFor();
      expect(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');

      // Sign out, then a wrong password is refused with the server's message in an alert.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password').fill('not the right password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Email or password is incorrect.');
      await snapshot(page, 'sign-in-error');

      // The right password, submitted from the keyboard, gets back in.
      await page.getByLabel('Password').fill(account.password);
      await page.getByLabel('Password').press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await page
        .getByRole('main')
        .getByRole('link', { name: /Connect Xero/ })
        .waitFor();
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });

  it('shows the server message when the email is already taken, and keeps the form', async () => {
    const existing = await signUpBuyer(app.url);
    await context.clearCookies();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'email-taken', async () => {
      await page.goto(at('/sign-up'));
      await page.getByLabel('Organisation name').fill('Second Try Ltd');
      await page.getByLabel('Your name').fill('Grace Hopper');
      await page.getByLabel('Work email').fill(existing.input.email);
      await page.getByLabel('Password').fill('another good password');
      await page.getByRole('button', { name: 'Create account' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('An account with this email already exists.');
      // Still on sign-up with the form intact, so the person can fix the email or go to sign in.
      await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
      expect(await page.getByLabel('Organisation name').inputValue()).toBe('Second Try Ltd');
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });

  it('sends you to sign in when the session has gone, and back to where you were', async () => {
    const buyer = await signInAsNewBuyer('Expiring Session Ltd');
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'session-expired', async () => {
      await page.goto(at('/settings'));
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

      // The session disappears behind the app's back (expired, or signed out in another tab).
      await context.clearCookies();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

      await page.getByLabel('Email').fill(buyer.input.email);
      await page.getByLabel('Password').fill(buyer.input.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      await page.getByRole('banner').getByText('Expiring Session Ltd').waitFor();
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });

  it('keeps the navigation reachable at phone width (360px)', async () => {
    await signInAsNewBuyer('Harbour Coffee Roasters');
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await withScreenshotOnFailure(page, 'phone-width', async () => {
      await page.goto(at('/suppliers'));
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();

      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['Suppliers', 'Integrations', 'Sync', 'Settings']) {
        const link = nav.getByRole('link', { name });
        await link.waitFor();
        const box = await link.boundingBox();
        expect(box, `${name} link has a layout box`).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      }
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(360);

      await nav.getByRole('link', { name: 'Integrations' }).click();
      await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
      await page.getByRole('button', { name: /Connect to Xero/ }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await snapshot(page, 'phone-integrations');
      await nav.getByRole('link', { name: 'Suppliers' }).click();
      await page.getByRole('heading', { name: 'No suppliers yet' }).waitFor();
      await snapshot(page, 'phone-suppliers');
    });
    await page.close();
  });

  it('lists suppliers in a table and shows new ones live', async () => {
    const buyer = await signInAsNewBuyer('Northwind Bakery');
    const api = graphqlClient(app.url);
    api.cookie = buyer.client.cookie;
    const createSupplier = (name: string, email: string | null) =>
      api.request(`mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`, {
        input: { name, email },
      });
    const first = await createSupplier('Acme Packaging Ltd', 'accounts@acme-packaging.example');
    expect(first.errors).toBeUndefined();

    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'suppliers-table', async () => {
      // The list's subscription opens once the list has loaded; wait for its subscribe message to go out.
      const subscribed = page.waitForEvent('websocket').then(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.on('framesent', (frame) => {
              if (String(frame.payload).includes('"subscribe"') && String(frame.payload).includes('supplierAdded')) resolve();
            });
          }),
      );
      await page.goto(at('/suppliers'));
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      await page.getByRole('banner').getByText('Northwind Bakery').waitFor();

      const table = page.getByRole('table', { name: 'Suppliers' });
      await table.getByRole('row', { name: /Acme Packaging Ltd/ }).waitFor();
      expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Name', 'Invite', 'Bank details', 'Xero sync', 'Last change']);
      await table.getByRole('rowheader', { name: /accounts@acme-packaging\.example/ }).waitFor();
      await table.getByRole('row', { name: /Acme Packaging Ltd.*Not invited yet.*None.*Nothing to send.*Supplier added/ }).waitFor();

      await subscribed;
      const second = await createSupplier('Bright Beans Importers', null);
      expect(second.errors).toBeUndefined();
      await table.getByRole('row', { name: /Bright Beans Importers/ }).waitFor();
      await page.getByText('2 suppliers').waitFor();
      await snapshot(page, 'suppliers-table');

      // And it is really stored: a reload shows both.
      await page.reload();
      await table.getByRole('row', { name: /Bright Beans Importers/ }).waitFor();
      await table.getByRole('row', { name: /Acme Packaging Ltd/ }).waitFor();
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });
});

describe('sign-up with email confirmation (a server that sends email)', () => {
  let mailApp: Awaited<ReturnType<typeof startTestApp>>;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailApp = await startTestApp({ webDist, env: { SMTP_URL: smtp.url, SIGN_UP_EMAIL_CONFIRMATION: 'true' } });
  });
  afterAll(async () => {
    await mailApp?.close();
    await smtp?.close();
  });

  it('says “check your email”, and the emailed link finishes the account and signs in', async () => {
    await context.clearCookies();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const email = `grace.${Date.now().toString(36)}@example.com`;
    await withScreenshotOnFailure(page, 'sign-up-confirm', async () => {
      await page.goto(urlFor(mailApp.url, '/sign-up'));
      await page.getByLabel('Organisation name').fill('Lantern Tea House');
      await page.getByLabel('Your name').fill('Grace Hopper');
      await page.getByLabel('Work email').fill(email);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Create account' }).click();

      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain(email);
      await snapshot(page, 'sign-up-check-email');

      await expect.poll(() => smtp.messages.some((m) => m.to.includes(email)), WAIT).toBe(true);
      const mail = smtp.messages.find((m) => m.to.includes(email))!;
      const link = /https?:\/\/\S+\/sign-up\/confirm#token=[A-Za-z0-9_.-]+/.exec(mail.text)![0];
      // The link names the server's public address; open it on the one under test.
      await page.goto(urlFor(mailApp.url, new URL(link).pathname) + new URL(link).hash);

      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await page.getByRole('banner').getByText('Lantern Tea House').waitFor();
      await page.getByRole('banner').getByText('Grace Hopper').waitFor();
      expect(page.url()).not.toContain('token=');
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });
});
