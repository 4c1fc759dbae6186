// autoscaling/v2 defaulting: HorizontalPodAutoscaler.
// src: pkg/apis/autoscaling/v2/defaults.go (SetDefaults_HorizontalPodAutoscaler,
//      SetDefaults_HorizontalPodAutoscalerBehavior, GenerateHPAScaleUpRules,
//      GenerateHPAScaleDownRules, copyHPAScalingRules); pkg/apis/autoscaling
//      DefaultCPUUtilization.
//
// v1.37's spec.selectionStrategy default (LabelSelector) is not part of
// k8s.io/api v0.36, so v1.36 has no such field to default.

import type { JsonObject, JsonValue } from '../../apimachinery/json.ts';
import { asObject } from '../../apimachinery/json.ts';
import { clone } from '../../apimachinery/go-values.ts';
import { defaultPointer, isNil, put, struct } from './fields.ts';

// pkg/apis/autoscaling/types.go DefaultCPUUtilization.
const DEFAULT_CPU_UTILIZATION = 80;

// defaults.go: "These constants repeats previous HPA behavior".
const DEFAULT_SCALE_UP_RULES: JsonObject = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
// No stabilizationWindowSeconds: the controller's --horizontal-pod-autoscaler-downscale-stabilization decides it.
const DEFAULT_SCALE_DOWN_RULES: JsonObject = {
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** copyHPAScalingRules over a copy of the defaults: every field the user set wins. */
function scalingRules(from: JsonObject | undefined, defaults: JsonObject): JsonObject {
  const to = clone(defaults);
  if (!from) return to;
  for (const key of ['selectPolicy', 'stabilizationWindowSeconds', 'policies', 'tolerance']) {
    if (!isNil(from[key])) put(to, key, from[key] as JsonValue);
  }
  return to;
}

/** GenerateHPAScaleUpRules: defaults.go. */
export function generateHPAScaleUpRules(rules: JsonObject | undefined): JsonObject {
  return scalingRules(rules, DEFAULT_SCALE_UP_RULES);
}

/** GenerateHPAScaleDownRules: defaults.go (stabilizationWindowSeconds may stay unset). */
export function generateHPAScaleDownRules(rules: JsonObject | undefined): JsonObject {
  return scalingRules(rules, DEFAULT_SCALE_DOWN_RULES);
}

/**
 * SetDefaults_HorizontalPodAutoscaler (= SetObjectDefaults_HorizontalPodAutoscaler):
 * minReplicas 1; no metrics means 80% average CPU utilization; a behavior that
 * is set gets both scaleUp and scaleDown filled in (SetDefaults_HorizontalPodAutoscalerBehavior).
 */
export function setObjectDefaultsHorizontalPodAutoscaler(hpa: JsonObject): void {
  const spec = struct(hpa, 'spec');
  if (!spec) return;
  defaultPointer(spec, 'minReplicas', 1);
  if (isNil(spec.metrics) || (Array.isArray(spec.metrics) && spec.metrics.length === 0)) {
    put(spec, 'metrics', [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } },
    ]);
  }
  const behavior = asObject(spec.behavior);
  if (behavior) {
    for (const [key, generate] of [['scaleUp', generateHPAScaleUpRules], ['scaleDown', generateHPAScaleDownRules]] as const) {
      const rules = behavior[key];
      if (isNil(rules) || asObject(rules)) put(behavior, key, generate(asObject(rules)));
    }
  }
}
