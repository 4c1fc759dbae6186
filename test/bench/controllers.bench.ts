// controllers (issue 17): an HPA sync over 1,000 Pods' metrics (the replica
// calculator, then stabilization and the behavior's rate limits), and a
// 1,000-replica Deployment rolling out an image change (maxSurge 25 %,
// maxUnavailable 0) with the deployment and ReplicaSet controllers as actors
// and a KWOK-like stand-in for the scheduler and kubelets on 100 nodes.

import { performance } from 'node:perf_hooks';
import { Cluster } from '../../simulations/apiserver/cluster.ts';
import type { Actor } from '../../simulations/apiserver/cluster.ts';
import { convertDesiredReplicasWithBehaviorRate, getResourceReplicas, stabilizeRecommendationWithBehaviors } from '../../simulations/index.ts';
import { deploymentController } from '../../simulations/controllers/deployment/controller.ts';
import { replicaSetController } from '../../simulations/controllers/replicaset/controller.ts';
import type { BenchResult } from './run.ts';

const NOW = new Date('2025-06-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function hpaInputs(n: number) {
  const start = iso(NOW.getTime() - 600_000);
  const pods = Array.from({ length: n }, (_, i) => ({
    metadata: { name: `web-${i}`, namespace: 'default' },
    spec: { containers: [{ name: 'app', resources: { requests: { cpu: '250m' } } }, { name: 'sidecar', resources: { requests: { cpu: '50m' } } }] },
    status: { phase: 'Running', startTime: start, conditions: [{ type: 'Ready', status: i % 50 === 0 ? 'False' : 'True', lastTransitionTime: start }] },
  }));
  const podMetrics = Array.from({ length: n }, (_, i) => ({
    metadata: { name: `web-${i}`, namespace: 'default' },
    timestamp: iso(NOW.getTime()),
    window: '1m0s',
    containers: [{ name: 'app', usage: { cpu: `${150 + (i % 200)}m` } }, { name: 'sidecar', usage: { cpu: '20m' } }],
  }));
  return { pods, podMetrics };
}

function hpaSync(pods: object[], podMetrics: object[], recommendations: { recommendation: number; timestamp: string }[]): number {
  const calc = getResourceReplicas(pods.length, 60, 'cpu', pods as never, podMetrics as never, { now: NOW });
  const args = { currentReplicas: pods.length, desiredReplicas: calc.replicas, minReplicas: 1, maxReplicas: 5000, scaleUpBehavior: { stabilizationWindowSeconds: 0 }, scaleDownBehavior: { stabilizationWindowSeconds: 300 } };
  const stabilized = stabilizeRecommendationWithBehaviors(args, recommendations, NOW);
  return convertDesiredReplicasWithBehaviorRate({ ...args, desiredReplicas: stabilized.replicas, scaleUpBehavior: null, scaleDownBehavior: null }, [], [], NOW).replicas;
}

/** Binds each new Pod to one of `nodes` nodes and makes it Ready after `startupMs`; finishes deletions at once. */
function fakeNodes(nodes: number, startupMs: number): Actor {
  let next = 0;
  return {
    name: 'fake-kubelets',
    start(ctx) {
      ctx.watch('v1', 'Pod', (e) => {
        const meta = e.object.metadata as { name: string; namespace: string; deletionTimestamp?: string };
        const ref = { apiVersion: 'v1', kind: 'Pod', namespace: meta.namespace, name: meta.name };
        if (e.type === 'DELETED') return;
        if (meta.deletionTimestamp) {
          ctx.api.delete(ref, { gracePeriodSeconds: 0 });
          return;
        }
        if (e.type !== 'ADDED') return;
        ctx.api.bind({ namespace: meta.namespace, name: meta.name }, { name: `node-${next++ % nodes}` });
        ctx.after(startupMs, 'start', () => {
          const current = ctx.api.peek(ref);
          if (!current || (current.metadata as { deletionTimestamp?: string }).deletionTimestamp) return;
          const at = ctx.clock.nowTimestamp();
          ctx.api.updateStatus({ ...current, status: { ...(current.status as object), phase: 'Running', startTime: at, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }] } });
        });
      });
    },
  };
}

const deployment = (image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 1000,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
  },
});

export async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  const { pods, podMetrics } = hpaInputs(1000);
  const recommendations = Array.from({ length: 20 }, (_, i) => ({ recommendation: 900 + i, timestamp: iso(NOW.getTime() - i * 15_000) }));
  for (let i = 0; i < 20; i++) hpaSync(pods, podMetrics, recommendations.slice()); // warm up
  const times: number[] = [];
  let replicas = 0;
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    replicas = hpaSync(pods, podMetrics, recommendations.slice());
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  results.push({
    name: 'HPA sync over 1,000 Pods\' metrics (replica calculator, stabilization, rate limits)',
    value: `${median.toFixed(2)} ms median`,
    target: '< 5 ms',
    met: median < 5,
    notes: [`p95 ${times[Math.floor(times.length * 0.95)].toFixed(2)} ms over 100 syncs; recommends ${replicas} replicas`],
  });

  const budget = { maxSteps: 5_000_000, maxVirtualTimeMs: 24 * 3_600_000, maxEvents: 1_000_000 };
  const cluster = new Cluster();
  let lastScaleAt = 0;
  cluster.add(deploymentController({ onEvent: (_e, atMs) => (lastScaleAt = atMs) })).add(replicaSetController()).add(fakeNodes(100, 5_000));
  cluster.api.create(deployment('nginx:1.27'));
  cluster.runUntilQuiet(budget);
  const d = JSON.parse(JSON.stringify(cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })));
  d.spec.template.spec.containers[0].image = 'nginx:1.28';
  const t = performance.now();
  const startedAt = cluster.clock.now();
  cluster.api.update(d);
  const stop = cluster.runUntilQuiet(budget);
  const ms = performance.now() - t;
  const status = (cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!.status ?? {}) as { updatedReplicas?: number; availableReplicas?: number };
  results.push({
    name: 'rollout of a 1,000-replica Deployment (maxSurge 25%, maxUnavailable 0) across 100 nodes until complete',
    value: `${Math.round(ms).toLocaleString('en-US')} ms`,
    target: '< 2 s',
    met: ms < 2000 && status.updatedReplicas === 1000,
    notes: [`stopped: ${stop.reason}; ${status.updatedReplicas} updated, ${status.availableReplicas} available; the last scaling step ${Math.round((lastScaleAt - startedAt) / 1000)} s of virtual time after the change (Pods take 5 s to start)`],
  });
  return results;
}
