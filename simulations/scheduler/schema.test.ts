import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import { attachPosition, parseManifests } from '../shared/yaml.ts';
import type { JsonObject } from '../shared/yaml.ts';
import { engine } from './engine.ts';
import { readInput } from './schema.ts';
import { testNode, testPod } from './test-helpers.ts';

// Every object goes through the virtual kube-apiserver before the scheduler reads it: a refusal is
// the learner's error in kube-apiserver's words (what kubectl prints after "Error from server"),
// pointing at the line of the offending field. One case per kind of refusal.
const pod = (name: string, spec: string[]) => ['apiVersion: v1', 'kind: Pod', `metadata: {name: ${name}}`, 'spec:', ...spec];
const refusals: { name: string; yaml: string[]; message: string; line: number }[] = [
  {
    name: 'decoding (400 BadRequest): a quantity that does not parse',
    yaml: pod('web', ['  containers:', '  - name: a', '    image: x', '    resources:', '      requests: {cpu: 1.5.5}']),
    message: `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    line: 9,
  },
  {
    name: 'validation (422 Invalid): a container without an image',
    yaml: pod('web', ['  containers:', '  - name: a']),
    message: 'Pod "web" is invalid: spec.containers[0].image: Required value',
    line: 6,
  },
  {
    name: 'validation: a Pod without a name',
    yaml: ['apiVersion: v1', 'kind: Pod', 'metadata: {labels: {app: web}}', 'spec:', '  containers: [{name: a, image: x}]'],
    message: 'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    line: 3,
  },
  {
    name: 'validation: a node selector operator that does not exist',
    yaml: pod('web', [
      '  containers: [{name: a, image: x}]',
      '  affinity:',
      '    nodeAffinity:',
      '      requiredDuringSchedulingIgnoredDuringExecution:',
      '        nodeSelectorTerms:',
      '        - matchExpressions:',
      '          - {key: a, operator: Contains, values: [x]}',
    ]),
    message:
      'Pod "web" is invalid: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Contains": not a valid selector operator',
    line: 11,
  },
  {
    name: 'validation: a toleration without a key must use Exists',
    yaml: pod('web', ['  containers: [{name: a, image: x}]', '  tolerations:', '  - {operator: Equal, value: gpu}']),
    message: 'Pod "web" is invalid: spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    line: 7,
  },
  {
    // Upstream's ValidateNode reports taints under metadata.taints; the position is the taint in spec.
    name: 'validation: a taint effect that does not exist',
    yaml: ['apiVersion: v1', 'kind: Node', 'metadata: {name: node-1}', 'spec:', '  taints:', '  - {key: a, effect: NoRun}'],
    message: 'Node "node-1" is invalid: metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    line: 6,
  },
  {
    name: 'validation: a Deployment whose selector does not select its template',
    yaml: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: other}}',
      '    spec:',
      '      containers: [{name: a, image: x}]',
    ],
    message: 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`',
    line: 7,
  },
  {
    name: 'validation: a user PriorityClass above 1000000000',
    yaml: ['apiVersion: scheduling.k8s.io/v1', 'kind: PriorityClass', 'metadata: {name: gold}', 'value: 2000000000'],
    message: 'PriorityClass.scheduling.k8s.io "gold" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    line: 4,
  },
  {
    name: 'the store (409 AlreadyExists): two Nodes of one name',
    yaml: ['apiVersion: v1', 'kind: Node', 'metadata: {name: node-1}', '---', 'apiVersion: v1', 'kind: Node', 'metadata: {name: node-1}'],
    message: 'nodes "node-1" already exists',
    line: 7,
  },
  {
    name: 'admission (403 Forbidden, Priority): a PriorityClass that does not exist',
    yaml: pod('web', ['  priorityClassName: gold', '  containers: [{name: a, image: x}]']),
    message: 'pods "web" is forbidden: no PriorityClass with name gold was found',
    line: 5,
  },
  {
    name: 'admission (Priority): a preemptionPolicy other than the one the class gives',
    yaml: pod('web', ['  preemptionPolicy: Never', '  containers: [{name: a, image: x}]']),
    message:
      'pods "web" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    line: 5,
  },
  {
    name: "admission (Priority) of a workload's Pod: the refusal points at the template",
    yaml: [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: {name: web}',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      priorityClassName: gold',
      '      containers: [{name: a, image: x}]',
    ],
    message: 'pods "web-0" is forbidden: no PriorityClass with name gold was found',
    line: 9,
  },
  {
    name: 'validation: a Service the scheduler reads for default spreading is a whole Service (spec.ports required)',
    yaml: ['apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web}'],
    message: 'Service "web" is invalid: spec.ports: Required value',
    line: 4,
  },
  {
    name: 'validation: an object the scheduler ignores (a ConfigMap) is still stored, so still validated',
    yaml: ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: web_config}'],
    message:
      'ConfigMap "web_config" is invalid: metadata.name: Invalid value: "web_config": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
    line: 3,
  },
  {
    name: 'a kind at a version the API server does not serve',
    yaml: ['apiVersion: v2', 'kind: Pod', 'metadata: {name: web}'],
    message: 'apiVersion: no matches for kind "Pod" in version "v2"',
    line: 1,
  },
];
for (const c of refusals) {
  test(`${c.name}: the learner gets kube-apiserver's message at line ${c.line}`, () => {
    try {
      engine.run(parseManifests(c.yaml.join('\n')), { budget: DEFAULT_BUDGET, detail: false });
      assert.fail('expected a ValidationError');
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      assert.equal(e.message, c.message);
      attachPosition(e);
      assert.equal(e.position?.line, c.line);
    }
  });
}

test('more than 5,000 Nodes is a LimitExceededError naming the limit', () => {
  const nodes = Array.from({ length: 5001 }, (_, i) => testNode({ name: `n${i}` }));
  assert.throws(() => readInput({ nodes, pods: [] }), (e: unknown) => e instanceof LimitExceededError && /the limit is 5000 Nodes/.test(e.message) && e.code === 'limit');
});

test('more than 50,000 Pods, counting workload replicas, is a LimitExceededError before anything is stored or expanded', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'big' },
    spec: { replicas: 50001, selector: { matchLabels: { app: 'big' } }, template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'a', image: 'x' }] } } },
  };
  assert.throws(() => readInput({ nodes: [], pods: [], workloads: [deployment] }), (e: unknown) => e instanceof LimitExceededError && /the limit is 50000 Pods/.test(e.message));
});

test('a Pod with spec.nodeName is bound to that node; a Pod naming an unknown node is ignored with a warning', () => {
  const r = readInput({ nodes: [testNode({ name: 'node-1' })], pods: [testPod({ name: 'a', node: 'node-1', cpu: '1' }), testPod({ name: 'b', node: 'ghost' }), testPod({ name: 'c' })] });
  assert.equal(r.cluster.byName.get('node-1')!.reqCpu, 1000);
  assert.deepEqual(r.pending.map((p) => p.name), ['c']);
  assert.match(r.warnings[0].title, /not one of the Nodes/);
});

test('the scheduler reads the stored Pod: defaulted (a limit without a request requests the limit) and its namespace labelled', () => {
  const limitsOnly = testPod({ name: 'a', namespace: 'shop', extra: { containers: [{ name: 'app', image: 'nginx', resources: { limits: { cpu: '500m', memory: '1Gi' } } }] } });
  const r = readInput({ nodes: [testNode({ name: 'node-1' })], pods: [limitsOnly] });
  assert.deepEqual([r.pending[0].cpu, r.pending[0].memory], [500, 1073741824]);
  assert.equal((r.pending[0].raw.spec as JsonObject).restartPolicy, 'Always');
  // A scenario is a cluster's starting state: a namespace its objects are in exists, labelled with its name.
  assert.deepEqual({ ...r.cluster.namespaceLabels.get('shop') }, { 'kubernetes.io/metadata.name': 'shop' });
});

// plugin/pkg/admission/priority/admission.go admitPod, for Pods the scenario leaves without spec.priority.
test('priorityClassName resolves to the class value and preemptionPolicy; the globalDefault class (the lowest if several) applies to Pods without one', () => {
  const classes: JsonObject[] = [
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 },
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'low' }, value: 10, globalDefault: true, preemptionPolicy: 'Never' },
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'lower' }, value: 5, globalDefault: true },
  ];
  const r = readInput({ nodes: [], pods: [testPod({ name: 'a', extra: { priorityClassName: 'high' } }), testPod({ name: 'b' }), testPod({ name: 'c', extra: { priorityClassName: 'system-node-critical' } })], priorityClasses: classes });
  assert.deepEqual(
    r.pending.map((p) => [p.name, p.priority, p.preemptionPolicy, p.priorityClassName]),
    [
      ['a', 1000, 'PreemptLowerPriority', 'high'],
      ['b', 5, 'PreemptLowerPriority', 'lower'],
      ['c', 2000001000, 'PreemptLowerPriority', 'system-node-critical'],
    ],
  );
});

test('a Pod of the starting state that carries spec.priority keeps it (admission ran when it was created; its class may have changed since)', () => {
  const classes: JsonObject[] = [{ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 }];
  const r = readInput({ nodes: [], pods: [testPod({ name: 'a', priority: 500, extra: { priorityClassName: 'high' } }), testPod({ name: 'b', priority: 7 })], priorityClasses: classes });
  assert.deepEqual(r.pending.map((p) => [p.name, p.priority]), [['a', 500], ['b', 7]]);
});
