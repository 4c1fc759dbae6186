// Pod QoS class, as the API server and the kubelet compute it.
// src: pkg/apis/core/v1/helper/qos/qos.go (GetPodQOS, ComputePodQOS), v1.33 with the
// PodLevelResources feature gate off (its default in 1.33: alpha).
//
// Only cpu and memory count, and only quantities above zero. Requests and limits
// are summed over containers *and* init containers (ephemeral containers never
// count). A Pod is
//   - BestEffort when no container sets any cpu/memory request or limit;
//   - Guaranteed when every container has cpu and memory limits, and for each
//     resource the summed requests equal the summed limits (the same set of
//     resources on both sides);
//   - Burstable otherwise.

import { Quantity } from '../apimachinery/quantity.ts';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** A resource list as it appears in a manifest: `{ cpu: '250m', memory: '64Mi' }`. */
export type ResourceListLike = Readonly<Record<string, unknown>>;

/** The parts of a core/v1 Container these helpers read. */
export interface ContainerLike {
  name?: unknown;
  restartPolicy?: unknown;
  resources?: { requests?: ResourceListLike | null; limits?: ResourceListLike | null } | null;
}

/** The parts of a core/v1 Pod these helpers read (plain JSON from a manifest fits). */
export interface PodLike {
  metadata?: { name?: unknown; namespace?: unknown; annotations?: Record<string, unknown> | null } | null;
  spec?: {
    containers?: readonly ContainerLike[] | null;
    initContainers?: readonly ContainerLike[] | null;
    priority?: unknown;
    priorityClassName?: unknown;
  } | null;
  status?: { qosClass?: unknown } | null;
}

const NANO = -9;

/** A quantity field as exact nano-units (throws QuantityError on a malformed value: validate first). */
export function nanoOf(value: unknown): bigint {
  if (value === undefined || value === null) return 0n;
  return Quantity.parse(value as string | number).scaledValue(NANO);
}

/**
 * ComputePodQOS: the class from the spec alone, ignoring `status.qosClass`.
 *
 * @example
 *   computePodQOS({ spec: { containers: [{ resources: { limits: { cpu: '1', memory: '1Gi' } } }] } })
 *   // 'Burstable' for the raw manifest: the API server's defaulting would first copy
 *   // limits into requests, making it Guaranteed (see applyRequestDefaults in resources-oom).
 */
export function computePodQOS(pod: PodLike): QOSClass {
  // qos.go sums into maps keyed by resource; with only cpu and memory counted, four sums do
  // (a sum is "in the map" once it is positive: only positive values are added). Every Pod
  // created or seeded comes through here.
  const sums = { requestCpu: 0n, requestMemory: 0n, limitCpu: 0n, limitMemory: 0n, isGuaranteed: true };
  const spec = pod.spec;
  if (Array.isArray(spec?.containers)) addContainers(spec.containers, sums);
  if (Array.isArray(spec?.initContainers)) addContainers(spec.initContainers, sums);
  const { requestCpu, requestMemory, limitCpu, limitMemory } = sums;
  if (requestCpu === 0n && requestMemory === 0n && limitCpu === 0n && limitMemory === 0n) return 'BestEffort';
  let isGuaranteed = sums.isGuaranteed;
  if (isGuaranteed && ((requestCpu > 0n && limitCpu !== requestCpu) || (requestMemory > 0n && limitMemory !== requestMemory))) isGuaranteed = false;
  const requestCount = (requestCpu > 0n ? 1 : 0) + (requestMemory > 0n ? 1 : 0);
  const limitCount = (limitCpu > 0n ? 1 : 0) + (limitMemory > 0n ? 1 : 0);
  if (isGuaranteed && requestCount === limitCount) return 'Guaranteed';
  return 'Burstable';
}

function addContainers(
  list: readonly unknown[],
  sums: { requestCpu: bigint; requestMemory: bigint; limitCpu: bigint; limitMemory: bigint; isGuaranteed: boolean },
): void {
  for (const item of list) {
    // A null item decodes to an empty Container (Go's zero value): it requests nothing.
    if (item === null || typeof item !== 'object') continue;
    const resources = (item as ContainerLike).resources;
    const requestCpu = nanoOf(resources?.requests?.cpu);
    if (requestCpu > 0n) sums.requestCpu += requestCpu;
    const requestMemory = nanoOf(resources?.requests?.memory);
    if (requestMemory > 0n) sums.requestMemory += requestMemory;
    const limitCpu = nanoOf(resources?.limits?.cpu);
    if (limitCpu > 0n) sums.limitCpu += limitCpu;
    const limitMemory = nanoOf(resources?.limits?.memory);
    if (limitMemory > 0n) sums.limitMemory += limitMemory;
    // qos.go: "if !qosLimitsFound.HasAll(memory, cpu) { isGuaranteed = false }"
    if (limitMemory <= 0n || limitCpu <= 0n) sums.isGuaranteed = false;
  }
}

/**
 * GetPodQOS: `status.qosClass` when the API server already set it, else ComputePodQOS.
 *
 * @example
 *   getPodQOS({ spec: { containers: [{ name: 'app' }] } })            // 'BestEffort'
 *   getPodQOS({ spec: { containers: [] }, status: { qosClass: 'Guaranteed' } }) // 'Guaranteed'
 */
export function getPodQOS(pod: PodLike): QOSClass {
  const persisted = pod.status?.qosClass;
  if (persisted === 'Guaranteed' || persisted === 'Burstable' || persisted === 'BestEffort') return persisted;
  return computePodQOS(pod);
}
