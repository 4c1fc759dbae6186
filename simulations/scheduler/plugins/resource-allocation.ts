// Shared by NodeResourcesFit's scoring and NodeResourcesBalancedAllocation.
// src: pkg/scheduler/framework/plugins/noderesources/resource_allocation.go
//      (calculateResourceAllocatableRequest, calculatePodResourceRequest)

import type { NodeInfo } from '../node-info.ts';
import type { PodInfo } from '../pod-info.ts';

export interface ResourceSpec {
  readonly name: string;
  readonly weight: number;
}

const CPU = 0;
const MEMORY = 1;
const EPHEMERAL = 2;
const SCALAR = 3;

/** A resource spec with its kind resolved once, so scoring does not compare strings per node. */
export interface CompiledResource extends ResourceSpec {
  readonly kind: 0 | 1 | 2 | 3;
}

export function compileResources(specs: readonly ResourceSpec[]): CompiledResource[] {
  return specs.map((s) => ({
    ...s,
    kind: s.name === 'cpu' ? CPU : s.name === 'memory' ? MEMORY : s.name === 'ephemeral-storage' ? EPHEMERAL : SCALAR,
  }));
}

/**
 * The incoming Pod's request per configured resource. `nonZero` uses the
 * scheduler defaults (100m cpu / 200Mi memory) for containers that ask for none,
 * as NodeResourcesFit's scoring does; BalancedAllocation uses actual requests.
 */
export function podRequestList(pod: PodInfo, resources: readonly CompiledResource[], nonZero: boolean): number[] {
  return resources.map((r) => {
    switch (r.kind) {
      case CPU:
        return nonZero ? pod.nonZeroCpu : pod.cpu;
      case MEMORY:
        return nonZero ? pod.nonZeroMemory : pod.memory;
      case EPHEMERAL:
        return pod.ephemeral;
      default:
        return pod.scalars?.[r.name] ?? 0;
    }
  });
}

/**
 * Fills `alloc` and `req` (aligned with `resources`) for one node. A scalar
 * resource the Pod does not request, or that the node does not have, gets alloc 0
 * and is left out of the score.
 */
export function fillAllocatableRequested(
  node: NodeInfo,
  resources: readonly CompiledResource[],
  podRequests: readonly number[],
  useNonZero: boolean,
  alloc: number[],
  req: number[],
): void {
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i];
    const podRequest = podRequests[i];
    alloc[i] = 0;
    req[i] = 0;
    switch (r.kind) {
      case CPU:
        alloc[i] = node.allocCpu;
        req[i] = (useNonZero ? node.nonZeroCpu : node.reqCpu) + podRequest;
        break;
      case MEMORY:
        alloc[i] = node.allocMemory;
        req[i] = (useNonZero ? node.nonZeroMemory : node.reqMemory) + podRequest;
        break;
      case EPHEMERAL:
        alloc[i] = node.allocEphemeral;
        req[i] = node.reqEphemeral + podRequest;
        break;
      default: {
        if (podRequest === 0) break;
        const a = node.allocScalars[r.name];
        if (a === undefined) break;
        alloc[i] = a;
        req[i] = (node.reqScalars[r.name] ?? 0) + podRequest;
      }
    }
  }
}
