// The HPA's formula for a Resource metric: desired = ceil(current × usage ÷
// target), with the tolerance band, and with unready, not-yet-warm and
// metric-less Pods handled so they never push the scale the wrong way.
// src: pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas,
// groupPods, calculateRequests, calculatePodLevelRequests,
// calculatePodRequestsFromContainers, removeMetricsForPods, Tolerances.isWithin).

import { Quantity } from '../../apimachinery/quantity.ts';
import { ValidationError } from '../../shared/errors.ts';
import { getResourceMetric, getResourceUtilizationRatio, ReplicaCalculationError, timeMs } from './metrics.ts';
import type { PodMetric, PodMetrics } from './metrics.ts';

export { ReplicaCalculationError };

interface Container {
  name?: string;
  restartPolicy?: string;
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
}

/** The Pod fields the replica calculator reads. */
export interface HpaPod {
  metadata?: { name?: string; deletionTimestamp?: string | null; [key: string]: unknown };
  spec?: { containers?: Container[]; initContainers?: Container[]; resources?: Container['resources'] | null; [key: string]: unknown };
  status?: {
    phase?: string;
    startTime?: string | null;
    conditions?: { type?: string; status?: string; lastTransitionTime?: string | null }[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Scale-up and scale-down tolerances (HPAConfigurableTolerance; the controller flag's default is 0.1 for both). */
export interface Tolerances {
  scaleDown: number;
  scaleUp: number;
}

/** Tolerances.isWithin: the usage ratio is close enough to 1 that the HPA keeps the current count. */
export function isWithin(t: Tolerances, usageRatio: number): boolean {
  return 1.0 - t.scaleDown <= usageRatio && usageRatio <= 1.0 + t.scaleUp;
}

export interface GroupedPods {
  readyPodCount: number;
  unreadyPods: Set<string>;
  missingPods: Set<string>;
  ignoredPods: Set<string>;
}

/**
 * groupPods: deleted and Failed Pods are ignored; Pending ones count as
 * unready; Pods without a sample are missing. For CPU only, a Pod also counts
 * as unready while it is warming up (within cpuInitializationPeriod of its
 * start: not Ready, or its sample not yet a full window past the last Ready
 * transition) or, after that, if it is not Ready and has never been Ready
 * (its Ready condition last changed within delayOfInitialReadinessStatus of the start).
 */
export function groupPods(pods: readonly HpaPod[], metrics: ReadonlyMap<string, PodMetric>, resource: string, cpuInitializationPeriodMs: number, delayOfInitialReadinessStatusMs: number, nowMs: number): GroupedPods {
  const out: GroupedPods = { readyPodCount: 0, unreadyPods: new Set(), missingPods: new Set(), ignoredPods: new Set() };
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    const phase = pod.status?.phase ?? '';
    if ((pod.metadata?.deletionTimestamp ?? null) !== null || phase === 'Failed') {
      out.ignoredPods.add(name);
      continue;
    }
    if (phase === 'Pending') {
      out.unreadyPods.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      out.missingPods.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const condition = (pod.status?.conditions ?? []).find((c) => c?.type === 'Ready');
      const startTime = pod.status?.startTime;
      let unready: boolean;
      if (!condition || startTime === undefined || startTime === null) {
        unready = true;
      } else {
        const startMs = timeMs(startTime);
        const transitionMs = timeMs(condition.lastTransitionTime);
        if (startMs + cpuInitializationPeriodMs > nowMs) {
          // Still initialising: ignore the sample if the Pod is unready, or if one
          // whole metric window has not passed since its last readiness change.
          unready = condition.status === 'False' || metric.timestampMs < transitionMs + metric.windowMs;
        } else {
          // Ignore the metric if the Pod is unready and has never been ready.
          unready = condition.status === 'False' && startMs + delayOfInitialReadinessStatusMs > transitionMs;
        }
      }
      if (unready) {
        out.unreadyPods.add(name);
        continue;
      }
    }
    out.readyPodCount++;
  }
  return out;
}

function milli(q: string | number): number {
  return Quantity.parse(q).milliValue();
}

/** IsPodLevelRequestsSet: spec.resources names requests (or cpu/memory limits, from which requests default). */
function podLevelRequestsSet(pod: HpaPod): boolean {
  const r = pod.spec?.resources;
  if (!r) return false;
  if (Object.keys(r.requests ?? {}).length > 0) return true;
  return Object.keys(r.limits ?? {}).some((k) => k === 'cpu' || k === 'memory');
}

/**
 * calculateRequests: each Pod's request in milli-units. With no container
 * named, pod-level requests win when set (PodLevelResources, on by default
 * since v1.34); otherwise the containers' (and restartable init containers')
 * requests are summed. A container without a request is an error.
 */
export function calculateRequests(pods: readonly HpaPod[], container: string, resource: string): Map<string, number> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    if (container === '' && podLevelRequestsSet(pod)) {
      const r = pod.spec?.resources;
      const q = r?.requests?.[resource] ?? r?.limits?.[resource];
      if (q === undefined) throw new ReplicaCalculationError(`missing pod-level request for ${resource} in Pod ${name}`);
      requests.set(name, milli(q));
      continue;
    }
    const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
    let request = 0;
    let found = false;
    for (const c of containers) {
      if (container === '' || container === c.name) {
        const q = c.resources?.requests?.[resource];
        if (q === undefined) throw new ReplicaCalculationError(`missing request for ${resource} in container ${c.name ?? ''} of Pod ${name}`);
        request += milli(q);
      }
      if (container !== '' && container === c.name) {
        found = true;
        break; // container names are unique inside the pod
      }
    }
    if (container !== '' && !found) throw new ReplicaCalculationError(`container ${container} not found in Pod ${name}`);
    requests.set(name, request);
  }
  return requests;
}

export interface ResourceReplicasOptions {
  /** Only this container's usage and request count (a ContainerResource metric). */
  container?: string;
  tolerances?: Tolerances;
  /** The controller's clock; defaults to the first PodMetrics' timestamp (when metrics-server sampled). */
  now?: Date;
  /** --horizontal-pod-autoscaler-cpu-initialization-period, default 5m. */
  cpuInitializationPeriodSeconds?: number;
  /** --horizontal-pod-autoscaler-initial-readiness-delay, default 30s. */
  delayOfInitialReadinessStatusSeconds?: number;
}

export interface ResourceReplicas {
  replicas: number;
  /** Average utilization, percent of requests, over the Pods counted in the first pass. */
  utilization: number;
  /** Average usage per Pod in milli-units. */
  rawUtilization: number;
}

/**
 * The API server admits only averageUtilization ≥ 1 (validateMetricTarget in
 * pkg/apis/autoscaling/validation), so upstream's calculator never divides by
 * a zero target. Checked on entry here, with that validation's wording, since
 * 0 / 0 would turn into NaN replicas.
 */
export function checkUtilizationTarget(targetUtilization: number): void {
  if (!Number.isInteger(targetUtilization) || targetUtilization < 1) {
    throw new ValidationError(`Invalid value: ${targetUtilization}: must be greater than 0`, { path: ['target', 'averageUtilization'] });
  }
}

/**
 * GetResourceReplicas over the Pods the HPA's selector matched and their
 * PodMetrics. Throws ReplicaCalculationError with upstream's message.
 *
 * @example
 *   // 3 Pods each requesting 2 × 1 CPU, using 2 × 300m, 2 × 500m, 2 × 700m; target 30 %
 *   getResourceReplicas(3, 30, 'cpu', pods, podMetrics)  // { replicas: 5, utilization: 50, rawUtilization: 1000 }
 */
export function getResourceReplicas(currentReplicas: number, targetUtilization: number, resource: string, pods: readonly HpaPod[], podMetrics: readonly PodMetrics[], options: ResourceReplicasOptions = {}): ResourceReplicas {
  checkUtilizationTarget(targetUtilization);
  const container = options.container ?? '';
  const tolerances = options.tolerances ?? { scaleDown: 0.1, scaleUp: 0.1 };
  const { metrics, readyPodCount, unreadyPods, missingPods } = sampledPods(resource, pods, podMetrics, container, options);

  const requests = calculateRequests(pods, container, resource);
  const { ratio: usageRatio, utilization, rawAverage: rawUtilization } = getResourceUtilizationRatio(metrics, requests, targetUtilization);

  const scaleUpWithUnready = unreadyPods.size > 0 && usageRatio > 1.0;
  if (!scaleUpWithUnready && missingPods.size === 0) {
    if (isWithin(tolerances, usageRatio)) return { replicas: currentReplicas, utilization, rawUtilization };
    return { replicas: Math.ceil(usageRatio * readyPodCount), utilization, rawUtilization };
  }

  if (missingPods.size > 0) {
    if (usageRatio < 1.0) {
      // Scale-down: a Pod without metrics is taken as using 100 % of its request
      // (or the target, when that is above 100 %), so it never drives the scale down.
      const fallbackUtilization = Math.max(100, targetUtilization);
      for (const name of missingPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: Math.trunc(((requests.get(name) ?? 0) * fallbackUtilization) / 100) });
    } else if (usageRatio > 1.0) {
      // Scale-up: a Pod without metrics is taken as idle.
      for (const name of missingPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: 0 });
    }
  }
  if (scaleUpWithUnready) {
    // Scale-up: unready Pods are taken as idle.
    for (const name of unreadyPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: 0 });
  }

  const { ratio: newUsageRatio } = getResourceUtilizationRatio(metrics, requests, targetUtilization);
  if (isWithin(tolerances, newUsageRatio) || (usageRatio < 1.0 && newUsageRatio > 1.0) || (usageRatio > 1.0 && newUsageRatio < 1.0)) {
    // Too small a change, or the assumed values would flip the direction.
    return { replicas: currentReplicas, utilization, rawUtilization };
  }
  const newReplicas = Math.ceil(newUsageRatio * metrics.size);
  if ((newUsageRatio < 1.0 && newReplicas > currentReplicas) || (newUsageRatio > 1.0 && newReplicas < currentReplicas)) {
    return { replicas: currentReplicas, utilization, rawUtilization };
  }
  return { replicas: newReplicas, utilization, rawUtilization };
}

/**
 * GetRawResourceReplicas (calcPlainMetricReplicas): a Resource metric with an
 * AverageValue target: the average usage per Pod against the target, with the
 * same treatment of unready and metric-less Pods (a missing Pod counts as
 * using exactly the target on a scale-down). Returns the replicas and the
 * average usage in milli-units.
 */
export function getRawResourceReplicas(currentReplicas: number, targetUsage: number, resource: string, pods: readonly HpaPod[], podMetrics: readonly PodMetrics[], options: ResourceReplicasOptions = {}): { replicas: number; usage: number } {
  const container = options.container ?? '';
  const tolerances = options.tolerances ?? { scaleDown: 0.1, scaleUp: 0.1 };
  const { metrics, readyPodCount, unreadyPods, missingPods } = sampledPods(resource, pods, podMetrics, container, options);
  // GetMetricUsageRatio: the average over the samples, against the target.
  const usageRatio = (m: Map<string, PodMetric>) => {
    let total = 0;
    for (const v of m.values()) total += v.value;
    const average = Math.trunc(total / m.size);
    return { ratio: average / targetUsage, usage: average };
  };
  const first = usageRatio(metrics);
  const scaleUpWithUnready = unreadyPods.size > 0 && first.ratio > 1.0;
  if (!scaleUpWithUnready && missingPods.size === 0) {
    if (isWithin(tolerances, first.ratio)) return { replicas: currentReplicas, usage: first.usage };
    return { replicas: Math.ceil(first.ratio * readyPodCount), usage: first.usage };
  }
  if (missingPods.size > 0) {
    if (first.ratio < 1.0) for (const name of missingPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: targetUsage });
    else if (first.ratio > 1.0) for (const name of missingPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: 0 });
  }
  if (scaleUpWithUnready) for (const name of unreadyPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: 0 });
  const next = usageRatio(metrics);
  if (isWithin(tolerances, next.ratio) || (first.ratio < 1.0 && next.ratio > 1.0) || (first.ratio > 1.0 && next.ratio < 1.0)) return { replicas: currentReplicas, usage: first.usage };
  const newReplicas = Math.ceil(next.ratio * metrics.size);
  if ((next.ratio < 1.0 && newReplicas > currentReplicas) || (next.ratio > 1.0 && newReplicas < currentReplicas)) return { replicas: currentReplicas, usage: first.usage };
  return { replicas: newReplicas, usage: first.usage };
}

/**
 * The first half GetResourceReplicas and GetRawResourceReplicas share: the Pods' samples of
 * `resource`, the Pods grouped (groupPods), and the samples of ignored and unready Pods dropped.
 */
function sampledPods(resource: string, pods: readonly HpaPod[], podMetrics: readonly PodMetrics[], container: string, options: ResourceReplicasOptions) {
  let metrics: Map<string, PodMetric>;
  try {
    metrics = getResourceMetric(podMetrics, resource, container);
  } catch (e) {
    throw new ReplicaCalculationError(`unable to get metrics for resource ${resource}: ${(e as Error).message}`);
  }
  if (pods.length === 0) throw new ReplicaCalculationError('no pods returned by selector while calculating replica count');
  const nowMs = options.now ? options.now.getTime() : timeMs(podMetrics[0]?.timestamp);
  const cpuInit = (options.cpuInitializationPeriodSeconds ?? 300) * 1000;
  const readinessDelay = (options.delayOfInitialReadinessStatusSeconds ?? 30) * 1000;
  const { readyPodCount, unreadyPods, missingPods, ignoredPods } = groupPods(pods, metrics, resource, cpuInit, readinessDelay, nowMs);
  for (const name of ignoredPods) metrics.delete(name);
  for (const name of unreadyPods) metrics.delete(name);
  if (metrics.size === 0) throw new ReplicaCalculationError('did not receive metrics for targeted pods (pods might be unready)');
  return { metrics, readyPodCount, unreadyPods, missingPods };
}
