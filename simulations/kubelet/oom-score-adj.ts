// The oom_score_adj the kubelet gives each container's processes.
// src: pkg/kubelet/qos/policy.go (GetContainerOOMScoreAdjust), pkg/kubelet/qos/helpers.go
// (minRegularContainerMemory), pkg/kubelet/types/pod_update.go (IsNodeCriticalPod), v1.33
// with PodLevelResources off (alpha, default off).
//
// The kernel's OOM killer picks the process with the highest oom_score, roughly
// "memory used, in thousandths of the memory it may use" + oom_score_adj. The
// kubelet does not kill anything here: it only writes the adjustment, so that
// when memory runs out the kernel sacrifices BestEffort first, Guaranteed last.

import { Quantity } from '../apimachinery/quantity.ts';
import { getPodQOS } from '../apiserver/pod-qos.ts';
import type { ContainerLike, PodLike } from '../apiserver/pod-qos.ts';

/** policy.go constants. */
export const KUBELET_OOM_SCORE_ADJ = -999;
export const KUBE_PROXY_OOM_SCORE_ADJ = -999;
export const GUARANTEED_OOM_SCORE_ADJ = -997;
export const BESTEFFORT_OOM_SCORE_ADJ = 1000;
/** containerd's defaultSandboxOOMAdj for the pause container. */
export const SANDBOX_OOM_SCORE_ADJ = -998;

/** scheduling.SystemCriticalPriority = 2 × HighestUserDefinablePriority (pkg/apis/scheduling/types.go). */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
const SYSTEM_NODE_CRITICAL = 'system-node-critical';

/** Memory request of a container in bytes (Quantity.Value(): rounded up). */
function memoryRequestBytes(container: ContainerLike): number {
  const raw = container.resources?.requests?.memory;
  if (raw === undefined || raw === null) return 0;
  return Quantity.parse(raw as string | number).value();
}

/**
 * kubetypes.IsCriticalPod: a static or mirror Pod, or priority ≥ SystemCriticalPriority.
 * Pods read from manifests are API Pods, so only the mirror annotation and priority apply.
 */
export function isCriticalPod(pod: PodLike): boolean {
  const annotations = pod.metadata?.annotations ?? {};
  const source = annotations['kubernetes.io/config.source'];
  if (typeof source === 'string' && source !== 'api') return true; // static Pod
  if ('kubernetes.io/config.mirror' in annotations) return true; // mirror Pod
  const priority = pod.spec?.priority;
  return typeof priority === 'number' && priority >= SYSTEM_CRITICAL_PRIORITY;
}

/** kubetypes.IsNodeCriticalPod: critical *and* priorityClassName system-node-critical. */
export function isNodeCriticalPod(pod: PodLike): boolean {
  return isCriticalPod(pod) && pod.spec?.priorityClassName === SYSTEM_NODE_CRITICAL;
}

function isSidecar(pod: PodLike, container: ContainerLike): boolean {
  if (container.restartPolicy !== 'Always') return false;
  return (pod.spec?.initContainers ?? []).some((init) => init.name === container.name);
}

/** helpers.go minRegularContainerMemory: the smallest memory request among regular containers. */
function minRegularContainerMemory(pod: PodLike): number {
  const containers = pod.spec?.containers ?? [];
  let min = containers.length > 0 ? memoryRequestBytes(containers[0]) : 0;
  for (const container of containers.slice(1)) min = Math.min(min, memoryRequestBytes(container));
  return min;
}

// Go's int64 division truncates toward zero; requests and capacity are positive.
function burstableScore(requestBytes: number, capacityBytes: number): number {
  return 1000 - Number((1000n * BigInt(requestBytes)) / BigInt(capacityBytes));
}

/**
 * GetContainerOOMScoreAdjust for a container of a Pod (regular, init or sidecar),
 * given the node's memory capacity in bytes.
 *
 * @example
 *   // Burstable, requesting 1e9 bytes of an 8e9-byte node: 1000 - 1000*1e9/8e9 = 875
 *   getContainerOOMScoreAdjust(pod, 'app', 8_000_000_000) // 875
 *   // Guaranteed → -997, BestEffort → 1000
 */
export function getContainerOOMScoreAdjust(pod: PodLike, containerName: string, memoryCapacityBytes: number): number {
  const container = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === containerName);
  if (!container) throw new RangeError(`container ${JSON.stringify(containerName)} is not in the Pod`);
  if (!(memoryCapacityBytes > 0)) throw new RangeError('memory capacity must be positive');
  // "Only node critical pod should be the last to get killed."
  if (isNodeCriticalPod(pod)) return GUARANTEED_OOM_SCORE_ADJ;
  switch (getPodQOS(pod)) {
    case 'Guaranteed':
      return GUARANTEED_OOM_SCORE_ADJ;
    case 'BestEffort':
      return BESTEFFORT_OOM_SCORE_ADJ;
    case 'Burstable':
      break;
  }
  let score = burstableScore(memoryRequestBytes(container), memoryCapacityBytes);
  // A sidecar never gets a higher score than the regular container with the smallest request.
  if (isSidecar(pod, container)) {
    score = Math.min(score, burstableScore(minRegularContainerMemory(pod), memoryCapacityBytes));
  }
  // "A guaranteed pod using 100% of memory can have an OOM score of 10. Ensure
  // that burstable pods have a higher OOM score adjustment."
  if (score < 1000 + GUARANTEED_OOM_SCORE_ADJ) return 1000 + GUARANTEED_OOM_SCORE_ADJ;
  // "Give burstable pods a higher chance of survival over besteffort pods."
  if (score === BESTEFFORT_OOM_SCORE_ADJ) return score - 1;
  return score;
}
