// PodDisruptionBudget (policy/v1) validation.
// src: pkg/apis/policy/validation/validation.go (ValidatePodDisruptionBudget,
//      ValidatePodDisruptionBudgetSpec, ValidatePodDisruptionBudgetStatusUpdate)
//      pkg/registry/policy/poddisruptionbudget/strategy.go
//
// Upstream's ValidatePodDisruptionBudget validates only the spec: the
// object's metadata is checked by the generic registry (rest.BeforeCreate and
// BeforeUpdate: ValidateObjectMetaAccessor with path-segment names), which the
// simulated store does not run for every kind; the registered create/update
// below add that step for this kind, in the generic registry's order.

import { invalid, notSupported } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asObject, asOptionalString } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { validateConditions } from '../../../apimachinery/meta-v1-validation.ts';
import { isNotMoreThan100Percent, readIntOrString, validatePositiveIntOrPercent } from '../apps/int-or-percent.ts';
import {
  labelSelectorHasInvalidLabelValue,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePathSegmentName,
} from '../apps/shared-helpers.ts';

// sets.List: sorted.
const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** PodDisruptionBudgetValidationOptions. */
export interface PodDisruptionBudgetValidationOptions {
  allowInvalidLabelValueInSelector: boolean;
}

/** ValidatePodDisruptionBudgetSpec: minAvailable xor maxUnavailable, each an int ≥ 0 or a percent ≤ 100%. */
export function validatePodDisruptionBudgetSpec(spec: JsonObject, opts: PodDisruptionBudgetValidationOptions, path: Path): ErrorList {
  const errs: ErrorList = [];
  const minAvailable = readIntOrString(spec.minAvailable);
  const maxUnavailable = readIntOrString(spec.maxUnavailable);
  if (minAvailable !== undefined && maxUnavailable !== undefined) errs.push(invalid(path, spec, 'minAvailable and maxUnavailable cannot be both set'));
  if (minAvailable !== undefined) {
    errs.push(...validatePositiveIntOrPercent(minAvailable, path.child('minAvailable')));
    errs.push(...isNotMoreThan100Percent(minAvailable, path.child('minAvailable')));
  }
  if (maxUnavailable !== undefined) {
    errs.push(...validatePositiveIntOrPercent(maxUnavailable, path.child('maxUnavailable')));
    errs.push(...isNotMoreThan100Percent(maxUnavailable, path.child('maxUnavailable')));
  }
  errs.push(...validateLabelSelector(asObject(spec.selector), { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }, path.child('selector')));
  const policy = asOptionalString(spec.unhealthyPodEvictionPolicy);
  if (policy !== undefined && !UNHEALTHY_POD_EVICTION_POLICIES.includes(policy)) {
    errs.push(notSupported(path.child('unhealthyPodEvictionPolicy'), policy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errs;
}

/** ValidatePodDisruptionBudget. */
export function validatePodDisruptionBudget(pdb: JsonObject, opts: PodDisruptionBudgetValidationOptions): ErrorList {
  return validatePodDisruptionBudgetSpec(asObject(pdb.spec) ?? {}, opts, Path.of('spec'));
}

/** ValidatePodDisruptionBudgetStatusUpdate (policy/v1: the counters too, not only the conditions). */
export function validatePodDisruptionBudgetStatusUpdate(status: JsonObject, path: Path): ErrorList {
  const errs = validateConditions(status.conditions, path.child('conditions'));
  for (const f of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods']) {
    errs.push(...validateNonnegativeField(asInt(status[f]), path.child(f)));
  }
  return errs;
}

/** podDisruptionBudgetStrategy.Validate. */
export function pdbStrategyValidate(pdb: JsonObject): ErrorList {
  return validatePodDisruptionBudget(pdb, { allowInvalidLabelValueInSelector: false });
}

/** podDisruptionBudgetStrategy.ValidateUpdate: invalid selector values the stored object has stay allowed. */
export function pdbStrategyValidateUpdate(pdb: JsonObject, old: JsonObject): ErrorList {
  return validatePodDisruptionBudget(pdb, { allowInvalidLabelValueInSelector: labelSelectorHasInvalidLabelValue(asObject(asObject(old.spec)?.selector)) });
}

/** podDisruptionBudgetStatusStrategy.ValidateUpdate. */
export function pdbStatusStrategyValidateUpdate(pdb: JsonObject): ErrorList {
  return validatePodDisruptionBudgetStatusUpdate(asObject(pdb.status) ?? {}, Path.of('status'));
}

/**
 * rest.BeforeCreate: the strategy's Validate, and only when it passes, the
 * generic ValidateObjectMetaAccessor (namespaced, path-segment names).
 */
export function pdbCreate(pdb: JsonObject): ErrorList {
  const errs = pdbStrategyValidate(pdb);
  if (errs.length > 0) return errs;
  return validateObjectMeta(asObject(pdb.metadata), true, validatePathSegmentName, Path.of('metadata'));
}

/** rest.BeforeUpdate's validateCommonFields (metadata, then its update rules), then the strategy. */
function commonFields(pdb: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(pdb.metadata), true, validatePathSegmentName, Path.of('metadata'));
  errs.push(...validateObjectMetaUpdate(asObject(pdb.metadata), asObject(old.metadata), Path.of('metadata')));
  return errs;
}

/** rest.BeforeUpdate for the main resource. */
export function pdbUpdate(pdb: JsonObject, old: JsonObject): ErrorList {
  return [...commonFields(pdb, old), ...pdbStrategyValidateUpdate(pdb, old)];
}

/** rest.BeforeUpdate for the status subresource. */
export function pdbStatusUpdate(pdb: JsonObject, old: JsonObject): ErrorList {
  return [...commonFields(pdb, old), ...pdbStatusStrategyValidateUpdate(pdb)];
}
