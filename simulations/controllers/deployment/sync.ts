// Scaling a Deployment (spec.replicas changed) while a rollout is under way or
// paused: each active ReplicaSet keeps its share, so a scale neither hastens
// nor stalls the rollout.
// src: pkg/controller/deployment/sync.go (scale).

import { bySizeNewer, bySizeOlder, filterActiveReplicaSets, specReplicas } from '../controller-utils.ts';
import type { Deployment, ReplicaSet } from '../types.ts';
import { scaleReplicaSet, scaleReplicaSetAndRecordEvent } from './scaler.ts';
import type { ReplicaSetWriter } from './scaler.ts';
import { findActiveOrLatest, getReplicaCountForReplicaSets, getReplicaSetProportion, isRollingUpdate, isSaturated, maxSurge } from './util.ts';

/**
 * dc.scale: one active ReplicaSet (or none) takes the whole new size; a
 * saturated new ReplicaSet sends the old ones to 0; otherwise, for a rolling
 * Deployment, replicas + maxSurge − current Pods are shared out by each
 * ReplicaSet's proportion (largest first; ties: newer first up, older first
 * down), and what rounding leaves over goes to the largest.
 */
export function scaleDeployment(writer: ReplicaSetWriter, deployment: Deployment, newRS: ReplicaSet | null, oldRSs: ReplicaSet[]): void {
  const replicas = specReplicas(deployment);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicas) return;
    scaleReplicaSetAndRecordEvent(writer, activeOrLatest, replicas, deployment);
    return;
  }

  // A saturated new ReplicaSet (adopted, say) means the old ones should be gone.
  if (isSaturated(deployment, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(writer, old, 0, deployment);
    return;
  }

  if (!isRollingUpdate(deployment)) return;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const allowedSize = replicas > 0 ? replicas + maxSurge(deployment) : 0;
  // Replicas to add (or, negative, to remove) across the active ReplicaSets.
  const toAdd = allowedSize - allRSsReplicas;
  if (toAdd > 0) allRSs.sort(bySizeNewer);
  else if (toAdd < 0) allRSs.sort(bySizeOlder);

  let added = 0;
  const nameToSize = new Map<ReplicaSet, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = getReplicaSetProportion(rs, deployment, toAdd, added);
      nameToSize.set(rs, specReplicas(rs) + proportion);
      added += proportion;
    } else {
      nameToSize.set(rs, specReplicas(rs));
    }
  }
  allRSs.forEach((rs, i) => {
    let size = nameToSize.get(rs) as number;
    // Leftovers from rounding go to (or come from) the largest ReplicaSet.
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + (toAdd - added));
    scaleReplicaSet(writer, rs, size, deployment);
  });
}
