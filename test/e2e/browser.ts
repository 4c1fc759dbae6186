// Browser test support: Debian's Chromium driven by playwright-core, never a
// downloaded browser. Without a browser the tests skip locally, but under
// CI=true a missing browser is a failure.

import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Site } from '../../server/boot.ts';
import { startTestSite, type TestSiteOptions } from '../support/site.ts';
import { loadContent } from '../../server/content/load.ts';
import { engines } from '../../simulations/registry.ts';
import { fileURLToPath } from 'node:url';

/** The slugs of the real lessons, in curriculum order; none when the content does not load (content.test.ts reports why). */
export function lessonSlugs(): string[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  try {
    return loadContent({ contentDir: `${root}content`, engines, rootDir: root }).chapters.map((c) => c.slug);
  } catch {
    return [];
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Undefined when the browser tests can run; otherwise why they are skipped. */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but no browser at ${CHROMIUM}: install Debian's chromium (.ci/run does)`);
  }
  return `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium) to run the browser tests`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Serves a site on a loopback port. */
export async function listen(site: Site): Promise<{ server: Server; url: string }> {
  const server = createServer(site.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

/** Whether the page runs its script (a context may have JavaScript off). */
async function scripted(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('js'));
}

/**
 * Replaces a sim cell's scenario as a learner would: in the code editor where
 * the page loads it (waiting for it), in the textarea without JavaScript.
 */
export async function setScenario(page: Page, cell: Locator, text: string): Promise<void> {
  if (!(await scripted(page))) {
    await cell.locator('textarea').fill(text);
    return;
  }
  const editor = cell.locator('.cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (text === '') return;
  // Pasted, as a learner brings a manifest in (typed text would be auto-indented).
  await editor.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Focuses a sim cell's editor (the code editor with JavaScript, else the textarea). */
export async function focusScenario(page: Page, cell: Locator): Promise<Locator> {
  const target = (await scripted(page)) ? cell.locator('.cm-content') : cell.locator('textarea');
  await target.waitFor();
  await target.click();
  return target;
}

/** A sim cell's scenario as the form would send it (the textarea, which the editor keeps in step). */
export function scenarioOf(cell: Locator): Promise<string> {
  return cell.locator('textarea').inputValue();
}

/** A test site served on a loopback port, and a browser to open it in: what a browser suite starts before its tests. */
export async function openBrowserSite(options: TestSiteOptions): Promise<{ site: Site; server: Server; url: string; browser: Browser }> {
  const site = await startTestSite(options);
  const { server, url } = await listen(site);
  return { site, server, url, browser: await launchBrowser() };
}

/** Closes what openBrowserSite started (any part may be missing when starting failed). */
export async function closeBrowserSite({ site, server, browser }: { site?: Site; server?: Server; browser?: Browser }): Promise<void> {
  await browser?.close();
  server?.close();
  await site?.close();
}

/**
 * A fresh browser profile (a new learner) whose console errors and page errors are collected.
 * A run that fails answers 4xx, which Chromium logs as a failed resource: those are not errors here.
 */
export async function openPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: options.viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}
