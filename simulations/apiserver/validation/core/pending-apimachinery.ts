// The apimachinery validators Pod validation uses, from one place. The
// util/validation checks come from simulations/apimachinery (landed); the
// label, selector, annotation and name-function ones are
// TODO(apimachinery): temporary local copies until meta-v1-validation.ts and
// object-meta-validation.ts are committed; then re-export those and keep
// this file as the single import point (or delete it).
// src (v0.36.3): pkg/api/validation/generic.go, objectmeta.go (ValidateAnnotations),
// pkg/apis/meta/v1/validation/validation.go, k8s.io/utils/net (IsIPv6String)

import { forbidden, invalid, required, tooLong, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { parseIPSloppy, to4 } from '../../../apimachinery/go-net.ts';
import { asList, asObject, asString, asStringMap, type JsonObject } from '../../../apimachinery/json.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../../../apimachinery/validation.ts';

// Landed in simulations/apimachinery (validation.ts, validation-ip.ts).
export {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1123SubdomainWithUnderscore,
  isEnvVarName,
  isHTTPHeaderName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidIP,
  isValidIPForLegacyField,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  regexError,
} from '../../../apimachinery/validation.ts';

const utf8 = new TextEncoder();
/** Go's len(string): bytes, not UTF-16 units. */
export function byteLength(s: string): number {
  return utf8.encode(s).length;
}

/** netutils.IsIPv6String */
export function isIPv6String(value: string): boolean {
  const ip = parseIPSloppy(value);
  return ip !== null && to4(ip) === null;
}

// ---- pkg/api/validation (generic.go, objectmeta.go) ----

export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** validation.NameIsDNSSubdomain */
export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** validation.NameIsDNSLabel (ValidateNamespaceName) */
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const validateNamespaceName = nameIsDNSLabel;
export const validateServiceAccountName = nameIsDNSSubdomain;

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

/** validation.ValidateNonnegativeField */
export function validateNonnegativeField(value: number, fldPath: Path): ErrorList {
  return value < 0 ? [invalid(fldPath, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** metav1validation.ValidateLabelName */
export function validateLabelName(labelName: string, fldPath: Path): ErrorList {
  return isQualifiedName(labelName).map((m) => invalid(fldPath, labelName, m));
}

/** metav1validation.ValidateLabels (Go ranges the map; we go in key order for a stable message). */
export function validateLabels(labels: Record<string, string>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  for (const k of Object.keys(labels).sort()) {
    errs.push(...validateLabelName(k, fldPath));
    for (const m of isValidLabelValue(labels[k])) errs.push(invalid(fldPath, labels[k], m));
  }
  return errs;
}

/** validation.ValidateAnnotations */
export function validateAnnotations(annotations: Record<string, string>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  let total = 0;
  for (const k of Object.keys(annotations).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(fldPath, k, m));
    total += byteLength(k) + byteLength(annotations[k]);
  }
  if (total > 256 * 1024) errs.push(tooLong(fldPath, 256 * 1024));
  return errs;
}

export interface LabelSelectorValidationOptions {
  allowInvalidLabelValueInSelector: boolean;
}

/** metav1validation.ValidateLabelSelector; a missing selector (nil) is valid. */
export function validateLabelSelector(ps: JsonObject | undefined, opts: LabelSelectorValidationOptions, fldPath: Path): ErrorList {
  if (!ps) return [];
  const errs = validateLabels(asStringMap(ps.matchLabels), fldPath.child('matchLabels'));
  asList(ps.matchExpressions).forEach((e, i) => {
    errs.push(...validateLabelSelectorRequirement(asObject(e) ?? {}, opts, fldPath.child('matchExpressions').index(i)));
  });
  return errs;
}

/** metav1validation.ValidateLabelSelectorRequirement */
export function validateLabelSelectorRequirement(sr: JsonObject, opts: LabelSelectorValidationOptions, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const values = asList(sr.values).map(asString);
  const op = asString(sr.operator);
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(fldPath.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(fldPath.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(fldPath.child('operator'), op, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(asString(sr.key), fldPath.child('key')));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(fldPath.child('values').index(i), v, m));
    });
  }
  return errs;
}
