// Upstream: pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go TestSingleConstraint,
// TestMultipleConstraints; scoring_test.go TestPodTopologySpreadScore.
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
