// Upstream: pkg/scheduler/framework/types_test.go TestFitError_Error (v1.30+: one period, PostFilterMsg appended after a space),
// pkg/scheduler/schedule_one_test.go TestNumFeasibleNodesToFind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitErrorMessage } from '../../../simulations/scheduler/public-api.ts';
import { numFeasibleNodesToFind } from '../../../simulations/scheduler/node-sampling.ts';

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
