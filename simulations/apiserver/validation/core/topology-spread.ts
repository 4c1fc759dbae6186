// topologySpreadConstraints: maxSkew, topologyKey, whenUnsatisfiable, one
// constraint per {topologyKey, whenUnsatisfiable}, minDomains, node inclusion
// policies, matchLabelKeys and the labelSelector.
// src: pkg/apis/core/validation/validation.go (validateTopologySpreadConstraints,
// ValidateMaxSkew, validateMinDomains, ValidateTopologyKey, ValidateWhenUnsatisfiable,
// ValidateSpreadConstraintNotRepeat, validateNodeInclusionPolicy,
// validateMatchLabelKeysInTopologySpread)

import { duplicate, forbidden, invalid, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asOptionalInt, asOptionalString, asString, asStringMap, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { validateLabelName, validateLabelSelector } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';

const SCHEDULE_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'];
const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'];

/** validateMatchLabelKeysInTopologySpread */
function validateMatchLabelKeys(fldPath: Path, matchLabelKeys: string[], labelSelector: JsonObject | undefined): ErrorList {
  if (matchLabelKeys.length === 0) return [];
  const errs: ErrorList = [];
  const selectorKeys = new Set<string>();
  if (labelSelector) {
    for (const k of Object.keys(asStringMap(labelSelector.matchLabels))) selectorKeys.add(k);
    for (const e of asList(labelSelector.matchExpressions)) selectorKeys.add(asString(asObject(e)?.key));
  } else {
    errs.push(forbidden(fldPath, 'must not be specified when labelSelector is not set'));
  }
  matchLabelKeys.forEach((key, i) => {
    errs.push(...validateLabelName(key, fldPath.index(i)));
    if (selectorKeys.has(key)) errs.push(invalid(fldPath.index(i), key, 'exists in both matchLabelKeys and labelSelector'));
  });
  return errs;
}

/**
 * validateTopologySpreadConstraints
 *
 * @example validateTopologySpreadConstraints([{ maxSkew: 0, topologyKey: 'k8s.io/zone', whenUnsatisfiable: 'DoNotSchedule' }], path, opts)
 *   // [spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero]
 */
export function validateTopologySpreadConstraints(constraints: JsonValue[], fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const cs = constraints.map((c) => asObject(c) ?? {});
  cs.forEach((c, i) => {
    const p = fldPath.index(i);
    const maxSkew = asInt(c.maxSkew);
    if (maxSkew <= 0) errs.push(invalid(p.child('maxSkew'), maxSkew, 'must be greater than zero'));
    const topologyKey = asString(c.topologyKey);
    if (topologyKey.length === 0) errs.push(required(p.child('topologyKey'), 'can not be empty'));
    const action = asString(c.whenUnsatisfiable);
    if (!SCHEDULE_ACTIONS.includes(action)) errs.push(notSupported(p.child('whenUnsatisfiable'), action, SCHEDULE_ACTIONS));
    // {topologyKey, whenUnsatisfiable} names one kind of constraint.
    if (cs.slice(i + 1).some((r) => asString(r.topologyKey) === topologyKey && asString(r.whenUnsatisfiable) === action)) {
      errs.push(duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${topologyKey}, ${action}}`));
    }
    const minDomains = asOptionalInt(c.minDomains);
    if (minDomains !== undefined) {
      if (minDomains <= 0) errs.push(invalid(p.child('minDomains'), minDomains, 'must be greater than zero'));
      if (action !== 'DoNotSchedule') errs.push(invalid(p.child('minDomains'), minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`));
    }
    for (const field of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const policy = asOptionalString(c[field]);
      if (policy !== undefined && !NODE_INCLUSION_POLICIES.includes(policy)) errs.push(notSupported(p.child(field), policy, NODE_INCLUSION_POLICIES));
    }
    const labelSelector = asObject(c.labelSelector);
    errs.push(...validateMatchLabelKeys(p.child('matchLabelKeys'), asList(c.matchLabelKeys).map(asString), labelSelector));
    if (!opts.allowInvalidTopologySpreadConstraintLabelSelector) {
      errs.push(...validateLabelSelector(labelSelector, { allowInvalidLabelValueInSelector: false }, p.child('labelSelector')));
    }
  });
  return errs;
}
