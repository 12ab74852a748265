import { signUpBuyer, startTestApp } from '@vouch/server/testing';
import { DEMO, startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * Connect Xero, end to end: the buyer leaves Vouch for the Xero emulator's real login and consent pages,
 * comes back to choose one organisation (permanently), watches the import finish and finds the suppliers.
 * Later attempts can only reconnect that organisation, and an organisation connected to one Vouch
 * organisation is refused to another. Real server (embedded Postgres, jobs on) serving dist/; elements
 * are found by role and label only.
 */

/** The import reads every contact page from the emulator (rate limits included). */
const IMPORT_WAIT = { timeout: 60_000 };

let emulator: XeroEmulator;
let app: { url: string; close(): Promise<void> };
let browser: LaunchedBrowser;
let context: BrowserContext;

function at(pathname: string): string {
  return urlFor(app.url, pathname);
}

function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Seeds a new organisation through the API and signs this browser in as its ADMIN. Clearing cookies also
 * signs the browser out of the Xero emulator, so the next connect starts at Xero's login page.
 */
async function signInAsNewBuyer(organisationName: string) {
  const buyer = await signUpBuyer(app.url, { organisationName });
  const [name, ...value] = buyer.client.cookie!.split('=');
  await context.clearCookies();
  await context.addCookies([{ name: name!, value: value.join('='), url: app.url }]);
  return buyer;
}

/** On the emulator: log in if asked, tick exactly `organisations`, and allow access. */
async function consentOnXero(page: Page, login: { email: string; password: string }, organisations: readonly string[]): Promise<void> {
  await page.waitForURL((url) => url.toString().startsWith(emulator.url), WAIT);
  const loginHeading = page.getByRole('heading', { name: 'Log in to Xero' });
  const consentHeading = page.getByRole('heading', { name: /wants to access your Xero data/ });
  await loginHeading.or(consentHeading).waitFor();
  if (await loginHeading.isVisible()) {
    await snapshot(page, 'xero-emulator-login');
    await page.getByLabel('Email address').fill(login.email);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await consentHeading.waitFor();
  }
  const boxes = page.getByRole('group', { name: 'Select the organisations to connect' }).getByRole('checkbox');
  for (const box of await boxes.all()) {
    const label = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    await box.setChecked(organisations.some((name) => label.startsWith(name)));
  }
  await snapshot(page, 'xero-emulator-consent');
  await page.getByRole('button', { name: 'Allow access' }).click();
  await page.waitForURL((url) => url.pathname === '/integrations' && url.searchParams.has('xeroAttempt'), WAIT);
}

/** Chooses `organisation` in the picker and confirms the permanent choice. */
async function chooseOrganisation(page: Page, organisation: string): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Xero organisation' });
  await select.selectOption({ label: organisation });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'This choice is permanent' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: `Connect ${organisation}` }).click();
}

/** The Xero card on Integrations (a <section> named by its "Xero" heading). */
function xeroCard(page: Page) {
  return page.getByRole('region', { name: 'Xero', exact: true });
}

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'demo' });
  app = await startTestApp({ webDist, xeroEmulator: emulator });
  browser = await launchBrowser({ profilePrefix: 'vouch-web-e2e-xero-' });
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await emulator?.close();
});

describe('Connect Xero in the browser', () => {
  it('signs up, connects Demo Trading Ltd through Xero’s pages, imports its suppliers', { timeout: 180_000 }, async () => {
    await context.clearCookies();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    // Live updates arrive over the GraphQL websocket (the page also polls slowly as a fallback).
    const liveUpdates: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('xeroConnectionUpdated')) liveUpdates.push(String(frame.payload));
      }),
    );
    await withScreenshotOnFailure(page, 'xero-connect', async () => {
      await page.goto(at('/sign-up'));
      await page.getByLabel('Organisation name').fill('Harbour Coffee Roasters');
      await page.getByLabel('Your name').fill('Ada Palmer');
      await page.getByLabel('Work email').fill(`ada.${unique()}@example.com`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
      await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
      const card = xeroCard(page);
      await card.getByText('Not connected').waitFor();
      await snapshot(page, 'xero-not-connected');
      await card.getByRole('button', { name: 'Connect to Xero' }).click();

      // Xero's own pages: log in, allow, tick both organisations.
      await consentOnXero(page, { email: DEMO.userEmail, password: DEMO.userPassword }, [DEMO.organisations[0].name, DEMO.organisations[1].name]);

      // Back in Vouch: both organisations are offered, none chosen yet.
      await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
      const select = page.getByRole('combobox', { name: 'Xero organisation' });
      await select.waitFor();
      expect(await select.getByRole('option').allTextContents()).toEqual(['Choose an organisation', 'Demo Trading Ltd', 'Sample Bakery Co']);
      await snapshot(page, 'xero-choose-organisation');

      // Connect without choosing explains itself at the select.
      const connect = page.getByRole('button', { name: 'Connect', exact: true });
      await connect.click();
      await expect.poll(() => select.getAttribute('aria-invalid'), WAIT).toBe('true');

      // The confirmation says the choice is permanent; Escape cancels and gives focus back.
      await select.selectOption({ label: 'Demo Trading Ltd' });
      await connect.click();
      const dialog = page.getByRole('dialog', { name: 'This choice is permanent' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(
        'Vouch will be connected to Demo Trading Ltd for good. You can reconnect it later, but never switch to a different Xero organisation.',
      );
      // Cancel has focus first (nothing permanent on a stray Enter), and Tab stays inside the dialog.
      const cancel = dialog.getByRole('button', { name: 'Cancel' });
      await expect.poll(() => cancel.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      }
      await snapshot(page, 'xero-confirm-dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => connect.evaluate((el) => el === document.activeElement), WAIT).toBe(true);

      await chooseOrganisation(page, 'Demo Trading Ltd');

      // Connected: the address is clean and the card shows the organisation, then the import's result.
      await page.waitForURL((url) => url.pathname === '/integrations' && url.search === '', WAIT);
      await card.getByText('Demo Trading Ltd', { exact: true }).waitFor();
      // Focus moves from the closed dialog to the card that replaced the picker.
      const cardHeading = card.getByRole('heading', { name: 'Xero', exact: true });
      await expect.poll(() => cardHeading.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
      await card.getByText('Connected', { exact: true }).waitFor();
      const done = card.getByText(/Imported: [\d,]+ suppliers?/);
      const progress = card.getByRole('progressbar', { name: 'Importing suppliers from Xero' });
      await progress.or(done).first().waitFor();
      if (await progress.isVisible()) {
        expect(await progress.getAttribute('aria-valuenow')).toBeNull(); // indeterminate: Xero gives no total
        await snapshot(page, 'xero-importing');
      }
      await done.waitFor(IMPORT_WAIT);
      expect(liveUpdates.some((payload) => payload.includes('"DONE"'))).toBe(true);
      const imported = Number(/Imported: ([\d,]+)/.exec((await done.textContent())!)![1]!.replace(/,/g, ''));
      expect(imported).toBeGreaterThan(0);
      await card.getByText(/Last checked|Not checked yet/).waitFor();
      await snapshot(page, 'xero-connected');

      // The suppliers are there.
      await card.getByRole('link', { name: 'View suppliers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      const table = page.getByRole('table', { name: 'Suppliers' });
      await table.waitFor();
      await expect.poll(() => table.getByRole('row').count(), WAIT).toBeGreaterThan(1);
      // Every imported supplier is listed (archived Xero contacts are listed too, marked as archived).
      const lead = page.getByText(/^[\d,]+ suppliers? · showing the first 50$/);
      await lead.waitFor();
      expect(Number((await lead.textContent())!.split(' ')[0]!.replace(/,/g, ''))).toBeGreaterThanOrEqual(imported);
      await snapshot(page, 'xero-suppliers');
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });

  it('only lets an organisation reconnect its own Xero organisation, and refuses it to another', { timeout: 240_000 }, async () => {
    // A Xero user of its own with two small organisations, so this test shares nothing with the demo one.
    const tag = unique();
    const xeroUser = { email: `owner.${tag}@xero.example`, password: `xero-password-${tag}` };
    emulator.control.createUser({ ...xeroUser, name: 'Owner Example' });
    const books = emulator.control.createOrganisation({ name: `Harbour Books ${tag}`, userEmails: [xeroUser.email] });
    const cafe = emulator.control.createOrganisation({ name: `Harbour Cafe ${tag}`, userEmails: [xeroUser.email] });
    emulator.control.seedContacts(books.tenantId, { count: 12, seed: 7 });
    emulator.control.seedContacts(cafe.tenantId, { count: 12, seed: 8 });

    await signInAsNewBuyer(`Harbour Books Buyer ${tag}`);
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'xero-locked', async () => {
      await page.goto(at('/integrations'));
      const card = xeroCard(page);
      await card.getByRole('button', { name: 'Connect to Xero' }).click();
      await consentOnXero(page, xeroUser, [books.name]);
      // One organisation granted: it is already chosen.
      const select = page.getByRole('combobox', { name: 'Xero organisation' });
      await select.waitFor();
      expect(await select.inputValue()).toBe(books.tenantId);
      await chooseOrganisation(page, books.name);
      await card.getByText(/Imported: [\d,]+ suppliers?/).waitFor(IMPORT_WAIT);

      // Disconnect asks first, then offers to reconnect.
      await card.getByRole('button', { name: 'Disconnect' }).click();
      const disconnectDialog = page.getByRole('dialog', { name: 'Disconnect Xero?' });
      await disconnectDialog.waitFor();
      await snapshot(page, 'xero-disconnect-dialog');
      await disconnectDialog.getByRole('button', { name: 'Disconnect Xero' }).click();
      await card.getByText('Disconnected', { exact: true }).waitFor();
      const heading = card.getByRole('heading', { name: 'Xero', exact: true });
      await expect.poll(() => heading.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
      await snapshot(page, 'xero-disconnected');
      await card.getByRole('button', { name: 'Reconnect to Xero' }).click();

      // Both organisations granted this time: only the connected one can be chosen, and the page says why.
      await consentOnXero(page, xeroUser, [books.name, cafe.name]);
      await select.waitFor();
      const other = select.getByRole('option', { name: `${cafe.name} — not available` });
      expect(await other.isDisabled()).toBe(true);
      expect(await select.inputValue()).toBe(books.tenantId);
      const description = await select.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      expect(description).toContain(`This Vouch organisation is connected to ${books.name}; it can only reconnect that one.`);
      await snapshot(page, 'xero-locked-choice');
      await chooseOrganisation(page, books.name);
      await card.getByText('Connected', { exact: true }).waitFor();
      await card.getByText(books.name, { exact: true }).waitFor();
      expect(pageErrors).toEqual([]);
    });
    await page.close();

    // Another Vouch organisation can't take the Xero organisation that is connected here.
    await signInAsNewBuyer(`Second Buyer ${tag}`);
    const second = await context.newPage();
    const secondErrors = collectPageErrors(second);
    await withScreenshotOnFailure(second, 'xero-conflict', async () => {
      await second.goto(at('/integrations'));
      await xeroCard(second).getByRole('button', { name: 'Connect to Xero' }).click();
      await consentOnXero(second, xeroUser, [books.name]);
      await chooseOrganisation(second, books.name);
      const alert = second.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('already connected to another Vouch organisation');
      // Still choosing, nothing connected.
      await second.getByRole('combobox', { name: 'Xero organisation' }).waitFor();
      await snapshot(second, 'xero-conflict');
      expect(secondErrors).toEqual([]);
    });
    await second.close();
  });

  it('explains a cancelled consent and offers to try again', { timeout: 120_000 }, async () => {
    await signInAsNewBuyer(`Cancelling Buyer ${unique()}`);
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'xero-cancelled', async () => {
      await page.goto(at('/integrations'));
      await xeroCard(page).getByRole('button', { name: 'Connect to Xero' }).click();
      await page.waitForURL((url) => url.toString().startsWith(emulator.url), WAIT);
      await page.getByLabel('Email address').fill(DEMO.userEmail);
      await page.getByLabel('Password').fill(DEMO.userPassword);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('access was cancelled in Xero');
      // The code is not left in the address, so a reload doesn't repeat it.
      await expect.poll(() => new URL(page.url()).search, WAIT).toBe('');
      await snapshot(page, 'xero-cancelled');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.waitForURL((url) => url.toString().startsWith(emulator.url), WAIT);
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });

  it('connects from http://127.0.0.1 when Vouch’s public address is http://localhost: moves there first, signs in again', { timeout: 180_000 }, async () => {
    // Regression (issue 10, item 5): the callback went to localhost without the 127.0.0.1 cookie → STATE_INVALID.
    const local = await startTestApp({ webDist, xeroEmulator: emulator, publicHost: 'localhost' });
    const localOrigin = `http://localhost:${local.port}`;
    expect(new URL(local.url).hostname).toBe('127.0.0.1');
    try {
      const tag = unique();
      const xeroUser = { email: `hosts.${tag}@xero.example`, password: `xero-password-${tag}` };
      emulator.control.createUser({ ...xeroUser, name: 'Host Switcher' });
      const books = emulator.control.createOrganisation({ name: `Two Hosts Ltd ${tag}`, userEmails: [xeroUser.email] });
      emulator.control.seedContacts(books.tenantId, { count: 8, seed: 9 });

      const buyer = await signUpBuyer(local.url, { organisationName: `Two Hosts Buyer ${tag}` });
      const [name, ...value] = buyer.client.cookie!.split('=');
      await context.clearCookies();
      await context.addCookies([{ name: name!, value: value.join('='), url: local.url }]);
      const page = await context.newPage();
      const pageErrors = collectPageErrors(page);
      await withScreenshotOnFailure(page, 'xero-other-host', async () => {
        await page.goto(urlFor(local.url, '/integrations'));
        const card = xeroCard(page);
        // The card says where connecting happens before anything is pressed.
        await card.getByText(`Xero sends you back to ${localOrigin}, so Connect to Xero continues there`).waitFor();
        await snapshot(page, 'xero-other-host');
        await card.getByRole('button', { name: 'Connect to Xero' }).click();

        // The same page on localhost, where this browser has no Vouch session yet: sign in, come back, go on.
        await page.waitForURL((url) => url.origin === localOrigin && url.pathname === '/sign-in', WAIT);
        await page.getByLabel('Email').fill(buyer.input.email);
        await page.getByLabel('Password').fill(buyer.input.password);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await consentOnXero(page, xeroUser, [books.name]);
        expect(new URL(page.url()).origin).toBe(localOrigin);
        await chooseOrganisation(page, books.name);
        await card.getByText('Connected', { exact: true }).waitFor();
        await card.getByText(books.name, { exact: true }).waitFor();
        await card.getByText(/Imported: [\d,]+ suppliers?/).waitFor(IMPORT_WAIT);
        // Reloading doesn't start another attempt: the flag left the address.
        expect(new URL(page.url()).search).toBe('');
        expect(pageErrors).toEqual([]);
      });
      await page.close();
    } finally {
      await local.close();
    }
  });

  it('says which setting to change when Xero’s address can’t be reached from this browser', { timeout: 120_000 }, async () => {
    const unreachable = 'http://localhost:9';
    const misconfigured = await startTestApp({ webDist, env: { XERO_REDIRECT_URI: `${unreachable}/xero/callback` } });
    try {
      const buyer = await signUpBuyer(misconfigured.url, { organisationName: `Misconfigured ${unique()}` });
      const [name, ...value] = buyer.client.cookie!.split('=');
      await context.clearCookies();
      await context.addCookies([{ name: name!, value: value.join('='), url: misconfigured.url }]);
      const page = await context.newPage();
      await withScreenshotOnFailure(page, 'xero-unreachable-origin', async () => {
        await page.goto(urlFor(misconfigured.url, '/integrations'));
        const card = xeroCard(page);
        const here = new URL(misconfigured.url).origin;
        const notice = card.getByRole('status').filter({ hasText: 'can’t reach Vouch there' });
        await notice.waitFor();
        const text = (await notice.textContent())!;
        expect(text).toContain(`Xero sends you back to ${unreachable} after you sign in`);
        expect(text).toContain(`PUBLIC_URL=${here}`);
        expect(text).toContain(`XERO_REDIRECT_URI=${here}/xero/callback`);
        await snapshot(page, 'xero-unreachable-origin');
        // Connect doesn't leave for an address that can't work; it says the same.
        await card.getByRole('button', { name: 'Connect to Xero' }).click();
        await card
          .getByRole('alert')
          .filter({ hasText: `PUBLIC_URL=${here}` })
          .waitFor();
        expect(new URL(page.url()).origin).toBe(here);
      });
      await page.close();
    } finally {
      await misconfigured.close();
    }
  });

  it('keeps the Xero card usable at phone width (360px)', { timeout: 60_000 }, async () => {
    await signInAsNewBuyer(`Phone Buyer ${unique()}`);
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await withScreenshotOnFailure(page, 'xero-phone', async () => {
      await page.goto(at('/integrations'));
      const button = xeroCard(page).getByRole('button', { name: 'Connect to Xero' });
      await button.waitFor();
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(360);
      await snapshot(page, 'xero-phone');
    });
    await page.close();
  });
});
