// The deployment controller and the ReplicaSet controller as actors on the shared
// Cluster, with a KWOK-like stand-in for the scheduler and kubelets: a Deployment's
// image change rolls out on the virtual clock within maxSurge and maxUnavailable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../apiserver/cluster.ts';
import type { Actor } from '../../apiserver/cluster.ts';
import { rolloutStatus } from '../../kubectl/rollout-status.ts';
import { replicaSetController } from '../replicaset/controller.ts';
import { deploymentController } from './controller.ts';
import type { ControllerEvent } from './scaler.ts';
import { standInKubelet } from '../testing/stand-in-kubelet.ts';

const BUDGET = { maxSteps: 200_000, maxVirtualTimeMs: 3_600_000, maxEvents: 20_000 };

interface PodLike {
  metadata?: { name?: string; namespace?: string; deletionTimestamp?: string };
  spec?: { nodeName?: string };
  status?: { phase?: string; conditions?: { type?: string; status?: string }[] };
}

const fakeNode = (startupMs: number, terminationMs = 0) => standInKubelet({ startupMs, terminationMs });

/** Watches Pods and remembers the fewest ready and the most existing (not terminating) Pods seen after any change. */
function podCounter(): Actor & { minReady: number; maxPods: number } {
  const counter = {
    name: 'pod-counter',
    minReady: Infinity,
    maxPods: 0,
    start(ctx: Parameters<Actor['start']>[0]) {
      ctx.watch('v1', 'Pod', () => {
        const pods = (ctx.api.list('v1', 'Pod', 'default').items ?? []) as PodLike[];
        const live = pods.filter((p) => !p.metadata?.deletionTimestamp);
        const ready = live.filter((p) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')).length;
        counter.maxPods = Math.max(counter.maxPods, live.length);
        if (ready > 0 || counter.minReady !== Infinity) counter.minReady = Math.min(counter.minReady, ready);
      });
    },
  };
  return counter;
}

const deployment = (image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 4,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
  },
});

function replicaSets(cluster: Cluster) {
  return ((cluster.api.list('apps/v1', 'ReplicaSet', 'default').items ?? []) as { metadata: { name: string; annotations: Record<string, string> }; spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } }[]).map((rs) => ({
    image: rs.spec.template.spec.containers[0].image,
    replicas: rs.spec.replicas,
    revision: rs.metadata.annotations['deployment.kubernetes.io/revision'],
    name: rs.metadata.name,
  }));
}

test('a new Deployment gets one ReplicaSet whose Pods become available; kubectl rollout status says it rolled out', () => {
  const cluster = new Cluster();
  cluster.add(deploymentController()).add(replicaSetController()).add(fakeNode(2_000));
  assert.equal(cluster.api.create(deployment('nginx:1.27')).code, 201);
  cluster.runUntilQuiet(BUDGET);
  const rss = replicaSets(cluster);
  assert.equal(rss.length, 1);
  assert.deepEqual({ image: rss[0].image, replicas: rss[0].replicas, revision: rss[0].revision }, { image: 'nginx:1.27', replicas: 4, revision: '1' });
  assert.match(rss[0].name, /^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
  const d = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!;
  assert.deepEqual(rolloutStatus(d as never), { message: 'deployment "web" successfully rolled out\n', done: true });
  const conditions = ((d.status as { conditions: { type: string; reason: string }[] }).conditions ?? []).map((c) => `${c.type}=${c.reason}`);
  assert.deepEqual(conditions.sort(), ['Available=MinimumReplicasAvailable', 'Progressing=NewReplicaSetAvailable']);
});

test('an image change rolls out one Pod at a time with maxSurge 1 and maxUnavailable 0: never more than 5 Pods, never fewer than 4 ready', () => {
  const cluster = new Cluster();
  const events: { message: string; atMs: number }[] = [];
  const onEvent = (e: ControllerEvent, atMs: number) => events.push({ message: e.message, atMs });
  const counter = podCounter();
  cluster.add(deploymentController({ onEvent })).add(replicaSetController()).add(fakeNode(2_000));
  cluster.api.create(deployment('nginx:1.27'));
  cluster.runUntilQuiet(BUDGET);
  cluster.add(counter);
  cluster.runUntilQuiet(BUDGET);

  const current = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!;
  const updated = JSON.parse(JSON.stringify(current));
  updated.spec.template.spec.containers[0].image = 'nginx:1.28';
  assert.equal(cluster.api.update(updated).code, 200);
  const started = cluster.clock.now();
  const stop = cluster.runUntilQuiet(BUDGET);
  assert.equal(stop.reason, 'quiet');

  const rss = replicaSets(cluster).sort((a, b) => Number(a.revision) - Number(b.revision));
  assert.deepEqual(rss.map(({ image, replicas, revision }) => ({ image, replicas, revision })), [
    { image: 'nginx:1.27', replicas: 0, revision: '1' },
    { image: 'nginx:1.28', replicas: 4, revision: '2' },
  ]);
  assert.equal(counter.maxPods, 5, 'maxSurge 1: at most 4 + 1 Pods');
  assert.equal(counter.minReady, 4, 'maxUnavailable 0: never fewer than 4 ready');
  // The controller alternates: one up on the new ReplicaSet, one down on the old, each after the new Pod is ready.
  const [oldName, newName] = [rss[0].name, rss[1].name];
  const rollout = events.filter((e) => e.atMs >= started).map((e) => e.message);
  assert.deepEqual(rollout, [
    `Scaled up replica set ${newName} from 0 to 1`,
    `Scaled down replica set ${oldName} from 4 to 3`,
    `Scaled up replica set ${newName} from 1 to 2`,
    `Scaled down replica set ${oldName} from 3 to 2`,
    `Scaled up replica set ${newName} from 2 to 3`,
    `Scaled down replica set ${oldName} from 2 to 1`,
    `Scaled up replica set ${newName} from 3 to 4`,
    `Scaled down replica set ${oldName} from 1 to 0`,
  ]);
  const d = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!;
  assert.equal((d.metadata as { annotations: Record<string, string> }).annotations['deployment.kubernetes.io/revision'], '2');
  assert.deepEqual(rolloutStatus(d as never, 2), { message: 'deployment "web" successfully rolled out\n', done: true });
  // Four Pods each needed 2 s to become ready, one after the other.
  assert.ok(cluster.clock.now() - started >= 8_000, `the rollout took ${cluster.clock.now() - started} ms`);
});

test('rolling back to the old template reuses the old ReplicaSet under the next revision', () => {
  const cluster = new Cluster();
  cluster.add(deploymentController()).add(replicaSetController()).add(fakeNode(1_000));
  cluster.api.create(deployment('nginx:1.27'));
  cluster.runUntilQuiet(BUDGET);
  const change = (image: string) => {
    const d = JSON.parse(JSON.stringify(cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })));
    d.spec.template.spec.containers[0].image = image;
    assert.equal(cluster.api.update(d).code, 200);
    cluster.runUntilQuiet(BUDGET);
  };
  change('nginx:1.28');
  change('nginx:1.27'); // what `kubectl rollout undo` does: put the previous template back
  const rss = replicaSets(cluster).sort((a, b) => Number(a.revision) - Number(b.revision));
  assert.deepEqual(rss.map(({ image, replicas, revision }) => ({ image, replicas, revision })), [
    { image: 'nginx:1.28', replicas: 0, revision: '2' },
    { image: 'nginx:1.27', replicas: 4, revision: '3' },
  ]);
});

test('a new ReplicaSet whose Pods never become ready stalls the rollout within maxUnavailable, and the progress deadline is reported', () => {
  const cluster = new Cluster();
  cluster.add(deploymentController()).add(replicaSetController()).add(fakeNode(1_000));
  const d0 = deployment('nginx:1.27');
  (d0.spec as Record<string, unknown>).progressDeadlineSeconds = 60;
  cluster.api.create(d0);
  cluster.runUntilQuiet(BUDGET);
  // A second "node" that never starts the new Pods: stop the fake kubelet by swapping the image to one it refuses.
  cluster.stop();
  const stalled = new Cluster({ api: cluster.api });
  stalled.add(deploymentController()).add(replicaSetController()).add({ name: 'kubelet-that-never-starts-pods', start() {} });
  const d = JSON.parse(JSON.stringify(cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })));
  d.spec.template.spec.containers[0].image = 'nginx:broken';
  cluster.api.update(d);
  stalled.runUntil(cluster.clock.now() + 120_000, BUDGET);
  const rss = replicaSets(stalled).sort((a, b) => Number(a.revision) - Number(b.revision));
  assert.deepEqual(rss.map(({ replicas }) => replicas), [4, 1], 'one surge Pod, no old Pod removed');
  const after = stalled.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!;
  assert.throws(() => rolloutStatus(after as never), { message: 'deployment "web" exceeded its progress deadline' });
});

test('Recreate: the old Pods are all gone before the first new one is created', () => {
  const cluster = new Cluster();
  const events: string[] = [];
  cluster.add(deploymentController({ onEvent: (e) => events.push(e.message) })).add(replicaSetController()).add(fakeNode(1_000));
  const d0 = deployment('nginx:1.27') as { spec: Record<string, unknown> };
  d0.spec.strategy = { type: 'Recreate' };
  cluster.api.create(d0);
  cluster.runUntilQuiet(BUDGET);
  let overlap = false;
  cluster.add({
    name: 'overlap-watch',
    start(ctx) {
      ctx.watch('v1', 'Pod', () => {
        const images = new Set(((ctx.api.list('v1', 'Pod', 'default').items ?? []) as { spec: { containers: { image: string }[] } }[]).map((p) => p.spec.containers[0].image));
        if (images.size > 1) overlap = true;
      });
    },
  });
  cluster.runUntilQuiet(BUDGET);
  const d = JSON.parse(JSON.stringify(cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })));
  d.spec.template.spec.containers[0].image = 'nginx:1.28';
  const before = events.length;
  cluster.api.update(d);
  cluster.runUntilQuiet(BUDGET);
  const rss = replicaSets(cluster).sort((a, b) => Number(a.revision) - Number(b.revision));
  assert.deepEqual(rss.map(({ image, replicas }) => ({ image, replicas })), [
    { image: 'nginx:1.27', replicas: 0 },
    { image: 'nginx:1.28', replicas: 4 },
  ]);
  assert.equal(overlap, false, 'old and new Pods never ran together');
  assert.deepEqual(events.slice(before), [`Scaled down replica set ${rss[0].name} from 4 to 0`, `Scaled up replica set ${rss[1].name} from 0 to 4`]);
});

test('scaling a Deployment in the middle of a rollout shares the new size between the old and the new ReplicaSet', () => {
  const cluster = new Cluster();
  cluster.add(deploymentController()).add(replicaSetController()).add(fakeNode(10_000));
  const d0 = deployment('nginx:1.27') as { spec: Record<string, unknown> };
  d0.spec.replicas = 10;
  d0.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
  cluster.api.create(d0);
  cluster.runUntilQuiet(BUDGET);
  const d = JSON.parse(JSON.stringify(cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })));
  d.spec.template.spec.containers[0].image = 'nginx:1.28';
  cluster.api.update(d);
  // New RS up by maxSurge to 3 (13 Pods), old down to 8 (minAvailable 8), new up to 5 again (13); its Pods take 10 s to start.
  cluster.runUntil(cluster.clock.now() + 1_000, BUDGET);
  const mid = replicaSets(cluster).sort((a, b) => Number(a.revision) - Number(b.revision));
  assert.deepEqual(mid.map((r) => r.replicas), [8, 5]);
  const scaled = JSON.parse(JSON.stringify(cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })));
  scaled.spec.replicas = 20;
  cluster.api.update(scaled);
  cluster.runUntil(cluster.clock.now() + 1, BUDGET);
  // scale(): 23 allowed − 13 existing = 10 more, by each ReplicaSet's share of the old maximum (13): 8 → 14, 5 → 9.
  const after = replicaSets(cluster).sort((a, b) => Number(a.revision) - Number(b.revision));
  assert.deepEqual(after.map((r) => r.replicas), [14, 9]);
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(replicaSets(cluster).sort((a, b) => Number(a.revision) - Number(b.revision)).map((r) => r.replicas), [0, 20]);
});

test('Pods that take time to terminate show in status.terminatingReplicas of the old ReplicaSet and the Deployment, then drop to 0', () => {
  const cluster = new Cluster();
  cluster.add(deploymentController()).add(replicaSetController()).add(fakeNode(2_000, 30_000));
  cluster.api.create(deployment('nginx:1.27'));
  cluster.runUntilQuiet(BUDGET);
  const seen: number[] = [];
  cluster.add({
    name: 'status-watcher',
    start(ctx) {
      ctx.watch('apps/v1', 'Deployment', (e) => seen.push(((e.object.status as { terminatingReplicas?: number } | undefined)?.terminatingReplicas) ?? -1));
    },
  });
  const current = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!;
  const updated = JSON.parse(JSON.stringify(current));
  updated.spec.template.spec.containers[0].image = 'nginx:1.28';
  cluster.api.update(updated);
  cluster.runUntilQuiet(BUDGET);
  assert.ok(Math.max(...seen) >= 1, `terminatingReplicas seen: ${seen.join(', ')}`);
  const d = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!;
  assert.equal((d.status as { terminatingReplicas?: number }).terminatingReplicas, 0);
  for (const rs of cluster.api.list('apps/v1', 'ReplicaSet', 'default').items ?? []) {
    assert.equal((rs.status as { terminatingReplicas?: number }).terminatingReplicas, 0, 'every ReplicaSet reports 0 once its Pods are gone');
  }
});
