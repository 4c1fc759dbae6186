// Toleration matching. src: staging/src/k8s.io/api/core/v1/toleration.go (ToleratesTaint),
// staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint).

import type { Taint } from './node-info.ts';
import type { Toleration } from './pod-info.ts';

/**
 * Toleration.ToleratesTaint: effects must match unless the toleration's is empty,
 * keys must match unless the toleration's is empty; Exists ignores the value,
 * Equal (or empty) compares it, any other operator tolerates nothing.
 *
 * @example
 *   toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: '' },
 *                  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' })  // true
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
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

export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (let i = 0; i < tolerations.length; i++) if (toleratesTaint(tolerations[i], taint)) return true;
  return false;
}

/** The first taint (in node order) that no toleration tolerates, or undefined. */
export function findUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  for (let i = 0; i < taints.length; i++) if (!tolerationsTolerateTaint(tolerations, taints[i])) return taints[i];
  return undefined;
}
