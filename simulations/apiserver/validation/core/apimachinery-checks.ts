// The apimachinery helpers the core kinds use, gathered in one place: the
// shared modules of simulations/apimachinery/ (util/validation, content,
// ObjectMeta, meta/v1), plus the two adapters the core validators want
// (sorted map keys, UTF-8 length).
// src: staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go,
//      pkg/api/validate/content, pkg/api/validation/{generic,objectmeta}.go,
//      pkg/apis/meta/v1/validation/validation.go

import { type ErrorList, invalid } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { validateLabelSelector as validateLabelSelectorShared } from '../../../apimachinery/meta-v1-validation.ts';
import { IS_NEGATIVE_ERROR_MSG, validateFinalizerName } from '../../../apimachinery/object-meta-validation.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import { sortStrings } from '../../../apimachinery/go-sort.ts';
import { isDNS1123Subdomain as isContentDNS1123Subdomain, utf8Length } from '../../../apimachinery/validate-content.ts';
import { isQualifiedName, isDNS1123Subdomain as isUtilDNS1123Subdomain } from '../../../apimachinery/validation.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import {
  isExtendedResourceName,
  isIntegerResourceName,
  isNativeResource,
  isStandardContainerResourceName,
  isStandardResourceName,
} from './core-helper.ts';

export {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
} from '../../../apimachinery/validation.ts';
export { isValidCIDRForLegacyField, isValidIPForLegacyField } from '../../../apimachinery/validation-ip.ts';
export { validateLabelName, validateLabels } from '../../../apimachinery/meta-v1-validation.ts';
export {
  FIELD_IMMUTABLE_ERROR_MSG,
  IS_NEGATIVE_ERROR_MSG,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateNamespaceName,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateImmutableField,
  type ValidateNameFunc as NameFn,
} from '../../../apimachinery/object-meta-validation.ts';
export { validateFinalizerName as validateFinalizerNameGeneric };

/** Go's len(s): UTF-8 bytes. */
export const byteLength = utf8Length;

/** Go ranges over maps in random order; sorted keys keep messages stable. */
export function sortedKeys(o: Record<string, unknown>): string[] {
  return sortStrings(Object.keys(o));
}

/** validation.IsDNS1123Subdomain ("characters"), or content's ("bytes"). */
export function isDNS1123Subdomain(value: string, unit: 'characters' | 'bytes' = 'characters'): string[] {
  return unit === 'bytes' ? isContentDNS1123Subdomain(value) : isUtilDNS1123Subdomain(value);
}

/** unversionedvalidation.ValidateLabelSelector with AllowInvalidLabelValueInSelector as given. */
export function validateLabelSelector(ps: JsonObject | undefined, allowInvalidLabelValueInSelector: boolean, fldPath: Path): ErrorList {
  return validateLabelSelectorShared(ps, { allowInvalidLabelValueInSelector }, fldPath);
}

// ---- pkg/apis/core/validation resource helpers (resources.ts has the Pod's; these serve quota, LimitRange, PV and Node) ----

/** A quantity field: undefined when absent or unparsable (the decoder refuses those with a 400 before validation). */
export function quantityAt(v: unknown): Quantity | undefined {
  return Quantity.tryParse(v);
}

/** ValidateNonnegativeQuantity. */
export function validateNonnegativeQuantity(value: Quantity, fldPath: Path): ErrorList {
  return value.sign() < 0 ? [invalid(fldPath, value.toString(), IS_NEGATIVE_ERROR_MSG)] : [];
}

/** ValidatePositiveQuantityValue. */
export function validatePositiveQuantityValue(value: Quantity, fldPath: Path): ErrorList {
  return value.sign() <= 0 ? [invalid(fldPath, value.toString(), 'must be greater than zero')] : [];
}

/** ValidateResourceQuantityValue. */
export function validateResourceQuantityValue(resource: string, value: Quantity, fldPath: Path): ErrorList {
  const errs = validateNonnegativeQuantity(value, fldPath);
  if (isIntegerResourceName(resource) && value.milliValue() % 1000 !== 0) errs.push(invalid(fldPath, value.toString(), 'must be an integer'));
  return errs;
}

/** validateBasicResource. */
export function validateBasicResource(quantity: Quantity, fldPath: Path): ErrorList {
  return quantity.value() < 0 ? [invalid(fldPath, quantity.value(), 'must be a valid resource quantity')] : [];
}

/** validateResourceName. */
export function validateResourceName(value: string, fldPath: Path): ErrorList {
  const errs = isQualifiedName(value).map((m) => invalid(fldPath, value, m));
  if (errs.length !== 0) return errs;
  if (!value.includes('/') && !isStandardResourceName(value)) {
    errs.push(invalid(fldPath, value, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

/** validateContainerResourceName. */
export function validateContainerResourceName(value: string, fldPath: Path): ErrorList {
  const errs = validateResourceName(value, fldPath);
  if (!value.includes('/')) {
    if (!isStandardContainerResourceName(value)) errs.push(invalid(fldPath, value, 'must be a standard resource for containers'));
  } else if (!isNativeResource(value) && !isExtendedResourceName(value)) {
    errs.push(invalid(fldPath, value, "doesn't follow extended resource name standard"));
  }
  return errs;
}
