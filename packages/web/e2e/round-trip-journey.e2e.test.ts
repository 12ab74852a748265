import { startTestApp } from '@vouch/server/testing';
import { DEMO, startXeroEmulator, type Contact, type XeroEmulator } from '@vouch/xero-emulator';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * The round trip the way a user meets it (issue 10), through the screens only: the buyer signs up, connects
 * Xero through the emulator's login and consent pages and watches the import; opens an imported supplier that
 * has a street and a postal address, invites it and copies the link (no email server here); the supplier, in
 * a browser of their own, confirms with the code, changes the email, a phone, the street line and their UK
 * bank details in the form and sends them; the buyer accepts. Then what the user sees: Synced on the supplier
 * page and in the list, an empty Sync inbox, no drift, a timeline that names the fields written — and what
 * Xero holds: exactly the new values, everything else as it was. The supplier side runs twice, at desktop
 * width (1280×800) and at phone width (390×844). Nothing of the journey is seeded through the API.
 */

/** The import reads every contact page from the emulator. */
const IMPORT_WAIT = { timeout: 60_000 };
const ORGANISATION = 'Harbour Coffee Roasters';
const BUYER = 'Ada Palmer';
const XERO_ORGANISATION = DEMO.organisations[0];

interface Journey {
  /** A demo-seed supplier of Demo Trading Ltd with both a street and a postal address. */
  supplier: string;
  viewport: { width: number; height: number };
  shot: string;
  email: string;
  /** The phone fieldset the supplier edits (its legend) and the Xero phone type it is. */
  phone: { legend: 'Phone' | 'Mobile'; type: 'DEFAULT' | 'MOBILE'; number: string };
  streetLine1: string;
  /** Published VocaLink modulus-check examples that pass. */
  bank: { holder: string; sortCode: string; accountNumber: string };
}

const DESKTOP: Journey = {
  supplier: 'Highland IT Services Partners 11',
  viewport: { width: 1280, height: 800 },
  shot: 'round-trip-desktop',
  email: 'payables@highland-it.example',
  phone: { legend: 'Phone', type: 'DEFAULT', number: '555-0199' },
  streetLine1: '12 Deansgate',
  bank: { holder: 'Highland IT Services Partners', sortCode: '08-99-99', accountNumber: '66374958' },
};

const PHONE: Journey = {
  supplier: 'Sunrise Legal Ltd 165',
  viewport: { width: 390, height: 844 },
  shot: 'round-trip-phone',
  email: 'finance@sunrise-legal.example',
  phone: { legend: 'Mobile', type: 'MOBILE', number: '777 4321' },
  streetLine1: '1 Chancery Lane',
  bank: { holder: 'Sunrise Legal Ltd', sortCode: '20-29-59', accountNumber: '63748472' },
};

let emulator: XeroEmulator;
let app: Awaited<ReturnType<typeof startTestApp>>;
let buyerBrowser: LaunchedBrowser;
let buyer: Page;
const pageErrors: string[] = [];

function at(pathname: string): string {
  return urlFor(app.url, pathname);
}

/** Xero's copy with blank parts dropped ('' and absent are the same in Xero) and phones/addresses by type. */
function comparable(contact: Contact) {
  const { UpdatedDateUTC: _updated, ...rest } = contact;
  const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as Partial<T>;
  const byKey = <T extends object>(items: T[] | undefined, key: keyof T) =>
    (items ?? [])
      .map(clean)
      .filter((o) => Object.keys(o).length > 1)
      .sort((a, b) => String(a[key]).localeCompare(String(b[key])));
  return { ...clean(rest), Phones: byKey(rest.Phones, 'PhoneType'), Addresses: byKey(rest.Addresses, 'AddressType') };
}

function contactNamed(name: string): Contact {
  const found = emulator.control.listContacts(XERO_ORGANISATION.tenantId).find((c) => c.Name === name);
  if (!found) throw new Error(`The demo seed has no contact named ${name}`);
  return found;
}

/** Nothing may be wider than the screen at phone width (tables scroll inside their own region). */
async function expectNoHorizontalOverflow(page: Page, width: number) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(width);
}

/** Webhooks for our own writes reach Vouch, and Vouch has dealt with each (an echo must never become drift). */
async function settleXeroWebhooks() {
  await emulator.control.webhooks.flush();
  await expect.poll(() => emulator.control.webhooks.pending(app.xero!.clientId), WAIT).toBe(0);
  await expect
    .poll(async () => {
      const rows = await app.orm.em
        .fork()
        .getConnection()
        .execute<{ n: string }[]>(`select count(*)::text as n from pgboss.job where name = 'xero.fetch-contact' and state in ('created', 'retry', 'active')`);
      return Number(rows[0]!.n);
    }, WAIT)
    .toBe(0);
}

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'demo' });
  app = await startTestApp({ webDist, xeroEmulator: emulator });
  buyerBrowser = await launchBrowser({ profilePrefix: 'vouch-web-e2e-round-trip-buyer-' });
  buyer = await buyerBrowser.context.newPage();
  pageErrors.push(...collectPageErrors(buyer));
});

afterAll(async () => {
  await buyerBrowser?.close();
  await app?.close();
  await emulator?.close();
});

describe('round trip through the screens (issue 10)', () => {
  it('the buyer signs up, connects Demo Trading Ltd through Xero’s pages and watches the import finish', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(buyer, 'round-trip-connect', async () => {
      await buyer.goto(at('/sign-up'));
      await buyer.getByLabel('Organisation name').fill(ORGANISATION);
      await buyer.getByLabel('Your name').fill(BUYER);
      await buyer.getByLabel('Work email').fill(`ada.${Date.now().toString(36)}@harbour-coffee.example`);
      await buyer.getByLabel('Password').fill('correct horse battery');
      await buyer.getByRole('button', { name: 'Create account' }).click();
      await buyer.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

      await buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
      const card = buyer.getByRole('region', { name: 'Xero', exact: true });
      await card.getByRole('button', { name: 'Connect to Xero' }).click();

      // Xero's own pages.
      await buyer.waitForURL((url) => url.toString().startsWith(emulator.url), WAIT);
      await buyer.getByRole('heading', { name: 'Log in to Xero' }).waitFor();
      await buyer.getByLabel('Email address').fill(DEMO.userEmail);
      await buyer.getByLabel('Password').fill(DEMO.userPassword);
      await buyer.getByRole('button', { name: 'Log in' }).click();
      await buyer.getByRole('heading', { name: /wants to access your Xero data/ }).waitFor();
      const boxes = buyer.getByRole('group', { name: 'Select the organisations to connect' }).getByRole('checkbox');
      for (const box of await boxes.all()) {
        const label = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
        await box.setChecked(label.startsWith(XERO_ORGANISATION.name));
      }
      await snapshot(buyer, 'round-trip-01-xero-consent');
      await buyer.getByRole('button', { name: 'Allow access' }).click();

      // Back in Vouch: choose the organisation, confirm the permanent choice, watch the import.
      await buyer.waitForURL((url) => url.pathname === '/integrations', WAIT);
      const select = buyer.getByRole('combobox', { name: 'Xero organisation' });
      await select.waitFor();
      if ((await select.inputValue()) !== XERO_ORGANISATION.tenantId) await select.selectOption({ label: XERO_ORGANISATION.name });
      await buyer.getByRole('button', { name: 'Connect', exact: true }).click();
      const dialog = buyer.getByRole('dialog', { name: 'This choice is permanent' });
      await snapshot(buyer, 'round-trip-02-confirm-organisation');
      await dialog.getByRole('button', { name: `Connect ${XERO_ORGANISATION.name}` }).click();
      await card.getByText(XERO_ORGANISATION.name, { exact: true }).waitFor();
      await card.getByText(/Imported: [\d,]+ suppliers?/).waitFor(IMPORT_WAIT);
      await snapshot(buyer, 'round-trip-03-imported');
    });
    expect(pageErrors).toEqual([]);
  });

  for (const journey of [DESKTOP, PHONE]) {
    it(
      `${journey.supplier}: the supplier (${journey.viewport.width}×${journey.viewport.height}) changes email, phone, street and UK bank details; accepted, Xero holds exactly them`,
      { timeout: 120_000 },
      async () => {
        const before = contactNamed(journey.supplier);
        const street = before.Addresses.find((a) => a.AddressType === 'STREET')!;
        const postal = before.Addresses.find((a) => a.AddressType === 'POBOX')!;
        expect(street?.AddressLine1).toBeTruthy();
        expect(postal?.AddressLine1).toBeTruthy();
        const phoneBefore = before.Phones.find((p) => p.PhoneType === journey.phone.type)!;
        expect(phoneBefore?.PhoneNumber).toBeTruthy();

        const supplierBrowser = await launchBrowser({ viewport: journey.viewport, profilePrefix: 'vouch-web-e2e-round-trip-supplier-' });
        const supplierContext: BrowserContext = supplierBrowser.context;
        const supplier = await supplierContext.newPage();
        const supplierErrors = collectPageErrors(supplier);
        const shot = (page: Page, step: string) => snapshot(page, `${journey.shot}-${step}`);
        const narrow = journey.viewport.width < 600;

        try {
          await withScreenshotOnFailure([buyer, supplier], journey.shot, async () => {
            // The buyer finds the supplier in the list and invites it; without an email server the link is shown.
            await buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
            await buyer.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
            await buyer.getByRole('searchbox', { name: 'Search' }).fill(journey.supplier);
            await buyer
              .getByRole('row', { name: new RegExp(journey.supplier) })
              .getByRole('link', { name: journey.supplier })
              .click();
            await buyer.getByRole('heading', { level: 1, name: journey.supplier }).waitFor();
            const details = buyer.getByRole('region', { name: 'Details' });
            await details.getByText(`Street: ${street.AddressLine1}`, { exact: false }).waitFor();
            await details.getByText(`Postal: ${postal.AddressLine1}`, { exact: false }).waitFor();
            const invitePanel = buyer.getByRole('region', { name: 'Invite' });
            await invitePanel.getByRole('button', { name: 'Invite', exact: true }).click();
            const linkInput = invitePanel.getByLabel('Invite link');
            await linkInput.waitFor();
            const link = await linkInput.inputValue();
            expect(link).toMatch(/\/invite#token=[\w-]+$/);
            await shot(buyer, '01-buyer-invited');

            // The supplier opens the link in their own browser and confirms with the code.
            await supplier.goto(link);
            await supplier.getByRole('heading', { level: 1, name: 'Confirm it’s you' }).waitFor();
            if (narrow) await expectNoHorizontalOverflow(supplier, journey.viewport.width);
            await shot(supplier, '02-supplier-confirm');
            await supplier.getByRole('button', { name: 'Email me a code' }).click();
            const note = supplier.getByText(/Development only/);
            await note.waitFor();
            const code = /(\d{6})/.exec((await note.textContent()) ?? '')![1]!;
            await supplier.getByLabel('6-digit code').fill(code);
            await supplier.getByRole('button', { name: 'Confirm' }).click();
            await supplier.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();

            // The form starts from what the business holds.
            const email = supplier.getByLabel('Business email');
            expect(await email.inputValue()).toBe(before.EmailAddress);
            const phone = supplier.getByRole('group', { name: journey.phone.legend, exact: true });
            const streetGroup = supplier.getByRole('group', { name: 'Street address' });
            const postalGroup = supplier.getByRole('group', { name: 'Postal address' });
            expect(await phone.getByLabel('Number').inputValue()).toBe(phoneBefore.PhoneNumber);
            expect(await streetGroup.getByLabel('Address line 1').inputValue()).toBe(street.AddressLine1);
            expect(await postalGroup.getByLabel('Address line 1').inputValue()).toBe(postal.AddressLine1);
            if (narrow) await expectNoHorizontalOverflow(supplier, journey.viewport.width);
            else {
              // Side by side, a phone's three inputs line up (a wrapped "Country code" label once pushed its input down).
              const tops = await Promise.all(['Country code', 'Area code', 'Number'].map(async (label) => (await phone.getByLabel(label).boundingBox())!.y));
              expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(1);
            }
            await shot(supplier, '03-supplier-form');

            // The changes: email, one phone, the street line, and new UK bank details.
            await email.fill(journey.email);
            await phone.getByLabel('Number').fill(journey.phone.number);
            await streetGroup.getByLabel('Address line 1').fill(journey.streetLine1);
            await supplier.getByLabel('Update my bank details').check();
            await supplier.getByLabel('Where is your bank account?').selectOption('GB');
            await supplier.getByLabel('Account holder name').fill(journey.bank.holder);
            await supplier.getByLabel('Sort code').fill(journey.bank.sortCode);
            await supplier.getByLabel('Account number').fill(journey.bank.accountNumber);
            await supplier.getByLabel('Account number').press('Tab');
            expect(await supplier.getByLabel('Account number').getAttribute('aria-invalid')).toBeNull();
            if (narrow) await expectNoHorizontalOverflow(supplier, journey.viewport.width);
            await shot(supplier, '04-supplier-changed');

            await supplier.getByRole('button', { name: 'Send for review' }).click();
            await supplier.getByRole('heading', { level: 1, name: `Thanks — ${ORGANISATION} will review your details` }).waitFor();
            await supplier.getByText(`•••• ${journey.bank.accountNumber.slice(-4)}`).waitFor();
            if (narrow) await expectNoHorizontalOverflow(supplier, journey.viewport.width);
            await shot(supplier, '05-supplier-thanks');

            // The buyer sees it waiting in the list and opens the review: only what the supplier changed.
            await buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
            await buyer.getByRole('searchbox', { name: 'Search' }).fill(journey.supplier);
            const row = buyer.getByRole('row', { name: new RegExp(journey.supplier) });
            await row.getByText('Awaiting review').waitFor();
            await row.getByRole('link', { name: journey.supplier }).click();
            const review = buyer.getByRole('region', { name: 'Changes to review' });
            await review.waitFor();
            await review.getByText('This submission changes bank details.').waitFor();
            const diff = review.getByRole('table', { name: 'Proposed changes' });
            // Exactly the fields changed: nothing the form merely carried (contact people, company number…) shows up.
            const rowHeaders = await diff.getByRole('rowheader').allTextContents();
            expect(rowHeaders.filter((t) => !t.includes('Bank detail'))).toEqual(['Email', 'Phones', 'Addresses']);
            expect(rowHeaders.filter((t) => t.includes('Bank detail')).length).toBeGreaterThan(0);
            await diff
              .getByRole('row', { name: /^Email/ })
              .getByText(journey.email)
              .waitFor();
            await diff
              .getByRole('row', { name: /^Addresses/ })
              .getByText(new RegExp(journey.streetLine1))
              .waitFor();
            await diff
              .getByRole('row', { name: /^Phones/ })
              .getByText(new RegExp(journey.phone.number))
              .waitFor();
            const bankRow = diff
              .getByRole('row')
              .filter({ hasText: 'Bank detail' })
              .filter({ hasText: `Holder: ${journey.bank.holder}` });
            await bankRow.getByText(`Sort code: ${journey.bank.sortCode}`).waitFor();
            await shot(buyer, '06-buyer-review');

            // New bank details need a call-back on a number Vouch held before (never the one just sent).
            const callback = review.getByRole('region', { name: 'Call-back' });
            const numbers = callback.getByRole('group', { name: 'Number you called' });
            const offered = await numbers
              .getByRole('radio')
              .evaluateAll((radios) => radios.map((r) => ({ value: (r as HTMLInputElement).value, checked: (r as HTMLInputElement).checked })));
            const called = offered.find((o) => o.checked)?.value ?? '';
            expect(before.Phones.some((p) => p.PhoneNumber && called.includes(p.PhoneNumber))).toBe(true);
            expect(offered.some((o) => o.value.includes(journey.phone.number))).toBe(false);
            await callback
              .getByLabel('What the supplier confirmed')
              .fill(`Spoke to accounts; they confirmed sort code ${journey.bank.sortCode} ending ${journey.bank.accountNumber.slice(-4)}.`);
            await callback.getByRole('button', { name: 'Record call-back' }).click();
            await callback.getByText(`${BUYER} phoned ${called}`).waitFor();
            await shot(buyer, '07-buyer-callback');

            // Email and bank changed together is high risk; the only admin accepts with one approval and says why.
            await review.getByRole('button', { name: 'Accept with one approval…' }).click();
            const override = buyer.getByRole('dialog', { name: 'Accept a high-risk change with one approval?' });
            await override.getByLabel('Why one approval is enough').fill('Sole approver; call-back made on the number we held.');
            await override.getByRole('button', { name: 'Accept with one approval' }).click();

            // Accepted; stay on the page: it turns Synced by itself once Xero has read back the write.
            await buyer.getByRole('status').filter({ hasText: 'Changes accepted' }).waitFor();
            const syncBlock = buyer.getByRole('region', { name: 'Xero sync' });
            await syncBlock.getByText('Synced to Xero').waitFor();
            const timeline = buyer.getByRole('region', { name: 'Timeline' });
            const synced = timeline
              .getByRole('listitem')
              .filter({ hasText: 'Xero now holds the approved email, phones, addresses and bank account (read back and confirmed)' });
            await synced.waitFor();
            await synced.getByText('Show the change').click();
            await synced.getByRole('term').filter({ hasText: 'Written to Xero' }).waitFor();
            await synced.getByRole('definition').filter({ hasText: 'Email, Phones, Addresses, Bank account' }).waitFor();
            await details.getByText(journey.email, { exact: true }).waitFor();
            await details.getByText(`${journey.bank.sortCode} ${journey.bank.accountNumber}`).waitFor();
            await shot(buyer, '08-buyer-synced');

            // Xero holds exactly the new values; everything else is as it was (postal address, company
            // number, the contact people and their IncludeInEmails, the other phones, the name…).
            const held = emulator.control.getContact(XERO_ORGANISATION.tenantId, before.ContactID);
            const expected = comparable({
              ...before,
              EmailAddress: journey.email,
              BankAccountDetails: `${journey.bank.sortCode} ${journey.bank.accountNumber}`,
              Phones: before.Phones.map((p) => (p.PhoneType === journey.phone.type ? { ...p, PhoneNumber: journey.phone.number } : p)),
              Addresses: before.Addresses.map((a) => (a.AddressType === 'STREET' ? { ...a, AddressLine1: journey.streetLine1 } : a)),
            });
            expect(comparable(held)).toEqual(expected);
            expect(held.CompanyNumber).toBe(before.CompanyNumber);
            expect(held.ContactPersons).toEqual(before.ContactPersons);

            // Xero's webhooks for that write come back and are dealt with: still no drift anywhere.
            await settleXeroWebhooks();
            await buyer.reload();
            await syncBlock.getByText('Synced to Xero').waitFor();
            await details.getByText(journey.email, { exact: true }).waitFor();
            expect(await buyer.getByRole('region', { name: 'Differences in Xero' }).count()).toBe(0);
            expect(await buyer.getByText('Bank details differ in Xero').count()).toBe(0);

            // The list says Synced, with no drift badge.
            await buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
            await buyer.getByRole('searchbox', { name: 'Search' }).fill(journey.supplier);
            const listed = buyer.getByRole('row', { name: new RegExp(journey.supplier) });
            await listed.getByText('Synced to Xero').waitFor();
            expect(await listed.getByText(/differs? in Xero/i).count()).toBe(0);
            await shot(buyer, '09-buyer-list-synced');

            // The Sync inbox is empty.
            await buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
            await buyer.getByRole('heading', { level: 1, name: 'Sync inbox' }).waitFor();
            await buyer.getByRole('heading', { name: 'Nothing failed — every accepted change is in Xero.' }).waitFor();
            expect(await buyer.getByRole('table', { name: 'Changes Xero refused' }).count()).toBe(0);
            await shot(buyer, '10-buyer-sync-inbox');

            // The supplier opens the link again: accepted, and the form shows the new details.
            await supplier.goto(link);
            await supplier.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();
            await supplier.getByRole('region', { name: /^Accepted on / }).waitFor();
            expect(await supplier.getByLabel('Business email').inputValue()).toBe(journey.email);
            if (narrow) await expectNoHorizontalOverflow(supplier, journey.viewport.width);
            await shot(supplier, '11-supplier-accepted');
          });
        } finally {
          await supplierBrowser.close();
        }
        expect(supplierErrors).toEqual([]);
        expect(pageErrors).toEqual([]);
      },
    );
  }
});
