import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp } from '@vouch/server/testing';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * Webhooks from the admin's side: add an endpoint on Settings (URL, events, bank grant), see its signing
 * secret once, send a test event and watch it arrive — a local receiver checks the Standard Webhooks signature
 * by hand, as a tool in another language would — and read it in the delivery log; then disable, enable and
 * delete the endpoint. Runs the real server (jobs working) serving dist/; elements are found by role and label.
 */

let app: { url: string; close(): Promise<void> };
let browser: LaunchedBrowser;
let context: BrowserContext;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let receiver: http.Server;
let receiverUrl: string;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/vouch`;
  app = await startTestApp({ webDist, env: { JOBS_ENABLED: 'true', STEP_UP_MINUTES: '0' } });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** Standard Webhooks, by hand: HMAC-SHA256 over "id.timestamp.body", keyed with the secret's base64 part. */
function signatureValid(secret: string, r: { headers: http.IncomingHttpHeaders; body: string }): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${String(r.headers['webhook-id'])}.${String(r.headers['webhook-timestamp'])}.${r.body}`)
    .digest('base64');
  return String(r.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

describe('Settings → Webhooks', () => {
  it('adds an endpoint, shows its secret once, delivers a signed test event, logs it and rotates the secret', async () => {
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'webhooks', async () => {
      await page.goto(urlFor(app.url, '/sign-up'));
      await page.getByLabel('Organisation name').fill('Hookway Traders');
      await page.getByLabel('Your name').fill('Ada Palmer');
      await page.getByLabel('Work email').fill(`ada.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}@example.com`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      const section = page.getByRole('region', { name: 'Webhooks' });
      await section.getByText('No webhook endpoints yet.').waitFor();

      // No URL: explained next to the input; nothing is added.
      await section.getByRole('button', { name: 'Add endpoint' }).click();
      await expect.poll(() => section.getByLabel('URL', { exact: true }).getAttribute('aria-invalid'), WAIT).toBe('true');

      await section.getByLabel('URL', { exact: true }).fill(receiverUrl);
      await section.getByRole('checkbox', { name: /Supplier added/ }).check();
      await section.getByRole('checkbox', { name: /Send full bank details/ }).check();
      await section.getByRole('button', { name: 'Add endpoint' }).click();

      const secretInput = section.getByRole('textbox', { name: 'Signing secret' });
      await secretInput.waitFor();
      const secret = await secretInput.inputValue();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
      await section.getByText('It will not be shown again').waitFor();
      const endpoint = section.getByRole('article', { name: `Endpoint ${receiverUrl}` });
      await endpoint.getByText('2 events · full bank details').waitFor();
      await section.getByRole('button', { name: 'I’ve copied it' }).click();
      expect(await section.getByRole('textbox', { name: 'Signing secret' }).count()).toBe(0);

      // A test event: it arrives signed, and the delivery log says so.
      await endpoint.getByRole('button', { name: 'Send test event' }).click();
      await section
        .getByRole('status')
        .getByText(/Sent a test event/)
        .waitFor();
      await expect.poll(() => received.length, WAIT).toBe(1);
      expect(signatureValid(secret, received[0]!)).toBe(true);
      expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'webhook.test' });
      const log = endpoint.getByRole('region', { name: `Deliveries to ${receiverUrl}` });
      const row = log.getByRole('row', { name: /webhook\.test/ });
      await row.getByText('Delivered').waitFor();
      await row.getByRole('cell', { name: '204', exact: true }).waitFor();
      await snapshot(page, 'webhooks-delivery-log');

      // Sent again from the log: same webhook-id.
      await row.getByRole('button', { name: /^Redeliver webhook\.test/ }).click();
      await expect.poll(() => received.length, WAIT).toBe(2);
      expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id']);

      // Rotate the secret (confirmed): the new one is shown once; for a day requests carry both signatures.
      await endpoint.getByRole('button', { name: `Rotate the signing secret of ${receiverUrl}` }).click();
      await page.getByRole('dialog', { name: 'Rotate the signing secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
      await section.getByText(/Copy the new signing secret/).waitFor();
      const newSecret = await section.getByRole('textbox', { name: 'Signing secret' }).inputValue();
      expect(newSecret).not.toBe(secret);
      await section.getByText(/signed with both the new and the previous secret/).waitFor();
      await snapshot(page, 'webhooks-rotated');
      // On a phone the new secret, its Copy button and the endpoint's actions fit the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(390);
      // (The delivery log's table scrolls inside its own region, by design.)
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => !el.closest('.table-wrap table'))
          .filter((el) => el.getBoundingClientRect().right > 392)
          .slice(0, 8)
          .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
      );
      expect(wide).toEqual([]);
      // The secret stays readable beside its Copy button.
      expect((await section.getByRole('textbox', { name: 'Signing secret' }).boundingBox())!.width).toBeGreaterThan(150);
      await snapshot(page, 'webhooks-rotated-phone');
      await page.setViewportSize({ width: 1280, height: 800 });
      await section.getByRole('button', { name: 'I’ve copied it' }).click();
      await endpoint.getByText(/the previous secret also signs until/).waitFor();
      await endpoint.getByRole('button', { name: 'Send test event' }).click();
      await expect.poll(() => received.length, WAIT).toBe(3);
      expect(signatureValid(newSecret, received[2]!)).toBe(true);
      expect(signatureValid(secret, received[2]!)).toBe(true);

      // Edit: a description, one event fewer; an emptied URL is explained and nothing is saved.
      await endpoint.getByRole('button', { name: `Edit ${receiverUrl}` }).click();
      const editForm = endpoint.locator('form');
      await editForm.getByRole('heading', { name: 'Edit endpoint' }).waitFor();
      await editForm.getByLabel('URL', { exact: true }).fill('');
      await editForm.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => editForm.getByLabel('URL', { exact: true }).getAttribute('aria-invalid'), WAIT).toBe('true');
      await editForm.getByLabel('URL', { exact: true }).fill(receiverUrl);
      await editForm.getByLabel('Description (optional)').fill('Payments bot');
      await editForm.getByRole('checkbox', { name: /Supplier added/ }).uncheck();
      await snapshot(page, 'webhooks-edit');
      await editForm.getByRole('button', { name: 'Save changes' }).click();
      await section.getByRole('status').getByText(`Saved ${receiverUrl}. Its secret and delivery log are unchanged.`).waitFor();
      await endpoint.getByText('— Payments bot').waitFor();
      await endpoint.getByText(/^supplier\.bank_details\.changed · full bank details/).waitFor();
      expect(await endpoint.getByRole('heading', { name: 'Edit endpoint' }).count()).toBe(0);

      // Disable, enable, delete (confirmed).
      await endpoint.getByRole('button', { name: 'Disable' }).click();
      await endpoint.getByText('Disabled', { exact: true }).waitFor();
      expect(await endpoint.getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);
      await endpoint.getByRole('button', { name: 'Enable' }).click();
      await endpoint.getByText('Enabled', { exact: true }).waitFor();
      await endpoint.getByRole('button', { name: `Delete ${receiverUrl}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this endpoint?' });
      await dialog.getByRole('button', { name: 'Delete endpoint' }).click();
      await section.getByText('No webhook endpoints yet.').waitFor();

      await page.reload();
      await page.getByRole('region', { name: 'Webhooks' }).getByText('No webhook endpoints yet.').waitFor();
      expect(await page.content()).not.toContain(secret);
      expect(await page.content()).not.toContain(newSecret);
    });
    expect(pageErrors).toEqual([]);
  });
});
