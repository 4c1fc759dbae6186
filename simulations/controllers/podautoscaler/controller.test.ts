// The HPA controller with the deployment and ReplicaSet controllers and a
// stand-in kubelet, on the virtual clock: a load shared by the Pods scales the
// Deployment up within the scale-up limit, and down only after the 5-minute
// downscale stabilization window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../apiserver/cluster.ts';
import { rfc3339 } from '../../apimachinery/time.ts';
import { deploymentController } from '../deployment/controller.ts';
import { replicaSetController } from '../replicaset/controller.ts';
import { hpaController } from './controller.ts';
import type { HpaPod } from './replica-calculator.ts';
import { standInKubelet } from '../testing/stand-in-kubelet.ts';

const BUDGET = { maxSteps: 500_000, maxVirtualTimeMs: 4 * 3_600_000, maxEvents: 50_000 };
const S = 1000;

const kubelet = () => standInKubelet({ startupMs: 2 * S });

const isReady = (p: HpaPod) => p.status?.phase === 'Running' && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

function setup(loadMillicores: { value: number }) {
  const cluster = new Cluster();
  const scales: { atS: number; replicas: number }[] = [];
  const start = cluster.clock.now();
  cluster
    .add(deploymentController())
    .add(replicaSetController())
    .add(kubelet())
    .add(
      hpaController({
        // metrics-server: the load shared evenly by the ready Pods, sampled now over the last minute.
        metrics: (pods, nowMs) => {
          const ready = pods.filter(isReady);
          return ready.map((p) => ({ metadata: { name: (p.metadata as { name: string }).name, namespace: 'default' }, timestamp: rfc3339(nowMs), window: '1m0s', containers: [{ name: 'app', usage: { cpu: `${Math.round(loadMillicores.value / ready.length)}m` } }] }));
        },
        onSync: (_key, result, atMs) => {
          if (result.rescale) scales.push({ atS: (atMs - cluster.clock.epochMs - start) / S, replicas: result.desiredReplicas });
        },
      }),
    );
  cluster.api.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '500m' } } }] } } },
  });
  cluster.api.create({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
  });
  return { cluster, scales, start };
}

const replicas = (cluster: Cluster) => (cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!.spec as { replicas: number }).replicas;

test('2000m of load at a 50 % target of 500m requests: 2 → 4 (scale-up limit max(2 × 2, 4)) → 8 Pods, then steady', () => {
  const load = { value: 2000 };
  const { cluster, scales, start } = setup(load);
  cluster.runUntil(start + 10 * 60 * S, BUDGET);
  assert.equal(replicas(cluster), 8);
  // 15–60 s: no usable sample yet (a Pod's first minute after turning Ready is ignored for CPU).
  // 75 s: 2 Pods at 200 % propose 8, limited to max(2 × 2, 4) = 4. 90 s: the 2 new Pods are still in
  // their first minute, so the calculator proposes to stay at 4, but the stabilization window still
  // holds the 8 of 75 s (the highest recommendation of the last 5 minutes wins), and 8 ≤ 2 × 4.
  assert.deepEqual(scales, [{ atS: 75, replicas: 4 }, { atS: 90, replicas: 8 }]);
  const hpa = cluster.api.peek({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', namespace: 'default', name: 'web' })!;
  const status = hpa.status as { currentReplicas: number; desiredReplicas: number; lastScaleTime: string; conditions: { type: string; reason: string }[] };
  assert.deepEqual({ current: status.currentReplicas, desired: status.desiredReplicas }, { current: 8, desired: 8 });
  assert.ok(status.conditions.some((c) => c.type === 'ScalingActive' && c.reason === 'ValidMetricFound'));
  assert.ok(status.lastScaleTime);
});

test('when the load drops, the scale-down waits out the 5-minute stabilization window', () => {
  const load = { value: 2000 };
  const { cluster, scales, start } = setup(load);
  cluster.runUntil(start + 10 * 60 * S, BUDGET);
  assert.equal(replicas(cluster), 8);
  load.value = 500; // 500m over 250m per Pod at target: 2 Pods
  const dropAtS = 10 * 60;
  cluster.runUntil(start + 20 * 60 * S, BUDGET);
  assert.equal(replicas(cluster), 2);
  const down = scales.filter((s) => s.atS > dropAtS);
  assert.equal(down.length, 1, `one scale-down: ${JSON.stringify(down)}`);
  assert.ok(down[0].atS - dropAtS >= 300, `the scale-down came ${down[0].atS - dropAtS} s after the drop, within the 300 s window`);
  assert.ok(down[0].atS - dropAtS <= 300 + 15, 'and within one sync period after it');
});
