// Deployment validation.
// src: pkg/apis/apps/validation/validation.go (ValidateDeployment,
//      ValidateDeploymentUpdate, ValidateDeploymentSpec, ValidateDeploymentStrategy,
//      ValidateRollingUpdateDeployment, ValidateRollback,
//      ValidateDeploymentStatus, ValidateDeploymentStatusUpdate)
//      pkg/registry/apps/deployment/strategy.go (options from the Pod template)
//
// apps/v1 has no spec.rollbackTo (strict decoding refuses it); its annotation
// deprecated.deployment.rollback.to is what conversion turns into the internal
// RollbackTo that ValidateRollback checks at spec.rollback.version.

import { forbidden, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asObject, asOptionalInt, asString } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { getIntOrPercentValue, isNotMoreThan100Percent, readIntOrString, validatePositiveIntOrPercent } from './int-or-percent.ts';
import { DEPRECATED_ROLLBACK_TO, takeIntAnnotation } from './internal-meta.ts';
import { validateSelectorAndTemplate } from './replica-set.ts';
import {
  podTemplateValidationOptions,
  nameIsDNSSubdomain,
  validateImmutablePointer,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './shared-helpers.ts';
import type { PodValidationOptions } from './shared-helpers.ts';

/** ValidateRollingUpdateDeployment: both may not be 0, maxUnavailable at most 100%. */
export function validateRollingUpdateDeployment(rollingUpdate: JsonObject, path: Path): ErrorList {
  // Internal fields are plain IntOrStrings: a nil v1 pointer converts to Int 0.
  const maxUnavailable = readIntOrString(rollingUpdate.maxUnavailable) ?? 0;
  const maxSurge = readIntOrString(rollingUpdate.maxSurge) ?? 0;
  const errs: ErrorList = [];
  errs.push(...validatePositiveIntOrPercent(maxUnavailable, path.child('maxUnavailable')));
  errs.push(...validatePositiveIntOrPercent(maxSurge, path.child('maxSurge')));
  if (getIntOrPercentValue(maxUnavailable) === 0 && getIntOrPercentValue(maxSurge) === 0) {
    errs.push(invalid(path.child('maxUnavailable'), maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...isNotMoreThan100Percent(maxUnavailable, path.child('maxUnavailable')));
  return errs;
}

/** ValidateDeploymentStrategy. */
export function validateDeploymentStrategy(strategy: JsonObject | undefined, path: Path): ErrorList {
  const type = asString(strategy?.type);
  const rollingUpdate = asObject(strategy?.rollingUpdate);
  switch (type) {
    case 'Recreate':
      return rollingUpdate ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate':
      // Defaulting always sets it; as given it may be missing.
      return rollingUpdate ? validateRollingUpdateDeployment(rollingUpdate, path.child('rollingUpdate')) : [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')];
    default:
      return [notSupported(path, strategy ?? {}, ['Recreate', 'RollingUpdate'])];
  }
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: JsonObject, rollbackRevision: number | undefined, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  errs.push(...validateNonnegativeField(asInt(spec.replicas), path.child('replicas')));
  errs.push(...validateSelectorAndTemplate(spec, path, opts));
  errs.push(...validateDeploymentStrategy(asObject(spec.strategy), path.child('strategy')));
  const minReadySeconds = asInt(spec.minReadySeconds);
  errs.push(...validateNonnegativeField(minReadySeconds, path.child('minReadySeconds')));
  const revisionHistoryLimit = asOptionalInt(spec.revisionHistoryLimit);
  // Zero is a valid revisionHistoryLimit.
  if (revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(revisionHistoryLimit, path.child('revisionHistoryLimit')));
  // ValidateRollback: the internal RollbackTo, from the deprecated annotation.
  if (rollbackRevision !== undefined) errs.push(...validateNonnegativeField(rollbackRevision, path.child('rollback').child('version')));
  const progressDeadlineSeconds = asOptionalInt(spec.progressDeadlineSeconds);
  if (progressDeadlineSeconds !== undefined) {
    errs.push(...validateNonnegativeField(progressDeadlineSeconds, path.child('progressDeadlineSeconds')));
    if (progressDeadlineSeconds <= minReadySeconds) {
      errs.push(invalid(path.child('progressDeadlineSeconds'), progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** ValidateDeployment, with the options the strategy's Validate passes. */
export function validateDeployment(d: JsonObject): ErrorList {
  const spec = asObject(d.spec) ?? {};
  const { value: rollback, metadata } = takeIntAnnotation(d.metadata, DEPRECATED_ROLLBACK_TO);
  const opts = podTemplateValidationOptions(asObject(spec.template), undefined);
  const errs = validateObjectMeta(metadata, true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateDeploymentSpec(spec, rollback, Path.of('spec'), opts));
  return errs;
}

/**
 * ValidateDeploymentUpdate. The selector's immutability is not here: upstream's
 * strategy adds it (see deploymentStrategyValidateUpdate).
 */
export function validateDeploymentUpdate(d: JsonObject, old: JsonObject): ErrorList {
  const spec = asObject(d.spec) ?? {};
  const { value: rollback, metadata } = takeIntAnnotation(d.metadata, DEPRECATED_ROLLBACK_TO);
  const { metadata: oldMetadata } = takeIntAnnotation(old.metadata, DEPRECATED_ROLLBACK_TO);
  const opts = podTemplateValidationOptions(asObject(spec.template), asObject(asObject(old.spec)?.template));
  const errs = validateObjectMetaUpdate(metadata, oldMetadata, Path.of('metadata'));
  errs.push(...validateDeploymentSpec(spec, rollback, Path.of('spec'), opts));
  return errs;
}

/**
 * deploymentStrategy.ValidateUpdate: ValidateDeploymentUpdate, then the
 * selector is immutable for every group/version but extensions/v1beta1
 * (which this API server does not serve).
 */
export function deploymentStrategyValidateUpdate(d: JsonObject, old: JsonObject): ErrorList {
  const errs = validateDeploymentUpdate(d, old);
  errs.push(...validateImmutablePointer(asObject(d.spec)?.selector, asObject(old.spec)?.selector, Path.of('spec').child('selector')));
  return errs;
}

/** ValidateDeploymentStatus. */
export function validateDeploymentStatus(status: JsonObject, path: Path): ErrorList {
  const replicas = asInt(status.replicas);
  const updated = asInt(status.updatedReplicas);
  const ready = asInt(status.readyReplicas);
  const available = asInt(status.availableReplicas);
  const errs: ErrorList = [];
  errs.push(...validateNonnegativeField(asInt(status.observedGeneration), path.child('observedGeneration')));
  errs.push(...validateNonnegativeField(replicas, path.child('replicas')));
  errs.push(...validateNonnegativeField(updated, path.child('updatedReplicas')));
  errs.push(...validateNonnegativeField(ready, path.child('readyReplicas')));
  errs.push(...validateNonnegativeField(available, path.child('availableReplicas')));
  errs.push(...validateNonnegativeField(asInt(status.unavailableReplicas), path.child('unavailableReplicas')));
  const collisionCount = asOptionalInt(status.collisionCount);
  if (collisionCount !== undefined) errs.push(...validateNonnegativeField(collisionCount, path.child('collisionCount')));
  const msg = 'cannot be greater than status.replicas';
  if (updated > replicas) errs.push(invalid(path.child('updatedReplicas'), updated, msg));
  if (ready > replicas) errs.push(invalid(path.child('readyReplicas'), ready, msg));
  if (available > replicas) errs.push(invalid(path.child('availableReplicas'), available, msg));
  if (available > ready) errs.push(invalid(path.child('availableReplicas'), available, 'cannot be greater than readyReplicas'));
  return errs;
}

/** apivalidation.IsDecremented: a *int32 that went away or went down. */
export function isDecremented(update: number | undefined, old: number | undefined): boolean {
  if (update === undefined && old !== undefined) return true;
  if (update === undefined || old === undefined) return false;
  return update < old;
}

/** The status.collisionCount rule every apps controller's status update shares. */
export function collisionCountErrors(status: JsonObject | undefined, oldStatus: JsonObject | undefined, path: Path): ErrorList {
  const now = asOptionalInt(status?.collisionCount);
  if (!isDecremented(now, asOptionalInt(oldStatus?.collisionCount))) return [];
  return [invalid(path.child('collisionCount'), now ?? 0, 'cannot be decremented')];
}

/** ValidateDeploymentStatusUpdate. */
export function validateDeploymentStatusUpdate(d: JsonObject, old: JsonObject): ErrorList {
  const { metadata } = takeIntAnnotation(d.metadata, DEPRECATED_ROLLBACK_TO);
  const { metadata: oldMetadata } = takeIntAnnotation(old.metadata, DEPRECATED_ROLLBACK_TO);
  const errs = validateObjectMetaUpdate(metadata, oldMetadata, Path.of('metadata'));
  const status = asObject(d.status) ?? {};
  errs.push(...validateDeploymentStatus(status, Path.of('status')));
  errs.push(...collisionCountErrors(status, asObject(old.status), Path.of('status')));
  return errs;
}
