// Watch ordering across kinds: the store has one revision counter, every
// write takes the next one, and watches deliver each write once, in revision
// order; a DELETED event carries the revision of the deletion.
//
// Upstream (k8s.io/apiserver v0.36.3):
//   pkg/storage/testing/watcher_tests.go RunTestWatchDeleteEventObjectHaveLatestRV
//     ("ResourceVersion didn't changed on deletion"; the DELETED event carries the deleted object)
//   pkg/storage/testing/store_tests.go RunTestUnconditionalDelete ("We expect the resource version of the
//     returned object to be updated compared to the last existing object"), RunTestConsistentList
//     (a list reports the newest revision, whatever key was written)
//   pkg/storage/cacher/watch_cache_test.go TestEvents (events come back in resourceVersion order)
//   pkg/registry/generic/registry/store.go Delete (a graceful or finalizer update is written before the delete)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiServerScenario } from '../../../simulations/apiserver/public-api.ts';
import type { Op, Result, WatchEvent } from '../../../simulations/apiserver/public-api.ts';

type Json = Record<string, unknown>;
const CM = { apiVersion: 'v1', kind: 'ConfigMap' };
const POD = { apiVersion: 'v1', kind: 'Pod' };
const DEPLOY = { apiVersion: 'apps/v1', kind: 'Deployment' };
const NS = { apiVersion: 'v1', kind: 'Namespace' };

const configMap = (name: string, namespace = 'default'): Json => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { key: 'value' } });
const deployment = (replicas: number, resourceVersion?: string): Json => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', ...(resourceVersion ? { resourceVersion } : {}) },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
});
const scheduledPod: Json = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'nginx:1.27' }] } };

const OPS: Op[] = [
  { op: 'list', ...CM }, // 0: the revision before the writes
  { op: 'create', object: configMap('a') }, // 1  ADDED ConfigMap default/a
  { op: 'create', object: deployment(1) }, // 2  ADDED Deployment default/web
  { op: 'create', object: scheduledPod }, // 3  ADDED Pod default/p
  { op: 'patch', ...CM, namespace: 'default', name: 'a', patch: { data: { key: 'changed' } } }, // 4  MODIFIED ConfigMap default/a
  { op: 'update', object: deployment(2, '{{2.object.metadata.resourceVersion}}') }, // 5  MODIFIED Deployment default/web
  { op: 'delete', ...POD, namespace: 'default', name: 'p' }, // 6  MODIFIED Pod default/p (graceful: deletionTimestamp)
  { op: 'create', object: configMap('b', 'kube-system') }, // 7  ADDED ConfigMap kube-system/b
  { op: 'delete', ...CM, namespace: 'default', name: 'a' }, // 8  DELETED ConfigMap default/a
  { op: 'list', ...CM }, // 9
  { op: 'delete', ...POD, namespace: 'default', name: 'p', gracePeriodSeconds: 0 }, // 10 MODIFIED then DELETED Pod default/p
  { op: 'list', ...POD }, // 11
  { op: 'create', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } } }, // 12 ADDED Namespace x
  { op: 'delete', ...DEPLOY, namespace: 'default', name: 'web' }, // 13 DELETED Deployment default/web
  { op: 'list', ...DEPLOY }, // 14
  { op: 'watch', ...CM, resourceVersion: '{{0.resourceVersion}}' }, // 15
  { op: 'watch', ...POD, resourceVersion: '{{0.resourceVersion}}' }, // 16
  { op: 'watch', ...DEPLOY, resourceVersion: '{{0.resourceVersion}}' }, // 17
  { op: 'watch', ...NS, resourceVersion: '{{0.resourceVersion}}' }, // 18
];

/** Every write above, in the order it was made. */
const WRITES = [
  'ADDED ConfigMap default/a',
  'ADDED Deployment default/web',
  'ADDED Pod default/p',
  'MODIFIED ConfigMap default/a',
  'MODIFIED Deployment default/web',
  'MODIFIED Pod default/p',
  'ADDED ConfigMap kube-system/b',
  'DELETED ConfigMap default/a',
  'MODIFIED Pod default/p',
  'DELETED Pod default/p',
  'ADDED Namespace x',
  'DELETED Deployment default/web',
];

const at = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((cur, part) => (cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined), root);
const rvOf = (e: WatchEvent): number => Number(at(e.object, 'metadata.resourceVersion'));
const describe = (e: WatchEvent): string => {
  const ns = at(e.object, 'metadata.namespace');
  return `${e.type} ${String(at(e.object, 'kind'))} ${ns ? `${String(ns)}/` : ''}${String(at(e.object, 'metadata.name'))}`;
};

function results(): Result[] {
  const r = apiServerScenario(OPS);
  r.forEach((x, i) => assert.ok(x.code < 300, `op ${i} failed: ${x.code} ${x.message ?? ''}`));
  return r;
}

test('k8s.io/apiserver pkg/storage/testing/store_tests.go RunTestConsistentList: every write\'s resourceVersion is newer than the previous write\'s, across kinds and namespaces', () => {
  const r = results();
  const written = [1, 2, 3, 4, 5, 6, 7, 10, 12].map((i) => Number(at(r[i], 'object.metadata.resourceVersion')));
  for (let i = 1; i < written.length; i++) assert.ok(written[i] > written[i - 1], `write ${i}: ${written[i]} after ${written[i - 1]}`);
  assert.ok(written[0] > Number(r[0].resourceVersion));
});

test('k8s.io/apiserver pkg/storage/cacher/watch_cache_test.go TestEvents: each watch delivers its kind\'s events in resourceVersion order; together they see every write once, in the order written', () => {
  const r = results();
  const all: WatchEvent[] = [];
  for (const i of [15, 16, 17, 18]) {
    const evs = r[i].events ?? [];
    for (let j = 1; j < evs.length; j++) assert.ok(rvOf(evs[j]) > rvOf(evs[j - 1]), `watch ${i}: event ${j} out of order`);
    all.push(...evs);
  }
  all.sort((a, b) => rvOf(a) - rvOf(b));
  assert.deepEqual(all.map(describe), WRITES);
  const rvs = all.map(rvOf);
  assert.equal(new Set(rvs).size, rvs.length, 'no two writes share a resourceVersion');
  assert.ok(rvs[0] > Number(r[0].resourceVersion));
  assert.equal(rvs[rvs.length - 1], Number(r[14].resourceVersion), 'the last write is the store revision');
});

test('k8s.io/apiserver pkg/storage/testing/watcher_tests.go RunTestWatchDeleteEventObjectHaveLatestRV; store_tests.go RunTestUnconditionalDelete: DELETED carries the deletion\'s resourceVersion', () => {
  const r = results();
  const deleted = (watchIndex: number, name: string): WatchEvent => {
    const e = (r[watchIndex].events ?? []).find((ev) => ev.type === 'DELETED' && at(ev.object, 'metadata.name') === name);
    assert.ok(e, `no DELETED ${name}`);
    return e;
  };
  // The deletion is the newest write when the list right after it runs.
  const cm = deleted(15, 'a');
  assert.equal(String(at(cm.object, 'metadata.resourceVersion')), r[9].resourceVersion);
  assert.ok(rvOf(cm) > Number(at(r[4], 'object.metadata.resourceVersion')), 'newer than the last state before the delete');
  assert.equal(at(cm.object, 'metadata.uid'), at(r[1], 'object.metadata.uid'));
  assert.deepEqual(at(cm.object, 'data'), { key: 'changed' }, 'the object as it was last stored');

  const p = deleted(16, 'p');
  assert.equal(String(at(p.object, 'metadata.resourceVersion')), r[11].resourceVersion);
  // Pods return the deleted object: it carries the deletion's resourceVersion too.
  assert.equal(at(r[10], 'object.metadata.resourceVersion'), r[11].resourceVersion);
  assert.equal(at(p.object, 'metadata.deletionGracePeriodSeconds'), 0);

  const d = deleted(17, 'web');
  assert.equal(String(at(d.object, 'metadata.resourceVersion')), r[14].resourceVersion);
  assert.equal(at(d.object, 'spec.replicas'), 2);
});
