// Toleration matching, shared by the scheduler (TaintToleration) and the
// controllers (DaemonSet placement, taint eviction).
// src: staging/src/k8s.io/api/core/v1/toleration.go (ToleratesTaint),
// staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint).

export interface TaintLike {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

export interface TolerationLike {
  readonly key: string;
  /** 'Exists', 'Equal' or '' (Equal); anything else tolerates nothing. */
  readonly operator: string;
  readonly value: string;
  /** '' tolerates every effect. */
  readonly effect: string;
}

/**
 * Toleration.ToleratesTaint: effects must match unless the toleration's is empty,
 * keys must match unless the toleration's is empty; Exists ignores the value,
 * Equal (or empty) compares it, any other operator tolerates nothing.
 *
 * @example
 *   toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: '' },
 *                  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' })  // true
 */
export function toleratesTaint(t: TolerationLike, taint: TaintLike): boolean {
  if (t.effect !== '' && t.effect !== taint.effect) return false;
  if (t.key !== '' && t.key !== taint.key) return false;
  switch (t.operator) {
    case '':
    case 'Equal':
      return t.value === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly TolerationLike[], taint: TaintLike): boolean {
  for (let i = 0; i < tolerations.length; i++) if (toleratesTaint(tolerations[i], taint)) return true;
  return false;
}

/** The first taint (in node order) that no toleration tolerates, or undefined. */
export function findUntoleratedTaint<T extends TaintLike>(taints: readonly T[], tolerations: readonly TolerationLike[]): T | undefined {
  for (let i = 0; i < taints.length; i++) if (!tolerationsTolerateTaint(tolerations, taints[i])) return taints[i];
  return undefined;
}

/**
 * FindMatchingUntoleratedTaint: the first taint the filter keeps (say, only
 * NoSchedule and NoExecute) that no toleration tolerates, or undefined.
 */
export function findMatchingUntoleratedTaint<T extends TaintLike>(taints: readonly T[], tolerations: readonly TolerationLike[], inclusionFilter: (taint: T) => boolean): T | undefined {
  for (const taint of taints) {
    if (!inclusionFilter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
