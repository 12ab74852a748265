import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { graphqlClient, signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type CapturedMail, type TestApp } from '@vouch/server/testing';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, collectPageErrors, launchBrowser, screenshotDir, urlFor, webDist, withScreenshotOnFailure, type LaunchedBrowser } from './harness.js';

/**
 * Every page of the SPA, at a desktop (1280 × 800) and a phone (390 × 844) size: none may be wider than the
 * screen (document.documentElement.scrollWidth), and none may have an axe-core violation of serious or
 * critical impact (moderate and minor ones are logged). The supplier invite pages are also checked for width
 * at 320 and 360 px. A full-page screenshot of each page at each size is saved in e2e/screenshots/pages/ for
 * review. This test is about the pages, not a journey: what lies before each page is seeded through the API,
 * and only the invite flow's own steps (code, form, send) are clicked through.
 */

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
/** Narrow phones: the supplier pages must fit these too (width and screenshot only). */
const NARROW = [
  { name: '320', width: 320, height: 640 },
  { name: '360', width: 360, height: 740 },
] as const;

const ORGANISATION = 'Acme Widgets Ltd';
/** The entry chunk every page loads (Vite's own warning threshold). */
const MAIN_BUNDLE_BUDGET = 500_000;
/**
 * All JavaScript (uncompressed) the invite link's first screen loads: ~261 kB. The entry chunk is React
 * (react-dom ~207 kB) and the router (~224 kB); the invite page adds its own code, its own GraphQL documents
 * (build/graphql-documents.ts) and graphql's printer for its plain-fetch client (app/plain-graphql.ts), ~37 kB.
 * Apollo Client (~155 kB with rxjs) loads only with the buyer app. The budget leaves ~20 kB of room: Apollo
 * back in the entry, the buyer app, the bank validators or the map of every document would each break it
 * (docs/decisions/2026-11-30-light-invite-page.md).
 */
const INVITE_PAGE_JS_BUDGET = 280_000;
const pagesDir = path.join(screenshotDir, 'pages');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let app: TestApp;
let smtp: { url: string; messages: CapturedMail[]; close(): Promise<void> };
let buyerBrowser: LaunchedBrowser;
let supplierBrowser: LaunchedBrowser;
/** Serious or critical findings, collected over every page so one run reports them all. */
const failures: string[] = [];

const at = (pathname: string) => urlFor(app.url, pathname);

async function nextMail(to: string, subject: RegExp, after: number): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(() => {
      found = smtp.messages.slice(after).find((m) => m.to.includes(to) && subject.test(m.subject));
      return Boolean(found);
    }, WAIT)
    .toBe(true);
  return found!;
}

/** No spinner left and no request in flight. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.loading').count(), WAIT).toBe(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The page's width against the screen's, and what sticks out when it is too wide. */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return await page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > width) {
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
        const box = el.getBoundingClientRect();
        // An element wider than the screen, or one whose own content (long text) spills out of it.
        const spills = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && box.left + el.scrollWidth > width;
        if ((box.right > width + 0.5 && box.width > 0) || spills) {
          const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
          culprits.push(`${name} (right ${Math.round(box.right)}px): ${(el.textContent ?? '').trim().slice(0, 60)}`);
          if (culprits.length >= 8) break;
        }
      }
    }
    return { scrollWidth, width, culprits };
  });
}

async function axe(page: Page): Promise<AxeViolation[]> {
  // Injected over the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(
      document,
      {
        resultTypes: ['violations'],
      },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/**
 * Checks the page as it is now at each size: resizes in place (the state a flow reached is kept), then
 * width, axe and a screenshot. `narrow` adds the 320 and 360 px widths (width and screenshot only).
 */
async function checkPage(page: Page, name: string, options: { narrow?: boolean } = {}): Promise<void> {
  for (const size of [...SIZES, ...(options.narrow ? NARROW : [])]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await settle(page);
    const label = `${name} @ ${size.width}px`;
    const width = await overflow(page);
    if (width.scrollWidth > width.width) {
      failures.push(`${label}: ${width.scrollWidth}px wide on a ${width.width}px screen\n    ${width.culprits.join('\n    ')}`);
    }
    if (SIZES.some((s) => s.name === size.name)) {
      for (const v of await axe(page)) {
        const line = `${label}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`).join('\n    ')}`;
        if (v.impact === 'serious' || v.impact === 'critical') failures.push(line);
        else console.log(`axe (${v.impact}, not failing): ${line}`);
      }
    }
    await page.screenshot({ path: path.join(pagesDir, `${name}-${size.name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
}

/** A tiny PNG logo drawn by the browser's canvas (no image files in the repo). */
async function drawLogo(page: Page): Promise<string> {
  return await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 232;
    canvas.height = 96;
    const c = canvas.getContext('2d')!;
    c.fillStyle = '#0f6e5c';
    c.beginPath();
    c.roundRect(0, 8, 80, 80, 18);
    c.fill();
    c.fillStyle = '#ffffff';
    c.font = 'bold 44px sans-serif';
    c.fillText('AW', 8, 64);
    c.fillStyle = '#0f6e5c';
    c.font = 'bold 40px sans-serif';
    c.fillText('ACME', 100, 62);
    return canvas.toDataURL('image/png');
  });
}

beforeAll(async () => {
  await mkdir(pagesDir, { recursive: true });
  smtp = await startTestSmtp();
  app = await startTestApp({ webDist, env: { SMTP_URL: smtp.url } });
  buyerBrowser = await launchBrowser({ profilePrefix: 'vouch-every-page-buyer-' });
  supplierBrowser = await launchBrowser({ profilePrefix: 'vouch-every-page-supplier-' });
});

afterAll(async () => {
  await supplierBrowser?.close();
  await buyerBrowser?.close();
  await app?.close();
  await smtp?.close();
});

type Buyer = Awaited<ReturnType<typeof signUpBuyer>>;

const CREATE = 'mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';
const INVITE = 'mutation ($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { invite { id } } }';
const SUPPLIER_DETAILS = {
  name: 'Northwind Traders Ltd',
  email: 'accounts@northwind.example',
  phones: [{ type: 'DEFAULT', number: '020 7946 0000', areaCode: null, countryCode: '44' }],
  addresses: [{ type: 'POBOX', line1: '1 High Street', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' }],
  contactPersons: [{ firstName: 'Ada', lastName: 'Byron', email: 'ada@northwind.example' }],
  taxNumber: null,
  companyNumber: null,
  // A VocaLink published example that passes the modulus check.
  payment: { country: 'GB', accountHolderName: 'Northwind Traders Ltd', sortCode: '08-99-99', accountNumber: '66374958' },
};

/** A supplier invited by email: its link's token and the invite id. */
async function invite(
  buyer: Buyer,
  name: string,
  email = uniqueEmail(name.split(' ')[0]!.toLowerCase()),
): Promise<{ token: string; inviteId: string; supplierId: string; email: string }> {
  const created = await buyer.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name, email } });
  const supplierId = created.data!.createSupplier.id;
  const before = smtp.messages.length;
  const res = await buyer.client.request<{ inviteSuppliers: { invite: { id: string } }[] }>(INVITE, { ids: [supplierId] });
  expect(res.errors).toBeUndefined();
  const mail = await nextMail(email, /confirm your supplier details/, before);
  return { token: /\/invite#token=([\w-]+)/.exec(mail.text)![1]!, inviteId: res.data!.inviteSuppliers[0]!.invite.id, supplierId, email };
}

/** The supplier's side through the API only: code, then details (with new bank details). */
async function submitThroughApi(token: string, email: string): Promise<void> {
  const supplier = graphqlClient(app.url, { ip: '10.9.8.7' });
  const before = smtp.messages.length;
  expect((await supplier.request('mutation ($t: String!) { sendSupplierCode(token: $t) { sentTo } }', { t: token })).errors).toBeUndefined();
  const code = /(\d{6})/.exec((await nextMail(email, /Your Vouch code/, before)).subject)![1]!;
  expect(
    (await supplier.request('mutation ($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', { t: token, c: code }))
      .errors,
  ).toBeUndefined();
  const sent = await supplier.request('mutation ($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }', {
    t: token,
    i: SUPPLIER_DETAILS,
  });
  expect(sent.errors).toBeUndefined();
}

describe('bundle size', () => {
  it('keeps the main bundle under 500 kB', () => {
    const entry = /<script[^>]+src="\/?(assets\/[^"]+\.js)"/.exec(readFileSync(path.join(webDist, 'index.html'), 'utf8'))?.[1];
    expect(entry).toBeDefined();
    const size = statSync(path.join(webDist, entry!)).size;
    console.log(`main bundle ${entry}: ${Math.round(size / 1000)} kB`);
    expect(size).toBeLessThan(MAIN_BUNDLE_BUDGET);
  });
});

describe('every page fits a phone and passes axe', () => {
  it('walks the buyer and supplier pages at 1280 × 800 and 390 × 844', async () => {
    const buyer = await signUpBuyer(app.url, { organisationName: ORGANISATION, name: 'Ada Palmer' });
    const [cookieName, ...cookieValue] = buyer.client.cookie!.split('=');
    await buyerBrowser.context.addCookies([{ name: cookieName!, value: cookieValue.join('='), url: app.url }]);
    const page = await buyerBrowser.context.newPage();
    const supplierPage = await supplierBrowser.context.newPage();
    const errors = [...collectPageErrors(page), ...collectPageErrors(supplierPage)];

    await withScreenshotOnFailure([page, supplierPage], 'every-page', async () => {
      // ---------- seed: what suppliers see, suppliers, a pending review, dead-end links ----------
      await page.goto(at('/settings'));
      const logo = await drawLogo(page);
      for (const [query, variables] of [
        ['mutation ($image: String!) { setOrganisationLogo(image: $image) { id } }', { image: logo }],
        [
          'mutation ($i: SupplierContactInput!) { updateSupplierContact(input: $i) { id } }',
          { i: { name: 'Jo Bloggs', phone: '+44 20 7946 0123', email: 'purchasing@acme-widgets.example' } },
        ],
      ] as const) {
        expect((await buyer.client.request(query, variables)).errors).toBeUndefined();
      }
      for (const name of ['Bright Paper Co', 'Harbour Coffee Roasters', 'Quayside Logistics Limited']) {
        await buyer.client.request(CREATE, { input: { name, email: uniqueEmail('list') } });
      }
      const pending = await invite(buyer, 'Northwind Traders Ltd');
      await submitThroughApi(pending.token, pending.email);

      const flow = await invite(buyer, 'Beans & Grinders Wholesale Ltd', `accounts.department.long-address@beans-and-grinders-wholesale.example`);
      const rejected = await invite(buyer, 'Rejected Parts Ltd');
      const expired = await invite(buyer, 'Expired Paper Ltd');
      await app.orm.em.getConnection().execute(`update invites set expires_at = now() - interval '1 minute' where id = ?`, [expired.inviteId]);
      const withdrawn = await invite(buyer, 'Withdrawn Tools Ltd');
      expect((await buyer.client.request('mutation ($id: ID!) { revokeInvite(inviteId: $id) { id } }', { id: withdrawn.inviteId })).errors).toBeUndefined();
      const locked = await invite(buyer, 'Locked Metals Ltd');
      const guesser = graphqlClient(app.url, { ip: '10.9.8.6' });
      await guesser.request('mutation ($t: String!) { sendSupplierCode(token: $t) { sentTo } }', { t: locked.token });
      for (let i = 0; i < 5; i++)
        await guesser.request('mutation ($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }', {
          t: locked.token,
          c: '000000',
        });
      expect((await guesser.request('query ($t: String!) { supplierInvite(token: $t) { status } }', { t: locked.token })).errors?.[0]?.extensions?.reason).toBe(
        'INVITE_LOCKED',
      );

      // ---------- signed out ----------
      for (const [pathname, name, heading] of [
        ['/sign-in', 'sign-in', 'Sign in'],
        ['/sign-up', 'sign-up', 'Create your account'],
        ['/forgot-password', 'forgot-password', 'Reset your password'],
      ] as const) {
        await supplierPage.goto(at(pathname));
        await supplierPage.getByRole('heading', { level: 1, name: heading }).waitFor();
        await checkPage(supplierPage, name);
      }

      // ---------- buyer ----------
      const buyerPages: [string, string, string | RegExp][] = [
        ['/', 'home', /./],
        ['/suppliers', 'suppliers', 'Suppliers'],
        [`/suppliers/${pending.supplierId}`, 'supplier-pending-review', 'Northwind Traders Ltd'],
        ['/integrations', 'integrations', 'Integrations'],
        ['/sync', 'sync-inbox', 'Sync inbox'],
        ['/settings', 'settings', 'Settings'],
        ['/settings/team', 'team', 'Team'],
        ['/settings/audit-log', 'audit-log', 'Audit log'],
      ];
      for (const [pathname, name, heading] of buyerPages) {
        await page.goto(at(pathname));
        await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
        await checkPage(page, name);
      }

      // ---------- supplier: the invite flow ----------
      // What the browser fetches for the link's first screen: the entry and the invite page's lazy chunks.
      const scripts: Promise<{ name: string; bytes: number }>[] = [];
      const onResponse = (response: Response) => {
        if (response.request().resourceType() === 'script') {
          const name = new URL(response.url()).pathname;
          scripts.push(
            response.body().then(
              (b) => ({ name, bytes: b.length }),
              () => ({ name, bytes: 0 }),
            ),
          );
        }
      };
      supplierPage.on('response', onResponse);
      await supplierPage.goto(at(`/invite#token=${flow.token}`));
      await supplierPage.getByRole('heading', { level: 1, name: 'Confirm it’s you' }).waitFor();
      await settle(supplierPage);
      supplierPage.off('response', onResponse);
      const loaded = await Promise.all(scripts);
      const inviteJs = loaded.reduce((sum, script) => sum + script.bytes, 0);
      console.log(
        `invite landing loads ${loaded.length} scripts, ${Math.round(inviteJs / 1000)} kB: ${loaded.map((s) => `${s.name} ${Math.round(s.bytes / 1000)} kB`).join(', ')}`,
      );
      expect(inviteJs, 'JavaScript loaded by the invite landing page').toBeLessThan(INVITE_PAGE_JS_BUDGET);
      await checkPage(supplierPage, 'invite-landing', { narrow: true });

      const codesBefore = smtp.messages.length;
      await supplierPage.getByRole('button', { name: 'Email me a code' }).click();
      const codeInput = supplierPage.getByLabel('6-digit code');
      await codeInput.waitFor();
      await checkPage(supplierPage, 'invite-code', { narrow: true });

      const code = /(\d{6})/.exec((await nextMail(flow.email, /Your Vouch code/, codesBefore)).subject)![1]!;
      await codeInput.fill(code);
      await supplierPage.getByRole('button', { name: 'Confirm' }).click();
      await supplierPage.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();
      await checkPage(supplierPage, 'invite-form', { narrow: true });

      await supplierPage.getByLabel('Business name').fill('Beans & Grinders Wholesale Limited');
      await supplierPage.getByRole('button', { name: 'Send for review' }).click();
      await supplierPage.getByRole('heading', { level: 1, name: `Thanks — ${ORGANISATION} will review your details` }).waitFor();
      await checkPage(supplierPage, 'invite-thanks', { narrow: true });

      // Reopened later: where the submission stands.
      await supplierPage.goto(at(`/invite#token=${flow.token}`));
      await supplierPage.getByRole('heading', { level: 2, name: /^Awaiting review since / }).waitFor();
      await checkPage(supplierPage, 'invite-status-awaiting', { narrow: true });

      // Another link: this browser confirms the code, the details go in through the API with its session
      // (seeded), the buyer rejects them, and the reopened page says why.
      const rejectedCodes = smtp.messages.length;
      await supplierPage.goto(at(`/invite#token=${rejected.token}`));
      await supplierPage.getByRole('button', { name: 'Email me a code' }).click();
      const rejectedCode = /(\d{6})/.exec((await nextMail(rejected.email, /Your Vouch code/, rejectedCodes)).subject)![1]!;
      await supplierPage.getByLabel('6-digit code').fill(rejectedCode);
      await supplierPage.getByRole('button', { name: 'Confirm' }).click();
      await supplierPage.getByRole('heading', { level: 1, name: 'Check your details' }).waitFor();
      const session = (await supplierBrowser.context.cookies(at('/graphql'))).find((c) => c.name === 'vouch_invite')!;
      const asSupplier = graphqlClient(app.url, { headers: { cookie: `${session.name}=${session.value}` } });
      const sent = await asSupplier.request(
        'mutation ($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }',
        {
          t: rejected.token,
          i: { ...SUPPLIER_DETAILS, name: 'Rejected Parts Ltd', payment: { ...SUPPLIER_DETAILS.payment, accountHolderName: 'J Smith' } },
        },
      );
      expect(sent.errors).toBeUndefined();
      const review = await buyer.client.request<{ supplier: { pendingChangeRequest: { id: string } } }>(
        'query ($id: ID!) { supplier(id: $id) { pendingChangeRequest { id } } }',
        { id: rejected.supplierId },
      );
      const reason = 'The account holder name doesn’t match your company name — please send the account in the company’s name.';
      expect(
        (
          await buyer.client.request('mutation ($id: ID!, $r: String!) { rejectChangeRequest(id: $id, reason: $r) { id } }', {
            id: review.data!.supplier.pendingChangeRequest.id,
            r: reason,
          })
        ).errors,
      ).toBeUndefined();
      await supplierPage.goto(at(`/invite#token=${rejected.token}`));
      await supplierPage.getByRole('heading', { level: 2, name: 'Not accepted — correct and send again' }).waitFor();
      await checkPage(supplierPage, 'invite-status-rejected', { narrow: true });

      // ---------- supplier: links that can't be used ----------
      for (const [token, name, heading] of [
        [expired.token, 'invite-expired', 'This link has expired'],
        [withdrawn.token, 'invite-withdrawn', 'This link was withdrawn'],
        [locked.token, 'invite-locked', 'This link is locked'],
        ['x'.repeat(43), 'invite-not-found', 'This link isn’t valid'],
      ] as const) {
        await supplierPage.goto(at(`/invite#token=${token}`));
        await supplierPage.getByRole('heading', { level: 1, name: heading }).waitFor();
        if (name !== 'invite-not-found') await supplierPage.getByText(ORGANISATION).first().waitFor();
        await checkPage(supplierPage, name, { narrow: true });
      }
    });

    expect(errors).toEqual([]);
    expect(failures, `\n${failures.join('\n')}`).toEqual([]);
  }, 240_000);
});
