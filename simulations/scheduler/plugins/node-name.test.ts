import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { nodeName } from './node-name.ts';

test('a Pod naming another node is rejected with the NodeName reason; a Pod naming none passes every node', () => {
  const plugin = nodeName();
  const cluster = clusterOf([testNode({ name: 'a' }), testNode({ name: 'b' })]);
  const named = podInfo(testPod({ node: 'a' }));
  assert.equal(plugin.filter!({}, named, cluster.byName.get('a')!, cluster), null);
  assert.deepEqual(plugin.filter!({}, named, cluster.byName.get('b')!, cluster)?.reasons, ["node(s) didn't match the requested node name"]);
  assert.equal(plugin.passesEveryNode!(podInfo(testPod()), cluster), true);
  assert.equal(plugin.passesEveryNode!(named, cluster), false);
});
