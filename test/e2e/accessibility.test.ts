// WCAG 2.2 AA in Chromium (issue 28): axe-core's WCAG 2.x A/AA rules on every page (home,
// each lesson in both languages with its cells run and not run, progress, review, search,
// notes, errors) in both themes; and a keyboard-only walk through a lesson.
//
// axe-core is evaluated in the page through the DevTools protocol (page.evaluate), so the
// site's Content-Security-Policy stays on while it runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import type { Site } from '../../server/boot.ts';
import { browserSkipReason, closeBrowserSite, lessonSlugs, openBrowserSite } from './browser.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const skip = browserSkipReason();
const slugs = lessonSlugs();

/** axe's WCAG A/AA violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS,
  );
  return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
}

/** Runs every simulation cell of the lesson in place and waits for the results. */
async function runEveryCell(page: Page): Promise<void> {
  for (const cell of await page.locator('.cell-sim').all()) {
    await cell.locator('button.sim-run').click();
    await cell.locator('.sim-output .sim-result, .sim-output .sim-error').first().waitFor();
  }
}

describe('accessibility in Chromium (WCAG 2.2 AA, axe-core)', { skip }, () => {
  let site: Site;
  let server: Server;
  let url: string;
  let browser: Browser;

  before(async () => ({ site, server, url, browser } = await openBrowserSite({ real: true, config: { workers: 2, runsPerMinutePerLearner: 10_000 } })));
  after(() => closeBrowserSite({ site, server, browser }));

  for (const theme of ['light', 'dark'] as const) {
    it(`every page passes axe's WCAG A/AA rules in the ${theme} theme`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name: 'kn_theme', value: theme, url }]);
      const page = await context.newPage();
      const found: string[] = [];
      const check = async (label: string) => {
        for (const v of await violations(page)) found.push(`${label}: ${v}`);
      };
      // A missed quiz first, so that progress and review have something to show.
      await page.goto(`${url}/`);
      for (const path of ['/', '/zh/', '/progress', '/zh/progress', '/search?q=kubelet', '/search?q=%E8%B0%83%E5%BA%A6', '/notes/', '/nope']) {
        await page.goto(`${url}${path}`);
        await check(path);
      }
      // A note page, where the notes are beside the project (a clean clone in CI has none).
      await page.goto(`${url}/notes/`);
      const noteLinks = page.locator('main a[href^="/notes/"]');
      const note = (await noteLinks.count()) > 0 ? await noteLinks.first().getAttribute('href') : null;
      if (note) {
        await page.goto(`${url}${note}`);
        await check(note);
      }
      // Each lesson in both languages, run and not run: the two themes take turns.
      for (const slug of slugs) {
        const runIn = theme === 'light' ? 'en' : 'zh';
        for (const lang of ['en', 'zh'] as const) {
          const path = `${lang === 'zh' ? '/zh' : ''}/lessons/${slug}`;
          await page.goto(`${url}${path}`);
          if (lang === runIn) {
            await runEveryCell(page);
            // A quiz answered (its feedback shown) too.
            const quiz = page.locator('.cell-quiz').first();
            const answer = quiz.locator('input:not([type="hidden"])').first();
            if ((await answer.getAttribute('type')) === 'radio' || (await answer.getAttribute('type')) === 'checkbox') await answer.check();
            else await answer.fill('1');
            await quiz.locator('button[type="submit"]').first().click();
            await quiz.locator('.quiz-feedback').waitFor();
            await check(`${path} (run)`);
          } else {
            await check(path);
          }
        }
      }
      for (const path of ['/review', '/zh/review', '/progress']) {
        await page.goto(`${url}${path}`);
        await check(`${path} (after answers)`);
      }
      await context.close();
      assert.deepEqual(found, [], `axe found:\n${found.join('\n')}`);
    });
  }

  it('a keyboard-only walk: skip link, run a cell, read its result, answer a quiz, move the timeline', { skip: slugs.includes('pod-lifecycle') ? undefined : 'no pod-lifecycle lesson' }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/lessons/pod-lifecycle`);
    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // Tab to the crash-loop cell's editor, leave it with Escape then Tab, and run with the keyboard.
    const cell = page.locator('#cell-crash-loop');
    const editor = cell.locator('.cm-content');
    await editor.waitFor();
    await editor.focus();
    assert.equal(await editor.getAttribute('aria-describedby'), 'cell-crash-loop-keys');
    assert.match((await cell.locator('#cell-crash-loop-keys').textContent()) ?? '', /Escape then Tab leaves it/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('sim-run')), true, 'Escape then Tab leaves the editor for Run');
    await page.keyboard.press('Enter');
    await cell.locator('.sim-result').waitFor();
    // The result is announced (a live region) and its timeline moves with the arrow keys.
    assert.equal(await cell.locator('.sim-output').getAttribute('aria-live'), 'polite');
    const slider = cell.locator('.pl-slider-controls input[type="range"]');
    await slider.focus();
    const before = await slider.inputValue();
    await page.keyboard.press('ArrowRight');
    assert.equal(Number(await slider.inputValue()), Number(before) + 1);
    assert.match((await cell.locator('.pl-slider-controls output').textContent()) ?? '', /^t = /);
    // Answer a quiz with the keyboard alone: focus its first choice, pick with Space, submit with Enter.
    const quiz = page.locator('#cell-fourth-restart');
    await quiz.locator('input:not([type="hidden"])').first().focus();
    await page.keyboard.type('92');
    await page.keyboard.press('Enter');
    await quiz.locator('.quiz-feedback').waitFor();
    assert.match((await quiz.locator('.quiz-feedback').textContent()) ?? '', /Right|right/);
    await context.close();
  });
});
