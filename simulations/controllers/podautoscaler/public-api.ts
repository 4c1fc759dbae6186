// The HorizontalPodAutoscaler's public functions (contracts/controllers.md):
// timestamps in and out as RFC 3339 strings, `now` as a Date.

import { rfc3339, toMs } from '../../apimachinery/time.ts';
import type { PodMetrics } from './metrics.ts';
import * as normalize from './normalize.ts';
import type { ScalingRules } from './normalize.ts';
import { getResourceReplicas as calculate } from './replica-calculator.ts';
import type { HpaPod, ResourceReplicas, ResourceReplicasOptions } from './replica-calculator.ts';

export type TimestampedRecommendation = { recommendation: number; timestamp: string };
export type TimestampedScaleEvent = { replicaChange: number; timestamp: string; outdated?: boolean };
export type HPAScalingRules = ScalingRules;
export type NormalizationArg = {
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas?: number;
  maxReplicas?: number;
  scaleUpBehavior?: HPAScalingRules | null;
  scaleDownBehavior?: HPAScalingRules | null;
};

const INT32_MAX = 2147483647;

/** An instant as metav1.Time prints it (whole seconds), or with milliseconds when it has them. */
function instant(ms: number): string {
  return ms % 1000 === 0 ? rfc3339(ms) : new Date(ms).toISOString();
}

function timestampMs(text: string, what: string): number {
  const ms = toMs(text);
  if (ms === null) throw new TypeError(`${what}: ${JSON.stringify(text)} is not an RFC 3339 timestamp`);
  return ms;
}

function recommendationsIn(list: readonly TimestampedRecommendation[]): (normalize.Recommendation & { text?: string })[] {
  return list.map((r) => ({ recommendation: r.recommendation, timestampMs: timestampMs(r.timestamp, 'recommendation timestamp'), text: r.timestamp }));
}

function recommendationsOut(list: readonly (normalize.Recommendation & { text?: string })[]): TimestampedRecommendation[] {
  return list.map((r) => ({ recommendation: r.recommendation, timestamp: r.text ?? instant(r.timestampMs) }));
}

function eventsIn(list: readonly TimestampedScaleEvent[]): normalize.ScaleEvent[] {
  return list.map((e) => ({ replicaChange: e.replicaChange, timestampMs: timestampMs(e.timestamp, 'scale event timestamp'), outdated: e.outdated }));
}

/**
 * ReplicaCalculator.GetResourceReplicas (replica_calculator.go) over given Pods and PodMetrics.
 *
 * @example getResourceReplicas(3, 30, 'cpu', pods, metrics, { now })  // { replicas: 5, utilization: 50, rawUtilization: 1000 }
 */
export function getResourceReplicas(currentReplicas: number, targetUtilization: number, resource: 'cpu' | 'memory', pods: HpaPod[], podMetrics: PodMetrics[], options?: ResourceReplicasOptions): ResourceReplicas {
  return calculate(currentReplicas, targetUtilization, resource, pods, podMetrics, options ?? {});
}

/**
 * convertDesiredReplicasWithRules (horizontal.go), for an HPA without behavior.
 *
 * @example convertDesiredReplicasWithRules(3, 1000, 1, 2000)  // { replicas: 6, reason: 'ScaleUpLimit' }
 */
export function convertDesiredReplicasWithRules(currentReplicas: number, desiredReplicas: number, hpaMinReplicas: number, hpaMaxReplicas: number): { replicas: number; reason: string } {
  const { replicas, reason } = normalize.convertDesiredReplicasWithRules(currentReplicas, desiredReplicas, hpaMinReplicas, hpaMaxReplicas);
  return { replicas, reason };
}

/**
 * stabilizeRecommendation (horizontal.go): the highest recommendation within
 * the window, and the recommendation log after recording this one.
 *
 * @example stabilizeRecommendation([{ recommendation: 4, timestamp: now−2m }, { recommendation: 5, timestamp: now−1m }], 3, now)  // { replicas: 5, recommendations: [4, 5, 3 …] }
 */
export function stabilizeRecommendation(recommendations: TimestampedRecommendation[], prenormalizedDesiredReplicas: number, now: Date, downscaleStabilizationWindowSeconds = 300): { replicas: number; recommendations: TimestampedRecommendation[] } {
  const log = recommendationsIn(recommendations);
  const replicas = normalize.stabilizeRecommendation(log, prenormalizedDesiredReplicas, now.getTime(), downscaleStabilizationWindowSeconds * 1000);
  return { replicas, recommendations: recommendationsOut(log) };
}

/**
 * stabilizeRecommendationWithBehaviors (horizontal.go); the windows are taken
 * as given (an absent one is 0), not defaulted.
 *
 * @example stabilizeRecommendationWithBehaviors({ currentReplicas: 1, desiredReplicas: 7, scaleUpBehavior: { stabilizationWindowSeconds: 300 }, scaleDownBehavior: { stabilizationWindowSeconds: 0 } }, [4 @ now−2m, 5 @ now−1m], now)  // { replicas: 4, … }
 */
export function stabilizeRecommendationWithBehaviors(args: NormalizationArg, recommendations: TimestampedRecommendation[], now: Date): { replicas: number; reason: string; recommendations: TimestampedRecommendation[] } {
  const log = recommendationsIn(recommendations);
  const { replicas, reason } = normalize.stabilizeRecommendationWithBehaviors(
    {
      currentReplicas: args.currentReplicas,
      desiredReplicas: args.desiredReplicas,
      minReplicas: args.minReplicas ?? 1,
      maxReplicas: args.maxReplicas ?? INT32_MAX,
      scaleUpBehavior: args.scaleUpBehavior ?? {},
      scaleDownBehavior: args.scaleDownBehavior ?? {},
    },
    log,
    now.getTime(),
  );
  return { replicas, reason, recommendations: recommendationsOut(log) };
}

/**
 * convertDesiredReplicasWithBehaviorRate (horizontal.go). A missing behavior
 * direction gets the API server's defaults (GenerateHPAScaleUpRules /
 * GenerateHPAScaleDownRules), as a stored HPA would have them.
 *
 * @example convertDesiredReplicasWithBehaviorRate({ currentReplicas: 10, desiredReplicas: 50, minReplicas: 1, maxReplicas: 1000 }, [], [], now)  // { replicas: 20, reason: 'ScaleUpLimit' }
 */
export function convertDesiredReplicasWithBehaviorRate(args: NormalizationArg, scaleUpEvents: TimestampedScaleEvent[], scaleDownEvents: TimestampedScaleEvent[], now: Date): { replicas: number; reason: string } {
  const { replicas, reason } = normalize.convertDesiredReplicasWithBehaviorRate(
    {
      currentReplicas: args.currentReplicas,
      desiredReplicas: args.desiredReplicas,
      minReplicas: args.minReplicas ?? 1,
      maxReplicas: args.maxReplicas ?? INT32_MAX,
      scaleUpBehavior: normalize.generateHPAScaleUpRules(args.scaleUpBehavior),
      scaleDownBehavior: normalize.generateHPAScaleDownRules(args.scaleDownBehavior),
    },
    eventsIn(scaleUpEvents),
    eventsIn(scaleDownEvents),
    now.getTime(),
  );
  return { replicas, reason };
}
