// pluginConfig args that change what the scheduler decides, each shown against the default.
// src: pkg/scheduler/apis/config/v1/defaults.go (defaults), and per plugin:
//      interpodaffinity/scoring.go (hardPodAffinityWeight, ignorePreferredTermsOfExistingPods),
//      noderesources/fit.go fitsRequest (ignoredResources, ignoredResourceGroups),
//      podtopologyspread/plugin.go + common.go (defaultingType List, defaultConstraints),
//      defaultpreemption/default_preemption.go calculateNumCandidates (minCandidateNodesPercentage/Absolute).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../shared/yaml.ts';
import { runFilterPlugin, runScorePlugin, schedule } from './public-api.ts';
import { testNode, testPod } from './test-helpers.ts';

const withArgs = (name: string, args: JsonObject): JsonObject => ({
  apiVersion: 'kubescheduler.config.k8s.io/v1',
  kind: 'KubeSchedulerConfiguration',
  profiles: [{ pluginConfig: [{ name, args }] }],
});
const byName = (r: ReturnType<typeof schedule>, name: string) => r.pods.find((p) => p.name === name)!;
const HOST = 'kubernetes.io/hostname';

test('InterPodAffinity ignorePreferredTermsOfExistingPods: an existing Pod\'s preferred affinity for the incoming Pod stops counting', () => {
  // "cache" on node b prefers to be near app=web; the incoming web Pod has no affinity of its own.
  const likesWeb = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: HOST } }] } };
  const input = () => ({
    nodes: [testNode({ name: 'a' }), testNode({ name: 'b' })],
    pods: [testPod({ name: 'cache', node: 'b', cpu: '100m', affinity: likesWeb }), testPod({ name: 'web', labels: { app: 'web' } })],
  });
  const byDefault = byName(schedule(input()), 'web');
  assert.equal(byDefault.node, 'b');
  assert.equal(byDefault.nodes.b.scores!.InterPodAffinity.normalized, 100);
  const ignoring = byName(schedule({ ...input(), config: withArgs('InterPodAffinity', { ignorePreferredTermsOfExistingPods: true }) }), 'web');
  // PreScore skips (the incoming Pod has no preferred terms), so LeastAllocated's preference for a decides.
  assert.ok(ignoring.skippedScores!.includes('InterPodAffinity'));
  assert.equal(ignoring.node, 'a');
});

test('InterPodAffinity hardPodAffinityWeight: the weight of an existing Pod\'s required affinity for the incoming Pod', () => {
  // db (node a) requires app=web on its node; cache (node b) prefers it with weight 5. raw a = hardPodAffinityWeight, raw b = 5.
  const needsWeb = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: HOST }] } };
  const likesWeb = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: HOST } }] } };
  const input = () => ({
    nodes: [testNode({ name: 'a' }), testNode({ name: 'b' })],
    pods: [testPod({ name: 'db', node: 'a', cpu: '100m', affinity: needsWeb }), testPod({ name: 'cache', node: 'b', cpu: '100m', affinity: likesWeb }), testPod({ name: 'web', labels: { app: 'web' } })],
  });
  const byDefault = byName(schedule(input()), 'web');
  assert.deepEqual([byDefault.nodes.a.scores!.InterPodAffinity.raw, byDefault.nodes.b.scores!.InterPodAffinity.raw], [1, 5]);
  assert.equal(byDefault.node, 'b');
  const heavy = byName(schedule({ ...input(), config: withArgs('InterPodAffinity', { hardPodAffinityWeight: 10 }) }), 'web');
  assert.deepEqual([heavy.nodes.a.scores!.InterPodAffinity.raw, heavy.nodes.b.scores!.InterPodAffinity.raw], [10, 5]);
  assert.equal(heavy.node, 'a');
});

test('NodeResourcesFit ignoredResourceGroups: an extended resource of an ignored group is not checked', () => {
  // An extended resource cannot be overcommitted: the API server wants its limit set, equal to the request.
  const gpu = { 'example.com/gpu': '1' };
  const gpuPod = testPod({ name: 'trainer', extra: { containers: [{ name: 'app', image: 'nginx', resources: { requests: gpu, limits: gpu } }] } });
  const pending = byName(schedule({ nodes: [testNode({ name: 'n' })], pods: [gpuPod] }), 'trainer');
  assert.match(pending.message!, /^0\/1 nodes are available: 1 Insufficient example\.com\/gpu\./);
  const ignored = byName(schedule({ nodes: [testNode({ name: 'n' })], pods: [gpuPod], config: withArgs('NodeResourcesFit', { ignoredResourceGroups: ['example.com'] }) }), 'trainer');
  assert.equal(ignored.node, 'n');
});

// PodTopologySpread defaultingType List: the configured defaultConstraints replace the system ones for Pods
// without constraints of their own, with the selector of the Services (and controllers) selecting the Pod.
const hostNodes = () => ['a', 'b', 'c'].map((n) => testNode({ name: n }));
const webPods = () => [testPod({ name: 'w1', node: 'a', labels: { app: 'web' } }), testPod({ name: 'w2', node: 'a', labels: { app: 'web' } }), testPod({ name: 'w3', node: 'b', labels: { app: 'web' } })];
const webService = [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' } } }];
const listDefaults = (whenUnsatisfiable: string) =>
  withArgs('PodTopologySpread', { defaultingType: 'List', defaultConstraints: [{ maxSkew: 1, topologyKey: HOST, whenUnsatisfiable }] });

test('PodTopologySpread List defaults are scored exactly like the same constraint written on the Pod', () => {
  const incoming = testPod({ name: 'w4', labels: { app: 'web' } });
  const viaDefaults = runScorePlugin('PodTopologySpread', { pod: incoming, nodes: hostNodes(), existingPods: webPods(), services: webService, config: listDefaults('ScheduleAnyway') });
  const explicit = testPod({ name: 'w4', labels: { app: 'web' }, spread: [{ maxSkew: 1, topologyKey: HOST, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] });
  assert.deepEqual(viaDefaults, runScorePlugin('PodTopologySpread', { pod: explicit, nodes: hostNodes(), existingPods: webPods() }));
  // Matching pods 2/1/0, weight ln(3+2): raw 3/2/0 → normalized 0/33/100.
  assert.deepEqual(viaDefaults, { a: 0, b: 33, c: 100 });
  // The system defaults (hostname maxSkew 3, zone maxSkew 5) give other numbers: raw 5/4/2 → 40/60/100.
  assert.deepEqual(runScorePlugin('PodTopologySpread', { pod: incoming, nodes: hostNodes(), existingPods: webPods(), services: webService }), { a: 40, b: 60, c: 100 });
});

test('PodTopologySpread List defaults with DoNotSchedule filter; the system defaults never do', () => {
  const incoming = testPod({ name: 'w4', labels: { app: 'web' } });
  const codes = (config?: JsonObject) =>
    Object.fromEntries(Object.entries(runFilterPlugin('PodTopologySpread', { pod: incoming, nodes: hostNodes(), existingPods: webPods(), services: webService, config })).map(([k, v]) => [k, v.code]));
  assert.deepEqual(codes(listDefaults('DoNotSchedule')), { a: 'Unschedulable', b: 'Unschedulable', c: 'Success' });
  assert.deepEqual(codes(), { a: 'Success', b: 'Success', c: 'Success' });
  // Without a Service (no default selector) the List defaults do not apply: PreFilter skips.
  assert.deepEqual(
    Object.values(runFilterPlugin('PodTopologySpread', { pod: incoming, nodes: hostNodes(), existingPods: webPods(), config: listDefaults('DoNotSchedule') })).map((s) => s.code),
    ['Success', 'Success', 'Success'],
  );
});

test('DefaultPreemption minCandidateNodesAbsolute/Percentage: fewer candidates can change the victims', () => {
  // Both nodes can make room; n2's victim has the lower priority, so with every node a candidate n2 is picked.
  // The simulator's dry run walks nodes from the first (upstream: from a random offset), so one candidate means n1.
  const input = (config?: JsonObject) => ({
    nodes: [testNode({ name: 'n1', cpu: '1' }), testNode({ name: 'n2', cpu: '1' })],
    pods: [
      testPod({ name: 'v1', node: 'n1', cpu: '800m', priority: 100 }),
      testPod({ name: 'v2', node: 'n2', cpu: '800m', priority: 10 }),
      testPod({ name: 'urgent', cpu: '800m', priority: 1000 }),
    ],
    config,
  });
  const byDefault = schedule(input());
  assert.deepEqual(byDefault.preempted.map((v) => v.name), ['v2']);
  assert.equal(byName(byDefault, 'urgent').node, 'n2');
  const one = schedule(input(withArgs('DefaultPreemption', { minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 1 })));
  assert.deepEqual(one.preempted.map((v) => v.name), ['v1']);
  assert.equal(byName(one, 'urgent').node, 'n1');
});
