import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { insufficientResources, nodeResourcesFit } from './node-resources-fit.ts';

test('the fast Filter path and the full check agree on random cpu/memory requests and usage', () => {
  const plugin = nodeResourcesFit();
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 3 }), (cpu, memGi, usedCpu, pods) => {
      const running = Array.from({ length: pods }, (_, i) => testPod({ name: `r${i}`, node: 'n', cpu: `${Math.floor(usedCpu / Math.max(1, pods))}m`, memory: '1Gi' }));
      const cluster = clusterOf([testNode({ name: 'n', cpu: '4', memory: '8Gi', pods: '3' })], running);
      const pod = podInfo(testPod({ cpu: `${cpu}m`, memory: `${memGi}Gi` }));
      const node = cluster.byName.get('n')!;
      const s = plugin.filter!({}, pod, node, cluster);
      const reasons = insufficientResources(pod, node, new Set(), new Set());
      assert.deepEqual(s ? [...s.reasons] : null, reasons);
    }),
    { numRuns: 200 },
  );
});

test('scoreAll gives the same scores as Score, node by node (LeastAllocated and MostAllocated)', () => {
  for (const plugin of [nodeResourcesFit(), nodeResourcesFit({ scoringStrategy: { type: 'MostAllocated', resources: [{ name: 'cpu', weight: 2 }, { name: 'memory', weight: 1 }] } })]) {
    const cluster = clusterOf(
      [testNode({ name: 'a', cpu: '2' }), testNode({ name: 'b', cpu: '8', memory: '32Gi' }), testNode({ name: 'c', cpu: '1', memory: '1Gi' })],
      [testPod({ name: 'x', node: 'a', cpu: '500m', memory: '1Gi' }), testPod({ name: 'y', node: 'b' })],
    );
    const pod = podInfo(testPod({ cpu: '250m' }));
    const state = {};
    plugin.preScore!(state, pod, cluster.nodes, cluster);
    const out = new Float64Array(cluster.nodes.length);
    plugin.scoreAll!(state, pod, cluster.nodes, cluster, out);
    assert.deepEqual([...out], cluster.nodes.map((n) => plugin.score!(state, pod, n, cluster)));
  }
});

test('LeastAllocated counts a container without requests as 100m cpu and 200Mi memory (non-zero defaults)', () => {
  // least_allocated.go: ((capacity − requested) × 100) / capacity, averaged over cpu and memory.
  // Node 1000m / 1000Mi, the Pod asks for nothing: cpu (1000−100)·100/1000 = 90, memory (1000−200)·100/1000 = 80 → (90+80)/2 = 85.
  const plugin = nodeResourcesFit();
  const cluster = clusterOf([testNode({ name: 'a', cpu: '1', memory: '1000Mi' })]);
  const pod = podInfo(testPod());
  const state = {};
  plugin.preScore!(state, pod, cluster.nodes, cluster);
  assert.equal(plugin.score!(state, pod, cluster.nodes[0], cluster), 85);
});
