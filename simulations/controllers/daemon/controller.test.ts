// The DaemonSet controller as an actor on the shared Cluster, with a stand-in
// scheduler + kubelet that binds each daemon Pod to the node its affinity names
// and marks it Ready one second later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../apiserver/cluster.ts';
import type { Actor } from '../../apiserver/cluster.ts';
import { daemonSetController, targetNodeName } from './controller.ts';
import { standInKubelet } from '../testing/stand-in-kubelet.ts';

const BUDGET = { maxSteps: 100_000, maxVirtualTimeMs: 3_600_000, maxEvents: 10_000 };

const bindAndRun = () => standInKubelet({ startupMs: 1_000, nodeFor: (pod) => targetNodeName(pod as never) });

const node = (name: string, extra: object = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: { ...extra }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } });

const daemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'log-agent', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'log-agent' } }, template: { metadata: { labels: { app: 'log-agent' } }, spec: { containers: [{ name: 'agent', image: 'fluent-bit' }] } } },
};

const podsByNode = (cluster: Cluster) =>
  ((cluster.api.list('v1', 'Pod', 'default').items ?? []) as { spec?: { nodeName?: string; tolerations?: { key?: string; effect?: string }[] } }[]).map((p) => p.spec?.nodeName ?? '').sort();
const status = (cluster: Cluster) => cluster.api.peek({ apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'default', name: 'log-agent' })!.status as Record<string, number>;

test('one daemon Pod per schedulable node; a NoSchedule taint keeps the DaemonSet off a node', () => {
  const cluster = new Cluster();
  cluster.add(daemonSetController()).add(bindAndRun());
  cluster.api.create(node('node-1'));
  cluster.api.create(node('node-2'));
  cluster.api.create(node('gpu-1', { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }));
  cluster.api.create(daemonSet);
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(podsByNode(cluster), ['node-1', 'node-2']);
  const s = status(cluster);
  assert.deepEqual(
    { desired: s.desiredNumberScheduled, current: s.currentNumberScheduled, ready: s.numberReady, available: s.numberAvailable, updated: s.updatedNumberScheduled, misscheduled: s.numberMisscheduled },
    { desired: 2, current: 2, ready: 2, available: 2, updated: 2, misscheduled: 0 },
  );
});

test('daemon Pods get the default tolerations, so node.kubernetes.io/unschedulable does not keep them off a cordoned node', () => {
  const cluster = new Cluster();
  cluster.add(daemonSetController()).add(bindAndRun());
  cluster.api.create(node('node-1', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }));
  cluster.api.create(daemonSet);
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(podsByNode(cluster), ['node-1']);
  const pod = (cluster.api.list('v1', 'Pod', 'default').items ?? [])[0] as { spec: { tolerations: { key: string; effect: string }[] } };
  assert.ok(pod.spec.tolerations.some((t) => t.key === 'node.kubernetes.io/unschedulable' && t.effect === 'NoSchedule'));
  assert.ok(pod.spec.tolerations.some((t) => t.key === 'node.kubernetes.io/not-ready' && t.effect === 'NoExecute'));
});

test('a node added later gets a daemon Pod; a NoExecute taint added to a node deletes its daemon Pod', () => {
  const cluster = new Cluster();
  cluster.add(daemonSetController()).add(bindAndRun());
  cluster.api.create(node('node-1'));
  cluster.api.create(daemonSet);
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(podsByNode(cluster), ['node-1']);

  cluster.api.create(node('node-2'));
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(podsByNode(cluster), ['node-1', 'node-2']);

  const n1 = cluster.api.peek({ apiVersion: 'v1', kind: 'Node', name: 'node-1' })!;
  cluster.api.update({ ...n1, spec: { taints: [{ key: 'maintenance', value: 'true', effect: 'NoExecute' }] } });
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(podsByNode(cluster), ['node-2'], 'a NoExecute taint the Pod does not tolerate: shouldContinueRunning is false');
  assert.equal(status(cluster).desiredNumberScheduled, 1);
});

test('with updateStrategy OnDelete, a changed template shows in updatedNumberScheduled and reaches a node only when its Pod is deleted', () => {
  const cluster = new Cluster();
  cluster.add(daemonSetController()).add(bindAndRun());
  cluster.api.create(node('node-1'));
  cluster.api.create(node('node-2'));
  cluster.api.create({ ...daemonSet, spec: { ...daemonSet.spec, updateStrategy: { type: 'OnDelete' } } });
  cluster.runUntilQuiet(BUDGET);
  const ds = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'default', name: 'log-agent' })!;
  const spec = JSON.parse(JSON.stringify(ds.spec)) as { template: { spec: { containers: { image: string }[] } } };
  spec.template.spec.containers[0].image = 'fluent-bit:v2';
  // Upstream's DaemonSet strategy (PrepareForUpdate) bumps the template generation itself; the simulated
  // API server only validates it, so the test bumps the apps/v1 annotation the way that strategy would.
  const metadata = ds.metadata as { annotations?: Record<string, string> };
  const annotations = { ...(metadata.annotations ?? {}), 'deprecated.daemonset.template.generation': String(Number(metadata.annotations?.['deprecated.daemonset.template.generation'] ?? '0') + 1) };
  const updated = cluster.api.update({ ...ds, metadata: { ...metadata, annotations }, spec });
  assert.equal(updated.code, 200, updated.message);
  cluster.runUntilQuiet(BUDGET);
  assert.equal(status(cluster).updatedNumberScheduled, 0);
  const first = (cluster.api.list('v1', 'Pod', 'default').items ?? [])[0] as { metadata: { name: string } };
  cluster.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: first.metadata.name });
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(podsByNode(cluster), ['node-1', 'node-2']);
  assert.equal(status(cluster).updatedNumberScheduled, 1);
});

/** Changes the DaemonSet's image, bumping the template generation the way upstream's strategy would (see above). */
function changeImage(cluster: Cluster, image: string): void {
  const ds = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'default', name: 'log-agent' })!;
  const spec = JSON.parse(JSON.stringify(ds.spec)) as { template: { spec: { containers: { image: string }[] } } };
  spec.template.spec.containers[0].image = image;
  const metadata = ds.metadata as { annotations?: Record<string, string> };
  const generation = Number(metadata.annotations?.['deprecated.daemonset.template.generation'] ?? '0') + 1;
  const updated = cluster.api.update({ ...ds, metadata: { ...metadata, annotations: { ...(metadata.annotations ?? {}), 'deprecated.daemonset.template.generation': String(generation) } }, spec });
  assert.equal(updated.code, 200, updated.message);
}

/** The fewest Ready daemon Pods (not being deleted) seen after any Pod change. */
function readyFloor(): Actor & { min: number } {
  const watcher = {
    name: 'ready-floor',
    min: Infinity,
    start(ctx: Parameters<Actor['start']>[0]) {
      ctx.watch('v1', 'Pod', () => {
        const pods = (ctx.api.list('v1', 'Pod', 'default').items ?? []) as { metadata?: { deletionTimestamp?: string }; status?: { conditions?: { type: string; status: string }[] } }[];
        const ready = pods.filter((p) => !p.metadata?.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')).length;
        watcher.min = Math.min(watcher.min, ready);
      });
    },
  };
  return watcher;
}

for (const [maxUnavailable, floor] of [[1, 3], [2, 2]] as const) {
  test(`RollingUpdate with maxUnavailable ${maxUnavailable} replaces the 4 daemon Pods with never fewer than ${floor} ready`, () => {
    const cluster = new Cluster();
    cluster.add(daemonSetController()).add(bindAndRun());
    for (const n of ['node-1', 'node-2', 'node-3', 'node-4']) cluster.api.create(node(n));
    cluster.api.create({ ...daemonSet, spec: { ...daemonSet.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable } } } });
    cluster.runUntilQuiet(BUDGET);
    const before = new Set(((cluster.api.list('v1', 'Pod', 'default').items ?? []) as { metadata: { name: string } }[]).map((p) => p.metadata.name));
    const floorWatcher = readyFloor();
    cluster.add(floorWatcher);
    const started = cluster.clock.now();
    changeImage(cluster, 'fluent-bit:v2');
    cluster.runUntilQuiet(BUDGET);
    const pods = (cluster.api.list('v1', 'Pod', 'default').items ?? []) as { metadata: { name: string }; spec: { nodeName: string; containers: { image: string }[] } }[];
    assert.deepEqual(pods.map((p) => p.spec.nodeName).sort(), ['node-1', 'node-2', 'node-3', 'node-4']);
    assert.ok(pods.every((p) => p.spec.containers[0].image === 'fluent-bit:v2' && !before.has(p.metadata.name)), 'every node runs a new Pod');
    assert.equal(status(cluster).updatedNumberScheduled, 4);
    assert.equal(floorWatcher.min, floor, `maxUnavailable ${maxUnavailable}: at most ${maxUnavailable} node(s) without a ready daemon Pod`);
    // Each batch waits for its new Pods to become ready (1 s) before the next one goes.
    assert.equal(cluster.clock.now() - started, (4 / maxUnavailable) * 1_000);
  });
}

test('RollingUpdate with maxSurge 1 and maxUnavailable 0 starts each new Pod next to the old one: never fewer than 4 ready, never more than 5 Pods', () => {
  const cluster = new Cluster();
  cluster.add(daemonSetController()).add(bindAndRun());
  for (const n of ['node-1', 'node-2', 'node-3', 'node-4']) cluster.api.create(node(n));
  cluster.api.create({ ...daemonSet, spec: { ...daemonSet.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } } });
  cluster.runUntilQuiet(BUDGET);
  const floorWatcher = readyFloor();
  let maxPods = 0;
  cluster.add(floorWatcher).add({
    name: 'pod-ceiling',
    start(ctx) {
      ctx.watch('v1', 'Pod', () => {
        const live = ((ctx.api.list('v1', 'Pod', 'default').items ?? []) as { metadata?: { deletionTimestamp?: string } }[]).filter((p) => !p.metadata?.deletionTimestamp);
        maxPods = Math.max(maxPods, live.length);
      });
    },
  });
  const started = cluster.clock.now();
  changeImage(cluster, 'fluent-bit:v2');
  cluster.runUntilQuiet(BUDGET);
  const pods = (cluster.api.list('v1', 'Pod', 'default').items ?? []) as { spec: { nodeName: string; containers: { image: string }[] } }[];
  assert.deepEqual(pods.map((p) => p.spec.nodeName).sort(), ['node-1', 'node-2', 'node-3', 'node-4']);
  assert.ok(pods.every((p) => p.spec.containers[0].image === 'fluent-bit:v2'));
  assert.equal(floorWatcher.min, 4, 'maxUnavailable 0: every node keeps a ready daemon Pod');
  assert.equal(maxPods, 5, 'maxSurge 1: one extra Pod at a time');
  assert.equal(cluster.clock.now() - started, 4_000, 'one node at a time, 1 s each for the new Pod to become ready');
  assert.equal(status(cluster).updatedNumberScheduled, 4);
});
