// Generated from k8s.io/api v0.36.3 autoscaling/v2/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const AUTOSCALING_V2: GoPackage = {
  id: 'autoscaling',
  path: 'k8s.io/api/autoscaling/v2',
  name: 'v2',
  structs: {
    ContainerResourceMetricSource: ['name core.ResourceName', 'target MetricTarget', 'container string'],
    ContainerResourceMetricStatus: ['name core.ResourceName', 'current MetricValueStatus', 'container string'],
    CrossVersionObjectReference: ['kind string', 'name string', 'apiVersion string o'],
    ExternalMetricSource: ['metric MetricIdentifier', 'target MetricTarget'],
    ExternalMetricStatus: ['metric MetricIdentifier', 'current MetricValueStatus'],
    HPAScalingPolicy: ['type HPAScalingPolicyType', 'value int32', 'periodSeconds int32'],
    HPAScalingRules: ['stabilizationWindowSeconds *int32 o', 'selectPolicy *ScalingPolicySelect o', 'policies []HPAScalingPolicy o lt:atomic', 'tolerance *resource.Quantity o'],
    HorizontalPodAutoscaler: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec HorizontalPodAutoscalerSpec o', 'status HorizontalPodAutoscalerStatus o'],
    HorizontalPodAutoscalerBehavior: ['scaleUp *HPAScalingRules o', 'scaleDown *HPAScalingRules o'],
    HorizontalPodAutoscalerCondition: ['type HorizontalPodAutoscalerConditionType', 'status core.ConditionStatus', 'lastTransitionTime meta.Time o', 'reason string o', 'message string o'],
    HorizontalPodAutoscalerSpec: ['scaleTargetRef CrossVersionObjectReference', 'minReplicas *int32 o', 'maxReplicas int32', 'metrics []MetricSpec o lt:atomic', 'behavior *HorizontalPodAutoscalerBehavior o'],
    HorizontalPodAutoscalerStatus: ['observedGeneration *int64 o', 'lastScaleTime *meta.Time o', 'currentReplicas int32 o', 'desiredReplicas int32', 'currentMetrics []MetricStatus lt:atomic', 'conditions []HorizontalPodAutoscalerCondition o ps:merge pk:type lt:map lk:type'],
    MetricIdentifier: ['name string', 'selector *meta.LabelSelector o'],
    MetricSpec: ['type MetricSourceType', 'object *ObjectMetricSource o', 'pods *PodsMetricSource o', 'resource *ResourceMetricSource o', 'containerResource *ContainerResourceMetricSource o', 'external *ExternalMetricSource o'],
    MetricStatus: ['type MetricSourceType', 'object *ObjectMetricStatus o', 'pods *PodsMetricStatus o', 'resource *ResourceMetricStatus o', 'containerResource *ContainerResourceMetricStatus o', 'external *ExternalMetricStatus o'],
    MetricTarget: ['type MetricTargetType', 'value *resource.Quantity o', 'averageValue *resource.Quantity o', 'averageUtilization *int32 o'],
    MetricValueStatus: ['value *resource.Quantity o', 'averageValue *resource.Quantity o', 'averageUtilization *int32 o'],
    ObjectMetricSource: ['describedObject CrossVersionObjectReference', 'target MetricTarget', 'metric MetricIdentifier'],
    ObjectMetricStatus: ['metric MetricIdentifier', 'current MetricValueStatus', 'describedObject CrossVersionObjectReference'],
    PodsMetricSource: ['metric MetricIdentifier', 'target MetricTarget'],
    PodsMetricStatus: ['metric MetricIdentifier', 'current MetricValueStatus'],
    ResourceMetricSource: ['name core.ResourceName', 'target MetricTarget'],
    ResourceMetricStatus: ['name core.ResourceName', 'current MetricValueStatus'],
  },
  named: {
    HPAScalingPolicyType: 'string',
    HorizontalPodAutoscalerConditionType: 'string',
    MetricSourceType: 'string',
    MetricTargetType: 'string',
    ScalingPolicySelect: 'string',
  },
};
