// The kubelet's Pod phase rule.
// src: pkg/kubelet/kubelet_pods.go getPhase (v1.33: pendingRegularInitContainers /
// pendingRestartableInitContainers, podHasInitialized passed in by the caller).

import { getContainerStatus, isRestartableInitContainer, restartPolicyOf } from './containers.ts';
import type { ContainerStatus, Pod, PodPhase, PodSpec } from './types.ts';

/**
 * The phase the kubelet computes for a Pod from `pod.status.initContainerStatuses`
 * and `pod.status.containerStatuses`.
 *
 * - `podIsTerminal`: the pod worker has decided the Pod will never run again
 *   (it was deleted or evicted and its containers are gone); then all-stopped
 *   means Succeeded or Failed whatever the restartPolicy.
 * - `podHasInitialized`: a regular container has started in the current sandbox
 *   (v1.33 `HasAnyActiveRegularContainerStarted`). When omitted it is derived from
 *   the statuses, as v1.32 did (`HasAnyRegularContainerStarted`).
 *
 * `getPhase` never returns Unknown: that phase belongs to a node the control plane lost.
 *
 * @example
 *   getPhase({ ...pod, status: { containerStatuses: [terminated(1)] } }) // restartPolicy Always → "Running"
 *   getPhase(neverPodWithOneFailedContainer)                            // → "Failed"
 */
export function getPhase(pod: Pod, podIsTerminal = false, podHasInitialized?: boolean): PodPhase {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return getPhaseFromStatuses(pod, statuses, podIsTerminal, podHasInitialized);
}

/** getPhase over an explicit list of statuses (init and regular together), as the kubelet calls it. */
export function getPhaseFromStatuses(
  pod: Pod,
  info: readonly ContainerStatus[],
  podIsTerminal = false,
  podHasInitialized?: boolean,
): PodPhase {
  const spec = pod.spec;
  const initialized = podHasInitialized ?? hasAnyRegularContainerStarted(spec, info);
  let pendingRegularInit = 0;
  let failedInit = 0;
  let pendingSidecar = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;

  // Regular init containers.
  for (const container of spec.initContainers ?? []) {
    if (isRestartableInitContainer(container)) continue;
    const status = getContainerStatus(info, container.name);
    if (!status) {
      pendingRegularInit++;
      continue;
    }
    const state = status.state ?? {};
    if (state.running) {
      pendingRegularInit++;
    } else if (state.terminated) {
      if (state.terminated.exitCode !== 0) failedInit++;
    } else if (state.waiting) {
      const last = status.lastState?.terminated;
      if (last) {
        if (last.exitCode !== 0) failedInit++;
      } else {
        pendingRegularInit++;
      }
    } else {
      pendingRegularInit++;
    }
  }

  // Restartable init containers (sidecars).
  for (const container of spec.initContainers ?? []) {
    if (!isRestartableInitContainer(container)) continue;
    const status = getContainerStatus(info, container.name);
    if (!status) {
      unknown++;
      continue;
    }
    const state = status.state ?? {};
    if (state.running) {
      if (status.started !== true) pendingSidecar++;
      running++;
    } else if (state.terminated) {
      // Terminated sidecars do not count towards the phase.
    } else if (state.waiting) {
      if (!status.lastState?.terminated) {
        pendingSidecar++;
        waiting++;
      }
    } else {
      pendingSidecar++;
      unknown++;
    }
  }

  // Regular containers.
  for (const container of spec.containers) {
    const status = getContainerStatus(info, container.name);
    if (!status) {
      unknown++;
      continue;
    }
    const state = status.state ?? {};
    if (state.running) {
      running++;
    } else if (state.terminated) {
      stopped++;
      if (state.terminated.exitCode === 0) succeeded++;
    } else if (state.waiting) {
      if (status.lastState?.terminated) stopped++;
      else waiting++;
    } else {
      unknown++;
    }
  }

  const policy = restartPolicyOf(spec);
  if (failedInit > 0 && policy === 'Never') return 'Failed';

  if (pendingRegularInit > 0 || (pendingSidecar > 0 && !initialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    // A terminal pod's containers will not be restarted whatever the policy.
    if (podIsTerminal && !isStaticPod(pod)) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/**
 * kubecontainer.HasAnyRegularContainerStarted (pkg/kubelet/container/helpers.go): a regular
 * container's status is Running or Terminated.
 */
export function hasAnyRegularContainerStarted(spec: PodSpec, statuses: readonly ContainerStatus[]): boolean {
  if (statuses.length === 0) return false;
  const names = new Set(spec.containers.map((c) => c.name));
  return statuses.some((s) => names.has(s.name) && (!!s.state?.running || !!s.state?.terminated));
}

/** kubetypes.IsStaticPod: the config source annotation is not "api". */
export function isStaticPod(pod: Pod): boolean {
  const source = pod.metadata.annotations?.['kubernetes.io/config.source'];
  return source !== undefined && source !== 'api';
}
