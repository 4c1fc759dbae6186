// Upstream: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity, TestNodeAffinityPriority.
// runFilterPlugin runs PreFilter then Filter. Where upstream's table checks a PreFilterResult, the
// check here is that the named node passes or fails Filter the same way; "Pod with two conflicting
// mach field requirements" is a PreFilter rejection, reported for every node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFilterPlugin, runScorePlugin } from '../../../simulations/scheduler/public-api.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';
import { node, pod } from './builders.ts';

const FILE = 'pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go';
const POD = { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] };
const OK = { code: 'Success', reasons: [] };
const expr = (key: string, operator: string, values?: string[]) => ({ key, operator, ...(values ? { values } : {}) });
const required = (...terms: JsonObject[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });
const nameIn = (...names: string[]) => ({ key: 'metadata.name', operator: 'In', values: names });

const cases: { name: string; pod: JsonObject; labels?: Record<string, string>; nodeName?: string; want: object; config?: JsonObject }[] = [
  { name: 'missing labels', pod: pod({ nodeSelector: { foo: 'bar' } }), want: POD },
  { name: 'same labels', pod: pod({ nodeSelector: { foo: 'bar' } }), labels: { foo: 'bar' }, want: OK },
  { name: 'node labels are superset', pod: pod({ nodeSelector: { foo: 'bar' } }), labels: { foo: 'bar', baz: 'blah' }, want: OK },
  { name: 'node labels are subset', pod: pod({ nodeSelector: { foo: 'bar', baz: 'blah' } }), labels: { foo: 'bar' }, want: POD },
  { name: 'Pod with matchExpressions using In operator that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] }) }), labels: { foo: 'bar' }, want: OK },
  { name: 'Pod with matchExpressions using Gt operator that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [expr('kernel-version', 'Gt', ['0204'])] }) }), labels: { 'kernel-version': '0206' }, want: OK },
  { name: 'Pod with matchExpressions using NotIn operator that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [expr('mem-type', 'NotIn', ['DDR', 'DDR2'])] }) }), labels: { 'mem-type': 'DDR3' }, want: OK },
  { name: 'Pod with matchExpressions using Exists operator that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [expr('GPU', 'Exists')] }) }), labels: { GPU: 'NVIDIA-GRID-K1' }, want: OK },
  { name: "Pod with affinity that don't match node's labels won't schedule onto the node", pod: pod({ affinity: required({ matchExpressions: [expr('foo', 'In', ['value1', 'value2'])] }) }), labels: { foo: 'bar' }, want: POD },
  { name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node", pod: pod({ affinity: required({ matchExpressions: [] }) }), labels: { foo: 'bar' }, want: POD },
  { name: 'Pod with no Affinity will schedule onto a node', pod: pod(), labels: { foo: 'bar' }, want: OK },
  { name: 'Pod with Affinity but nil NodeSelector will schedule onto a node', pod: pod({ affinity: { nodeAffinity: {} } }), labels: { foo: 'bar' }, want: OK },
  { name: 'Pod with multiple matchExpressions ANDed that matches the existing node', pod: pod({ affinity: required({ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'NotIn', ['AMD', 'INTER'])] }) }), labels: { GPU: 'NVIDIA-GRID-K1' }, want: OK },
  { name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node", pod: pod({ affinity: required({ matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'In', ['AMD', 'INTER'])] }) }), labels: { GPU: 'NVIDIA-GRID-K1' }, want: POD },
  { name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node", pod: pod({ affinity: required({ matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] }, { matchExpressions: [expr('diffkey', 'In', ['wrong', 'value2'])] }) }), labels: { foo: 'bar' }, want: OK },
  { name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node', pod: pod({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [expr('foo', 'Exists')] }) }), labels: { foo: 'bar' }, want: OK },
  { name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node", pod: pod({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [expr('foo', 'Exists')] }) }), labels: { foo: 'barrrrrr' }, want: POD },
  { name: "Pod with an invalid value in Affinity term won't be scheduled onto the node", pod: pod({ affinity: required({ matchExpressions: [expr('foo', 'NotIn', ['invalid value: ___@#$%^'])] }) }), labels: { foo: 'bar' }, want: POD },
  { name: 'Pod with matchFields using In operator that matches the existing node', pod: pod({ affinity: required({ matchFields: [nameIn('node1')] }) }), nodeName: 'node1', want: OK },
  { name: 'Pod with matchFields using In operator that does not match the existing node', pod: pod({ affinity: required({ matchFields: [nameIn('node1')] }) }), nodeName: 'node2', want: POD },
  { name: 'Pod with two terms: matchFields does not match, but matchExpressions matches', pod: pod({ affinity: required({ matchFields: [nameIn('node1')] }, { matchExpressions: [expr('foo', 'In', ['bar'])] }) }), nodeName: 'node2', labels: { foo: 'bar' }, want: OK },
  { name: 'Pod with one term: matchFields does not match, but matchExpressions matches', pod: pod({ affinity: required({ matchFields: [nameIn('node1')], matchExpressions: [expr('foo', 'In', ['bar'])] }) }), nodeName: 'node2', labels: { foo: 'bar' }, want: POD },
  { name: 'Pod with one term: both matchFields and matchExpressions match', pod: pod({ affinity: required({ matchFields: [nameIn('node1')], matchExpressions: [expr('foo', 'In', ['bar'])] }) }), nodeName: 'node1', labels: { foo: 'bar' }, want: OK },
  { name: 'Pod with two terms: both matchFields and matchExpressions do not match', pod: pod({ affinity: required({ matchFields: [nameIn('node1')] }, { matchExpressions: [expr('foo', 'In', ['not-match-to-bar'])] }) }), nodeName: 'node2', labels: { foo: 'bar' }, want: POD },
  { name: 'Pod with two terms of node.Name affinity', pod: pod({ affinity: required({ matchFields: [nameIn('node1')] }, { matchFields: [nameIn('node2')] }) }), nodeName: 'node2', want: OK },
  { name: 'Pod with two conflicting mach field requirements', pod: pod({ affinity: required({ matchFields: [nameIn('node1'), nameIn('node2')] }) }), nodeName: 'node2', labels: { foo: 'bar' }, want: { code: 'UnschedulableAndUnresolvable', reasons: ['pod affinity terms conflict'] } },
];

const added = (affinity: JsonObject) => ({ apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', profiles: [{ pluginConfig: [{ name: 'NodeAffinity', args: { addedAffinity: affinity } }] }] });
cases.push(
  { name: "Matches added affinity and Pod's node affinity", pod: pod({ affinity: required({ matchExpressions: [expr('zone', 'In', ['foo'])] }) }), nodeName: 'node2', labels: { zone: 'foo' }, config: added({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [nameIn('node2')] }] } }), want: OK },
  { name: "Matches added affinity but not Pod's node affinity", pod: pod({ affinity: required({ matchExpressions: [expr('zone', 'In', ['bar'])] }) }), nodeName: 'node2', labels: { zone: 'foo' }, config: added({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [nameIn('node2')] }] } }), want: POD },
  { name: "Doesn't match added affinity", pod: pod(), nodeName: 'node2', labels: { zone: 'foo' }, config: added({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expr('zone', 'In', ['bar'])] }] } }), want: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match scheduler-enforced node affinity"] } },
);

for (const c of cases) {
  test(`${FILE} TestNodeAffinity: ${c.name}`, () => {
    const name = c.nodeName ?? 'n';
    const got = runFilterPlugin('NodeAffinity', { pod: c.pod, nodes: [node({ name, labels: c.labels })], config: c.config });
    assert.deepEqual(got[name], c.want);
  });
}

const term = (weight: number, ...exprs: JsonObject[]) => ({ weight, preference: { matchExpressions: exprs } });
const affinity1 = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term(2, expr('foo', 'In', ['bar']))] } };
const affinity2 = {
  nodeAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      term(2, expr('foo', 'In', ['bar'])),
      term(4, expr('key', 'In', ['value'])),
      term(5, expr('foo', 'In', ['bar']), expr('key', 'In', ['value']), expr('az', 'In', ['az1'])),
    ],
  },
};
const label1 = { foo: 'bar' };
const label2 = { key: 'value' };
const label3 = { az: 'az1' };
const label4 = { abc: 'az11', def: 'az22' };
const label5 = { foo: 'bar', key: 'value', az: 'az1' };
const n = (name: string, labels: Record<string, string>) => node({ name, labels });

const scoreCases: { name: string; pod: JsonObject; nodes: JsonObject[]; want: Record<string, number>; config?: JsonObject }[] = [
  // Upstream scores 0 on every node after PreScore returns Skip; the public function reports a Skip as {}.
  { name: 'all nodes are same priority as NodeAffinity is nil', pod: pod(), nodes: [n('node1', label1), n('node2', label2), n('node3', label3)], want: {} },
  { name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero", pod: pod({ affinity: affinity1 }), nodes: [n('node1', label4), n('node2', label2), n('node3', label3)], want: { node1: 0, node2: 0, node3: 0 } },
  { name: 'only node1 matches the preferred scheduling requirements of pod', pod: pod({ affinity: affinity1 }), nodes: [n('node1', label1), n('node2', label2), n('node3', label3)], want: { node1: 100, node2: 0, node3: 0 } },
  { name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities ', pod: pod({ affinity: affinity2 }), nodes: [n('node1', label1), n('node5', label5), n('node2', label2)], want: { node1: 18, node5: 100, node2: 36 } },
  { name: 'added affinity', pod: pod(), nodes: [n('node1', label1), n('node2', label2)], config: added(affinity1.nodeAffinity), want: { node1: 100, node2: 0 } },
  {
    name: 'added affinity and pod has default affinity',
    pod: pod({ affinity: affinity1 }),
    nodes: [n('node1', label1), n('node2', label2), n('node3', label5)],
    config: added({ preferredDuringSchedulingIgnoredDuringExecution: [term(3, expr('key', 'In', ['value']))] }),
    want: { node1: 40, node2: 60, node3: 100 },
  },
];
for (const c of scoreCases) {
  test(`${FILE} TestNodeAffinityPriority: ${c.name}`, () => {
    assert.deepEqual(runScorePlugin('NodeAffinity', { pod: c.pod, nodes: c.nodes, config: c.config }), c.want);
  });
}
