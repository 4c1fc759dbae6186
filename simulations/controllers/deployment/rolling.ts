// A rolling update, one sync at a time: grow the new ReplicaSet as far as
// maxSurge allows, else shrink the old ones as far as maxUnavailable allows,
// taking their unhealthy Pods first.
// src: pkg/controller/deployment/rolling.go (reconcileNewReplicaSet,
// reconcileOldReplicaSets, cleanupUnhealthyReplicas,
// scaleDownOldReplicaSetsForRollingUpdate).

import { availableReplicas, byCreationTimestamp, nameOf, specReplicas } from '../controller-utils.ts';
import type { Deployment, ReplicaSet } from '../types.ts';
import { scaleReplicaSetAndRecordEvent } from './scaler.ts';
import type { ReplicaSetWriter } from './scaler.ts';
import { getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets, maxUnavailable, newRSNewReplicas } from './util.ts';

/**
 * reconcileNewReplicaSet: scale the new ReplicaSet down to spec.replicas if it
 * is above, else up to NewRSNewReplicas. True when its size changed.
 */
export function reconcileNewReplicaSet(writer: ReplicaSetWriter, allRSs: ReplicaSet[], newRS: ReplicaSet, deployment: Deployment): boolean {
  const replicas = specReplicas(deployment);
  if (specReplicas(newRS) === replicas) return false; // scaling not required
  if (specReplicas(newRS) > replicas) return scaleReplicaSetAndRecordEvent(writer, newRS, replicas, deployment).scaled;
  const newReplicasCount = newRSNewReplicas(deployment, allRSs, newRS);
  return scaleReplicaSetAndRecordEvent(writer, newRS, newReplicasCount, deployment).scaled;
}

/**
 * reconcileOldReplicaSets: at most allPods − minAvailable − (new RS Pods not
 * yet available) old Pods may go this sync, so that the new ReplicaSet's
 * unavailable Pods never let availability fall further; unhealthy old Pods go
 * first, then healthy ones while more than minAvailable are available.
 * Errors from either step count as "nothing scaled", as upstream returns
 * (false, nil) for them.
 */
export function reconcileOldReplicaSets(writer: ReplicaSetWriter, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, deployment: Deployment): boolean {
  const oldPodsCount = getReplicaCountForReplicaSets(oldRSs);
  if (oldPodsCount === 0) return false; // can't scale down further
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = specReplicas(deployment) - maxUnavailable(deployment);
  const newRSUnavailablePodCount = specReplicas(newRS) - availableReplicas(newRS);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;

  // Clean up unhealthy replicas first, otherwise they block the rollout until it times out (kubernetes#16737).
  let cleaned: { oldRSs: ReplicaSet[]; cleanupCount: number };
  try {
    cleaned = cleanupUnhealthyReplicas(writer, oldRSs, deployment, maxScaledDown);
  } catch {
    return false;
  }
  let scaledDownCount: number;
  try {
    scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(writer, [...cleaned.oldRSs, newRS], cleaned.oldRSs, deployment);
  } catch {
    return false;
  }
  return cleaned.cleanupCount + scaledDownCount > 0;
}

/**
 * cleanupUnhealthyReplicas: oldest first, shrink each old ReplicaSet by its
 * unavailable Pods (spec.replicas − status.availableReplicas), at most
 * maxCleanupCount in all. The ReplicaSet controller deletes not-ready,
 * unscheduled and pending Pods first, so this costs no availability.
 */
export function cleanupUnhealthyReplicas(writer: ReplicaSetWriter, oldRSs: ReplicaSet[], deployment: Deployment, maxCleanupCount: number): { oldRSs: ReplicaSet[]; cleanupCount: number } {
  oldRSs.sort(byCreationTimestamp);
  let totalScaledDown = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    const target = oldRSs[i];
    if (totalScaledDown >= maxCleanupCount) break;
    const replicas = specReplicas(target);
    if (replicas === 0) continue; // cannot scale down this replica set
    if (replicas === availableReplicas(target)) continue; // no unhealthy replicas found
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, replicas - availableReplicas(target));
    const newReplicasCount = replicas - scaledDownCount;
    if (newReplicasCount > replicas) {
      throw new Error(`when cleaning up unhealthy replicas, got invalid request to scale down ${target.metadata?.namespace ?? ''}/${nameOf(target)} ${replicas} -> ${newReplicasCount}`);
    }
    const { rs } = scaleReplicaSetAndRecordEvent(writer, target, newReplicasCount, deployment);
    totalScaledDown += scaledDownCount;
    oldRSs[i] = rs;
  }
  return { oldRSs, cleanupCount: totalScaledDown };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: while more than minAvailable Pods
 * are available across all ReplicaSets, take the difference from the old ones,
 * oldest first. Returns how many replicas were removed.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(writer: ReplicaSetWriter, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], deployment: Deployment): number {
  const minAvailable = specReplicas(deployment) - maxUnavailable(deployment);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0; // cannot scale down
  oldRSs.sort(byCreationTimestamp);
  let totalScaledDown = 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  for (const target of oldRSs) {
    if (totalScaledDown >= totalScaleDownCount) break; // no further scaling required
    const replicas = specReplicas(target);
    if (replicas === 0) continue; // cannot scale down this ReplicaSet
    const scaleDownCount = Math.min(replicas, totalScaleDownCount - totalScaledDown);
    const newReplicasCount = replicas - scaleDownCount;
    if (newReplicasCount > replicas) {
      throw new Error(`when scaling down old RS, got invalid request to scale down ${target.metadata?.namespace ?? ''}/${nameOf(target)} ${replicas} -> ${newReplicasCount}`);
    }
    scaleReplicaSetAndRecordEvent(writer, target, newReplicasCount, deployment);
    totalScaledDown += scaleDownCount;
  }
  return totalScaledDown;
}
