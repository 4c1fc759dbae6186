// Upstream: pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode,
// scoring_test.go TestPreferredAffinity. Since v1.20 a failing node reports one reason (the older
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
const withTerms = (name: string, nodeName: string | undefined, labels: Record<string, string>, affinity: JsonObject[] | null, anti: JsonObject[] | null) =>
  pod({
    name,
    node: nodeName,
    labels,
    affinity: {
      podAffinity: affinity ? { requiredDuringSchedulingIgnoredDuringExecution: affinity } : {},
      podAntiAffinity: anti ? { requiredDuringSchedulingIgnoredDuringExecution: anti } : {},
    },
  });
const podLabel = { service: 'securityscan' };
const podLabel2 = { security: 'S1' };
const node1 = () => node({ name: 'machine1', labels: { region: 'r1', zone: 'z11' } });
const existing = (labels: Record<string, string>, nodeName = 'machine1', name = 'e', namespace?: string) => pod({ name, node: nodeName, labels, namespace });
const OK = { code: 'Success', reasons: [] };
const AFF = { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match pod affinity rules"] };
const ANTI = { code: 'Unschedulable', reasons: ["node(s) didn't match pod anti-affinity rules"] };
const EXISTING = { code: 'Unschedulable', reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"] };

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
];
for (const c of cases) {
  test(`${FILTER} TestRequiredAffinitySingleNode: ${c.name}`, () => {
    const got = runFilterPlugin('InterPodAffinity', { pod: c.pod, nodes: [node1()], existingPods: c.pods });
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
const namespaces = [
  ['subteam1.team1', 'team1'],
  ['subteam2.team1', 'team1'],
  ['subteam1.team2', 'team2'],
  ['subteam2.team2', 'team2'],
].map(([name, team]) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team } } }));
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
