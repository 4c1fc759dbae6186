// ReplicaSet validation, and the template check Deployments share with it.
// src: pkg/apis/apps/validation/validation.go (ValidateReplicaSet,
//      ValidateReplicaSetUpdate, ValidateReplicaSetSpec,
//      ValidatePodTemplateSpecForReplicaSet, ValidateReplicaSetStatusUpdate)
//      pkg/registry/apps/replicaset/strategy.go (the options each call gets)

import { goMap } from '../../../apimachinery/field-errors.ts';
import { forbidden, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asObject, asString, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import type { Selector } from '../../../apimachinery/labels.ts';
import {
  podTemplateValidationOptions,
  labelSelectorAsSelector,
  nameIsDNSSubdomain,
  validateImmutablePointer,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePodTemplateSpec,
} from './shared-helpers.ts';
import type { PodValidationOptions } from './shared-helpers.ts';

/**
 * ValidatePodTemplateSpecForReplicaSet: the selector must match the template's
 * labels, the template must be a valid Pod template, and its Pods restart
 * Always without an active deadline (a ReplicaSet's Pods never finish).
 * Deployments call it too, so their message also says "ReplicaSet".
 */
export function validatePodTemplateSpecForReplicaSet(template: JsonObject | undefined, selector: Selector, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  // The internal template is a struct, never nil: a missing one is an empty template.
  const labels = asStringMap(asObject(template?.metadata)?.labels);
  if (!selector.isEmpty && !selector.matches(labels)) {
    errs.push(invalid(path.child('metadata', 'labels'), asObject(asObject(template?.metadata)?.labels) ? goMap(labels) : null, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path, opts));
  const spec = asObject(template?.spec);
  const restartPolicy = asString(spec?.restartPolicy);
  if (restartPolicy !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), restartPolicy, ['Always']));
  if (spec?.activeDeadlineSeconds != null) errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  return errs;
}

/**
 * The selector checks Deployments and ReplicaSets share: required, strictly
 * valid, not empty, then the template against it.
 */
export function validateSelectorAndTemplate(spec: JsonObject, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const selector = asObject(spec.selector);
  if (!selector) {
    errs.push(required(path.child('selector'), ''));
  } else {
    // Strictly: spec.selector always had to pass LabelSelectorAsSelector below.
    errs.push(...validateLabelSelector(selector, { allowInvalidLabelValueInSelector: false }, path.child('selector')));
    if (Object.keys(asStringMap(selector.matchLabels)).length + (Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0) === 0) {
      // Upstream says "deployment" for ReplicaSets too.
      errs.push(invalid(path.child('selector'), selector, 'empty selector is invalid for deployment'));
    }
  }
  const parsed = labelSelectorAsSelector(selector);
  if (parsed.error !== null) errs.push(invalid(path.child('selector'), selector ?? null, 'invalid label selector'));
  else errs.push(...validatePodTemplateSpecForReplicaSet(asObject(spec.template), parsed.selector, path.child('template'), opts));
  return errs;
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: JsonObject, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  errs.push(...validateNonnegativeField(asInt(spec.replicas), path.child('replicas')));
  errs.push(...validateNonnegativeField(asInt(spec.minReadySeconds), path.child('minReadySeconds')));
  errs.push(...validateSelectorAndTemplate(spec, path, opts));
  return errs;
}

/** ValidateReplicaSet, with the options the strategy's Validate passes. */
export function validateReplicaSet(rs: JsonObject): ErrorList {
  const spec = asObject(rs.spec) ?? {};
  const opts = podTemplateValidationOptions(asObject(spec.template), undefined);
  const errs = validateObjectMeta(asObject(rs.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateReplicaSetSpec(spec, Path.of('spec'), opts));
  return errs;
}

/** ValidateReplicaSetUpdate. */
export function validateReplicaSetUpdate(rs: JsonObject, old: JsonObject): ErrorList {
  const spec = asObject(rs.spec) ?? {};
  const opts = podTemplateValidationOptions(asObject(spec.template), asObject(asObject(old.spec)?.template));
  const errs = validateObjectMetaUpdate(asObject(rs.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateReplicaSetSpec(spec, Path.of('spec'), opts));
  return errs;
}

/**
 * rsStrategy.ValidateUpdate: ValidateReplicaSetUpdate, then the selector is
 * immutable (every group/version but extensions/v1beta1).
 */
export function replicaSetStrategyValidateUpdate(rs: JsonObject, old: JsonObject): ErrorList {
  const errs = validateReplicaSetUpdate(rs, old);
  errs.push(...validateImmutablePointer(asObject(rs.spec)?.selector, asObject(old.spec)?.selector, Path.of('spec').child('selector')));
  return errs;
}

/** ValidateReplicaSetStatus. */
export function validateReplicaSetStatus(status: JsonObject, path: Path): ErrorList {
  const replicas = asInt(status.replicas);
  const fullyLabeled = asInt(status.fullyLabeledReplicas);
  const ready = asInt(status.readyReplicas);
  const available = asInt(status.availableReplicas);
  const errs: ErrorList = [];
  errs.push(...validateNonnegativeField(replicas, path.child('replicas')));
  errs.push(...validateNonnegativeField(fullyLabeled, path.child('fullyLabeledReplicas')));
  errs.push(...validateNonnegativeField(ready, path.child('readyReplicas')));
  errs.push(...validateNonnegativeField(available, path.child('availableReplicas')));
  errs.push(...validateNonnegativeField(asInt(status.observedGeneration), path.child('observedGeneration')));
  const msg = 'cannot be greater than status.replicas';
  if (fullyLabeled > replicas) errs.push(invalid(path.child('fullyLabeledReplicas'), fullyLabeled, msg));
  if (ready > replicas) errs.push(invalid(path.child('readyReplicas'), ready, msg));
  if (available > replicas) errs.push(invalid(path.child('availableReplicas'), available, msg));
  if (available > ready) errs.push(invalid(path.child('availableReplicas'), available, 'cannot be greater than readyReplicas'));
  return errs;
}

/** ValidateReplicaSetStatusUpdate. */
export function validateReplicaSetStatusUpdate(rs: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(rs.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateReplicaSetStatus(asObject(rs.status) ?? {}, Path.of('status')));
  return errs;
}
