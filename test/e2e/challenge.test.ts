// A troubleshooting challenge in Chromium (issue 27, "Done when"): open a
// challenge, run the broken start (objectives shown unmet), take a hint, fix
// the scenario in the code editor, run (solved), reload (still solved), and
// see it on the progress page; and the same challenge as plain forms with
// JavaScript off.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import type { Site } from '../../server/boot.ts';
import { browserSkipReason, closeBrowserSite, openBrowserSite, openPage, scenarioOf, setScenario } from './browser.ts';

const skip = browserSkipReason();
const START = readFileSync(fileURLToPath(new URL('../../content/06-scheduler/challenge-preemption.yaml', import.meta.url)), 'utf8');
const FIX = START.replace('values: [general]}', 'values: [frontend]}');

describe('a troubleshooting challenge in Chromium', { skip }, () => {
  let site: Site;
  let server: Server;
  let url: string;
  let browser: Browser;

  before(async () => ({ site, server, url, browser } = await openBrowserSite({ real: true, config: { workers: 2 } })));
  after(() => closeBrowserSite({ site, server, browser }));

  const open = (javaScriptEnabled = true) => openPage(browser, { javaScriptEnabled });

  it('run the broken start, take a hint, fix it in the editor, run: solved, still solved after a reload, and on the progress page', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${url}/lessons/scheduler#cell-challenge-preemption`);
    const cell = page.locator('#cell-challenge-preemption');
    const report = cell.locator('.challenge-report');
    await cell.locator('.cm-content').waitFor();
    assert.equal(await report.locator('li.check-unchecked').count(), 17, 'nothing checked before a run');

    // The broken start, as it is.
    await cell.getByRole('button', { name: /Run/ }).click();
    await report.getByText('Not solved yet: 1 left.').waitFor();
    const objectives = report.locator('.challenge-objectives li');
    assert.deepEqual(await objectives.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status'))), ['met', 'unmet']);
    assert.match((await objectives.nth(1).textContent()) ?? '', /no Pod is preempted[\s\S]*not met; found: 1/);
    // The engine's output is shown under it: the preemption is there to read.
    await cell.locator('.sim-output').getByText('Preempted by pod', { exact: false }).first().waitFor();

    // A hint, in place.
    await cell.getByRole('button', { name: 'Show hint 1 of 3' }).click();
    await cell.locator('.challenge-hint').first().waitFor();
    assert.match((await cell.locator('.challenge-hint').first().textContent()) ?? '', /Why is node-3 not even a candidate/);
    await cell.getByRole('button', { name: 'Show hint 2 of 3' }).waitFor();

    // The fix, in the code editor.
    await setScenario(page, cell, FIX);
    assert.equal(await scenarioOf(cell), FIX);
    await cell.getByRole('button', { name: /Run/ }).click();
    await report.getByText('Solved: every objective is met and every rule kept.').waitFor();
    assert.equal(await report.locator('li.check-unmet').count(), 0);
    assert.ok(await cell.evaluate((el) => el.classList.contains('is-solved')));
    assert.match((await cell.locator('.cell-header .challenge-standing').textContent()) ?? '', /^solved · 1 attempt$/);

    // Reload: still solved, the editor holds the fix.
    await page.reload();
    await cell.locator('.cm-content').waitFor();
    await report.getByText('Solved: every objective is met and every rule kept.').waitFor();
    assert.equal(await scenarioOf(cell), FIX);
    assert.equal(await cell.locator('.challenge-hint').count(), 1, 'the hint taken stays shown');

    // The progress page.
    await page.goto(`${url}/progress`);
    const entry = page.locator('[data-challenge="challenge-preemption"]').first();
    await entry.waitFor();
    assert.equal(await entry.getAttribute('data-standing'), 'solved');
    assert.match((await entry.textContent()) ?? '', /Deploying checkout kills a report job[\s\S]*✔ solved[\s\S]*1 attempt · 1 of 3 hints/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with JavaScript the solution is shown in place on request, marks the challenge "solution seen", and Reset puts the start back', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${url}/lessons/pod-lifecycle#cell-challenge-sidecar`);
    const cell = page.locator('#cell-challenge-sidecar');
    await cell.locator('.cm-content').waitFor();
    await cell.getByRole('button', { name: 'Give up and show the solution' }).click();
    await cell.locator('.challenge-solution').waitFor();
    assert.match((await cell.locator('.challenge-solution-scenario').textContent()) ?? '', /restartPolicy: Always/);
    assert.match((await cell.locator('.cell-header .challenge-standing').textContent()) ?? '', /^solution seen$/);
    const mark = page.locator('.toc-cell', { has: page.locator('a[href="#cell-challenge-sidecar"]') });
    assert.match((await mark.getAttribute('class')) ?? '', /mark-missed/);

    const start = await scenarioOf(cell);
    await setScenario(page, cell, start.replace('    image: envoyproxy/envoy:v1.31.0\n', '    image: envoyproxy/envoy:v1.31.0\n    restartPolicy: Always\n'));
    await cell.getByRole('button', { name: /Run/ }).click();
    await cell.getByText('Solved, after seeing the solution.').waitFor();
    await cell.getByRole('button', { name: /Reset/ }).click();
    await cell.locator('.challenge-note').getByText('Run the scenario to check the objectives.', { exact: false }).waitFor();
    assert.equal(await scenarioOf(cell), start);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('without JavaScript the challenge is a set of forms: run, hint, solution', async () => {
    const { context, page } = await open(false);
    await page.goto(`${url}/lessons/scheduler`);
    const cell = page.locator('#cell-challenge-spread-taint');
    await cell.getByRole('button', { name: /Run/ }).click();
    await page.waitForURL(/#cell-challenge-spread-taint$/);
    const objectives = cell.locator('.challenge-objectives li');
    assert.deepEqual(await objectives.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status'))), ['unmet', 'unmet']);
    await cell.getByRole('button', { name: 'Show hint 1 of 3' }).click();
    await cell.locator('.challenge-hint').first().waitFor();
    await cell.getByRole('button', { name: 'Give up and show the solution' }).click();
    await cell.locator('.challenge-solution').waitFor();
    assert.match((await cell.locator('.challenge-solution-scenario').textContent()) ?? '', /tolerations:\n\s+- \{key: dedicated, operator: Equal, value: web, effect: NoSchedule\}/);
    assert.match((await cell.locator('.cell-header .challenge-standing').textContent()) ?? '', /solution seen/);
    await context.close();
  });
});
