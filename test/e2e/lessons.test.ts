// Every real lesson in a real browser: the page loads without a console error
// or CSP violation (engine partials and scripts included), every default output
// renders, every simulation cell runs again in place, and the page fits a phone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { browserSkipReason, launchBrowser, lessonSlugs, listen, scenarioOf, setScenario } from './browser.ts';

const skip = browserSkipReason();
const slugs = lessonSlugs();

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

  it('pod-lifecycle: kubectl describe at a moment opens in place with JavaScript, on its own page without', { skip: slugs.includes('pod-lifecycle') ? undefined : 'no pod-lifecycle lesson' }, async () => {
    const withJs = await browser.newContext();
    const page = await withJs.newPage();
    await page.goto(`${url}/lessons/pod-lifecycle`);
    const cell = page.locator('#cell-crash-loop');
    // Predict first: the result waits for the cell's predict quizzes; running the cell shows it now.
    assert.equal(await cell.locator('[data-predict-first]').count(), 1);
    await cell.getByRole('button', { name: /Run/ }).click();
    await cell.locator('.sim-result').waitFor();
    // The slider shows one moment at a time; move it to a later one, then ask for describe.
    await cell.locator('.pl-slider-controls input[type="range"]').fill('4');
    const link = cell.locator('.pl-snapshot:not([hidden]) a[data-detail]');
    await link.click();
    const inline = cell.locator('.pl-snapshot:not([hidden]) pre.detail-inline');
    await page.waitForFunction((el) => el!.textContent!.startsWith('Name:'), await inline.elementHandle());
    assert.match((await inline.textContent()) ?? '', /Name:\s+crash\n[\s\S]*Events:/);
    assert.equal(await link.getAttribute('aria-expanded'), 'true');
    await link.click();
    assert.equal(await inline.isHidden(), true, 'a second click hides it');
    assert.equal(new URL(page.url()).pathname, '/lessons/pod-lifecycle', 'stayed on the lesson');
    await withJs.close();

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${url}/lessons/pod-lifecycle`);
    await plain.locator('#cell-crash-loop').getByRole('button', { name: /Run/ }).click();
    await plain.waitForURL(/\/lessons\/pod-lifecycle#cell-crash-loop$/);
    const first = plain.locator('#cell-crash-loop .pl-snapshot').nth(2);
    await first.locator('summary').first().click();
    await first.locator('a[data-detail]').click();
    await plain.waitForURL(/\/cells\/crash-loop\/details\/describe-2$/);
    assert.match((await plain.locator('pre.detail-text').textContent()) ?? '', /^Name:\s+crash\n/);
    await plain.getByRole('link', { name: /Back to the cell/ }).click();
    await plain.waitForURL(/\/lessons\/pod-lifecycle#cell-crash-loop$/);
    await noJs.close();
  });

  it('pod-lifecycle: the slider starts at the moment the question asks about, marks it on the chart, and follows clicks on the chart (issue 13, point 7)', { skip: slugs.includes('pod-lifecycle') ? undefined : 'no pod-lifecycle lesson' }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/lessons/pod-lifecycle`);
    const cell = page.locator('#cell-crash-loop');
    await cell.getByRole('button', { name: /Run/ }).click();
    await cell.locator('.sim-result').waitFor();
    const shown = () => cell.locator('.pl-snapshot:not([hidden]) summary').textContent();
    assert.match((await shown()) ?? '', /^t = 45s asked about/);
    const asked = cell.locator('line.pl-asked');
    assert.equal(await asked.count(), 1);
    const cursor = cell.locator('line[data-pl-cursor]');
    assert.equal(await cursor.getAttribute('visibility'), 'visible');
    assert.equal(await cursor.getAttribute('x1'), await asked.getAttribute('x1'), 'the cursor stands on the asked moment');
    // Elsewhere on the slider, then back with the button.
    await cell.locator('.pl-slider-controls input[type="range"]').fill('0');
    assert.match((await shown()) ?? '', /^t = 0s/);
    await cell.getByRole('button', { name: 'Go to t = 45s (asked about)' }).click();
    assert.match((await shown()) ?? '', /^t = 45s/);
    // A click near the right end of the chart picks the last moment of the slider.
    const last = await cell.locator('.pl-snapshot summary').last().evaluate((el) => el.textContent);
    const box = (await cell.locator('svg[data-pl-chart]').boundingBox())!;
    await page.mouse.click(box.x + box.width - 4, box.y + box.height / 2);
    assert.equal(await shown(), last);
    assert.equal(await cell.locator('.pl-slider-controls input[type="range"]').inputValue(), String((await cell.locator('.pl-snapshot').count()) - 1));
    assert.match((await cell.locator('.pl-chart figcaption').textContent()) ?? '', /logarithmic/);
    await context.close();
  });

  it('resources-oom: a container killed at once draws its climb to the limit, with its peak, not "peak 0" (issue 13, point 6)', { skip: slugs.includes('resources-oom') ? undefined : 'no resources-oom lesson' }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/lessons/resources-oom`);
    const cell = page.locator('#cell-three-qos');
    const scenario = await scenarioOf(cell);
    const raised = scenario.replace('{ pod: burstable, container: app, usage: { pattern: steady, level: 300Mi } }', '{ pod: burstable, container: app, usage: { pattern: steady, level: 600Mi } }');
    assert.notEqual(raised, scenario);
    await setScenario(page, cell, raised);
    await cell.getByRole('button', { name: /Run/ }).first().click();
    const caption = cell.locator('figcaption', { hasText: 'burstable / app' });
    await caption.waitFor();
    assert.match((await caption.textContent()) ?? '', /peak 512Mi/);
    await context.close();
  });

  it('layout (issue 13, point 9): nothing cut at 1280 px, node cards legible and first columns held at 390 px', { skip: ['resources-oom', 'declarative-apply', 'scheduler'].every((s) => slugs.includes(s)) ? undefined : 'needs chapters 4 to 6' }, async () => {
    const run = async (width: number, slug: string, cellId: string) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${url}/lessons/${slug}`);
      const cell = page.locator(`#cell-${cellId}`);
      await cell.getByRole('button', { name: /Run/ }).first().click();
      await cell.locator('.sim-result').waitFor();
      return { context, cell };
    };
    // Desktop: the three-qos Containers table and the apply columns show everything without scrolling.
    let { context, cell } = await run(1280, 'resources-oom', 'three-qos');
    const table = cell.locator('.table-scroll').first();
    const [scrollWidth, clientWidth] = await table.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(scrollWidth <= clientWidth + 1, `the Containers table is whole at 1280 px: ${scrollWidth} > ${clientWidth}`);
    await context.close();
    ({ context, cell } = await run(1280, 'declarative-apply', 'change-image'));
    for (const pre of await cell.locator('.da-columns pre').all()) {
      assert.ok(await pre.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'each YAML column is whole at 1280 px');
    }
    await context.close();
    // Phone: each node card at its own size, and a wide table keeps its first column in view while scrolled.
    ({ context, cell } = await run(390, 'scheduler', 'taints-and-affinity'));
    for (const card of await cell.locator('svg.sch-card').all()) {
      const box = (await card.boundingBox())!;
      assert.ok(box.width >= 190, `a node card is ${box.width} px wide`);
    }
    const wide = cell.locator('.table-scroll:has(> table)').first();
    const firstCell = wide.locator('tbody tr td, tbody tr th').first();
    const before = (await firstCell.boundingBox())!.x;
    await wide.evaluate((el) => (el.scrollLeft = 400));
    assert.ok(await wide.evaluate((el) => el.scrollLeft > 0), 'the table scrolls inside its box');
    assert.equal(Math.round((await firstCell.boundingBox())!.x), Math.round(before), 'its first column stays put');
    await context.close();
  });

  for (const slug of slugs) {
    it(`${slug}: loads cleanly, every default output an answer-free placeholder or a result, and every cell run in place shows its result`, async () => {
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
        assert.equal(await cell.locator('.sim-result').count(), 1, `cell ${i} shows its result once run`);
        assert.equal(await cell.locator('[data-predict-first]').count(), 0, `cell ${i} no longer waits for predictions`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });

    it(`${slug}: fits a 390 px phone without sideways scrolling of the page, with the code editor and every result shown`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${url}/lessons/${slug}`);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok((await overflow()) <= 0, `as served: overflows by ${await overflow()}px`);
      const cells = page.locator('.cell-sim');
      const count = await cells.count();
      // Once the editor has replaced every textarea (issue 13, point 9: no horizontal page scroll at 390 px).
      await page.waitForFunction((n) => document.querySelectorAll('.cell-sim .cm-editor').length === n, count);
      for (let i = 0; i < count; i++) {
        const cell = cells.nth(i);
        await cell.getByRole('button', { name: /Run/ }).click();
        await page.waitForFunction((el) => !el!.querySelector('.sim-output')!.classList.contains('is-stale'), await cell.elementHandle());
      }
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.sim-result, .cm-scroller, .table-scroll, pre'))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      );
      assert.ok((await overflow()) <= 0, `with results: overflows by ${await overflow()}px (${wide.join(', ')})`);
      await context.close();
    });
  }
});
