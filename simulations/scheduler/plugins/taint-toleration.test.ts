import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { taintToleration } from './taint-toleration.ts';

const plugin = taintToleration();

const cases = [
  // taint_toleration.go: fmt.Sprintf("node(s) had untolerated taint {%s: %s}", taint.Key, taint.Value)
  { name: 'a NoExecute taint filters like NoSchedule', taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }], tolerations: undefined, want: 'node(s) had untolerated taint {k: v}' },
  { name: 'a taint without a value prints an empty value after the colon', taints: [{ key: 'gpu', effect: 'NoSchedule' }], tolerations: undefined, want: 'node(s) had untolerated taint {gpu: }' },
  { name: 'the first untolerated taint in node order is the one reported', taints: [{ key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'b', value: '2', effect: 'NoSchedule' }], tolerations: [{ key: 'a', operator: 'Equal', value: '1' }], want: 'node(s) had untolerated taint {b: 2}' },
  { name: 'PreferNoSchedule never filters', taints: [{ key: 'a', value: '1', effect: 'PreferNoSchedule' }], tolerations: undefined, want: null },
];
for (const c of cases) {
  test(c.name, () => {
    const cluster = clusterOf([testNode({ name: 'n', taints: c.taints })]);
    const s = plugin.filter!({}, podInfo(testPod({ tolerations: c.tolerations })), cluster.byName.get('n')!, cluster);
    assert.equal(s ? s.reasons[0] : null, c.want);
    if (s) assert.equal(s.code, 'UnschedulableAndUnresolvable');
  });
}

test('the uniform-score shortcut gives what Score gives on every node when no node has PreferNoSchedule taints', () => {
  const cluster = clusterOf([testNode({ name: 'a' }), testNode({ name: 'b', taints: [{ key: 'x', effect: 'NoSchedule' }] })]);
  const pod = podInfo(testPod());
  const state = {};
  plugin.preScore!(state, pod, cluster.nodes, cluster);
  assert.equal(plugin.uniformScore!(state, pod, cluster.nodes, cluster), 0);
  for (const n of cluster.nodes) assert.equal(plugin.score!(state, pod, n, cluster), 0);
  const tainted = clusterOf([testNode({ name: 'a', taints: [{ key: 'x', effect: 'PreferNoSchedule' }] })]);
  assert.equal(plugin.uniformScore!(state, pod, tainted.nodes, tainted), null);
});
