import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../shared/yaml.ts';
import { expandWorkload, safeEncode } from './workloads.ts';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
const workload = (kind: string, replicas: number, labels = { app: 'web' }): JsonObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'web' },
  spec: { replicas, selector: { matchLabels: labels }, template },
});

test('a Deployment becomes Pods named <deployment>-<pod-template-hash>-<5 characters>, owned by its ReplicaSet', () => {
  const { pods, selectors } = expandWorkload(workload('Deployment', 3));
  assert.equal(pods.length, 3);
  const names = pods.map((p) => (p.pod.metadata as JsonObject).name as string);
  for (const n of names) assert.match(n, /^web-[bcdfghjklmnpqrstvwxz2456789]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.equal(new Set(names).size, 3);
  const meta = pods[0].pod.metadata as JsonObject;
  const hash = (meta.labels as Record<string, string>)['pod-template-hash'];
  assert.equal((meta.ownerReferences as JsonObject[])[0].name, `web-${hash}`);
  assert.equal(selectors[0].kind, 'ReplicaSet');
  assert.equal(selectors[0].selector.toString(), `app=web,pod-template-hash=${hash}`);
  // Deterministic: the same manifest gives the same names.
  assert.deepEqual(expandWorkload(workload('Deployment', 3)).pods.map((p) => (p.pod.metadata as JsonObject).name), names);
});

test('a StatefulSet becomes Pods <name>-0, <name>-1, ... with the pod-name and pod-index labels', () => {
  const { pods } = expandWorkload(workload('StatefulSet', 2));
  assert.deepEqual(pods.map((p) => (p.pod.metadata as JsonObject).name), ['web-0', 'web-1']);
  assert.deepEqual((pods[1].pod.metadata as JsonObject).labels, { app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
});

// A selector that does not select the template is the API server's to refuse (schema.test.ts), before any expansion.

test('a stored ReplicaSet owns its Pods by its uid; every generated name is in the alphabet (rand.String), however many replicas', () => {
  const rs = workload('ReplicaSet', 200);
  (rs.metadata as JsonObject).uid = '6a1f0e2c-0000-4000-8000-000000000001';
  const { pods } = expandWorkload(rs);
  assert.equal(((pods[0].pod.metadata as JsonObject).ownerReferences as JsonObject[])[0].uid, '6a1f0e2c-0000-4000-8000-000000000001');
  for (const p of pods) assert.match((p.pod.metadata as JsonObject).name as string, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('a large ReplicaSet gets a distinct name for every Pod: a generated name that is taken is drawn again (RetryGenerateName)', () => {
  // 20,000 names of 5 characters from 27 collide by the birthday bound (about 14 pairs expected).
  const names = expandWorkload(workload('ReplicaSet', 20000)).pods.map((p) => (p.pod.metadata as JsonObject).name);
  assert.equal(new Set(names).size, 20000);
});

test('safeEncode maps each character into the alphabet without vowels (rand.SafeEncodeString)', () => {
  assert.match(safeEncode('1234567890'), /^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
});
