import { graphqlClient, signUpBuyer, startTestApp, startTestSmtp, type CapturedMail } from '@vouch/server/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * The invite round trip with a real SMTP server: the buyer invites a supplier from the supplier page; the
 * supplier opens the emailed link in a separate browser, confirms with the emailed code, corrects a
 * bank-details typo the form catches as they type, and sends; the buyer sees the diff with the bank
 * change flagged, accepts, and the supplier page and timeline show it. Elements are found by role and
 * label only.
 */

let app: { url: string; close(): Promise<void> };
let smtp: { url: string; messages: CapturedMail[]; close(): Promise<void> };
let buyerBrowser: LaunchedBrowser;
let supplierBrowser: LaunchedBrowser;
let buyerContext: BrowserContext;
let supplierContext: BrowserContext;

function at(pathname: string): string {
  return urlFor(app.url, pathname);
}

/** The next message to `to` matching `subject`, waiting for it to arrive. */
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

/** The text of an input's aria-describedby targets (its announced hint and error). */
function description(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ webDist, env: { SMTP_URL: smtp.url } });
  buyerBrowser = await launchBrowser();
  buyerContext = buyerBrowser.context;
  supplierBrowser = await launchBrowser();
  supplierContext = supplierBrowser.context;
});

afterAll(async () => {
  await supplierBrowser?.close();
  await buyerBrowser?.close();
  await app?.close();
  await smtp?.close();
});

describe('invite and review in the browser', () => {
  let inviteLink = '';

  it('invites a supplier, who confirms and corrects their details, and the buyer accepts the diff', async () => {
    const buyer = await signUpBuyer(app.url, { organisationName: 'Harbour Coffee Roasters', name: 'Ada Palmer' });
    const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
    await buyerContext.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: app.url }]);
    const supplierEmail = `accounts.${Date.now().toString(36)}@acme-beans.example`;
    const created = await buyer.client.request<{ createSupplier: { id: string } }>(
      `mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
      { input: { name: 'Acme Beans Ltd', email: supplierEmail } },
    );
    const supplierId = created.data!.createSupplier.id;

    const page = await buyerContext.newPage();
    const supplierPage = await supplierContext.newPage();
    const pageErrors = [...collectPageErrors(page)];
    const supplierErrors = collectPageErrors(supplierPage);

    await withScreenshotOnFailure([page, supplierPage], 'invite-review', async () => {
      // From the list to the supplier's page.
      await page.goto(at('/suppliers'));
      await page.getByRole('link', { name: 'Acme Beans Ltd' }).click();
      await page.getByRole('heading', { level: 1, name: 'Acme Beans Ltd' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/suppliers/${supplierId}`);
      const invitePanel = page.getByRole('region', { name: 'Invite' });
      await invitePanel.getByText('Not invited yet').waitFor();

      const sentBefore = smtp.messages.length;
      await invitePanel.getByRole('button', { name: 'Invite', exact: true }).click();
      await invitePanel
        .getByRole('status')
        .filter({ hasText: `Invite emailed to ${supplierEmail}` })
        .waitFor();
      await invitePanel.getByText('Invited', { exact: true }).waitFor();
      await invitePanel.getByRole('button', { name: 'Resend' }).waitFor();
      await snapshot(page, 'supplier-invited');

      // The emailed link carries the token in the fragment; rebuild it on this test server's origin.
      const invitation = await nextMail(supplierEmail, /confirm your supplier details/, sentBefore);
      const linked = /https?:\/\/\S+?\/invite#token=([\w-]+)/.exec(invitation.text);
      expect(linked, invitation.text).not.toBeNull();
      inviteLink = at(`/invite#token=${linked![1]}`);

      // The supplier, in a browser with no Vouch session.
      await supplierPage.goto(inviteLink);
      await supplierPage.getByRole('heading', { level: 1, name: 'Confirm it’s you' }).waitFor();
      expect(new URL(supplierPage.url()).hash).toBe(''); // the token leaves the address bar
      await supplierPage.getByText('Harbour Coffee Roasters').first().waitFor();
      await snapshot(supplierPage, 'invite-confirm');

      const codesBefore = smtp.messages.length;
      await supplierPage.getByRole('button', { name: 'Email me a code' }).click();
      const codeInput = supplierPage.getByLabel('6-digit code');
      await codeInput.waitFor();
      expect(await codeInput.getAttribute('inputmode')).toBe('numeric');
      expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
      const codeMail = await nextMail(supplierEmail, /Your Vouch code: \d{6}/, codesBefore);
      const code = /(\d{6})/.exec(codeMail.subject)![1]!;

      // A wrong code says how many tries are left, under the input.
      const wrong = code === '000000' ? '111111' : '000000';
      await codeInput.fill(wrong);
      await supplierPage.getByRole('button', { name: 'Confirm' }).click();
      await expect.poll(() => codeInput.getAttribute('aria-invalid'), WAIT).toBe('true');
      expect(await description(supplierPage, '6-digit code')).toMatch(/tries left|try left/);

      await codeInput.fill(code);
      await supplierPage.getByRole('button', { name: 'Confirm' }).click();
      await supplierPage.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();
      expect(await supplierPage.getByLabel('Business name').inputValue()).toBe('Acme Beans Ltd');
      expect(await supplierPage.getByLabel('Business email').inputValue()).toBe(supplierEmail);

      // Contact details.
      await supplierPage.getByLabel('First name').first().fill('Maya');
      await supplierPage.getByLabel('Last name').first().fill('Okafor');
      const phone = supplierPage.getByRole('group', { name: 'Phone' });
      await phone.getByLabel('Area code').fill('0113');
      await phone.getByLabel('Number').fill('496 0000');
      const street = supplierPage.getByRole('group', { name: 'Street address' });
      await street.getByLabel('Address line 1').fill('4 Mill Lane');
      await street.getByLabel('Town or city').fill('Leeds');
      await street.getByLabel('Postal code').fill('LS1 4AB');
      await supplierPage.getByRole('button', { name: 'Add a contact person' }).click();
      const person = supplierPage.getByRole('group', { name: 'Contact person 1' });
      await person.getByLabel('First name').fill('Sam');
      await person.getByLabel('Email').fill('sam@acme-beans.example');

      // Bank details are an explicit choice, and start empty.
      await supplierPage.getByLabel('Update my bank details').check();
      await supplierPage.getByLabel('Where is your bank account?').selectOption('GB');
      expect(await supplierPage.getByLabel('Sort code').inputValue()).toBe('');
      expect(await supplierPage.getByLabel('Account number').inputValue()).toBe('');
      await supplierPage.getByLabel('Account holder name').fill('Acme Beans Ltd');
      await supplierPage.getByLabel('Sort code').fill('08-99-99');
      // A one-digit typo fails the UK modulus check as soon as the field is left.
      const account = supplierPage.getByLabel('Account number');
      await account.fill('66374959');
      await account.press('Tab');
      await expect.poll(() => account.getAttribute('aria-invalid'), WAIT).toBe('true');
      expect(await description(supplierPage, 'Account number')).toMatch(/account number|sort code/i);
      await snapshot(supplierPage, 'invite-typo');

      await account.fill('66374958');
      await expect.poll(() => account.getAttribute('aria-invalid'), WAIT).toBeNull();
      await snapshot(supplierPage, 'invite-form');

      await supplierPage.getByRole('button', { name: 'Send for review' }).click();
      await supplierPage.getByRole('heading', { level: 1, name: 'Thanks — Harbour Coffee Roasters will review your details' }).waitFor();
      await supplierPage.getByText('•••• 4958').waitFor();
      await supplierPage.getByText(/use the same link again to send a correction/).waitFor();
      await snapshot(supplierPage, 'invite-thanks');

      // Opening the link again shows what they sent, awaiting review — not the business's older copy — and
      // the bank details they sent are a choice to make again (numbers never shown back).
      const again = await supplierContext.newPage();
      supplierErrors.push(...collectPageErrors(again));
      await again.goto(inviteLink);
      await again.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();
      await again
        .getByRole('region', { name: /^Awaiting review since / })
        .getByText(/your new version replaces this one/)
        .waitFor();
      expect(await again.getByLabel('First name').first().inputValue()).toBe('Maya');
      expect(await again.getByRole('group', { name: 'Street address' }).getByLabel('Town or city').inputValue()).toBe('Leeds');
      expect(await again.getByLabel('Update my bank details').isChecked()).toBe(true);
      expect(await again.getByLabel('Account holder name').inputValue()).toBe('Acme Beans Ltd');
      expect(await again.getByLabel('Sort code').inputValue()).toBe('');
      expect(await again.getByLabel('Account number').inputValue()).toBe('');
      await again
        .getByText(/You sent new bank details/)
        .getByText('•••• 4958')
        .waitFor();
      await snapshot(again, 'invite-awaiting-review');
      await again.close();

      // Back with the buyer: the diff, with the bank change flagged.
      await page.reload();
      const review = page.getByRole('region', { name: 'Changes to review' });
      await review.waitFor();
      await review.getByText('This submission changes bank details.').waitFor();
      await review.getByText(/Phone the supplier on a number you already hold/).waitFor();
      const diff = review.getByRole('table', { name: 'Proposed changes' });
      await diff
        .getByRole('row', { name: /Contact first name/ })
        .getByText('Maya')
        .waitFor();
      const bankRow = diff.getByRole('row', { name: /Bank account/ });
      await bankRow.getByText('Bank detail').waitFor();
      await bankRow.getByText(/66374958/).waitFor();
      await diff
        .getByRole('row', { name: /Phones/ })
        .getByText('Phone: (0113) 496 0000')
        .waitFor();
      await snapshot(page, 'supplier-review');

      // Accept waits for the call-back record; this supplier has no phone on file, so the number is typed.
      await review.getByText('Accept becomes available once the call-back is recorded.').waitFor();
      const callback = review.getByRole('region', { name: 'Call-back' });
      await callback.getByLabel('Another number').check();
      await callback.getByLabel('Other number', { exact: true }).fill('0113 496 0000');
      await callback.getByLabel('What the supplier confirmed').fill('Spoke to Maya; confirmed sort code 08-99-99 and account ending 4958.');
      await callback.getByRole('button', { name: 'Record call-back' }).click();
      // The number the supplier themselves just sent: allowed, but marked as no independent evidence.
      await callback.getByText('Typed: a number from this very submission').waitFor();
      await review.getByRole('button', { name: 'Accept' }).click();
      await page.getByRole('status').filter({ hasText: 'Changes accepted' }).waitFor();
      await expect.poll(() => review.count(), WAIT).toBe(0);

      const details = page.getByRole('region', { name: 'Details' });
      await details.getByText('Maya Okafor').waitFor();
      await details.getByText(/66374958/).waitFor();
      await details.getByText('Street: 4 Mill Lane, Leeds, LS1 4AB').waitFor();

      const timeline = page.getByRole('region', { name: 'Timeline' });
      const events = timeline.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem');
      await expect.poll(() => events.count(), WAIT).toBeGreaterThanOrEqual(3);
      await timeline.getByText(/Ada Palmer invited/).waitFor();
      await timeline.getByText(/^Ada Palmer accepted the submitted details, including bank details confirmed by phone by Ada Palmer/).waitFor();
      const accepted = events.filter({ hasText: 'accepted the submitted details' });
      await accepted.getByText(/^Show the \d+ changes$/).click();
      await accepted.getByRole('definition').filter({ hasText: 'Maya' }).waitFor();
      expect(await timeline.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(`/api/suppliers/${supplierId}/audit.csv`);
      const history = page.getByRole('region', { name: 'Submissions' });
      await history.getByText('Accepted').waitFor();
      await snapshot(page, 'supplier-accepted');

      // The supplier page fits a phone too (wide tables scroll inside their own region).
      await page.setViewportSize({ width: 360, height: 740 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(360);
      await snapshot(page, 'supplier-phone');
    });
    expect(pageErrors).toEqual([]);
    expect(supplierErrors).toEqual([]);
  });

  it('fits the invite page at phone width (360px)', async () => {
    expect(inviteLink).not.toBe('');
    const page = await supplierContext.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await withScreenshotOnFailure([page], 'invite-phone', async () => {
      // Still confirmed in this browser: the form opens again for a correction, saying it was accepted.
      await page.goto(inviteLink);
      await page.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();
      await page.getByRole('region', { name: /^Accepted on / }).waitFor();
      expect(await page.getByLabel('Update my bank details').isChecked()).toBe(false);
      await page.getByRole('button', { name: 'Send for review' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(360);
      await page.getByLabel('Update my bank details').check();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(360);
      await snapshot(page, 'invite-phone');
    });
  });
});

describe('bulk invites, filters and a second approver', () => {
  it('invites from the list, finds the submission by filter, and needs two approvers for bank changes', async () => {
    const buyer = await signUpBuyer(app.url, { organisationName: 'Northwind Bakery', name: 'Lin Ortega' });
    const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
    await buyerContext.clearCookies();
    await buyerContext.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: app.url }]);
    const supplierEmail = `ledger.${Date.now().toString(36)}@flour-mill.example`;
    const create = (input: { name: string; email?: string }) =>
      buyer.client.request(`mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`, { input });
    await create({ name: 'Flour Mill Co', email: supplierEmail });
    await create({ name: 'No Mail Traders' });
    const dairy = await create({ name: 'Quiet Dairy', email: 'orders@quiet-dairy.example' });
    // Quiet Dairy already has a live invite (sent earlier, not answered yet).
    const dairyInvite = await buyer.client.request(`mutation ($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { outcome } }`, {
      ids: [(dairy.data as { createSupplier: { id: string } }).createSupplier.id],
    });
    expect(dairyInvite.errors).toBeUndefined();

    const page = await buyerContext.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure([page], 'bulk-invite', async () => {
      // The organisation asks for two approvers on bank changes (ADMIN only setting).
      await page.goto(at('/settings'));
      const twoApprovers = page.getByLabel('Require a second approver for bank detail changes');
      expect(await twoApprovers.isChecked()).toBe(false);
      await twoApprovers.check();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.reload();
      await expect.poll(() => page.getByLabel('Require a second approver for bank detail changes').isChecked(), WAIT).toBe(true);

      // Bulk invite asks first, saying how many will go: a supplier whose invite is still live is skipped (a
      // new one would withdraw their link) and one without an email address can't be invited.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
      await page.getByRole('link', { name: 'Flour Mill Co' }).waitFor();
      await page.getByLabel('Select Flour Mill Co').check();
      await page.getByLabel('Select No Mail Traders').check();
      await page.getByLabel('Select Quiet Dairy').check();
      const sentBefore = smtp.messages.length;
      await page.getByRole('button', { name: 'Invite selected (3)' }).click();
      const confirm = page.getByRole('dialog', { name: 'Send 1 invite?' });
      await confirm.getByText('1 supplier already has a live invite and will be skipped.').waitFor();
      await confirm.getByText('No Mail Traders has no email address and can’t be invited.').waitFor();
      // Asking to replace live links says what that does, and counts them in; unticked again, it doesn't.
      await confirm.getByLabel(/Send it a new link too/).check();
      await page
        .getByRole('dialog', { name: 'Send 2 invites?' })
        .getByText('1 supplier already has a live invite: the link they have stops working.')
        .waitFor();
      await page
        .getByRole('dialog', { name: 'Send 2 invites?' })
        .getByLabel(/Send it a new link too/)
        .uncheck();
      await snapshot(page, 'suppliers-bulk-confirm');
      expect(smtp.messages.length).toBe(sentBefore); // nothing goes before the confirmation
      await confirm.getByRole('button', { name: 'Send invite' }).click();
      const results = page.getByRole('region', { name: '1 supplier invited, 1 skipped' });
      await results.getByText(`Invite emailed to ${supplierEmail}.`).waitFor();
      await results.getByText('Skipped — their invite to orders@quiet-dairy.example is still live.').waitFor();
      await page
        .getByRole('row', { name: /Flour Mill Co/ })
        .getByText('Invited')
        .waitFor();
      await snapshot(page, 'suppliers-bulk-invite');

      // The supplier answers (through the API here; the browser flow is covered above).
      const invitation = await nextMail(supplierEmail, /confirm your supplier details/, sentBefore);
      const token = /\/invite#token=([\w-]+)/.exec(invitation.text)![1]!;
      const supplier = graphqlClient(app.url);
      const codesBefore = smtp.messages.length;
      await supplier.request(`mutation ($token: String!) { sendSupplierCode(token: $token) { sentTo } }`, { token });
      const code = /(\d{6})/.exec((await nextMail(supplierEmail, /Your Vouch code/, codesBefore)).subject)![1]!;
      const verified = await supplier.request(
        `mutation ($token: String!, $code: String!) { verifySupplierCode(token: $token, code: $code) { organisationName } }`,
        { token, code },
      );
      expect(verified.errors).toBeUndefined();
      const submitted = await supplier.request(
        `mutation ($token: String!, $input: SupplierDetailsInput!) { submitSupplierDetails(token: $token, input: $input) { bankDetailsMasked } }`,
        {
          token,
          input: {
            name: 'Flour Mill Co',
            email: supplierEmail,
            payment: { country: 'GB', accountHolderName: 'Flour Mill Co', sortCode: '089999', accountNumber: '66374958' },
          },
        },
      );
      expect(submitted.errors).toBeUndefined();

      // Search (debounced) and the Awaiting review filter find it.
      await page.reload();
      await page.getByRole('searchbox', { name: 'Search' }).fill('flour');
      await expect.poll(() => new URL(page.url()).searchParams.get('q'), WAIT).toBe('flour');
      await expect.poll(() => page.getByRole('row', { name: /Quiet Dairy/ }).count(), WAIT).toBe(0);
      // Suppliers in the navigation shows the whole list with an empty box; the same search then works again.
      const searchbox = page.getByRole('searchbox', { name: 'Search' });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
      await expect.poll(() => new URL(page.url()).search, WAIT).toBe('');
      await page.getByRole('row', { name: /Quiet Dairy/ }).waitFor();
      expect(await searchbox.inputValue()).toBe('');
      await expect.poll(() => new URL(page.url()).search, WAIT).toBe('');
      await searchbox.fill('flour');
      await expect.poll(() => new URL(page.url()).searchParams.get('q'), WAIT).toBe('flour');
      await expect.poll(() => page.getByRole('row', { name: /Quiet Dairy/ }).count(), WAIT).toBe(0);
      await page.getByRole('searchbox', { name: 'Search' }).fill('');
      await page.getByLabel('Awaiting review').check();
      await expect.poll(() => page.getByRole('row', { name: /Quiet Dairy/ }).count(), WAIT).toBe(0);
      const row = page.getByRole('row', { name: /Flour Mill Co/ });
      await row.getByText('Awaiting review').waitFor();
      await snapshot(page, 'suppliers-filtered');
      await page.setViewportSize({ width: 360, height: 740 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), WAIT).toBeLessThanOrEqual(360);
      await snapshot(page, 'suppliers-phone');
      await page.setViewportSize({ width: 1280, height: 800 });
      await row.getByRole('link', { name: 'Flour Mill Co' }).click();

      // The call-back first; then the first approval is recorded, and the same person can't be the second.
      const review = page.getByRole('region', { name: 'Changes to review' });
      const callback = review.getByRole('region', { name: 'Call-back' });
      await callback.getByLabel('Another number').check();
      await callback.getByLabel('Other number', { exact: true }).fill('020 7946 0000');
      await callback.getByLabel('What the supplier confirmed').fill('Confirmed with the mill manager.');
      await callback.getByRole('button', { name: 'Record call-back' }).click();
      await callback.getByRole('button', { name: 'Record another call-back' }).waitFor();
      await review.getByRole('button', { name: 'Accept' }).click();
      await review.getByRole('status').filter({ hasText: 'You approved — waiting for someone else.' }).waitFor();
      await review.getByText('Needs a second approver').waitFor();
      await review.getByText(/Approved so far by Lin Ortega/).waitFor();
      await review.getByRole('button', { name: 'Accept' }).click({ force: true });
      await review
        .getByRole('alert')
        .getByText(/someone else must accept it too/)
        .waitFor();
      await snapshot(page, 'supplier-second-approver');

      // Reject needs a reason, which is emailed to the supplier.
      await review.getByRole('button', { name: 'Reject' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reject these changes?' });
      await dialog.getByRole('button', { name: 'Reject changes' }).click();
      const reason = dialog.getByLabel('Reason');
      await expect.poll(() => reason.getAttribute('aria-invalid'), WAIT).toBe('true');
      const rejectionsBefore = smtp.messages.length;
      await reason.fill('Please send the account your invoices name.');
      await dialog.getByRole('button', { name: 'Reject changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Changes rejected' }).waitFor();
      await page.getByRole('region', { name: 'Submissions' }).getByText('Please send the account your invoices name.').waitFor();
      const rejection = await nextMail(supplierEmail, /./, rejectionsBefore);
      expect(rejection.text).toContain('Please send the account your invoices name.');

      // The supplier opens the link in their browser (confirmed above, same session): the reason, and their own
      // submission to correct.
      const [inviteCookie, ...inviteCookieValue] = supplier.cookie!.split('=');
      await supplierContext.addCookies([
        { name: inviteCookie!, value: inviteCookieValue.join('='), domain: new URL(app.url).hostname, path: '/graphql', httpOnly: true, sameSite: 'Strict' },
      ]);
      const supplierPage = await supplierContext.newPage();
      pageErrors.push(...collectPageErrors(supplierPage));
      await supplierPage.goto(at(`/invite#token=${token}`));
      await supplierPage.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();
      const rejectedPanel = supplierPage.getByRole('region', { name: 'Not accepted — correct and send again' });
      await rejectedPanel.getByText('Northwind Bakery’s reason: “Please send the account your invoices name.”').waitFor();
      await rejectedPanel.getByText(/correct it and send it for review again/).waitFor();
      expect(await supplierPage.getByLabel('Update my bank details').isChecked()).toBe(true);
      expect(await supplierPage.getByLabel('Account number').inputValue()).toBe('');
      await snapshot(supplierPage, 'invite-rejected');
      await supplierPage.close();
    });
    expect(pageErrors).toEqual([]);
  });
});

describe('invite to another address, resend and revoke', () => {
  it('sends to the override address, resends a fresh link, and a revoked link explains itself', async () => {
    const buyer = await signUpBuyer(app.url, { organisationName: 'Lantern Tea House', name: 'Ravi Shah' });
    const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
    await buyerContext.clearCookies();
    await buyerContext.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: app.url }]);
    const created = await buyer.client.request<{ createSupplier: { id: string } }>(
      `mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
      { input: { name: 'Copper Kettle Ltd', email: 'old-inbox@copper-kettle.example' } },
    );
    const override = `finance.${Date.now().toString(36)}@copper-kettle.example`;

    const page = await buyerContext.newPage();
    const supplierPage = await supplierContext.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure([page, supplierPage], 'invite-revoke', async () => {
      await page.goto(at(`/suppliers/${created.data!.createSupplier.id}`));
      const panel = page.getByRole('region', { name: 'Invite' });
      // A malformed address is refused under the field, and nothing is sent.
      const sendTo = panel.getByLabel('Send to');
      const beforeBad = smtp.messages.length;
      await sendTo.fill('bad@@x');
      await panel.getByRole('button', { name: 'Invite', exact: true }).click();
      await expect.poll(() => sendTo.getAttribute('aria-invalid'), WAIT).toBe('true');
      expect(await description(page, 'Send to')).toMatch(/email address like name@example\.com/);
      expect(smtp.messages.length).toBe(beforeBad);
      await panel.getByText('Not invited yet', { exact: false }).waitFor();
      await sendTo.fill(override);
      await expect.poll(() => sendTo.getAttribute('aria-invalid'), WAIT).toBeNull();
      const before = smtp.messages.length;
      await panel.getByRole('button', { name: 'Invite', exact: true }).click();
      await panel
        .getByRole('status')
        .filter({ hasText: `Invite emailed to ${override}` })
        .waitFor();
      const first = await nextMail(override, /confirm your supplier details/, before);
      const firstToken = /\/invite#token=([\w-]+)/.exec(first.text)![1]!;

      // Resend: a fresh link; the old one stops working.
      const beforeResend = smtp.messages.length;
      await panel.getByRole('button', { name: 'Resend' }).click();
      await panel.getByRole('status').filter({ hasText: 'Invite sent again' }).waitFor();
      const second = await nextMail(override, /confirm your supplier details/, beforeResend);
      const secondToken = /\/invite#token=([\w-]+)/.exec(second.text)![1]!;
      expect(secondToken).not.toBe(firstToken);
      await supplierPage.goto(at(`/invite#token=${firstToken}`));
      await supplierPage.getByRole('heading', { level: 1, name: 'This link isn’t valid' }).waitFor();

      // A long history pages with Load more (20 at a time).
      const latest = await buyer.client.request<{ supplier: { latestInvite: { id: string } } }>(
        `query ($id: ID!) { supplier(id: $id) { latestInvite { id } } }`,
        { id: created.data!.createSupplier.id },
      );
      for (let i = 0; i < 20; i++) {
        const resent = await buyer.client.request(`mutation ($id: ID!) { resendInvite(inviteId: $id) { link } }`, {
          id: latest.data!.supplier.latestInvite.id,
        });
        expect(resent.errors).toBeUndefined();
      }
      await page.reload();
      const events = page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem');
      await expect.poll(() => events.count(), WAIT).toBe(20);
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => events.count(), WAIT).toBeGreaterThan(20);
      await page.getByRole('list', { name: 'Events, newest first' }).getByText('Ravi Shah added Copper Kettle Ltd').waitFor();
      const newest = await nextMail(override, /confirm your supplier details/, smtp.messages.length - 1);
      const latestToken = /\/invite#token=([\w-]+)/.exec(newest.text)![1]!;

      // Withdraw, after a confirmation (one word for the action: the button, the dialog and the status agree).
      await panel.getByRole('button', { name: 'Withdraw' }).click();
      const dialog = page.getByRole('dialog', { name: 'Withdraw this invite?' });
      await dialog.getByRole('button', { name: 'Withdraw invite' }).click();
      await panel.getByRole('status').filter({ hasText: 'Invite withdrawn' }).waitFor();
      await panel.getByText('Invite withdrawn', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Timeline' }).getByText(`Ravi Shah withdrew the invite to ${override}`).waitFor();

      await supplierPage.goto(at(`/invite#token=${latestToken}`));
      await supplierPage.getByRole('heading', { level: 1, name: 'This link was withdrawn' }).waitFor();
      // A withdrawn link names the business and says what to do.
      await supplierPage.getByText('Use the link in their latest email, or ask Lantern Tea House for a new one.').waitFor();
      await snapshot(supplierPage, 'invite-revoked');

      // The list pages with Load more (50 at a time).
      for (let i = 1; i <= 51; i++) {
        await buyer.client.request(`mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`, {
          input: { name: `Filler Supplier ${String(i).padStart(2, '0')}` },
        });
      }
      await page.goto(at('/suppliers'));
      await page.getByText('52 suppliers · showing the first 50').waitFor();
      const table = page.getByRole('table', { name: 'Suppliers' });
      await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(51); // + the header row
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(53);
      await expect.poll(() => page.getByRole('button', { name: 'Load more' }).count(), WAIT).toBe(0);

      // Another organisation's (or no) supplier: a plain not-found page.
      await page.goto(at('/suppliers/00000000-0000-4000-8000-000000000000'));
      await page.getByRole('heading', { level: 1, name: 'Supplier not found' }).waitFor();
    });
    expect(pageErrors).toEqual([]);
  });
});

describe('without an email server', () => {
  let bare: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    bare = await startTestApp({ webDist });
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('shows the invite link once to copy, and the code in a development note', async () => {
    const buyer = await signUpBuyer(bare.url, { organisationName: 'Offline Outfitters', name: 'Noor Haddad' });
    const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
    await buyerContext.clearCookies();
    await buyerContext.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: bare.url }]);
    const created = await buyer.client.request<{ createSupplier: { id: string } }>(
      `mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
      { input: { name: 'Paper Lantern Co', email: 'hello@paper-lantern.example' } },
    );

    const page = await buyerContext.newPage();
    const supplierPage = await supplierContext.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure([page, supplierPage], 'invite-no-smtp', async () => {
      await page.goto(new URL(`/suppliers/${created.data!.createSupplier.id}`, bare.url).toString());
      const panel = page.getByRole('region', { name: 'Invite' });
      await panel.getByRole('button', { name: 'Invite', exact: true }).click();
      const linkInput = panel.getByLabel('Invite link');
      await linkInput.waitFor();
      await panel.getByText(/was not emailed/).waitFor();
      await panel.getByRole('button', { name: 'Copy' }).waitFor();
      const link = await linkInput.inputValue();
      expect(link).toMatch(/\/invite#token=[\w-]+$/);
      expect(link).not.toContain('?');
      await snapshot(page, 'invite-copy-link');

      const token = /#token=([\w-]+)$/.exec(link)![1]!;
      await supplierPage.goto(new URL(`/invite#token=${token}`, bare.url).toString());
      await supplierPage.getByRole('button', { name: 'Email me a code' }).click();
      const note = supplierPage.getByText(/Development only/);
      await note.waitFor();
      const code = /(\d{6})/.exec((await note.textContent()) ?? '')![1]!;
      await supplierPage.getByLabel('6-digit code').fill(code);
      await supplierPage.getByRole('button', { name: 'Confirm' }).click();
      await supplierPage.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();

      // Five wrong codes lock the invite: a clear full-page message, not a form.
      const other = await buyer.client.request<{ createSupplier: { id: string } }>(
        `mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
        { input: { name: 'Guessing Games Ltd', email: 'hi@guessing-games.example' } },
      );
      const issued = await buyer.client.request<{ inviteSuppliers: { link: string }[] }>(
        `mutation ($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { link } }`,
        { ids: [other.data!.createSupplier.id] },
      );
      const otherToken = /#token=([\w-]+)$/.exec(issued.data!.inviteSuppliers[0]!.link)![1]!;
      const guesser = await supplierContext.newPage();
      await guesser.goto(new URL(`/invite#token=${otherToken}`, bare.url).toString());
      await guesser.getByRole('button', { name: 'Email me a code' }).click();
      const realCode = /(\d{6})/.exec((await guesser.getByText(/Development only/).textContent()) ?? '')![1]!;
      const wrongCode = realCode === '123456' ? '654321' : '123456';
      const input = guesser.getByLabel('6-digit code');
      for (let left = 4; left >= 1; left--) {
        await input.fill(wrongCode);
        await guesser.getByRole('button', { name: 'Confirm' }).click();
        await expect.poll(() => description(guesser, '6-digit code'), WAIT).toContain(`${left} ${left === 1 ? 'try' : 'tries'} left`);
      }
      await input.fill(wrongCode);
      await guesser.getByRole('button', { name: 'Confirm' }).click();
      await guesser.getByRole('heading', { level: 1, name: 'This link is locked' }).waitFor();
      await guesser.getByText(/Too many wrong codes/).waitFor();
      await snapshot(guesser, 'invite-locked');
    });
    expect(pageErrors).toEqual([]);
    // This server stops before the shared browsers do: leave nothing talking to it.
    for (const open of [...buyerContext.pages(), ...supplierContext.pages()]) await open.close();
  });
});
