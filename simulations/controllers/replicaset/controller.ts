// The ReplicaSet controller as an actor: keep spec.replicas active Pods, no
// more, and report how many exist, are ready and are available.
// src: pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas,
// getPodsToDelete, burstReplicas 500), replica_set_utils.go (calculateStatus),
// pkg/controller/controller_utils.go (FilterActivePods, ActivePods ordering,
// GetPodFromTemplate), pkg/api/v1/pod (IsPodReady, IsPodAvailable).
// Simplified: Pods are read from the API server (no informer lag, so no
// expectations are needed); orphan adoption and the rank by co-located Pods
// in getPodsToDelete are not modelled.

import type { JsonObject } from '../../apimachinery/json.ts';
import { toMs } from '../../apimachinery/time.ts';
import type { Actor, ActorContext } from '../../apiserver/cluster.ts';
import { objectKey } from '../../apiserver/cluster.ts';
import { specReplicas } from '../controller-utils.ts';
import type { ReplicaSet } from '../types.ts';
import { controllerOf, newControllerRef, splitKey, WorkQueue } from '../work-queue.ts';

const SOURCE = 'pkg/controller/replicaset/replica_set.go';
/** replica_set.go BurstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;

interface Pod {
  metadata?: { name?: string; namespace?: string; uid?: string; labels?: Record<string, string>; deletionTimestamp?: string; creationTimestamp?: string; ownerReferences?: unknown[] };
  spec?: { nodeName?: string };
  status?: { phase?: string; conditions?: { type?: string; status?: string; lastTransitionTime?: string }[]; containerStatuses?: { restartCount?: number }[] };
}

const readyCondition = (p: Pod) => (p.status?.conditions ?? []).find((c) => c.type === 'Ready');
/** podutil.IsPodReady */
export const isPodReady = (p: Pod): boolean => readyCondition(p)?.status === 'True';
/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(p: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(p)) return false;
  if (minReadySeconds === 0) return true;
  const since = toMs(readyCondition(p)?.lastTransitionTime ?? null);
  return since !== null && since + minReadySeconds * 1000 < nowMs;
}
/** controller.IsPodTerminating: being deleted and not yet Succeeded or Failed (FilterTerminatingPods). */
export const isPodTerminating = (p: Pod): boolean => p.metadata?.deletionTimestamp != null && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
/** controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export const isPodActive = (p: Pod): boolean => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && p.metadata?.deletionTimestamp === undefined;

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
/**
 * ActivePods.Less: the Pods to delete first: unscheduled, then pending, not
 * ready, ready for less time, restarted more, newer.
 */
export function deletionOrder(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phase = (p: Pod) => PHASE_ORDER[p.status?.phase ?? ''] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  if (isPodReady(a) && isPodReady(b)) {
    const ra = toMs(readyCondition(a)?.lastTransitionTime ?? null) ?? 0;
    const rb = toMs(readyCondition(b)?.lastTransitionTime ?? null) ?? 0;
    if (ra !== rb) return rb - ra; // ready for less time first
  }
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: Pod) => toMs(p.metadata?.creationTimestamp ?? null) ?? 0;
  return created(b) - created(a); // newer first
}

export function replicaSetController(options: { name?: string } = {}): Actor {
  return {
    name: options.name ?? 'replicaset-controller',
    start(ctx: ActorContext) {
      const queue = new WorkQueue(ctx, (key) => syncReplicaSet(ctx, queue, key));
      ctx.watch('apps/v1', 'ReplicaSet', (e) => {
        if (e.type !== 'DELETED') queue.add(objectKey(e.object));
      });
      ctx.watch('v1', 'Pod', (e) => {
        const owner = controllerOf(e.object);
        if (owner?.kind !== 'ReplicaSet') return;
        const ns = (e.object.metadata as { namespace?: string } | undefined)?.namespace ?? '';
        queue.add(`${ns}/${owner.name}`);
      });
    },
  };
}

function syncReplicaSet(ctx: ActorContext, queue: WorkQueue, key: string): void {
  const [namespace, name] = splitKey(key);
  const rs = ctx.api.peek({ apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace, name }) as ReplicaSet | undefined;
  if (!rs) return;
  const uid = rs.metadata?.uid;
  const pods = ((ctx.api.list('v1', 'Pod', namespace).items ?? []) as Pod[]).filter((p) => controllerOf(p)?.uid === uid);
  const active = pods.filter(isPodActive);
  const deleting = rs.metadata?.deletionTimestamp !== undefined && rs.metadata?.deletionTimestamp !== null;
  if (!deleting) manageReplicas(ctx, active, rs);
  // calculateStatus counts the Pods seen before this sync's creations and deletions, as upstream does.
  updateStatus(ctx, queue, key, active, pods.filter(isPodTerminating).length);
}

/** manageReplicas: create or delete the difference, at most burstReplicas per sync. */
function manageReplicas(ctx: ActorContext, active: Pod[], rs: ReplicaSet): void {
  const rsName = rs.metadata?.name ?? '';
  const namespace = rs.metadata?.namespace ?? '';
  const diff = active.length - specReplicas(rs);
  if (diff < 0) {
    const count = Math.min(-diff, BURST_REPLICAS);
    const template = (rs.spec?.template ?? {}) as { metadata?: JsonObject; spec?: JsonObject };
    for (let i = 0; i < count; i++) {
      // GetPodFromTemplate: the template's labels and annotations, generateName "<rs>-", the RS as controller.
      const created = ctx.api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { generateName: `${rsName}-`, namespace, labels: { ...((template.metadata?.labels as Record<string, string>) ?? {}) }, ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}), ownerReferences: [newControllerRef(rs, 'apps/v1', 'ReplicaSet')] },
        spec: template.spec ?? {},
      });
      if (created.code >= 300) {
        ctx.trace({ title: `FailedCreate: ${created.message}`, source: SOURCE, subject: `ReplicaSet ${namespace}/${rsName}`, level: 'warning' });
        return; // slowStartBatch stops at the first error
      }
    }
    ctx.trace({ title: `created ${count} Pod(s) for ReplicaSet ${rsName} (${active.length} → ${active.length + count})`, source: SOURCE, subject: `ReplicaSet ${namespace}/${rsName}` });
  } else if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS);
    const victims = [...active].sort(deletionOrder).slice(0, count);
    for (const p of victims) ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' });
    ctx.trace({ title: `deleted ${count} Pod(s) of ReplicaSet ${rsName}: ${victims.map((p) => p.metadata?.name).join(', ')}`, detail: 'getPodsToDelete: unscheduled, pending, not ready and newer Pods go first', source: SOURCE, subject: `ReplicaSet ${namespace}/${rsName}` });
  }
}

/** calculateStatus over the active Pods, written only when it changed; requeued while Pods wait out minReadySeconds (the Pod events of its own creations and deletions bring the sync that counts them). */
function updateStatus(ctx: ActorContext, queue: WorkQueue, key: string, active: Pod[], terminatingReplicas: number): void {
  const [namespace, name] = splitKey(key);
  const current = ctx.api.peek({ apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace, name }) as ReplicaSet | undefined;
  if (!current) return;
  const minReadySeconds = current.spec?.minReadySeconds ?? 0;
  const now = ctx.clock.now() + ctx.clock.epochMs;
  const templateLabels = ((current.spec?.template as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata?.labels ?? {});
  const status = {
    replicas: active.length,
    fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata?.labels?.[k] === v)).length,
    readyReplicas: active.filter(isPodReady).length,
    availableReplicas: active.filter((p) => isPodAvailable(p, minReadySeconds, now)).length,
    observedGeneration: current.metadata?.generation ?? 0,
    // DeploymentReplicaSetTerminatingReplicas (beta, on since v1.35): always written, 0 included.
    terminatingReplicas,
  };
  const old = current.status ?? {};
  const changed = (Object.keys(status) as (keyof typeof status)[]).some((k) => (k === 'terminatingReplicas' ? old[k] : (old[k] ?? 0)) !== status[k]);
  if (changed) {
    // Keep fields this controller does not own (conditions) as they are.
    const written = ctx.api.updateStatus({ ...current, status: { ...old, ...status } });
    if (written.code >= 300) queue.add(key); // a conflict: try again with what is stored now
  }
  if (minReadySeconds > 0 && status.readyReplicas > status.availableReplicas) queue.addAfter(key, minReadySeconds * 1000);
}
