// From the formula's answer to the replica count the HPA writes: the
// downscale stabilization window (or the behavior's two windows), min/max,
// and the scale-rate limits (the legacy ×2/+4 rule, or behavior policies).
// src: pkg/controller/podautoscaler/horizontal.go (stabilizeRecommendation,
// convertDesiredReplicasWithRules, calculateScaleUpLimit,
// stabilizeRecommendationWithBehaviors, convertDesiredReplicasWithBehaviorRate,
// getReplicasChangePerPeriod, calculateScaleUpLimitWithScalingRules,
// calculateScaleDownLimitWithBehaviors); the API defaults from
// pkg/apis/autoscaling/v2/defaults.go (GenerateHPAScaleUpRules, GenerateHPAScaleDownRules).

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

export interface Recommendation {
  recommendation: number;
  timestampMs: number;
}

export interface ScaleEvent {
  replicaChange: number;
  timestampMs: number;
  outdated?: boolean;
}

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: ScalingPolicy[];
  tolerance?: number;
}

/** Go's int32(float64) for the values here: truncation toward zero. */
const int32 = (x: number): number => Math.trunc(x);

/**
 * stabilizeRecommendation (no behavior): the highest recommendation of the
 * last downscaleStabilisationWindow, the new one included. The new one is
 * recorded, in place of an expired entry when there is one (the last expired
 * entry found), else appended.
 */
export function stabilizeRecommendation(recommendations: Recommendation[], prenormalizedDesiredReplicas: number, nowMs: number, windowMs: number): number {
  let max = prenormalizedDesiredReplicas;
  let oldSampleIndex = -1;
  const cutoff = nowMs - windowMs;
  recommendations.forEach((rec, i) => {
    if (rec.timestampMs < cutoff) oldSampleIndex = i;
    else if (rec.recommendation > max) max = rec.recommendation;
  });
  const fresh = { recommendation: prenormalizedDesiredReplicas, timestampMs: nowMs };
  if (oldSampleIndex >= 0) recommendations[oldSampleIndex] = fresh;
  else recommendations.push(fresh);
  return max;
}

/** calculateScaleUpLimit: at most double, and at least 4 (kubernetes#32304: a bogus usage report must not explode the scale). */
export function calculateScaleUpLimit(currentReplicas: number): number {
  return int32(Math.max(2.0 * currentReplicas, 4.0));
}

export interface Limited {
  replicas: number;
  /** The ScalingLimited condition's reason. */
  reason: string;
  message: string;
}

/**
 * convertDesiredReplicasWithRules: clamp to [minReplicas, min(maxReplicas, scale-up limit)].
 *
 * @example convertDesiredReplicasWithRules(3, 1000, 1, 2000)  // { replicas: 6, reason: 'ScaleUpLimit', ... }
 */
export function convertDesiredReplicasWithRules(currentReplicas: number, desiredReplicas: number, hpaMinReplicas: number, hpaMaxReplicas: number): Limited {
  const scaleUpLimit = calculateScaleUpLimit(currentReplicas);
  let maximumAllowedReplicas: number;
  let reason: string;
  let message: string;
  if (hpaMaxReplicas > scaleUpLimit) {
    maximumAllowedReplicas = scaleUpLimit;
    reason = 'ScaleUpLimit';
    message = 'the desired replica count is increasing faster than the maximum scale rate';
  } else {
    maximumAllowedReplicas = hpaMaxReplicas;
    reason = 'TooManyReplicas';
    message = 'the desired replica count is more than the maximum replica count';
  }
  if (desiredReplicas < hpaMinReplicas) {
    return { replicas: hpaMinReplicas, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
  }
  if (desiredReplicas > maximumAllowedReplicas) return { replicas: maximumAllowedReplicas, reason, message };
  return { replicas: desiredReplicas, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}

export interface NormalizationArgs {
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  scaleUpBehavior: ScalingRules;
  scaleDownBehavior: ScalingRules;
}

/**
 * stabilizeRecommendationWithBehaviors: over the scale-up window take the
 * lowest recommendation (a scale-up must have been wanted the whole window),
 * over the scale-down window the highest; the current count is pulled into
 * [lowest-up, highest-down]. The new recommendation is recorded in place of
 * one that is outside both windows, else appended.
 */
export function stabilizeRecommendationWithBehaviors(args: NormalizationArgs, recommendations: Recommendation[], nowMs: number): Limited {
  let upRecommendation = args.desiredReplicas;
  const upCutoff = nowMs - (args.scaleUpBehavior.stabilizationWindowSeconds ?? 0) * 1000;
  let downRecommendation = args.desiredReplicas;
  const downCutoff = nowMs - (args.scaleDownBehavior.stabilizationWindowSeconds ?? 0) * 1000;
  let oldSampleIndex = -1;
  recommendations.forEach((rec, i) => {
    if (rec.timestampMs > upCutoff) upRecommendation = Math.min(rec.recommendation, upRecommendation);
    if (rec.timestampMs > downCutoff) downRecommendation = Math.max(rec.recommendation, downRecommendation);
    if (rec.timestampMs < upCutoff && rec.timestampMs < downCutoff) oldSampleIndex = i;
  });
  let recommendation = args.currentReplicas;
  if (recommendation < upRecommendation) recommendation = upRecommendation;
  if (recommendation > downRecommendation) recommendation = downRecommendation;
  const fresh = { recommendation: args.desiredReplicas, timestampMs: nowMs };
  if (oldSampleIndex >= 0) recommendations[oldSampleIndex] = fresh;
  else recommendations.push(fresh);
  if (args.desiredReplicas >= args.currentReplicas) {
    return { replicas: recommendation, reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' };
  }
  return { replicas: recommendation, reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
}

/** getReplicasChangePerPeriod: replicas changed by events strictly after now − periodSeconds. */
export function getReplicasChangePerPeriod(periodSeconds: number, events: readonly ScaleEvent[], nowMs: number): number {
  const cutoff = nowMs - periodSeconds * 1000;
  let replicas = 0;
  for (const e of events) if (e.timestampMs > cutoff) replicas += e.replicaChange;
  return replicas;
}

/**
 * calculateScaleUpLimitWithScalingRules: for each policy, the count at the
 * start of its period (current − added + removed since) plus Pods or Percent
 * (rounded up, so a small Percent still adds one); Max takes the largest,
 * Min the smallest, Disabled allows nothing.
 */
export function calculateScaleUpLimitWithScalingRules(currentReplicas: number, scaleUpEvents: readonly ScaleEvent[], scaleDownEvents: readonly ScaleEvent[], rules: ScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? INT32_MAX : INT32_MIN;
  for (const policy of rules.policies ?? []) {
    const added = getReplicasChangePerPeriod(policy.periodSeconds, scaleUpEvents, nowMs);
    const deleted = getReplicasChangePerPeriod(policy.periodSeconds, scaleDownEvents, nowMs);
    const periodStartReplicas = currentReplicas - added + deleted;
    let proposed = 0;
    if (policy.type === 'Pods') proposed = periodStartReplicas + policy.value;
    else if (policy.type === 'Percent') proposed = int32(Math.ceil(periodStartReplicas * (1 + policy.value / 100)));
    result = useMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/**
 * calculateScaleDownLimitWithBehaviors: the count at the start of each
 * policy's period minus Pods or Percent (truncated); Max picks the lowest
 * limit (the biggest change), Min the highest, Disabled allows nothing.
 */
export function calculateScaleDownLimitWithBehaviors(currentReplicas: number, scaleUpEvents: readonly ScaleEvent[], scaleDownEvents: readonly ScaleEvent[], rules: ScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? INT32_MIN : INT32_MAX;
  for (const policy of rules.policies ?? []) {
    const added = getReplicasChangePerPeriod(policy.periodSeconds, scaleUpEvents, nowMs);
    const deleted = getReplicasChangePerPeriod(policy.periodSeconds, scaleDownEvents, nowMs);
    const periodStartReplicas = currentReplicas - added + deleted;
    let proposed = 0;
    if (policy.type === 'Pods') proposed = periodStartReplicas - policy.value;
    else if (policy.type === 'Percent') proposed = int32(periodStartReplicas * (1 - policy.value / 100));
    result = useMin ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/**
 * convertDesiredReplicasWithBehaviorRate: clamp a scale-up to
 * min(maxReplicas, the policies' limit) and a scale-down to max(minReplicas,
 * the policies' limit); a limit that would move the wrong way (recent events
 * used it up) holds the current count.
 */
export function convertDesiredReplicasWithBehaviorRate(args: NormalizationArgs, scaleUpEvents: readonly ScaleEvent[], scaleDownEvents: readonly ScaleEvent[], nowMs: number): Limited {
  if (args.desiredReplicas > args.currentReplicas) {
    let scaleUpLimit = calculateScaleUpLimitWithScalingRules(args.currentReplicas, scaleUpEvents, scaleDownEvents, args.scaleUpBehavior, nowMs);
    if (scaleUpLimit < args.currentReplicas) scaleUpLimit = args.currentReplicas; // no further scale-up until old events expire
    let maximumAllowedReplicas = args.maxReplicas;
    let reason: string;
    let message: string;
    if (maximumAllowedReplicas > scaleUpLimit) {
      maximumAllowedReplicas = scaleUpLimit;
      reason = 'ScaleUpLimit';
      message = 'the desired replica count is increasing faster than the maximum scale rate';
    } else {
      reason = 'TooManyReplicas';
      message = 'the desired replica count is more than the maximum replica count';
    }
    if (args.desiredReplicas > maximumAllowedReplicas) return { replicas: maximumAllowedReplicas, reason, message };
  } else if (args.desiredReplicas < args.currentReplicas) {
    let scaleDownLimit = calculateScaleDownLimitWithBehaviors(args.currentReplicas, scaleUpEvents, scaleDownEvents, args.scaleDownBehavior, nowMs);
    if (scaleDownLimit > args.currentReplicas) scaleDownLimit = args.currentReplicas; // no further scale-down until old events expire
    let minimumAllowedReplicas = args.minReplicas;
    let reason: string;
    let message: string;
    if (minimumAllowedReplicas < scaleDownLimit) {
      minimumAllowedReplicas = scaleDownLimit;
      reason = 'ScaleDownLimit';
      message = 'the desired replica count is decreasing faster than the maximum scale rate';
    } else {
      reason = 'TooFewReplicas';
      message = 'the desired replica count is less than the minimum replica count';
    }
    if (args.desiredReplicas < minimumAllowedReplicas) return { replicas: minimumAllowedReplicas, reason, message };
  }
  return { replicas: args.desiredReplicas, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}

/**
 * GenerateHPAScaleUpRules: what the API server fills in for an unset scale-up
 * behavior (or its unset fields): window 0, Max of +4 Pods and +100 % per 15 s.
 */
export function generateHPAScaleUpRules(rules: ScalingRules | null | undefined): ScalingRules {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? 0,
    selectPolicy: rules?.selectPolicy ?? 'Max',
    policies: rules?.policies ?? [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
    ...(rules?.tolerance !== undefined ? { tolerance: rules.tolerance } : {}),
  };
}

/**
 * GenerateHPAScaleDownRules: unset scale-down behavior: window 300 s (the
 * controller's --horizontal-pod-autoscaler-downscale-stabilization default),
 * Max of −100 % per 15 s.
 */
export function generateHPAScaleDownRules(rules: ScalingRules | null | undefined): ScalingRules {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? 300,
    selectPolicy: rules?.selectPolicy ?? 'Max',
    policies: rules?.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    ...(rules?.tolerance !== undefined ? { tolerance: rules.tolerance } : {}),
  };
}

/**
 * storeScaleEvent: after a scale, remember it for the policies' periods. Only
 * with a behavior (without one nothing is kept). Events older than the
 * direction's longest policy period are marked outdated, and the last of
 * them is overwritten by the new event; otherwise the event is appended.
 * `events` is the direction's list (scale-up events for a scale-up) and is changed in place.
 */
export function storeScaleEvent(events: ScaleEvent[], rules: ScalingRules | null | undefined, prevReplicas: number, newReplicas: number, nowMs: number): ScaleEvent[] {
  if (!rules) return events;
  const longestPolicyPeriod = Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds));
  // markScaleEventsOutdated
  const cutoff = nowMs - longestPolicyPeriod * 1000;
  for (const e of events) if (e.timestampMs < cutoff) e.outdated = true;
  let oldSampleIndex = -1;
  events.forEach((e, i) => {
    if (e.outdated) oldSampleIndex = i;
  });
  const fresh: ScaleEvent = { replicaChange: Math.abs(newReplicas - prevReplicas), timestampMs: nowMs, outdated: false };
  if (oldSampleIndex >= 0) events[oldSampleIndex] = fresh;
  else events.push(fresh);
  return events;
}
