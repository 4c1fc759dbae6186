import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/yaml.ts';
import { readInput } from './schema.ts';
import { testNode, testPod } from './test-helpers.ts';

const strict = { strict: true };
const bad = [
  { name: 'a Pod without a name', input: { nodes: [], pods: [{ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'a', image: 'x' }] } }] }, path: 'metadata.name', message: /Required value/ },
  { name: 'a Node without a name', input: { nodes: [{ apiVersion: 'v1', kind: 'Node', metadata: {} }], pods: [] }, path: 'metadata.name', message: /Required value/ },
  { name: 'an invalid quantity', input: { nodes: [], pods: [testPod({ cpu: '1.5.5' })] }, path: 'spec.containers[0].resources.requests.cpu', message: /'1\.5\.5' is not a valid quantity/ },
  { name: 'an invalid quantity in node allocatable', input: { nodes: [{ ...testNode({ name: 'n' }), status: { allocatable: { memory: '12Qi' } } }], pods: [] }, path: 'status.allocatable.memory', message: /'12Qi' is not a valid quantity/ },
  {
    name: 'a node selector operator that does not exist',
    input: { nodes: [], pods: [testPod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Contains', values: ['x'] }] }] } } } })] },
    path: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator',
    message: /Unsupported value: "Contains": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"/,
  },
  {
    name: 'a label selector operator that does not exist',
    input: { nodes: [], pods: [testPod({ spread: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] } }] })] },
    path: 'spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0].operator',
    message: /Unsupported value: "Gt": supported values: "In", "NotIn", "Exists", "DoesNotExist"/,
  },
  { name: 'a taint effect that does not exist', input: { nodes: [testNode({ name: 'n', taints: [{ key: 'a', effect: 'NoRun' }] })], pods: [] }, path: 'spec.taints[0].effect', message: /Unsupported value: "NoRun"/ },
  { name: 'a Pod in a namespace nobody created', input: { nodes: [], pods: [testPod({ namespace: 'shop' })] }, path: 'metadata.namespace', message: /namespaces "shop" not found/ },
  { name: 'an unknown PriorityClass', input: { nodes: [], pods: [testPod({ extra: { priorityClassName: 'gold' } })] }, path: 'spec.priorityClassName', message: /no PriorityClass with name gold was found/ },
];
for (const c of bad) {
  test(`${c.name} is a ValidationError at ${c.path}`, () => {
    assert.throws(
      () => readInput(c.input as { nodes: JsonObject[]; pods: JsonObject[] }, strict),
      (e: unknown) => e instanceof ValidationError && e.message.startsWith(`${c.path}: `) && c.message.test(e.message),
    );
  });
}

test('more than 5,000 Nodes is a LimitExceededError naming the limit', () => {
  const nodes = Array.from({ length: 5001 }, (_, i) => testNode({ name: `n${i}` }));
  assert.throws(() => readInput({ nodes, pods: [] }, strict), (e: unknown) => e instanceof LimitExceededError && /the limit is 5000 Nodes/.test(e.message) && e.code === 'limit');
});

test('more than 50,000 Pods, counting workload replicas, is a LimitExceededError before anything is expanded', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'big' },
    spec: { replicas: 50001, selector: { matchLabels: { app: 'big' } }, template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'a', image: 'x' }] } } },
  };
  assert.throws(() => readInput({ nodes: [], pods: [], workloads: [deployment] }, strict), (e: unknown) => e instanceof LimitExceededError && /the limit is 50000 Pods/.test(e.message));
});

test('a Pod with spec.nodeName is bound to that node; a Pod naming an unknown node is ignored with a warning', () => {
  const r = readInput({ nodes: [testNode({ name: 'n' })], pods: [testPod({ name: 'a', node: 'n', cpu: '1' }), testPod({ name: 'b', node: 'ghost' }), testPod({ name: 'c' })] }, strict);
  assert.equal(r.cluster.byName.get('n')!.reqCpu, 1000);
  assert.deepEqual(r.pending.map((p) => p.name), ['c']);
  assert.match(r.warnings[0].title, /not one of the Nodes/);
});

test('priorityClassName resolves to the class value; the globalDefault class applies to Pods without one', () => {
  const classes: JsonObject[] = [
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 },
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'low' }, value: 10, globalDefault: true, preemptionPolicy: 'Never' },
  ];
  const r = readInput({ nodes: [], pods: [testPod({ name: 'a', extra: { priorityClassName: 'high' } }), testPod({ name: 'b' })], priorityClasses: classes }, strict);
  assert.deepEqual(r.pending.map((p) => [p.name, p.priority, p.preemptionPolicy]), [['a', 1000, 'PreemptLowerPriority'], ['b', 10, 'Never']]);
});
