// What the status manager does to a Pod's status at the end of its life, and the
// equality it uses to skip identical updates.
// src: pkg/kubelet/status/status_manager.go (TerminatePod, isPodStatusByKubeletEqual).

import { ContainerStatusUnknown } from './names.ts';
import type { Pod, PodStatus } from './types.ts';

/** Structural equality of plain JSON data (the status manager skips identical updates). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * status_manager.go TerminatePod: at the end of the Pod's life a container that is
 * not Terminated is reported as Terminated, reason ContainerStatusUnknown, exit 137,
 * and a Pending or Running phase becomes Failed.
 */
export function terminatePodStatus(pod: Pod, status: PodStatus): void {
  const hasInit = (pod.spec.initContainers ?? []).length > 0;
  const initialized = status.conditions?.find((c) => c.type === 'Initialized')?.status === 'True';
  if (!hasInit || initialized) {
    for (const s of status.containerStatuses ?? []) {
      if (s.state.terminated) continue;
      s.state = {
        terminated: {
          exitCode: 137,
          reason: ContainerStatusUnknown,
          message: 'The container could not be located when the pod was terminated',
          startedAt: null,
          finishedAt: null,
        },
      };
      s.ready = false;
    }
  }
  if (status.phase === 'Pending' || status.phase === 'Running') status.phase = 'Failed';
}

