import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schedule } from './public-api.ts';
import { testNode, testPod } from './test-helpers.ts';

// Upstream: defaultpreemption/default_preemption_test.go TestDryRunPreemption "pod with anti-affinity is
// preempted". The dry run must see the node without its victims: once the only Pod whose anti-affinity
// rejected the preemptor is removed, InterPodAffinity has nothing left to check (upstream's RemovePod empties
// its counts; here its PreFilter returns Skip and leaves no state).
test('a Pod kept off a node only by a lower-priority Pod\'s required anti-affinity preempts that Pod', () => {
  const antiWeb = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } };
  const r = schedule({
    nodes: [testNode({ name: 'n' })],
    pods: [testPod({ name: 'loner', node: 'n', priority: 0, affinity: antiWeb }), testPod({ name: 'web', labels: { app: 'web' }, priority: 1000 })],
  });
  const web = r.pods.find((p) => p.name === 'web')!;
  assert.deepEqual(r.preempted.map((v) => v.name), ['loner']);
  assert.equal(web.node, 'n');
  assert.equal(r.events.find((e) => e.reason === 'FailedScheduling')!.message, "0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules.");
});
