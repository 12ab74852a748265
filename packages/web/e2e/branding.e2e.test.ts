import { signUpBuyer, startTestApp, uniqueEmail, type TestApp } from '@vouch/server/testing';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * Settings → What suppliers see (issue 15, item 7): an admin chooses a logo (an SVG is refused in the page, a
 * large picture is scaled down to fit), saves it and a contact person; a supplier opening an invite link then
 * sees that logo — served by Vouch under its strict CSP — and the contact, before confirming any code.
 */

let app: TestApp;
let buyerBrowser: LaunchedBrowser;
let supplierBrowser: LaunchedBrowser;

beforeAll(async () => {
  app = await startTestApp({ webDist });
  buyerBrowser = await launchBrowser({ profilePrefix: 'vouch-branding-buyer-' });
  supplierBrowser = await launchBrowser({ profilePrefix: 'vouch-branding-supplier-' });
});

afterAll(async () => {
  await supplierBrowser?.close();
  await buyerBrowser?.close();
  await app?.close();
});

/** A PNG drawn by the page's canvas: a small logo, or (noise) a picture far over the 128 KB limit. */
async function drawPng(page: Page, kind: 'logo' | 'noise'): Promise<Buffer> {
  const dataUrl = await page.evaluate((k) => {
    const canvas = document.createElement('canvas');
    canvas.width = k === 'logo' ? 240 : 700;
    canvas.height = k === 'logo' ? 80 : 700;
    const c = canvas.getContext('2d')!;
    if (k === 'logo') {
      c.fillStyle = '#7a2e8c';
      c.fillRect(0, 0, 80, 80);
      c.fillStyle = '#7a2e8c';
      c.font = 'bold 36px sans-serif';
      c.fillText('Lantern', 90, 54);
    } else {
      const image = c.createImageData(canvas.width, canvas.height);
      for (let i = 0; i < image.data.length; i++) image.data[i] = (i % 4 === 3 ? 255 : Math.random() * 256) | 0;
      c.putImageData(image, 0, 0);
    }
    return canvas.toDataURL('image/png');
  }, kind);
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** The image has loaded and decoded (so the CSP allowed it and the server sent a real picture). */
async function loaded(image: Locator): Promise<void> {
  await image.waitFor();
  await expect.poll(() => image.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), WAIT).toBe(true);
}

describe('what suppliers see', () => {
  it('an admin sets the logo and contact in Settings; the invite page shows them', async () => {
    const buyer = await signUpBuyer(app.url, { organisationName: 'Lantern Tea House', name: 'Ravi Shah' });
    const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
    await buyerBrowser.context.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: app.url }]);
    const page = await buyerBrowser.context.newPage();
    const supplierPage = await supplierBrowser.context.newPage();
    const errors = [...collectPageErrors(page), ...collectPageErrors(supplierPage)];

    await withScreenshotOnFailure([page, supplierPage], 'branding', async () => {
      await page.goto(urlFor(app.url, '/settings'));
      const section = page.getByRole('region', { name: 'What suppliers see' });
      await section.getByText('No logo yet.').waitFor();
      const chooser = section.getByLabel('Choose a logo');

      // SVG can carry script: refused before anything is sent.
      await chooser.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
      await section.getByText('SVG logos aren’t accepted (they can contain scripts). Save the logo as a PNG and choose that.').waitFor();
      expect(await chooser.getAttribute('aria-invalid')).toBe('true');

      // A large picture is scaled down to fit, previewed, then saved.
      const noise = await drawPng(page, 'noise');
      expect(noise.length).toBeGreaterThan(128 * 1024);
      await chooser.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: noise });
      await section.getByText('We scaled the picture down to fit. Check the preview before saving.').waitFor();
      await loaded(section.getByRole('img', { name: 'The logo you chose' }));
      await section.getByRole('button', { name: 'Save logo' }).click();
      await section.getByRole('status').filter({ hasText: 'Saved: suppliers now see this logo.' }).waitFor();
      await loaded(section.getByRole('img', { name: 'Your current logo' }));

      // The real logo replaces it, as it is.
      await section.getByLabel('Choose a new logo').setInputFiles({ name: 'lantern.png', mimeType: 'image/png', buffer: await drawPng(page, 'logo') });
      await loaded(section.getByRole('img', { name: 'The logo you chose' }));
      expect(await section.getByText(/We scaled the picture down/).count()).toBe(0);
      await section.getByRole('button', { name: 'Save logo' }).click();
      await section.getByRole('status').filter({ hasText: 'Saved: suppliers now see this logo.' }).waitFor();

      // The contact person: a bad phone number is refused under its box, then corrected.
      const contact = section.getByRole('form', { name: 'Contact person' });
      await contact.getByLabel('Name').fill('Mei Chen');
      await contact.getByLabel('Phone').fill('call the office');
      await contact.getByLabel('Email').fill('suppliers@lantern-tea.example');
      await contact.getByRole('button', { name: 'Save contact' }).click();
      await expect.poll(() => contact.getByLabel('Phone').getAttribute('aria-invalid'), WAIT).toBe('true');
      await contact.getByLabel('Phone').fill('0161 496 0000');
      await contact.getByRole('button', { name: 'Save contact' }).click();
      await contact.getByRole('status').filter({ hasText: 'Saved: suppliers see this contact on their invite page.' }).waitFor();
      await section.getByText('Mei Chen').first().waitFor();
      await snapshot(page, 'branding-settings');

      // A supplier opens an invite link: the logo (loaded under the page's CSP), the name, the contact.
      const created = await buyer.client.request<{ createSupplier: { id: string } }>(
        'mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }',
        {
          input: { name: 'Copper Kettle Ltd', email: uniqueEmail('kettle') },
        },
      );
      const invited = await buyer.client.request<{ inviteSuppliers: { link: string }[] }>(
        'mutation ($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { link } }',
        {
          ids: [created.data!.createSupplier.id],
        },
      );
      const token = /#token=([\w-]+)/.exec(invited.data!.inviteSuppliers[0]!.link)![1]!;
      await supplierPage.goto(urlFor(app.url, `/invite#token=${token}`));
      await supplierPage.getByRole('heading', { level: 1, name: 'Confirm it’s you' }).waitFor();
      const banner = supplierPage.getByRole('banner');
      await banner.getByText('Lantern Tea House').waitFor();
      // Decorative (alt=""; the name follows it), so found as the banner's image rather than by a name.
      const logo = banner.locator('img');
      await loaded(logo);
      expect(await logo.getAttribute('src')).toMatch(/^\/api\/organisations\/[0-9a-f-]{36}\/logo\?v=[0-9a-f]{16}$/);
      const about = supplierPage.getByRole('region', { name: 'About this request' });
      await about.getByText(/Your contact there is Mei Chen/).waitFor();
      expect(await about.getByRole('link', { name: '0161 496 0000' }).getAttribute('href')).toBe('tel:01614960000');
      await about.getByText('If in doubt, call Lantern Tea House on a number you already have', { exact: false }).waitFor();
      await snapshot(supplierPage, 'branding-invite');
    });

    expect(errors).toEqual([]);
  });
});
