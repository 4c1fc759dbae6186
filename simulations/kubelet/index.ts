// The shared kubelet library: a per-Pod kubelet on a virtual clock plus the pure
// rules it is built from. See README.md for the API and what each piece mirrors.

export type * from './types.ts';
export * as names from './names.ts';
export { getPhase, getPhaseFromStatuses, hasAnyRegularContainerStarted, isStaticPod } from './pod-phase.ts';
export { shouldContainerBeRestarted } from './restart.ts';
export { Backoff, CONTAINER_BACKOFF, IMAGE_BACKOFF, crashLoopDelays } from './backoff.ts';
export {
  containersReadyCondition,
  podReadyCondition,
  podInitializedCondition,
  podReadyToStartContainersCondition,
  kubeletConditions,
  stampConditions,
} from './conditions.ts';
export type { ConditionValue } from './conditions.ts';
export { ProbeWorker, withProbeDefaults, probeTypeName, initialProbeResult } from './probes.ts';
export type { ProbeType, ProbeResult, ProbeAnswer, DefaultedProbe } from './probes.ts';
export { EventRecorder, EVENT_TTL_MS } from './events.ts';
export type { TrackedEvent } from './events.ts';
export { containerStatus, generatePodStatus, isReady, isStarted } from './generate-status.ts';
export { computePodActions } from './pod-actions.ts';
export type { PodActions } from './pod-actions.ts';
export { planStop, terminationGracePeriodSeconds, MINIMUM_GRACE_PERIOD_SECONDS } from './termination.ts';
export { defaultBehavior } from './behavior.ts';
export type { ContainerBehavior, RunOutcome, SigtermBehavior, ImageBehavior } from './behavior.ts';
export { PodKubelet, SYNC_ERROR_BACKOFF_MS, defaultPodIP } from './pod-kubelet.ts';
export { ImageManager, defaultPullPolicy, defaultPullError } from './images.ts';
export { terminatePodStatus } from './terminal-status.ts';
export type { PodKubeletOptions, StatusWrite, RunningContainer, InjectedExit, EvictionOptions } from './pod-kubelet.ts';
export { isRestartableInitContainer, getContainerStatus, containerFieldPath, allContainers } from './containers.ts';
export { DEFAULT_EPOCH_MS, rfc3339, toMs } from '../apimachinery/time.ts';
export { fakeUid, fakeContainerId, fakeImageId } from './ids.ts';
