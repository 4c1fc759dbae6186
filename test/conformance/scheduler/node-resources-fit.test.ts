// Upstream: pkg/scheduler/framework/plugins/noderesources/fit_test.go TestEnoughRequests, TestNotEnoughRequests,
// TestStorageRequests, TestRestartableInitContainers, TestFitScore. The node of these tables: makeAllocatableResources(10, 20, 32, 5, 20, 5) = cpu 10m,
// memory 20, pods 32, example.com/aaa 5, ephemeral-storage 20, hugepages-2Mi 5; TestNotEnoughRequests uses pods 1.
// Resource(MilliCPU: m, Memory: b) in a Go test is written here as cpu "<m>m", memory "<b>".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFilterPlugin, runScorePlugin } from '../../../simulations/scheduler/public-api.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';
import { node, pod } from './builders.ts';
import type { Requests } from './builders.ts';

const FILE = 'pkg/scheduler/framework/plugins/noderesources/fit_test.go';
const r = (cpu: number, memory: number, extra: Record<string, number> = {}): Requests => {
  const out: Requests = { cpu: `${cpu}m`, memory: String(memory) };
  for (const [k, v] of Object.entries(extra)) out[k] = String(v);
  return out;
};
const A = 'example.com/aaa';
const B = 'example.com/bbb';
const K8S_A = 'kubernetes.io/something';
const K8S_B = 'subdomain.kubernetes.io/something';
const HP = 'hugepages-2Mi';
const fitNode = (pods = '32') => node({ name: 'n', capacity: { cpu: '10m', memory: '20', pods, [A]: '5', 'ephemeral-storage': '20', [HP]: '5' } });
const insufficient = (...names: string[]) => ({ code: 'Unschedulable', reasons: names.map((x) => (x === 'pods' ? 'Too many pods' : `Insufficient ${x}`)) });
const OK = { code: 'Success', reasons: [] };

interface Case {
  name: string;
  pod: JsonObject;
  /** Requests of the one Pod already on the node (newResourcePod(...) in NewNodeInfo). */
  existing: Requests[];
  want: object;
  config?: JsonObject;
}

const enough: Case[] = [
  { name: 'no resources requested always fits', pod: pod(), existing: [r(10, 20)], want: OK },
  { name: 'too many resources fails', pod: pod({ req: [r(1, 1)] }), existing: [r(10, 20)], want: insufficient('cpu', 'memory') },
  { name: 'too many resources fails due to init container cpu', pod: pod({ req: [r(1, 1)], init: [{ req: r(3, 1) }] }), existing: [r(8, 19)], want: insufficient('cpu') },
  { name: 'too many resources fails due to highest init container cpu', pod: pod({ req: [r(1, 1)], init: [{ req: r(3, 1) }, { req: r(2, 1) }] }), existing: [r(8, 19)], want: insufficient('cpu') },
  { name: 'too many resources fails due to init container memory', pod: pod({ req: [r(1, 1)], init: [{ req: r(1, 3) }] }), existing: [r(9, 19)], want: insufficient('memory') },
  { name: 'too many resources fails due to highest init container memory', pod: pod({ req: [r(1, 1)], init: [{ req: r(1, 3) }, { req: r(1, 2) }] }), existing: [r(9, 19)], want: insufficient('memory') },
  { name: "init container fits because it's the max, not sum, of containers and init containers", pod: pod({ req: [r(1, 1)], init: [{ req: r(1, 1) }] }), existing: [r(9, 19)], want: OK },
  { name: "multiple init containers fit because it's the max, not sum, of containers and init containers", pod: pod({ req: [r(1, 1)], init: [{ req: r(1, 1) }, { req: r(1, 1) }] }), existing: [r(9, 19)], want: OK },
  { name: 'both resources fit', pod: pod({ req: [r(1, 1)] }), existing: [r(5, 5)], want: OK },
  { name: 'one resource memory fits', pod: pod({ req: [r(2, 1)] }), existing: [r(9, 5)], want: insufficient('cpu') },
  { name: 'one resource cpu fits', pod: pod({ req: [r(1, 2)] }), existing: [r(5, 19)], want: insufficient('memory') },
  { name: 'equal edge case', pod: pod({ req: [r(5, 1)] }), existing: [r(5, 19)], want: OK },
  { name: 'equal edge case for init container', pod: pod({ req: [r(4, 1)], init: [{ req: r(5, 1) }] }), existing: [r(5, 19)], want: OK },
  { name: 'extended resource fits', pod: pod({ req: [{ [A]: '1' }] }), existing: [{}], want: OK },
  { name: 'extended resource fits for init container', pod: pod({ req: [{}], init: [{ req: { [A]: '1' } }] }), existing: [{}], want: OK },
  { name: 'extended resource capacity enforced', pod: pod({ req: [r(1, 1, { [A]: 10 })] }), existing: [r(0, 0, { [A]: 0 })], want: insufficient(A) },
  { name: 'extended resource capacity enforced for init container', pod: pod({ req: [{}], init: [{ req: r(1, 1, { [A]: 10 }) }] }), existing: [r(0, 0, { [A]: 0 })], want: insufficient(A) },
  { name: 'extended resource allocatable enforced', pod: pod({ req: [r(1, 1, { [A]: 1 })] }), existing: [r(0, 0, { [A]: 5 })], want: insufficient(A) },
  { name: 'extended resource allocatable enforced for init container', pod: pod({ req: [{}], init: [{ req: r(1, 1, { [A]: 1 }) }] }), existing: [r(0, 0, { [A]: 5 })], want: insufficient(A) },
  { name: 'extended resource allocatable enforced for multiple containers', pod: pod({ req: [r(1, 1, { [A]: 3 }), r(1, 1, { [A]: 3 })] }), existing: [r(0, 0, { [A]: 2 })], want: insufficient(A) },
  { name: 'extended resource allocatable admits multiple init containers', pod: pod({ req: [{}], init: [{ req: r(1, 1, { [A]: 3 }) }, { req: r(1, 1, { [A]: 3 }) }] }), existing: [r(0, 0, { [A]: 2 })], want: OK },
  { name: 'extended resource allocatable enforced for multiple init containers', pod: pod({ req: [{}], init: [{ req: r(1, 1, { [A]: 6 }) }, { req: r(1, 1, { [A]: 3 }) }] }), existing: [r(0, 0, { [A]: 2 })], want: insufficient(A) },
  { name: 'extended resource allocatable enforced for unknown resource', pod: pod({ req: [r(1, 1, { [B]: 1 })] }), existing: [r(0, 0)], want: insufficient(B) },
  { name: 'extended resource allocatable enforced for unknown resource for init container', pod: pod({ req: [{}], init: [{ req: r(1, 1, { [B]: 1 }) }] }), existing: [r(0, 0)], want: insufficient(B) },
  { name: 'kubernetes.io resource capacity enforced', pod: pod({ req: [r(1, 1, { [K8S_A]: 10 })] }), existing: [r(0, 0)], want: insufficient(K8S_A) },
  { name: 'kubernetes.io resource capacity enforced for init container', pod: pod({ req: [{}], init: [{ req: r(1, 1, { [K8S_B]: 10 }) }] }), existing: [r(0, 0)], want: insufficient(K8S_B) },
  { name: 'hugepages resource capacity enforced', pod: pod({ req: [r(1, 1, { [HP]: 10 })] }), existing: [r(0, 0, { [HP]: 0 })], want: insufficient(HP) },
  { name: 'hugepages resource capacity enforced for init container', pod: pod({ req: [{}], init: [{ req: r(1, 1, { [HP]: 10 }) }] }), existing: [r(0, 0, { [HP]: 0 })], want: insufficient(HP) },
  { name: 'hugepages resource allocatable enforced for multiple containers', pod: pod({ req: [r(1, 1, { [HP]: 3 }), r(1, 1, { [HP]: 3 })] }), existing: [r(0, 0, { [HP]: 2 })], want: insufficient(HP) },
  {
    name: 'skip checking ignored extended resource',
    pod: pod({ req: [r(1, 1, { [B]: 1 })] }),
    existing: [r(0, 0)],
    config: { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { ignoredResources: [B] } }] }] },
    want: OK,
  },
  { name: 'resources + pod overhead fits', pod: pod({ req: [r(1, 1)], overhead: { cpu: '3m', memory: '13' } }), existing: [r(5, 5)], want: OK },
  { name: 'requests + overhead does not fit for memory', pod: pod({ req: [r(1, 1)], overhead: { cpu: '1m', memory: '15' } }), existing: [r(5, 5)], want: insufficient('memory') },
  {
    name: 'skip checking ignored extended resource via resource groups',
    pod: pod({ req: [r(1, 1, { [B]: 1, [K8S_A]: 1 })] }),
    existing: [r(0, 0)],
    config: { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { ignoredResourceGroups: ['example.com'] } }] }] },
    want: insufficient(K8S_A),
  },
  { name: 'skip checking extended resource request with quantity zero via resource groups', pod: pod({ req: [r(1, 1, { [A]: 0 })] }), existing: [r(0, 0, { [A]: 6 })], want: OK },
  { name: 'skip checking resource request with quantity zero', pod: pod({ req: [{ [A]: '1' }] }), existing: [r(20, 30, { [A]: 1 })], want: OK },
];
for (const c of enough) {
  test(`${FILE} TestEnoughRequests: ${c.name}`, () => {
    const existing = c.existing.map((req, i) => pod({ name: `e${i}`, node: 'n', req: [req] }));
    assert.deepEqual(runFilterPlugin('NodeResourcesFit', { pod: c.pod, nodes: [fitNode()], existingPods: existing, config: c.config }).n, c.want);
  });
}

const notEnough: Case[] = [
  { name: "even without specified resources predicate fails when there's no space for additional pod", pod: pod(), existing: [r(10, 20)], want: insufficient('pods') },
  { name: "even if both resources fit predicate fails when there's no space for additional pod", pod: pod({ req: [r(1, 1)] }), existing: [r(5, 5)], want: insufficient('pods') },
  { name: "even for equal edge case predicate fails when there's no space for additional pod", pod: pod({ req: [r(5, 1)] }), existing: [r(5, 19)], want: insufficient('pods') },
  { name: "even for equal edge case predicate fails when there's no space for additional pod due to init container", pod: pod({ req: [r(5, 1)], init: [{ req: r(5, 1) }] }), existing: [r(5, 19)], want: insufficient('pods') },
];
for (const c of notEnough) {
  test(`${FILE} TestNotEnoughRequests: ${c.name}`, () => {
    const n = node({ name: 'n', capacity: { cpu: '10m', memory: '20', pods: '1' } });
    const existing = c.existing.map((req, i) => pod({ name: `e${i}`, node: 'n', req: [req] }));
    assert.deepEqual(runFilterPlugin('NodeResourcesFit', { pod: c.pod, nodes: [n], existingPods: existing }).n, c.want);
  });
}

const storage: Case[] = [
  { name: 'due to container scratch disk', pod: pod({ req: [r(1, 1)] }), existing: [r(10, 10)], want: insufficient('cpu') },
  { name: 'pod fit', pod: pod({ req: [r(1, 1)] }), existing: [r(2, 10)], want: OK },
  { name: 'storage ephemeral local storage request exceeds allocatable', pod: pod({ req: [{ 'ephemeral-storage': '25' }] }), existing: [r(2, 2)], want: insufficient('ephemeral-storage') },
  { name: 'pod fits', pod: pod({ req: [{ 'ephemeral-storage': '10' }] }), existing: [r(2, 2)], want: OK },
];
for (const c of storage) {
  test(`${FILE} TestStorageRequests: ${c.name}`, () => {
    const existing = c.existing.map((req, i) => pod({ name: `e${i}`, node: 'n', req: [req] }));
    assert.deepEqual(runFilterPlugin('NodeResourcesFit', { pod: c.pod, nodes: [fitNode()], existingPods: existing }).n, c.want);
  });
}

// TestRestartableInitContainers: with SidecarContainers on (GA, always on in v1.33) a Pod with a restartable
// init container is admitted. The gate-off case ("not allow pod with restartable init containers if sidecar
// containers is disabled") does not apply to v1.33. The node: makeAllocatableResources(0, 0, 1, 0, 0, 0).
const sidecarNode = () => node({ name: 'n', capacity: { cpu: '0', memory: '0', pods: '1', [A]: '0', 'ephemeral-storage': '0', [HP]: '0' } });
const regular = (): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'regular' }] } });
const withSidecar = (): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'regular' }], initContainers: [{ name: 'restartable-init', restartPolicy: 'Always' }] },
});
for (const [name, p] of [
  // The Pod has no restartable init container, so the gate does not matter.
  ['allow pod without restartable init containers if sidecar containers is disabled', regular],
  ['allow pod without restartable init containers if sidecar containers is enabled', regular],
  ['allow pod with restartable init containers if sidecar containers is enabled', withSidecar],
] as const) {
  test(`${FILE} TestRestartableInitContainers: ${name}`, () => {
    assert.deepEqual(runFilterPlugin('NodeResourcesFit', { pod: p(), nodes: [sidecarNode()] }).n, OK);
  });
}

// TestFitScore: each strategy through PreScore + Score (NodeResourcesFit has no NormalizeScore). Quantities
// are whole cores and bytes as upstream writes them ("3000" cpu is 3000 cores). The "if PreScore is not
// called" cases give the same scores because Score recomputes what PreScore would have stored; the simulator
// always runs PreScore, so they check the same path.
const fitArgs = (scoringStrategy: JsonObject) => ({
  apiVersion: 'kubescheduler.config.k8s.io/v1',
  kind: 'KubeSchedulerConfiguration',
  profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy } }] }],
});
const defaultResources = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }];
const ratio = (shape: [number, number][]) => ({
  type: 'RequestedToCapacityRatio',
  resources: defaultResources,
  requestedToCapacityRatio: { shape: shape.map(([utilization, score]) => ({ utilization, score })) },
});
const scoreNodes = () => [node({ name: 'node1', capacity: { cpu: '4000', memory: '10000' } }), node({ name: 'node2', capacity: { cpu: '6000', memory: '10000' } })];
const scoreExisting = () => [pod({ name: 'e1', node: 'node1', req: [{ cpu: '2000', memory: '4000' }] }), pod({ name: 'e2', node: 'node2', req: [{ cpu: '1000', memory: '2000' }] })];
const fitScore: { name: string; req: Requests; strategy: JsonObject; want: Record<string, number> }[] = [
  { name: 'test case for ScoringStrategy RequestedToCapacityRatio case1', req: { cpu: '3000', memory: '5000' }, strategy: ratio([[0, 10], [100, 0]]), want: { node1: 10, node2: 32 } },
  { name: 'test case for ScoringStrategy RequestedToCapacityRatio case2', req: { cpu: '3000', memory: '5000' }, strategy: ratio([[0, 0], [100, 10]]), want: { node1: 95, node2: 68 } },
  { name: 'test case for ScoringStrategy MostAllocated', req: { cpu: '1000', memory: '2000' }, strategy: { type: 'MostAllocated', resources: defaultResources }, want: { node1: 67, node2: 36 } },
  { name: 'test case for ScoringStrategy LeastAllocated', req: { cpu: '1000', memory: '2000' }, strategy: { type: 'LeastAllocated', resources: defaultResources }, want: { node1: 32, node2: 63 } },
  { name: 'test case for ScoringStrategy RequestedToCapacityRatio case1 if PreScore is not called', req: { cpu: '3000', memory: '5000' }, strategy: ratio([[0, 10], [100, 0]]), want: { node1: 10, node2: 32 } },
  { name: 'test case for ScoringStrategy MostAllocated if PreScore is not called', req: { cpu: '1000', memory: '2000' }, strategy: { type: 'MostAllocated', resources: defaultResources }, want: { node1: 67, node2: 36 } },
  { name: 'test case for ScoringStrategy LeastAllocated if PreScore is not called', req: { cpu: '1000', memory: '2000' }, strategy: { type: 'LeastAllocated', resources: defaultResources }, want: { node1: 32, node2: 63 } },
];
for (const c of fitScore) {
  test(`${FILE} TestFitScore: ${c.name}`, () => {
    const got = runScorePlugin('NodeResourcesFit', { pod: pod({ req: [c.req] }), nodes: scoreNodes(), existingPods: scoreExisting(), config: fitArgs(c.strategy) });
    assert.deepEqual(got, c.want);
  });
}
