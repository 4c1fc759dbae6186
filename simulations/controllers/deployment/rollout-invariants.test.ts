// Property test of the rollout the two controller actors perform: for any
// size and any maxSurge / maxUnavailable (numbers or percentages), an image
// change completes, the ReplicaSets never ask for more than replicas +
// maxSurge Pods together, and fewer than replicas − maxUnavailable Pods are
// never ready (the guarantee `kubectl explain deployment.spec.strategy` states).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Cluster } from '../../apiserver/cluster.ts';
import type { Actor } from '../../apiserver/cluster.ts';
import { replicaSetController } from '../replicaset/controller.ts';
import { deploymentController } from './controller.ts';
import { resolveFenceposts } from './util.ts';
import { standInKubelet } from '../testing/stand-in-kubelet.ts';

const BUDGET = { maxSteps: 500_000, maxVirtualTimeMs: 2 * 3_600_000, maxEvents: 50_000 };

const fakeNode = (startupMs: number) => standInKubelet({ startupMs });

/** Samples, after every ReplicaSet or Pod change, the ReplicaSets' total spec.replicas and the ready, live Pods. */
function observer(): Actor & { maxSpec: number; minReady: number } {
  const o = {
    name: 'observer',
    maxSpec: 0,
    minReady: Infinity,
    start(ctx: Parameters<Actor['start']>[0]) {
      const sample = () => {
        const rss = (ctx.api.list('apps/v1', 'ReplicaSet', 'default').items ?? []) as { spec?: { replicas?: number } }[];
        o.maxSpec = Math.max(o.maxSpec, rss.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0));
        const pods = (ctx.api.list('v1', 'Pod', 'default').items ?? []) as { metadata?: { deletionTimestamp?: string }; status?: { conditions?: { type?: string; status?: string }[] } }[];
        const ready = pods.filter((p) => !p.metadata?.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')).length;
        o.minReady = Math.min(o.minReady, ready);
      };
      ctx.watch('apps/v1', 'ReplicaSet', sample);
      ctx.watch('v1', 'Pod', sample);
    },
  };
  return o;
}

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`));

test('a rolling update completes within maxSurge and maxUnavailable, for any size and fenceposts', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 12 }), intOrPercent, intOrPercent, fc.integer({ min: 1, max: 5 }), (replicas, maxSurge, maxUnavailable, startupSeconds) => {
      const [surge, unavailable] = resolveFenceposts(maxSurge, maxUnavailable, replicas);
      fc.pre(surge > 0 || unavailable > 0);
      const cluster = new Cluster();
      cluster.add(deploymentController()).add(replicaSetController()).add(fakeNode(startupSeconds * 1000));
      const created = cluster.api.create({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'default' },
        spec: { replicas, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
      });
      // The API server refuses both fenceposts at 0; those never reach the controller.
      if (created.code !== 201) return;
      cluster.runUntilQuiet(BUDGET);
      const o = observer();
      cluster.add(o);
      const d = JSON.parse(JSON.stringify(cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })));
      d.spec.template.spec.containers[0].image = 'nginx:1.28';
      assert.equal(cluster.api.update(d).code, 200);
      assert.equal(cluster.runUntilQuiet(BUDGET).reason, 'quiet');
      const status = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' })!.status as { updatedReplicas?: number; availableReplicas?: number; replicas?: number };
      assert.deepEqual({ updated: status.updatedReplicas, available: status.availableReplicas, replicas: status.replicas }, { updated: replicas, available: replicas, replicas });
      assert.ok(o.maxSpec <= replicas + surge, `ReplicaSets asked for ${o.maxSpec} Pods, more than ${replicas} + ${surge}`);
      assert.ok(o.minReady >= replicas - unavailable, `only ${o.minReady} Pods were ready, fewer than ${replicas} − ${unavailable}`);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 25), seed: 17 },
  );
});
