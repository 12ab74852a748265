import { startTestApp, type TestApp } from '@vouch/server/testing';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';
import { XERO_USER, driftInXero, invite, must, seedWorkspace, seedXero, sessionCookie, submitThroughLink, type Workspace } from './workspace-seed.js';

/**
 * The buyer's workspace (issue 15): a home that says what needs them, each a count and a link, with the review
 * and failed-sync counts in the navigation, live; a Suppliers list that works for thousands (columns, A–Z with
 * clickable sorting, "Not invited yet" with counts, select all matching → bulk invite); the Xero banner when the
 * connection needs reconnecting; and the small fixes. What lies before each journey (Xero connected, some
 * suppliers invited, a locked link, a refused change, a bank change on hold, a risky one awaiting review) is
 * made through the API; the journeys go through the screens.
 */

let emulator: XeroEmulator;
let tenantId: string;
let app: TestApp;
let workspace: Workspace;
let desktop: LaunchedBrowser;
let phone: LaunchedBrowser;

const at = (pathname: string) => urlFor(app.url, pathname);
const number = (text: string) => Number(/\(([\d,]+)\)/.exec(text)![1]!.replace(/,/g, ''));

async function signedIn(browser: LaunchedBrowser): Promise<BrowserContext> {
  await browser.context.addCookies([sessionCookie(workspace.buyer, app.url)]);
  return browser.context;
}

/** No sideways scrolling: the page fits its viewport's width. */
async function fitsWidth(page: Page, width: number): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(width);
}

/** The open page's subscription to the attention counts has gone out on its socket. */
function attentionSubscribed(page: Page): Promise<void> {
  return page.waitForEvent('websocket').then(
    (socket) =>
      new Promise<void>((resolve) => {
        socket.on('framesent', (frame) => {
          if (String(frame.payload).includes('attentionUpdated')) resolve();
        });
      }),
  );
}

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  tenantId = seedXero(emulator);
  app = await startTestApp({ webDist, xeroEmulator: emulator });
  workspace = await seedWorkspace(app, tenantId);
  await driftInXero(app, emulator, tenantId, workspace.buyer, workspace.ids.acme, 'Acme Paper Co');
  desktop = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  phone = await launchBrowser({ viewport: { width: 390, height: 844 }, profilePrefix: 'vouch-web-e2e-phone-' });
});

afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await app?.close();
  await emulator?.close();
});

describe('the buyer’s workspace', () => {
  it('home: what needs me, each a count linking to that list; the navigation’s counts follow a submission live', async () => {
    const page = await (await signedIn(desktop)).newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'workspace-home', async () => {
      const subscribed = attentionSubscribed(page);
      await page.goto(at('/'));
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      const main = page.getByRole('main');
      const item = (title: RegExp) => main.getByRole('link', { name: title });
      const count = (title: RegExp, n: number) => item(title).getByText(String(n), { exact: true }).waitFor();
      await count(/Submission awaiting review/, 1);
      await item(/Submission awaiting review/)
        .getByText('1 is high risk; 1 changes bank details.')
        .waitFor();
      await count(/Change Xero refused/, 1);
      await count(/Supplier on payment hold/, 1);
      await count(/Invite locked/, 1);
      await count(/Invites expiring soon/, 0);
      await item(/Suppliers not invited yet/).waitFor();
      await main.getByText(/4 things need you\./).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: /^Suppliers[\s,]*1\s*awaiting review$/ }).waitFor();
      await nav.getByRole('link', { name: /^Sync[\s,]*1\s*failed sync$/ }).waitFor();
      await snapshot(page, 'workspace-home');

      // Each count opens exactly that list.
      await main.getByRole('link', { name: /Invite locked/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      const table = page.getByRole('table', { name: 'Suppliers' });
      await table.getByRole('row', { name: /Bluebell Dairy.*Invite locked/ }).waitFor();
      await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(2); // the header and Bluebell
      await page.goBack();
      await main.getByRole('link', { name: /Supplier on payment hold/ }).click();
      await table.getByRole('row', { name: /Copper Kettle Ltd.*On hold until/ }).waitFor();
      await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(2);
      await page.goBack();
      await main.getByRole('link', { name: /Submission awaiting review/ }).click();
      await table.getByRole('row', { name: /Elm Street Bakery.*Awaiting review.*Changed, not confirmed/ }).waitFor();
      await page.goBack();
      await main.getByRole('link', { name: /Change Xero refused/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Sync inbox' }).waitFor();
      await page.getByRole('row', { name: /Taken Name Ltd/ }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

      // Setup, not the step under test: a supplier sends details through its link while the page is open.
      await subscribed;
      await submitThroughLink(app, await invite(workspace.buyer, workspace.ids.acme), { name: 'Acme Paper Company', email: 'ap@acme-paper.example' });
      // The navigation and the home count change by themselves.
      await nav.getByRole('link', { name: /^Suppliers[\s,]*2\s*awaiting review$/ }).waitFor();
      await count(/Submissions awaiting review/, 2);
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });

  it('suppliers: columns, A–Z with clickable sorting, “Not invited yet” with counts, select all matching → bulk invite', async () => {
    const page = await (await signedIn(desktop)).newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'workspace-suppliers', async () => {
      await page.goto(at('/suppliers'));
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      const table = page.getByRole('table', { name: 'Suppliers' });
      await table
        .getByRole('row', { name: /Acme Paper Co/ })
        .first()
        .waitFor();
      expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Name', 'Invite', 'Bank details', 'Xero sync', 'Last change']);

      // A–Z by default; each row says its invite, bank details, Xero sync and last change in words.
      const names = () => table.getByRole('rowheader').getByRole('link').allTextContents();
      expect(await table.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
      const first = await names();
      expect(first[0]).toBe('Acme Paper Co');
      expect(first.slice(0, 5)).toEqual(first.slice(0, 5).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      await table.getByRole('row', { name: /Acme Paper Co.*Details sent.*Changed, not confirmed.*Nothing to send.*Changes submitted/ }).waitFor();
      await table.getByRole('row', { name: /Copper Kettle Ltd.*Details sent.*On hold until.*Synced to Xero/ }).waitFor();
      await snapshot(page, 'workspace-suppliers');

      // Sorting by a click: the latest change first (Acme just sent details), then back to A–Z, then Z–A.
      await table.getByRole('button', { name: 'Last change' }).click();
      await expect.poll(() => table.getByRole('columnheader', { name: 'Last change' }).getAttribute('aria-sort'), WAIT).toBe('descending');
      await expect.poll(async () => (await names())[0], WAIT).toBe('Acme Paper Co');
      expect(new URL(page.url()).searchParams.get('sort')).toBe('recent');
      await table.getByRole('button', { name: 'Name' }).click();
      await expect.poll(async () => (await names())[0], WAIT).toBe('Acme Paper Co');
      await table.getByRole('button', { name: 'Name' }).click();
      await expect.poll(() => table.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort'), WAIT).toBe('descending');
      await expect.poll(async () => (await names())[0]! > 'Acme Paper Co', WAIT).toBe(true);
      // Z–A brings the end of the alphabet to the first page: the change Xero refused, in the badges' words.
      await table.getByRole('row', { name: /Taken Name Ltd.*Xero sync failed/ }).waitFor();
      await table.getByRole('button', { name: 'Name' }).click();

      // "Not invited yet", with how many each choice would show; one sync vocabulary in the filter and the badges.
      const inviteFilter = page.getByLabel('Invite', { exact: true });
      const notInvitedOption = inviteFilter.getByRole('option', { name: /^Not invited yet \(\d+\)$/ });
      await notInvitedOption.waitFor({ state: 'attached' });
      const notInvited = number((await notInvitedOption.textContent())!);
      expect(notInvited).toBeGreaterThan(50);
      expect(await page.getByLabel('Xero sync').getByRole('option').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Synced to Xero \(1\)$/), expect.stringMatching(/^Xero sync failed \(1\)$/)]),
      );
      await inviteFilter.selectOption('NOT_INVITED');
      await page.getByText(`${notInvited} suppliers match · showing the first 50`).waitFor();
      expect(await table.getByRole('row', { name: /Details sent|Invite locked/ }).count()).toBe(0);

      // Select all matching (more than one page), then one confirmation with the server's counts.
      await page.getByLabel('Select all shown suppliers').check();
      await page.getByRole('button', { name: `Select all ${notInvited} matching` }).click();
      await page.getByRole('status').getByText(`All ${notInvited} matching suppliers are selected.`).waitFor();
      await page.getByRole('button', { name: `Invite all ${notInvited}` }).click();
      const dialog = page.getByRole('dialog', { name: /^Send [\d,]+ invites\?$/ });
      await dialog.getByText(`${notInvited} suppliers match this list.`).waitFor();
      await dialog.getByText(/no email address and can’t be invited/).waitFor();
      const toSend = Number(/Send ([\d,]+) invites/.exec((await dialog.getByRole('heading').textContent())!)![1]!.replace(/,/g, ''));
      expect(toSend).toBeLessThan(notInvited);
      await snapshot(page, 'workspace-suppliers-invite-all');
      await dialog.getByRole('button', { name: `Send ${toSend} invites` }).click();
      await page.getByRole('heading', { name: `${toSend} suppliers invited` }).waitFor();
      // Only those without an email address are still not invited; the counts say so.
      await expect.poll(async () => number((await notInvitedOption.textContent())!), WAIT).toBe(notInvited - toSend);
      await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(notInvited - toSend + 1);
      expect(await table.getByRole('row', { name: /Taken Name Ltd/ }).count()).toBe(1);
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });

  it('small fixes: one name per API key, Withdraw for an invite, an honest rejection, a supplier page that fits a phone', async () => {
    const page = await (await signedIn(desktop)).newPage();
    const phonePage = await (await signedIn(phone)).newPage();
    const pageErrors = [...collectPageErrors(page), ...collectPageErrors(phonePage)];
    await withScreenshotOnFailure([page, phonePage], 'workspace-small-fixes', async () => {
      // Two keys of one name are refused, beside the name.
      await page.goto(at('/settings'));
      const keys = page.getByRole('region', { name: 'API keys' });
      await keys.getByLabel('Key name').fill('Payments bot');
      await keys.getByRole('button', { name: 'Create key' }).click();
      await keys.getByLabel('New API key').waitFor();
      await keys.getByRole('button', { name: 'I’ve copied it' }).click();
      await keys.getByLabel('Key name').fill('payments bot');
      await keys.getByRole('button', { name: 'Create key' }).click();
      await expect.poll(() => keys.getByLabel('Key name').getAttribute('aria-invalid'), WAIT).toBe('true');
      await keys.getByText('A key named “payments bot” already exists: choose another name.').waitFor();
      expect(await keys.getByRole('row', { name: /Payments bot/i }).count()).toBe(1);

      // One word for withdrawing an invite.
      await page.goto(at('/suppliers?invite=SENT'));
      const table = page.getByRole('table', { name: 'Suppliers' });
      await table.getByRole('row').nth(1).getByRole('rowheader').getByRole('link').click();
      const panel = page.getByRole('region', { name: 'Invite', exact: true });
      await panel.getByRole('button', { name: 'Withdraw' }).click();
      const dialog = page.getByRole('dialog', { name: 'Withdraw this invite?' });
      expect(await dialog.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Withdraw invite' }).click();
      await panel.getByText('Invite withdrawn', { exact: true }).waitFor();

      // This server has no email: a rejection does not claim the reason was emailed.
      await page.goto(at(`/suppliers/${workspace.ids.elm}`));
      const reviewPanel = page.getByRole('region', { name: 'Changes to review' });
      await reviewPanel.getByRole('button', { name: 'Reject' }).click();
      const reject = page.getByRole('dialog', { name: 'Reject these changes?' });
      await reject.getByLabel('Reason').fill('This account belongs to another supplier of ours.');
      await reject.getByRole('button', { name: 'Reject changes' }).click();
      const outcome = page.getByRole('status').filter({ hasText: 'Changes rejected.' });
      await outcome.getByText(/No email could be sent/).waitFor();
      expect(await outcome.getByText(/has been emailed/).count()).toBe(0);

      // The supplier page fits a 390 px phone: with drift in Xero, a refused sync, a locked invite, a review.
      for (const id of [workspace.ids.acme, workspace.ids.dockside, workspace.ids.bluebell, workspace.ids.copper]) {
        await phonePage.goto(at(`/suppliers/${id}`));
        await phonePage.getByRole('heading', { level: 1 }).waitFor();
        await phonePage.getByRole('region', { name: 'Timeline' }).waitFor();
        await fitsWidth(phonePage, 390);
      }
      await phonePage.goto(at(`/suppliers/${workspace.ids.acme}`));
      await phonePage.getByRole('region', { name: 'Changes to review' }).waitFor();
      await phonePage.getByRole('heading', { name: 'Differences in Xero' }).waitFor();
      await fitsWidth(phonePage, 390);
      await snapshot(phonePage, 'workspace-supplier-phone');
      await page.goto(at(`/suppliers/${workspace.ids.acme}`));
      await page
        .getByRole('region', { name: 'Changes to review' })
        .getByText(/fields? unchanged/)
        .waitFor();
      await snapshot(page, 'workspace-supplier');
      expect(pageErrors).toEqual([]);
    });
    await page.close();
    await phonePage.close();
  });

  it('the Xero banner: when Xero stops accepting Vouch’s access, every page says so, live, with the way back', async () => {
    const page = await (await signedIn(desktop)).newPage();
    const phonePage = await (await signedIn(phone)).newPage();
    const pageErrors = [...collectPageErrors(page), ...collectPageErrors(phonePage)];
    await withScreenshotOnFailure([page, phonePage], 'workspace-xero-banner', async () => {
      const subscribed = attentionSubscribed(page);
      await page.goto(at('/suppliers'));
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      expect(await page.getByRole('region', { name: 'Xero connection' }).count()).toBe(0);
      await subscribed;

      // Setup: the grant is revoked in Xero; Vouch finds out at its next token refresh.
      emulator.control.revokeGrant({ clientId: app.xero!.clientId, userEmail: XERO_USER.email });
      const connectionId = must(await workspace.buyer.client.request<{ xeroConnection: { id: string } }>('{ xeroConnection { id } }')).xeroConnection.id;
      await app.services.xeroTokens.validTokens(connectionId, true).catch(() => undefined);

      // The open Suppliers page shows the banner by itself, in the card's words, with the way to fix it.
      const banner = page.getByRole('region', { name: 'Xero connection' });
      await banner.getByText(/Xero no longer accepts Vouch’s access/).waitFor();
      expect(await banner.getByRole('link', { name: 'Reconnect Xero' }).getAttribute('href')).toBe('/integrations');
      await snapshot(page, 'workspace-suppliers-xero-banner');

      // Home says it first; the Sync inbox too; Integrations has the whole card (no second banner).
      await page.goto(at('/'));
      await page
        .getByRole('main')
        .getByRole('link', { name: /Xero needs reconnecting/ })
        .waitFor();
      await page.goto(at('/sync'));
      await page.getByRole('region', { name: 'Xero connection' }).waitFor();
      await snapshot(page, 'workspace-sync-inbox');
      await page.goto(at('/integrations'));
      await page.getByRole('region', { name: 'Xero', exact: true }).getByText('Needs reconnect').waitFor();
      expect(await page.getByRole('region', { name: 'Xero connection' }).count()).toBe(0);
      await snapshot(page, 'workspace-integrations');

      // The same screens on a phone: nothing wider than the screen.
      for (const [path, name] of [
        ['/', 'home'],
        ['/suppliers', 'suppliers'],
        ['/integrations', 'integrations'],
        ['/sync', 'sync-inbox'],
      ] as const) {
        await phonePage.goto(at(path));
        await phonePage.getByRole('heading', { level: 1 }).waitFor();
        await phonePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Sync/ }).waitFor();
        await fitsWidth(phonePage, 390);
        await snapshot(phonePage, `workspace-${name}-phone`);
      }
      expect(pageErrors).toEqual([]);
    });
    await page.close();
    await phonePage.close();
  });

  it('a choice of Xero organisation left waiting survives a reload and a visit elsewhere; reconnecting clears the banner', async () => {
    const page = await (await signedIn(desktop)).newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'workspace-xero-choice', async () => {
      await page.goto(at('/integrations'));
      await page.getByRole('button', { name: 'Reconnect to Xero' }).click();

      // Xero's own pages.
      await page.waitForURL((url) => url.toString().startsWith(emulator.url), WAIT);
      await page.getByLabel('Email address').fill(XERO_USER.email);
      await page.getByLabel('Password').fill(XERO_USER.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: /wants to access your Xero data/ }).waitFor();
      for (const box of await page.getByRole('group', { name: 'Select the organisations to connect' }).getByRole('checkbox').all()) await box.check();
      await page.getByRole('button', { name: 'Allow access' }).click();

      // Back in Vouch, the choice waits. A reload keeps it…
      await page.waitForURL((url) => url.pathname === '/integrations', WAIT);
      const select = page.getByRole('combobox', { name: 'Xero organisation' });
      await select.waitFor();
      const chosen = await select.inputValue();
      expect(chosen).not.toBe('');
      await page.reload();
      await select.waitFor();
      expect(await select.inputValue()).toBe(chosen);
      // …and so does a visit elsewhere: Integrations offers it again.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
      await select.waitFor();
      await snapshot(page, 'workspace-xero-choice');

      // Chosen and confirmed: connected again, and the banner goes from the other pages by itself.
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page
        .getByRole('dialog', { name: 'This choice is permanent' })
        .getByRole('button', { name: /^Connect / })
        .click();
      await page.getByRole('region', { name: 'Xero', exact: true }).getByText('Connected', { exact: true }).waitFor();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: /Suppliers/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      await expect.poll(() => page.getByRole('region', { name: 'Xero connection' }).count(), WAIT).toBe(0);
      expect(pageErrors).toEqual([]);
    });
    await page.close();
  });
});
