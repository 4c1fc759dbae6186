// Upstream: pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go TestLeastAllocatedScoringStrategy,
// most_allocated_test.go TestMostAllocatedScoringStrategy, requested_to_capacity_ratio_test.go
// (TestRequestedToCapacityRatioScoringStrategy, TestBrokenLinearFunction, TestResourceBinPackingSingleExtended,
// TestResourceBinPackingMultipleExtended), balanced_allocation_test.go TestNodeResourcesBalancedAllocation.
// Weight-validation cases (0, -1, 101) are checked in config tests; the DRA cases are feature-gated off in v1.33.
// `extendedRes` of the upstream tables is named abc.com/xyz here (its name does not matter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScorePlugin } from '../../../simulations/scheduler/public-api.ts';
import { brokenLinear } from '../../../simulations/scheduler/plugins/node-resources-fit.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';
import { node, pod, resNode } from './builders.ts';

const DIR = 'pkg/scheduler/framework/plugins/noderesources';
const EXT = 'abc.com/xyz';
const cap = (name: string, c: Record<string, string>) => node({ name, capacity: c });
const fitConfig = (type: string, resources: { name: string; weight: number }[], shape?: { utilization: number; score: number }[]): JsonObject => ({
  apiVersion: 'kubescheduler.config.k8s.io/v1',
  kind: 'KubeSchedulerConfiguration',
  profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type, resources, ...(shape ? { requestedToCapacityRatio: { shape } } : {}) } } }] }],
});
const DEFAULT = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }];
const EXT_SET = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }, { name: EXT, weight: 1 }];
const twoReq = pod({ req: [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }] });
const on = (nodeName: string, req?: Record<string, string>, i = 0) => pod({ name: `e-${nodeName}-${i}`, node: nodeName, req: req ? [req] : undefined });

interface ScoreCase {
  name: string;
  pod: JsonObject;
  nodes: JsonObject[];
  existing?: JsonObject[];
  resources?: { name: string; weight: number }[];
  want: Record<string, number>;
}

const least: ScoreCase[] = [
  { name: 'nothing scheduled, nothing requested', pod: pod(), nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '4000', memory: '10000' })], want: { node1: 100, node2: 100 } },
  { name: 'nothing scheduled, resources requested, differently sized nodes', pod: twoReq, nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000' })], want: { node1: 37, node2: 50 } },
  { name: 'no resources requested, pods scheduled', pod: pod(), nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '4000', memory: '10000' })], existing: [on('node1', undefined, 0), on('node1', undefined, 1), on('node2', undefined, 0), on('node2', undefined, 1)], want: { node1: 100, node2: 100 } },
  { name: 'no resources requested, pods scheduled with resources', pod: pod(), nodes: [cap('node1', { cpu: '10000', memory: '20000' }), cap('node2', { cpu: '10000', memory: '20000' })], existing: [on('node1', { cpu: '3000', memory: '0' }, 0), on('node1', { cpu: '3000', memory: '0' }, 1), on('node2', { cpu: '3000', memory: '0' }, 0), on('node2', { cpu: '3000', memory: '5000' }, 1)], want: { node1: 70, node2: 57 } },
  { name: 'resources requested, pods scheduled with resources', pod: twoReq, nodes: [cap('node1', { cpu: '10000', memory: '20000' }), cap('node2', { cpu: '10000', memory: '20000' })], existing: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })], want: { node1: 57, node2: 45 } },
  { name: 'resources requested, pods scheduled with resources, differently sized nodes', pod: twoReq, nodes: [cap('node1', { cpu: '10000', memory: '20000' }), cap('node2', { cpu: '10000', memory: '50000' })], existing: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })], want: { node1: 57, node2: 60 } },
  { name: 'requested resources exceed node capacity', pod: pod({ req: [{ cpu: '3000', memory: '0' }] }), nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '4000', memory: '10000' })], existing: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })], want: { node1: 50, node2: 25 } },
  { name: 'zero node resources, pods scheduled with resources', pod: pod(), nodes: [node({ name: 'node1' }), node({ name: 'node2' })], existing: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })], want: { node1: 0, node2: 0 } },
  { name: 'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes', pod: twoReq, nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000' })], resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }], want: { node1: 41, node2: 50 } },
  { name: 'bypass extended resource if the pod does not request', pod: twoReq, nodes: [cap('node1', { cpu: '6000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000', [EXT]: '4' })], resources: EXT_SET, want: { node1: 50, node2: 50 } },
  { name: 'honor extended resource if the pod requests', pod: pod({ req: [{ cpu: '3000', memory: '5000', [EXT]: '2' }] }), nodes: [cap('node1', { cpu: '6000', memory: '10000', [EXT]: '4' }), cap('node2', { cpu: '6000', memory: '10000', [EXT]: '10' })], resources: EXT_SET, want: { node1: 50, node2: 60 } },
  { name: "if the node doesn't have a resource", pod: pod({ req: [{ cpu: '3000', memory: '4000' }] }), nodes: [cap('node1', { cpu: '6000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000', [EXT]: '4' })], resources: [{ name: EXT, weight: 2 }, { name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }], want: { node1: 55, node2: 55 } },
];
for (const c of least) {
  test(`${DIR}/least_allocated_test.go TestLeastAllocatedScoringStrategy: ${c.name}`, () => {
    const got = runScorePlugin('NodeResourcesFit', { pod: c.pod, nodes: c.nodes, existingPods: c.existing, config: fitConfig('LeastAllocated', c.resources ?? DEFAULT) });
    assert.deepEqual(got, c.want);
  });
}

const most: ScoreCase[] = [
  { name: 'nothing scheduled, nothing requested', pod: pod(), nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '4000', memory: '10000' })], want: { node1: 0, node2: 0 } },
  { name: 'nothing scheduled, resources requested, differently sized nodes', pod: twoReq, nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000' })], want: { node1: 62, node2: 50 } },
  { name: 'no resources requested, pods scheduled with resources', pod: pod(), nodes: [cap('node1', { cpu: '10000', memory: '20000' }), cap('node2', { cpu: '10000', memory: '20000' })], existing: [on('node1', { cpu: '3000', memory: '0' }, 0), on('node1', { cpu: '3000', memory: '0' }, 1), on('node2', { cpu: '3000', memory: '0' }, 0), on('node2', { cpu: '3000', memory: '5000' }, 1)], want: { node1: 30, node2: 42 } },
  { name: 'resources requested, pods scheduled with resources', pod: twoReq, nodes: [cap('node1', { cpu: '10000', memory: '20000' }), cap('node2', { cpu: '10000', memory: '20000' })], existing: [on('node1', { cpu: '3000', memory: '0' }), on('node2', { cpu: '3000', memory: '5000' })], want: { node1: 42, node2: 55 } },
  { name: 'resources requested equal node capacity', pod: pod({ req: [{ cpu: '2000', memory: '4000' }, { cpu: '3000', memory: '5000' }] }), nodes: [cap('node1', { cpu: '5000', memory: '10000' }), cap('node2', { cpu: '10000', memory: '9000' })], want: { node1: 95, node2: 75 } },
  { name: 'nothing scheduled, resources requested, differently sized nodes (memory weight 2)', pod: twoReq, nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000' })], resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }], want: { node1: 58, node2: 50 } },
  { name: 'no resources requested, pods scheduled, nonzero request for resource', pod: pod({ emptyContainers: 1 }), nodes: [cap('node1', { cpu: '250m', memory: '1000Mi' }), cap('node2', { cpu: '250m', memory: '1000Mi' })], existing: [pod({ name: 'a', node: 'node1', emptyContainers: 1 }), pod({ name: 'b', node: 'node1', emptyContainers: 1 })], want: { node1: 80, node2: 30 } },
  { name: 'bypass extended resource if the pod does not request', pod: twoReq, nodes: [cap('node1', { cpu: '6000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000', [EXT]: '4' })], resources: EXT_SET, want: { node1: 50, node2: 50 } },
  { name: 'honor extended resource if the pod request', pod: pod({ req: [{ cpu: '3000', memory: '5000', [EXT]: '2' }] }), nodes: [cap('node1', { cpu: '6000', memory: '10000', [EXT]: '4' }), cap('node2', { cpu: '6000', memory: '10000', [EXT]: '10' })], resources: EXT_SET, want: { node1: 50, node2: 40 } },
  { name: "if the node doesn't have a resource", pod: pod({ req: [{ cpu: '3000', memory: '4000' }] }), nodes: [cap('node1', { cpu: '6000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000', [EXT]: '4' })], resources: [{ name: EXT, weight: 2 }, { name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }], want: { node1: 45, node2: 45 } },
];
for (const c of most) {
  test(`${DIR}/most_allocated_test.go TestMostAllocatedScoringStrategy: ${c.name}`, () => {
    const got = runScorePlugin('NodeResourcesFit', { pod: c.pod, nodes: c.nodes, existingPods: c.existing, config: fitConfig('MostAllocated', c.resources ?? DEFAULT) });
    assert.deepEqual(got, c.want);
  });
}

const shape = [{ utilization: 0, score: 10 }, { utilization: 100, score: 0 }];
const ratio: ScoreCase[] = [
  { name: 'nothing scheduled, nothing requested (default - least requested nodes have priority)', pod: pod(), nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '4000', memory: '10000' })], existing: [on('node1', undefined, 0), on('node1', undefined, 1)], want: { node1: 100, node2: 100 } },
  { name: 'nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)', pod: twoReq, nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000' })], existing: [on('node1', undefined, 0), on('node1', undefined, 1)], want: { node1: 38, node2: 50 } },
  { name: 'no resources requested, pods scheduled with resources (default - least requested nodes have priority)', pod: pod(), nodes: [cap('node1', { cpu: '4000', memory: '10000' }), cap('node2', { cpu: '6000', memory: '10000' })], existing: [on('node1', { cpu: '3000', memory: '5000' }), on('node2', { cpu: '3000', memory: '5000' })], want: { node1: 38, node2: 50 } },
];
for (const c of ratio) {
  test(`${DIR}/requested_to_capacity_ratio_test.go TestRequestedToCapacityRatioScoringStrategy: ${c.name}`, () => {
    const got = runScorePlugin('NodeResourcesFit', { pod: c.pod, nodes: c.nodes, existingPods: c.existing, config: fitConfig('RequestedToCapacityRatio', DEFAULT, shape) });
    assert.deepEqual(got, c.want);
  });
}

const brokenLinearCases = [
  { points: [{ utilization: 10, score: 1 }, { utilization: 90, score: 9 }], assertions: [[-10, 1], [0, 1], [9, 1], [10, 1], [15, 1], [19, 1], [20, 2], [89, 8], [90, 9], [99, 9], [100, 9], [110, 9]] },
  { points: [{ utilization: 0, score: 2 }, { utilization: 40, score: 10 }, { utilization: 100, score: 0 }], assertions: [[-10, 2], [0, 2], [20, 6], [30, 8], [40, 10], [70, 5], [100, 0], [110, 0]] },
  { points: [{ utilization: 0, score: 2 }, { utilization: 40, score: 2 }, { utilization: 100, score: 2 }], assertions: [[-10, 2], [0, 2], [20, 2], [30, 2], [40, 2], [70, 2], [100, 2], [110, 2]] },
];
brokenLinearCases.forEach((c, i) => {
  test(`${DIR}/requested_to_capacity_ratio_test.go TestBrokenLinearFunction: case_${i}`, () => {
    for (const [p, expected] of c.assertions) assert.equal(brokenLinear(c.points, p), expected, `p=${p}`);
  });
});

const MB = 1024 * 1024;
const binPack = (resources: { name: string; weight: number }[]) => fitConfig('RequestedToCapacityRatio', resources, [{ utilization: 0, score: 0 }, { utilization: 100, score: 1 }]);
const single: ScoreCase[] = [
  { name: 'nothing scheduled, nothing requested', pod: pod(), nodes: [resNode('node1', 4000, 10000 * MB, { 'intel.com/foo': 8 }), resNode('node2', 4000, 10000 * MB, { 'intel.com/foo': 4 })], want: { node1: 0, node2: 0 } },
  { name: 'resources requested, pods scheduled with less resources', pod: pod({ req: [{ 'intel.com/foo': '2' }] }), nodes: [resNode('node1', 4000, 10000 * MB, { 'intel.com/foo': 8 }), resNode('node2', 4000, 10000 * MB, { 'intel.com/foo': 4 })], existing: [], want: { node1: 2, node2: 5 } },
  { name: 'resources requested, pods scheduled with resources, on node with existing pod running ', pod: pod({ req: [{ 'intel.com/foo': '2' }] }), nodes: [resNode('node1', 4000, 10000 * MB, { 'intel.com/foo': 8 }), resNode('node2', 4000, 10000 * MB, { 'intel.com/foo': 4 })], existing: [pod({ name: 'e', node: 'node2', req: [{ 'intel.com/foo': '2' }] })], want: { node1: 2, node2: 10 } },
  { name: 'resources requested, pods scheduled with more resources', pod: pod({ req: [{ 'intel.com/foo': '4' }] }), nodes: [resNode('node1', 4000, 10000 * MB, { 'intel.com/foo': 8 }), resNode('node2', 4000, 10000 * MB, { 'intel.com/foo': 4 })], want: { node1: 5, node2: 10 } },
];
for (const c of single) {
  test(`${DIR}/requested_to_capacity_ratio_test.go TestResourceBinPackingSingleExtended: ${c.name}`, () => {
    assert.deepEqual(runScorePlugin('NodeResourcesFit', { pod: c.pod, nodes: c.nodes, existingPods: c.existing, config: binPack([{ name: 'intel.com/foo', weight: 1 }]) }), c.want);
  });
}
const multiNodes = () => [resNode('node1', 4000, 10000 * MB, { 'intel.com/foo': 8, 'intel.com/bar': 4 }), resNode('node2', 4000, 10000 * MB, { 'intel.com/foo': 4, 'intel.com/bar': 8 })];
const multi: ScoreCase[] = [
  { name: 'nothing scheduled, nothing requested', pod: pod(), nodes: multiNodes(), want: { node1: 0, node2: 0 } },
  { name: 'resources requested, pods scheduled with less resources', pod: pod({ req: [{ 'intel.com/foo': '2', 'intel.com/bar': '2' }] }), nodes: multiNodes(), want: { node1: 4, node2: 3 } },
  { name: 'resources requested, pods scheduled with resources, on node with existing pod running ', pod: pod({ req: [{ 'intel.com/foo': '2', 'intel.com/bar': '2' }] }), nodes: multiNodes(), existing: [pod({ name: 'e', node: 'node2', req: [{ 'intel.com/foo': '4', 'intel.com/bar': '2' }] })], want: { node1: 4, node2: 7 } },
  { name: 'resources requested, pods scheduled with more resources', pod: pod({ req: [{ 'intel.com/foo': '4', 'intel.com/bar': '2' }] }), nodes: multiNodes(), want: { node1: 5, node2: 5 } },
];
for (const c of multi) {
  test(`${DIR}/requested_to_capacity_ratio_test.go TestResourceBinPackingMultipleExtended: ${c.name}`, () => {
    const cfg = binPack([{ name: 'intel.com/foo', weight: 3 }, { name: 'intel.com/bar', weight: 5 }]);
    assert.deepEqual(runScorePlugin('NodeResourcesFit', { pod: c.pod, nodes: c.nodes, existingPods: c.existing, config: cfg }), c.want);
  });
}

// balanced_allocation_test.go: cpuOnly / cpuAndMemory / cpuAndMemoryAndGPU pod specs and makeNode(name, milliCPU, memory, extended).
const cpuOnly = (nodeName?: string, name = 'cpuOnly') => pod({ name, node: nodeName, req: [{ cpu: '1000m', memory: '0' }, { cpu: '2000m', memory: '0' }] });
const cpuAndMemory = (nodeName?: string, name = 'cpuAndMemory') => pod({ name, node: nodeName, req: [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000' }] });
const cpuAndMemoryAndGPU = (nodeName: string) => pod({ name: 'gpu', node: nodeName, req: [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000', 'nvidia.com/gpu': '3' }] });
const balancedConfig = (resources: { name: string; weight: number }[]): JsonObject => ({
  apiVersion: 'kubescheduler.config.k8s.io/v1',
  kind: 'KubeSchedulerConfiguration',
  profiles: [{ pluginConfig: [{ name: 'NodeResourcesBalancedAllocation', args: { resources } }] }],
});
const GPU_SET = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }, { name: 'nvidia.com/gpu', weight: 1 }];
const balanced: (ScoreCase & { resourcesSet?: { name: string; weight: number }[] })[] = [
  { name: 'nothing scheduled, nothing requested, skip in PreScore', pod: pod(), nodes: [resNode('node1', 4000, 10000), resNode('node2', 4000, 10000)], want: {} },
  { name: 'nothing scheduled, resources requested, differently sized nodes', pod: cpuAndMemory(), nodes: [resNode('node1', 4000, 10000), resNode('node2', 6000, 10000)], want: { node1: 87, node2: 100 } },
  { name: 'resources requested, pods scheduled with resources', pod: cpuAndMemory(), nodes: [resNode('node1', 10000, 20000), resNode('node2', 10000, 20000)], existing: [cpuOnly('node1', 'a'), cpuAndMemory('node2', 'b')], want: { node1: 82, node2: 95 } },
  { name: 'resources requested, pods scheduled with resources, differently sized nodes', pod: cpuAndMemory(), nodes: [resNode('node1', 10000, 20000), resNode('node2', 10000, 50000)], existing: [cpuOnly('node1', 'a'), cpuAndMemory('node2', 'b')], want: { node1: 82, node2: 80 } },
  { name: 'requested resources at node capacity', pod: cpuOnly(), nodes: [resNode('node1', 6000, 10000), resNode('node2', 6000, 10000)], existing: [cpuOnly('node1', 'a'), cpuAndMemory('node2', 'b')], want: { node1: 50, node2: 75 } },
  { name: 'include scalar resource on a node for balanced resource allocation', pod: pod({ req: [{ memory: '0', 'nvidia.com/gpu': '1' }] }), nodes: [resNode('node1', 3500, 40000, { 'nvidia.com/gpu': 8 }), resNode('node2', 3500, 40000, { 'nvidia.com/gpu': 8 })], existing: [cpuAndMemory('node2', 'a'), cpuAndMemoryAndGPU('node1')], resourcesSet: GPU_SET, want: { node1: 70, node2: 65 } },
  { name: 'node without the scalar resource should skip the scalar resource', pod: cpuAndMemory(), nodes: [resNode('node1', 3500, 40000, { 'nvidia.com/gpu': 8 }), resNode('node2', 3500, 40000)], resourcesSet: GPU_SET, want: { node1: 63, node2: 63 } },
];
for (const c of balanced) {
  test(`${DIR}/balanced_allocation_test.go TestNodeResourcesBalancedAllocation: ${c.name}`, () => {
    const cfg = balancedConfig(c.resourcesSet ?? DEFAULT);
    assert.deepEqual(runScorePlugin('NodeResourcesBalancedAllocation', { pod: c.pod, nodes: c.nodes, existingPods: c.existing, config: cfg }), c.want);
  });
}
