import { startTestApp } from '@vouch/server/testing';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * API keys from the admin's side: create a key on Settings, see its secret exactly once, use it from a
 * tool (plain fetch with `Authorization: Bearer`), revoke it in the UI and watch the same request be
 * refused; after a reload the secret is nowhere on the page and "Last used" is filled in. Also the
 * Sync inbox's empty state. Runs the real server serving dist/; elements are found by role and label.
 */

let app: { url: string; close(): Promise<void> };
let browser: LaunchedBrowser;
let context: BrowserContext;

function at(pathname: string): string {
  return urlFor(app.url, pathname);
}

interface GraphQLBody {
  data?: { suppliers?: { totalCount: number } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** What a third-party tool does: no cookie, just the key. */
async function askWithKey(key: string): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ suppliers { totalCount } }' }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

beforeAll(async () => {
  app = await startTestApp({ webDist });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('API keys and the sync inbox', () => {
  it('creates a key whose secret is shown once, uses it, revokes it, and keeps the secret off the page', async () => {
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'api-keys', async () => {
      await page.goto(at('/sign-up'));
      await page.getByLabel('Organisation name').fill('Keystone Joinery');
      await page.getByLabel('Your name').fill('Ada Palmer');
      await page.getByLabel('Work email').fill(`ada.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}@example.com`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      const section = page.getByRole('region', { name: 'API keys' });
      await section.getByText('No API keys yet.').waitFor();

      // An empty name is explained next to the input; nothing is created.
      await section.getByRole('button', { name: 'Create key' }).click();
      await expect.poll(() => section.getByLabel('Key name').getAttribute('aria-invalid'), WAIT).toBe('true');

      await section.getByLabel('Key name').fill('Payments bot');
      await section.getByRole('radio', { name: 'Read only' }).check();
      await section.getByRole('checkbox', { name: 'Can see full bank details' }).check();
      await section.getByRole('button', { name: 'Create key' }).click();

      // The secret, once, with the warning.
      const secretInput = section.getByLabel('New API key');
      await secretInput.waitFor();
      const secret = await secretInput.inputValue();
      expect(secret).toMatch(/^vch_[\w-]{20,}$/);
      expect(await secretInput.getAttribute('readonly')).not.toBeNull();
      await section.getByText('It will not be shown again').waitFor();
      await section.getByRole('button', { name: 'Copy' }).waitFor();

      const row = section.getByRole('row', { name: /Payments bot/ });
      await row.getByText('Read only').waitFor();
      await row.getByText('Full bank details').waitFor();
      await row.getByText('Never used').waitFor();
      await row.getByText(secret.slice(0, 12)).waitFor();
      await snapshot(page, 'api-key-created');

      // A tool uses it.
      const allowed = await askWithKey(secret);
      expect(allowed.body.errors).toBeUndefined();
      expect(allowed.body.data?.suppliers?.totalCount).toBe(0);

      await section.getByRole('button', { name: 'I’ve copied it' }).click();
      expect(await section.getByLabel('New API key').count()).toBe(0);

      // Revoke, confirmed in a dialog.
      await row.getByRole('button', { name: 'Revoke Payments bot' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke “Payments bot”?' });
      await dialog.waitFor();
      await snapshot(page, 'api-key-revoke-dialog');
      await dialog.getByRole('button', { name: 'Revoke key' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await section.getByRole('status').getByText('Revoked “Payments bot”').waitFor();
      await row.getByText(/^Revoked/).waitFor();
      expect(await row.getByRole('button', { name: 'Revoke Payments bot' }).count()).toBe(0);

      const refused = await askWithKey(secret);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.body.data?.suppliers).toBeUndefined();

      // After a reload the secret is gone for good; the key remembers when it was last used.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      const reloadedRow = page.getByRole('region', { name: 'API keys' }).getByRole('row', { name: /Payments bot/ });
      await reloadedRow.getByText(/^Used /).waitFor();
      await reloadedRow.getByText(/^Revoked/).waitFor();
      expect(await page.getByLabel('New API key').count()).toBe(0);
      expect(await page.content()).not.toContain(secret);
      await snapshot(page, 'api-keys-after-reload');

      // Nothing has been pushed to Xero, so the Sync inbox is empty — and says why (Xero isn't connected), rather
      // than that every change is in Xero.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sync inbox' }).waitFor();
      await page.getByRole('heading', { name: 'Nothing failed — Xero isn’t connected yet' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).getAttribute('aria-current')).toBe('page');
      await snapshot(page, 'sync-inbox-empty');
    });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
