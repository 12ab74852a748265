import { connectXero, graphqlClient, signUpBuyer, startTestApp } from '@vouch/server/testing';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, snapshot, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * Outbound sync in the browser: a change Xero refuses (a contact name already taken in Xero) shows on the
 * Integrations panel, in the Sync inbox with Xero's message, as a badge in the Suppliers list and on the
 * supplier page; once fixed in Xero, Retry from the inbox sends it and the supplier page turns Synced
 * live. Everything is seeded through the API (Xero connect, invite, the supplier's submission, accept).
 */

const XERO_USER = { email: 'owner@sync-e2e.example', password: 'xero-password-1' };

let emulator: XeroEmulator;
let tenantId: string;
let app: { url: string; close(): Promise<void> };
let browser: LaunchedBrowser;
let context: BrowserContext;

function at(pathname: string): string {
  return urlFor(app.url, pathname);
}

function must<T>(response: { data?: T | null; errors?: unknown[] }): T {
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** A buyer connected to the emulator's organisation with its suppliers imported, all through the API. */
async function connectedBuyer() {
  const buyer = await signUpBuyer(app.url, { organisationName: 'Sync Bakery Ltd' });
  await connectXero(app.url, buyer.client, { xeroUser: XERO_USER, tenantId, importTimeoutMs: WAIT.timeout });
  return buyer;
}

/** The supplier renames itself through its invite link and the buyer accepts: the change goes to Xero. */
async function acceptedRename(buyer: Awaited<ReturnType<typeof signUpBuyer>>, supplierId: string, name: string) {
  const invited = must(
    await buyer.client.request<{ inviteSuppliers: { link: string | null }[] }>('mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { link } }', {
      ids: [supplierId],
    }),
  );
  const token = new URLSearchParams(new URL(invited.inviteSuppliers[0]!.link!).hash.slice(1)).get('token')!;
  const supplier = graphqlClient(app.url);
  const code = must(
    await supplier.request<{ sendSupplierCode: { devCode: string } }>('mutation($t: String!) { sendSupplierCode(token: $t) { devCode } }', { t: token }),
  ).sendSupplierCode.devCode;
  must(
    await supplier.request('mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', {
      t: token,
      c: code,
    }),
  );
  must(
    await supplier.request('mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }', {
      t: token,
      i: { name, email: 'accounts@gamma.example' },
    }),
  );
  const pending = must(
    await buyer.client.request<{ supplier: { pendingChangeRequest: { id: string } } }>(
      'query($id: ID!) { supplier(id: $id) { pendingChangeRequest { id } } }',
      { id: supplierId },
    ),
  ).supplier.pendingChangeRequest;
  must(await buyer.client.request('mutation($id: ID!) { acceptChangeRequest(id: $id) { id } }', { id: pending.id }));
}

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(XERO_USER);
  tenantId = emulator.control.createOrganisation({ name: 'Sync Books Ltd', userEmails: [XERO_USER.email] }).tenantId;
  emulator.control.seedContacts(tenantId, {
    contacts: [
      { Name: 'Gamma Supplies', IsSupplier: true, EmailAddress: 'gamma@example.com' },
      { Name: 'Taken Name Ltd', IsSupplier: true },
    ],
  });
  app = await startTestApp({ webDist, xeroEmulator: emulator });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await emulator?.close();
});

describe('outbound sync in the browser', () => {
  it('shows a refused change everywhere, and Retry after the fix sends it', async () => {
    const buyer = await connectedBuyer();
    const gammaId = must(
      await buyer.client.request<{ suppliers: { edges: { node: { id: string } }[] } }>('{ suppliers(search: "Gamma") { edges { node { id } } } }'),
    ).suppliers.edges[0]!.node.id;
    await acceptedRename(buyer, gammaId, 'Taken Name Ltd');
    await expect
      .poll(
        async () =>
          must(await buyer.client.request<{ supplier: { syncStatus: string | null } }>('query($id: ID!) { supplier(id: $id) { syncStatus } }', { id: gammaId }))
            .supplier.syncStatus,
        WAIT,
      )
      .toBe('FAILED');

    const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
    await context.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: app.url }]);
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await withScreenshotOnFailure(page, 'sync', async () => {
      // Integrations: the panel counts the refusal and links to the inbox.
      await page.goto(at('/integrations'));
      const panel = page.getByRole('region', { name: 'Sync with Xero' });
      await panel.getByText('1 change Xero refused').waitFor();
      await panel.getByText('Nothing waiting').waitFor();
      // Xero's API headroom is the connection's: said once, on the Xero card (not again, differently, here).
      await page
        .getByRole('region', { name: 'Xero', exact: true })
        .getByText(/Xero API: .*calls? left this minute/)
        .waitFor();
      expect(await panel.getByText(/calls? left this minute|Not known yet/).count()).toBe(0);
      await snapshot(page, 'sync-panel-failed');
      await panel.getByRole('link', { name: 'Open the sync inbox' }).click();

      // The inbox: Xero's own message, a link to the supplier, and Retry.
      await page.getByRole('heading', { level: 1, name: 'Sync inbox' }).waitFor();
      const row = page.getByRole('row', { name: /Taken Name Ltd/ });
      await row.getByText(/already assigned to another contact/).waitFor();
      await row.getByText('Xero’s message', { exact: true }).waitFor();
      await row.getByText(/^Failed /).waitFor();
      expect(await row.getByRole('link', { name: 'Taken Name Ltd' }).getAttribute('href')).toBe(`/suppliers/${gammaId}`);
      await snapshot(page, 'sync-inbox-failed');

      // The Suppliers list says it in words.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suppliers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Suppliers' }).waitFor();
      await page.getByRole('row', { name: /Taken Name Ltd.*Xero sync failed/ }).waitFor();

      // The supplier page shows Xero's message; keep it open to watch the live update after the retry.
      const supplierPage = await context.newPage();
      await supplierPage.goto(at(`/suppliers/${gammaId}`));
      const block = supplierPage.getByRole('region', { name: 'Xero sync' });
      await block.getByText('Xero sync failed').waitFor();
      await block.getByText(/already assigned to another contact/).waitFor();
      await snapshot(supplierPage, 'supplier-sync-failed');

      // The list stays open too: its badge follows the retry live.
      const listPage = await context.newPage();
      await listPage.goto(at('/suppliers'));
      await listPage.getByRole('row', { name: /Taken Name Ltd.*Xero sync failed/ }).waitFor();

      // Fixed in Xero (the other contact renamed), then Retry from the inbox.
      const taken = emulator.control.listContacts(tenantId).find((c) => c.Name === 'Taken Name Ltd')!;
      emulator.control.editContact(tenantId, taken.ContactID, { Name: 'Taken Name (old) Ltd' });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
      await page.getByRole('button', { name: 'Retry Taken Name Ltd' }).click();
      await page.getByRole('status').getByText('Taken Name Ltd will be sent to Xero again.').waitFor();
      await page.getByRole('heading', { name: 'Nothing failed — every accepted change is in Xero.' }).waitFor();

      // The supplier page turns Synced by itself (syncUpdated), and Xero holds the new name.
      await block.getByText('Synced to Xero').waitFor();
      await snapshot(supplierPage, 'supplier-sync-synced');
      expect(emulator.control.listContacts(tenantId).filter((c) => c.Name === 'Taken Name Ltd')).toHaveLength(1);
      await listPage.getByRole('row', { name: /Taken Name Ltd.*Synced to Xero/ }).waitFor();
      await supplierPage.close();
      await listPage.close();

      // Xero accepts the next change but then holds other values: that finding is Vouch's, and is labelled so.
      const gammaInXero = emulator.control.listContacts(tenantId).find((c) => c.Name === 'Taken Name Ltd')!.ContactID;
      const fault = emulator.control.injectFault({
        kind: 'status',
        status: 200,
        method: 'POST',
        pathPrefix: '/Contacts',
        body: JSON.stringify({ Contacts: [{ ContactID: gammaInXero, Name: 'Not What Was Approved Ltd', ContactStatus: 'ACTIVE' }] }),
        times: 'always',
      });
      try {
        await acceptedRename(buyer, gammaId, 'Gamma Renamed Ltd');
        // The open inbox picks the failure up live.
        const readBack = page.getByRole('row', { name: /Gamma Renamed Ltd/ });
        await readBack.getByText(/After the write Xero holds different values for: .*name/).waitFor();
        await readBack.getByText('What Vouch found', { exact: true }).waitFor();
        expect(await readBack.getByText('Xero’s message', { exact: true }).count()).toBe(0);
        await snapshot(page, 'sync-inbox-read-back');
        const gammaPage = await context.newPage();
        await gammaPage.goto(at(`/suppliers/${gammaId}`));
        const gammaBlock = gammaPage.getByRole('region', { name: 'Xero sync' });
        await gammaBlock.getByRole('term').filter({ hasText: 'What Vouch found' }).waitFor();
        await gammaPage.close();
      } finally {
        emulator.control.clearFaults(fault.id);
      }
    });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
