import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { imageLocality } from './image-locality.ts';

test('the uniform-score shortcut is 0 only when no node has any of the Pod images, and then Score is 0 everywhere', () => {
  const plugin = imageLocality();
  const bare = clusterOf([testNode({ name: 'a' }), testNode({ name: 'b' })]);
  const pod = podInfo(testPod());
  assert.equal(plugin.uniformScore!({}, pod, bare.nodes, bare), 0);
  for (const n of bare.nodes) assert.equal(plugin.score!({}, pod, n, bare), 0);
  const withImage = { ...testNode({ name: 'c' }), status: { allocatable: { cpu: '1' }, images: [{ names: ['nginx:latest'], sizeBytes: 500 * 1024 * 1024 }] } };
  const cluster = clusterOf([withImage, testNode({ name: 'd' })]);
  assert.equal(plugin.uniformScore!({}, pod, cluster.nodes, cluster), null);
  // image_locality.go: 500MiB × (1 node / 2 nodes) = 250MiB; 100 × (250 − 23) / (1000 − 23) = 23 (one container)
  assert.equal(plugin.score!({}, pod, cluster.byName.get('c')!, cluster), 23);
});
