// Resource names, quantities and requirements: containers' and the Pod's
// requests and limits, overhead, and the checks LimitRange, ResourceQuota and
// Node validation reuse.
// src: pkg/apis/core/validation/validation.go (validateResourceName,
// validateContainerResourceName, validatePodResourceName, ValidateResourceQuantityValue,
// ValidateNonnegativeQuantity, ValidatePositiveQuantityValue, validateBasicResource,
// ValidateContainerResourceRequirements, validatePodResourceRequirements,
// validateResourceRequirements, validateResourceClaimNames, validateResourceQuantityHugePageValue,
// validateOverhead)

import { forbidden, invalid, notFound, notSupported, required, duplicate, type ErrorList, type FieldErr } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { sortStrings } from '../../../apimachinery/go-sort.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import { IS_NEGATIVE_ERROR_MSG, isDNS1123Label, isQualifiedName } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import {
  isExtendedResourceName,
  isHugePageResourceName,
  isHugePageResourceValueDivisible,
  isIntegerResourceName,
  isNativeResource,
  isOvercommitAllowed,
  isStandardContainerResourceName,
  isStandardResourceName,
} from './resource-names.ts';

export type ResourceNameValidator = (name: string, fldPath: Path) => ErrorList;

/**
 * A ResourceList (map of name to Quantity) read from JSON, in key order (Go
 * ranges over the map in random order; sorted keys make messages stable).
 * Values the decoder would refuse are left out.
 */
export function readResourceList(v: JsonValue | undefined): [string, Quantity][] {
  const o = asObject(v);
  if (!o) return [];
  const out: [string, Quantity][] = [];
  for (const k of sortStrings(Object.keys(o))) {
    const q = Quantity.tryParse(o[k]);
    if (q) out.push([k, q]);
  }
  return out;
}

/** The quantity of `name` in a list readResourceList made (a few entries: no map is built for them). */
function findQuantity(list: readonly [string, Quantity][], name: string): Quantity | undefined {
  for (let i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
  return undefined;
}

/** validateResourceName: a qualified name; unprefixed names must be standard. */
export function validateResourceName(value: string, fldPath: Path): ErrorList {
  const errs = isQualifiedName(value).map((m) => invalid(fldPath, value, m));
  if (errs.length !== 0) return errs;
  if (value.split('/').length === 1 && !isStandardResourceName(value)) {
    errs.push(invalid(fldPath, value, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

/** validateContainerResourceName: cpu, memory, ephemeral-storage, hugepages-*, or an extended resource. */
export function validateContainerResourceName(value: string, fldPath: Path): ErrorList {
  const errs = validateResourceName(value, fldPath);
  if (value.split('/').length === 1) {
    if (!isStandardContainerResourceName(value)) return [...errs, invalid(fldPath, value, 'must be a standard resource for containers')];
  } else if (!isNativeResource(value)) {
    if (!isExtendedResourceName(value)) return [...errs, invalid(fldPath, value, "doesn't follow extended resource name standard")];
  }
  return errs;
}

// component-helpers/resource: supportedPodLevelResources (cpu, memory) plus hugepages-*.
const SUPPORTED_POD_LEVEL_RESOURCES = ['cpu', 'hugepages-', 'memory'];

/** validatePodResourceName: pod-level resources are cpu, memory and hugepages. */
export function validatePodResourceName(value: string, fldPath: Path): ErrorList {
  const errs = validateResourceName(value, fldPath);
  if (errs.length !== 0) return errs;
  if (!(value === 'cpu' || value === 'memory' || value.startsWith('hugepages-'))) {
    return [notSupported(fldPath, value, SUPPORTED_POD_LEVEL_RESOURCES)];
  }
  return errs;
}

/** ValidateNonnegativeQuantity */
export function validateNonnegativeQuantity(value: Quantity, fldPath: Path): ErrorList {
  return value.sign() < 0 ? [invalid(fldPath, value.toString(), IS_NEGATIVE_ERROR_MSG)] : [];
}

/** ValidatePositiveQuantityValue */
export function validatePositiveQuantityValue(value: Quantity, fldPath: Path): ErrorList {
  return value.sign() <= 0 ? [invalid(fldPath, value.toString(), 'must be greater than zero')] : [];
}

/** ValidateResourceQuantityValue: not negative, and whole for integer resources. */
export function validateResourceQuantityValue(resource: string, value: Quantity, fldPath: Path): ErrorList {
  const errs = validateNonnegativeQuantity(value, fldPath);
  if (isIntegerResourceName(resource) && value.scaledValue(-3) % 1000n !== 0n) {
    // field.Invalid(fldPath, value, ...): a Quantity prints through its JSON form.
    errs.push(invalid(fldPath, value.toString(), 'must be an integer'));
  }
  return errs;
}

/** validateBasicResource: Value() not negative. */
export function validateBasicResource(quantity: Quantity, fldPath: Path): ErrorList {
  const v = quantity.scaledValue(0);
  return v < 0n ? [invalid(fldPath, Number(v), 'must be a valid resource quantity')] : [];
}

function hugePageValueError(name: string, quantity: Quantity, opts: PodValidationOptions): string | undefined {
  if (!isHugePageResourceName(name)) return undefined;
  if (!opts.allowIndivisibleHugePagesValues && !isHugePageResourceValueDivisible(name, quantity)) {
    return `${quantity.toString()} is not positive integer multiple of ${name}`;
  }
  return undefined;
}

/**
 * validateResourceRequirements: names, quantities, requests ≤ limits (equal for
 * resources that may not be overcommitted), hugepages need cpu or memory, claims.
 *
 * @example validateResourceRequirements({ requests: { memory: '2Gi' }, limits: { memory: '1Gi' } }, validateContainerResourceName, new Set(), path, opts)
 *   // [spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi]
 */
export function validateResourceRequirements(
  requirements: JsonObject | undefined,
  resourceNameFn: ResourceNameValidator,
  podClaimNames: ReadonlySet<string>,
  fldPath: Path,
  opts: PodValidationOptions,
): ErrorList {
  const req = requirements ?? {};
  const errs: ErrorList = [];
  const limPath = fldPath.child('limits');
  const reqPath = fldPath.child('requests');
  let limContainsCPUOrMemory = false;
  let reqContainsCPUOrMemory = false;
  let limContainsHugePages = false;
  let reqContainsHugePages = false;
  const limits = readResourceList(req.limits);
  for (const [name, quantity] of limits) {
    const p = limPath.key(name);
    errs.push(...resourceNameFn(name, p));
    errs.push(...validateResourceQuantityValue(name, quantity, p));
    if (isHugePageResourceName(name)) {
      limContainsHugePages = true;
      const e = hugePageValueError(name, quantity, opts);
      if (e) errs.push(invalid(p, quantity.toString(), e));
    }
    if (name === 'cpu' || name === 'memory') limContainsCPUOrMemory = true;
  }
  for (const [name, quantity] of readResourceList(req.requests)) {
    const p = reqPath.key(name);
    errs.push(...resourceNameFn(name, p));
    errs.push(...validateResourceQuantityValue(name, quantity, p));
    const limit = findQuantity(limits, name);
    if (limit) {
      // Resources that may not be overcommitted need requests equal to limits.
      if (quantity.cmp(limit) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, quantity.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      } else if (quantity.cmp(limit) > 0) {
        errs.push(invalid(reqPath, quantity.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) {
      reqContainsHugePages = true;
      const e = hugePageValueError(name, quantity, opts);
      if (e) errs.push(invalid(p, quantity.toString(), e));
    }
    if (name === 'cpu' || name === 'memory') reqContainsCPUOrMemory = true;
  }
  if (!limContainsCPUOrMemory && !reqContainsCPUOrMemory && (reqContainsHugePages || limContainsHugePages)) {
    errs.push(forbidden(fldPath, 'HugePages require cpu or memory'));
  }
  errs.push(...validateResourceClaimNames(asList(req.claims), podClaimNames, fldPath.child('claims')));
  return errs;
}

/** ValidateContainerResourceRequirements */
export function validateContainerResourceRequirements(
  requirements: JsonObject | undefined,
  podClaimNames: ReadonlySet<string>,
  fldPath: Path,
  opts: PodValidationOptions,
): ErrorList {
  return validateResourceRequirements(requirements, validateContainerResourceName, podClaimNames, fldPath, opts);
}

/** validatePodResourceRequirements */
export function validatePodResourceRequirements(
  requirements: JsonObject | undefined,
  podClaimNames: ReadonlySet<string>,
  fldPath: Path,
  opts: PodValidationOptions,
): ErrorList {
  return validateResourceRequirements(requirements, validatePodResourceName, podClaimNames, fldPath, opts);
}

/** validateOverhead: a ResourceList checked as container limits. */
export function validateOverhead(overhead: JsonValue | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  return validateContainerResourceRequirements({ limits: overhead ?? null }, new Set(), fldPath, opts);
}

/** validateResourceClaimNames: each entry names one of spec.resourceClaims, once. */
export function validateResourceClaimNames(claims: JsonValue[], podClaimNames: ReadonlySet<string>, fldPath: Path): ErrorList {
  // Nothing to check in an empty list: no set made (every Pod written comes through here).
  if (claims.length === 0) return [];
  const errs: ErrorList = [];
  const names = new Set<string>();
  claims.forEach((c, i) => {
    const claim = asObject(c) ?? {};
    const name = asString(claim.name);
    const request = asString(claim.request);
    if (name === '') {
      errs.push(required(fldPath.index(i), ''));
      return;
    }
    if (names.has(name)) {
      errs.push(duplicate(fldPath.index(i), name));
    } else {
      let key = name;
      if (request !== '') {
        for (const m of isDNS1123Label(request)) errs.push(invalid(fldPath.index(i).child('request'), request, m));
        key += `/${request}`;
      }
      if (names.has(key)) {
        errs.push(duplicate(fldPath.index(i), key));
      } else if (request === '') {
        for (const k of names) {
          const slash = k.indexOf('/');
          if (slash >= 0 && k.slice(0, slash) === name) errs.push(duplicate(fldPath.index(i), name));
        }
      }
      names.add(key);
    }
    if (!podClaimNames.has(name)) {
      const e: FieldErr = notFound(fldPath.index(i), name);
      const detail =
        'must be one of the names in pod.spec.resourceClaims' +
        (podClaimNames.size === 0 ? ' which is empty' : `: ${[...podClaimNames].sort().join(', ')}`);
      errs.push({ ...e, detail });
    }
  });
  return errs;
}
