// Reason strings and event reasons, spelled exactly as upstream spells them.
// Each group names the upstream file it comes from.

/** pkg/kubelet/kubelet_pods.go: the default Waiting reasons of convertToAPIContainerStatuses. */
export const ContainerCreating = 'ContainerCreating';
export const PodInitializing = 'PodInitializing';

/** pkg/kubelet/container/sync_result.go and pkg/kubelet/images/types.go: Waiting reasons from start errors. */
export const CrashLoopBackOff = 'CrashLoopBackOff';
export const ErrImagePull = 'ErrImagePull';
export const ImagePullBackOff = 'ImagePullBackOff';
export const ErrImageNeverPull = 'ErrImageNeverPull';
export const InvalidImageName = 'InvalidImageName';
export const RunContainerError = 'RunContainerError';
export const CreateContainerConfigError = 'CreateContainerConfigError';

/** containerd pkg/cri/server/helpers.go: Terminated reasons set by the runtime. */
export const Completed = 'Completed';
export const ErrorReason = 'Error';
export const OOMKilled = 'OOMKilled';
export const StartError = 'StartError';
/** pkg/kubelet/container/runtime.go ContainerReasonStatusUnknown. */
export const ContainerStatusUnknown = 'ContainerStatusUnknown';

/** pkg/kubelet/status/generate.go: condition reasons. */
export const UnknownContainerStatuses = 'UnknownContainerStatuses';
export const PodCompleted = 'PodCompleted';
export const PodFailedReason = 'PodFailed';
export const ContainersNotReady = 'ContainersNotReady';
export const ContainersNotInitialized = 'ContainersNotInitialized';
export const ReadinessGatesNotReady = 'ReadinessGatesNotReady';

/** k8s.io/api/core/v1 condition types. */
export const PodScheduled = 'PodScheduled';
export const PodReadyToStartContainers = 'PodReadyToStartContainers';
export const PodInitialized = 'Initialized';
export const PodReady = 'Ready';
export const ContainersReady = 'ContainersReady';
export const DisruptionTarget = 'DisruptionTarget';

/** pkg/kubelet/events/event.go: event reasons. */
export const EventReason = {
  Scheduled: 'Scheduled',
  Pulling: 'Pulling',
  Pulled: 'Pulled',
  Failed: 'Failed',
  BackOff: 'BackOff',
  ErrImageNeverPull: 'ErrImageNeverPull',
  Created: 'Created',
  Started: 'Started',
  Killing: 'Killing',
  Unhealthy: 'Unhealthy',
  FailedPreStopHook: 'FailedPreStopHook',
  FailedPostStartHook: 'FailedPostStartHook',
  ExceededGracePeriod: 'ExceededGracePeriod',
  Evicted: 'Evicted',
  SandboxChanged: 'SandboxChanged',
} as const;

/** Exit codes a shell reports for signals: 128 + signal number. */
export const EXIT_SIGKILL = 137;
export const EXIT_SIGTERM = 143;
