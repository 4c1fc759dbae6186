// Whether a stopped container is started again.
// src: pkg/kubelet/container/helpers.go ShouldContainerBeRestarted.

import type { Instance } from './runtime.ts';
import type { Pod } from './types.ts';

/**
 * ShouldContainerBeRestarted over the newest instance of a container.
 *
 * @example shouldContainerBeRestarted(podWith('OnFailure'), exited(0)) // false: it succeeded
 */
export function shouldContainerBeRestarted(pod: Pod, latest: Pick<Instance, 'state' | 'exitCode'> | undefined): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  if (!latest) return true;
  if (latest.state === 'running') return false;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure' && latest.exitCode === 0) return false;
  return true;
}
