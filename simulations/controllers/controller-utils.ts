// Helpers every workload controller shares.
// src: pkg/controller/controller_utils.go (FilterActiveReplicaSets,
// ReplicaSetsByCreationTimestamp, ReplicaSetsBySizeOlder, ReplicaSetsBySizeNewer).

import { toMs } from '../apimachinery/time.ts';
import type { ReplicaSet } from './types.ts';

/**
 * spec.replicas of a ReplicaSet or Deployment. The API server defaults an
 * absent value to 1 (SetDefaults_ReplicaSet, SetDefaults_Deployment), which is
 * what the controller would read from its informer.
 */
export function specReplicas(object: { spec?: { replicas?: number } } | null | undefined): number {
  return object?.spec?.replicas ?? 1;
}

export function setSpecReplicas(object: ReplicaSet, replicas: number): void {
  object.spec = { ...(object.spec ?? {}), replicas };
}

export function availableReplicas(rs: ReplicaSet | null | undefined): number {
  return rs?.status?.availableReplicas ?? 0;
}

export function nameOf(object: { metadata?: { name?: string } } | null | undefined): string {
  return object?.metadata?.name ?? '';
}

/** metav1.Time of creation in ms; the zero time (absent) sorts first, as Go's zero time.Time does. */
function createdMs(rs: ReplicaSet): number {
  return toMs(rs.metadata?.creationTimestamp ?? null) ?? Number.NEGATIVE_INFINITY;
}

/** ReplicaSetsByCreationTimestamp.Less: older first, names break ties. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = createdMs(a);
  const tb = createdMs(b);
  if (ta === tb) return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
  return ta < tb ? -1 : 1;
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes, older first (scale-down takes from the old). */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const ra = specReplicas(a);
  const rb = specReplicas(b);
  if (ra === rb) return byCreationTimestamp(a, b);
  return ra > rb ? -1 : 1;
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes, newer first (scale-up goes to the new). */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const ra = specReplicas(a);
  const rb = specReplicas(b);
  if (ra === rb) return byCreationTimestamp(b, a);
  return ra > rb ? -1 : 1;
}

/** FilterActiveReplicaSets: the ReplicaSets that exist and want at least one Pod. */
export function filterActiveReplicaSets(replicaSets: readonly (ReplicaSet | null | undefined)[]): ReplicaSet[] {
  return replicaSets.filter((rs): rs is ReplicaSet => rs !== null && rs !== undefined && specReplicas(rs) > 0);
}
