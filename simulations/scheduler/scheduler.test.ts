import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../shared/yaml.ts';
import { schedule } from './public-api.ts';
import { testNode, testPod } from './test-helpers.ts';

const byName = (r: ReturnType<typeof schedule>, name: string) => r.pods.find((p) => p.name === name)!;

test('the FailedScheduling message counts first-failing reasons and appends what preemption found (the reference example)', () => {
  // Example from upstream events: resources on one node, a taint on another, a cordon on the third.
  const nodes = [
    testNode({ name: 'n1', cpu: '1' }),
    testNode({ name: 'n2', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
    testNode({ name: 'n3', unschedulable: true }),
  ];
  const r = schedule({ nodes, pods: [testPod({ name: 'big', cpu: '2' })] });
  assert.equal(
    byName(r, 'big').message,
    '0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
  );
  assert.deepEqual(r.events.map((e) => [e.type, e.reason, e.object]), [['Warning', 'FailedScheduling', 'pod/big']]);
});

test('a Scheduled event reads "Successfully assigned <ns>/<name> to <node>"', () => {
  const r = schedule({ nodes: [testNode({ name: 'node-2' })], pods: [testPod({ name: 'web-0' })] });
  assert.equal(r.events[0].message, 'Successfully assigned default/web-0 to node-2');
  assert.equal(r.events[0].reason, 'Scheduled');
  assert.equal(r.events[0].type, 'Normal');
});

test('PrioritySort: the higher-priority Pod is scheduled first and takes the only room, whatever the input order', () => {
  const r = schedule({ nodes: [testNode({ name: 'n', cpu: '1' })], pods: [testPod({ name: 'low', cpu: '800m' }), testPod({ name: 'high', cpu: '800m', priority: 100 })] });
  assert.equal(byName(r, 'high').node, 'n');
  assert.equal(byName(r, 'low').node, null);
  // low has priority 0 < 100, but high is not its victim: preemption only evicts lower-priority Pods for the preemptor.
  assert.match(byName(r, 'low').message!, /^0\/1 nodes are available: 1 Insufficient cpu\. preemption: 0\/1 nodes are available: 1 No preemption victims found for incoming pod\.$/);
});

test('preemption: a high-priority Pod evicts a lower-priority one, is nominated, then bound; the victim gets a Preempted event', () => {
  const nodes = [testNode({ name: 'n', cpu: '1' })];
  const running = testPod({ name: 'batch', node: 'n', cpu: '800m', priority: 0 });
  const r = schedule({ nodes, pods: [running, testPod({ name: 'urgent', cpu: '800m', priority: 1000 })] });
  assert.equal(byName(r, 'urgent').node, 'n');
  assert.deepEqual(byName(r, 'urgent').victims, ['default/batch']);
  assert.deepEqual(r.preempted, [{ name: 'batch', namespace: 'default', node: 'n', by: 'default/urgent' }]);
  assert.deepEqual(r.events.map((e) => e.reason), ['Preempted', 'FailedScheduling', 'Scheduled']);
  assert.match(r.events[0].message, /^Preempted by pod [0-9a-f-]{36} on node n$/);
  // A successful preemption leaves no PostFilter message: the FitError alone.
  assert.equal(r.events[1].message, '0/1 nodes are available: 1 Insufficient cpu.');
});

test('preemptionPolicy: Never keeps the Pod from preempting, with upstream message', () => {
  const r = schedule({
    nodes: [testNode({ name: 'n', cpu: '1' })],
    pods: [testPod({ name: 'batch', node: 'n', cpu: '800m' }), testPod({ name: 'polite', cpu: '800m', priority: 1000, extra: { preemptionPolicy: 'Never' } })],
  });
  assert.equal(byName(r, 'polite').message, '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
});

test('a Pod failing affinity to a Pod not yet bound is retried after that Pod binds (requeue on the cluster event)', () => {
  const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } };
  const r = schedule({ nodes: [testNode({ name: 'a' }), testNode({ name: 'b' })], pods: [testPod({ name: 'app', affinity }), testPod({ name: 'db', labels: { app: 'db' } })] });
  assert.equal(byName(r, 'app').node, byName(r, 'db').node);
  assert.equal(byName(r, 'app').attempts, 2);
  assert.deepEqual(r.events.map((e) => `${e.reason} ${e.object}`), ['FailedScheduling pod/app', 'Scheduled pod/db', 'Scheduled pod/app']);
  assert.equal(r.summary.rounds, 2);
});

test('a Pod that failed after the last binding is not retried: its event is written once', () => {
  const r = schedule({ nodes: [testNode({ name: 'n', cpu: '1' })], pods: [testPod({ name: 'a', cpu: '800m' }), testPod({ name: 'b', cpu: '800m' })] });
  assert.equal(byName(r, 'b').attempts, 1);
  assert.equal(r.events.filter((e) => e.object === 'pod/b').length, 1);
  assert.equal(r.events.find((e) => e.object === 'pod/b')!.count, 1);
});

test('identical nodes tie: every tied node is reported and the first listed wins', () => {
  const r = schedule({ nodes: [testNode({ name: 'x' }), testNode({ name: 'y' }), testNode({ name: 'z', cpu: '2' })], pods: [testPod({ name: 'p', cpu: '100m' })] });
  const p = byName(r, 'p');
  assert.deepEqual(p.tied, ['x', 'y']);
  assert.equal(p.node, 'x');
  assert.equal(p.nodes.x.total, p.nodes.y.total);
});

test('percentageOfNodesToScore: 200 nodes at 50% → look for 100 feasible, and the next Pod starts where the last stopped', () => {
  const nodes = Array.from({ length: 200 }, (_, i) => testNode({ name: `n${String(i).padStart(3, '0')}` }));
  const config = { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', percentageOfNodesToScore: 50 };
  const r = schedule({ nodes, pods: [testPod({ name: 'a' }), testPod({ name: 'b' })], config });
  const a = byName(r, 'a');
  const b = byName(r, 'b');
  assert.equal(a.nodesToFind, 100);
  assert.equal(a.evaluatedNodes, 100);
  assert.equal(a.startIndex, 0);
  assert.equal(b.startIndex, 100);
  assert.equal(Object.values(a.nodes).filter((d) => d.evaluated).length, 100);
  assert.equal(a.nodes.n150.evaluated, false);
});

test('no nodes at all: FailedScheduling "no nodes available to schedule pods"', () => {
  const r = schedule({ nodes: [], pods: [testPod({ name: 'p' })] });
  assert.equal(byName(r, 'p').message, 'no nodes available to schedule pods');
});

test('a PreFilter rejection replaces the per-node reasons in the message', () => {
  const name = (v: string) => ({ key: 'metadata.name', operator: 'In', values: [v] });
  const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [name('a'), name('b')] }] } } };
  const r = schedule({ nodes: [testNode({ name: 'a' }), testNode({ name: 'b' })], pods: [testPod({ name: 'p', affinity })] });
  // types.go: PreFilterMsg instead of the histogram; every node then has the UnschedulableAndUnresolvable status, so preemption cannot help.
  assert.equal(byName(r, 'p').message, '0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
});

test('nodes left out by a PreFilterResult report "node(s) didn\'t satisfy plugin(s) [NodeAffinity]"', () => {
  const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }] }] } } };
  const r = schedule({ nodes: [testNode({ name: 'a', cpu: '1' }), testNode({ name: 'b' })], pods: [testPod({ name: 'p', cpu: '2', affinity })] });
  assert.equal(
    byName(r, 'p').message,
    "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
  );
});

test('a Pod with schedulingGates stays Pending without an event; a Pod for another scheduler is left alone', () => {
  const r = schedule({
    nodes: [testNode({ name: 'n' })],
    pods: [testPod({ name: 'gated', extra: { schedulingGates: [{ name: 'example.com/wait' }] } }), testPod({ name: 'other', extra: { schedulerName: 'my-scheduler' } })],
  });
  assert.equal(byName(r, 'gated').outcome, 'SchedulingGated');
  assert.equal(byName(r, 'other').outcome, 'NotThisScheduler');
  assert.deepEqual(r.events, []);
});

test('a Deployment spreads its replicas over nodes by the system default topology spreading', () => {
  const deployment: JsonObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx', resources: { requests: { cpu: '100m' } } }] } } },
  };
  const r = schedule({ nodes: [testNode({ name: 'a' }), testNode({ name: 'b' }), testNode({ name: 'c' })], pods: [], workloads: [deployment] });
  assert.deepEqual(r.pods.map((p) => p.node).sort(), ['a', 'b', 'c']);
  assert.ok(r.pods[1].scorePlugins!.some((s) => s.name === 'PodTopologySpread'));
  assert.ok(!r.pods[1].skippedScores!.includes('PodTopologySpread'));
});

test('trace: false drops per-node detail but keeps names, nodes and messages', () => {
  const r = schedule({ nodes: [testNode({ name: 'n' })], pods: [testPod({ name: 'p' })] }, { trace: false });
  assert.deepEqual(r.pods[0].nodes, {});
  assert.equal(r.pods[0].node, 'n');
});
