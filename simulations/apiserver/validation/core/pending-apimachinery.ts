// The apimachinery validators Pod validation uses, from one place, so the
// Pod files name one module for util/validation, meta/v1 validation and the
// ObjectMeta helpers (all of which now live in simulations/apimachinery).
// src (v0.36.3): k8s.io/utils/net (IsIPv6String)

import { parseIPSloppy, to4 } from '../../../apimachinery/go-net.ts';

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
export { validateLabelName, validateLabels, validateLabelSelector, validateLabelSelectorRequirement } from '../../../apimachinery/meta-v1-validation.ts';
export type { LabelSelectorValidationOptions } from '../../../apimachinery/meta-v1-validation.ts';
export {
  FIELD_IMMUTABLE_ERROR_MSG,
  IS_NEGATIVE_ERROR_MSG,
  nameIsDNSSubdomain,
  nameIsDNSLabel,
  validateAnnotations,
  validateNamespaceName,
  validateNonnegativeField,
  validateServiceAccountName,
} from '../../../apimachinery/object-meta-validation.ts';
export type { ValidateNameFunc } from '../../../apimachinery/object-meta-validation.ts';

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
