import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { podTopologySpread } from './pod-topology-spread.ts';

const plugin = podTopologySpread();
const zoneNode = (name: string, zone: string, extra: object = {}) => testNode({ name, labels: { zone }, ...extra });
const hard = (extra: object = {}) => ({ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra });
const web = (name: string, node: string) => testPod({ name, node, labels: { app: 'web' } });

function codes(pod: ReturnType<typeof testPod>, nodes: ReturnType<typeof testNode>[], running: ReturnType<typeof testPod>[]) {
  const cluster = clusterOf(nodes, running);
  const p = podInfo(pod);
  const state = {};
  const pre = plugin.preFilter!(state, p, cluster);
  if (pre?.status) return pre.status.code;
  return Object.fromEntries(cluster.nodes.map((n) => [n.name, plugin.filter!(state, p, n, cluster)?.code ?? 'Success']));
}

test('minDomains: with fewer domains than minDomains the global minimum is 0, so a second Pod in a zone is refused', () => {
  // filtering.go minMatchNum: 2 domains (z1 has 1, z2 has 0) < minDomains 3 → min 0; z1: 1 + 1 − 0 = 2 > 1.
  const got = codes(testPod({ labels: { app: 'web' }, spread: [hard({ minDomains: 3 })] }), [zoneNode('a', 'z1'), zoneNode('b', 'z2')], [web('w1', 'a')]);
  assert.deepEqual(got, { a: 'Unschedulable', b: 'Success' });
});

test('without minDomains the same cluster lets the Pod into z2 only (skew 1 at z2, 2 at z1)', () => {
  const got = codes(testPod({ labels: { app: 'web' }, spread: [hard()] }), [zoneNode('a', 'z1'), zoneNode('b', 'z2')], [web('w1', 'a')]);
  assert.deepEqual(got, { a: 'Unschedulable', b: 'Success' });
});

test('nodeTaintsPolicy Honor leaves a tainted zone out of the domains, so the minimum comes from the others', () => {
  // z3 (tainted, empty) would be the minimum 0 and make z1 and z2 (1 Pod each) fail; with Honor it is not a domain.
  const nodes = [zoneNode('a', 'z1'), zoneNode('b', 'z2'), zoneNode('c', 'z3', { taints: [{ key: 'gpu', effect: 'NoSchedule' }] })];
  const running = [web('w1', 'a'), web('w2', 'b')];
  const ignore = codes(testPod({ labels: { app: 'web' }, spread: [hard()] }), nodes, running);
  assert.deepEqual(ignore, { a: 'Unschedulable', b: 'Unschedulable', c: 'Success' });
  const honor = codes(testPod({ labels: { app: 'web' }, spread: [hard({ nodeTaintsPolicy: 'Honor' })] }), nodes, running);
  assert.deepEqual(honor, { a: 'Success', b: 'Success', c: 'Success' });
});

test('matchLabelKeys narrows the selector to Pods sharing the incoming Pod value (v1.33: merged by the scheduler)', () => {
  const old = (name: string, node: string) => testPod({ name, node, labels: { app: 'web', version: 'v1' } });
  const spread = [hard({ matchLabelKeys: ['version'] })];
  // Two v1 Pods in z1; the incoming v2 Pod counts only v2 Pods: every zone has 0, so every node fits.
  const got = codes(testPod({ labels: { app: 'web', version: 'v2' }, spread }), [zoneNode('a', 'z1'), zoneNode('b', 'z2')], [old('o1', 'a'), old('o2', 'a')]);
  assert.deepEqual(got, { a: 'Success', b: 'Success' });
});

test('PreFilter skips Pods without DoNotSchedule constraints; PreScore skips Pods with nothing to spread by', () => {
  const cluster = clusterOf([zoneNode('a', 'z1')]);
  const pod = podInfo(testPod());
  assert.equal(plugin.preFilter!({}, pod, cluster)?.status?.code, 'Skip');
  assert.equal(plugin.preScore!({}, pod, cluster.nodes, cluster)?.code, 'Skip');
});
