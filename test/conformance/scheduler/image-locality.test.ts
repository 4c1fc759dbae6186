// Upstream: pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go TestImageLocalityPriority, TestNormalizedImageName.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScorePlugin } from '../../../simulations/scheduler/public-api.ts';
import { normalizedImageName } from '../../../simulations/scheduler/pod-info.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';
import { node, pod } from './builders.ts';

const FILE = 'pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go';
const mb = 1024 * 1024;
const img = (names: string[], size: number) => ({ names, sizeBytes: size * mb });
const node403002000 = [img(['gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'], 40), img(['gcr.io/300:latest', 'gcr.io/300:v1'], 300), img(['gcr.io/2000:latest'], 2000)];
const node25010 = [img(['gcr.io/250:latest'], 250), img(['gcr.io/10:latest', 'gcr.io/10:v1'], 10)];
const node60040900 = [img(['gcr.io/600:latest'], 600), img(['gcr.io/40:latest'], 40), img(['gcr.io/900:latest'], 900)];
const node300600900 = [img(['gcr.io/300:latest'], 300), img(['gcr.io/600:latest'], 600), img(['gcr.io/900:latest'], 900)];
const node400030 = [img(['gcr.io/4000:latest'], 4000), img(['gcr.io/30:latest'], 30)];
const node203040 = [img(['gcr.io/20:latest'], 20), img(['gcr.io/30:latest'], 30), img(['gcr.io/40:latest'], 40)];
const imageNode = (name: string, images: { names: string[]; sizeBytes: number }[]) => node({ name, images });

const cases: { name: string; pod: JsonObject; nodes: JsonObject[]; want: Record<string, number> }[] = [
  { name: 'two images spread on two nodes, prefer the larger image one', pod: pod({ images: ['gcr.io/40', 'gcr.io/250'] }), nodes: [imageNode('node1', node403002000), imageNode('node2', node25010)], want: { node1: 0, node2: 5 } },
  { name: 'two images on one node, prefer this node', pod: pod({ images: ['gcr.io/40', 'gcr.io/300'] }), nodes: [imageNode('node1', node403002000), imageNode('node2', node25010)], want: { node1: 7, node2: 0 } },
  { name: 'if exceed limit, use limit', pod: pod({ images: ['gcr.io/10', 'gcr.io/4000'] }), nodes: [imageNode('node1', node400030), imageNode('node2', node25010)], want: { node1: 100, node2: 0 } },
  { name: 'if exceed limit, use limit (with node which has no images present)', pod: pod({ images: ['gcr.io/10', 'gcr.io/4000'] }), nodes: [imageNode('node1', node400030), imageNode('node2', node25010), imageNode('node3', [])], want: { node1: 66, node2: 0, node3: 0 } },
  { name: 'pod with multiple large images, node2 is preferred', pod: pod({ images: ['gcr.io/300', 'gcr.io/600', 'gcr.io/900'] }), nodes: [imageNode('node1', node60040900), imageNode('node2', node300600900), imageNode('node3', [])], want: { node1: 32, node2: 36, node3: 0 } },
  { name: 'pod with multiple small images', pod: pod({ images: ['gcr.io/30', 'gcr.io/40'] }), nodes: [imageNode('node1', node203040), imageNode('node2', node400030)], want: { node1: 1, node2: 0 } },
  { name: 'include InitContainers: two images spread on two nodes, prefer the larger image one', pod: pod({ images: ['gcr.io/30'], initImages: ['gcr.io/300'] }), nodes: [imageNode('node1', node403002000), imageNode('node2', node203040)], want: { node1: 6, node2: 0 } },
];
for (const c of cases) {
  test(`${FILE} TestImageLocalityPriority: ${c.name}`, () => {
    assert.deepEqual(runScorePlugin('ImageLocality', { pod: c.pod, nodes: c.nodes }), c.want);
  });
}

const names = [
  { name: 'add :latest postfix 1', input: 'root', output: 'root:latest' },
  { name: 'add :latest postfix 2', input: 'gcr.io:5000/root', output: 'gcr.io:5000/root:latest' },
  { name: 'keep it as is 1', input: 'root:tag', output: 'root:tag' },
  { name: 'keep it as is 2', input: 'root@sha256:4813494d137e1631bba301d5acab6e7bb7aa74ce1185d456565ef51d737677b2', output: 'root@sha256:4813494d137e1631bba301d5acab6e7bb7aa74ce1185d456565ef51d737677b2' },
];
for (const c of names) {
  test(`${FILE} TestNormalizedImageName: ${c.name}`, () => assert.equal(normalizedImageName(c.input), c.output));
}
