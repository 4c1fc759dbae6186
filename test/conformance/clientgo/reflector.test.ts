// client-go tools/cache/reflector_test.go (client-go v0.36.3, commit 44a8af2fee834a8fc3523360e029cf7ea7104622),
// through reflectorScenario. Upstream's ListWatch funcs become scripted responses; a WatchFunc that
// cancels the context ("we're only interested in the list") is a watch request after the run's
// responses ran out, which the scenario records and then cancels.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reflectorScenario } from '../../../simulations/index.ts';
import type { KubeObject } from '../../../simulations/index.ts';

const pod = (name: string, rv: string, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, resourceVersion: rv, ...(annotations ? { annotations } : {}) },
});
const pods = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => pod(`pod-${from + i}`, String(from + i)));
const rvs = (store: KubeObject[]) => store.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
const expired = { code: 410, reason: 'Expired', message: 'The resourceVersion for the provided watch is too old.' };

describe('reflector_test.go TestReflectorListAndWatch', () => {
  const later = [
    { type: 'MODIFIED' as const, object: pod('foo', '2') },
    { type: 'ADDED' as const, object: pod('bar', '3') },
    { type: 'ADDED' as const, object: pod('baz', '4') },
    { type: 'ADDED' as const, object: pod('qux', '5') },
    { type: 'ADDED' as const, object: pod('zoo', '6') },
  ];
  const expectedStore = ['bar@3', 'baz@4', 'foo@2', 'qux@5', 'zoo@6'];

  it('UseWatchList enabled: one watch with sendInitialEvents, the store replaced at the initial-events-end bookmark, later events applied', () => {
    const out = reflectorScenario({
      useWatchList: true,
      runs: [{
        responses: [{
          watch: {
            events: [
              { type: 'ADDED', object: pod('foo', '1') },
              { type: 'BOOKMARK', object: pod('foo', '1', { 'k8s.io/initial-events-end': 'true' }) },
              ...later,
            ],
          },
        }],
      }],
    });
    assert.deepEqual(out.requests.map(({ timeoutSeconds, ...r }) => r), [
      { run: 0, verb: 'watch', resourceVersion: '', resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true, sendInitialEvents: true },
    ]);
    assert.deepEqual(rvs(out.runs[0].store), expectedStore);
    assert.equal(out.runs[0].error, null);
  });

  it('UseWatchList disabled: list rv 0 limit 500, then watch from the list’s rv', () => {
    const out = reflectorScenario({
      useWatchList: false,
      runs: [{ responses: [{ list: { resourceVersion: '1', items: [pod('foo', '1')] } }, { watch: { events: later } }] }],
    });
    assert.deepEqual(out.requests.map(({ timeoutSeconds, ...r }) => r), [
      { run: 0, verb: 'list', resourceVersion: '0', limit: 500 },
      { run: 0, verb: 'watch', resourceVersion: '1', allowWatchBookmarks: true },
    ]);
    assert.deepEqual(rvs(out.runs[0].store), expectedStore);
    assert.equal(out.runs[0].lastSyncResourceVersion, '6');
  });
});

describe('reflector_test.go relists', () => {
  it('TestReflectorResyncWithResourceVersion: the relist asks for lastSyncResourceVersion', () => {
    const out = reflectorScenario({
      useWatchList: false,
      runs: [{ responses: [{ list: { resourceVersion: '10', items: pods(0, 4) } }] }, { responses: [{ list: { resourceVersion: '11', items: pods(0, 8) } }] }],
    });
    assert.deepEqual(out.requests.filter((r) => r.verb === 'list').map((r) => r.resourceVersion), ['0', '10']);
    assert.deepEqual(out.runs.map((r) => r.store.length), [4, 8]);
  });

  it('TestReflectorExpiredExactResourceVersion: an Expired relist at rv 10 is retried with rv ""', () => {
    const out = reflectorScenario({
      useWatchList: false,
      runs: [
        { responses: [{ list: { resourceVersion: '10', items: pods(0, 4) } }] },
        { responses: [{ error: expired }, { list: { resourceVersion: '11', items: pods(0, 8) } }] },
      ],
    });
    assert.deepEqual(out.requests.filter((r) => r.verb === 'list').map((r) => r.resourceVersion), ['0', '10', '']);
    assert.deepEqual(out.runs.map((r) => [r.error, r.store.length]), [[null, 4], [null, 8]]);
  });

  it('TestReflectorFullListIfExpired: page 2 expired, the pager lists everything at rv 10 without a limit', () => {
    const out = reflectorScenario({
      useWatchList: false,
      watchListPageSize: 4,
      runs: [
        { responses: [{ list: { resourceVersion: '10', items: pods(0, 4) } }] },
        { responses: [{ list: { resourceVersion: '11', continue: 'C1', items: pods(0, 4) } }, { error: expired }, { list: { resourceVersion: '11', items: pods(0, 8) } }] },
      ],
    });
    const lists = out.requests.filter((r) => r.verb === 'list').map((r) => ({ rv: r.resourceVersion, continue: r.continue ?? '', limit: r.limit }));
    assert.deepEqual(lists, [
      { rv: '0', continue: '', limit: 4 },
      { rv: '10', continue: '', limit: 4 },
      { rv: '', continue: 'C1', limit: 4 },
      { rv: '10', continue: '', limit: 0 },
    ]);
    assert.deepEqual(out.runs.map((r) => r.store.length), [4, 8]);
  });

  it('TestWatchTimeout: timeoutSeconds within [min, 2·min], the minimum raised by MinWatchTimeout only above 5 minutes', () => {
    for (const [min, expectedMin] of [[undefined, 300], [1, 300], [30 * 60, 30 * 60]] as const) {
      const out = reflectorScenario({ useWatchList: false, minWatchTimeoutSeconds: min, runs: [{ responses: [{ list: { resourceVersion: '10', items: [] } }] }] });
      const t = out.requests.find((r) => r.verb === 'watch')?.timeoutSeconds ?? -1;
      assert.ok(t >= expectedMin && t <= 2 * expectedMin, `${min}: ${t}`);
    }
  });

  it('a failed list comes back wrapped; a 410 watch ERROR event ends the run cleanly and the next run relists', () => {
    const out = reflectorScenario({
      useWatchList: false,
      runs: [
        { responses: [{ error: { code: 500, reason: 'InternalError', message: 'etcd is down' } }] },
        { responses: [{ list: { resourceVersion: '5', items: [pod('a', '5')] } }, { watch: { events: [{ type: 'ERROR', object: { apiVersion: 'v1', kind: 'Status', status: 'Failure', code: 410, reason: 'Expired', message: 'too old resource version: 5 (9)' } }] } }] },
        { responses: [] },
      ],
    });
    assert.equal(out.runs[0].error, 'failed to list *v1.Pod: etcd is down');
    assert.equal(out.runs[1].error, null);
    assert.deepEqual(out.requests.map((r) => [r.run, r.verb, r.resourceVersion]), [[0, 'list', '0'], [1, 'list', '0'], [1, 'watch', '5'], [2, 'list', '5']]);
  });
});

describe('reflector_test.go errors and 429s', () => {
  const tooMany = { code: 429, reason: 'TooManyRequests', message: 'too many requests', details: { retryAfterSeconds: 1 } };

  it('TestReflectorListAndWatchWithErrors: the store follows each line; list and watch errors come back as ListAndWatch’s error', () => {
    const p = (name: string, rv: string) => pod(name, rv);
    const lines: Array<{ list?: KubeObject[]; listRV?: string; listErr?: string; events?: Array<{ type: 'ADDED' | 'DELETED'; object: KubeObject }>; watchErr?: string }> = [
      { list: [], listRV: '1', events: [{ type: 'ADDED', object: p('foo', '2') }, { type: 'ADDED', object: p('bar', '3') }] },
      { list: [p('foo', '2'), p('bar', '3')], listRV: '3', events: [{ type: 'DELETED', object: p('foo', '4') }, { type: 'ADDED', object: p('qux', '5') }] },
      { listErr: 'a list error' },
      { list: [p('bar', '3'), p('qux', '5')], listRV: '5', watchErr: 'a watch error' },
      { list: [p('bar', '3'), p('qux', '5')], listRV: '5', events: [{ type: 'ADDED', object: p('baz', '6') }] },
      { list: [p('bar', '3'), p('qux', '5'), p('baz', '6')], listRV: '6' },
    ];
    const out = reflectorScenario({
      useWatchList: false,
      runs: lines.map((l) => ({
        responses: l.listErr
          ? [{ error: { message: l.listErr } }]
          : [{ list: { resourceVersion: l.listRV!, items: l.list! } }, l.watchErr ? { error: { message: l.watchErr } } : { watch: { events: l.events ?? [] } }],
      })),
    });
    lines.forEach((l, i) => {
      // "Test that the list is what currently exists in the store": before line i, the store holds line i's list.
      if (l.list && i > 0) assert.deepEqual(rvs(out.runs[i - 1].store), rvs(l.list), `before line ${i}`);
    });
    assert.deepEqual(out.runs.map((r) => r.error), [null, null, 'failed to list *v1.Pod: a list error', 'a watch error', null, null]);
  });

  it('TestBackoffOnTooManyRequests: a 429 on the watch request and a 429 ERROR event are retried after back-off, without relisting', () => {
    const out = reflectorScenario({
      useWatchList: false,
      runs: [{
        responses: [
          { list: { resourceVersion: '1', items: [] } },
          { error: tooMany },
          { watch: { events: [{ type: 'ERROR', object: { apiVersion: 'v1', kind: 'Status', status: 'Failure', ...tooMany } }], then: 'close' } },
          { watch: { events: [], then: 'close' } },
        ],
      }],
    });
    assert.deepEqual(out.requests.map((r) => r.verb), ['list', 'watch', 'watch', 'watch']);
    assert.equal(out.runs[0].error, null);
  });

  it('TestNoRelistOnTooManyRequests: four 429s, one list, five watches', () => {
    const out = reflectorScenario({
      useWatchList: false,
      runs: [{ responses: [{ list: { resourceVersion: '1', items: [] } }, { error: tooMany }, { error: tooMany }, { error: tooMany }, { error: tooMany }, { watch: { events: [], then: 'close' } }] }],
    });
    assert.equal(out.requests.filter((r) => r.verb === 'list').length, 1);
    assert.equal(out.requests.filter((r) => r.verb === 'watch').length, 5);
    assert.equal(out.runs[0].error, null);
  });

  it('TestRetryInternalError "retries off": a 500 ERROR event ends ListAndWatch without retrying the watch', () => {
    const internal = { code: 500, reason: 'InternalError', message: 'Internal error occurred: etcdserver: no leader' };
    const out = reflectorScenario({
      useWatchList: false,
      runs: [{ responses: [{ list: { resourceVersion: '1', items: [] } }, { watch: { events: [{ type: 'ERROR', object: { apiVersion: 'v1', kind: 'Status', status: 'Failure', ...internal } }] } }] }],
    });
    assert.equal(out.requests.filter((r) => r.verb === 'watch').length, 1);
    assert.equal(out.runs[0].error, null);
  });
});

// reflector_watchlist_test.go TestWatchList: "closes listWatcher after N events" is a watch whose events
// end there and whose context is then cancelled ('stop'); the store and the request options are compared.
describe('reflector_watchlist_test.go TestWatchList', () => {
  const watchListOpts = { resourceVersion: '', resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true, sendInitialEvents: true };
  const bookmark = (rv: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { resourceVersion: rv, annotations: { 'k8s.io/initial-events-end': 'true' } } });
  const strip = (out: ReturnType<typeof reflectorScenario>) => out.requests.map(({ timeoutSeconds, run, ...r }) => r);

  it('the reflector won’t be synced if the bookmark event has not been received', () => {
    const out = reflectorScenario({ useWatchList: true, runs: [{ responses: [{ watch: { events: [{ type: 'ADDED', object: pod('p1', '1') }] } }] }] });
    assert.deepEqual(strip(out), [{ verb: 'watch', ...watchListOpts }]);
    assert.deepEqual(out.runs[0].store, []);
  });

  it('the reflector uses the old LIST/WATCH semantics if the UseWatchList is turned off', () => {
    const out = reflectorScenario({ useWatchList: false, runs: [{ responses: [{ list: { resourceVersion: '1', items: [pod('p1', '1')] } }] }] });
    assert.deepEqual(strip(out), [{ verb: 'list', resourceVersion: '0', limit: 500 }, { verb: 'watch', resourceVersion: '1', allowWatchBookmarks: true }]);
    assert.deepEqual(rvs(out.runs[0].store), ['p1@1']);
  });

  for (const [name, error] of [
    ['returning any other error than apierrors.NewInvalid forces fallback', { message: 'dummy error' }],
    ['the reflector can fall back to old LIST/WATCH semantics when a server doesn’t support streaming', { code: 422, reason: 'Invalid', message: ' "" is invalid: streaming is not allowed' }],
  ] as const) {
    it(name, () => {
      const out = reflectorScenario({
        useWatchList: true,
        runs: [{ responses: [{ error }, { list: { resourceVersion: '1', items: [pod('p1', '1')] } }, { watch: { events: [{ type: 'ADDED', object: pod('p2', '2') }] } }] }],
      });
      assert.deepEqual(strip(out), [{ verb: 'watch', ...watchListOpts }, { verb: 'list', resourceVersion: '0', limit: 500 }, { verb: 'watch', resourceVersion: '1', allowWatchBookmarks: true }]);
      assert.deepEqual(rvs(out.runs[0].store), ['p1@1', 'p2@2']);
      assert.equal(out.runs[0].error, null);
    });
  }

  it('prove that the reflector is synced after receiving a bookmark event', () => {
    const out = reflectorScenario({
      useWatchList: true,
      runs: [{ responses: [{ watch: { events: [{ type: 'ADDED', object: pod('p1', '1') }, { type: 'ADDED', object: pod('p2', '2') }, { type: 'BOOKMARK', object: bookmark('2') }] } }] }],
    });
    assert.deepEqual(strip(out), [{ verb: 'watch', ...watchListOpts }]);
    assert.deepEqual(rvs(out.runs[0].store), ['p1@1', 'p2@2']);
    assert.equal(out.runs[0].lastSyncResourceVersion, '2');
  });

  it('check if Updates and Deletes events are propagated during streaming (until the bookmark is received)', () => {
    const out = reflectorScenario({
      useWatchList: true,
      runs: [{
        responses: [{
          watch: {
            events: [
              { type: 'ADDED', object: pod('p1', '1') },
              { type: 'ADDED', object: pod('p2', '2') },
              { type: 'MODIFIED', object: { ...pod('p1', '3'), spec: { activeDeadlineSeconds: 12 } } },
              { type: 'ADDED', object: pod('p3', '4') },
              { type: 'DELETED', object: pod('p3', '5') },
              { type: 'BOOKMARK', object: bookmark('5') },
            ],
          },
        }],
      }],
    });
    assert.deepEqual(rvs(out.runs[0].store), ['p1@3', 'p2@2']);
    assert.deepEqual(out.runs[0].store.find((o) => o.metadata.name === 'p1')?.spec, { activeDeadlineSeconds: 12 });
  });
});
