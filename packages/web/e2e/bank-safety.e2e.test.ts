import { addColleague, signUpBuyer, startTestApp, startTestSmtp, type CapturedMail, type TestApp } from '@vouch/server/testing';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { driveConsent } from '@vouch/xero-emulator/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';
import { formatDate } from '../src/components/format-date';

/**
 * Bank-change safety in the browser (issue 14). Before the journey, seeded through the API: a Xero
 * organisation whose contacts are the supplier under test (a phone, a UK street address, an email) and
 * another supplier that already holds account 08-99-99 66374958; the buyer's connection and import; an
 * APPROVER colleague; a local SMTP server. The journey itself is screens only: the buyer sets a payment hold
 * and invites; the supplier (on a phone) changes their email and their bank details to that same account at
 * once; the review shows both risk signals, Accept waits for the call-back, which is recorded on the number
 * Xero held; the buyer's acceptance asks for a second approver, who accepts in their own browser; the supplier
 * then reads as confirmed by phone with payments on hold, in the list too, and the address held before got
 * the notice with the last 4 digits only.
 */

const XERO_USER = { email: 'owner@bank-safety-e2e.example', password: 'xero-password-1' };
const SUPPLIER = 'Acme Widgets Ltd';
const PREVIOUS_EMAIL = 'accounts@acme-widgets.example';
const NEW_EMAIL = 'payments@acme-widgets-finance.example';
const OTHER = 'Globex Supplies Ltd';
const HOLD_DAYS = 5;

let emulator: XeroEmulator;
let tenantId: string;
let app: TestApp;
let smtp: { url: string; messages: CapturedMail[]; close(): Promise<void> };
const browsers: LaunchedBrowser[] = [];

function at(pathname: string): string {
  return urlFor(app.url, pathname);
}

function must<T>(response: { data?: T | null; errors?: unknown[] }): T {
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** The next message to `to` matching `subject` after the `after`-th, waiting for it to arrive. */
async function nextMail(to: string, subject: RegExp, after = 0): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(() => {
      found = smtp.messages.slice(after).find((m) => m.to.includes(to) && subject.test(m.subject));
      return Boolean(found);
    }, WAIT)
    .toBe(true);
  return found!;
}

/** No sideways scrolling: the page fits its viewport's width. */
async function expectNoHorizontalOverflow(page: Page, width: number): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(width);
}

/** "9 Dec 2026" as the SPA writes a date `days` from now, in the browser's time zone. */
async function dateInDays(page: Page, days: number): Promise<string> {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  return formatDate(new Date(Date.now() + days * 86_400_000), { timeZone });
}

async function newBrowser(viewport?: { width: number; height: number }) {
  const launched = await launchBrowser(viewport ? { viewport } : {});
  browsers.push(launched);
  return launched.context;
}

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(XERO_USER);
  tenantId = emulator.control.createOrganisation({ name: 'Harbour Books Ltd', userEmails: [XERO_USER.email] }).tenantId;
  emulator.control.seedContacts(tenantId, {
    contacts: [
      {
        Name: SUPPLIER,
        IsSupplier: true,
        EmailAddress: PREVIOUS_EMAIL,
        Phones: [{ PhoneType: 'DEFAULT', PhoneCountryCode: '44', PhoneAreaCode: '020', PhoneNumber: '7946 0000' }],
        Addresses: [{ AddressType: 'STREET', AddressLine1: '1 High Street', City: 'London', PostalCode: 'EC1A 1BB', Country: 'United Kingdom' }],
      },
      { Name: OTHER, IsSupplier: true, EmailAddress: 'ap@globex.example', BankAccountDetails: '08-99-99 66374958' },
    ],
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

describe('bank-change safety in the browser', () => {
  it('a risky bank change: signals, a recorded call-back, two approvers, then verified, notified and on hold', async () => {
    // ---- Before the journey (API and database) ----
    const buyer = await signUpBuyer(app.url, { organisationName: 'Harbour Coffee Roasters', name: 'Ada Palmer' });
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
    const approver = await addColleague(app, buyer.user.organisation.id, { role: 'APPROVER', name: 'Priya Shah' });

    const buyerContext = await newBrowser();
    const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
    await buyerContext.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: app.url }]);
    const approverContext = await newBrowser();
    const supplierContext = await newBrowser({ width: 390, height: 844 });

    const page = await buyerContext.newPage();
    const approverPage = await approverContext.newPage();
    const supplierPage = await supplierContext.newPage();
    const pageErrors = [...collectPageErrors(page)];
    const approverErrors = collectPageErrors(approverPage);
    const supplierErrors = collectPageErrors(supplierPage);

    await withScreenshotOnFailure([page, supplierPage, approverPage], 'bank-safety', async () => {
      // ---- The buyer (ADMIN) sets the payment hold: a bad value is refused under the box ----
      await page.goto(at('/settings'));
      const hold = page.getByLabel('Payment hold (days)');
      await expect.poll(() => hold.inputValue(), WAIT).toBe('3');
      await hold.fill('31');
      await page.getByRole('form', { name: 'Payment hold' }).getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => hold.getAttribute('aria-invalid'), WAIT).toBe('true');
      await page.getByText('Enter a whole number of days from 0 to 30 (0 = no hold).').waitFor();
      await snapshot(page, 'bank-safety-settings-error');
      await hold.fill(String(HOLD_DAYS));
      await page.getByRole('form', { name: 'Payment hold' }).getByRole('button', { name: 'Save' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Saved: payments are held for ${HOLD_DAYS} days after bank details change.` })
        .waitFor();
      expect(await hold.getAttribute('aria-invalid')).toBeNull();
      await page.reload();
      await expect.poll(() => page.getByLabel('Payment hold (days)').inputValue(), WAIT).toBe(String(HOLD_DAYS));
      await snapshot(page, 'bank-safety-settings');

      // ---- The buyer invites the supplier from its page ----
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
      await page.getByRole('link', { name: SUPPLIER }).click();
      await page.getByRole('heading', { level: 1, name: SUPPLIER }).waitFor();
      const supplierPath = new URL(page.url()).pathname;
      const invitePanel = page.getByRole('region', { name: 'Invite' });
      const invitesBefore = smtp.messages.length;
      await invitePanel.getByRole('button', { name: 'Invite', exact: true }).click();
      await invitePanel
        .getByRole('status')
        .filter({ hasText: `Invite emailed to ${PREVIOUS_EMAIL}` })
        .waitFor();
      const invitation = await nextMail(PREVIOUS_EMAIL, /confirm your supplier details/, invitesBefore);
      const token = /\/invite#token=([\w-]+)/.exec(invitation.text)?.[1];
      expect(token, invitation.text).toBeTruthy();

      // ---- The supplier, on a phone: code by email, a new email address and new bank details ----
      await supplierPage.goto(at(`/invite#token=${token}`));
      await supplierPage.getByRole('heading', { level: 1, name: 'Confirm it’s you' }).waitFor();
      const codesBefore = smtp.messages.length;
      await supplierPage.getByRole('button', { name: 'Email me a code' }).click();
      const code = /(\d{6})/.exec((await nextMail(PREVIOUS_EMAIL, /Your Vouch code: \d{6}/, codesBefore)).subject)![1]!;
      await supplierPage.getByLabel('6-digit code').fill(code);
      await supplierPage.getByRole('button', { name: 'Confirm' }).click();
      await supplierPage.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();
      expect(await supplierPage.getByLabel('Business email').inputValue()).toBe(PREVIOUS_EMAIL);
      await supplierPage.getByLabel('Business email').fill(NEW_EMAIL);
      await supplierPage.getByLabel('Update my bank details').check();
      await supplierPage.getByLabel('Where is your bank account?').selectOption('GB');
      await supplierPage.getByLabel('Account holder name').fill(SUPPLIER);
      await supplierPage.getByLabel('Sort code').fill('08-99-99');
      await supplierPage.getByLabel('Account number').fill('66374958');
      await supplierPage.getByLabel('Account number').press('Tab');
      await expect.poll(() => supplierPage.getByLabel('Account number').getAttribute('aria-invalid'), WAIT).toBeNull();
      await snapshot(supplierPage, 'bank-safety-supplier-form');
      await supplierPage.getByRole('button', { name: 'Send for review' }).click();
      await supplierPage.getByRole('heading', { level: 1, name: 'Thanks — Harbour Coffee Roasters will review your details' }).waitFor();
      await supplierPage.getByText('•••• 4958').waitFor();
      await snapshot(supplierPage, 'bank-safety-supplier-sent');

      // ---- The buyer's review: both signals, and Accept waits for the call-back ----
      await page.reload();
      const review = page.getByRole('region', { name: 'Changes to review' });
      await review.waitFor();
      const signals = review.getByRole('group', { name: 'Risk signals' });
      await signals.getByText('High risk: check carefully before anyone pays this account').waitFor();
      await signals
        .getByRole('listitem')
        .filter({ hasText: `This account is already held by ${OTHER}.` })
        .getByText('High', { exact: true })
        .waitFor();
      await signals
        .getByRole('listitem')
        .filter({ hasText: 'The email address changes in the same submission as the bank details' })
        .getByText('High', { exact: true })
        .waitFor();
      await signals.getByText('Two different people must accept this change.').waitFor();
      const diff = review.getByRole('table', { name: 'Proposed changes' });
      await diff.getByRole('row', { name: /Email/ }).getByText(NEW_EMAIL).waitFor();

      const accept = review.getByRole('button', { name: 'Accept', exact: true });
      expect(await accept.getAttribute('aria-disabled')).toBe('true');
      await review.getByText('Accept becomes available once the call-back is recorded.').waitFor();
      // aria-disabled, not disabled: it stays focusable, and pressing it says why (force: Playwright would wait).
      await accept.click({ force: true });
      await review.getByRole('alert').getByText('Record the call-back first: phone the supplier on a number you already hold.').waitFor();
      expect(await review.getByText('Approved so far').count()).toBe(0);
      await snapshot(page, 'bank-safety-review');

      // The review fits a phone, call-back form and all.
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoHorizontalOverflow(page, 390);
      await snapshot(page, 'bank-safety-review-phone');
      await page.setViewportSize({ width: 1280, height: 800 });

      // ---- The call-back, on the number Xero held (not one from the submission) ----
      const callbackSection = review.getByRole('region', { name: 'Call-back' });
      const numbers = callbackSection.getByRole('group', { name: 'Number you called' });
      const held = numbers.getByRole('radio', { name: /7946 0000/ });
      await held.check();
      expect(await held.isChecked()).toBe(true);
      await callbackSection
        .getByLabel('What the supplier confirmed')
        .fill('Spoke to Jo Bloggs in finance on the number Xero holds; confirmed sort code 08-99-99 and account ending 4958.');
      await callbackSection.getByRole('button', { name: 'Record call-back' }).click();
      const record = callbackSection.getByRole('listitem').filter({ hasText: /Ada Palmer phoned .*7946 0000/ });
      await record.waitFor();
      await record.getByText('Phone held in Xero').waitFor();
      await expect.poll(() => accept.getAttribute('aria-disabled'), WAIT).toBeNull();
      await snapshot(page, 'bank-safety-callback');

      // ---- First approval: a second person is needed ----
      await accept.click();
      await review.getByRole('status').filter({ hasText: 'You approved — waiting for someone else' }).first().waitFor();
      await review.getByText('Needs a second approver', { exact: true }).waitFor();
      await review.getByText(/Approved so far by Ada Palmer/).waitFor();
      expect(await accept.getAttribute('aria-disabled')).toBe('true');
      await snapshot(page, 'bank-safety-first-approval');

      // ---- The APPROVER signs in in their own browser and accepts ----
      await approverPage.goto(at(supplierPath));
      await approverPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await approverPage.getByLabel('Email').fill(approver.email);
      await approverPage.getByLabel('Password').fill(approver.password);
      await approverPage.getByRole('button', { name: 'Sign in', exact: true }).click();
      await approverPage.getByRole('heading', { level: 1, name: SUPPLIER }).waitFor();
      const approverReview = approverPage.getByRole('region', { name: 'Changes to review' });
      await approverReview.getByText('Needs a second approver', { exact: true }).waitFor();
      await approverReview
        .getByRole('region', { name: 'Call-back' })
        .getByText(/Ada Palmer phoned/)
        .waitFor();
      await snapshot(approverPage, 'bank-safety-second-approver');
      const holdFrom = await dateInDays(approverPage, HOLD_DAYS);
      const noticesBefore = smtp.messages.length;
      await approverReview.getByRole('button', { name: 'Accept', exact: true }).click();
      await approverPage.getByRole('status').filter({ hasText: 'Changes accepted' }).waitFor();
      await expect.poll(() => approverReview.count(), WAIT).toBe(0);
      const holdTo = await dateInDays(approverPage, HOLD_DAYS);

      // ---- The supplier now reads as confirmed by phone, with payments on hold ----
      const holdBadge = (p: Page) => p.getByText(new RegExp(`^New bank details — hold payments until (${holdFrom}|${holdTo})$`));
      await approverPage.getByText(/^Bank details confirmed by phone /).waitFor();
      await holdBadge(approverPage).waitFor();
      const details = approverPage.getByRole('region', { name: 'Details' });
      await details.getByText(/^Confirmed by phone by Ada Palmer on .+ \(phone held in Xero\); newly changed: hold payments until .+\.$/).waitFor();
      await details.getByText(NEW_EMAIL).waitFor();
      await snapshot(approverPage, 'bank-safety-accepted');

      await page.reload();
      await page.getByText(/^Bank details confirmed by phone /).waitFor();
      await holdBadge(page).waitFor();
      await page
        .getByRole('region', { name: 'Timeline' })
        .getByText(/Priya Shah accepted the submitted details, including bank details confirmed by phone by Ada Palmer/)
        .waitFor();
      await snapshot(page, 'bank-safety-supplier-verified');

      // ---- The address held before got the notice: last 4 digits only ----
      const notice = await nextMail(PREVIOUS_EMAIL, /^Your bank details with Harbour Coffee Roasters were changed$/, noticesBefore);
      expect(notice.text).toContain('ending 4958');
      expect(notice.text + notice.raw).not.toContain('66374958');
      expect(notice.text).toMatch(/If this wasn't you, contact Harbour Coffee Roasters straight away/);

      // ---- The list shows the hold too, and still fits a phone ----
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
      const row = page.getByRole('row', { name: new RegExp(SUPPLIER) });
      await row.getByText(new RegExp(`^On hold until (${holdFrom}|${holdTo})$`)).waitFor();
      expect(
        await page
          .getByRole('row', { name: new RegExp(OTHER) })
          .getByText(/On hold until/)
          .count(),
      ).toBe(0);
      await snapshot(page, 'bank-safety-suppliers');
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoHorizontalOverflow(page, 390);
      await row.getByText(/^On hold until /).waitFor();
      await snapshot(page, 'bank-safety-suppliers-phone');
    });
    expect(pageErrors).toEqual([]);
    expect(approverErrors).toEqual([]);
    expect(supplierErrors).toEqual([]);
  });
});
