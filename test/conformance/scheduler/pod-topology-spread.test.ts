// Upstream: pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go TestSingleConstraint,
// TestMultipleConstraints; scoring_test.go TestPodTopologySpreadScore, TestPreScoreSkip (newest stored
// versions: minDomains, nodeAffinityPolicy/nodeTaintsPolicy, matchLabelKeys).
// v1.33 has NodeInclusionPolicyInPodTopologySpread and MatchLabelKeysInPodTopologySpread on, so the cases
// that switch those gates off are not transcribed ("matchLabelKeys ignored when feature gate disabled").
// Not transcribed either: "minDomains has no effect when ScheduleAnyway" (upstream calls it artificial; the
// simulator rejects minDomains with ScheduleAnyway as the API server does), and TestPreFilterState /
// TestPreScoreStateEmptyNodes / TestPreFilterStateAddPod / RemovePod, which compare internal state.
// Filtering tables check status codes per node (as upstream's tests do); scoring tables check the scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFilterPlugin, runScorePlugin } from '../../../simulations/scheduler/public-api.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';
import { exists, node, pod } from './builders.ts';

const FILTER = 'pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go';
const SCORE = 'pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go';
const HOST = 'kubernetes.io/hostname';
const spread = (maxSkew: number, topologyKey: string, whenUnsatisfiable: string, labelSelector: JsonObject | null) => ({ maxSkew, topologyKey, whenUnsatisfiable, ...(labelSelector ? { labelSelector } : {}) });
const zn = (name: string, zone?: string, extra: Record<string, string> = { node: name }) => node({ name, labels: { ...(zone ? { zone } : {}), ...extra } });
const four = () => [zn('node-a', 'zone1'), zn('node-b', 'zone1'), zn('node-x', 'zone2'), zn('node-y', 'zone2')];
const foo = (name: string, nodeName: string, extra: { namespace?: string; labels?: Record<string, string>; terminating?: boolean } = {}) =>
  pod({ name, node: nodeName, labels: extra.labels ?? { foo: '' }, namespace: extra.namespace, terminating: extra.terminating });
const spreadAs = (counts: Record<string, number>, labels: Record<string, string> = { foo: '' }) =>
  Object.entries(counts).flatMap(([n, k]) => Array.from({ length: k }, (_, i) => foo(`p-${n.slice(-1)}${i + 1}`, n, { labels })));

type Codes = Record<string, string>;
const S = 'Success';
const U = 'Unschedulable';
const UU = 'UnschedulableAndUnresolvable';

interface FilterCase {
  name: string;
  pod: JsonObject;
  nodes: JsonObject[];
  existing: JsonObject[];
  want: Codes;
}

const single: FilterCase[] = [
  { name: 'no existing pods', pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] }), nodes: four(), existing: [], want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': S } },
  { name: "no existing pods, incoming pod doesn't match itself", pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'zone', 'DoNotSchedule', exists('bar'))] }), nodes: four(), existing: [], want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': S } },
  {
    name: 'existing pods in a different namespace do not count',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] }),
    nodes: four(),
    existing: [foo('p-a1', 'node-a', { namespace: 'ns1' }), foo('p-b1', 'node-a', { namespace: 'ns2' }), foo('p-x1', 'node-x'), foo('p-y1', 'node-y')],
    want: { 'node-a': S, 'node-b': S, 'node-x': U, 'node-y': U },
  },
  { name: 'pods spread across zones as 3/3, all nodes fit', pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] }), nodes: four(), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }), want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': S } },
  {
    name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] }),
    nodes: [zn('node-a', 'zone1'), node({ name: 'node-b', labels: { zon: 'zone1', node: 'node-b' } }), zn('node-x', 'zone2'), zn('node-y', 'zone2')],
    existing: spreadAs({ 'node-a': 1, 'node-b': 1, 'node-x': 1, 'node-y': 1 }),
    want: { 'node-a': S, 'node-b': UU, 'node-x': U, 'node-y': U },
  },
  { name: "pod cannot be scheduled as all nodes don't have label 'rack'", pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'rack', 'DoNotSchedule', exists('foo'))] }), nodes: [zn('node-a', 'zone1'), zn('node-x', 'zone2')], existing: [], want: { 'node-a': UU, 'node-x': UU } },
  { name: 'pods spread across nodes as 2/1/0/3, only node-x fits', pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }), nodes: four(), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }), want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U } },
  { name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit', pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(2, 'node', 'DoNotSchedule', exists('foo'))] }), nodes: four(), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }), want: { 'node-a': U, 'node-b': S, 'node-x': S, 'node-y': U } },
  { name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself", pod: pod({ name: 'p', labels: { bar: '' }, spread: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }), nodes: four(), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }), want: { 'node-a': U, 'node-b': S, 'node-x': S, 'node-y': U } },
  {
    // Only node-a and node-y count (the Pod's node affinity); the plugin alone does not filter node-b and node-x.
    name: 'incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits',
    pod: pod({
      name: 'p',
      labels: { foo: '' },
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'In', values: ['node-a', 'node-y'] }] }] } } },
      spread: [spread(1, 'node', 'DoNotSchedule', exists('foo'))],
    }),
    nodes: four(),
    existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }),
    want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': U },
  },
  {
    name: 'terminating Pods should be excluded',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: [node({ name: 'node-a', labels: { node: 'node-a' } }), node({ name: 'node-b', labels: { node: 'node-b' } })],
    existing: [foo('p-a', 'node-a', { terminating: true }), foo('p-b', 'node-b')],
    want: { 'node-a': S, 'node-b': U },
  },
];
for (const c of single) {
  test(`${FILTER} TestSingleConstraint: ${c.name}`, () => {
    const got = runFilterPlugin('PodTopologySpread', { pod: c.pod, nodes: c.nodes, existingPods: c.existing });
    assert.deepEqual(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.code])), c.want);
  });
}

const two = (a: JsonObject, b: JsonObject, labels: Record<string, string> = { foo: '' }) => pod({ name: 'p', labels, spread: [spread(1, 'zone', 'DoNotSchedule', a), spread(1, 'node', 'DoNotSchedule', b)] });
const multiple: FilterCase[] = [
  { name: 'two Constraints on zone and node, spreads = [3/3, 2/1/0/3]', pod: two(exists('foo'), exists('foo')), nodes: four(), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-y': 3 }), want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U } },
  { name: 'two Constraints on zone and node, spreads = [3/4, 2/1/0/4]', pod: two(exists('foo'), exists('foo')), nodes: four(), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-y': 4 }), want: { 'node-a': U, 'node-b': U, 'node-x': U, 'node-y': U } },
  { name: 'Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]', pod: two(exists('foo'), exists('bar'), { foo: '', bar: '' }), nodes: four(), existing: [foo('p-a1', 'node-a'), foo('p-y1', 'node-y', { labels: { bar: '' } })], want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U } },
  { name: 'Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]', pod: two(exists('foo'), exists('bar'), { foo: '', bar: '' }), nodes: four(), existing: [foo('p-a1', 'node-a'), foo('p-x1', 'node-x', { labels: { bar: '' } }), foo('p-y1', 'node-y', { labels: { bar: '' } })], want: { 'node-a': U, 'node-b': U, 'node-x': U, 'node-y': U } },
  {
    name: 'Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]',
    pod: two(exists('foo'), exists('bar'), { foo: '', bar: '' }),
    nodes: four(),
    existing: [foo('p-a1', 'node-a'), foo('p-a2', 'node-a', { labels: { foo: '', bar: '' } }), foo('p-y1', 'node-y'), foo('p-y2', 'node-y', { labels: { foo: '', bar: '' } }), foo('p-y3', 'node-y')],
    want: { 'node-a': U, 'node-b': S, 'node-x': U, 'node-y': U },
  },
  { name: "Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint", pod: two(exists('foo'), exists('bar'), { bar: '' }), nodes: four(), existing: [foo('p-a1', 'node-a'), foo('p-x1', 'node-x', { labels: { bar: '' } }), foo('p-y1', 'node-y', { labels: { bar: '' } })], want: { 'node-a': S, 'node-b': S, 'node-x': U, 'node-y': U } },
  {
    name: "two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]",
    pod: two(exists('foo'), exists('foo')),
    nodes: [zn('node-a', 'zone1'), zn('node-b', 'zone1'), node({ name: 'node-x', labels: { zone: 'zone2' } }), zn('node-y', 'zone2')],
    existing: [foo('p-a1', 'node-a'), foo('p-y3', 'node-y')],
    want: { 'node-a': U, 'node-b': S, 'node-x': UU, 'node-y': U },
  },
];
for (const c of multiple) {
  test(`${FILTER} TestMultipleConstraints: ${c.name}`, () => {
    const got = runFilterPlugin('PodTopologySpread', { pod: c.pod, nodes: c.nodes, existingPods: c.existing });
    assert.deepEqual(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.code])), c.want);
  });
}

const hn = (name: string, extra: Record<string, string> = {}) => node({ name, labels: { [HOST]: name, ...extra } });
const soft = (maxSkew: number, key: string, selector: JsonObject | null = exists('foo')) => spread(maxSkew, key, 'ScheduleAnyway', selector);
interface ScoreCase {
  name: string;
  pod: JsonObject;
  nodes: JsonObject[];
  failedNodes?: JsonObject[];
  existing?: JsonObject[];
  services?: JsonObject[];
  want: Record<string, number>;
}
const scoreCases: ScoreCase[] = [
  { name: 'one constraint on node, no existing pods', pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST)] }), nodes: [hn('node-a'), hn('node-b')], want: { 'node-a': 100, 'node-b': 100 } },
  { name: 'one constraint on node, only one node is candidate', pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST)] }), existing: spreadAs({ 'node-a': 2, 'node-b': 1 }), nodes: [hn('node-a')], failedNodes: [hn('node-b')], want: { 'node-a': 100 } },
  { name: 'one constraint on node, all nodes have the same number of matching pods', pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST)] }), existing: spreadAs({ 'node-a': 1, 'node-b': 1 }), nodes: [hn('node-a'), hn('node-b')], want: { 'node-a': 100, 'node-b': 100 } },
  { name: 'one constraint on node, all 4 nodes are candidates', pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST)] }), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-d': 3 }), nodes: [hn('node-a'), hn('node-b'), hn('node-c'), hn('node-d')], want: { 'node-a': 20, 'node-b': 60, 'node-c': 100, 'node-d': 0 } },
  { name: 'one constraint on node, null selector', pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST, null)] }), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-d': 3 }), nodes: [hn('node-a'), hn('node-b'), hn('node-c'), hn('node-d')], want: { 'node-a': 100, 'node-b': 100, 'node-c': 100, 'node-d': 100 } },
  { name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2', pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(2, HOST)] }), existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-d': 3 }), nodes: [hn('node-a'), hn('node-b'), hn('node-c'), hn('node-d')], want: { 'node-a': 33, 'node-b': 66, 'node-c': 100, 'node-d': 16 } },
  { name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3', pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(3, HOST)] }), existing: spreadAs({ 'node-a': 4, 'node-b': 3, 'node-c': 2, 'node-d': 1 }), nodes: [hn('node-a'), hn('node-b'), hn('node-c'), hn('node-d')], want: { 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 } },
  {
    name: "system defaulting, nodes don't have zone, pods match service",
    pod: pod({ name: 'p', labels: { foo: '' } }),
    existing: spreadAs({ 'node-a': 4, 'node-b': 3, 'node-c': 2, 'node-d': 1 }),
    nodes: [hn('node-a'), hn('node-b'), hn('node-c'), hn('node-d')],
    services: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { foo: '' } } }],
    want: { 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 },
  },
  { name: 'one constraint on node, 3 out of 4 nodes are candidates', pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST)] }), existing: spreadAs({ 'node-a': 4, 'node-b': 2, 'node-x': 1, 'node-y': 3 }), nodes: [hn('node-a'), hn('node-b'), hn('node-x')], failedNodes: [hn('node-y')], want: { 'node-a': 33, 'node-b': 83, 'node-x': 100 } },
  {
    name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST)] }),
    existing: spreadAs({ 'node-a': 4, 'node-b': 2, 'node-x': 1, 'node-y': 3 }),
    nodes: [hn('node-a'), node({ name: 'node-b', labels: { n: 'node-b' } }), hn('node-x')],
    failedNodes: [hn('node-y')],
    want: { 'node-a': 16, 'node-b': 0, 'node-x': 100 },
  },
  {
    name: 'one constraint on zone, 3 out of 4 nodes are candidates',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, 'zone')] }),
    existing: spreadAs({ 'node-a': 4, 'node-b': 2, 'node-x': 1, 'node-y': 3 }),
    nodes: [hn('node-a', { zone: 'zone1' }), hn('node-b', { zone: 'zone1' }), hn('node-x', { zone: 'zone2' })],
    failedNodes: [hn('node-y', { zone: 'zone2' })],
    want: { 'node-a': 75, 'node-b': 75, 'node-x': 100 },
  },
];
for (const c of scoreCases) {
  test(`${SCORE} TestPodTopologySpreadScore: ${c.name}`, () => {
    const all = [...c.nodes, ...(c.failedNodes ?? [])];
    const feasible = c.nodes.map((n) => String((n.metadata as JsonObject).name));
    const got = runScorePlugin('PodTopologySpread', { pod: c.pod, nodes: all, feasibleNodes: feasible, existingPods: c.existing, services: c.services });
    assert.deepEqual(got, c.want);
  });
}

// Newer TestSingleConstraint / TestMultipleConstraints cases (minDomains and the node inclusion policies).
// spreadFull(maxSkew, key, when, selector, { minDomains, nodeAffinityPolicy, nodeTaintsPolicy, matchLabelKeys })
// is st.MakePod().SpreadConstraint(...) with its optional arguments.
const spreadFull = (
  maxSkew: number,
  topologyKey: string,
  whenUnsatisfiable: string,
  labelSelector: JsonObject | null,
  opt: { minDomains?: number; nodeAffinityPolicy?: string; nodeTaintsPolicy?: string; matchLabelKeys?: string[] } = {},
) => ({ ...spread(maxSkew, topologyKey, whenUnsatisfiable, labelSelector), ...opt });
/** filtering_test.go `taints`: the node.kubernetes.io/unschedulable NoSchedule taint. */
const unschedTaint = [{ key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' }];
const nl = (name: string, labels: Record<string, string>, taints?: { key: string; value?: string; effect: string }[]) => node({ name, labels, taints });
const nodeIn = (key: string, values: string[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values }] }] } } });
const nodeNotIn = (key: string, values: string[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'NotIn', values }] }] } } });
const threeNodes = () => [nl('node-a', { node: 'node-a' }), nl('node-b', { node: 'node-b' }), nl('node-c', { node: 'node-c' })];
const fooNodes = (yTaints?: boolean) => [
  nl('node-a', { node: 'node-a', foo: '' }),
  nl('node-b', { node: 'node-b', foo: '' }),
  nl('node-x', { node: 'node-x', foo: '' }),
  nl('node-y', { node: 'node-y' }, yTaints ? unschedTaint : undefined),
];
const onePerNode = () => [foo('p-b1', 'node-a'), foo('p-b2', 'node-b'), foo('p-y1', 'node-y')];
const single2: FilterCase[] = [
  {
    name: 'existing pods do not match null selector',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'zone', 'DoNotSchedule', null)] }),
    nodes: four(),
    existing: [foo('p-x1', 'node-x'), foo('p-y1', 'node-y')],
    want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': S },
  },
  {
    // In this unit test NodeAffinity is not involved, so node-b still fits.
    name: 'incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits',
    pod: pod({ name: 'p', labels: { foo: '' }, affinity: nodeNotIn('node', ['node-b']), spread: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] }),
    nodes: four(),
    existing: [foo('p-b1', 'node-b'), foo('p-b2', 'node-b'), foo('p-y1', 'node-y')],
    want: { 'node-a': S, 'node-b': S, 'node-x': U, 'node-y': U },
  },
  {
    name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spreadFull(2, 'node', 'DoNotSchedule', exists('foo'), { minDomains: 4 })] }),
    nodes: threeNodes(),
    existing: spreadAs({ 'node-a': 2, 'node-b': 2, 'node-c': 1 }),
    want: { 'node-a': U, 'node-b': U, 'node-c': S },
  },
  {
    name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spreadFull(2, 'node', 'DoNotSchedule', exists('foo'), { minDomains: 2 })] }),
    nodes: threeNodes(),
    existing: spreadAs({ 'node-a': 2, 'node-b': 2, 'node-c': 1 }),
    want: { 'node-a': S, 'node-b': S, 'node-c': S },
  },
  {
    name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spreadFull(2, 'zone', 'DoNotSchedule', exists('foo'), { minDomains: 3 })] }),
    nodes: four(),
    existing: [foo('p-b1', 'node-a'), foo('p-b2', 'node-b'), foo('p-y1', 'node-y')],
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': S },
  },
  {
    name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spreadFull(2, 'zone', 'DoNotSchedule', exists('foo'), { minDomains: 1 })] }),
    nodes: four(),
    existing: [foo('p-b1', 'node-a'), foo('p-b2', 'node-b'), foo('p-y1', 'node-y')],
    want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': S },
  },
  {
    // pods spread across node as 1/1/0/~0~; with NodeAffinity disabled node-y would be a success in real life too.
    name: 'NodeAffinityPolicy honored with labelSelectors',
    pod: pod({ name: 'p', labels: { foo: '' }, nodeSelector: { foo: '' }, spread: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: fooNodes(),
    existing: onePerNode(),
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': S },
  },
  {
    // pods spread across node as 1/1/0/~1~
    name: 'NodeAffinityPolicy ignored with labelSelectors',
    pod: pod({ name: 'p', labels: { foo: '' }, nodeSelector: { foo: '' }, spread: [spreadFull(1, 'node', 'DoNotSchedule', exists('foo'), { nodeAffinityPolicy: 'Ignore' })] }),
    nodes: fooNodes(),
    existing: onePerNode(),
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U },
  },
  {
    name: 'NodeAffinityPolicy honored with nodeAffinity',
    pod: pod({ name: 'p', labels: { foo: '' }, affinity: nodeIn('foo', ['']), spread: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: fooNodes(),
    existing: onePerNode(),
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': S },
  },
  {
    // Upstream repeats the name "NodeAffinityPolicy ignored with labelSelectors" for this nodeAffinity case.
    name: 'NodeAffinityPolicy ignored with labelSelectors (the nodeAffinity variant, same upstream name)',
    pod: pod({ name: 'p', labels: { foo: '' }, affinity: nodeIn('foo', ['']), spread: [spreadFull(1, 'node', 'DoNotSchedule', exists('foo'), { nodeAffinityPolicy: 'Ignore' })] }),
    nodes: fooNodes(),
    existing: onePerNode(),
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U },
  },
  {
    // pods spread across node as 1/1/0/~0~
    name: 'NodeTaintsPolicy honored',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spreadFull(1, 'node', 'DoNotSchedule', exists('foo'), { nodeTaintsPolicy: 'Honor' })] }),
    nodes: fooNodes(true),
    existing: onePerNode(),
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': S },
  },
  {
    // pods spread across node as 1/1/0/~1~
    name: 'NodeTaintsPolicy ignored',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: fooNodes(true),
    existing: onePerNode(),
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U },
  },
];
for (const c of single2) {
  test(`${FILTER} TestSingleConstraint: ${c.name}`, () => {
    const got = runFilterPlugin('PodTopologySpread', { pod: c.pod, nodes: c.nodes, existingPods: c.existing });
    assert.deepEqual(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.code])), c.want);
  });
}

const zf = (name: string, zone: string, fooLabel: boolean, taints?: boolean) =>
  nl(name, { zone, node: name, ...(fooLabel ? { foo: '' } : {}) }, taints ? unschedTaint : undefined);
const multiple2: FilterCase[] = [
  {
    // zone: pods spread as 2/~0~; node: 1/1/0/~1~
    name: 'two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore',
    pod: pod({
      name: 'p',
      labels: { foo: '' },
      nodeSelector: { foo: '' },
      spread: [spread(1, 'zone', 'DoNotSchedule', exists('foo')), spreadFull(1, 'node', 'DoNotSchedule', exists('foo'), { nodeAffinityPolicy: 'Ignore' })],
    }),
    nodes: [zf('node-a', 'zone1', true), zf('node-b', 'zone1', true), zf('node-x', 'zone2', true), zf('node-y', 'zone2', false)],
    existing: [foo('p-a1', 'node-a'), foo('p-b1', 'node-b'), foo('p-y1', 'node-y')],
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U },
  },
  {
    // zone: 2/0; node: 1/1/0/~1~
    name: 'two node inclusion Constraints, zone: honor/honor, node: honor/ignore',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [spreadFull(1, 'zone', 'DoNotSchedule', exists('foo'), { nodeTaintsPolicy: 'Honor' }), spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: [zf('node-a', 'zone1', true), zf('node-b', 'zone1', true), zf('node-x', 'zone2', true), zf('node-y', 'zone2', false, true)],
    existing: [foo('p-a1', 'node-a'), foo('p-b1', 'node-b'), foo('p-y1', 'node-y')],
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U },
  },
  {
    // zone: 1/~1~; node: 1/0/0/~1~
    name: 'two node inclusion Constraints, zone: honor/ignore, node: honor/ignore',
    pod: pod({ name: 'p', labels: { foo: '' }, nodeSelector: { foo: '' }, spread: [spread(1, 'zone', 'DoNotSchedule', exists('foo')), spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: [zf('node-a', 'zone1', true), zf('node-b', 'zone1', false), zf('node-x', 'zone2', true), zf('node-y', 'zone2', true, true)],
    existing: [foo('p-a1', 'node-a'), foo('p-b1', 'node-b'), foo('p-y1', 'node-y')],
    want: { 'node-a': U, 'node-b': S, 'node-x': S, 'node-y': U },
  },
  {
    // zone: 1/0; node: 1/~1~/0/~1~
    name: 'two node inclusion Constraints, zone: honor/honor, node: ignore/ignore',
    pod: pod({
      name: 'p',
      labels: { foo: '' },
      nodeSelector: { foo: '' },
      spread: [spreadFull(1, 'zone', 'DoNotSchedule', exists('foo'), { nodeTaintsPolicy: 'Honor' }), spreadFull(1, 'node', 'DoNotSchedule', exists('foo'), { nodeAffinityPolicy: 'Ignore' })],
    }),
    nodes: [zf('node-a', 'zone1', true), zf('node-b', 'zone1', false), zf('node-x', 'zone2', true), zf('node-y', 'zone2', true, true)],
    existing: [foo('p-a1', 'node-a'), foo('p-b1', 'node-b'), foo('p-y1', 'node-y')],
    want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U },
  },
];
for (const c of multiple2) {
  test(`${FILTER} TestMultipleConstraints: ${c.name}`, () => {
    const got = runFilterPlugin('PodTopologySpread', { pod: c.pod, nodes: c.nodes, existingPods: c.existing });
    assert.deepEqual(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.code])), c.want);
  });
}

// Newer TestPodTopologySpreadScore cases (system defaulting as upstream's runner configures).
const zh = (name: string, zone: string) => hn(name, { zone });
const named = (name: string, nodeName: string, labels: Record<string, string>, extra: { namespace?: string; terminating?: boolean } = {}) => pod({ name, node: nodeName, labels, ...extra });
const nodeKeyed = (withFoo: boolean[], taintC = false) =>
  ['node-a', 'node-b', 'node-c'].map((name, i) => nl(name, { node: name, ...(withFoo[i] ? { foo: '' } : {}) }, taintC && i === 2 ? unschedTaint : undefined));
const twoOneOne = () => [named('p-a1', 'node-a', { foo: '' }), named('p-a2', 'node-a', { foo: '' }), named('p-b1', 'node-b', { foo: '' }), named('p-c1', 'node-c', { foo: '' })];
const scoreCases2: ScoreCase[] = [
  {
    // matching pods spread as 2/~1~/2/~4~
    name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, 'zone'), soft(1, HOST)] }),
    existing: spreadAs({ 'node-a': 2, 'node-b': 1, 'node-x': 2, 'node-y': 4 }),
    nodes: [zh('node-a', 'zone1'), zh('node-x', 'zone2')],
    failedNodes: [zh('node-b', 'zone1'), zh('node-y', 'zone2')],
    want: { 'node-a': 100, 'node-x': 63 },
  },
  {
    // zone: 2/2/1/1 (foo); node: 0/1/0/1 (bar)
    name: 'two Constraints on zone and node, with different labelSelectors',
    pod: pod({ name: 'p', labels: { foo: '', bar: '' }, spread: [soft(1, 'zone', exists('foo')), soft(1, HOST, exists('bar'))] }),
    existing: [named('p-a1', 'node-a', { foo: '' }), named('p-b1', 'node-b', { foo: '', bar: '' }), named('p-y1', 'node-y', { foo: '' }), named('p-y2', 'node-y', { bar: '' })],
    nodes: [zh('node-a', 'zone1'), zh('node-b', 'zone1'), zh('node-x', 'zone2'), zh('node-y', 'zone2')],
    want: { 'node-a': 60, 'node-b': 20, 'node-x': 100, 'node-y': 60 },
  },
  {
    // zone: 0/0/2/2; node: 0/1/0/1
    name: 'two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods',
    pod: pod({ name: 'p', labels: { foo: '', bar: '' }, spread: [soft(1, 'zone', exists('foo')), soft(1, HOST, exists('bar'))] }),
    existing: [named('p-b1', 'node-b', { bar: '' }), named('p-x1', 'node-x', { foo: '' }), named('p-y1', 'node-y', { foo: '', bar: '' })],
    nodes: [zh('node-a', 'zone1'), zh('node-b', 'zone1'), zh('node-x', 'zone2'), zh('node-y', 'zone2')],
    want: { 'node-a': 100, 'node-b': 60, 'node-x': 40, 'node-y': 0 },
  },
  {
    // zone: 2/2/1/~1~; node: 0/1/0/~1~
    name: 'two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates',
    pod: pod({ name: 'p', labels: { foo: '', bar: '' }, spread: [soft(1, 'zone', exists('foo')), soft(1, HOST, exists('bar'))] }),
    existing: [named('p-a1', 'node-a', { foo: '' }), named('p-b1', 'node-b', { foo: '', bar: '' }), named('p-y1', 'node-y', { foo: '' }), named('p-y2', 'node-y', { bar: '' })],
    nodes: [zh('node-a', 'zone1'), zh('node-b', 'zone1'), zh('node-x', 'zone2')],
    failedNodes: [zh('node-y', 'zone2')],
    want: { 'node-a': 50, 'node-b': 25, 'node-x': 100 },
  },
  {
    name: 'existing pods in a different namespace do not count',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST)] }),
    existing: [named('p-a1', 'node-a', { foo: '' }, { namespace: 'ns1' }), named('p-a2', 'node-a', { foo: '' }), named('p-b1', 'node-b', { foo: '' }), named('p-b2', 'node-b', { foo: '' })],
    nodes: [hn('node-a'), hn('node-b')],
    want: { 'node-a': 100, 'node-b': 33 },
  },
  {
    name: 'terminating Pods should be excluded',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, HOST)] }),
    existing: [named('p-a', 'node-a', { foo: '' }, { terminating: true }), named('p-b', 'node-b', { foo: '' })],
    nodes: [hn('node-a'), hn('node-b')],
    want: { 'node-a': 100, 'node-b': 0 },
  },
  {
    name: 'NodeAffinityPolicy honoed with labelSelectors',
    pod: pod({ name: 'p', labels: { foo: '' }, nodeSelector: { foo: '' }, spread: [soft(1, 'node')] }),
    existing: twoOneOne(),
    nodes: nodeKeyed([true, true, false]),
    want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 },
  },
  {
    name: 'NodeAffinityPolicy ignored with labelSelectors',
    pod: pod({ name: 'p', labels: { foo: '' }, nodeSelector: { foo: '' }, spread: [{ ...soft(1, 'node'), nodeAffinityPolicy: 'Ignore' }] }),
    existing: twoOneOne(),
    nodes: nodeKeyed([true, true, false]),
    want: { 'node-a': 66, 'node-b': 100, 'node-c': 100 },
  },
  {
    name: 'NodeAffinityPolicy honoed with nodeAffinity',
    pod: pod({ name: 'p', labels: { foo: '' }, affinity: nodeIn('foo', ['']), spread: [soft(1, 'node')] }),
    existing: twoOneOne(),
    nodes: nodeKeyed([true, true, false]),
    want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 },
  },
  {
    name: 'NodeAffinityPolicy ignored with nodeAffinity',
    pod: pod({ name: 'p', labels: { foo: '' }, affinity: nodeIn('foo', ['']), spread: [{ ...soft(1, 'node'), nodeAffinityPolicy: 'Ignore' }] }),
    existing: twoOneOne(),
    nodes: nodeKeyed([true, true, false]),
    want: { 'node-a': 66, 'node-b': 100, 'node-c': 100 },
  },
  {
    name: 'NodeTaintsPolicy honored',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [{ ...soft(1, 'node'), nodeTaintsPolicy: 'Honor' }] }),
    existing: twoOneOne(),
    nodes: nodeKeyed([false, false, false], true),
    want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 },
  },
  {
    name: 'NodeTaintsPolicy ignored',
    pod: pod({ name: 'p', labels: { foo: '' }, spread: [soft(1, 'node')] }),
    existing: twoOneOne(),
    nodes: nodeKeyed([false, false, false], true),
    want: { 'node-a': 66, 'node-b': 100, 'node-c': 100 },
  },
  {
    name: 'matchLabelKeys ANDed with LabelSelector when LabelSelector is empty',
    pod: pod({ name: 'p', labels: { foo: '', bar: '' }, spread: [{ ...soft(1, 'zone', {}), matchLabelKeys: ['foo'] }, { ...soft(1, HOST, {}), matchLabelKeys: ['bar'] }] }),
    existing: [named('p-a1', 'node-a', { foo: '' }), named('p-b1', 'node-b', { foo: '', bar: '' }), named('p-y1', 'node-c', { foo: '' }), named('p-y2', 'node-c', { bar: '' })],
    nodes: [zh('node-a', 'zone1'), zh('node-b', 'zone1'), zh('node-c', 'zone2'), zh('node-d', 'zone2')],
    want: { 'node-a': 60, 'node-b': 20, 'node-c': 60, 'node-d': 100 },
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
    pod: pod({ name: 'p', labels: { foo: '', bar: '', baz: '' }, spread: [soft(1, 'zone', exists('foo')), { ...soft(1, HOST, exists('bar')), matchLabelKeys: ['baz'] }] }),
    existing: [
      named('p-a1', 'node-a', { foo: '' }),
      named('p-b1', 'node-b', { foo: '', bar: '', baz: '' }),
      named('p-c1', 'node-c', { foo: '' }),
      named('p-c2', 'node-c', { bar: '' }),
      named('p-d3', 'node-c', { bar: '', baz: '' }),
    ],
    nodes: [zh('node-a', 'zone1'), zh('node-b', 'zone1'), zh('node-c', 'zone2'), zh('node-d', 'zone2')],
    want: { 'node-a': 60, 'node-b': 20, 'node-c': 60, 'node-d': 100 },
  },
];
for (const c of scoreCases2) {
  test(`${SCORE} TestPodTopologySpreadScore: ${c.name}`, () => {
    const all = [...c.nodes, ...(c.failedNodes ?? [])];
    const feasible = c.nodes.map((n) => String((n.metadata as JsonObject).name));
    const got = runScorePlugin('PodTopologySpread', { pod: c.pod, nodes: all, feasibleNodes: feasible, existingPods: c.existing, services: c.services });
    assert.deepEqual(got, c.want);
  });
}

// scoring_test.go TestPreScoreSkip: defaultingType List (pluginConfig) — PreScore Skip reads as {}.
const listArgs = (defaultConstraints: JsonObject[]) => ({
  apiVersion: 'kubescheduler.config.k8s.io/v1',
  kind: 'KubeSchedulerConfiguration',
  profiles: [{ pluginConfig: [{ name: 'PodTopologySpread', args: { defaultingType: 'List', defaultConstraints } }] }],
});
// The simulator validates a ReplicaSet's template like the API server: the labels must satisfy the selector.
const rs = (name: string, selector: JsonObject, templateLabels: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default' },
  spec: { selector, template: { metadata: { labels: templateLabels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});
test(`${SCORE} TestPreScoreSkip: the pod doesn't have soft topology spread Constraints`, () => {
  const got = runScorePlugin('PodTopologySpread', { pod: pod({ name: 'p', namespace: 'default' }), nodes: [hn('node-a'), hn('node-b')], config: listArgs([]) });
  assert.deepEqual(got, {});
});
test(`${SCORE} TestPreScoreSkip: default constraints and a replicaset that doesn't match`, () => {
  const got = runScorePlugin('PodTopologySpread', {
    pod: pod({ name: 'p', namespace: 'default', labels: { foo: 'bar', baz: 'sup' }, owner: { kind: 'ReplicaSet', name: 'rs2' } }),
    nodes: [node({ name: 'node-a', labels: { planet: 'mars' } })],
    workloads: [rs('rs1', exists('tar'), { tar: '' })],
    config: listArgs([{ maxSkew: 2, topologyKey: 'planet', whenUnsatisfiable: 'ScheduleAnyway' }]),
  });
  assert.deepEqual(got, {});
});
