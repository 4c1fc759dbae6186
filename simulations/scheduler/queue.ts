// The scheduling queue's order. src: pkg/scheduler/framework/plugins/queuesort/priority_sort.go (Less):
// higher spec.priority first, then the earlier queue timestamp (here: position in the input).

import type { PodInfo } from './pod-info.ts';

/**
 * PrioritySort.Less as a comparator.
 *
 * @example
 *   pods.sort(prioritySort) // priority 1000 before priority 0; equal priorities keep input order
 */
export function prioritySort(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.arrival - b.arrival;
}
