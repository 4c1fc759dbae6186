// One HPA sync (the controller runs it every 15 s): each Resource or
// ContainerResource metric proposes a replica count, the highest wins, then
// stabilization and the scale limits (without or with spec.behavior) decide,
// and the conditions say why.
// src: pkg/controller/podautoscaler/horizontal.go (reconcileAutoscaler,
// computeReplicasForMetrics, computeStatusForResourceMetric,
// normalizeDesiredReplicas, normalizeDesiredReplicasWithBehaviors,
// storeScaleEvent, setCondition), replica_calculator.go.
// Only resource metrics (Resource, ContainerResource); Pods, Object and
// External metrics need an API this simulation does not serve.

import { Quantity } from '../../apimachinery/quantity.ts';
import type { PodMetrics } from './metrics.ts';
import { convertDesiredReplicasWithBehaviorRate, convertDesiredReplicasWithRules, generateHPAScaleDownRules, generateHPAScaleUpRules, stabilizeRecommendation, stabilizeRecommendationWithBehaviors, storeScaleEvent } from './normalize.ts';
import type { Recommendation, ScaleEvent, ScalingRules } from './normalize.ts';
import { getRawResourceReplicas, getResourceReplicas } from './replica-calculator.ts';
import type { HpaPod, Tolerances } from './replica-calculator.ts';

interface MetricTarget {
  type?: 'Utilization' | 'AverageValue' | 'Value';
  averageUtilization?: number;
  averageValue?: string | number;
}

export interface MetricSpec {
  type?: string;
  resource?: { name?: string; target?: MetricTarget };
  containerResource?: { name?: string; container?: string; target?: MetricTarget };
}

export interface HorizontalPodAutoscaler {
  metadata?: { name?: string; namespace?: string; [key: string]: unknown };
  spec?: {
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: MetricSpec[];
    behavior?: { scaleUp?: (ScalingRules & { tolerance?: string | number }) | null; scaleDown?: (ScalingRules & { tolerance?: string | number }) | null } | null;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** What the controller keeps between syncs for one HPA (its recommendations and scale events). */
export interface HpaControllerState {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export interface HpaCondition {
  type: 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export interface HpaSyncResult {
  currentReplicas: number;
  desiredReplicas: number;
  rescale: boolean;
  /** The event the sync records: SuccessfulRescale ("New size: 5; reason: cpu resource utilization (percentage of request) above target") or the Warning FailedComputeMetricsReplicas. */
  event?: string;
  eventReason?: 'SuccessfulRescale' | 'FailedComputeMetricsReplicas';
  /** Each metric's proposal and current value, for the "why". */
  metrics: { metric: string; replicas?: number; utilization?: number; averageValue?: number; error?: string }[];
  conditions: HpaCondition[];
}

export interface HpaSyncOptions {
  /** --horizontal-pod-autoscaler-tolerance, 0.1. */
  tolerance?: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization, 300 s. */
  downscaleStabilizationWindowSeconds?: number;
  cpuInitializationPeriodSeconds?: number;
  delayOfInitialReadinessStatusSeconds?: number;
}

function setCondition(conditions: HpaCondition[], c: HpaCondition): void {
  const i = conditions.findIndex((x) => x.type === c.type);
  if (i >= 0) conditions[i] = c;
  else conditions.push(c);
}

/** tolerancesForHpa: the controller's tolerance, or spec.behavior.scaleUp/scaleDown.tolerance (HPAConfigurableTolerance). */
function tolerancesFor(hpa: HorizontalPodAutoscaler, tolerance: number): Tolerances {
  const t = { scaleDown: tolerance, scaleUp: tolerance };
  const b = hpa.spec?.behavior;
  if (!b) return t;
  const q = (v: string | number | undefined) => (v === undefined ? undefined : Number(Quantity.parse(v).milliValue()) / 1000);
  t.scaleDown = q(b.scaleDown?.tolerance) ?? t.scaleDown;
  t.scaleUp = q(b.scaleUp?.tolerance) ?? t.scaleUp;
  return t;
}

/**
 * reconcileAutoscaler for the given scale target size, Pods and PodMetrics.
 * `state` is updated in place (recommendations, scale events), as the
 * controller's maps are.
 *
 * @example hpaSync(hpa min 2 max 6 cpu 30 %, 3, pods using 300m/500m/700m of 1 CPU, metrics, state, now)  // desiredReplicas 5
 */
export function hpaSync(hpa: HorizontalPodAutoscaler, currentReplicas: number, pods: readonly HpaPod[], podMetrics: readonly PodMetrics[], state: HpaControllerState, now: Date, options: HpaSyncOptions = {}): HpaSyncResult {
  const nowMs = now.getTime();
  const conditions: HpaCondition[] = [];
  const minReplicas = hpa.spec?.minReplicas ?? 1;
  const maxReplicas = hpa.spec?.maxReplicas ?? 0;
  const result: HpaSyncResult = { currentReplicas, desiredReplicas: 0, rescale: true, metrics: [], conditions };
  let desiredReplicas = 0;
  let rescaleReason = '';

  if (currentReplicas === 0 && minReplicas !== 0) {
    setCondition(conditions, { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    result.rescale = false;
  } else if (currentReplicas > maxReplicas) {
    rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
    desiredReplicas = maxReplicas;
  } else if (currentReplicas < minReplicas) {
    rescaleReason = 'Current number of replicas below Spec.MinReplicas';
    desiredReplicas = minReplicas;
  } else {
    const calc = { now, cpuInitializationPeriodSeconds: options.cpuInitializationPeriodSeconds, delayOfInitialReadinessStatusSeconds: options.delayOfInitialReadinessStatusSeconds, tolerances: tolerancesFor(hpa, options.tolerance ?? 0.1) };
    const specs = hpa.spec?.metrics ?? [];
    let proposal = 0;
    let proposalMetric = '';
    let invalid = 0;
    let firstError = '';
    for (const m of specs) {
      const source = m.type === 'ContainerResource' ? m.containerResource : m.resource;
      const resource = source?.name ?? '';
      const container = m.type === 'ContainerResource' ? (m.containerResource?.container ?? '') : '';
      const target = source?.target ?? {};
      const utilizationTarget = target.type === 'Utilization' || (target.averageUtilization !== undefined && target.averageValue === undefined);
      const name = utilizationTarget ? `${resource}${container ? ' container' : ''} resource utilization (percentage of request)` : `${resource}${container ? ' container' : ''} resource`;
      try {
        if (m.type !== 'Resource' && m.type !== 'ContainerResource') throw new Error(`unknown metric source type "${m.type ?? ''}"`);
        if (utilizationTarget) {
          const r = getResourceReplicas(currentReplicas, target.averageUtilization ?? 0, resource, pods, podMetrics, { ...calc, container });
          result.metrics.push({ metric: name, replicas: r.replicas, utilization: r.utilization, averageValue: r.rawUtilization });
          if (r.replicas > proposal) [proposal, proposalMetric] = [r.replicas, name];
        } else {
          const r = getRawResourceReplicas(currentReplicas, Quantity.parse(target.averageValue ?? 0).milliValue(), resource, pods, podMetrics, { ...calc, container });
          result.metrics.push({ metric: name, replicas: r.replicas, averageValue: r.usage });
          if (r.replicas > proposal) [proposal, proposalMetric] = [r.replicas, name];
        }
      } catch (e) {
        invalid++;
        const message = `the HPA was unable to compute the replica count: ${(e as Error).message}`;
        if (invalid === 1) {
          firstError = (e as Error).message;
          setCondition(conditions, { type: 'ScalingActive', status: 'False', reason: m.type === 'ContainerResource' ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric', message });
        }
        result.metrics.push({ metric: name, error: (e as Error).message });
      }
    }
    if (invalid >= specs.length || (invalid > 0 && proposal < currentReplicas)) {
      // computeReplicasForMetrics: nothing to act on (or a scale-down built on partial data).
      result.rescale = false;
      result.desiredReplicas = currentReplicas;
      result.event = `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError}`;
      result.eventReason = 'FailedComputeMetricsReplicas';
      return result;
    }
    setCondition(conditions, { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${proposalMetric}` });
    desiredReplicas = proposal;
    if (desiredReplicas > currentReplicas) rescaleReason = `${proposalMetric} above target`;
    if (desiredReplicas < currentReplicas) rescaleReason = 'All metrics below target';
    desiredReplicas = hpa.spec?.behavior
      ? normalizeWithBehaviors(hpa, state, currentReplicas, desiredReplicas, minReplicas, maxReplicas, nowMs, conditions, options)
      : normalize(state, currentReplicas, desiredReplicas, minReplicas, maxReplicas, nowMs, conditions, options);
    result.rescale = desiredReplicas !== currentReplicas;
  }

  if (result.rescale) {
    setCondition(conditions, { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desiredReplicas}` });
    result.event = `New size: ${desiredReplicas}; reason: ${rescaleReason}`;
    result.eventReason = 'SuccessfulRescale';
    if (hpa.spec?.behavior) {
      const up = desiredReplicas > currentReplicas;
      const rules = up ? generateHPAScaleUpRules(hpa.spec.behavior.scaleUp) : generateHPAScaleDownRules(hpa.spec.behavior.scaleDown);
      storeScaleEvent(up ? state.scaleUpEvents : state.scaleDownEvents, rules, currentReplicas, desiredReplicas, nowMs);
    }
  } else {
    desiredReplicas = currentReplicas;
  }
  result.desiredReplicas = desiredReplicas;
  return result;
}

/** normalizeDesiredReplicas: the downscale stabilization window, then convertDesiredReplicasWithRules. */
function normalize(state: HpaControllerState, current: number, prenormalized: number, min: number, max: number, nowMs: number, conditions: HpaCondition[], options: HpaSyncOptions): number {
  const stabilized = stabilizeRecommendation(state.recommendations, prenormalized, nowMs, (options.downscaleStabilizationWindowSeconds ?? 300) * 1000);
  if (stabilized !== prenormalized) setCondition(conditions, { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' });
  else setCondition(conditions, { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' });
  const limited = convertDesiredReplicasWithRules(current, stabilized, min, max);
  setCondition(conditions, { type: 'ScalingLimited', status: limited.replicas === stabilized ? 'False' : 'True', reason: limited.reason, message: limited.message });
  return limited.replicas;
}

/** normalizeDesiredReplicasWithBehaviors: the two stabilization windows, then the behavior's rate limits. */
function normalizeWithBehaviors(hpa: HorizontalPodAutoscaler, state: HpaControllerState, current: number, prenormalized: number, min: number, max: number, nowMs: number, conditions: HpaCondition[], options: HpaSyncOptions): number {
  const scaleUpBehavior = generateHPAScaleUpRules(hpa.spec?.behavior?.scaleUp);
  // maybeInitScaleDownStabilizationWindow: an unset window is the controller's flag.
  const scaleDownBehavior = generateHPAScaleDownRules({ ...(hpa.spec?.behavior?.scaleDown ?? {}), stabilizationWindowSeconds: hpa.spec?.behavior?.scaleDown?.stabilizationWindowSeconds ?? options.downscaleStabilizationWindowSeconds ?? 300 });
  const args = { currentReplicas: current, desiredReplicas: prenormalized, minReplicas: min, maxReplicas: max, scaleUpBehavior, scaleDownBehavior };
  const stabilized = stabilizeRecommendationWithBehaviors(args, state.recommendations, nowMs);
  if (stabilized.replicas !== prenormalized) setCondition(conditions, { type: 'AbleToScale', status: 'True', reason: stabilized.reason, message: stabilized.message });
  else setCondition(conditions, { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' });
  const limited = convertDesiredReplicasWithBehaviorRate({ ...args, desiredReplicas: stabilized.replicas }, state.scaleUpEvents, state.scaleDownEvents, nowMs);
  setCondition(conditions, { type: 'ScalingLimited', status: limited.replicas === stabilized.replicas ? 'False' : 'True', reason: limited.reason, message: limited.message });
  return limited.replicas;
}

/** A fresh controller state for one HPA. */
export function newHpaControllerState(): HpaControllerState {
  return { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
}

