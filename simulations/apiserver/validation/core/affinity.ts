// Node affinity (node selector terms, preferred terms) and pod (anti-)affinity
// terms; the node selector validators are shared with PersistentVolume
// nodeAffinity.
// src: pkg/apis/core/validation/validation.go (validateAffinity, validateNodeAffinity,
// ValidateNodeSelector, ValidateNodeSelectorTerm, ValidateNodeSelectorRequirement,
// ValidateNodeFieldSelectorRequirement, ValidatePreferredSchedulingTerms,
// validatePodAffinity, validatePodAntiAffinity, validatePodAffinityTerms,
// validateWeightedPodAffinityTerms, validatePodAffinityTerm, ValidatePodAffinityTermSelector,
// validateMatchLabelKeysAndMismatchLabelKeys, validateLabelKeys)

import { forbidden, invalid, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asString, asStringMap, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { isValidLabelValue, nameIsDNSSubdomain, validateLabelName, validateLabelSelector, validateNamespaceName } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';

/** ValidateNodeSelectorRequirement (label keys, node label values unless allowed). */
export function validateNodeSelectorRequirement(rq: JsonObject, allowInvalidLabelValue: boolean, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const values = asList(rq.values).map(asString);
  const op = asString(rq.operator);
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(fldPath.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(fldPath.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(fldPath.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(fldPath.child('operator'), op, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(asString(rq.key), fldPath.child('key')));
  if (!allowInvalidLabelValue) {
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(fldPath.child('values').index(i), v, m));
    });
  }
  return errs;
}

/** ValidateNodeFieldSelectorRequirement: only metadata.name, In/NotIn with one value. */
export function validateNodeFieldSelectorRequirement(req: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const values = asList(req.values).map(asString);
  const op = asString(req.operator);
  if (op === 'In' || op === 'NotIn') {
    if (values.length !== 1) errs.push(required(fldPath.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(invalid(fldPath.child('operator'), op, 'not a valid selector operator'));
  }
  const key = asString(req.key);
  if (key !== 'metadata.name') {
    errs.push(invalid(fldPath.child('key'), key, 'not a valid field selector key'));
  } else {
    values.forEach((v, i) => {
      for (const m of nameIsDNSSubdomain(v, false)) errs.push(invalid(fldPath.child('values').index(i), v, m));
    });
  }
  return errs;
}

/** ValidateNodeSelectorTerm */
export function validateNodeSelectorTerm(term: JsonObject, allowInvalidLabelValue: boolean, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  asList(term.matchExpressions).forEach((r, j) => {
    errs.push(...validateNodeSelectorRequirement(asObject(r) ?? {}, allowInvalidLabelValue, fldPath.child('matchExpressions').index(j)));
  });
  asList(term.matchFields).forEach((r, j) => {
    errs.push(...validateNodeFieldSelectorRequirement(asObject(r) ?? {}, fldPath.child('matchFields').index(j)));
  });
  return errs;
}

/** ValidateNodeSelector: at least one term. */
export function validateNodeSelector(nodeSelector: JsonObject, allowInvalidLabelValue: boolean, fldPath: Path): ErrorList {
  const termPath = fldPath.child('nodeSelectorTerms');
  const terms = asList(nodeSelector.nodeSelectorTerms);
  if (terms.length === 0) return [required(termPath, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(asObject(t) ?? {}, allowInvalidLabelValue, termPath.index(i)));
}

/** ValidatePreferredSchedulingTerms: weight 1-100; label values are not checked (a one-node cluster may match). */
export function validatePreferredSchedulingTerms(terms: JsonValue[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  terms.forEach((t, i) => {
    const term = asObject(t) ?? {};
    const weight = asInt(term.weight);
    if (weight <= 0 || weight > 100) errs.push(invalid(fldPath.index(i).child('weight'), weight, 'must be in the range 1-100'));
    errs.push(...validateNodeSelectorTerm(asObject(term.preference) ?? {}, true, fldPath.index(i).child('preference')));
  });
  return errs;
}

function validateNodeAffinity(na: JsonObject, opts: PodValidationOptions, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const requiredTerms = asObject(na.requiredDuringSchedulingIgnoredDuringExecution);
  if (requiredTerms) {
    errs.push(...validateNodeSelector(requiredTerms, opts.allowInvalidLabelValueInRequiredNodeAffinity, fldPath.child('requiredDuringSchedulingIgnoredDuringExecution')));
  }
  const preferred = asList(na.preferredDuringSchedulingIgnoredDuringExecution);
  if (preferred.length > 0) errs.push(...validatePreferredSchedulingTerms(preferred, fldPath.child('preferredDuringSchedulingIgnoredDuringExecution')));
  return errs;
}

/** validateLabelKeys: matchLabelKeys/mismatchLabelKeys need a labelSelector and valid keys. */
function validateLabelKeys(fldPath: Path, keys: string[], labelSelector: JsonObject | undefined): ErrorList {
  if (keys.length === 0) return [];
  if (!labelSelector) return [forbidden(fldPath, 'must not be specified when labelSelector is not set')];
  return keys.flatMap((k, i) => validateLabelName(k, fldPath.index(i)));
}

/** validateMatchLabelKeysAndMismatchLabelKeys */
function validateMatchLabelKeysAndMismatchLabelKeys(fldPath: Path, matchLabelKeys: string[], mismatchLabelKeys: string[], labelSelector: JsonObject | undefined): ErrorList {
  const errs = [...validateLabelKeys(fldPath.child('matchLabelKeys'), matchLabelKeys, labelSelector), ...validateLabelKeys(fldPath.child('mismatchLabelKeys'), mismatchLabelKeys, labelSelector)];
  if (labelSelector) {
    // A key in matchLabelKeys that the selector already matches on, both in
    // matchLabels and matchExpressions, is reported (upstream indexes it from fldPath).
    const labelKeysMap = new Map<string, number>();
    matchLabelKeys.forEach((k, i) => labelKeysMap.set(k, i));
    const selectorKeys = new Set(Object.keys(asStringMap(labelSelector.matchLabels)));
    for (const e of asList(labelSelector.matchExpressions)) {
      const key = asString(asObject(e)?.key);
      const i = labelKeysMap.get(key);
      if (i !== undefined && selectorKeys.has(key)) errs.push(invalid(fldPath.index(i), key, 'exists in both matchLabelKeys and labelSelector'));
      selectorKeys.add(key);
    }
  }
  const mismatch = new Set(mismatchLabelKeys);
  matchLabelKeys.forEach((k, i) => {
    if (mismatch.has(k)) errs.push(invalid(fldPath.child('matchLabelKeys').index(i), k, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  return errs;
}

/** validatePodAffinityTerm */
function validatePodAffinityTerm(term: JsonObject, allowInvalidLabelValueInSelector: boolean, fldPath: Path): ErrorList {
  const selOpts = { allowInvalidLabelValueInSelector };
  const labelSelector = asObject(term.labelSelector);
  const errs = [
    ...validateLabelSelector(labelSelector, selOpts, fldPath.child('labelSelector')),
    ...validateLabelSelector(asObject(term.namespaceSelector), selOpts, fldPath.child('namespaceSelector')),
  ];
  for (const ns of asList(term.namespaces).map(asString)) {
    for (const m of validateNamespaceName(ns, false)) errs.push(invalid(fldPath.child('namespace'), ns, m));
  }
  errs.push(...validateMatchLabelKeysAndMismatchLabelKeys(fldPath, asList(term.matchLabelKeys).map(asString), asList(term.mismatchLabelKeys).map(asString), labelSelector));
  const topologyKey = asString(term.topologyKey);
  if (topologyKey.length === 0) errs.push(required(fldPath.child('topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(topologyKey, fldPath.child('topologyKey')));
  return errs;
}

function validatePodAffinityTerms(terms: JsonValue[], allowInvalid: boolean, fldPath: Path): ErrorList {
  return terms.flatMap((t, i) => validatePodAffinityTerm(asObject(t) ?? {}, allowInvalid, fldPath.index(i)));
}

function validateWeightedPodAffinityTerms(terms: JsonValue[], allowInvalid: boolean, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  terms.forEach((t, j) => {
    const term = asObject(t) ?? {};
    const weight = asInt(term.weight);
    if (weight <= 0 || weight > 100) errs.push(invalid(fldPath.index(j).child('weight'), weight, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(asObject(term.podAffinityTerm) ?? {}, allowInvalid, fldPath.index(j).child('podAffinityTerm')));
  });
  return errs;
}

/** validatePodAffinity and validatePodAntiAffinity (the same checks). */
function validateInterPodAffinity(pa: JsonObject, allowInvalid: boolean, fldPath: Path): ErrorList {
  return [
    ...validatePodAffinityTerms(asList(pa.requiredDuringSchedulingIgnoredDuringExecution), allowInvalid, fldPath.child('requiredDuringSchedulingIgnoredDuringExecution')),
    ...validateWeightedPodAffinityTerms(asList(pa.preferredDuringSchedulingIgnoredDuringExecution), allowInvalid, fldPath.child('preferredDuringSchedulingIgnoredDuringExecution')),
  ];
}

/**
 * validateAffinity
 *
 * @example validateAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }] } }, opts, path)
 *   // [spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty, ...]
 */
export function validateAffinity(affinity: JsonObject | undefined, opts: PodValidationOptions, fldPath: Path): ErrorList {
  if (!affinity) return [];
  const errs: ErrorList = [];
  const na = asObject(affinity.nodeAffinity);
  if (na) errs.push(...validateNodeAffinity(na, opts, fldPath.child('nodeAffinity')));
  const pa = asObject(affinity.podAffinity);
  if (pa) errs.push(...validateInterPodAffinity(pa, opts.allowInvalidLabelValueInSelector, fldPath.child('podAffinity')));
  const paa = asObject(affinity.podAntiAffinity);
  if (paa) errs.push(...validateInterPodAffinity(paa, opts.allowInvalidLabelValueInSelector, fldPath.child('podAntiAffinity')));
  return errs;
}
