// A KWOK-like stand-in for the scheduler and the kubelets in the controllers' tests: it binds
// each new Pod, then writes the status a kubelet would once the Pod has started (Running and
// Ready) or run to its end (Succeeded or Failed), and finishes deletions. The controllers
// under test only read what the API server stores, so this is all of a node they can see.
// Test code: the chapter's cells will run the kubelet library instead.

import type { Actor } from '../../apiserver/cluster.ts';
import type { JsonObject } from '../../apimachinery/json.ts';

export interface StandInKubeletOptions {
  /** The node a Pod is bound to (default: node-1). */
  readonly nodeFor?: (pod: Readonly<JsonObject>) => string;
  /** Virtual ms from binding to Running and Ready (when `exit` is not given). */
  readonly startupMs?: number;
  /** Instead of becoming Ready: the Pod's only container ends `afterMs` after binding with `code(n)` for the n-th Pod created. */
  readonly exit?: { readonly afterMs: number; readonly code: (n: number) => number };
  /** Virtual ms a deleted Pod takes to stop (default 0: at once). */
  readonly terminationMs?: number;
}

export interface StandInKubelet extends Actor {
  /** The virtual time each Pod was bound, in creation order. */
  readonly created: number[];
}

interface PodMeta {
  name: string;
  namespace: string;
  deletionTimestamp?: string;
}

export function standInKubelet(options: StandInKubeletOptions = {}): StandInKubelet {
  const created: number[] = [];
  return {
    name: 'stand-in-kubelet',
    created,
    start(ctx) {
      const stopping = new Set<string>(); // Pods whose shutdown is already under way
      ctx.watch('v1', 'Pod', (e) => {
        const meta = e.object.metadata as unknown as PodMeta;
        const ref = { apiVersion: 'v1', kind: 'Pod', namespace: meta.namespace, name: meta.name };
        if (e.type === 'DELETED') return;
        if (meta.deletionTimestamp) {
          const terminationMs = options.terminationMs ?? 0;
          if (terminationMs === 0) ctx.api.delete(ref, { gracePeriodSeconds: 0 });
          else if (!stopping.has(meta.name)) {
            stopping.add(meta.name);
            ctx.after(terminationMs, `stop ${meta.name}`, () => void ctx.api.delete(ref, { gracePeriodSeconds: 0 }));
          }
          return;
        }
        if (e.type !== 'ADDED' || (e.object.spec as { nodeName?: string } | undefined)?.nodeName) return;
        const n = created.length;
        created.push(ctx.clock.now());
        ctx.api.bind({ namespace: meta.namespace, name: meta.name }, { name: options.nodeFor?.(e.object) ?? 'node-1' });
        const startTime = ctx.clock.nowTimestamp();
        const { exit } = options;
        ctx.after(exit ? exit.afterMs : (options.startupMs ?? 0), exit ? `exit ${meta.name}` : `start ${meta.name}`, () => {
          const current = ctx.api.peek(ref);
          if (!current || (current.metadata as unknown as PodMeta).deletionTimestamp) return;
          const at = ctx.clock.nowTimestamp();
          const status = exit ? endedStatus(exit.code(n), startTime, at) : runningStatus(startTime, at);
          ctx.api.updateStatus({ ...current, status: { ...(current.status as object), ...status } });
        });
      });
    },
  };
}

function runningStatus(startTime: string, at: string): JsonObject {
  return {
    phase: 'Running',
    startTime,
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: startTime },
      { type: 'Initialized', status: 'True', lastTransitionTime: at },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: at },
      { type: 'Ready', status: 'True', lastTransitionTime: at },
    ],
  };
}

function endedStatus(code: number, startTime: string, at: string): JsonObject {
  const reason = code === 0 ? 'PodCompleted' : 'PodFailed';
  return {
    phase: code === 0 ? 'Succeeded' : 'Failed',
    startTime,
    conditions: [{ type: 'Ready', status: 'False', reason, lastTransitionTime: at }],
    containerStatuses: [
      { name: 'main', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: startTime, finishedAt: at } } },
    ],
  };
}
