// DaemonSet validation.
// src: pkg/apis/apps/validation/validation.go (ValidateDaemonSet,
//      ValidateDaemonSetUpdate, ValidateDaemonSetSpecUpdate, ValidateDaemonSetSpec,
//      ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet,
//      validateDaemonSetStatus, ValidateDaemonSetStatusUpdate)
//      pkg/registry/apps/daemonset/strategy.go (options, selector immutability)
//
// apps/v1 keeps spec.templateGeneration in the annotation
// deprecated.daemonset.template.generation (see internal-meta.ts).

import { goMap } from '../../../apimachinery/field-errors.ts';
import { forbidden, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asObject, asOptionalInt, asString, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { collisionCountErrors } from './deployment.ts';
import { getIntOrPercentValue, isNotMoreThan100Percent, readIntOrString, validatePositiveIntOrPercent } from './int-or-percent.ts';
import { DEPRECATED_TEMPLATE_GENERATION, takeIntAnnotation } from './internal-meta.ts';
import {
  podTemplateValidationOptions,
  labelSelectorAsSelector,
  nameIsDNSSubdomain,
  semanticEqual,
  validateImmutablePointer,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePodTemplateSpec,
} from './shared-helpers.ts';
import type { PodValidationOptions } from './shared-helpers.ts';

/** ValidateRollingUpdateDaemonSet: exactly one of maxSurge and maxUnavailable is non-zero. */
export function validateRollingUpdateDaemonSet(rollingUpdate: JsonObject, path: Path): ErrorList {
  const maxUnavailable = readIntOrString(rollingUpdate.maxUnavailable) ?? 0;
  const maxSurge = readIntOrString(rollingUpdate.maxSurge) ?? 0;
  const errs: ErrorList = [];
  errs.push(...validatePositiveIntOrPercent(maxUnavailable, path.child('maxUnavailable')));
  errs.push(...validatePositiveIntOrPercent(maxSurge, path.child('maxSurge')));
  errs.push(...isNotMoreThan100Percent(maxUnavailable, path.child('maxUnavailable')));
  errs.push(...isNotMoreThan100Percent(maxSurge, path.child('maxSurge')));
  const hasUnavailable = getIntOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = getIntOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(path.child('maxSurge'), maxSurge, 'may not be set when maxUnavailable is non-zero'));
  else if (!hasUnavailable && !hasSurge) errs.push(required(path.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** ValidateDaemonSetUpdateStrategy. */
export function validateDaemonSetUpdateStrategy(strategy: JsonObject | undefined, path: Path): ErrorList {
  switch (asString(strategy?.type)) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      const rollingUpdate = asObject(strategy?.rollingUpdate);
      if (!rollingUpdate) return [required(path.child('rollingUpdate'), '')];
      return validateRollingUpdateDaemonSet(rollingUpdate, path.child('rollingUpdate'));
    }
    default:
      return [notSupported(path, strategy ?? {}, ['RollingUpdate', 'OnDelete'])];
  }
}

/** ValidateDaemonSetSpec; templateGeneration is the internal field (from the annotation). */
export function validateDaemonSetSpec(spec: JsonObject, templateGeneration: number, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const selector = asObject(spec.selector);
  errs.push(...validateLabelSelector(selector, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector === true }, path.child('selector')));
  const template = asObject(spec.template);
  const labels = asStringMap(asObject(template?.metadata)?.labels);
  // A nil selector matches nothing, so it fails here (there is no Required error).
  const parsed = labelSelectorAsSelector(selector);
  if (parsed.error === null && !parsed.selector.matches(labels)) {
    errs.push(invalid(path.child('template', 'metadata', 'labels'), asObject(asObject(template?.metadata)?.labels) ? goMap(labels) : null, '`selector` does not match template `labels`'));
  }
  if (selector && Object.keys(asStringMap(selector.matchLabels)).length + (Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0) === 0) {
    errs.push(invalid(path.child('selector'), selector, 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(template, path.child('template'), opts));
  const podSpec = asObject(template?.spec);
  const restartPolicy = asString(podSpec?.restartPolicy);
  if (restartPolicy !== 'Always') errs.push(notSupported(path.child('template', 'spec', 'restartPolicy'), restartPolicy, ['Always']));
  if (podSpec?.activeDeadlineSeconds != null) errs.push(forbidden(path.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in DaemonSet is not Supported'));
  errs.push(...validateNonnegativeField(asInt(spec.minReadySeconds), path.child('minReadySeconds')));
  errs.push(...validateNonnegativeField(templateGeneration, path.child('templateGeneration')));
  errs.push(...validateDaemonSetUpdateStrategy(asObject(spec.updateStrategy), path.child('updateStrategy')));
  const revisionHistoryLimit = asOptionalInt(spec.revisionHistoryLimit);
  // Zero is a valid revisionHistoryLimit.
  if (revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(revisionHistoryLimit, path.child('revisionHistoryLimit')));
  return errs;
}

/** ValidateDaemonSet, with the options the strategy's Validate passes. */
export function validateDaemonSet(ds: JsonObject): ErrorList {
  const spec = asObject(ds.spec) ?? {};
  const { value: templateGeneration, metadata } = takeIntAnnotation(ds.metadata, DEPRECATED_TEMPLATE_GENERATION);
  const opts = podTemplateValidationOptions(asObject(spec.template), undefined);
  const errs = validateObjectMeta(metadata, true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateDaemonSetSpec(spec, templateGeneration ?? 0, Path.of('spec'), opts));
  return errs;
}

/** ValidateDaemonSetSpecUpdate: templateGeneration moves up with, and only with, a template change. */
export function validateDaemonSetSpecUpdate(newSpec: JsonObject, newGeneration: number, oldSpec: JsonObject, oldGeneration: number, path: Path): ErrorList {
  const errs: ErrorList = [];
  if (newGeneration < oldGeneration) errs.push(invalid(path.child('templateGeneration'), newGeneration, 'must not be decremented'));
  const templateUpdated = !semanticEqual(newSpec.template, oldSpec.template);
  if (newGeneration === oldGeneration && templateUpdated) {
    errs.push(invalid(path.child('templateGeneration'), newGeneration, 'must be incremented upon template update'));
  } else if (newGeneration > oldGeneration && !templateUpdated) {
    errs.push(invalid(path.child('templateGeneration'), newGeneration, 'must not be incremented without template update'));
  }
  return errs;
}

/** ValidateDaemonSetUpdate. */
export function validateDaemonSetUpdate(ds: JsonObject, old: JsonObject): ErrorList {
  const spec = asObject(ds.spec) ?? {};
  const oldSpec = asObject(old.spec) ?? {};
  const { value: generation, metadata } = takeIntAnnotation(ds.metadata, DEPRECATED_TEMPLATE_GENERATION);
  const { value: oldGeneration, metadata: oldMetadata } = takeIntAnnotation(old.metadata, DEPRECATED_TEMPLATE_GENERATION);
  const opts = podTemplateValidationOptions(asObject(spec.template), asObject(oldSpec.template));
  const errs = validateObjectMetaUpdate(metadata, oldMetadata, Path.of('metadata'));
  errs.push(...validateDaemonSetSpecUpdate(spec, generation ?? 0, oldSpec, oldGeneration ?? 0, Path.of('spec')));
  errs.push(...validateDaemonSetSpec(spec, generation ?? 0, Path.of('spec'), opts));
  return errs;
}

/**
 * daemonSetStrategy.ValidateUpdate: ValidateDaemonSetUpdate, then the selector
 * is immutable (every group/version but extensions/v1beta1).
 */
export function daemonSetStrategyValidateUpdate(ds: JsonObject, old: JsonObject): ErrorList {
  const errs = validateDaemonSetUpdate(ds, old);
  errs.push(...validateImmutablePointer(asObject(ds.spec)?.selector, asObject(old.spec)?.selector, Path.of('spec').child('selector')));
  return errs;
}

/** validateDaemonSetStatus. */
function validateDaemonSetStatus(status: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  for (const f of ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady', 'observedGeneration', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable']) {
    errs.push(...validateNonnegativeField(asInt(status[f]), path.child(f)));
  }
  const collisionCount = asOptionalInt(status.collisionCount);
  if (collisionCount !== undefined) errs.push(...validateNonnegativeField(collisionCount, path.child('collisionCount')));
  return errs;
}

/** ValidateDaemonSetStatusUpdate. */
export function validateDaemonSetStatusUpdate(ds: JsonObject, old: JsonObject): ErrorList {
  const { metadata } = takeIntAnnotation(ds.metadata, DEPRECATED_TEMPLATE_GENERATION);
  const { metadata: oldMetadata } = takeIntAnnotation(old.metadata, DEPRECATED_TEMPLATE_GENERATION);
  const status = asObject(ds.status) ?? {};
  const errs = validateObjectMetaUpdate(metadata, oldMetadata, Path.of('metadata'));
  errs.push(...validateDaemonSetStatus(status, Path.of('status')));
  errs.push(...collisionCountErrors(status, asObject(old.status), Path.of('status')));
  return errs;
}
