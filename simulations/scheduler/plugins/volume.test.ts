import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { volumePlugin } from './volume.ts';

test('volume plugins are not simulated: PreFilter skips and Filter passes every Pod', () => {
  const plugin = volumePlugin('VolumeBinding');
  const cluster = clusterOf([testNode({ name: 'a' })]);
  const pod = podInfo(testPod({ extra: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } }));
  assert.equal(plugin.preFilter!({}, pod, cluster)?.status?.code, 'Skip');
  assert.equal(plugin.filter!({}, pod, cluster.nodes[0], cluster), null);
  assert.equal(plugin.passesEveryNode!(pod, cluster), true);
});
