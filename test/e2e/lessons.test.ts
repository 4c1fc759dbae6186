// Every real lesson in a real browser: the page loads without a console error
// or CSP violation (engine partials and scripts included), every default output
// renders, every simulation cell runs again in place, and the page fits a phone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { browserSkipReason, launchBrowser, listen } from './browser.ts';
import { loadContent } from '../../server/content/load.ts';
import { engines } from '../../simulations/registry.ts';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const skip = browserSkipReason();
const slugs = (() => {
  try {
    return loadContent({ contentDir: `${ROOT}content`, engines, rootDir: ROOT }).chapters.map((c) => c.slug);
  } catch {
    return []; // content.test.ts reports broken lessons
  }
})();

describe('every lesson in Chromium', { skip: skip ?? (slugs.length === 0 ? 'no lessons yet' : undefined) }, () => {
  let site: Site;
  let server: Server;
  let url: string;
  let browser: Browser;

  before(async () => {
    site = await startTestSite({ real: true, config: { workers: 2, runsPerMinutePerLearner: 10_000 } });
    ({ server, url } = await listen(site));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    await site?.close();
  });

  for (const slug of slugs) {
    it(`${slug}: loads cleanly, renders every default output, and re-runs every cell in place`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(`${url}/lessons/${slug}`);
      const cells = page.locator('.cell-sim');
      const count = await cells.count();
      assert.ok(count >= 1);
      assert.equal(await page.locator('.cell-sim .sim-error').count(), 0, 'a default output is an error');
      for (let i = 0; i < count; i++) {
        const cell = cells.nth(i);
        await cell.getByRole('button', { name: /Run/ }).click();
        await page.waitForFunction((el) => !el!.querySelector('.sim-output')!.classList.contains('is-stale'), await cell.elementHandle());
        assert.equal(await cell.locator('.sim-error').count(), 0, `cell ${i} fails when run again`);
        assert.ok((await cell.locator('.sim-output').innerHTML()).length > 0);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });

    it(`${slug}: fits a phone screen without sideways scrolling of the page`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${url}/lessons/${slug}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `overflows by ${overflow}px`);
      await context.close();
    });
  }
});
