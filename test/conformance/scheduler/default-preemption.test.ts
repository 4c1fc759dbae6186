// Upstream: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go (newest stored version):
// TestPostFilter, TestDryRunPreemption, TestSelectBestCandidate, TestPodEligibleToPreemptOthers, TestPreempt.
// The plugin-level tables call the engine's DefaultPreemption (preemption.ts) the way upstream calls
// PostFilter / DryRunPreemption / SelectCandidate: with the default profile's PreFilter state and Filters
// (upstream registers only the plugins a case needs; the others pass these nodes). TestPreempt runs schedule().
// Not transcribed: extender cases (no extenders), the TestPlugin AddPod/RemovePod error cases (no custom
// plugins), PodDisruptionBudget cases (no PDBs), cases decided by victims' start time (the simulator has no
// start times: it orders equal priorities by input order), the random-offset cases of DryRunPreemption
// ("DefaultPreemptionArgs limits to 2", "offset across multiple scheduling cycles"; the simulator's dry run
// starts at the first node), and the nominated-node / terminating-victim cases of PodEligibleToPreemptOthers
// (the simulator deletes victims at once, so no victim is ever terminating).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../../simulations/scheduler/cluster.ts';
import { readSchedulerConfig } from '../../../simulations/scheduler/config.ts';
import { activeFilters, runPreFilter } from '../../../simulations/scheduler/framework.ts';
import { readNode } from '../../../simulations/scheduler/node-info.ts';
import { readPod } from '../../../simulations/scheduler/pod-info.ts';
import { preempt, selectVictimsOnNode } from '../../../simulations/scheduler/preemption.ts';
import type { PreemptionInput } from '../../../simulations/scheduler/preemption.ts';
import { buildProfile } from '../../../simulations/scheduler/profile.ts';
import { schedule } from '../../../simulations/scheduler/public-api.ts';
import type { Code, Status } from '../../../simulations/scheduler/status.ts';
import { newStatus } from '../../../simulations/scheduler/status.ts';
import { testNode, testPod } from '../../../simulations/scheduler/test-helpers.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';
import { node, pod } from './builders.ts';
import type { Requests } from './builders.ts';

const FILE = 'pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go';
const negPriority = -100;
const lowPriority = 0;
const midPriority = 100;
const highPriority = 1000;
const veryHighPriority = 10000;
const smallRes: Requests = { cpu: '100m', memory: '100' };
const mediumRes: Requests = { cpu: '200m', memory: '200' };
const largeRes: Requests = { cpu: '300m', memory: '300' };
const veryLargeRes: Requests = { cpu: '500m', memory: '500' };
const onePodRes: Requests = { pods: '1' };
const nodeRes: Requests = { cpu: '200m', memory: '400' };

/** st.MakeNode().Capacity(res): pods default to 32 unless res names them. Name "a/b/c" labels hostname, zone, region. */
const mkNode = (spec: string, res: Requests) => {
  const [name, zone, region] = spec.split('/');
  const labels: Record<string, string> = { hostname: name, ...(zone ? { zone } : {}), ...(region ? { region } : {}) };
  return node({ name, labels, capacity: { pods: '32', ...res } });
};
const mkPod = (name: string, priority: number, opt: { node?: string; req?: Requests; labels?: Record<string, string>; affinity?: JsonObject; spread?: JsonObject[]; policy?: string } = {}) => {
  const p = pod({ name, node: opt.node, priority, req: opt.req ? [opt.req] : undefined, labels: opt.labels, affinity: opt.affinity, spread: opt.spread });
  if (opt.policy) (p.spec as JsonObject).preemptionPolicy = opt.policy;
  return p;
};

/** The cluster, the default profile, and the incoming Pod after PreFilter, as a PreemptionInput. */
function harness(nodes: JsonObject[], pods: JsonObject[], incoming: JsonObject, statuses: Record<string, Code> = {}): PreemptionInput {
  const infos = nodes.map((n, i) => readNode(n, i));
  const cluster = new Cluster(infos, new Map([['default', { 'kubernetes.io/metadata.name': 'default' }]]));
  pods.forEach((obj, i) => {
    const p = readPod(obj, { arrival: i });
    cluster.bind(p, cluster.byName.get(p.specNodeName)!);
  });
  const profile = buildProfile(readSchedulerConfig(null).profiles[0]);
  const p = readPod(incoming, { arrival: pods.length });
  const state = {};
  const pre = runPreFilter(profile, state, p, cluster);
  const nodeToStatus = new Map<(typeof infos)[number], Status>();
  for (const [name, code] of Object.entries(statuses)) nodeToStatus.set(cluster.byName.get(name)!, newStatus(code));
  return {
    profile,
    cluster,
    pod: p,
    state,
    filters: activeFilters(profile, pre.skipped),
    skipped: pre.skipped,
    nodeToStatus,
    // framework.NewDefaultNodeToStatus: nodes absent from the map are UnschedulableAndUnresolvable.
    absent: newStatus('UnschedulableAndUnresolvable'),
    args: profile.config.args.DefaultPreemption,
  };
}

// TestPostFilter: the PostFilter result (nominated node) and its status message.
const U: Code = 'Unschedulable';
const UU: Code = 'UnschedulableAndUnresolvable';
const postFilter: { name: string; pod: JsonObject; pods: JsonObject[]; nodes: JsonObject[]; statuses: Record<string, Code>; node: string | null; message: string }[] = [
  {
    name: 'pod with higher priority can be made schedulable',
    pod: mkPod('p', highPriority),
    pods: [mkPod('p1', lowPriority, { node: 'node1' })],
    nodes: [mkNode('node1', onePodRes)],
    statuses: { node1: U },
    node: 'node1',
    message: '',
  },
  {
    name: 'pod with tied priority is still unschedulable',
    pod: mkPod('p', lowPriority),
    pods: [mkPod('p1', lowPriority, { node: 'node1' })],
    nodes: [mkNode('node1', onePodRes)],
    statuses: { node1: U },
    node: null,
    message: 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
  },
  {
    name: 'preemption should respect filteredNodesStatuses',
    pod: mkPod('p', highPriority),
    pods: [mkPod('p1', lowPriority, { node: 'node1' })],
    nodes: [mkNode('node1', onePodRes)],
    statuses: { node1: UU },
    node: null,
    message: 'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
  },
  {
    name: 'pod can be made schedulable on one node',
    pod: mkPod('p', midPriority),
    pods: [mkPod('p1', highPriority, { node: 'node1' }), mkPod('p2', lowPriority, { node: 'node2' })],
    nodes: [mkNode('node1', onePodRes), mkNode('node2', onePodRes)],
    statuses: { node1: U, node2: U },
    node: 'node2',
    message: '',
  },
  {
    name: 'no candidate nodes found, no enough resource after removing low priority pods',
    pod: mkPod('p', highPriority, { req: largeRes }),
    pods: [mkPod('p1', lowPriority, { node: 'node1' }), mkPod('p2', lowPriority, { node: 'node2' })],
    nodes: [mkNode('node1', nodeRes), mkNode('node2', nodeRes)],
    statuses: { node1: U, node2: U },
    node: null,
    message: 'preemption: 0/2 nodes are available: 2 Insufficient cpu.',
  },
  {
    name: 'no candidate nodes found with mixed reasons, no lower priority pod and no enough CPU resource',
    pod: mkPod('p', highPriority, { req: largeRes }),
    pods: [mkPod('p1', highPriority, { node: 'node1' }), mkPod('p2', lowPriority, { node: 'node2' }), mkPod('p3', highPriority, { node: 'node3' })],
    nodes: [mkNode('node1', onePodRes), mkNode('node2', nodeRes), mkNode('node3', onePodRes)],
    statuses: { node1: U, node2: U, node3: U },
    node: null,
    message: 'preemption: 0/3 nodes are available: 1 Insufficient cpu, 2 No preemption victims found for incoming pod.',
  },
  {
    name: "no candidate nodes found with mixed reason, 2 UnschedulableAndUnresolvable nodes and 2 nodes don't have enough CPU resource",
    pod: mkPod('p', highPriority, { req: largeRes }),
    pods: [mkPod('p1', lowPriority, { node: 'node1' }), mkPod('p2', lowPriority, { node: 'node2' })],
    nodes: [mkNode('node1', nodeRes), mkNode('node2', nodeRes), mkNode('node3', nodeRes), mkNode('node4', nodeRes)],
    // node3 is absent from the map: the default absent status (UnschedulableAndUnresolvable).
    statuses: { node1: U, node2: U, node4: UU },
    node: null,
    message: 'preemption: 0/4 nodes are available: 2 Insufficient cpu, 2 Preemption is not helpful for scheduling.',
  },
];
for (const c of postFilter) {
  test(`${FILE} TestPostFilter: ${c.name}`, () => {
    const out = preempt(harness(c.nodes, c.pods, c.pod, c.statuses));
    assert.equal(out.node?.name ?? null, c.node);
    assert.equal(out.message, c.message);
  });
}

// TestDryRunPreemption: every node is dry-run; candidates (node → victims) sorted by name, as upstream sorts them.
const dryRun: { name: string; nodes: string[]; pod: JsonObject; pods: JsonObject[]; expected: Record<string, string[]> }[] = [
  {
    name: 'a pod that fits on both nodes when lower priority pods are preempted',
    nodes: ['node1', 'node2'],
    pod: mkPod('p', highPriority, { req: largeRes }),
    pods: [mkPod('p1', midPriority, { node: 'node1', req: largeRes }), mkPod('p2', midPriority, { node: 'node2', req: largeRes })],
    expected: { node1: ['p1'], node2: ['p2'] },
  },
  {
    name: 'a pod that would fit on the nodes, but other pods running are higher priority, no preemption would happen',
    nodes: ['node1', 'node2'],
    pod: mkPod('p', lowPriority, { req: largeRes }),
    pods: [mkPod('p1', midPriority, { node: 'node1', req: largeRes }), mkPod('p2', midPriority, { node: 'node2', req: largeRes })],
    expected: {},
  },
  {
    name: 'medium priority pod is preempted, but lower priority one stays as it is small',
    nodes: ['node1', 'node2'],
    pod: mkPod('p', highPriority, { req: largeRes }),
    pods: [mkPod('p1.1', lowPriority, { node: 'node1', req: smallRes }), mkPod('p1.2', midPriority, { node: 'node1', req: largeRes }), mkPod('p2', midPriority, { node: 'node2', req: largeRes })],
    expected: { node1: ['p1.2'], node2: ['p2'] },
  },
  {
    name: 'mixed priority pods are preempted',
    nodes: ['node1', 'node2'],
    pod: mkPod('p', highPriority, { req: largeRes }),
    pods: [
      mkPod('p1.1', midPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.2', lowPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.3', midPriority, { node: 'node1', req: mediumRes }),
      mkPod('p1.4', highPriority, { node: 'node1', req: smallRes }),
      mkPod('p2', highPriority, { node: 'node2', req: largeRes }),
    ],
    expected: { node1: ['p1.2', 'p1.3'] },
  },
  {
    name: 'pod with anti-affinity is preempted',
    nodes: ['node1', 'node2'],
    pod: mkPod('p', highPriority, { labels: { foo: '' }, req: smallRes }),
    pods: [
      mkPod('p1.1', lowPriority, {
        node: 'node1',
        labels: { foo: '' },
        req: smallRes,
        affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] }, topologyKey: 'hostname' }] } },
      }),
      mkPod('p1.2', midPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.3', highPriority, { node: 'node1', req: smallRes }),
      mkPod('p2', highPriority, { node: 'node2', req: smallRes }),
    ],
    expected: { node1: ['p1.1'] },
  },
  {
    name: 'preemption to resolve pod topology spread filter failure',
    nodes: ['node-a/zone1', 'node-b/zone1', 'node-x/zone2'],
    pod: mkPod('p', highPriority, {
      labels: { foo: '' },
      spread: [
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] } },
        { maxSkew: 1, topologyKey: 'hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] } },
      ],
    }),
    pods: [
      mkPod('pod-a1', midPriority, { node: 'node-a', labels: { foo: '' } }),
      mkPod('pod-a2', lowPriority, { node: 'node-a', labels: { foo: '' } }),
      mkPod('pod-b1', lowPriority, { node: 'node-b', labels: { foo: '' } }),
      mkPod('pod-x1', highPriority, { node: 'node-x', labels: { foo: '' } }),
      mkPod('pod-x2', highPriority, { node: 'node-x', labels: { foo: '' } }),
    ],
    expected: { 'node-a': ['pod-a2'], 'node-b': ['pod-b1'] },
  },
];
for (const c of dryRun) {
  test(`${FILE} TestDryRunPreemption: ${c.name}`, () => {
    const input = harness(
      c.nodes.map((n) => mkNode(n, veryLargeRes)),
      c.pods,
      c.pod,
    );
    const got: Record<string, string[]> = {};
    for (const n of input.cluster.nodes) {
      const r = selectVictimsOnNode(input, n);
      if (r.status === null && r.victims.length > 0) got[n.name] = r.victims.map((v) => v.name).sort();
    }
    assert.deepEqual(got, c.expected);
    // The dry run leaves the cluster as it found it.
    assert.deepEqual(input.cluster.nodes.map((n) => n.pods.length), c.nodes.map((spec) => c.pods.filter((p) => (p.spec as JsonObject).nodeName === spec.split('/')[0]).length));
  });
}

// TestSelectBestCandidate: every node is a potential node; the chosen one must be among `expected`.
const best: { name: string; nodes: string[]; pod: JsonObject; pods: JsonObject[]; expected: string[] }[] = [
  {
    name: 'a pod that fits on both nodes when lower priority pods are preempted',
    nodes: ['node1', 'node2'],
    pod: mkPod('p', highPriority, { req: largeRes }),
    pods: [mkPod('p1', midPriority, { node: 'node1', req: largeRes }), mkPod('p2', midPriority, { node: 'node2', req: largeRes })],
    expected: ['node1', 'node2'],
  },
  {
    name: 'node with min highest priority pod is picked',
    nodes: ['node1', 'node2', 'node3'],
    pod: mkPod('p', highPriority, { req: veryLargeRes }),
    pods: [
      mkPod('p1.1', midPriority, { node: 'node1', req: mediumRes }),
      mkPod('p1.2', midPriority, { node: 'node1', req: largeRes }),
      mkPod('p2.1', midPriority, { node: 'node2', req: mediumRes }),
      mkPod('p2.2', lowPriority, { node: 'node2', req: mediumRes }),
      mkPod('p3.1', lowPriority, { node: 'node3', req: mediumRes }),
      mkPod('p3.2', lowPriority, { node: 'node3', req: mediumRes }),
    ],
    expected: ['node3'],
  },
  {
    name: 'when highest priorities are the same, minimum sum of priorities is picked',
    nodes: ['node1', 'node2', 'node3'],
    pod: mkPod('p', highPriority, { req: veryLargeRes }),
    pods: [
      mkPod('p1.1', midPriority, { node: 'node1', req: mediumRes }),
      mkPod('p1.2', midPriority, { node: 'node1', req: largeRes }),
      mkPod('p2.1', midPriority, { node: 'node2', req: largeRes }),
      mkPod('p2.2', lowPriority, { node: 'node2', req: mediumRes }),
      mkPod('p3.1', midPriority, { node: 'node3', req: mediumRes }),
      mkPod('p3.2', midPriority, { node: 'node3', req: mediumRes }),
    ],
    expected: ['node2'],
  },
  {
    name: 'when highest priority and sum are the same, minimum number of pods is picked',
    nodes: ['node1', 'node2', 'node3'],
    pod: mkPod('p', highPriority, { req: veryLargeRes }),
    pods: [
      mkPod('p1.1', midPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.2', negPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.3', midPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.4', negPriority, { node: 'node1', req: smallRes }),
      mkPod('p2.1', midPriority, { node: 'node2', req: largeRes }),
      mkPod('p2.2', negPriority, { node: 'node2', req: mediumRes }),
      mkPod('p3.1', midPriority, { node: 'node3', req: mediumRes }),
      mkPod('p3.2', negPriority, { node: 'node3', req: smallRes }),
      mkPod('p3.3', lowPriority, { node: 'node3', req: smallRes }),
    ],
    expected: ['node2'],
  },
  {
    // pickOneNodeForPreemption adjusts pod priorities when finding the sum of the victims.
    name: 'sum of adjusted priorities is considered',
    nodes: ['node1', 'node2', 'node3'],
    pod: mkPod('p', highPriority, { req: veryLargeRes }),
    pods: [
      mkPod('p1.1', midPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.2', negPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.3', negPriority, { node: 'node1', req: smallRes }),
      mkPod('p2.1', midPriority, { node: 'node2', req: largeRes }),
      mkPod('p2.2', negPriority, { node: 'node2', req: mediumRes }),
      mkPod('p3.1', midPriority, { node: 'node3', req: mediumRes }),
      mkPod('p3.2', negPriority, { node: 'node3', req: smallRes }),
      mkPod('p3.3', lowPriority, { node: 'node3', req: smallRes }),
    ],
    expected: ['node2'],
  },
  {
    name: 'non-overlapping lowest high priority, sum priorities, and number of pods',
    nodes: ['node1', 'node2', 'node3', 'node4'],
    pod: mkPod('p', veryHighPriority, { req: veryLargeRes }),
    pods: [
      mkPod('p1.1', midPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.2', lowPriority, { node: 'node1', req: smallRes }),
      mkPod('p1.3', lowPriority, { node: 'node1', req: smallRes }),
      mkPod('p2.1', highPriority, { node: 'node2', req: largeRes }),
      mkPod('p3.1', midPriority, { node: 'node3', req: mediumRes }),
      mkPod('p3.2', lowPriority, { node: 'node3', req: smallRes }),
      mkPod('p3.3', lowPriority, { node: 'node3', req: smallRes }),
      mkPod('p3.4', lowPriority, { node: 'node3', req: mediumRes }),
      mkPod('p4.1', midPriority, { node: 'node4', req: mediumRes }),
      mkPod('p4.2', midPriority, { node: 'node4', req: smallRes }),
      mkPod('p4.3', midPriority, { node: 'node4', req: smallRes }),
      mkPod('p4.4', negPriority, { node: 'node4', req: smallRes }),
    ],
    expected: ['node1'],
  },
];
for (const c of best) {
  test(`${FILE} TestSelectBestCandidate: ${c.name}`, () => {
    const statuses = Object.fromEntries(c.nodes.map((n) => [n, U]));
    const out = preempt(harness(c.nodes.map((n) => mkNode(n, veryLargeRes)), c.pods, c.pod, statuses));
    assert.ok(out.node && c.expected.includes(out.node.name), `expected one of ${c.expected.join(', ')}, got ${out.node?.name}`);
  });
}

test(`${FILE} TestPodEligibleToPreemptOthers: Pod with 'PreemptNever' preemption policy`, () => {
  const out = preempt(harness([], [], mkPod('p_with_preempt_never_policy', highPriority, { policy: 'Never' })));
  assert.equal(out.message, 'preemption: not eligible due to preemptionPolicy=Never.');
  assert.equal(out.node, null);
});

// TestPreempt, through schedule(): the preemptor is nominated, its victims evicted, and it is then bound there.
// Nodes: Capacity(veryLargeRes), 32 Pods; schedule() validates like the API server, hence testNode/testPod.
const big = (spec: string) => {
  const [name, zone] = spec.split('/');
  return testNode({ name, cpu: '500m', memory: '500', pods: '32', labels: { hostname: name, ...(zone ? { zone } : {}) } });
};
const running = (name: string, priority: number, nodeName: string, res?: Requests, labels?: Record<string, string>) =>
  testPod({ name, priority, node: nodeName, cpu: res?.cpu, memory: res?.memory, labels });
const basicPods = () => [
  running('p1.1', lowPriority, 'node1', smallRes),
  running('p1.2', lowPriority, 'node1', smallRes),
  running('p2.1', highPriority, 'node2', largeRes),
  running('p3.1', midPriority, 'node3', mediumRes),
];
const fooSpread = (topologyKey: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] } });
const preemptCases: { name: string; nodes: string[]; pods: JsonObject[]; pod: JsonObject; want: string | null; expectedPods: string[] }[] = [
  {
    name: 'basic preemption logic',
    nodes: ['node1', 'node2', 'node3'],
    pods: basicPods(),
    pod: testPod({ name: 'p', priority: highPriority, cpu: '500m', memory: '500', extra: { preemptionPolicy: 'PreemptLowerPriority' } }),
    want: 'node1',
    expectedPods: ['p1.1', 'p1.2'],
  },
  {
    name: 'preemption for topology spread constraints',
    nodes: ['node-a/zone1', 'node-b/zone1', 'node-x/zone2'],
    pods: [
      running('p-a1', highPriority, 'node-a', undefined, { foo: '' }),
      running('p-a2', highPriority, 'node-a', undefined, { foo: '' }),
      running('p-b1', lowPriority, 'node-b', undefined, { foo: '' }),
      running('p-x1', highPriority, 'node-x', undefined, { foo: '' }),
      running('p-x2', highPriority, 'node-x', undefined, { foo: '' }),
    ],
    pod: testPod({ name: 'p', priority: highPriority, labels: { foo: '' }, spread: [fooSpread('zone'), fooSpread('hostname')] }),
    want: 'node-b',
    expectedPods: ['p-b1'],
  },
  {
    name: 'no preempting in pod',
    nodes: ['node1', 'node2', 'node3'],
    pods: basicPods(),
    pod: testPod({ name: 'p', priority: highPriority, cpu: '500m', memory: '500', extra: { preemptionPolicy: 'Never' } }),
    want: null,
    expectedPods: [],
  },
  {
    name: 'PreemptionPolicy is nil',
    nodes: ['node1', 'node2', 'node3'],
    pods: basicPods(),
    pod: testPod({ name: 'p', priority: highPriority, cpu: '500m', memory: '500' }),
    want: 'node1',
    expectedPods: ['p1.1', 'p1.2'],
  },
];
for (const c of preemptCases) {
  test(`${FILE} TestPreempt: ${c.name}`, () => {
    const r = schedule({ nodes: c.nodes.map(big), pods: [...c.pods, c.pod] });
    const p = r.pods.find((x) => x.name === 'p')!;
    assert.deepEqual(r.preempted.map((v) => v.name).sort(), c.expectedPods);
    assert.equal(p.node, c.want);
    if (c.want === null) assert.match(p.message!, / preemption: not eligible due to preemptionPolicy=Never\.$/);
  });
}
