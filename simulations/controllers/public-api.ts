// The controllers chapter's public functions (contracts/controllers.md), over
// plain manifests. Each wraps the upstream-shaped rule in its own file; inputs
// are copied first, so a caller's objects are never changed.

import { deepCopy } from '../apimachinery/deep-copy.ts';
import type { JsonValue } from '../apimachinery/json.ts';
import type { IntOrString } from '../apimachinery/intstr.ts';
import { nameOf, specReplicas } from './controller-utils.ts';
import * as rolling from './deployment/rolling.ts';
import { InMemoryReplicaSetWriter } from './deployment/scaler.ts';
import { scaleDeployment } from './deployment/sync.ts';
import * as util from './deployment/util.ts';
import type { Deployment, ReplicaSet } from './types.ts';

function copy<T>(value: T): T {
  return deepCopy(value as unknown as JsonValue) as unknown as T;
}

function replicasByName(replicaSets: readonly (ReplicaSet | null | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const rs of replicaSets) if (rs) out[nameOf(rs)] = specReplicas(rs);
  return out;
}

/**
 * ResolveFenceposts (deployment_util.go): [maxSurge rounded up, maxUnavailable
 * rounded down], with maxUnavailable 1 when both are 0.
 *
 * @example resolveFenceposts('39%', '39%', 10)  // [4, 3]
 */
export function resolveFenceposts(maxSurge: IntOrString | null | undefined, maxUnavailable: IntOrString | null | undefined, desired: number): [surge: number, unavailable: number] {
  return util.resolveFenceposts(maxSurge, maxUnavailable, desired);
}

/**
 * NewRSNewReplicas (deployment_util.go): the size the new ReplicaSet may reach this sync.
 *
 * @example newRSNewReplicas(deployment 6 (maxSurge 10), [rs 5], rs 2)  // 6
 */
export function newRSNewReplicas(deployment: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
  return util.newRSNewReplicas(copy(deployment), copy(allRSs), copy(newRS));
}

/**
 * MaxUnavailable (deployment_util.go), capped at spec.replicas.
 *
 * @example maxUnavailable(deployment 10 with maxUnavailable "50%")  // 5
 */
export function maxUnavailable(deployment: Deployment): number {
  return util.maxUnavailable(copy(deployment));
}

/**
 * reconcileNewReplicaSet (rolling.go): `replicas` is the new ReplicaSet's
 * spec.replicas afterwards.
 *
 * @example reconcileNewReplicaSet([new 0, old 5], new 0, deployment 10 maxSurge 2 maxUnavailable 0)  // { scaled: true, replicas: 7 }
 */
export function reconcileNewReplicaSet(allRSs: ReplicaSet[], newRS: ReplicaSet, deployment: Deployment): { scaled: boolean; replicas: number } {
  const rs = copy(newRS);
  const scaled = rolling.reconcileNewReplicaSet(new InMemoryReplicaSetWriter(), copy(allRSs), rs, copy(deployment));
  return { scaled, replicas: specReplicas(rs) };
}

/**
 * reconcileOldReplicaSets (rolling.go): `replicas` gives each old ReplicaSet's
 * spec.replicas afterwards.
 *
 * @example reconcileOldReplicaSets([old 10 (8 available), new 0], [old], new, deployment 10 maxUnavailable 2)  // { scaled: true, ... }
 */
export function reconcileOldReplicaSets(allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, deployment: Deployment): { scaled: boolean; replicas?: Record<string, number> } {
  const olds = copy(oldRSs);
  const scaled = rolling.reconcileOldReplicaSets(new InMemoryReplicaSetWriter(), copy(allRSs), olds, copy(newRS), copy(deployment));
  return { scaled, replicas: replicasByName(olds) };
}

/**
 * cleanupUnhealthyReplicas (rolling.go); throws upstream's error when a
 * ReplicaSet reports more available Pods than it wants.
 *
 * @example cleanupUnhealthyReplicas([old 10, 8 available], deployment 10, 3)  // { cleanupCount: 2, replicas: { old: 8 } }
 */
export function cleanupUnhealthyReplicas(oldRSs: ReplicaSet[], deployment: Deployment, maxCleanupCount: number): { cleanupCount: number; replicas?: Record<string, number> } {
  const { oldRSs: after, cleanupCount } = rolling.cleanupUnhealthyReplicas(new InMemoryReplicaSetWriter(), copy(oldRSs), copy(deployment), maxCleanupCount);
  return { cleanupCount, replicas: replicasByName(after) };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate (rolling.go).
 *
 * @example scaleDownOldReplicaSetsForRollingUpdate([foo-v2 10, 10 available], [foo-v2], deployment 10 maxUnavailable 2)  // { totalScaledDown: 2, replicas: { 'foo-v2': 8 } }
 */
export function scaleDownOldReplicaSetsForRollingUpdate(allRSs: ReplicaSet[], oldRSs: ReplicaSet[], deployment: Deployment): { totalScaledDown: number; replicas: Record<string, number> } {
  const olds = copy(oldRSs);
  const totalScaledDown = rolling.scaleDownOldReplicaSetsForRollingUpdate(new InMemoryReplicaSetWriter(), copy(allRSs), olds, copy(deployment));
  return { totalScaledDown, replicas: replicasByName(olds) };
}

/**
 * dc.scale (sync.go): every given ReplicaSet's spec.replicas after a scaling event.
 *
 * @example scale(deployment 10, foo-v2 2 (annotated desired 5, max 5), [foo-v1 3])  // { 'foo-v2': 4, 'foo-v1': 6 }
 */
export function scale(deployment: Deployment, newRS: ReplicaSet | null, oldRSs: ReplicaSet[]): Record<string, number> {
  const n = newRS ? copy(newRS) : null;
  const olds = copy(oldRSs);
  scaleDeployment(new InMemoryReplicaSetWriter(), copy(deployment), n, olds);
  return replicasByName([n, ...olds]);
}

// The chapter's other public functions, from the files that hold them, so that
// simulations/index.ts takes the whole engine from this one file.
export {
  getResourceReplicas,
  convertDesiredReplicasWithRules,
  stabilizeRecommendation,
  stabilizeRecommendationWithBehaviors,
  convertDesiredReplicasWithBehaviorRate,
} from './podautoscaler/public-api.ts';
export type { TimestampedRecommendation, TimestampedScaleEvent, HPAScalingRules, NormalizationArg } from './podautoscaler/public-api.ts';
export { getRemainingTime, exceedsBackoffLimit } from './job/public-api.ts';
export { nodeShouldRunDaemonPod } from './daemon/public-api.ts';
export { mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration } from './cronjob/public-api.ts';
