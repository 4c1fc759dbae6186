// What the HPA reads from metrics.k8s.io and how it averages it.
// src: pkg/controller/podautoscaler/metrics/client.go (resourceMetricsClient.GetResourceMetric,
// getPodMetrics, getContainerMetrics) and metrics/utilization.go
// (GetResourceUtilizationRatio).

import { parseGoDuration } from '../../apimachinery/parse-duration.ts';
import { Quantity } from '../../apimachinery/quantity.ts';
import { toMs } from '../../apimachinery/time.ts';

/** A metrics.k8s.io/v1beta1 PodMetrics object, as metrics-server serves it. */
export interface PodMetrics {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; [key: string]: unknown };
  timestamp?: string;
  window?: string;
  containers?: { name?: string; usage?: Record<string, string | number> }[];
  [key: string]: unknown;
}

/** One Pod's sample: milli-units summed over its containers (or one container). */
export interface PodMetric {
  timestampMs: number;
  windowMs: number;
  value: number;
}

/**
 * Go's zero time.Time (0001-01-01T00:00:00Z), which an unset timestamp reads
 * as: before every real instant, but still a point one can add a window to.
 */
export const ZERO_TIME_MS = -62135596800000;

export function timeMs(value: string | null | undefined): number {
  return toMs(value ?? null) ?? ZERO_TIME_MS;
}

function milliValue(q: string | number): number {
  return Quantity.parse(q).milliValue();
}

function sampleOf(m: PodMetrics, value: number): PodMetric {
  const window = parseGoDuration(m.window ?? '0');
  return { timestampMs: timeMs(m.timestamp), windowMs: typeof window === 'number' ? window : 0, value };
}

/**
 * getPodMetrics: a Pod's usage is the sum over its containers; a Pod with no
 * containers, or one container without this resource, has no sample at all.
 */
export function getPodMetrics(raw: readonly PodMetrics[], resource: string): Map<string, PodMetric> {
  const res = new Map<string, PodMetric>();
  for (const m of raw) {
    const containers = m.containers ?? [];
    let missing = containers.length === 0;
    let sum = 0;
    for (const c of containers) {
      const usage = c.usage?.[resource];
      if (usage === undefined) {
        missing = true;
        break;
      }
      sum += milliValue(usage);
    }
    if (!missing) res.set(m.metadata?.name ?? '', sampleOf(m, sum));
  }
  return res;
}

/**
 * getContainerMetrics: one named container's usage per Pod. A Pod whose
 * metrics lack that container (or whose container lacks the resource) just
 * has no sample; upstream logs "Missing container metric" and goes on (it
 * used to be an error, "container … not present in metrics for pod …").
 */
export function getContainerMetrics(raw: readonly PodMetrics[], resource: string, container: string): Map<string, PodMetric> {
  const res = new Map<string, PodMetric>();
  for (const m of raw) {
    const c = (m.containers ?? []).find((x) => x.name === container);
    const usage = c?.usage?.[resource];
    if (usage !== undefined) res.set(m.metadata?.name ?? '', sampleOf(m, milliValue(usage)));
  }
  return res;
}

/** An error GetResourceReplicas returns, worded as upstream words it. */
export class ReplicaCalculationError extends Error {
  override readonly name = 'ReplicaCalculationError';
}

/**
 * GetResourceMetric over a PodMetrics list: an empty list is "no metrics
 * returned from resource metrics API".
 */
export function getResourceMetric(raw: readonly PodMetrics[], resource: string, container: string): Map<string, PodMetric> {
  if (raw.length === 0) throw new ReplicaCalculationError('no metrics returned from resource metrics API');
  return container === '' ? getPodMetrics(raw, resource) : getContainerMetrics(raw, resource, container);
}

/**
 * GetResourceUtilizationRatio: Σusage × 100 ÷ Σrequests over the Pods that
 * have both (integer division, as Go's int64), the ratio to the target, and the
 * raw average usage per Pod.
 */
export function getResourceUtilizationRatio(metrics: ReadonlyMap<string, PodMetric>, requests: ReadonlyMap<string, number>, targetUtilization: number): { ratio: number; utilization: number; rawAverage: number } {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [podName, metric] of metrics) {
    const request = requests.get(podName);
    if (request === undefined) continue; // missing requests are checked elsewhere; these are extraneous metrics
    metricsTotal += metric.value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) throw new ReplicaCalculationError('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / targetUtilization, utilization, rawAverage: Math.trunc(metricsTotal / entries) };
}
