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

const QOS_RESOURCES = ['cpu', 'memory'] as const;
const NANO = -9;

/** A quantity field as exact nano-units (throws QuantityError on a malformed value: validate first). */
export function nanoOf(value: unknown): bigint {
  if (value === undefined || value === null) return 0n;
  return Quantity.parse(value as string | number).scaledValue(NANO);
}

function allContainers(pod: PodLike): readonly ContainerLike[] {
  // A null item decodes to an empty Container (Go's zero value): it requests nothing.
  const all = [...(Array.isArray(pod.spec?.containers) ? pod.spec.containers : []), ...(Array.isArray(pod.spec?.initContainers) ? pod.spec.initContainers : [])];
  return all.filter((c): c is ContainerLike => c !== null && typeof c === 'object');
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
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let isGuaranteed = true;
  for (const container of allContainers(pod)) {
    for (const name of QOS_RESOURCES) {
      const request = nanoOf(container.resources?.requests?.[name]);
      if (request > 0n) requests.set(name, (requests.get(name) ?? 0n) + request);
    }
    const limitsFound = new Set<string>();
    for (const name of QOS_RESOURCES) {
      const limit = nanoOf(container.resources?.limits?.[name]);
      if (limit > 0n) {
        limitsFound.add(name);
        limits.set(name, (limits.get(name) ?? 0n) + limit);
      }
    }
    // qos.go: "if !qosLimitsFound.HasAll(memory, cpu) { isGuaranteed = false }"
    if (!limitsFound.has('memory') || !limitsFound.has('cpu')) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, request] of requests) {
      if (limits.get(name) !== request) {
        isGuaranteed = false;
        break;
      }
    }
  }
  if (isGuaranteed && requests.size === limits.size) return 'Guaranteed';
  return 'Burstable';
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
