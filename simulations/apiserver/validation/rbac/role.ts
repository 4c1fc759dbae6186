// Role and ClusterRole validation.
// src: pkg/apis/rbac/validation/validation.go (ValidateRBACName, ValidateRole,
//      ValidateRoleUpdate, ValidateClusterRole, ValidateClusterRoleUpdate, ValidatePolicyRule)
//      pkg/registry/rbac/clusterrole/strategy.go (options from the stored aggregation rule)

import { invalid, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { isValidPathSegmentName, labelSelectorAsSelector, labelSelectorHasInvalidLabelValue, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from '../apps/shared-helpers.ts';
import type { ValidateNameFunc } from '../apps/shared-helpers.ts';

/**
 * ValidateRBACName: minimal, as OpenShift's role names: a path segment (no
 * "/" or "%", not "." or ".."), so "role:admin" is a valid name.
 */
export const validateRBACName: ValidateNameFunc = (name) => isValidPathSegmentName(name);

/** ValidatePolicyRule: verbs, and either non-resource URLs (cluster roles only) or API groups and resources. */
export function validatePolicyRule(rule: JsonObject, isNamespaced: boolean, path: Path): ErrorList {
  const errs: ErrorList = [];
  if (asList(rule.verbs).length === 0) errs.push(required(path.child('verbs'), 'verbs must contain at least one value'));
  const nonResourceURLs = asList(rule.nonResourceURLs);
  if (nonResourceURLs.length > 0) {
    if (isNamespaced) errs.push(invalid(path.child('nonResourceURLs'), nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
    if (asList(rule.apiGroups).length > 0 || asList(rule.resources).length > 0 || asList(rule.resourceNames).length > 0) {
      errs.push(invalid(path.child('nonResourceURLs'), nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (asList(rule.apiGroups).length === 0) errs.push(required(path.child('apiGroups'), 'resource rules must supply at least one api group'));
  if (asList(rule.resources).length === 0) errs.push(required(path.child('resources'), 'resource rules must supply at least one resource'));
  return errs;
}

/** ValidateRole. */
export function validateRole(role: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(role.metadata), true, validateRBACName, Path.of('metadata'));
  asList(role.rules).forEach((r, i) => errs.push(...validatePolicyRule(asObject(r) ?? {}, true, Path.of('rules').index(i))));
  return errs;
}

/** ValidateRoleUpdate: the role, then metadata. */
export function validateRoleUpdate(role: JsonObject, old: JsonObject): ErrorList {
  const errs = validateRole(role);
  errs.push(...validateObjectMetaUpdate(asObject(role.metadata), asObject(old.metadata), Path.of('metadata')));
  return errs;
}

/** ClusterRoleValidationOptions. */
export interface ClusterRoleValidationOptions {
  allowInvalidLabelValueInSelector: boolean;
}

/** ValidateClusterRole: rules (non-resource URLs allowed) and the aggregation rule's selectors. */
export function validateClusterRole(role: JsonObject, opts: ClusterRoleValidationOptions): ErrorList {
  const errs = validateObjectMeta(asObject(role.metadata), false, validateRBACName, Path.of('metadata'));
  asList(role.rules).forEach((r, i) => errs.push(...validatePolicyRule(asObject(r) ?? {}, false, Path.of('rules').index(i))));
  const aggregationRule = asObject(role.aggregationRule);
  if (aggregationRule) {
    const selectors = asList(aggregationRule.clusterRoleSelectors);
    const path = Path.of('aggregationRule', 'clusterRoleSelectors');
    if (selectors.length === 0) errs.push(required(path, 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    selectors.forEach((raw, i) => {
      const selector = asObject(raw) ?? {};
      errs.push(...validateLabelSelector(selector, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }, path.index(i)));
      if (labelSelectorAsSelector(selector).error !== null) errs.push(invalid(path.index(i), selector, 'invalid label selector.'));
    });
  }
  return errs;
}

/** ValidateClusterRoleUpdate. */
export function validateClusterRoleUpdate(role: JsonObject, old: JsonObject, opts: ClusterRoleValidationOptions): ErrorList {
  const errs = validateClusterRole(role, opts);
  errs.push(...validateObjectMetaUpdate(asObject(role.metadata), asObject(old.metadata), Path.of('metadata')));
  return errs;
}

/** clusterRoleStrategy.Validate. */
export function clusterRoleStrategyValidate(role: JsonObject): ErrorList {
  return validateClusterRole(role, { allowInvalidLabelValueInSelector: false });
}

/** clusterRoleStrategy.ValidateUpdate: selectors the stored role already has may keep invalid label values. */
export function clusterRoleStrategyValidateUpdate(role: JsonObject, old: JsonObject): ErrorList {
  const oldSelectors = asList(asObject(old.aggregationRule)?.clusterRoleSelectors);
  const allow = oldSelectors.some((s) => labelSelectorHasInvalidLabelValue(asObject(s)));
  return validateClusterRoleUpdate(role, old, { allowInvalidLabelValueInSelector: allow });
}
