// The Deployment controller's arithmetic: how many Pods may surge above and
// fall below spec.replicas, how far the new ReplicaSet may grow, and how a
// scaling event is shared out between ReplicaSets.
// src: pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts,
// MaxUnavailable, MaxSurge, NewRSNewReplicas, IsSaturated, FindActiveOrLatest,
// GetReplicaSetProportion, getReplicaSetFraction, SetReplicasAnnotations,
// DeploymentComplete).

import { getScaledValueFromIntOrPercent } from '../../apimachinery/intstr.ts';
import type { IntOrString } from '../../apimachinery/intstr.ts';
import { availableReplicas, byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../controller-utils.ts';
import type { Deployment, ReplicaSet } from '../types.ts';

/** Annotations the controller writes on every ReplicaSet it scales (deployment_util.go). */
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
export const RevisionAnnotation = 'deployment.kubernetes.io/revision';

export const RollingUpdateDeploymentStrategyType = 'RollingUpdate';
export const RecreateDeploymentStrategyType = 'Recreate';

const INT32_MAX = 2147483647;

export function isRollingUpdate(deployment: Deployment): boolean {
  return deployment.spec?.strategy?.type === RollingUpdateDeploymentStrategyType;
}

function rollingUpdateOf(deployment: Deployment): { maxSurge: IntOrString | null | undefined; maxUnavailable: IntOrString | null | undefined } {
  const ru = deployment.spec?.strategy?.rollingUpdate ?? {};
  return { maxSurge: ru.maxSurge, maxUnavailable: ru.maxUnavailable };
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down (absent
 * counts as 0), and when both come to 0 maxUnavailable becomes 1 "on the
 * theory that surge might not work due to quota", so a rollout can always move.
 * Throws the intstr error for a string that is not "<n>%".
 *
 * @example
 *   resolveFenceposts('39%', '39%', 10)  // [4, 3]
 *   resolveFenceposts('0%', '0%', 0)     // [0, 1]
 */
export function resolveFenceposts(maxSurge: IntOrString | null | undefined, maxUnavailable: IntOrString | null | undefined, desired: number): [surge: number, unavailable: number] {
  // intstrutil.ValueOrDefault(x, intstrutil.FromInt(0))
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/**
 * MaxUnavailable: how many Pods a rolling Deployment may have unavailable,
 * never more than spec.replicas; 0 for Recreate or zero replicas. A bad
 * IntOrString counts as 0 here ("Error caught by validation").
 *
 * @example maxUnavailable({ spec: { replicas: 10, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '50%' } } } })  // 5
 */
export function maxUnavailable(deployment: Deployment): number {
  if (!isRollingUpdate(deployment) || specReplicas(deployment) === 0) return 0;
  const replicas = specReplicas(deployment);
  const { maxSurge, maxUnavailable: mu } = rollingUpdateOf(deployment);
  let unavailable = 0;
  try {
    unavailable = resolveFenceposts(maxSurge, mu, replicas)[1];
  } catch {
    unavailable = 0;
  }
  return unavailable > replicas ? replicas : unavailable;
}

/** MinAvailable: spec.replicas − MaxUnavailable for a rolling Deployment, else 0. */
export function minAvailable(deployment: Deployment): number {
  if (!isRollingUpdate(deployment)) return 0;
  return specReplicas(deployment) - maxUnavailable(deployment);
}

/** MaxSurge: how many Pods above spec.replicas a rolling Deployment may run; 0 for Recreate. */
export function maxSurge(deployment: Deployment): number {
  if (!isRollingUpdate(deployment)) return 0;
  const { maxSurge: ms, maxUnavailable: mu } = rollingUpdateOf(deployment);
  try {
    return resolveFenceposts(ms, mu, specReplicas(deployment))[0];
  } catch {
    return 0;
  }
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function getReplicaCountForReplicaSets(replicaSets: readonly (ReplicaSet | null | undefined)[]): number {
  let total = 0;
  for (const rs of replicaSets) if (rs) total += specReplicas(rs);
  return total;
}

/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export function getActualReplicaCountForReplicaSets(replicaSets: readonly (ReplicaSet | null | undefined)[]): number {
  let total = 0;
  for (const rs of replicaSets) if (rs) total += rs.status?.replicas ?? 0;
  return total;
}

/**
 * GetTerminatingReplicaCountForReplicaSets (DeploymentReplicaSetTerminatingReplicas,
 * beta and on by default since v1.35): the sum of status.terminatingReplicas.
 * A ReplicaSet its controller has not synced yet (observedGeneration 0, no
 * count) is skipped; a synced one without a count makes the sum unknown (null),
 * and the Deployment then leaves status.terminatingReplicas out.
 */
export function getTerminatingReplicaCountForReplicaSets(replicaSets: readonly (ReplicaSet | null | undefined)[]): number | null {
  let total = 0;
  for (const rs of replicaSets) {
    if (!rs) continue;
    const count = rs.status?.terminatingReplicas;
    if ((rs.status?.observedGeneration ?? 0) === 0 && count == null) continue;
    if (count == null) return null;
    total += count;
  }
  return total;
}

/** GetReadyReplicaCountForReplicaSets: the sum of status.readyReplicas. */
export function getReadyReplicaCountForReplicaSets(replicaSets: readonly (ReplicaSet | null | undefined)[]): number {
  let total = 0;
  for (const rs of replicaSets) if (rs) total += rs.status?.readyReplicas ?? 0;
  return total;
}

/** GetAvailableReplicaCountForReplicaSets: the sum of status.availableReplicas. */
export function getAvailableReplicaCountForReplicaSets(replicaSets: readonly (ReplicaSet | null | undefined)[]): number {
  let total = 0;
  for (const rs of replicaSets) if (rs) total += availableReplicas(rs);
  return total;
}

/**
 * NewRSNewReplicas: the size the new ReplicaSet may grow to now. RollingUpdate:
 * up to spec.replicas + maxSurge Pods in all ReplicaSets together, never past
 * spec.replicas for the new one; Recreate: spec.replicas at once.
 *
 * @example
 *   // 6 wanted, maxSurge 10, 5 Pods exist, the new RS has 2: it may go straight to 6
 *   newRSNewReplicas(deployment(6, { maxSurge: 10, maxUnavailable: 1 }), [rs(5)], rs(2))  // 6
 */
export function newRSNewReplicas(deployment: Deployment, allRSs: readonly (ReplicaSet | null | undefined)[], newRS: ReplicaSet): number {
  const type = deployment.spec?.strategy?.type;
  switch (type) {
    case RollingUpdateDeploymentStrategyType: {
      const replicas = specReplicas(deployment);
      const surge = getScaledValueFromIntOrPercent(rollingUpdateOf(deployment).maxSurge, replicas, true);
      const currentPodCount = getReplicaCountForReplicaSets(allRSs);
      const maxTotalPods = replicas + surge;
      if (currentPodCount >= maxTotalPods) return specReplicas(newRS); // cannot scale up
      const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - specReplicas(newRS));
      return specReplicas(newRS) + scaleUpCount;
    }
    case RecreateDeploymentStrategyType:
      return specReplicas(deployment);
    default:
      throw new Error(`deployment type ${type ?? ''} isn't supported`);
  }
}

/**
 * getNonNegativeInt32FromAnnotation: a base-10 value in [0, MaxInt32], or
 * not ok (absent, not a number, negative, too large).
 */
export function getNonNegativeInt32FromAnnotation(rs: ReplicaSet, key: string): { value: number; ok: boolean } {
  const text = rs.metadata?.annotations?.[key];
  if (text === undefined) return { value: 0, ok: false };
  if (!/^[0-9]+$/.test(text)) return { value: 0, ok: false }; // strconv.ParseUint: invalid syntax (no sign allowed)
  const value = Number(text);
  if (value > INT32_MAX) return { value: 0, ok: false }; // out of range
  return { value, ok: true };
}

export function getDesiredReplicasAnnotation(rs: ReplicaSet): { value: number; ok: boolean } {
  return getNonNegativeInt32FromAnnotation(rs, DesiredReplicasAnnotation);
}

/**
 * IsSaturated: the new ReplicaSet owns all the Deployment's replicas, its
 * desired-replicas annotation agrees, and all of them are available.
 */
export function isSaturated(deployment: Deployment, rs: ReplicaSet | null | undefined): boolean {
  if (!rs) return false;
  const desiredText = rs.metadata?.annotations?.[DesiredReplicasAnnotation];
  // strconv.Atoi: an absent or malformed annotation means "not saturated".
  if (desiredText === undefined || !/^[+-]?[0-9]+$/.test(desiredText)) return false;
  const replicas = specReplicas(deployment);
  return specReplicas(rs) === replicas && Number(desiredText) === replicas && availableReplicas(rs) === replicas;
}

/**
 * FindActiveOrLatest: the only active ReplicaSet, or (none active) the new one
 * or else the newest old one; undefined when several are active and the
 * scale has to be shared proportionally.
 */
export function findActiveOrLatest(newRS: ReplicaSet | null, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  oldRSs.sort((a, b) => byCreationTimestamp(b, a)); // sort.Reverse(ReplicaSetsByCreationTimestamp)
  const active = filterActiveReplicaSets([...oldRSs, newRS]);
  switch (active.length) {
    case 0:
      return newRS ?? oldRSs[0];
    case 1:
      return active[0];
    default:
      return undefined;
  }
}

/** SetReplicasAnnotations: records the Deployment's size and size + maxSurge on a ReplicaSet; true when anything changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  const metadata = (rs.metadata ??= {});
  const annotations = (metadata.annotations ??= {});
  let updated = false;
  if (annotations[DesiredReplicasAnnotation] !== String(desiredReplicas)) {
    annotations[DesiredReplicasAnnotation] = String(desiredReplicas);
    updated = true;
  }
  if (annotations[MaxReplicasAnnotation] !== String(maxReplicas)) {
    annotations[MaxReplicasAnnotation] = String(maxReplicas);
    updated = true;
  }
  return updated;
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  const annotations = rs.metadata?.annotations;
  if (!annotations) return true;
  return annotations[DesiredReplicasAnnotation] !== String(desiredReplicas) || annotations[MaxReplicasAnnotation] !== String(maxReplicas);
}

/** Go's math.Round: halves away from zero (JavaScript's Math.round sends -2.5 to -2). */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * getReplicaSetFraction: how many replicas this ReplicaSet gains (or loses) if
 * it keeps its share of the Deployment: its size × (replicas + maxSurge now) ÷
 * (the max-replicas annotation, i.e. replicas + maxSurge before the scale),
 * rounded. Scaling to 0 takes everything; without a usable annotation the
 * Deployment's status.replicas stands in, and with neither nothing moves.
 */
export function getReplicaSetFraction(rs: ReplicaSet, deployment: Deployment): number {
  const replicas = specReplicas(deployment);
  if (replicas === 0) return -specReplicas(rs);
  const deploymentMaxReplicas = replicas + maxSurge(deployment);
  let { value: before, ok } = getNonNegativeInt32FromAnnotation(rs, MaxReplicasAnnotation);
  if (!ok || before === 0) {
    before = deployment.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  const newSize = (specReplicas(rs) * deploymentMaxReplicas) / before;
  return goRound(newSize) - specReplicas(rs);
}

/**
 * GetReplicaSetProportion: the fraction, capped by what is still left to add
 * (scale-up) or remove (scale-down).
 */
export function getReplicaSetProportion(rs: ReplicaSet | null | undefined, deployment: Deployment, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, deployment);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** DeploymentComplete: every desired replica updated and available, no old Pods left, generation observed. */
export function deploymentComplete(deployment: Deployment, status: NonNullable<Deployment['status']>): boolean {
  const replicas = specReplicas(deployment);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: compared with the status the Deployment has, the new
 * one has more updated, ready or available Pods, or fewer old ones.
 */
export function deploymentProgressing(deployment: Deployment, newStatus: NonNullable<Deployment['status']>): boolean {
  const old = deployment.status ?? {};
  const oldStatusOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newStatusOldReplicas = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newStatusOldReplicas < oldStatusOldReplicas ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}
