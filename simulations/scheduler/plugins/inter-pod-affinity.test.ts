import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster.ts';
import { readNode } from '../node-info.ts';
import { readPod } from '../pod-info.ts';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { interPodAffinity } from './inter-pod-affinity.ts';

const plugin = interPodAffinity();
const affinityToWeb = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } };

test('the first Pod of a group with affinity to its own labels is allowed anywhere (nothing matches yet)', () => {
  const cluster = clusterOf([testNode({ name: 'a' }), testNode({ name: 'b' })]);
  const pod = podInfo(testPod({ labels: { app: 'web' }, affinity: affinityToWeb }));
  const state = {};
  assert.equal(plugin.preFilter!(state, pod, cluster), null);
  for (const n of cluster.nodes) assert.equal(plugin.filter!(state, pod, n, cluster), null);
});

test('a Pod with affinity to labels it does not carry itself is refused everywhere while no such Pod runs', () => {
  const cluster = clusterOf([testNode({ name: 'a' })]);
  const pod = podInfo(testPod({ labels: { app: 'cache' }, affinity: affinityToWeb }));
  const state = {};
  plugin.preFilter!(state, pod, cluster);
  assert.deepEqual(plugin.filter!(state, pod, cluster.nodes[0], cluster)?.reasons, ["node(s) didn't match pod affinity rules"]);
});

test('once a matching Pod runs, only nodes in its topology domain pass', () => {
  const cluster = clusterOf([testNode({ name: 'a' }), testNode({ name: 'b' })], [testPod({ name: 'w', node: 'b', labels: { app: 'web' } })]);
  const pod = podInfo(testPod({ labels: { app: 'cache' }, affinity: affinityToWeb }));
  const state = {};
  plugin.preFilter!(state, pod, cluster);
  assert.equal(plugin.filter!(state, pod, cluster.byName.get('a')!, cluster)?.code, 'UnschedulableAndUnresolvable');
  assert.equal(plugin.filter!(state, pod, cluster.byName.get('b')!, cluster), null);
});

test('a namespaceSelector on the incoming Pod term is resolved against the Namespaces labels', () => {
  const nodes = [readNode(testNode({ name: 'a' }), 0), readNode(testNode({ name: 'b' }), 1)];
  const ns = new Map<string, Record<string, string>>([
    ['default', { 'kubernetes.io/metadata.name': 'default' }],
    ['team-a', { 'kubernetes.io/metadata.name': 'team-a', team: 'a' }],
  ]);
  const cluster = new Cluster(nodes, ns);
  const running = readPod(testPod({ name: 'w', namespace: 'team-a', node: 'b', labels: { app: 'web' } }), { arrival: 0 });
  cluster.bind(running, cluster.byName.get('b')!);
  const term = { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname', namespaceSelector: { matchLabels: { team: 'a' } } };
  const pod = podInfo(testPod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } }));
  const state = {};
  plugin.preFilter!(state, pod, cluster);
  assert.equal(plugin.filter!(state, pod, cluster.byName.get('a')!, cluster)?.code, 'UnschedulableAndUnresolvable');
  assert.equal(plugin.filter!(state, pod, cluster.byName.get('b')!, cluster), null);
});

test('PreFilter skips a Pod without required terms when no running Pod has required anti-affinity', () => {
  const cluster = clusterOf([testNode({ name: 'a' })], [testPod({ name: 'x', node: 'a' })]);
  assert.equal(plugin.preFilter!({}, podInfo(testPod()), cluster)?.status?.code, 'Skip');
});
