// HorizontalPodAutoscaler (autoscaling/v2) validation.
// src: pkg/apis/autoscaling/validation/validation.go (ValidateHorizontalPodAutoscaler,
//      ValidateHorizontalPodAutoscalerUpdate, ValidateHorizontalPodAutoscalerStatusUpdate,
//      validateHorizontalPodAutoscalerSpec, ValidateCrossVersionObjectReference,
//      validateMetrics, validateBehavior, validateScalingRules, validateScalingPolicy,
//      validateMetricSpec, validate{Object,External,Pods,Resource,ContainerResource}Source,
//      validateMetricTarget, validateMetricIdentifier)
//      pkg/apis/core/v1/validation/validation.go (ValidateContainerResourceName)
//
// Feature gates at their v1.36 defaults: HPAScaleToZero is alpha (off), so
// minReplicas must be at least 1 unless the stored object already has 0;
// HPAConfigurableTolerance is beta (on), so scaling rules carry a tolerance
// (its check is from the KEP-4951 implementation; the stored upstream
// validation.go predates it). HPAContainerMetrics is GA.

import { forbidden, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asOptionalInt, asOptionalString, asString } from '../../../apimachinery/json.ts';
import type { JsonObject, JsonValue } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import { isExtendedResourceName, isNativeResource, isStandardContainerResourceName, isStandardResourceName } from '../core/core-helper.ts';
import {
  isQualifiedName,
  isValidPathSegmentName,
  nameIsDNSSubdomain,
  validateDNS1123Label,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from '../apps/shared-helpers.ts';

/** MaxPeriodSeconds, MaxStabilizationWindowSeconds. */
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

// sets.List of upstream's sets: sorted.
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'];
const POLICY_TYPES = ['Percent', 'Pods'];
const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

/** ValidateHorizontalPodAutoscalerName: ValidateReplicationControllerName, a DNS subdomain. */
export const validateHorizontalPodAutoscalerName = nameIsDNSSubdomain;

/** A quantity field as resource.Quantity reads it (the decoder refuses one that does not parse). */
const quantity = (v: JsonValue | undefined): Quantity | undefined => (v === undefined || v === null ? undefined : Quantity.tryParse(v));

/** validateHorizontalPodAutoscalerSpec. */
function validateSpec(spec: JsonObject, path: Path, minReplicasLowerBound: number): ErrorList {
  const errs: ErrorList = [];
  const minReplicas = asOptionalInt(spec.minReplicas);
  const maxReplicas = asInt(spec.maxReplicas);
  if (minReplicas !== undefined && minReplicas < minReplicasLowerBound) {
    errs.push(invalid(path.child('minReplicas'), minReplicas, `must be greater than or equal to ${minReplicasLowerBound}`));
  }
  if (maxReplicas < 1) errs.push(invalid(path.child('maxReplicas'), maxReplicas, 'must be greater than 0'));
  if (minReplicas !== undefined && maxReplicas < minReplicas) errs.push(invalid(path.child('maxReplicas'), maxReplicas, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateCrossVersionObjectReference(asObject(spec.scaleTargetRef) ?? {}, path.child('scaleTargetRef')));
  errs.push(...validateMetrics(asList(spec.metrics), path.child('metrics'), minReplicas));
  errs.push(...validateBehavior(asObject(spec.behavior), path.child('behavior')));
  return errs;
}

/** ValidateCrossVersionObjectReference: kind and name required, each a path segment. */
export function validateCrossVersionObjectReference(ref: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  for (const f of ['kind', 'name']) {
    const v = asString(ref[f]);
    if (v.length === 0) errs.push(required(path.child(f), ''));
    else for (const m of isValidPathSegmentName(v)) errs.push(invalid(path.child(f), v, m));
  }
  return errs;
}

/** ValidateHorizontalPodAutoscaler. */
export function validateHorizontalPodAutoscaler(hpa: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(hpa.metadata), true, validateHorizontalPodAutoscalerName, Path.of('metadata'));
  // HPAScaleToZero is off: the lower bound is 1.
  errs.push(...validateSpec(asObject(hpa.spec) ?? {}, Path.of('spec'), 1));
  return errs;
}

/** ValidateHorizontalPodAutoscalerUpdate: an object already scaled to zero may stay so. */
export function validateHorizontalPodAutoscalerUpdate(hpa: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(hpa.metadata), asObject(old.metadata), Path.of('metadata'));
  const lowerBound = asOptionalInt(asObject(old.spec)?.minReplicas) === 0 ? 0 : 1;
  errs.push(...validateSpec(asObject(hpa.spec) ?? {}, Path.of('spec'), lowerBound));
  return errs;
}

/** ValidateHorizontalPodAutoscalerStatusUpdate. */
export function validateHorizontalPodAutoscalerStatusUpdate(hpa: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(hpa.metadata), asObject(old.metadata), Path.of('metadata'));
  const status = asObject(hpa.status) ?? {};
  errs.push(...validateNonnegativeField(asInt(status.currentReplicas), Path.of('status', 'currentReplicas')));
  errs.push(...validateNonnegativeField(asInt(status.desiredReplicas), Path.of('status', 'desiredReplicas')));
  return errs;
}

/** validateMetrics: scaling to zero needs an Object or External metric. */
function validateMetrics(metrics: JsonValue[], path: Path, minReplicas: number | undefined): ErrorList {
  const errs: ErrorList = [];
  let hasObjectOrExternal = false;
  metrics.forEach((raw, i) => {
    const m = asObject(raw) ?? {};
    errs.push(...validateMetricSpec(m, path.index(i)));
    const type = asString(m.type);
    if (type === 'Object' || type === 'External') hasObjectOrExternal = true;
  });
  if (minReplicas === 0 && !hasObjectOrExternal) {
    errs.push(forbidden(path, 'must specify at least one Object or External metric to support scaling to zero replicas'));
  }
  return errs;
}

/** validateBehavior. */
function validateBehavior(behavior: JsonObject | undefined, path: Path): ErrorList {
  if (!behavior) return [];
  return [...validateScalingRules(asObject(behavior.scaleUp), path.child('scaleUp')), ...validateScalingRules(asObject(behavior.scaleDown), path.child('scaleDown'))];
}

/** validateScalingRules. */
function validateScalingRules(rules: JsonObject | undefined, path: Path): ErrorList {
  if (!rules) return [];
  const errs: ErrorList = [];
  const window = asOptionalInt(rules.stabilizationWindowSeconds);
  if (window !== undefined && window < 0) errs.push(invalid(path.child('stabilizationWindowSeconds'), window, 'must be greater than or equal to zero'));
  if (window !== undefined && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(invalid(path.child('stabilizationWindowSeconds'), window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  const selectPolicy = asOptionalString(rules.selectPolicy);
  if (selectPolicy !== undefined && !SELECT_POLICIES.includes(selectPolicy)) errs.push(notSupported(path.child('selectPolicy'), selectPolicy, SELECT_POLICIES));
  const tolerance = quantity(rules.tolerance);
  if (tolerance !== undefined && tolerance.sign() < 0) {
    errs.push(invalid(path.child('tolerance'), rules.tolerance ?? null, 'must be greater than or equal to zero'));
  }
  const policies = asList(rules.policies);
  if (policies.length === 0) errs.push(required(path.child('policies'), 'must specify at least one Policy'));
  policies.forEach((raw, i) => errs.push(...validateScalingPolicy(asObject(raw) ?? {}, path.child('policies').index(i))));
  return errs;
}

/** validateScalingPolicy. */
function validateScalingPolicy(policy: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const type = asString(policy.type);
  if (type !== 'Pods' && type !== 'Percent') errs.push(notSupported(path.child('type'), type, POLICY_TYPES));
  const value = asInt(policy.value);
  if (value <= 0) errs.push(invalid(path.child('value'), value, 'must be greater than zero'));
  const period = asInt(policy.periodSeconds);
  if (period <= 0) errs.push(invalid(path.child('periodSeconds'), period, 'must be greater than zero'));
  if (period > MAX_PERIOD_SECONDS) errs.push(invalid(path.child('periodSeconds'), period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  return errs;
}

/** validateMetricSpec: a known type, and exactly its source populated. */
function validateMetricSpec(spec: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const type = asString(spec.type);
  if (type.length === 0) errs.push(required(path.child('type'), 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(notSupported(path.child('type'), type, METRIC_SOURCE_TYPES));
  // The first source present is validated; the others are reported below.
  const present: string[] = [];
  const sources: [string, (s: JsonObject, p: Path) => ErrorList][] = [
    ['object', validateObjectSource],
    ['external', validateExternalSource],
    ['pods', validatePodsSource],
    ['resource', validateResourceSource],
    ['containerResource', validateContainerResourceSource],
  ];
  for (const [field, validate] of sources) {
    const source = asObject(spec[field]);
    if (!source) continue;
    present.push(field);
    if (present.length === 1) errs.push(...validate(source, path.child(field)));
  }
  const expectedByType: Record<string, string> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' };
  const expected = expectedByType[type];
  if (expected !== undefined) {
    if (!asObject(spec[expected])) errs.push(required(path.child(expected), 'must populate information for the given metric source'));
  } else {
    errs.push(notSupported(path.child('type'), type, METRIC_SOURCE_TYPES));
  }
  if (present.length !== 1) {
    // Upstream ranges over a set (random order); sorted here.
    for (const f of present.filter((f) => f !== expected).sort()) errs.push(forbidden(path.child(f), 'must populate the given metric source only'));
  }
  return errs;
}

function target(src: JsonObject): JsonObject {
  return asObject(src.target) ?? {};
}

/** validateObjectSource. */
function validateObjectSource(src: JsonObject, path: Path): ErrorList {
  const errs = validateCrossVersionObjectReference(asObject(src.describedObject) ?? {}, path.child('describedObject'));
  errs.push(...validateMetricIdentifier(asObject(src.metric) ?? {}, path.child('metric')));
  errs.push(...validateMetricTarget(target(src), path.child('target')));
  const t = target(src);
  if (t.value == null && t.averageValue == null) errs.push(required(path.child('target').child('averageValue'), 'must set either a target value or averageValue'));
  return errs;
}

/** validateExternalSource. */
function validateExternalSource(src: JsonObject, path: Path): ErrorList {
  const errs = validateMetricIdentifier(asObject(src.metric) ?? {}, path.child('metric'));
  errs.push(...validateMetricTarget(target(src), path.child('target')));
  const t = target(src);
  if (t.value == null && t.averageValue == null) errs.push(required(path.child('target').child('averageValue'), 'must set either a target value for metric or a per-pod target'));
  if (t.value != null && t.averageValue != null) errs.push(forbidden(path.child('target').child('value'), 'may not set both a target value for metric and a per-pod target'));
  return errs;
}

/** validatePodsSource. */
function validatePodsSource(src: JsonObject, path: Path): ErrorList {
  const errs = validateMetricIdentifier(asObject(src.metric) ?? {}, path.child('metric'));
  errs.push(...validateMetricTarget(target(src), path.child('target')));
  if (target(src).averageValue == null) errs.push(required(path.child('target').child('averageValue'), 'must specify a positive target averageValue'));
  return errs;
}

/** validateResourceSource and validateContainerResourceSource share their target rules. */
function utilizationOrValue(src: JsonObject, path: Path): ErrorList {
  const errs = validateMetricTarget(target(src), path.child('target'));
  const t = target(src);
  if (t.averageUtilization == null && t.averageValue == null) errs.push(required(path.child('target').child('averageUtilization'), 'must set either a target raw value or a target utilization'));
  if (t.averageUtilization != null && t.averageValue != null) errs.push(forbidden(path.child('target').child('averageValue'), 'may not set both a target raw value and a target utilization'));
  return errs;
}

/** validateContainerResourceSource. */
function validateContainerResourceSource(src: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const name = asString(src.name);
  if (name.length === 0) errs.push(required(path.child('name'), 'must specify a resource name'));
  else errs.push(...validateContainerResourceName(name, path.child('name')));
  const container = asString(src.container);
  if (container.length === 0) errs.push(required(path.child('container'), 'must specify a container'));
  else errs.push(...validateDNS1123Label(container, path.child('container')));
  errs.push(...utilizationOrValue(src, path));
  return errs;
}

/** validateResourceSource. */
function validateResourceSource(src: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.name).length === 0) errs.push(required(path.child('name'), 'must specify a resource name'));
  errs.push(...utilizationOrValue(src, path));
  return errs;
}

/** validateMetricTarget. */
function validateMetricTarget(mt: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const type = asString(mt.type);
  if (type.length === 0) errs.push(required(path.child('type'), 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') errs.push(invalid(path.child('type'), type, 'must be either Utilization, Value, or AverageValue'));
  const value = quantity(mt.value);
  if (value !== undefined && value.sign() !== 1) errs.push(invalid(path.child('value'), mt.value ?? null, 'must be positive'));
  const averageValue = quantity(mt.averageValue);
  if (averageValue !== undefined && averageValue.sign() !== 1) errs.push(invalid(path.child('averageValue'), mt.averageValue ?? null, 'must be positive'));
  const utilization = asOptionalInt(mt.averageUtilization);
  if (utilization !== undefined && utilization < 1) errs.push(invalid(path.child('averageUtilization'), utilization, 'must be greater than 0'));
  return errs;
}

/** validateMetricIdentifier. */
function validateMetricIdentifier(id: JsonObject, path: Path): ErrorList {
  const name = asString(id.name);
  if (name.length === 0) return [required(path.child('name'), 'must specify a metric name')];
  return isValidPathSegmentName(name).map((m) => invalid(path.child('name'), name, m));
}

/** ValidateContainerResourceName (core/v1 validation): a standard container resource, or a qualified extended one. */
export function validateContainerResourceName(value: string, path: Path): ErrorList {
  // validateResourceName
  const errs: ErrorList = isQualifiedName(value).map((m) => invalid(path, value, m));
  if (errs.length !== 0) return errs;
  const slashless = value.split('/').length === 1;
  if (slashless && !isStandardResourceName(value)) return [invalid(path, value, 'must be a standard resource type or fully qualified')];
  if (slashless) {
    if (!isStandardContainerResourceName(value)) return [invalid(path, value, 'must be a standard resource for containers')];
  } else if (!isNativeResource(value) && !isExtendedResourceName(value)) {
    return [invalid(path, value, "doesn't follow extended resource name standard")];
  }
  return [];
}
