// apiserver: 10,000 Pods created, updated and watched through the virtual API
// server (issue 12), and what a watch costs with 100 watchers. Each write goes
// through the whole pipeline: defaults, strategy, validation, admission
// (NamespaceLifecycle), the store and its history.

import { performance } from 'node:perf_hooks';
import { Cluster } from '../../simulations/apiserver/cluster.ts';
import type { ApiServer } from '../../simulations/apiserver/api-server.ts';
import { freshApiServer } from '../../simulations/apiserver/scenario.ts';
import type { BenchResult } from './run.ts';

const PODS = 10_000;

function pod(i: number): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web', shard: String(i % 16) } },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'registry.example/web:1.4.2',
          ports: [{ containerPort: 8080 }],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
          readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 },
        },
      ],
    },
  };
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')} ops/s`;
}

function createAll(api: ApiServer): number {
  const start = performance.now();
  for (let i = 0; i < PODS; i++) {
    const r = api.create(pod(i));
    if (r.code !== 201) throw new Error(`create web-${i}: ${r.code} ${r.message}`);
  }
  return performance.now() - start;
}

function updateAll(api: ApiServer): number {
  const start = performance.now();
  for (let i = 0; i < PODS; i++) {
    const r = api.patch({ apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: `web-${i}` }, { metadata: { labels: { rollout: '2' } } });
    if (r.code !== 200) throw new Error(`patch web-${i}: ${r.code} ${r.message}`);
  }
  return performance.now() - start;
}

export async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  // Writes alone.
  const api = freshApiServer();
  const createMs = createAll(api);
  const updateMs = updateAll(api);
  let start = performance.now();
  const list = api.list('v1', 'Pod', 'default');
  const listMs = performance.now() - start;
  start = performance.now();
  const history = api.watchEvents('v1', 'Pod', 'default', '4');
  const historyMs = performance.now() - start;
  results.push({ name: `create ${PODS.toLocaleString('en-US')} Pods`, value: rate(PODS, createMs), notes: [`${createMs.toFixed(0)} ms`] });
  results.push({ name: `patch ${PODS.toLocaleString('en-US')} Pods (merge patch, labels)`, value: rate(PODS, updateMs), notes: [`${updateMs.toFixed(0)} ms`] });
  results.push({ name: `list ${list.items?.length.toLocaleString('en-US')} Pods`, value: `${listMs.toFixed(1)} ms` });
  results.push({ name: `watch from the start: ${history.events?.length.toLocaleString('en-US')} events`, value: `${historyMs.toFixed(1)} ms` });

  // The same writes with watchers: each actor gets every event as a clock task.
  for (const watchers of [1, 100]) {
    const cluster = new Cluster();
    let delivered = 0;
    for (let w = 0; w < watchers; w++) {
      cluster.add({ name: `watcher-${w}`, start: (ctx) => ctx.watch('v1', 'Pod', () => void delivered++) });
    }
    start = performance.now();
    createAll(cluster.api);
    updateAll(cluster.api);
    cluster.runUntilQuiet({ maxSteps: Infinity, maxVirtualTimeMs: Infinity, maxEvents: Infinity });
    const ms = performance.now() - start;
    results.push({
      name: `create + patch ${PODS.toLocaleString('en-US')} Pods with ${watchers} watcher${watchers === 1 ? '' : 's'}`,
      value: rate(2 * PODS, ms),
      notes: [`${delivered.toLocaleString('en-US')} events delivered in ${ms.toFixed(0)} ms (${((ms * 1000) / Math.max(1, delivered)).toFixed(2)} µs per delivery)`],
    });
  }
  return results;
}
