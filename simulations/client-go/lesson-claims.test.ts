// The informers lesson (content/09-informers) states what its cells show,
// including the variants it asks the learner to try (watchList: false, a
// 60 s informer resync), and the rate limiter's numbers. Predict quizzes check
// their own keys; these checks keep the rest of the prose true to the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';
import { newRateLimiter, nsFromMs } from './rate-limiters.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const lessons = ['en', 'zh'].map((lang) => readFileSync(new URL(`../../content/09-informers/${lang}.md`, import.meta.url), 'utf8'));
const [lesson] = lessons;

/** The default scenario of the lesson's sim cell `id`, optionally edited. */
function cell(id: string, edit?: (yaml: string) => string) {
  const m = new RegExp('```sim informers id=' + id + '\\n([\\s\\S]*?)```').exec(lesson);
  assert.ok(m, `no sim cell ${id}`);
  const yaml = edit ? edit(m[1]) : m[1];
  if (edit) assert.notEqual(yaml, m[1], 'the edit applies to the cell');
  return engine.run(parseManifests(yaml), ctx);
}

test('watch-410: the dropped watch resumes from RV 4; the 410 at 3 s is followed by a WatchList 1.6 s later', () => {
  const inf = cell('watch-410').result.informer!;
  assert.deepEqual(inf.requests.map((r) => [r.at, r.verb, r.resourceVersion, r.sendInitialEvents ?? false, r.answer.split(' ')[0]]), [
    [0, 'watch', '', true, '3'],
    [1500, 'watch', '4', false, 'watching'],
    [3000, 'watch', '4', false, '410'],
    [4600, 'watch', '4', true, '3'],
  ]);
  assert.equal(inf.requests[0].resourceVersionMatch, 'NotOlderThan');
  assert.ok(inf.requests.every((r) => r.allowWatchBookmarks), 'every request asks for bookmarks');
});

test('watch-410: web-2 reaches the handler only at the relist, db-0 as a delete carrying its cached RV 3; every object is in the cache at the end', () => {
  const inf = cell('watch-410').result.informer!;
  const web2 = inf.notifications.filter((n) => n.key === 'default/web-2');
  assert.deepEqual(web2.map((n) => [n.at, n.type]), [[4600, 'add']]);
  assert.deepEqual([inf.notifications[4].key, inf.notifications[4].type, inf.notifications[4].at], ['default/db-0', 'delete', 4600]);
  assert.equal(inf.server.find((s) => s.type === 'delete')!.resourceVersion, '6');
  assert.deepEqual(inf.cache.map((c) => c.key), ['default/web-0', 'default/web-1', 'default/web-2']);
  // the unchanged objects get a same-RV update that the shared informer passes to no handler (none is due for a resync)
  assert.deepEqual(inf.notifications.filter((n) => n.at === 4600).map((n) => n.key), ['default/db-0', 'default/web-2']);
  // the relist is one ReplacedAll item in the FIFO (RealFIFO with AtomicFIFO)
  assert.deepEqual(inf.fifo.filter((f) => f.at === 4600).map((f) => f.type), ['ReplacedAll']);
});

test('watch-410 with watchList: false (the Try it): LIST RV 0 limit 500, WATCH from the list RV; after the 410 a LIST, then a WATCH', () => {
  const inf = cell('watch-410', (y) => y.replace('  resyncPeriodMs: 0', '  watchList: false\n  resyncPeriodMs: 0')).result.informer!;
  assert.deepEqual(inf.requests.map((r) => [r.verb, r.resourceVersion, r.limit ?? null]).slice(0, 2), [['list', '0', 500], ['watch', '3', null]]);
  assert.deepEqual(inf.requests.slice(2).map((r) => [r.verb, r.answer.split(' ')[0]]), [['watch', 'watching'], ['watch', '410'], ['list', '3'], ['watch', 'watching']]);
});

test('resync-zero: a handler asking for 30 s gets no resync from an informer with period 0; with 60 s, SyncAll at 30 s and 60 s at RV 2', () => {
  const zero = cell('resync-zero').result.informer!;
  assert.deepEqual(zero.notifications.map((n) => [n.at, n.type]), [[0, 'add'], [10000, 'update']]);
  const sixty = cell('resync-zero', (y) => y.replace('  resyncPeriodMs: 0', '  resyncPeriodMs: 60000')).result.informer!;
  assert.deepEqual(sixty.fifo.filter((f) => f.type === 'SyncAll').map((f) => [f.at, f.resourceVersion]), [[30000, '2'], [60000, '2']]);
  assert.deepEqual(sixty.notifications.slice(2).map((n) => [n.at, n.type, n.resourceVersion]), [[30000, 'update', '2'], [60000, 'update', '2']]);
});

test('work-queue: web twice (the second from 40 ms), db waits 5 then 10 ms and succeeds at its third attempt from 55 ms', () => {
  const q = cell('work-queue').result.queue!;
  assert.deepEqual(q.runs.filter((r) => r.key === 'default/web').map((r) => r.startMs), [20, 40]);
  const db = q.runs.filter((r) => r.key === 'default/db');
  assert.deepEqual(db.map((r) => [r.startMs, r.ok, r.retryAfterMs ?? null]), [[0, false, 5], [25, false, 10], [55, true, null]]);
  assert.equal(db[1].endMs + 10, 55);
});

test('hot-key: three reconciles of hot back to back on one worker, never two at once; cold starts at once at 45 ms', () => {
  const q = cell('hot-key').result.queue!;
  const hot = q.runs.filter((r) => r.key === 'default/hot');
  assert.deepEqual(hot.map((r) => [r.startMs, r.endMs]), [[0, 30], [30, 60], [60, 90]]);
  for (let i = 1; i < hot.length; i++) assert.ok(hot[i].startMs >= hot[i - 1].endMs);
  assert.equal(q.runs.find((r) => r.key === 'default/cold')!.startMs, 45);
  assert.equal(q.keys.find((k) => k.key === 'default/hot')!.deduplicated, 5);
});

test('the default controller rate limiter: 5, 10, 20, 40 ms; 10.24 s at the 12th failure; 1000 s from the 19th; 16 retries in 10 minutes', () => {
  let now = 0;
  const rl = newRateLimiter({ type: 'DefaultControllerRateLimiter' }, { now: () => now });
  const delays: number[] = [];
  for (let i = 0; i < 20; i++) {
    const d = rl.when('default/db');
    delays.push(d / 1e6);
    now += d; // the key waits its delay before failing again (the bucket refills meanwhile)
  }
  assert.deepEqual(delays.slice(0, 4), [5, 10, 20, 40]);
  assert.equal(delays[11], 10240);
  assert.equal(delays[17], 655360);
  assert.equal(delays[18], 1_000_000);
  let t = 0;
  let retries = 0;
  for (const d of delays) if ((t += d) <= 600_000) retries++;
  assert.equal(retries, 16);
  rl.forget('default/db');
  assert.equal(rl.when('default/db'), nsFromMs(5), 'Forget resets the key');
});

test('the bucket side only bites after a burst of 100 retries at the same instant: the 101st waits 100 ms (10 qps)', () => {
  const rl = newRateLimiter({ type: 'DefaultControllerRateLimiter' }, { now: () => 0 });
  const delays = Array.from({ length: 101 }, (_, i) => rl.when(`default/k${i}`) / 1e6);
  assert.ok(delays.slice(0, 100).every((d) => d === 5));
  assert.equal(delays[100], 100);
});

test('both lessons state the numbers checked above', () => {
  for (const text of lessons) {
    for (const s of ['1.6 s', '10.24 s', '1000 s', '16', '4600', '55 ms', '5 ms']) assert.ok(text.includes(s), `"${s}" in the lesson`);
  }
});
