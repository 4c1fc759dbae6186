import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { balancedAllocation, balancedScore } from './balanced-allocation.ts';

test('the cpu+memory fast path matches the generic formula on every node', () => {
  const plugin = balancedAllocation();
  const cluster = clusterOf(
    [testNode({ name: 'a', cpu: '2', memory: '4Gi' }), testNode({ name: 'b', cpu: '8', memory: '2Gi' }), testNode({ name: 'c', cpu: '1', memory: '16Gi' })],
    [testPod({ name: 'x', node: 'a', cpu: '1500m', memory: '1Gi' }), testPod({ name: 'y', node: 'b', cpu: '100m', memory: '3Gi' })],
  );
  const pod = podInfo(testPod({ cpu: '500m', memory: '512Mi' }));
  const state = {};
  assert.equal(plugin.preScore!(state, pod, cluster.nodes, cluster), null);
  for (const n of cluster.nodes) {
    const generic = balancedScore([n.reqCpu + pod.cpu, n.reqMemory + pod.memory], [n.allocCpu, n.allocMemory]);
    assert.equal(plugin.score!(state, pod, n, cluster), generic, n.name);
  }
});

test('a best-effort Pod (no requests) is skipped at PreScore (v1.33, kubernetes#129138)', () => {
  const plugin = balancedAllocation();
  const cluster = clusterOf([testNode({ name: 'a' })]);
  assert.equal(plugin.preScore!({}, podInfo(testPod()), cluster.nodes, cluster)?.code, 'Skip');
});

test('balancedScore: two resources use |f0 − f1| / 2, fractions capped at 1', () => {
  // (1 − |0.75 − 0.5| / 2) × 100 = 87.5 → 87 (truncated)
  assert.equal(balancedScore([3, 5], [4, 10]), 87);
  // cpu over capacity counts as 1: (1 − |1 − 0| / 2) × 100 = 50
  assert.equal(balancedScore([6, 0], [4, 10]), 50);
});
