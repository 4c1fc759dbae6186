// The informers engine on its two fixtures: what the lanes and the queue show
// follows from the rules tested against upstream in test/conformance/clientgo/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const fixture = (name: string) => parseManifests(readFileSync(new URL(`./fixtures/${name}.yaml`, import.meta.url), 'utf8'));

const withoutWatchList = () => parseManifests(readFileSync(new URL('./fixtures/watch-disruption.yaml', import.meta.url), 'utf8').replace('  resyncPeriodMs: 0', '  watchList: false\n  resyncPeriodMs: 0'));

test('watch disruption, WatchList (the 1.35+ default): resumed watch, 410 after compaction, back-off, a new WatchList, and a tombstone for the Pod deleted unseen', () => {
  const out = engine.run(fixture('watch-disruption'), ctx);
  const inf = out.result.informer!;
  assert.deepEqual(inf.requests.map((r) => [r.at, r.verb, r.resourceVersion, r.sendInitialEvents ?? false, r.answer]), [
    [0, 'watch', '', true, '3 initial events, bookmark at RV 3'],
    [1500, 'watch', '4', false, 'watching (0 replayed)'], // the dropped watch resumes from lastSyncResourceVersion
    [3000, 'watch', '4', false, '410 Expired'], // the history it needs was compacted
    [4600, 'watch', '4', true, '3 initial events, bookmark at RV 6'], // after the 0.8–1.6 s back-off
  ]);
  assert.deepEqual(inf.notifications.map((n) => [n.at, n.type, n.key, n.resourceVersion]), [
    [0, 'add', 'default/web-0', '1'],
    [0, 'add', 'default/web-1', '2'],
    [0, 'add', 'default/db-0', '3'],
    [500, 'update', 'default/web-0', '4'],
    [4600, 'delete', 'default/db-0', '3'], // DeletedFinalStateUnknown carrying the last cached object
    [4600, 'add', 'default/web-2', '5'],
  ]);
  assert.deepEqual(inf.cache.map((c) => c.key), ['default/web-0', 'default/web-1', 'default/web-2']);
  assert.equal(inf.lastSyncResourceVersion, '6');
  const view = engine.viewModel!(out);
  assert.equal(view.informer!.rows.length, inf.server.length + inf.requests.length + inf.fifo.length + inf.notifications.length);
});

test('watch disruption, LIST then WATCH: the relist is a consistent read at the last RV, without a limit', () => {
  const out = engine.run(withoutWatchList(), ctx);
  const inf = out.result.informer!;
  assert.deepEqual(inf.requests.map((r) => [r.at, r.verb, r.resourceVersion, r.limit ?? null, r.answer]), [
    [0, 'list', '0', 500, '3 items at RV 3'],
    [0, 'watch', '3', null, 'watching (0 replayed)'],
    [1500, 'watch', '4', null, 'watching (0 replayed)'],
    [3000, 'watch', '4', null, '410 Expired'],
    [4600, 'list', '4', 0, '3 items at RV 6'],
    [4600, 'watch', '6', null, 'watching (0 replayed)'],
  ]);
  assert.deepEqual(inf.notifications.slice(4).map((n) => [n.at, n.type, n.key]), [[4600, 'delete', 'default/db-0'], [4600, 'add', 'default/web-2']]);
});

test('a 429 on the WatchList request backs off and asks again; a 410 asks again at once with no resourceVersion', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: a, namespace: default}
---
apiVersion: kube-notebook.dev/v1alpha1
kind: WatchScript
spec:
  untilMs: 10000
  steps:
  - {at: 100, fail: {verb: watch, code: 410}}
  - {at: 100, compact: true}
  - {at: 200, dropWatches: true}
  - {at: 300, fail: {verb: watch, code: 429}}
`;
  const inf = engine.run(parseManifests(yaml), ctx).result.informer!;
  assert.deepEqual(inf.requests.map((r) => [r.at, r.resourceVersion, r.sendInitialEvents ?? false, r.answer]), [
    [0, '', true, '1 initial events, bookmark at RV 1'],
    // 200 ms: the watch closes under a second with no events (VeryShortWatchError): back off 1.6 s, then a new WatchList
    [1800, '1', true, '410 Expired'],
    [1800, '', true, '429 TooManyRequests'], // the RV is forgotten and the request made again at once
    [5000, '', true, '1 initial events, bookmark at RV 1'], // the second back-off step: 3.2 s
  ]);
});

test('work queue: merged adds, a key re-queued behind its worker, 5 ms then 10 ms retries, never two workers on one key', () => {
  const out = engine.run(fixture('work-queue'), ctx);
  const q = out.result.queue!;
  assert.deepEqual(q.runs.map((r) => [r.worker, r.key, r.startMs, r.endMs, r.ok, r.retryAfterMs ?? null]), [
    [0, 'default/db', 0, 20, false, 5],
    [1, 'default/cache', 0, 20, true, null],
    [0, 'default/web', 20, 40, true, null],
    [1, 'default/db', 25, 45, false, 10],
    [0, 'default/web', 40, 60, true, null],
    [1, 'default/db', 55, 75, true, null],
  ]);
  assert.deepEqual(q.keys.find((k) => k.key === 'default/web'), { key: 'default/web', attempts: 2, failures: 0, deduplicated: 2, done: true });
  assert.deepEqual(q.adds.filter((a) => a.key === 'default/web').map((a) => a.outcome), ['queued', 'deduplicated', 'deduplicated', 'behind-worker']);
  const view = engine.viewModel!(out);
  assert.equal(view.queue!.bars.length, 6);
});

test('bad input is a located ValidationError; too much virtual time a LimitExceededError', () => {
  const bad = (yaml: string) => () => engine.run(parseManifests(yaml), ctx);
  assert.throws(bad('apiVersion: kube-notebook.dev/v1alpha1\nkind: WatchScript\nspec: {untilMs: 10, steps: [{at: 1}]}\n'), (e: unknown) => e instanceof ValidationError && /a step needs one of/.test(e.message));
  assert.throws(bad('apiVersion: kube-notebook.dev/v1alpha1\nkind: WorkQueueScript\nspec: {workers: 0, processMs: 1, untilMs: 10, adds: []}\n'), (e: unknown) => e instanceof ValidationError && /spec.workers/.test(e.message));
  assert.throws(bad('apiVersion: kube-notebook.dev/v1alpha1\nkind: WatchScript\nspec: {untilMs: 90000000, resyncPeriodMs: 1000, handlers: [{name: a, resyncPeriodMs: 1000}], steps: []}\n'), (e: unknown) => e instanceof LimitExceededError);
  assert.throws(bad('apiVersion: kube-notebook.dev/v1alpha1\nkind: Nope\n'), ValidationError);
});
