// Switching language in Chromium (issue 16): the switch moves a lesson to its
// Chinese URL; a run and an answer made in Chinese are explained in Chinese;
// switching back shows the same run and the same answer, in English. With and
// without JavaScript (the switch is a form either way).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import type { Site } from '../../server/boot.ts';
import { browserSkipReason, closeBrowserSite, openBrowserSite, setScenario } from './browser.ts';

const skip = browserSkipReason();
const EDITED = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: edited-in-chinese\n';

describe('one language switch, the same progress', { skip }, () => {
  let site: Site;
  let server: Server;
  let url: string;
  let browser: Browser;

  before(async () => ({ site, server, url, browser } = await openBrowserSite({ config: { workers: 2 } })));
  after(() => closeBrowserSite({ site, server, browser }));

  for (const javaScriptEnabled of [true, false]) {
    it(`switch to Chinese, run a cell, answer a quiz, switch back with progress intact (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, locale: 'en-US' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));

      await page.goto(`${url}/lessons/architecture`);
      assert.equal(await page.locator('h1').first().textContent(), 'Fixture lesson: inventory');
      await page.getByRole('button', { name: '中文' }).click();
      await page.waitForURL(`${url}/zh/lessons/architecture`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      assert.equal(await page.locator('h1').first().textContent(), '测试课程：清点对象');

      const cell = page.locator('#cell-two-pods');
      await setScenario(page, cell, EDITED);
      await cell.getByRole('button', { name: '运行' }).click();
      await cell.locator('.sim-output').getByText('edited-in-chinese').first().waitFor();
      assert.match(page.url(), /\/zh\/lessons\/architecture/, 'the run stays on the Chinese page');

      const quiz = page.locator('#cell-port');
      await quiz.getByLabel('6443').check();
      await quiz.getByRole('button', { name: '检查答案' }).click();
      await quiz.locator('.quiz-feedback').waitFor();
      assert.match((await quiz.locator('.quiz-feedback').textContent()) ?? '', /常用的安全端口/, 'the explanation is the Chinese lesson’s');

      await page.getByRole('button', { name: 'EN' }).click();
      await page.waitForURL(/\/lessons\/architecture(#.*)?$/);
      assert.doesNotMatch(page.url(), /\/zh\//);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.locator('h1').first().textContent(), 'Fixture lesson: inventory');
      await page.locator('#cell-two-pods .sim-output').getByText('edited-in-chinese').first().waitFor();
      assert.match((await page.locator('#cell-port .quiz-feedback').textContent()) ?? '', /The usual secure port/i, 'the answer is kept, explained in English');

      await page.goto(`${url}/progress`);
      const row = page.locator('.progress-table tbody tr', { hasText: 'Fixture lesson: inventory' });
      assert.match((await row.textContent()) ?? '', /1\/\d+/, 'the run and the answer count once, in either language');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
