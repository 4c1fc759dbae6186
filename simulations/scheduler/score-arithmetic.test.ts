// The score table of schedule()'s result follows upstream's arithmetic:
// src: pkg/scheduler/framework/runtime/framework.go RunScorePlugins (NormalizeScore, then score × the plugin's
//      weight), pkg/scheduler/schedule_one.go prioritizeNodes (a node's total is the sum over plugins) and
//      selectHost (the highest total wins). A plugin whose PreScore returned Skip has no score at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../shared/yaml.ts';
import { schedule } from './public-api.ts';
import { testNode, testPod } from './test-helpers.ts';

/** A big node tainted PreferNoSchedule (TaintToleration scores it 0) and a small busy one without taints. */
const nodes = () => [
  testNode({ name: 'roomy', cpu: '16', memory: '32Gi', taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] }),
  testNode({ name: 'snug', cpu: '4', memory: '8Gi' }),
];
const pods = () => [testPod({ name: 'running', node: 'snug', cpu: '2', memory: '4Gi' }), testPod({ name: 'web', cpu: '1', memory: '1Gi' })];
const fitWeight = (weight: number): JsonObject => ({
  apiVersion: 'kubescheduler.config.k8s.io/v1',
  kind: 'KubeSchedulerConfiguration',
  profiles: [{ plugins: { score: { enabled: [{ name: 'NodeResourcesFit', weight }] } } }],
});
const web = (config?: JsonObject) => schedule({ nodes: nodes(), pods: pods(), config }).pods.find((p) => p.name === 'web')!;

test('every score cell: weighted = normalized × the configured weight, and a node total = Σ weighted', () => {
  const p = web(fitWeight(10));
  const weights = Object.fromEntries(p.scorePlugins!.map((s) => [s.name, s.weight]));
  assert.equal(weights.NodeResourcesFit, 10);
  assert.equal(weights.TaintToleration, 3);
  for (const [name, detail] of Object.entries(p.nodes)) {
    let sum = 0;
    for (const [plugin, s] of Object.entries(detail.scores!)) {
      assert.equal(s.weighted, s.normalized * weights[plugin], `${name} ${plugin}`);
      sum += s.weighted;
    }
    assert.equal(detail.total, sum, name);
  }
  // LeastAllocated on roomy: cpu (16000−1000)·100/16000 = 93, memory (32Gi−1Gi)·100/32Gi = 96 → 94; × 10.
  assert.deepEqual(p.nodes.roomy.scores!.NodeResourcesFit, { raw: 94, normalized: 94, weighted: 940 });
  assert.deepEqual(p.nodes.snug.scores!.TaintToleration, { raw: 0, normalized: 100, weighted: 300 });
  assert.equal(p.nodes.roomy.total, 940 + 0 + 98 + 0);
  assert.equal(p.nodes.snug.total, 310 + 300 + 93 + 0);
});

test('a non-default weight changes the decision: the node with the highest total is chosen', () => {
  const byDefault = web();
  assert.equal(byDefault.nodes.roomy.total, 192);
  assert.equal(byDefault.nodes.snug.total, 424);
  assert.equal(byDefault.node, 'snug');
  const weighted = web(fitWeight(10));
  assert.equal(weighted.nodes.roomy.total, 1038);
  assert.equal(weighted.nodes.snug.total, 703);
  assert.equal(weighted.node, 'roomy');
});

test('plugins whose PreScore skipped have no cell and add nothing to the total', () => {
  const p = web();
  assert.deepEqual([...p.skippedScores!].sort(), ['InterPodAffinity', 'NodeAffinity', 'PodTopologySpread']);
  for (const detail of Object.values(p.nodes)) {
    for (const skipped of p.skippedScores!) assert.equal(detail.scores![skipped], undefined);
  }
});
