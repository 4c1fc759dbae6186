// Upstream: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go (v1.33 era).
// Cases using the Gt/Lt toleration operators (v1.35+, TaintTolerationComparisonOperators) are not included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFilterPlugin, runScorePlugin } from '../../../simulations/scheduler/public-api.ts';
import { node, pod } from './builders.ts';

const FILE = 'pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go';
const tol = (key: string, value: string | undefined, effect: string | undefined, operator?: string) => ({
  key,
  ...(value !== undefined ? { value } : {}),
  ...(effect ? { effect } : {}),
  ...(operator ? { operator } : {}),
});

const filterCases = [
  { name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints", tolerations: [], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: ['UnschedulableAndUnresolvable', 'node(s) had untolerated taint {dedicated: user1}'] },
  { name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule', tolerations: [tol('dedicated', 'user1', 'NoSchedule')], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: null },
  { name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule", tolerations: [tol('dedicated', 'user2', 'NoSchedule', 'Equal')], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: ['UnschedulableAndUnresolvable', 'node(s) had untolerated taint {dedicated: user1}'] },
  { name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node', tolerations: [tol('foo', undefined, 'NoSchedule', 'Exists')], taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: null },
  { name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node', tolerations: [tol('dedicated', 'user2', 'NoSchedule', 'Equal'), tol('foo', undefined, 'NoSchedule', 'Exists')], taints: [{ key: 'dedicated', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: null },
  { name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node", tolerations: [tol('foo', 'bar', 'PreferNoSchedule', 'Equal')], taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: ['UnschedulableAndUnresolvable', 'node(s) had untolerated taint {foo: bar}'] },
  { name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node', tolerations: [tol('foo', 'bar', undefined, 'Equal')], taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: null },
  { name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node", tolerations: [tol('dedicated', 'user2', 'NoSchedule', 'Equal')], taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], want: null },
  { name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node', tolerations: [], taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], want: null },
];

for (const c of filterCases) {
  test(`${FILE} TestTaintTolerationFilter: ${c.name}`, () => {
    const got = runFilterPlugin('TaintToleration', { pod: pod({ name: 'pod1', tolerations: c.tolerations }), nodes: [node({ name: 'nodeA', taints: c.taints })] });
    assert.deepEqual(got.nodeA, c.want ? { code: c.want[0], reasons: [c.want[1]] } : { code: 'Success', reasons: [] });
  });
}

const pns = 'PreferNoSchedule';
const scoreCases = [
  {
    name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
    tolerations: [tol('foo', 'bar', pns, 'Equal')],
    nodes: { nodeA: [{ key: 'foo', value: 'bar', effect: pns }], nodeB: [{ key: 'foo', value: 'blah', effect: pns }] },
    want: { nodeA: 100, nodeB: 0 },
  },
  {
    name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
    tolerations: [tol('cpu-type', 'arm64', pns, 'Equal'), tol('disk-type', 'ssd', pns, 'Equal')],
    nodes: { nodeA: [], nodeB: [{ key: 'cpu-type', value: 'arm64', effect: pns }], nodeC: [{ key: 'cpu-type', value: 'arm64', effect: pns }, { key: 'disk-type', value: 'ssd', effect: pns }] },
    want: { nodeA: 100, nodeB: 100, nodeC: 100 },
  },
  {
    name: 'the more intolerable taints a node has, the lower score it gets.',
    tolerations: [tol('foo', 'bar', pns, 'Equal')],
    nodes: { nodeA: [], nodeB: [{ key: 'cpu-type', value: 'arm64', effect: pns }], nodeC: [{ key: 'cpu-type', value: 'arm64', effect: pns }, { key: 'disk-type', value: 'ssd', effect: pns }] },
    want: { nodeA: 100, nodeB: 50, nodeC: 0 },
  },
  {
    name: 'only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function',
    tolerations: [tol('cpu-type', 'arm64', 'NoSchedule', 'Equal'), tol('disk-type', 'ssd', 'NoSchedule', 'Equal')],
    nodes: { nodeA: [], nodeB: [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }], nodeC: [{ key: 'cpu-type', value: 'arm64', effect: pns }, { key: 'disk-type', value: 'ssd', effect: pns }] },
    want: { nodeA: 100, nodeB: 100, nodeC: 0 },
  },
  {
    name: 'Default behaviour No taints and tolerations, lands on node with no taints',
    tolerations: [],
    nodes: { nodeA: [], nodeB: [{ key: 'cpu-type', value: 'arm64', effect: pns }] },
    want: { nodeA: 100, nodeB: 0 },
  },
];

for (const c of scoreCases) {
  test(`${FILE} TestTaintTolerationScore: ${c.name}`, () => {
    const nodes = Object.entries(c.nodes).map(([name, taints]) => node({ name, taints }));
    assert.deepEqual(runScorePlugin('TaintToleration', { pod: pod({ name: 'pod1', tolerations: c.tolerations }), nodes }), c.want);
  });
}
