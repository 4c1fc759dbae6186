// The informers view in both languages: our own words (lane entries, outcomes,
// headings) have an en and a zh form, chosen by the page's language;
// Kubernetes' words (verbs, parameters, Status reasons, delta types, keys)
// are the same in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';
import { answerText, buildView, serverText } from './view-model.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const fixture = (name: string) => engine.run(parseManifests(readFileSync(new URL(`./fixtures/${name}.yaml`, import.meta.url), 'utf8')), ctx);
const HAN = /\p{Script=Han}/u;

function render(view: unknown, lang: 'en' | 'zh'): string {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const template = hb.compile(readFileSync(new URL('./views/result.hbs', import.meta.url), 'utf8'));
  return template({ view, lang });
}

test('server lane and reflector answers in both languages', () => {
  assert.deepEqual(serverText({ type: 'create', key: 'default/web-2', resourceVersion: '5', note: 'not sent to watches' }), {
    en: 'create default/web-2 (RV 5), not sent to watches',
    zh: '创建 default/web-2（RV 5），没有发给任何 watch',
  });
  assert.deepEqual(serverText({ type: 'next watch answers 429', key: '', resourceVersion: '' }), { en: 'next watch answers 429', zh: '下一个 watch 请求回答 429' });
  assert.deepEqual(answerText('3 initial events, bookmark at RV 6'), { en: '3 initial events, bookmark at RV 6', zh: '3 个初始事件，bookmark 的 RV 为 6' });
  assert.deepEqual(answerText('watching (0 replayed)').zh, 'watch 中（补发 0 个事件）');
  assert.deepEqual(answerText('3 items at RV 6').zh, '3 个对象，RV 为 6');
  assert.deepEqual(answerText('410 Expired'), { en: '410 Expired', zh: '410 Expired' }, 'a Status stays as the API server words it');
});

test('the watch-disruption view: every lane entry has both forms; the reflector keeps its parameters in both', () => {
  const view = buildView(fixture('watch-disruption'));
  const cells = view.informer!.rows.flatMap((r) => r.cells).filter((c) => c.text.en !== '');
  assert.ok(cells.length > 10);
  for (const c of cells) assert.ok(c.text.zh !== '', `zh for ${c.text.en}`);
  const relist = cells.find((c) => c.text.en.startsWith('WATCH') && c.text.en.includes('bookmark at RV 6'))!;
  assert.match(relist.text.zh, /^WATCH resourceVersion="4" resourceVersionMatch=NotOlderThan sendInitialEvents=true .* → 3 个初始事件，bookmark 的 RV 为 6$/);
  assert.ok(cells.some((c) => c.text.zh === 'controller: OnAdd default/db-0（RV 3，初始列表）'));
});

test('the work-queue view: outcomes and add results in both languages', () => {
  const view = buildView(fixture('work-queue'));
  assert.deepEqual(view.queue!.runs[0].outcome, { en: 'failed; AddRateLimited: back in 5 ms', zh: '失败；AddRateLimited：5 ms 后回到队列' });
  assert.deepEqual(view.queue!.adds.map((a) => a.outcome.zh).slice(2, 4), ['入队', '去重（并入正在等待的那一次）']);
  assert.equal(view.queue!.adds.find((a) => a.outcome.en === 'behind-worker')!.outcome.zh, '排在 worker 之后（Done 时重新入队）');
});

test('the partial renders our words in the page’s language only', () => {
  for (const name of ['watch-disruption', 'work-queue']) {
    const view = buildView(fixture(name));
    const en = render(view, 'en');
    const zh = render(view, 'zh');
    assert.ok(!HAN.test(en), `${name}: no Chinese on the English page`);
    assert.ok(HAN.test(zh), `${name}: Chinese on the Chinese page`);
    for (const english of ['lane by lane', 'The cache (indexer)', 'over time', 'Every reconcile', 'initial list', 'back in', 'not sent to watches']) {
      assert.ok(!zh.includes(english), `${name}: "${english}" on the Chinese page`);
    }
  }
  assert.ok(render(buildView(fixture('watch-disruption')), 'zh').includes('informer，逐条泳道'));
});
