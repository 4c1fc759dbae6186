// The Deployment controller as an actor: for each Deployment, find its
// ReplicaSets, create the one for the current template, and move Pods from
// the old ReplicaSets to the new one within maxSurge and maxUnavailable,
// one sync at a time; then report status and conditions.
// src: pkg/controller/deployment/deployment_controller.go (syncDeployment,
// getReplicaSetsForDeployment), sync.go (sync, isScalingEvent,
// getAllReplicaSetsAndSyncRevision, getNewReplicaSet, cleanupDeployment,
// calculateStatus, syncDeploymentStatus), rolling.go (rolloutRolling),
// recreate.go (rolloutRecreate), progress.go (syncRolloutStatus,
// requeueStuckDeployment).
// Simplified: ReplicaSets are matched by controllerRef only (no adoption or
// release); no rollbackTo annotation (kubectl rollout undo patches the
// template, which this handles); collisionCount is never bumped (the hash is
// ours, see hash.ts).

import type { Actor, ActorContext } from '../../apiserver/cluster.ts';
import { objectKey } from '../../apiserver/cluster.ts';
import { rfc3339, toMs } from '../../apimachinery/time.ts';
import { byCreationTimestamp, filterActiveReplicaSets, nameOf, specReplicas } from '../controller-utils.ts';
import type { Deployment, ReplicaSet } from '../types.ts';
import { controllerOf, newControllerRef, splitKey, WorkQueue } from '../work-queue.ts';
import { computeHash, equalIgnoreHash } from './hash.ts';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling.ts';
import { scaleReplicaSetAndRecordEvent } from './scaler.ts';
import type { ControllerEvent, ReplicaSetWriter } from './scaler.ts';
import { scaleDeployment } from './sync.ts';
import {
  deploymentComplete,
  deploymentProgressing,
  getActualReplicaCountForReplicaSets,
  getTerminatingReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getDesiredReplicasAnnotation,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicas,
  RevisionAnnotation,
  setReplicasAnnotations,
  maxSurge,
} from './util.ts';

const SOURCE = 'pkg/controller/deployment';
type Condition = NonNullable<NonNullable<Deployment['status']>['conditions']>[number];
type Status = NonNullable<Deployment['status']>;

/** What a sync did, for the engine's timeline: every ScalingReplicaSet event. */
export interface DeploymentControllerOptions {
  name?: string;
  onEvent?: (event: ControllerEvent, atMs: number) => void;
}

export function deploymentController(options: DeploymentControllerOptions = {}): Actor {
  return {
    name: options.name ?? 'deployment-controller',
    start(ctx: ActorContext) {
      const queue = new WorkQueue(ctx, (key) => {
        try {
          syncDeployment(ctx, queue, key, options);
        } catch (e) {
          // A refused write (a conflict, say): log it and retry, as the work queue's rate limiter would.
          ctx.trace({ title: `sync of Deployment ${key} failed: ${(e as Error).message}`, source: `${SOURCE}/deployment_controller.go`, level: 'warning' });
          queue.addAfter(key, 5);
        }
      });
      ctx.watch('apps/v1', 'Deployment', (e) => {
        if (e.type !== 'DELETED') queue.add(objectKey(e.object));
      });
      ctx.watch('apps/v1', 'ReplicaSet', (e) => {
        const owner = controllerOf(e.object);
        if (owner?.kind !== 'Deployment') return;
        const ns = (e.object.metadata as { namespace?: string } | undefined)?.namespace ?? '';
        queue.add(`${ns}/${owner.name}`);
      });
    },
  };
}

/** A writer through the simulated API server. */
function apiWriter(ctx: ActorContext, options: DeploymentControllerOptions): ReplicaSetWriter {
  return {
    updateReplicaSet(rs) {
      const r = ctx.api.update(rs);
      if (r.code >= 300) throw new Error(r.message ?? `update ReplicaSet ${nameOf(rs)}: ${r.code}`);
      return r.object as ReplicaSet;
    },
    recordEvent(event) {
      ctx.trace({ title: event.message, detail: `${event.type} ${event.reason} on ${event.involvedObject}`, source: `${SOURCE}/sync.go`, subject: event.involvedObject });
      options.onEvent?.(event, ctx.clock.now());
    },
  };
}

function nowMs(ctx: ActorContext): number {
  return ctx.clock.epochMs + ctx.clock.now();
}

function syncDeployment(ctx: ActorContext, queue: WorkQueue, key: string, options: DeploymentControllerOptions): void {
  const [namespace, name] = splitKey(key);
  const stored = ctx.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace, name }) as Deployment | undefined;
  if (!stored) return;
  const d = JSON.parse(JSON.stringify(stored)) as Deployment;
  const uid = d.metadata?.uid;
  const rsList = ((ctx.api.list('apps/v1', 'ReplicaSet', namespace).items ?? []) as ReplicaSet[]).filter((rs) => controllerOf(rs)?.uid === uid).map((rs) => JSON.parse(JSON.stringify(rs)) as ReplicaSet);
  const writer = apiWriter(ctx, options);
  if (d.metadata?.deletionTimestamp) return syncStatusOnly(ctx, queue, d, rsList);
  if (d.spec?.paused) return sync(ctx, queue, writer, d, rsList);
  if (isScalingEvent(d, rsList)) return sync(ctx, queue, writer, d, rsList);
  if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(ctx, queue, writer, d, rsList);
  return rolloutRolling(ctx, queue, writer, d, rsList);
}

/** FindNewReplicaSet / FindOldReplicaSets: the oldest ReplicaSet whose template is the Deployment's, and the rest. */
function splitReplicaSets(d: Deployment, rsList: ReplicaSet[]): { newRS: ReplicaSet | null; oldRSs: ReplicaSet[] } {
  const sorted = [...rsList].sort(byCreationTimestamp);
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template)) ?? null;
  return { newRS, oldRSs: sorted.filter((rs) => rs !== newRS) };
}

function revisionOf(rs: ReplicaSet): number {
  const v = rs.metadata?.annotations?.[RevisionAnnotation];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked,
 * at NewRSNewReplicas, revision max(old)+1), its revision brought up to date
 * (a rollback to an old template takes the next revision), and the
 * Deployment's revision annotation following it.
 */
function getAllReplicaSetsAndSyncRevision(ctx: ActorContext, writer: ReplicaSetWriter, d: Deployment, rsList: ReplicaSet[], createIfNotExisted: boolean): { newRS: ReplicaSet | null; oldRSs: ReplicaSet[] } {
  const { newRS: existing, oldRSs } = splitReplicaSets(d, rsList);
  const newRevision = Math.max(0, ...oldRSs.map(revisionOf)) + 1;
  const namespace = d.metadata?.namespace ?? '';
  let newRS = existing;
  if (newRS) {
    if (revisionOf(newRS) < newRevision || (newRS.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)) {
      const copy = JSON.parse(JSON.stringify(newRS)) as ReplicaSet;
      copy.metadata = { ...copy.metadata, annotations: { ...(copy.metadata?.annotations ?? {}), [RevisionAnnotation]: String(Math.max(revisionOf(newRS), newRevision)) } };
      copy.spec = { ...copy.spec, minReadySeconds: d.spec?.minReadySeconds ?? 0 };
      newRS = writer.updateReplicaSet(copy);
    }
  } else if (createIfNotExisted) {
    const template = JSON.parse(JSON.stringify(d.spec?.template ?? {})) as { metadata?: { labels?: Record<string, string> } };
    const hash = computeHash(d.spec?.template, (d.status as { collisionCount?: number } | undefined)?.collisionCount);
    template.metadata = { ...template.metadata, labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash } };
    const selector = JSON.parse(JSON.stringify(d.spec?.selector ?? {})) as { matchLabels?: Record<string, string> };
    selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
    const rsName = `${d.metadata?.name}-${hash}`;
    const candidate: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: rsName, namespace, labels: template.metadata.labels, ownerReferences: [newControllerRef(d as { metadata?: { name?: string; uid?: string } }, 'apps/v1', 'Deployment')] as never, annotations: { ...copyableAnnotations(d), [RevisionAnnotation]: String(newRevision) } },
      spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, candidate], candidate);
    candidate.spec!.replicas = replicas;
    setReplicasAnnotations(candidate, specReplicas(d), specReplicas(d) + maxSurge(d));
    const created = ctx.api.create(candidate);
    if (created.code >= 300) throw new Error(`Failed to create new replica set ${JSON.stringify(rsName)}: ${created.message}`);
    newRS = JSON.parse(JSON.stringify(created.object)) as ReplicaSet;
    ctx.trace({ title: `created ReplicaSet ${rsName} (revision ${newRevision})`, detail: 'a new Pod template gets its own ReplicaSet, named after the template hash', source: `${SOURCE}/sync.go`, subject: `Deployment ${namespace}/${d.metadata?.name}` });
    if (replicas > 0) writer.recordEvent({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsName} from 0 to ${replicas}`, involvedObject: `Deployment ${namespace}/${d.metadata?.name}` });
    setCondition(d, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set ${JSON.stringify(rsName)}` }, nowMs(ctx));
  }
  if (newRS) {
    // SetDeploymentRevision: the Deployment shows its current ReplicaSet's revision.
    const revision = newRS.metadata?.annotations?.[RevisionAnnotation];
    if (revision !== undefined && d.metadata?.annotations?.[RevisionAnnotation] !== revision) {
      d.metadata = { ...d.metadata, annotations: { ...(d.metadata?.annotations ?? {}), [RevisionAnnotation]: revision } };
      const r = ctx.api.update(d);
      if (r.code >= 300) throw new Error(r.message ?? 'update Deployment');
      Object.assign(d, JSON.parse(JSON.stringify(r.object)), { status: d.status });
    }
  }
  return { newRS, oldRSs };
}

/** copyDeploymentAnnotationsToReplicaSet: all but kubectl's last-applied and the controller's own. */
function copyableAnnotations(d: Deployment): Record<string, string> {
  const skip = new Set(['kubectl.kubernetes.io/last-applied-configuration', RevisionAnnotation, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);
  return Object.fromEntries(Object.entries(d.metadata?.annotations ?? {}).filter(([k]) => !skip.has(k)));
}

/** isScalingEvent: an active ReplicaSet was annotated for a different spec.replicas. */
function isScalingEvent(d: Deployment, rsList: ReplicaSet[]): boolean {
  const { newRS, oldRSs } = splitReplicaSets(d, rsList);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired.ok && desired.value !== specReplicas(d)) return true;
  }
  return false;
}

/** sync: a scaling event or a paused Deployment: scale proportionally, no rollout. */
function sync(ctx: ActorContext, queue: WorkQueue, writer: ReplicaSetWriter, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, writer, d, rsList, false);
  scaleDeployment(writer, d, newRS, oldRSs);
  if (d.spec?.paused) cleanupDeployment(ctx, d, oldRSs);
  syncDeploymentStatus(ctx, queue, d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS, false);
}

function syncStatusOnly(ctx: ActorContext, queue: WorkQueue, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = splitReplicaSets(d, rsList);
  syncDeploymentStatus(ctx, queue, d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS, false);
}

/** rolloutRolling: scale up if we can, else scale down if we can, then status. */
function rolloutRolling(ctx: ActorContext, queue: WorkQueue, writer: ReplicaSetWriter, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, writer, d, rsList, true);
  const rs = newRS as ReplicaSet;
  const allRSs = [...oldRSs, rs];
  if (reconcileNewReplicaSet(writer, allRSs, rs, d)) return syncDeploymentStatus(ctx, queue, d, allRSs, rs, true);
  if (reconcileOldReplicaSets(writer, allRSs, filterActiveReplicaSets(oldRSs), rs, d)) return syncDeploymentStatus(ctx, queue, d, allRSs, rs, true);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, d, oldRSs);
  syncDeploymentStatus(ctx, queue, d, allRSs, rs, true);
}

/** rolloutRecreate: old ReplicaSets to 0, wait until their Pods are gone, then the new one to spec.replicas. */
function rolloutRecreate(ctx: ActorContext, queue: WorkQueue, writer: ReplicaSetWriter, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS: existing, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, writer, d, rsList, false);
  let scaledDown = false;
  for (const rs of filterActiveReplicaSets(oldRSs)) scaledDown = scaleReplicaSetAndRecordEvent(writer, rs, 0, d).scaled || scaledDown;
  if (scaledDown) return syncDeploymentStatus(ctx, queue, d, [...oldRSs, ...(existing ? [existing] : [])], existing, true);
  // oldPodsRunning: wait for every old Pod to be gone (recreate.go checks the Pods; the ReplicaSets' status counts them).
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return syncDeploymentStatus(ctx, queue, d, [...oldRSs, ...(existing ? [existing] : [])], existing, true);
  const { newRS } = existing ? { newRS: existing } : getAllReplicaSetsAndSyncRevision(ctx, writer, d, rsList, true);
  const rs = newRS as ReplicaSet;
  if (specReplicas(rs) !== specReplicas(d)) scaleReplicaSetAndRecordEvent(writer, rs, specReplicas(d), d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, d, oldRSs);
  syncDeploymentStatus(ctx, queue, d, [...oldRSs, rs], rs, true);
}

/** cleanupDeployment: keep revisionHistoryLimit (default 10) old ReplicaSets that have scaled to 0. */
function cleanupDeployment(ctx: ActorContext, d: Deployment, oldRSs: ReplicaSet[]): void {
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  const aliveFilter = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
  const diff = aliveFilter.length - limit;
  if (diff <= 0) return;
  const sorted = [...aliveFilter].sort(byCreationTimestamp);
  for (let i = 0; i < diff; i++) {
    const rs = sorted[i];
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    ctx.api.delete({ apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: rs.metadata?.namespace, name: nameOf(rs) });
    ctx.trace({ title: `deleted old ReplicaSet ${nameOf(rs)} (revisionHistoryLimit ${limit})`, source: `${SOURCE}/sync.go`, subject: `Deployment ${d.metadata?.namespace}/${d.metadata?.name}` });
  }
}

/** SetDeploymentCondition: same status and reason change nothing; same status keeps lastTransitionTime. */
function setCondition(d: Deployment, c: { type: string; status: string; reason: string; message: string }, atMs: number, keepTransition = false): void {
  const status = (d.status ??= {});
  const conditions = status.conditions ?? [];
  const current = conditions.find((x) => x.type === c.type);
  if (current && current.status === c.status && current.reason === c.reason && !keepTransition) return;
  const at = rfc3339(atMs);
  const next: Condition = { type: c.type, status: c.status, lastUpdateTime: at, lastTransitionTime: current && current.status === c.status ? current.lastTransitionTime : at, reason: c.reason, message: c.message };
  status.conditions = [...conditions.filter((x) => x.type !== c.type), next];
}

/**
 * calculateStatus + syncRolloutStatus: counts from the ReplicaSets; the
 * Available condition from MaxUnavailable; Progressing: complete, progressing
 * (lastUpdateTime moves) or, past progressDeadlineSeconds without progress,
 * ProgressDeadlineExceeded. Written only when something changed.
 */
function syncDeploymentStatus(ctx: ActorContext, queue: WorkQueue, d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | null, rollout: boolean): void {
  // Read back what the writes of this sync left (sizes, annotations).
  const fresh = (rs: ReplicaSet) => (ctx.api.peek({ apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: rs.metadata?.namespace, name: nameOf(rs) }) as ReplicaSet | undefined) ?? rs;
  const rss = allRSs.map(fresh);
  const nrs = newRS ? fresh(newRS) : null;
  const available = getAvailableReplicaCountForReplicaSets(rss);
  const total = getReplicaCountForReplicaSets(rss);
  const previous: Status = JSON.parse(JSON.stringify(d.status ?? {}));
  const s: Status = {
    ...previous,
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: getActualReplicaCountForReplicaSets(rss),
    updatedReplicas: getActualReplicaCountForReplicaSets([nrs]),
    readyReplicas: getReadyReplicaCountForReplicaSets(rss),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  const terminating = getTerminatingReplicaCountForReplicaSets(rss);
  if (terminating === null) delete s.terminatingReplicas;
  else s.terminatingReplicas = terminating;
  const now = nowMs(ctx);
  const target: Deployment = { ...d, status: s };
  if (available >= specReplicas(d) - maxUnavailable(d)) setCondition(target, { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }, now);
  else setCondition(target, { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' }, now);

  const deadline = d.spec?.progressDeadlineSeconds ?? 600;
  const rsLabel = nrs ? `ReplicaSet ${JSON.stringify(nameOf(nrs))}` : `Deployment ${JSON.stringify(d.metadata?.name ?? '')}`;
  if (rollout && !d.spec?.paused) {
    const current = (previous.conditions ?? []).find((c) => c.type === 'Progressing');
    const isComplete = s.replicas === s.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
    if (!isComplete) {
      if (deploymentComplete(d, s)) {
        setCondition(target, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `${rsLabel} has successfully progressed.` }, now);
      } else if (deploymentProgressing({ ...d, status: previous }, s)) {
        setCondition(target, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `${rsLabel} is progressing.` }, now, true);
      } else if (current && current.reason !== 'NewReplicaSetAvailable' && (current.reason === 'ProgressDeadlineExceeded' || (toMs(current.lastUpdateTime ?? null) ?? now) + deadline * 1000 < now)) {
        setCondition(target, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `${rsLabel} has timed out progressing.` }, now);
      }
    }
  }
  if (JSON.stringify(target.status) !== JSON.stringify(ctx.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: d.metadata?.namespace, name: d.metadata?.name ?? '' })?.status ?? {})) {
    const stored = ctx.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: d.metadata?.namespace, name: d.metadata?.name ?? '' });
    const r = ctx.api.updateStatus({ ...(stored ?? d), status: target.status });
    if (r.code >= 300) throw new Error(r.message ?? 'update Deployment status');
  }
  // requeueStuckDeployment: look again when the progress deadline would pass.
  const progressing = (target.status?.conditions ?? []).find((c) => c.type === 'Progressing');
  if (rollout && progressing && progressing.reason !== 'NewReplicaSetAvailable' && progressing.reason !== 'ProgressDeadlineExceeded' && !deploymentComplete(d, s)) {
    const due = (toMs(progressing.lastUpdateTime ?? null) ?? now) + deadline * 1000 + 1000 - now;
    queue.addAfter(objectKey(d as never), due);
  }
}

