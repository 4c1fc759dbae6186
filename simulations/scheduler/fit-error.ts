// The message of a Pod no node fits: what `kubectl describe pod` shows under FailedScheduling.
// src: pkg/scheduler/framework/types.go FitError.Error() (v1.30+; no doubled period),
//      Diagnosis, NodeToStatus (absent nodes share one status).

import type { Code } from './status.ts';

export interface StatusLike {
  readonly code?: Code | string;
  readonly reasons: readonly string[];
}

export interface FitErrorInput {
  /** Explicit statuses, by node name (a Map or a plain object). */
  nodeToStatus: ReadonlyMap<string, StatusLike> | Readonly<Record<string, StatusLike>>;
  /** The status of every node not in nodeToStatus (NewDefaultNodeToStatus: UnschedulableAndUnresolvable, no reasons). */
  absentNodesStatus?: StatusLike | null;
  /** Set when a PreFilter plugin rejected the Pod: then per-node reasons are not listed. */
  preFilterMsg?: string;
  /** The PostFilter (preemption) outcome, appended after a space. */
  postFilterMsg?: string;
}

/** Go's sort.Strings: plain byte order, so "10 x" sorts before "2 y". */
function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * FitError.Error(): "0/N nodes are available: <count> <reason>, ...." with every
 * reason of every node counted once per node, items sorted as strings.
 *
 * @example
 *   fitErrorMessage(3, { nodeToStatus: { a: { reasons: ['Insufficient cpu'] }, b: { reasons: ['Insufficient cpu'] },
 *     c: { reasons: ['node(s) were unschedulable'] } } })
 *   // '0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.'
 */
export function fitErrorMessage(numAllNodes: number, input: FitErrorInput): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  const preFilterMsg = input.preFilterMsg ?? '';
  if (preFilterMsg !== '') {
    msg += ` ${preFilterMsg}.`;
  } else {
    const entries: StatusLike[] =
      input.nodeToStatus instanceof Map ? [...input.nodeToStatus.values()] : Object.values(input.nodeToStatus as Record<string, StatusLike>);
    const counts = new Map<string, number>();
    for (const status of entries) for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    if (entries.length < numAllNodes && input.absentNodesStatus) {
      for (const reason of input.absentNodesStatus.reasons) counts.set(reason, (counts.get(reason) ?? 0) + numAllNodes - entries.length);
    }
    const items = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(byteCompare);
    if (items.length > 0) msg += ` ${items.join(', ')}.`;
  }
  if (input.postFilterMsg) msg += ` ${input.postFilterMsg}`;
  return msg;
}
