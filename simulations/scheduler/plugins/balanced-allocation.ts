// src: pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go (v1.33)
// Favors nodes whose cpu and memory would be used in equal proportion:
// score = (1 − std of the requested/allocatable fractions) × 100, on actual
// requests (no non-zero defaults). Best-effort Pods (requesting nothing) are skipped.

import { PluginNames } from '../names.ts';
import type { NodeInfo } from '../node-info.ts';
import type { Plugin } from '../plugin.ts';
import { SKIP } from '../status.ts';
import { compileResources, fillAllocatableRequested, podRequestList } from './resource-allocation.ts';
import type { ResourceSpec } from './resource-allocation.ts';
import { DEFAULT_RESOURCES } from './node-resources-fit.ts';

export interface BalancedAllocationArgs {
  resources?: readonly ResourceSpec[];
}

/** balancedResourceScorer: fractions capped at 1; |f0 − f1|/2 for two resources, population std for more. */
export function balancedScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    let f = requested[i] / allocatable[i];
    if (f > 1) f = 1;
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * 100);
}

const KEY = 'PreScoreNodeResourcesBalancedAllocation';

export function balancedAllocation(args: BalancedAllocationArgs = {}): Plugin {
  const resources = compileResources(args.resources ?? DEFAULT_RESOURCES);
  const cpuMemoryOnly = resources.length === 2 && resources[0].name === 'cpu' && resources[1].name === 'memory';
  const alloc = new Array<number>(resources.length).fill(0);
  const req = new Array<number>(resources.length).fill(0);
  const scoreOne = (node: NodeInfo, podRequests: readonly number[]): number => {
    if (cpuMemoryOnly && node.allocCpu !== 0 && node.allocMemory !== 0) {
      // The default [cpu, memory] case without the generic arrays: the same formula as balancedScore.
      let fc = (node.reqCpu + podRequests[0]) / node.allocCpu;
      let fm = (node.reqMemory + podRequests[1]) / node.allocMemory;
      if (fc > 1) fc = 1;
      if (fm > 1) fm = 1;
      return Math.trunc((1 - Math.abs((fc - fm) / 2)) * 100);
    }
    fillAllocatableRequested(node, resources, podRequests, false, alloc, req);
    return balancedScore(req, alloc);
  };
  return {
    name: PluginNames.NodeResourcesBalancedAllocation,
    preScore(state, pod) {
      const podRequests = podRequestList(pod, resources, false);
      if (podRequests.every((r) => r === 0)) return SKIP;
      state[KEY] = podRequests;
      return null;
    },
    score(state, pod, node) {
      const podRequests = (state[KEY] as number[] | undefined) ?? podRequestList(pod, resources, false);
      return scoreOne(node, podRequests);
    },
    scoreAll(state, pod, feasible, cluster, out, rows) {
      const podRequests = (state[KEY] as number[] | undefined) ?? podRequestList(pod, resources, false);
      if (cpuMemoryOnly && rows) {
        const c = cluster.columns;
        const podCpu = podRequests[0];
        const podMemory = podRequests[1];
        for (let i = 0; i < feasible.length; i++) {
          const r = rows[i];
          const ac = c.allocCpu[r];
          const am = c.allocMemory[r];
          if (ac === 0 || am === 0) {
            out[i] = scoreOne(feasible[i], podRequests);
            continue;
          }
          let fc = (c.reqCpu[r] + podCpu) / ac;
          let fm = (c.reqMemory[r] + podMemory) / am;
          if (fc > 1) fc = 1;
          if (fm > 1) fm = 1;
          out[i] = Math.trunc((1 - Math.abs((fc - fm) / 2)) * 100);
        }
        return;
      }
      for (let i = 0; i < feasible.length; i++) out[i] = scoreOne(feasible[i], podRequests);
    },
  };
}
