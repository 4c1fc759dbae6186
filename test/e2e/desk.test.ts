// The learner's desk in Chromium (issue 13): a failed run in place of the
// output with a way back to the last good result; the error whole at a phone's
// width; every run error without JavaScript as the lesson page; predict quizzes
// that reveal their result in place; grading on the first attempt; the code
// editor; and the wording of counts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import type { Site } from '../../server/boot.ts';
import { browserSkipReason, closeBrowserSite, openBrowserSite, openPage, scenarioOf, setScenario } from './browser.ts';

const skip = browserSkipReason();

const GOOD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: good-one\n';
// The line after the error is long: at a phone's width it must wrap, not run off.
const BAD = `apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: ${'a-very-long-label-value-'.repeat(6)}end}\n`;

describe('the desk in Chromium', { skip }, () => {
  let site: Site;
  let server: Server;
  let url: string;
  let browser: Browser;

  before(async () => ({ site, server, url, browser } = await openBrowserSite({ config: { workers: 2 } })));
  after(() => closeBrowserSite({ site, server, browser }));

  const open = (options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) => openPage(browser, options);

  it('a failed run replaces the output with its error, whole at 390 px, and the last good result is one click away', async () => {
    const { context, page, errors } = await open({ viewport: { width: 390, height: 800 } });
    await page.goto(`${url}/lessons/architecture`);
    const cell = page.locator('#cell-two-pods');
    const output = cell.locator('.sim-output');
    await setScenario(page, cell, GOOD);
    await cell.getByRole('button', { name: /Run/ }).click();
    await output.getByText('good-one').first().waitFor();

    await setScenario(page, cell, BAD);
    await cell.getByRole('button', { name: /Run/ }).click();
    await output.locator('.sim-error').waitFor();
    assert.equal(await output.locator('.sim-result').count(), 0, 'the old result is gone from the output');
    const error = (await output.locator('.sim-error').textContent()) ?? '';
    assert.match(error, /line 3, column 1/);
    assert.match(error, /metadata\.name: Required value/);
    assert.match(error, /metadata\.name/, 'the field path');
    // The snippet: the line before, the error's line, the line after, each whole on screen.
    const lines = output.locator('.sim-error-snippet .snippet-line');
    assert.equal(await lines.count(), 3);
    assert.match((await lines.nth(2).textContent()) ?? '', /labels: \{app: a-very-long-label-value-.*end\}/);
    const fits = await output.locator('.sim-error-snippet').evaluate((pre) => {
      const box = pre.getBoundingClientRect();
      return {
        scrolls: pre.scrollWidth > pre.clientWidth,
        inside: [...pre.querySelectorAll('.code')].every((c) => c.getBoundingClientRect().right <= box.right + 0.5),
        page: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    assert.deepEqual(fits, { scrolls: false, inside: true, page: 0 }, 'the snippet wraps instead of scrolling off');

    await output.getByRole('button', { name: 'Show the last result that ran' }).click();
    await output.getByText('good-one').first().waitFor();
    assert.match((await output.locator('.sim-last-good-note').textContent()) ?? '', /still holds the scenario with the error/);
    await output.getByRole('button', { name: 'Show the error again' }).click();
    await output.locator('.sim-error').waitFor();
    assert.equal(await output.locator('.sim-result').count(), 0);

    // An empty cell never reaches the engine; its error takes the output's place all the same.
    await setScenario(page, cell, '');
    await cell.getByRole('button', { name: /Run/ }).click();
    await output.getByText('The scenario is empty').waitFor();
    await output.getByRole('button', { name: 'Show the last result that ran' }).click();
    await output.getByText('good-one').first().waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('without JavaScript an empty cell comes back as the lesson page with the error at the cell, in view', async () => {
    const { context, page } = await open({ javaScriptEnabled: false, viewport: { width: 390, height: 700 } });
    await page.goto(`${url}/lessons/architecture`);
    const cell = page.locator('#cell-two-pods');
    await cell.locator('textarea').fill('');
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), cell.getByRole('button', { name: /Run/ }).click()]);
    assert.equal(response.status(), 400);
    await page.locator('h1', { hasText: 'Fixture lesson: inventory' }).waitFor();
    const error = cell.locator('.sim-output .sim-error');
    assert.match((await error.textContent()) ?? '', /The scenario is empty/);
    // The form posts to the cell's anchor, so the page that comes back opens at the cell, the error in view.
    assert.match(page.url(), /#cell-two-pods$/);
    // (Polled from here: with JavaScript off, the page runs no polling of its own.)
    let top = Number.NaN;
    for (let i = 0; i < 50; i++) {
      top = await error.evaluate((el) => el.getBoundingClientRect().top);
      if (top >= 0 && top < 700 - 100) break;
      await page.waitForTimeout(100);
    }
    assert.ok(top >= 0 && top < 600, `the error is in view (its top at ${top}px)`);
    // The page still works from here: a good run posts and redirects to the lesson.
    await cell.locator('textarea').fill(GOOD.replace('good-one', 'no-js-after-error'));
    await Promise.all([page.waitForURL(/\/lessons\/architecture#cell-two-pods$/), cell.getByRole('button', { name: /Run/ }).click()]);
    await cell.locator('.sim-output').getByText('no-js-after-error').first().waitFor();
    await context.close();
  });

  it('answering the last predict quiz of a cell reveals its result in place, without a reload', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${url}/lessons/architecture`);
    const output = page.locator('#cell-two-pods .sim-output');
    await output.locator('[data-predict-first]').waitFor();
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.locator('#cell-how-many input[name="answer"]').fill('2');
    await page.locator('#cell-how-many').getByRole('button', { name: 'Check answer' }).click();
    await page.locator('#cell-how-many .quiz-feedback').waitFor();
    // The notice names only what is left to answer.
    await page.waitForFunction(() => !document.querySelector('#cell-two-pods-output a[href="#cell-how-many"]'));
    assert.equal(await output.locator('[data-predict-first]').count(), 1, 'still held back: two to go');
    await page.locator('#cell-second-namespace').getByLabel('shop').check();
    await page.locator('#cell-second-namespace').getByRole('button', { name: 'Check answer' }).click();
    await page.locator('#cell-second-namespace .quiz-feedback').waitFor();
    await page.locator('#cell-kinds').getByLabel('Pod').check();
    await page.locator('#cell-kinds').getByRole('button', { name: 'Check answer' }).click();
    await output.locator('.sim-result').getByText('web-1').first().waitFor();
    assert.equal(await output.locator('[data-predict-first]').count(), 0);
    assert.equal(navigations, 0, 'no reload');
    // The feedback links to the result it released.
    await page.locator('#cell-kinds').getByRole('link', { name: 'See the simulation’s result' }).click();
    assert.match(page.url(), /#cell-two-pods-output$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the first attempt counts: wrong, then right after seeing the answer, stays in Questions to review', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${url}/lessons/architecture`);
    const quiz = page.locator('#cell-port');
    await quiz.getByLabel('8080').check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await quiz.locator('.quiz-feedback.is-wrong').waitFor();
    assert.match((await quiz.locator('.verdict').textContent()) ?? '', /Not quite\.\s+1 attempt$/);
    await quiz.getByLabel('6443').check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await quiz.locator('.quiz-feedback.is-seen').waitFor();
    assert.match((await quiz.locator('.verdict').textContent()) ?? '', /Right this time, after seeing the answer\.\s+2 attempts$/);
    assert.equal(await quiz.evaluate((el) => el.classList.contains('answered-seen')), true);
    await page.goto(`${url}/progress`);
    assert.deepEqual(await page.locator('.missed-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['/lessons/architecture#cell-port']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a missed question joins the review queue: its answer opens on request, a rating reschedules it (with and without JavaScript)', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { context, page, errors } = await open({ javaScriptEnabled });
      await page.goto(`${url}/lessons/architecture`);
      const quiz = page.locator('#cell-port');
      await quiz.getByLabel('8080').check();
      await quiz.getByRole('button', { name: 'Check answer' }).click();
      await quiz.locator('.quiz-feedback.is-wrong').waitFor();
      await page.goto(url);
      await page.getByRole('link', { name: /Review: 1 question is due for review/ }).click();
      await page.waitForURL(`${url}/review`);
      const card = page.locator('#review-architecture-port');
      assert.equal(await card.locator('.review-expected').isVisible(), false, 'the answer waits behind its disclosure');
      await card.getByText('Show the answer').click();
      assert.match((await card.locator('.review-expected').textContent()) ?? '', /6443/);
      await card.getByRole('button', { name: /^Good/ }).click();
      await page.waitForURL(`${url}/review?rated=1`);
      assert.equal(await page.locator('#review-architecture-port').count(), 0, 'rated Good, it is no longer due');
      assert.match((await page.locator('.review-upcoming').textContent()) ?? '', /in 10 minutes/);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it('after an edited run, the predict quizzes say they are about the lesson’s scenario and show it on request', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${url}/lessons/architecture`);
    const notice = page.locator('#cell-how-many [data-scenario-notice]');
    assert.equal(await notice.count(), 0, 'not while the cell is the lesson’s');
    const cell = page.locator('#cell-two-pods');
    await setScenario(page, cell, GOOD);
    await cell.getByRole('button', { name: /Run/ }).click();
    await cell.locator('.sim-output').getByText('good-one').first().waitFor();
    await notice.waitFor({ state: 'visible' });
    assert.match((await notice.textContent()) ?? '', /This question is about the lesson’s scenario, not yours/);
    await notice.getByRole('link', { name: 'Show the lesson’s scenario' }).click();
    await notice.locator('pre.detail-inline', { hasText: 'namespace: shop' }).waitFor();
    assert.equal(page.url(), `${url}/lessons/architecture`, 'shown in place');
    await cell.getByRole('button', { name: /Reset/ }).click();
    await notice.waitFor({ state: 'detached' });
    // After a reload the server renders the notice itself for a saved edit; here the cell was reset.
    await page.reload();
    assert.equal(await notice.count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the code editor: Tab indents, Enter keeps the indent, Shift-Tab outdents, Escape then Tab leaves it', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${url}/lessons/architecture`);
    const cell = page.locator('#cell-two-pods');
    await setScenario(page, cell, 'metadata:');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('name: x');
    assert.equal(await scenarioOf(cell), 'metadata:\n  name: x', 'Enter after a mapping key indents the next line');
    await page.keyboard.press('Enter');
    await page.keyboard.type('labels:');
    assert.equal(await scenarioOf(cell), 'metadata:\n  name: x\n  labels:', 'Enter keeps the indent');
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    assert.equal(await scenarioOf(cell), 'metadata:\n  name: x\n    labels:', 'Tab indents the line, focus stays');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), true);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await scenarioOf(cell), 'metadata:\n  name: x\n  labels:', 'Shift-Tab outdents');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.equal(await scenarioOf(cell), 'metadata:\n  name: x\n  labels:', 'Escape then Tab inserts nothing');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('.cm-editor')), false, 'and leaves the editor');
    // Line numbers, YAML highlighting and the label the textarea had.
    const numbers = await cell.locator('.cm-lineNumbers .cm-gutterElement').evaluateAll((els) =>
      els.filter((e) => getComputedStyle(e).visibility !== 'hidden').map((e) => e.textContent),
    );
    assert.deepEqual(numbers, ['1', '2', '3'], 'line numbers (without the hidden one that sizes the gutter)');
    assert.ok((await cell.locator('.cm-content .tok-propertyName').count()) > 0, 'YAML keys are highlighted');
    assert.equal(await cell.locator('.cm-content').getAttribute('aria-label'), 'Scenario (Kubernetes YAML)');
    // Bracket matching: the cursor beside a bracket marks its partner.
    await setScenario(page, cell, 'labels: {app: web}');
    await page.keyboard.press('End');
    await cell.locator('.cm-matchingBracket').first().waitFor();
    assert.equal(await cell.locator('.cm-matchingBracket').count(), 2);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the code editor marks the error’s line and column in the gutter, with its message, and clears it after a good run', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${url}/lessons/architecture`);
    const cell = page.locator('#cell-two-pods');
    await setScenario(page, cell, 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\n');
    await cell.getByRole('button', { name: /Run/ }).click();
    await cell.locator('.sim-output .sim-error').waitFor();
    const marker = cell.locator('.cm-gutter-lint .cm-gutterElement:has(.cm-lint-marker-error)');
    await marker.waitFor();
    // The marker sits on line 3, level with the line-number gutter's "3".
    const [markerTop, lineTop] = await Promise.all([
      marker.evaluate((el) => el.getBoundingClientRect().top),
      cell.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^3$/ }).evaluate((el) => el.getBoundingClientRect().top),
    ]);
    assert.equal(Math.round(markerTop), Math.round(lineTop));
    assert.equal(await cell.locator('.cm-lintRange-error').textContent(), 'metadata:', 'from column 1 to the end of the word');
    await marker.locator('.cm-lint-marker-error').hover();
    await page.locator('.cm-tooltip-lint', { hasText: 'metadata.name: Required value' }).waitFor();

    // After a reload the saved error is marked again; a good run clears it.
    await page.reload();
    await marker.waitFor();
    await setScenario(page, cell, GOOD);
    await cell.getByRole('button', { name: /Run/ }).click();
    await cell.locator('.sim-output').getByText('good-one').first().waitFor();
    assert.equal(await cell.locator('.cm-lint-marker-error').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the editor is loaded on lesson pages only, after the first paint, cached, and follows the dark theme', async () => {
    const { context, page, errors } = await open();
    const requested: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/editor\./.test(r.url())) requested.push(r.url());
    });
    await page.goto(`${url}/`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    assert.deepEqual(requested, [], 'not on the home page');
    const html = await (await page.request.get(`${url}/lessons/architecture`)).text();
    assert.doesNotMatch(html, /<script[^>]*editor\./, 'the page itself does not load it: the page script does, once painted');
    await page.goto(`${url}/lessons/architecture`);
    await page.locator('#cell-two-pods .cm-editor').waitFor();
    assert.equal(requested.length, 1);
    const res = await page.request.get(requested[0]);
    assert.equal(res.headers()['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(await page.locator('#cell-two-pods textarea').isHidden(), true, 'the textarea stays in the form, hidden');

    await page.getByRole('button', { name: 'Dark' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const colours = await page.locator('#cell-two-pods .cm-editor').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(colours, 'rgb(23, 27, 33)', 'the site’s dark raised background');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('counts read as words: one import says what it brought, the same file again says it is already up to date', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${url}/lessons/architecture`);
    await page.locator('#cell-exit-code input[name="answer"]').fill('137');
    await page.locator('#cell-exit-code').getByRole('button', { name: 'Check answer' }).click();
    await page.locator('#cell-exit-code .quiz-feedback.is-right').waitFor();
    assert.match((await page.locator('#cell-exit-code .verdict').textContent()) ?? '', /1 attempt$/);
    const file = Buffer.from(await (await page.request.get(`${url}/api/progress/export`)).body());

    const other = await open();
    await other.page.goto(`${url}/progress`);
    for (const expected of [/^Imported 0 edited cells and 1 answer\.$/, /^Already up to date/]) {
      await other.page.locator('#import-file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: file });
      await Promise.all([other.page.waitForURL(/\/progress\?imported=/), other.page.getByRole('button', { name: 'Import', exact: true }).click()]);
      assert.match(((await other.page.locator('.notice-ok').textContent()) ?? '').trim(), expected);
    }
    assert.deepEqual([...errors, ...other.errors], []);
    await other.context.close();
    await context.close();
  });

  it('a learner typing before the editor arrives goes on typing in it, where they were', async () => {
    const { context, page, errors } = await open();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/editor\.[0-9a-f]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${url}/lessons/architecture`);
    const cell = page.locator('#cell-two-pods');
    const textarea = cell.locator('textarea');
    await textarea.click();
    await textarea.press('Control+End');
    await page.keyboard.type('# before');
    release();
    await cell.locator('.cm-editor').waitFor();
    await page.keyboard.type(', after');
    assert.match(await scenarioOf(cell), /# before, after$/);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
