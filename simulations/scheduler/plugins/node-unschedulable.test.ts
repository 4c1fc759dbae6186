import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { nodeUnschedulable } from './node-unschedulable.ts';

const plugin = nodeUnschedulable();

const cases = [
  { name: 'a cordoned node rejects a Pod without the unschedulable toleration, UnschedulableAndUnresolvable', tolerations: undefined, want: 'UnschedulableAndUnresolvable' },
  { name: 'an Exists toleration on node.kubernetes.io/unschedulable (any effect) lets the Pod in', tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' }], want: null },
  { name: 'a NoExecute-only toleration does not tolerate the NoSchedule unschedulable taint', tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }], want: 'UnschedulableAndUnresolvable' },
  { name: 'a tolerate-everything toleration (empty key, Exists) lets the Pod in', tolerations: [{ operator: 'Exists' }], want: null },
];
for (const c of cases) {
  test(c.name, () => {
    const cluster = clusterOf([testNode({ name: 'n', unschedulable: true })]);
    const s = plugin.filter!({}, podInfo(testPod({ tolerations: c.tolerations })), cluster.byName.get('n')!, cluster);
    assert.equal(s?.code ?? null, c.want);
    if (s) assert.deepEqual(s.reasons, ['node(s) were unschedulable']);
  });
}

test('passesEveryNode is true only when no node in the cluster is cordoned', () => {
  const pod = podInfo(testPod());
  assert.equal(plugin.passesEveryNode!(pod, clusterOf([testNode({ name: 'a' })])), true);
  assert.equal(plugin.passesEveryNode!(pod, clusterOf([testNode({ name: 'a' }), testNode({ name: 'b', unschedulable: true })])), false);
});
