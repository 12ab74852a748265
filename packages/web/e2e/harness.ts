import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * What every browser test shares: the built SPA, where screenshots go, the default wait, and Debian's
 * chromium launched headless in a throwaway profile.
 */

export const webDist = fileURLToPath(new URL('../dist', import.meta.url));
export const screenshotDir = fileURLToPath(new URL('./screenshots', import.meta.url));
export const WAIT = { timeout: 15_000 };

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** Prefix of the temporary profile directory. */
  profilePrefix?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/** A fresh browser (its own profile, so its own cookies) with the default timeout set to WAIT. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const profileDir = await mkdtemp(path.join(tmpdir(), options.profilePrefix ?? 'vouch-web-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      args: BROWSER_ARGS,
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(WAIT.timeout);
  return {
    context,
    async close() {
      try {
        await context.close();
      } finally {
        await rm(profileDir, { recursive: true, force: true });
      }
    },
  };
}

/** An absolute URL for `pathname` on the app at `appUrl`. */
export function urlFor(appUrl: string, pathname: string): string {
  return new URL(pathname, appUrl).toString();
}

/** Set VOUCH_E2E_SCREENSHOTS=1 to keep screenshots of key screens (for design review) in e2e/screenshots. */
export async function snapshot(page: Page, name: string): Promise<void> {
  if (!process.env.VOUCH_E2E_SCREENSHOTS) return;
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Uncaught exceptions in the page fail the test; they would otherwise pass silently. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Runs a test body and keeps a full-page screenshot of each page if it fails: `<name>-failure.png` for
 * the first, `<name>-failure-1.png`, … for the others.
 */
export async function withScreenshotOnFailure(pages: Page | Page[], name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await mkdir(screenshotDir, { recursive: true });
    for (const [i, page] of (Array.isArray(pages) ? pages : [pages]).entries()) {
      await page.screenshot({ path: path.join(screenshotDir, `${name}-failure${i ? `-${i}` : ''}.png`), fullPage: true }).catch(() => undefined);
    }
    throw error;
  }
}
