// Upstream: pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode,
// TestRequiredAffinityMultipleNodes; scoring_test.go TestPreferredAffinity,
// TestPreferredAffinityWithHardPodAffinitySymmetricWeight (newest stored versions). Since v1.20 a failing node reports one reason (the older
// tables also listed "node(s) didn't match pod affinity/anti-affinity"); these expectations use v1.33's.
// Terms without a topologyKey in the old tables carry none here either (they match no node).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFilterPlugin, runScorePlugin } from '../../../simulations/scheduler/public-api.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';
import { node, pod } from './builders.ts';

const FILTER = 'pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go';
const SCORE = 'pkg/scheduler/framework/plugins/interpodaffinity/scoring_test.go';
const expr = (key: string, operator: string, values?: string[]) => ({ key, operator, ...(values ? { values } : {}) });
const term = (exprs: JsonObject[], topologyKey?: string, extra: JsonObject = {}) => ({ labelSelector: { matchExpressions: exprs }, ...(topologyKey ? { topologyKey } : {}), ...extra });
/** createPodWithAffinityTerms(namespace, nodeName, labels, affinity, antiAffinity) */
const withTerms = (name: string, nodeName: string | undefined, labels: Record<string, string>, affinity: JsonObject[] | null, anti: JsonObject[] | null, namespace?: string) =>
  pod({
    name,
    namespace,
    node: nodeName,
    labels,
    affinity: {
      podAffinity: affinity ? { requiredDuringSchedulingIgnoredDuringExecution: affinity } : {},
      podAntiAffinity: anti ? { requiredDuringSchedulingIgnoredDuringExecution: anti } : {},
    },
  });
/** scoring_test.go `namespaces`, also given to the filtering tests' informers. */
const namespaces = [
  ['subteam1.team1', 'team1'],
  ['subteam2.team1', 'team1'],
  ['subteam1.team2', 'team2'],
  ['subteam2.team2', 'team2'],
].map(([name, team]) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team } } }));
const podLabel = { service: 'securityscan' };
const podLabel2 = { security: 'S1' };
const node1 = () => node({ name: 'machine1', labels: { region: 'r1', zone: 'z11' } });
const existing = (labels: Record<string, string>, nodeName = 'machine1', name = 'e', namespace?: string) => pod({ name, node: nodeName, labels, namespace });
const OK = { code: 'Success', reasons: [] };
const AFF = { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match pod affinity rules"] };
const ANTI = { code: 'Unschedulable', reasons: ["node(s) didn't match pod anti-affinity rules"] };
const EXISTING = { code: 'Unschedulable', reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"] };
/** st.MakePod().PodAffinityExists(key, ...) / PodAntiAffinityExists(key, ...): one Exists requirement. */
const ex = (key: string) => expr(key, 'Exists');
const team1 = { matchExpressions: [expr('team', 'In', ['team1'])] };
// framework.PodInfo parse error, as the PreFilter prints it (apimachinery labels.NewRequirement's field error).
const BAD_LABEL = {
  code: 'UnschedulableAndUnresolvable',
  reasons: [
    `parsing pod: requiredAffinityTerms: values[0][service]: Invalid value: "{{.bad-value.}}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
  ],
};

const cases: { name: string; pod: JsonObject; pods: JsonObject[]; want: object }[] = [
  { name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods', pod: pod(), pods: [], want: OK },
  { name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod', pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'In', ['securityscan', 'value2'])], 'region')], null), pods: [existing(podLabel)], want: OK },
  { name: 'satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod', pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'NotIn', ['securityscan3', 'value3'])], 'region')], null), pods: [existing(podLabel)], want: OK },
  { name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace', pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'In', ['securityscan', 'value2'])], undefined, { namespaces: ['DiffNameSpace'] })], null), pods: [existing(podLabel, 'machine1', 'e', 'ns')], want: AFF },
  { name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod", pod: withTerms('p', undefined, podLabel, [term([expr('service', 'In', ['antivirusscan', 'value2'])])], null), pods: [existing(podLabel)], want: AFF },
  { name: 'satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution ', pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'Exists'), expr('wrongkey', 'DoesNotExist')], 'region'), term([expr('service', 'In', ['securityscan']), expr('service', 'NotIn', ['WrongValue'])], 'region')], null), pods: [existing(podLabel)], want: OK },
  { name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.", pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'Exists'), expr('wrongkey', 'DoesNotExist')], 'region'), term([expr('service', 'In', ['securityscan2']), expr('service', 'NotIn', ['WrongValue'])], 'region')], null), pods: [existing(podLabel)], want: AFF },
  { name: 'satisfies the PodAffinity and PodAntiAffinity with the existing pod', pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'In', ['securityscan', 'value2'])], 'region')], [term([expr('service', 'In', ['antivirusscan', 'value2'])], 'node')]), pods: [existing(podLabel)], want: OK },
  {
    name: 'satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod',
    pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'In', ['securityscan', 'value2'])], 'region')], [term([expr('service', 'In', ['antivirusscan', 'value2'])], 'node')]),
    pods: [withTerms('e', 'machine1', podLabel, null, [term([expr('service', 'In', ['antivirusscan', 'value2'])], 'node')])],
    want: OK,
  },
  { name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod", pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'In', ['securityscan', 'value2'])], 'region')], [term([expr('service', 'In', ['securityscan', 'value2'])], 'zone')]), pods: [existing(podLabel)], want: ANTI },
  {
    name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
    pod: withTerms('p', undefined, podLabel, [term([expr('service', 'In', ['securityscan', 'value2'])], 'region')], [term([expr('service', 'In', ['antivirusscan', 'value2'])], 'node')]),
    pods: [withTerms('e', 'machine1', podLabel, null, [term([expr('service', 'In', ['securityscan', 'value2'])], 'zone')])],
    want: EXISTING,
  },
  { name: 'pod matches its own Label in PodAffinity and that matches the existing pod Labels', pod: withTerms('p', undefined, podLabel, [term([expr('service', 'NotIn', ['securityscan', 'value2'])], 'region')], null), pods: [existing(podLabel, 'machine2')], want: AFF },
  {
    name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
    pod: pod({ labels: podLabel }),
    pods: [withTerms('e', 'machine1', podLabel, null, [term([expr('service', 'In', ['securityscan', 'value2'])], 'zone')])],
    want: EXISTING,
  },
  {
    name: 'verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod',
    pod: pod({ labels: podLabel }),
    pods: [withTerms('e', 'machine1', podLabel, null, [term([expr('service', 'NotIn', ['securityscan', 'value2'])], 'zone')])],
    want: OK,
  },
  {
    name: "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
    pod: withTerms('p', undefined, podLabel, null, [term([ex('service')], 'region'), term([ex('security')], 'region')]),
    pods: [withTerms('e', 'machine1', podLabel2, null, [term([ex('security')], 'zone')])],
    want: ANTI,
  },
  {
    name: 'PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: withTerms('p', undefined, podLabel, null, [term([ex('service')], 'zone'), term([ex('security')], 'zone')]),
    pods: [withTerms('e', 'machine1', podLabel2, null, [term([ex('security')], 'zone')])],
    want: ANTI,
  },
  {
    name: 'PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: withTerms('p', undefined, podLabel2, null, [term([ex('security')], 'zone')]),
    pods: [withTerms('e', 'machine1', podLabel, null, [term([ex('service')], 'zone'), term([ex('security')], 'zone')])],
    want: EXISTING,
  },
  {
    name: 'PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: withTerms('p', undefined, { abc: '', xyz: '' }, null, [term([ex('abc')], 'zone'), term([ex('def')], 'zone')]),
    pods: [withTerms('e', 'machine1', { def: '', xyz: '' }, null, [term([ex('abc')], 'zone'), term([ex('def')], 'zone')])],
    want: ANTI,
  },
  {
    name: 'PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: withTerms('p', undefined, { def: '', xyz: '' }, null, [term([ex('abc')], 'zone'), term([ex('def')], 'zone')]),
    pods: [withTerms('e', 'machine1', { abc: '', xyz: '' }, null, [term([ex('abc')], 'zone'), term([ex('def')], 'zone')])],
    want: ANTI,
  },
  {
    name: 'PodAffinity fails PreFilter with an invalid affinity label syntax',
    pod: withTerms('p', undefined, podLabel, [term([expr('service', 'In', ['{{.bad-value.}}'])], 'region'), term([expr('service', 'In', ['antivirusscan', 'value2'])], 'node')], null),
    pods: [],
    want: BAD_LABEL,
  },
  {
    // The upstream case named "anti-affinity" builds two required *affinity* terms, the second one bad.
    name: 'PodAntiAffinity fails PreFilter with an invalid antiaffinity label syntax',
    pod: withTerms('p', undefined, podLabel, [term([expr('service', 'In', ['foo'])], 'region'), term([expr('service', 'In', ['{{.bad-value.}}'])], 'node')], null),
    pods: [],
    want: BAD_LABEL,
  },
  {
    name: 'affinity with NamespaceSelector',
    pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'In', ['securityscan', 'value2'])], 'region', { namespaceSelector: team1 })], null),
    pods: [existing(podLabel, 'machine1', 'e', 'subteam1.team1')],
    want: OK,
  },
  {
    name: 'affinity with non-matching NamespaceSelector',
    pod: withTerms('p', undefined, podLabel2, [term([expr('service', 'In', ['securityscan', 'value2'])], 'region', { namespaceSelector: team1 })], null),
    pods: [existing(podLabel, 'machine1', 'e', 'subteam1.team2')],
    want: AFF,
  },
  {
    name: 'anti-affinity with matching NamespaceSelector',
    pod: withTerms('p', undefined, podLabel2, null, [term([expr('service', 'In', ['securityscan', 'value2'])], 'zone', { namespaceSelector: team1 })], 'subteam1.team1'),
    pods: [existing(podLabel, 'machine1', 'e', 'subteam2.team1')],
    want: ANTI,
  },
  {
    name: 'anti-affinity with matching all NamespaceSelector',
    pod: withTerms('p', undefined, podLabel2, null, [term([expr('service', 'In', ['securityscan', 'value2'])], 'zone', { namespaceSelector: {} })], 'subteam1.team1'),
    pods: [existing(podLabel, 'machine1', 'e', 'subteam2.team1')],
    want: ANTI,
  },
  {
    name: 'anti-affinity with non-matching NamespaceSelector',
    pod: withTerms('p', undefined, podLabel2, null, [term([expr('service', 'In', ['securityscan', 'value2'])], 'zone', { namespaceSelector: team1 })], 'subteam1.team1'),
    pods: [existing(podLabel, 'machine1', 'e', 'subteam1.team2')],
    want: OK,
  },
];
for (const c of cases) {
  test(`${FILTER} TestRequiredAffinitySingleNode: ${c.name}`, () => {
    const got = runFilterPlugin('InterPodAffinity', { pod: c.pod, nodes: [node1()], existingPods: c.pods, namespaces });
    assert.deepEqual(got.machine1, c.want);
  });
}

const labelRgChina = { region: 'China' };
const labelRgIndia = { region: 'India' };
const labelAzAz1 = { az: 'az1' };
const labelAzAz2 = { az: 'az2' };
const labelRgChinaAzAz1 = { region: 'China', az: 'az1' };
const S1 = { security: 'S1' };
const S2 = { security: 'S2' };
const weighted = (weight: number, t: JsonObject) => ({ weight, podAffinityTerm: t });
const stayWithS1InRegion = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term([expr('security', 'In', ['S1'])], 'region'))] } };
const stayWithS2InRegion = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(6, term([expr('security', 'In', ['S2'])], 'region'))] } };
const affinity3 = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      weighted(8, term([expr('security', 'NotIn', ['S1']), expr('security', 'In', ['S2'])], 'region')),
      weighted(2, term([expr('security', 'Exists'), expr('wrongkey', 'DoesNotExist')], 'region')),
    ],
  },
};
const hardAffinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [term([expr('security', 'In', ['S1', 'value2'])], 'region'), term([expr('security', 'Exists'), expr('wrongkey', 'DoesNotExist')], 'region')],
  },
};
const awayFromS1InAz = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term([expr('security', 'In', ['S1'])], 'az'))] } };
const awayFromS2InAz = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term([expr('security', 'In', ['S2'])], 'az'))] } };
const stayWithS1InRegionAwayFromS2InAz = {
  podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(8, term([expr('security', 'In', ['S1'])], 'region'))] },
  podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, term([expr('security', 'In', ['S2'])], 'az'))] },
};
const nsSelectorTerm = (): JsonObject => term([expr('security', 'In', ['S1'])], 'region', { namespaces: ['subteam2.team2'], namespaceSelector: { matchExpressions: [expr('team', 'In', ['team1'])] } });
const affinityNamespaceSelector = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, nsSelectorTerm())] } };
const antiAffinityNamespaceSelector = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted(5, nsSelectorTerm())] } };
const n = (name: string, labels: Record<string, string>) => node({ name, labels });
let seq = 0;
const on = (nodeName: string, labels?: Record<string, string>, affinity?: JsonObject, namespace?: string) => pod({ name: `e${seq++}`, node: nodeName, labels, affinity, namespace });

const scoreCases: { name: string; pod: JsonObject; pods: JsonObject[]; nodes: JsonObject[]; want: Record<string, number> }[] = [
  { name: 'all nodes are same priority as Affinity is nil', pod: pod({ labels: S1 }), pods: [], nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)], want: {} },
  { name: "Affinity: pod that matches topology key & pods in nodes will get high score comparing to otherswhich doesn't match either pods in nodes or in topology key", pod: pod({ labels: S1, affinity: stayWithS1InRegion }), pods: [on('node1', S1), on('node2', S2), on('node3', S1)], nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)], want: { node1: 100, node2: 0, node3: 0 } },
  { name: 'All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score', pod: pod({ affinity: stayWithS1InRegion }), pods: [on('node1', S1)], nodes: [n('node1', labelRgChina), n('node2', labelRgChinaAzAz1), n('node3', labelRgIndia)], want: { node1: 100, node2: 100, node3: 0 } },
  { name: 'Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score', pod: pod({ labels: S1, affinity: stayWithS2InRegion }), pods: [on('node1', S2), on('node1', S2), on('node2', S2), on('node3', S2), on('node4', S2), on('node5', S2)], nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelRgChina), n('node4', labelRgChina), n('node5', labelRgIndia)], want: { node1: 100, node2: 0, node3: 100, node4: 100, node5: 0 } },
  { name: 'Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures ', pod: pod({ labels: S1, affinity: affinity3 }), pods: [on('node1', S1), on('node2', S2), on('node3', S1)], nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)], want: { node1: 20, node2: 100, node3: 0 } },
  { name: 'Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry', pod: pod({ labels: S2 }), pods: [on('node1', S1, stayWithS1InRegion), on('node2', S2, stayWithS2InRegion)], nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)], want: { node1: 0, node2: 100, node3: 0 } },
  { name: 'Affinity symmetry with namespace selector', pod: pod({ labels: S1, namespace: 'subteam1.team1' }), pods: [on('node1', S1, affinityNamespaceSelector), on('node2', S2, stayWithS2InRegion)], nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)], want: { node1: 100, node2: 0, node3: 0 } },
  { name: 'AntiAffinity symmetry with namespace selector', pod: pod({ labels: S1, namespace: 'subteam1.team1' }), pods: [on('node1', S1, antiAffinityNamespaceSelector), on('node2', S2, stayWithS2InRegion)], nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)], want: { node1: 0, node2: 100, node3: 100 } },
  { name: 'Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry', pod: pod({ labels: S1 }), pods: [on('node1', S1, hardAffinity), on('node2', S2, hardAffinity)], nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)], want: { node1: 100, node2: 100, node3: 0 } },
  { name: 'Anti Affinity: pod that does not match existing pods in node will get high score ', pod: pod({ labels: S1, affinity: awayFromS1InAz }), pods: [on('node1', S1), on('node2', S2)], nodes: [n('node1', labelAzAz1), n('node2', labelRgChina)], want: { node1: 0, node2: 100 } },
  { name: 'Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others ', pod: pod({ labels: S1, affinity: awayFromS1InAz }), pods: [on('node1', S1), on('node2', S1)], nodes: [n('node1', labelAzAz1), n('node2', labelRgChina)], want: { node1: 0, node2: 100 } },
  { name: 'Anti Affinity: one node has more matching pods comparing to other node, so the node which has more unmatches will get high score', pod: pod({ labels: S1, affinity: awayFromS1InAz }), pods: [on('node1', S1), on('node1', S1), on('node2', S2)], nodes: [n('node1', labelAzAz1), n('node2', labelRgIndia)], want: { node1: 0, node2: 100 } },
  { name: 'Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score', pod: pod({ labels: S2 }), pods: [on('node1', S1, awayFromS2InAz), on('node2', S2, awayFromS1InAz)], nodes: [n('node1', labelAzAz1), n('node2', labelAzAz2)], want: { node1: 0, node2: 100 } },
  { name: 'Affinity and Anti Affinity: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity', pod: pod({ labels: S1, affinity: stayWithS1InRegionAwayFromS2InAz }), pods: [on('node1', S1), on('node2', S1)], nodes: [n('node1', labelRgChina), n('node2', labelAzAz1)], want: { node1: 100, node2: 0 } },
  {
    name: 'Affinity and Anti Affinity: considering both affinity and anti-affinity, the pod to schedule and existing pods have the same labels',
    pod: pod({ labels: S1, affinity: stayWithS1InRegionAwayFromS2InAz }),
    pods: [on('node1', S1), on('node1', S1), on('node2', S1), on('node3', S1), on('node3', S1), on('node4', S1), on('node5', S1)],
    nodes: [n('node1', labelRgChinaAzAz1), n('node2', labelRgIndia), n('node3', labelRgChina), n('node4', labelRgChina), n('node5', labelRgIndia)],
    want: { node1: 100, node2: 0, node3: 100, node4: 100, node5: 0 },
  },
  {
    name: 'Affinity and Anti Affinity and symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity & symmetry',
    pod: pod({ labels: S1, affinity: stayWithS1InRegionAwayFromS2InAz }),
    pods: [on('node1', S1), on('node2', S2), on('node3', undefined, stayWithS1InRegionAwayFromS2InAz), on('node4', undefined, awayFromS1InAz)],
    nodes: [n('node1', labelRgChina), n('node2', labelAzAz1), n('node3', labelRgIndia), n('node4', labelAzAz2)],
    want: { node1: 100, node2: 0, node3: 100, node4: 0 },
  },
  { name: "Avoid panic when partial nodes in a topology don't have pods with affinity", pod: pod({ labels: S1 }), pods: [on('node1', S1), on('node2', undefined, stayWithS1InRegionAwayFromS2InAz)], nodes: [n('node1', labelRgChina), n('node2', labelRgChina)], want: { node1: 0, node2: 0 } },
];
for (const c of scoreCases) {
  test(`${SCORE} TestPreferredAffinity: ${c.name}`, () => {
    assert.deepEqual(runScorePlugin('InterPodAffinity', { pod: c.pod, nodes: c.nodes, existingPods: c.pods, namespaces }), c.want);
  });
}

// filtering_test.go TestRequiredAffinityMultipleNodes. Terms are st.MakePod().PodAffinityIn/Exists and
// PodAntiAffinityIn/Exists (required); a PreFilter Skip reads as Success on every node.
const inTerm = (key: string, topologyKey: string, values: string[]) => term([expr(key, 'In', values)], topologyKey);
const exTerm = (key: string, topologyKey: string) => term([ex(key)], topologyKey);
const nodeWith = (name: string, labels: Record<string, string>) => node({ name, labels });
const rzh = (name: string, zone: string, region = 'r1') => nodeWith(name, { region, zone, hostname: name });
const antiPod = (nodeName: string, terms: JsonObject[], extra: { labels?: Record<string, string>; namespace?: string } = {}) =>
  withTerms(`e-${nodeName}-${seqM++}`, nodeName, extra.labels ?? {}, null, terms, extra.namespace);
let seqM = 0;
const labelled = (nodeName: string, labels: Record<string, string>, namespace?: string) => existing(labels, nodeName, `l-${nodeName}-${seqM++}`, namespace);

const multi: { name: string; pod: JsonObject; pods: JsonObject[]; nodes: JsonObject[]; want: object[] }[] = [
  {
    name: 'A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules',
    pod: withTerms('p', undefined, {}, [inTerm('foo', 'region', ['bar'])], null),
    pods: [labelled('node1', { foo: 'bar' })],
    nodes: [nodeWith('node1', { region: 'China' }), nodeWith('node2', { region: 'China', az: 'az1' }), nodeWith('node3', { region: 'India' })],
    want: [OK, OK, AFF],
  },
  {
    name:
      'The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection ' +
      "should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.",
    pod: withTerms('p', undefined, { foo: 'bar', service: 'securityscan' }, [inTerm('foo', 'zone', ['bar']), inTerm('service', 'zone', ['securityscan'])], null),
    pods: [labelled('nodeA', { foo: 'bar' })],
    nodes: [nodeWith('nodeA', { zone: 'az1', hostname: 'h1' }), nodeWith('nodeB', { zone: 'az2', hostname: 'h2' })],
    want: [OK, OK],
  },
  {
    name: 'The first pod of the collection can only be scheduled on nodes labelled with the requested topology keys',
    pod: withTerms('p', undefined, { foo: 'bar', service: 'securityscan' }, [inTerm('foo', 'zone', ['bar']), inTerm('service', 'zone', ['securityscan'])], null),
    pods: [labelled('nodeA', { foo: 'bar' })],
    nodes: [nodeWith('nodeA', { zoneLabel: 'az1', hostname: 'h1' }), nodeWith('nodeB', { zoneLabel: 'az2', hostname: 'h2' })],
    want: [AFF, AFF],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.',
    pod: withTerms('p', undefined, {}, null, [inTerm('foo', 'region', ['abc'])]),
    pods: [labelled('nodeA', { foo: 'abc' })],
    nodes: [nodeWith('nodeA', { region: 'r1', hostname: 'nodeA' }), nodeWith('nodeB', { region: 'r1', hostname: 'nodeB' })],
    want: [ANTI, ANTI],
  },
  {
    name: 'This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod.',
    pod: withTerms('p', undefined, {}, null, [inTerm('foo', 'region', ['abc']), inTerm('service', 'zone', ['securityscan'])]),
    pods: [labelled('nodeA', { foo: 'abc', service: 'securityscan' })],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2')],
    want: [ANTI, ANTI],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB but can be scheduled onto nodeC',
    pod: withTerms('p', undefined, {}, null, [inTerm('foo', 'region', ['abc'])]),
    pods: [labelled('nodeA', { foo: 'abc' })],
    nodes: [nodeWith('nodeA', { region: 'China' }), nodeWith('nodeB', { region: 'China', az: 'az1' }), nodeWith('nodeC', { region: 'India' })],
    want: [ANTI, ANTI, OK],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA, nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the inter pod affinity rule but in different namespace)',
    pod: withTerms('p', undefined, { foo: '123' }, null, [inTerm('foo', 'region', ['bar'])], 'NS1'),
    pods: [labelled('nodeA', { foo: 'bar' }, 'NS1'), antiPod('nodeC', [inTerm('foo', 'region', ['123'])], { namespace: 'NS2' })],
    nodes: [nodeWith('nodeA', { region: 'China' }), nodeWith('nodeB', { region: 'China', az: 'az1' }), nodeWith('nodeC', { region: 'India' })],
    want: [ANTI, ANTI, OK],
  },
  {
    name: "Test existing pod's anti-affinity: if an existing pod has a term with invalid topologyKey, labelSelector of the term is firstly checked, and then topologyKey of the term is also checked",
    pod: pod({ labels: { foo: '' } }),
    pods: [antiPod('nodeA', [exTerm('foo', 'invalid-node-label')])],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z1')],
    want: [OK, OK],
  },
  {
    name: "Test incoming pod's anti-affinity: even if labelSelector matches, we still check if topologyKey matches",
    pod: withTerms('p', 'nodeA', {}, null, [exTerm('foo', 'invalid-node-label')]),
    pods: [labelled('nodeA', { foo: '' })],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z1')],
    want: [OK, OK],
  },
  {
    name: "Test existing pod's anti-affinity: incoming pod wouldn't considered as a fit as it violates each existingPod's terms on all nodes",
    pod: pod({ labels: { foo: '', bar: '' } }),
    pods: [antiPod('nodeA', [exTerm('foo', 'zone')]), antiPod('nodeA', [exTerm('bar', 'region')])],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2')],
    want: [EXISTING, EXISTING],
  },
  {
    name: "Test incoming pod's anti-affinity: incoming pod wouldn't considered as a fit as it at least violates one anti-affinity rule of existingPod",
    pod: withTerms('p', undefined, {}, null, [exTerm('foo', 'zone'), exTerm('bar', 'region')]),
    pods: [labelled('nodeA', { foo: '' }), labelled('nodeB', { bar: '' })],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2')],
    want: [ANTI, ANTI],
  },
  {
    name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
    pod: pod({ labels: { foo: '', bar: '' } }),
    pods: [antiPod('nodeA', [exTerm('foo', 'invalid-node-label'), exTerm('bar', 'zone')])],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2')],
    want: [EXISTING, OK],
  },
  {
    name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
    pod: withTerms('p', undefined, {}, null, [exTerm('foo', 'invalid-node-label'), exTerm('bar', 'zone')]),
    pods: [labelled('nodeA', { foo: '', bar: '' })],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2')],
    want: [ANTI, OK],
  },
  {
    name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
    pod: pod({ labels: { foo: '', bar: '' } }),
    pods: [antiPod('nodeA', [exTerm('foo', 'region'), exTerm('bar', 'zone')])],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2')],
    want: [EXISTING, EXISTING],
  },
  {
    name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
    pod: withTerms('p', undefined, {}, null, [exTerm('foo', 'region'), exTerm('bar', 'zone')]),
    pods: [labelled('nodeA', { foo: '', bar: '' })],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2')],
    want: [ANTI, ANTI],
  },
  {
    name: "Test existing pod's anti-affinity: existingPod on nodeA and nodeB has at least one anti-affinity term matches incoming pod, so incoming pod can only be scheduled to nodeC",
    pod: pod({ labels: { foo: '', bar: '' } }),
    pods: [antiPod('nodeA', [exTerm('foo', 'zone'), exTerm('labelA', 'zone')]), antiPod('nodeB', [exTerm('bar', 'zone'), exTerm('labelB', 'zone')])],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2'), rzh('nodeC', 'z3')],
    want: [EXISTING, EXISTING, OK],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match",
    pod: withTerms('p', undefined, {}, [exTerm('foo', 'region'), exTerm('bar', 'zone')], null),
    pods: [labelled('nodeA', { foo: '', bar: '' })],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z1')],
    want: [OK, OK],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match, and the match logic should be satisfied on the same pod",
    pod: withTerms('p', undefined, {}, [exTerm('foo', 'region'), exTerm('bar', 'zone')], null),
    pods: [labelled('nodeA', { foo: '' }), labelled('nodeB', { bar: '' })],
    nodes: [rzh('nodeA', 'z1'), rzh('nodeB', 'z2')],
    want: [AFF, AFF],
  },
];
for (const c of multi) {
  test(`${FILTER} TestRequiredAffinityMultipleNodes: ${c.name}`, () => {
    const ns1 = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'NS1' } }];
    const got = runFilterPlugin('InterPodAffinity', { pod: c.pod, nodes: c.nodes, existingPods: c.pods, namespaces: ns1 });
    assert.deepEqual(
      c.nodes.map((x) => got[String((x.metadata as JsonObject).name)]),
      c.want,
    );
  });
}

// scoring_test.go TestPreferredAffinity, the cases added after the original table: a PreScore Error is
// thrown by runScorePlugin (the message must contain upstream's), a PreScore Skip reads as {}.
const withArgs = (args: JsonObject) => ({
  apiVersion: 'kubescheduler.config.k8s.io/v1',
  kind: 'KubeSchedulerConfiguration',
  profiles: [{ pluginConfig: [{ name: 'InterPodAffinity', args }] }],
});
const bad = (weight: number, topologyKey: string) => [weighted(weight, term([expr('security', 'In', ['{{.bad-value.}}'])], topologyKey))];
const invalidAffinityLabels = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: bad(8, 'region') } };
const invalidAntiAffinityLabels = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: bad(5, 'az') } };
for (const [name, affinity] of [
  ['invalid Affinity fails PreScore', invalidAffinityLabels],
  ['invalid AntiAffinity fails PreScore', invalidAntiAffinityLabels],
] as const) {
  test(`${SCORE} TestPreferredAffinity: ${name}`, () => {
    assert.throws(
      () => runScorePlugin('InterPodAffinity', { pod: pod({ affinity }), nodes: [n('node1', labelRgChina), n('node2', labelRgChina)], existingPods: [], namespaces }),
      /Invalid value: "\{\{\.bad-value\.\}\}"/,
    );
  });
}
const inNs = (nodeName: string, namespace: string) => on(nodeName, S1, undefined, namespace);
const moreScoreCases: { name: string; pod: JsonObject; pods: JsonObject[]; nodes: JsonObject[]; want: Record<string, number>; config?: JsonObject }[] = [
  {
    name: 'Affinity with pods matching NamespaceSelector',
    pod: pod({ labels: S1, namespace: 'subteam1.team1', affinity: affinityNamespaceSelector }),
    pods: [inNs('node1', 'subteam1.team1'), inNs('node1', 'subteam1.team1'), inNs('node1', 'subteam1.team2'), inNs('node2', 'subteam2.team1')],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: { node1: 100, node2: 0 },
  },
  {
    name: 'Affinity with pods matching both NamespaceSelector and Namespaces fields',
    pod: pod({ labels: S1, namespace: 'subteam1.team1', affinity: affinityNamespaceSelector }),
    pods: [inNs('node1', 'subteam1.team1'), inNs('node1', 'subteam1.team1'), inNs('node1', 'subteam2.team2'), inNs('node2', 'subteam2.team1')],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: { node1: 100, node2: 0 },
  },
  {
    // Upstream reuses the two names above for the anti-affinity variants.
    name: 'Affinity with pods matching NamespaceSelector (anti-affinity variant, same upstream name)',
    pod: pod({ labels: S1, namespace: 'subteam1.team1', affinity: antiAffinityNamespaceSelector }),
    pods: [inNs('node1', 'subteam1.team1'), inNs('node1', 'subteam1.team1'), inNs('node1', 'subteam1.team2'), inNs('node2', 'subteam2.team1')],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: { node1: 0, node2: 100 },
  },
  {
    name: 'Affinity with pods matching both NamespaceSelector and Namespaces fields (anti-affinity variant, same upstream name)',
    pod: pod({ labels: S1, namespace: 'subteam1.team1', affinity: antiAffinityNamespaceSelector }),
    pods: [inNs('node1', 'subteam1.team1'), inNs('node1', 'subteam1.team1'), inNs('node1', 'subteam2.team2'), inNs('node2', 'subteam2.team1')],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    want: { node1: 0, node2: 100 },
  },
  {
    name: 'Ignore preferred terms of existing pods',
    pod: pod({ labels: S2 }),
    pods: [on('node1', S1, stayWithS1InRegionAwayFromS2InAz), on('node2', S2, stayWithS2InRegion)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    config: withArgs({ hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: true }),
    want: {},
  },
  {
    name: 'Do not ignore preferred terms of existing pods',
    pod: pod({ labels: S2 }),
    pods: [on('node1', S1, stayWithS1InRegionAwayFromS2InAz), on('node2', S2, stayWithS2InRegion)],
    nodes: [n('node1', labelRgChina), n('node2', labelRgIndia)],
    config: withArgs({ hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false }),
    want: { node1: 0, node2: 100 },
  },
  { name: 'No nodes to score', pod: pod({ labels: S2 }), pods: [], nodes: [], want: {} },
];
for (const c of moreScoreCases) {
  test(`${SCORE} TestPreferredAffinity: ${c.name}`, () => {
    assert.deepEqual(runScorePlugin('InterPodAffinity', { pod: c.pod, nodes: c.nodes, existingPods: c.pods, namespaces, config: c.config }), c.want);
  });
}

// scoring_test.go TestPreferredAffinityWithHardPodAffinitySymmetricWeight: pluginConfig hardPodAffinityWeight.
// Upstream's term lists the namespace "" (that of a Pod built without one): "default" here.
const S1svc = { service: 'S1' };
const hardPodAffinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      term([expr('service', 'In', ['S1'])], 'region', { namespaces: ['default', 'subteam2.team2'], namespaceSelector: team1 }),
    ],
  },
};
const hardCases: { name: string; namespace?: string; weight: number; want: Record<string, number> }[] = [
  { name: 'with default weight', weight: 1, want: { node1: 100, node2: 100, node3: 0 } },
  { name: 'with zero weight', weight: 0, want: {} },
  { name: 'with no matching namespace', namespace: 'subteam1.team2', weight: 1, want: {} },
  { name: 'with matching NamespaceSelector', namespace: 'subteam1.team1', weight: 1, want: { node1: 100, node2: 100, node3: 0 } },
  { name: 'with matching Namespaces', namespace: 'subteam2.team2', weight: 1, want: { node1: 100, node2: 100, node3: 0 } },
];
for (const c of hardCases) {
  test(`${SCORE} TestPreferredAffinityWithHardPodAffinitySymmetricWeight: ${c.name}`, () => {
    const got = runScorePlugin('InterPodAffinity', {
      pod: pod({ labels: S1svc, namespace: c.namespace }),
      nodes: [n('node1', labelRgChina), n('node2', labelRgIndia), n('node3', labelAzAz1)],
      existingPods: [on('node1', undefined, hardPodAffinity), on('node2', undefined, hardPodAffinity)],
      namespaces,
      config: withArgs({ hardPodAffinityWeight: c.weight }),
    });
    assert.deepEqual(got, c.want);
  });
}
