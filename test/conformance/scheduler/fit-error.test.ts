// Upstream: pkg/scheduler/framework/types_test.go TestFitError_Error (v1.30+: one period, PostFilterMsg appended after a space),
// pkg/scheduler/schedule_one_test.go TestNumFeasibleNodesToFind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitErrorMessage, schedule } from '../../../simulations/scheduler/public-api.ts';
import { numFeasibleNodesToFind } from '../../../simulations/scheduler/node-sampling.ts';
import { testNode, testPod } from '../../../simulations/scheduler/test-helpers.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';

const FILE = 'pkg/scheduler/framework/types_test.go TestFitError_Error';
const U = 'Unschedulable';
const UU = { code: 'UnschedulableAndUnresolvable', reasons: [] };
const st = (reason: string) => ({ code: U, reasons: [reason] });
const pre = 'Node(s) failed PreFilter plugin FalsePreFilter';
const f1 = 'Node(s) failed Filter plugin FalseFilter-1';
const f2 = 'Node(s) failed Filter plugin FalseFilter-2';
const post = 'Error running PostFilter plugin FailedPostFilter';

interface Case {
  name: string;
  numAllNodes: number;
  preFilterMsg?: string;
  postFilterMsg?: string;
  nodeToStatus: Record<string, { code: string; reasons: string[] }>;
  want: string;
}
const cases: Case[] = [
  { name: 'nodes failed Prefilter plugin', numAllNodes: 3, preFilterMsg: pre, nodeToStatus: { node1: st(pre), node2: st(pre), node3: st(pre) }, want: '0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter.' },
  { name: 'nodes failed Prefilter plugin and the preemption also failed', numAllNodes: 3, preFilterMsg: pre, postFilterMsg: post, nodeToStatus: { node1: st(pre), node2: st(pre), node3: st(pre) }, want: '0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter. Error running PostFilter plugin FailedPostFilter' },
  { name: 'nodes failed one Filter plugin with an empty PostFilterMsg', numAllNodes: 3, nodeToStatus: { node1: st(f1), node2: st(f1), node3: st(f1) }, want: '0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1.' },
  { name: 'nodes failed one Filter plugin with a non-empty PostFilterMsg', numAllNodes: 3, postFilterMsg: post, nodeToStatus: { node1: st(f1), node2: st(f1), node3: st(f1) }, want: '0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter' },
  { name: 'nodes failed two Filter plugins with an empty PostFilterMsg', numAllNodes: 3, nodeToStatus: { node1: st(f1), node2: st(f1), node3: st(f2) }, want: '0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1.' },
  { name: 'nodes failed two Filter plugins with a non-empty PostFilterMsg', numAllNodes: 3, postFilterMsg: post, nodeToStatus: { node1: st(f1), node2: st(f1), node3: st(f2) }, want: '0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter' },
  { name: 'failed to Permit on node', numAllNodes: 1, nodeToStatus: { node1: st('Node failed Permit plugin Permit-1') }, want: '0/1 nodes are available: 1 Node failed Permit plugin Permit-1.' },
  { name: 'failed to Reserve on node', numAllNodes: 1, nodeToStatus: { node1: st('Node failed Reserve plugin Reserve-1') }, want: '0/1 nodes are available: 1 Node failed Reserve plugin Reserve-1.' },
];
for (const c of cases) {
  test(`${FILE}: ${c.name}`, () => {
    const got = fitErrorMessage(c.numAllNodes, { nodeToStatus: c.nodeToStatus, absentNodesStatus: UU, preFilterMsg: c.preFilterMsg, postFilterMsg: c.postFilterMsg });
    assert.equal(got, c.want);
  });
}

const NUM = 'pkg/scheduler/schedule_one_test.go TestNumFeasibleNodesToFind';
const numCases = [
  { name: 'not set percentageOfNodesToScore and nodes number not more than 50', pct: 0, n: 10, want: 10 },
  { name: 'set percentageOfNodesToScore and nodes number not more than 50', pct: 40, n: 10, want: 10 },
  { name: 'not set percentageOfNodesToScore and nodes number more than 50', pct: 0, n: 1000, want: 420 },
  { name: 'set percentageOfNodesToScore and nodes number more than 50', pct: 40, n: 1000, want: 400 },
  { name: 'not set percentageOfNodesToScore and nodes number more than 50*125', pct: 0, n: 6000, want: 300 },
];
for (const c of numCases) {
  test(`${NUM}: ${c.name}`, () => assert.equal(numFeasibleNodesToFind(null, c.pct, c.n), c.want));
}

// FitError.Error's histogram rules beyond upstream's table (pkg/scheduler/framework/types.go FitError.Error):
// every reason of every node status counts once per node; nodes absent from NodeToStatus add the absent
// status's reasons × (numAllNodes − len(NodeToStatus)); the "<count> <reason>" items are sorted with
// sort.Strings, so "11 …" sorts before "2 …".
const RULES = 'pkg/scheduler/framework/types.go FitError.Error';
const taint = 'node(s) had untolerated taint {dedicated: gpu}';
test(`${RULES}: a count of 10 or more sorts as a string ("11 …" before "2 …")`, () => {
  const nodeToStatus: Record<string, { code: string; reasons: string[] }> = {};
  for (let i = 0; i < 11; i++) nodeToStatus[`t${i}`] = { code: 'UnschedulableAndUnresolvable', reasons: [taint] };
  nodeToStatus.a = st('Insufficient cpu');
  nodeToStatus.b = st('Insufficient cpu');
  assert.equal(fitErrorMessage(13, { nodeToStatus, absentNodesStatus: UU }), `0/13 nodes are available: 11 ${taint}, 2 Insufficient cpu.`);
});
test(`${RULES}: a node with two reasons is counted under each`, () => {
  const nodeToStatus = { a: { code: U, reasons: ['Insufficient cpu', 'Insufficient memory'] }, b: st('Insufficient memory') };
  assert.equal(fitErrorMessage(2, { nodeToStatus, absentNodesStatus: UU }), '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.');
});
test(`${RULES}: the absent nodes' status counts once per absent node`, () => {
  const absent = { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] };
  assert.equal(
    fitErrorMessage(5, { nodeToStatus: { a: st('Insufficient cpu'), b: st('Insufficient cpu') }, absentNodesStatus: absent }),
    "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity].",
  );
  // The default absent status (NewDefaultNodeToStatus) has no reasons: absent nodes then add nothing.
  assert.equal(fitErrorMessage(5, { nodeToStatus: { a: st('Insufficient cpu') }, absentNodesStatus: UU }), '0/5 nodes are available: 1 Insufficient cpu.');
});

// The same rules through schedule(): the FailedScheduling message of a real run.
const fullNode = (name: string, extra: { cpu?: string; memory?: string; taints?: JsonObject[] } = {}) => testNode({ name, ...extra });
test(`${RULES} through schedule(): 11 tainted nodes and 2 small ones`, () => {
  const nodes = [
    ...Array.from({ length: 11 }, (_, i) => fullNode(`gpu-${i}`, { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] })),
    fullNode('small-a', { cpu: '1' }),
    fullNode('small-b', { cpu: '1' }),
  ];
  const r = schedule({ nodes, pods: [testPod({ name: 'big', cpu: '2' })] });
  assert.equal(
    r.pods[0].message,
    `0/13 nodes are available: 11 ${taint}, 2 Insufficient cpu. preemption: 0/13 nodes are available: 11 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
  );
});
test(`${RULES} through schedule(): one node short of cpu and memory is counted under both`, () => {
  const r = schedule({ nodes: [fullNode('n', { cpu: '1', memory: '1Gi' })], pods: [testPod({ name: 'big', cpu: '2', memory: '2Gi' })] });
  assert.match(r.pods[0].message!, /^0\/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory\. /);
});
test(`${RULES} through schedule(): nodes left out by a PreFilterResult are counted once each`, () => {
  const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n0'] }] }] } } };
  const r = schedule({ nodes: ['n0', 'n1', 'n2', 'n3'].map((n) => fullNode(n, { cpu: '1' })), pods: [testPod({ name: 'p', cpu: '2', affinity })] });
  assert.match(r.pods[0].message!, /^0\/4 nodes are available: 1 Insufficient cpu, 3 node\(s\) didn't satisfy plugin\(s\) \[NodeAffinity\]\. /);
});
