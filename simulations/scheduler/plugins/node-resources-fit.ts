// src: pkg/scheduler/framework/plugins/noderesources/fit.go (Filter, fitsRequest),
//      least_allocated.go, most_allocated.go, requested_to_capacity_ratio.go,
//      helper/shape_score.go (BuildBrokenLinearFunction).
// Filter: "Too many pods", then each resource the Pod requests must fit in
// allocatable − requested of the Pods already there; every failing resource is a reason.
// Score: LeastAllocated (default), MostAllocated or RequestedToCapacityRatio, over
// non-zero requests of existing Pods plus the incoming one.

import { PluginNames, Reasons, insufficientReason } from '../names.ts';
import type { NodeInfo } from '../node-info.ts';
import type { PodInfo } from '../pod-info.ts';
import type { Plugin } from '../plugin.ts';
import { isExtendedResourceName } from '../resources.ts';
import type { Status } from '../status.ts';
import { newStatus } from '../status.ts';
import { compileResources, fillAllocatableRequested, podRequestList } from './resource-allocation.ts';
import type { ResourceSpec } from './resource-allocation.ts';

export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio';

export interface ShapePoint {
  readonly utilization: number;
  readonly score: number;
}

export interface NodeResourcesFitArgs {
  ignoredResources?: readonly string[];
  ignoredResourceGroups?: readonly string[];
  scoringStrategy?: {
    type: ScoringStrategyType;
    resources: readonly ResourceSpec[];
    /** Shape scores are 0..10, as written in the configuration. */
    shape?: readonly ShapePoint[];
  };
}

export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** fitsRequest: every reason, in upstream's order (pods, cpu, memory, ephemeral-storage, scalars). */
export function insufficientResources(pod: PodInfo, node: NodeInfo, ignored: ReadonlySet<string>, ignoredGroups: ReadonlySet<string>): string[] | null {
  let reasons: string[] | null = null;
  if (node.pods.length + 1 > node.allocPods) (reasons ??= []).push(Reasons.tooManyPods);
  if (pod.requestsNothing) return reasons;
  if (pod.cpu > 0 && pod.cpu > node.allocCpu - node.reqCpu) (reasons ??= []).push('Insufficient cpu');
  if (pod.memory > 0 && pod.memory > node.allocMemory - node.reqMemory) (reasons ??= []).push('Insufficient memory');
  if (pod.ephemeral > 0 && pod.ephemeral > node.allocEphemeral - node.reqEphemeral) (reasons ??= []).push('Insufficient ephemeral-storage');
  if (pod.scalars) {
    // Upstream ranges over a Go map (random order); sorted here so messages are stable.
    for (const name of Object.keys(pod.scalars).sort()) {
      const want = pod.scalars[name];
      if (want === 0) continue;
      if (isExtendedResourceName(name)) {
        const group = name.split('/')[0];
        if (ignored.has(name) || ignoredGroups.has(group)) continue;
      }
      if (want > (node.allocScalars[name] ?? 0) - (node.reqScalars[name] ?? 0)) (reasons ??= []).push(insufficientReason(name));
    }
  }
  return reasons;
}

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * 100) / capacity);
}

function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  if (requested > capacity) requested = capacity;
  return Math.trunc((requested * 100) / capacity);
}

/** helper.BuildBrokenLinearFunction over (utilization, score) points, integer arithmetic truncating toward zero. */
export function brokenLinear(shape: readonly ShapePoint[], p: number): number {
  for (let i = 0; i < shape.length; i++) {
    if (p <= shape[i].utilization) {
      if (i === 0) return shape[0].score;
      const a = shape[i - 1];
      const b = shape[i];
      return a.score + Math.trunc(((b.score - a.score) * (p - a.utilization)) / (b.utilization - a.utilization));
    }
  }
  return shape[shape.length - 1].score;
}

type Scorer = (requested: number[], allocatable: number[]) => number;

function weightedScorer(weights: readonly number[], perResource: (req: number, cap: number) => number): Scorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      nodeScore += perResource(requested[i], allocatable[i]) * weights[i];
      weightSum += weights[i];
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
  };
}

function ratioScorer(weights: readonly number[], shape: readonly ShapePoint[]): Scorer {
  // requested_to_capacity_ratio.go: shape scores 0..10 are scaled by MaxNodeScore/MaxCustomPriorityScore = 10.
  const scaled = shape.map((p) => ({ utilization: p.utilization, score: p.score * 10 }));
  const resourceScore = (requested: number, capacity: number) =>
    capacity === 0 || requested > capacity ? brokenLinear(scaled, 100) : brokenLinear(scaled, Math.trunc((requested * 100) / capacity));
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const s = resourceScore(requested[i], allocatable[i]);
      if (s > 0) {
        nodeScore += s * weights[i];
        weightSum += weights[i];
      }
    }
    return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);
  };
}

/** The default profile's case (LeastAllocated over cpu and memory, weight 1 each), without the generic arrays. */
function leastCpuMemoryScore(node: NodeInfo, podCpu: number, podMemory: number): number {
  const ac = node.allocCpu;
  const am = node.allocMemory;
  let sum = 0;
  let weights = 0;
  if (ac !== 0) {
    sum += leastRequestedScore(node.nonZeroCpu + podCpu, ac);
    weights++;
  }
  if (am !== 0) {
    sum += leastRequestedScore(node.nonZeroMemory + podMemory, am);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

/** leastCpuMemoryScore over NodeColumns numbers: allocatable and requested-with-the-Pod per resource. */
function leastCpuMemoryRow(ac: number, rc: number, am: number, rm: number): number {
  let sum = 0;
  let weights = 0;
  if (ac !== 0) {
    sum += leastRequestedScore(rc, ac);
    weights++;
  }
  if (am !== 0) {
    sum += leastRequestedScore(rm, am);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

const KEY = 'PreScoreNodeResourcesFit';

export function nodeResourcesFit(args: NodeResourcesFitArgs = {}): Plugin {
  const ignored = new Set(args.ignoredResources ?? []);
  const ignoredGroups = new Set(args.ignoredResourceGroups ?? []);
  const strategy = args.scoringStrategy ?? { type: 'LeastAllocated' as const, resources: DEFAULT_RESOURCES };
  const resources = compileResources(strategy.resources);
  const weights = resources.map((r) => r.weight);
  const scorer: Scorer =
    strategy.type === 'MostAllocated'
      ? weightedScorer(weights, mostRequestedScore)
      : strategy.type === 'RequestedToCapacityRatio'
        ? ratioScorer(weights, strategy.shape ?? [])
        : weightedScorer(weights, leastRequestedScore);
  const leastCpuMemory =
    strategy.type === 'LeastAllocated' &&
    resources.length === 2 &&
    resources[0].name === 'cpu' &&
    resources[1].name === 'memory' &&
    resources[0].weight === 1 &&
    resources[1].weight === 1;
  const alloc = new Array<number>(resources.length).fill(0);
  const req = new Array<number>(resources.length).fill(0);
  const scoreOne = (node: NodeInfo, podRequests: readonly number[]): number => {
    if (leastCpuMemory) return leastCpuMemoryScore(node, podRequests[0], podRequests[1]);
    fillAllocatableRequested(node, resources, podRequests, true, alloc, req);
    return scorer(req, alloc);
  };
  const requestsOf = (state: Record<string, unknown>, pod: PodInfo): readonly number[] =>
    (state[KEY] as number[] | undefined) ?? podRequestList(pod, resources, true);
  return {
    name: PluginNames.NodeResourcesFit,
    preFilter() {
      return null;
    },
    filter(_state, pod, node): Status | null {
      // Fast path: plain cpu/memory/ephemeral requests that fit, the common case.
      if (
        pod.scalars === null &&
        node.pods.length < node.allocPods &&
        pod.cpu <= node.allocCpu - node.reqCpu &&
        pod.memory <= node.allocMemory - node.reqMemory &&
        pod.ephemeral <= node.allocEphemeral - node.reqEphemeral
      ) {
        return null;
      }
      const reasons = insufficientResources(pod, node, ignored, ignoredGroups);
      return reasons ? newStatus('Unschedulable', ...reasons) : null;
    },
    preScore(state, pod) {
      state[KEY] = podRequestList(pod, resources, true);
      return null;
    },
    score(state, pod, node) {
      return scoreOne(node, requestsOf(state, pod));
    },
    rowFilter(pod) {
      return pod.scalars === null;
    },
    fitsRow(pod, c, r) {
      return (
        c.podCount[r] < c.allocPods[r] &&
        pod.cpu <= c.allocCpu[r] - c.reqCpu[r] &&
        pod.memory <= c.allocMemory[r] - c.reqMemory[r] &&
        pod.ephemeral <= c.allocEphemeral[r] - c.reqEphemeral[r]
      );
    },
    scoreAll(state, pod, feasible, cluster, out, rows) {
      const podRequests = requestsOf(state, pod);
      if (leastCpuMemory && rows) {
        const c = cluster.columns;
        const podCpu = podRequests[0];
        const podMemory = podRequests[1];
        for (let i = 0; i < feasible.length; i++) {
          const r = rows[i];
          out[i] = leastCpuMemoryRow(c.allocCpu[r], c.nonZeroCpu[r] + podCpu, c.allocMemory[r], c.nonZeroMemory[r] + podMemory);
        }
        return;
      }
      for (let i = 0; i < feasible.length; i++) out[i] = scoreOne(feasible[i], podRequests);
    },
  };
}
