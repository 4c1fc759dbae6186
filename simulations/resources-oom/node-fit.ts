// The scheduler's resource fit on the one node of this chapter: a Pod whose
// requests do not fit the node's allocatable, next to the requests of the Pods
// already bound, stays Pending.
// src: pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest: a zero request always fits)

import { Quantity } from '../apimachinery/quantity.ts';
import { podRequestBytes } from '../kubelet/eviction.ts';
import type { PodLike } from '../apiserver/pod-qos.ts';

function milli(v: unknown): number {
  return v === undefined || v === null ? 0 : Quantity.parse(v as string | number).milliValue();
}

/**
 * Millicores a Pod requests (PodRequests for cpu: the containers and sidecars, or an init container if larger).
 *
 * @example podCpuRequestMilli({ spec: { containers: [{ resources: { requests: { cpu: '250m' } } }] } }) // 250
 */
export function podCpuRequestMilli(pod: PodLike): number {
  let sum = 0;
  for (const c of pod.spec?.containers ?? []) sum += milli(c.resources?.requests?.cpu);
  let initMax = 0;
  for (const c of pod.spec?.initContainers ?? []) {
    const v = milli(c.resources?.requests?.cpu);
    if (c.restartPolicy === 'Always') sum += v;
    else initMax = Math.max(initMax, v);
  }
  return Math.max(sum, initMax);
}

/**
 * NodeResourcesFit on the single node: the reasons the Pod does not fit next to the `bound` Pods, if any.
 *
 * @example fitReasons(podRequesting8Gi, { allocatableBytes: 4 * 2 ** 30 }, []) // ['Insufficient memory']
 */
export function fitReasons(pod: PodLike, node: { allocatableBytes: number; cpuAllocatableMilli?: number }, bound: readonly PodLike[]): string[] {
  const reasons: string[] = [];
  const usedCpu = bound.reduce((s, p) => s + podCpuRequestMilli(p), 0);
  const usedMem = bound.reduce((s, p) => s + podRequestBytes(p), 0);
  const cpu = podCpuRequestMilli(pod);
  const mem = podRequestBytes(pod);
  if (node.cpuAllocatableMilli !== undefined && cpu > 0 && cpu > node.cpuAllocatableMilli - usedCpu) reasons.push('Insufficient cpu');
  if (mem > 0 && mem > node.allocatableBytes - usedMem) reasons.push('Insufficient memory');
  return reasons;
}
