// Upstream: pkg/scheduler/framework/plugins/queuesort/priority_sort_test.go TestLess;
// pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates_test.go TestPreEnqueue.
// The queue timestamp of a QueuedPodInfo is, in the simulator, the Pod's position in the input (arrival).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schedule } from '../../../simulations/scheduler/public-api.ts';
import { prioritySort } from '../../../simulations/scheduler/queue.ts';
import { podInfo, testNode, testPod } from '../../../simulations/scheduler/test-helpers.ts';
import { pod } from './builders.ts';

const SORT = 'pkg/scheduler/framework/plugins/queuesort/priority_sort_test.go TestLess';
const GATES = 'pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates_test.go TestPreEnqueue';

const lowPriority = 10;
const highPriority = 100;
const t1 = 1;
const t2 = 2;
/** PrioritySort.Less(p1, p2): p1 goes ahead of p2. */
const less = (p1: { priority: number; ts?: number }, p2: { priority: number; ts?: number }) =>
  prioritySort(podInfo(pod({ name: 'a', priority: p1.priority }), p1.ts ?? 0), podInfo(pod({ name: 'b', priority: p2.priority }), p2.ts ?? 0)) < 0;

const lessCases = [
  { name: 'p1.priority less than p2.priority', p1: { priority: lowPriority }, p2: { priority: highPriority }, expected: false },
  { name: 'p1.priority greater than p2.priority', p1: { priority: highPriority }, p2: { priority: lowPriority }, expected: true },
  { name: 'equal priority. p1 is added to schedulingQ earlier than p2', p1: { priority: highPriority, ts: t1 }, p2: { priority: highPriority, ts: t2 }, expected: true },
  { name: 'equal priority. p2 is added to schedulingQ earlier than p1', p1: { priority: highPriority, ts: t2 }, p2: { priority: highPriority, ts: t1 }, expected: false },
];
for (const c of lessCases) {
  test(`${SORT}: ${c.name}`, () => assert.equal(less(c.p1, c.p2), c.expected));
}

// PreEnqueue through schedule(): a gated Pod never enters the active queue, so it is neither scheduled nor
// given a FailedScheduling event. (Upstream's status text "waiting for scheduling gates: [foo bar]" is kept
// by the queue, not written anywhere kubectl shows; the simulator reports outcome SchedulingGated.)
// schedule() validates like the API server, so these Pods are complete manifests (test-helpers' testPod).
const cluster = () => [testNode({ name: 'n' })];
test(`${GATES}: pod does not carry scheduling gates`, () => {
  const r = schedule({ nodes: cluster(), pods: [testPod({ name: 'p' })] });
  assert.equal(r.pods[0].outcome, 'Scheduled');
  assert.equal(r.pods[0].node, 'n');
});
test(`${GATES}: pod carries scheduling gates`, () => {
  const r = schedule({ nodes: cluster(), pods: [testPod({ name: 'p', extra: { schedulingGates: [{ name: 'foo' }, { name: 'bar' }] } })] });
  assert.equal(r.pods[0].outcome, 'SchedulingGated');
  assert.equal(r.pods[0].node, null);
  assert.equal(r.pods[0].attempts, 0);
  assert.deepEqual(r.events, []);
});
