// The notes and search in Chromium (issue 13): a note check's link lands on
// the line it cites, in view and targeted; `/` focuses the header's search box
// and a two-character Chinese term finds its hits; search works without
// JavaScript.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { startTestSite } from '../support/site.ts';
import { loadConfig } from '../../server/config.ts';
import type { Site } from '../../server/boot.ts';
import { browserSkipReason, launchBrowser, listen } from './browser.ts';

const skip = browserSkipReason() ?? (existsSync(loadConfig({}).notesDir) ? undefined : 'the notes are not beside the project (../shared/notes)');

describe('notes and search in Chromium', { skip }, () => {
  let site: Site;
  let server: Server;
  let url: string;
  let browser: Browser;

  before(async () => {
    site = await startTestSite({ real: true });
    ({ server, url } = await listen(site));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    await site?.close();
  });

  it('a note check link in the Chinese scheduler lesson lands on note 001, line 394, with the quoted line marked and in view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    await context.addCookies([{ name: 'kn_lang', value: 'zh', url }]);
    const page = await context.newPage();
    await page.goto(`${url}/lessons/scheduler`);
    await page.locator('.callout-note-check a.note-ref', { hasText: '001，第 394-399 行' }).click();
    await page.waitForURL(/\/notes\/001\?lines=394-399#L394$/);
    const target = page.locator('#L394');
    assert.equal(await target.evaluate((el) => el.matches(':target')), true);
    // The browser scrolls to the line (smoothly, unless the learner asks for reduced motion).
    await page.waitForFunction(() => {
      const top = document.getElementById('L394')!.getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight / 2;
    }, undefined, { timeout: 10_000 });
    const quoted = page.locator('#L398');
    assert.match((await quoted.textContent()) ?? '', /API server把创建新pod的需求传给scheduler/);
    assert.equal(await quoted.evaluate((el) => el.classList.contains('marked')), true);
    await context.close();
  });

  it('`/` focuses the search box; 调度 finds Chinese lesson hits whose links open the cell', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    await context.addCookies([{ name: 'kn_lang', value: 'zh', url }]);
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search-q');
    await page.keyboard.type('调度');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    // Chinese hits link to the lessons' Chinese form (/zh/lessons/…).
    const hits = page.locator('.search-results a[href^="/zh/lessons/scheduler"]');
    assert.ok((await hits.count()) >= 5);
    assert.equal(await page.locator('.search-results mark', { hasText: '调度' }).first().isVisible(), true);
    // No horizontal page scroll at a phone's width.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    const href = await hits.first().getAttribute('href');
    await hits.first().click();
    await page.waitForURL((u) => u.pathname === '/zh/lessons/scheduler');
    const anchor = decodeURIComponent(href!.split('#')[1]);
    assert.equal(await page.locator(`[id="${anchor}"]`).count(), 1, `the hit's anchor ${anchor} is on the page`);
    await context.close();
  });

  it('Contents highlights the section being read as the learner scrolls', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${url}/lessons/scheduler`);
    const links = page.locator('.lesson-toc .toc-section > a');
    const second = links.nth(2);
    const id = decodeURIComponent((await second.getAttribute('href'))!.slice(1));
    await page.evaluate((target) => document.getElementById(target)!.scrollIntoView({ block: 'start' }), id);
    await page.waitForFunction((target) => document.querySelector('.lesson-toc a[aria-current="location"]')?.getAttribute('href') === `#${target}`, id, { timeout: 5000 });
    assert.equal(await page.locator('.lesson-toc a[aria-current="location"]').count(), 1);
    await context.close();
  });

  it('without JavaScript, the header form searches for an English term', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/lessons/resources-oom`);
    await page.getByRole('searchbox', { name: 'Search the lessons and notes' }).fill('OOMKilled');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=OOMKilled/);
    assert.ok((await page.locator('.search-results a[href^="/lessons/resources-oom"]').count()) >= 3);
    await context.close();
  });
});
