// Lease (coordination.k8s.io/v1) validation.
// src: pkg/apis/coordination/validation/validation.go (ValidateLease,
//      ValidateLeaseUpdate, ValidateLeaseSpec, ValidateCoordinatedLeaseStrategy)

import { forbidden, invalid, notSupported } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asObject, asOptionalInt, asOptionalString } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { isQualifiedName, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from '../apps/shared-helpers.ts';

const VALID_LEASE_STRATEGIES = ['OldestEmulationVersion'];

/**
 * ValidateCoordinatedLeaseStrategy: a Kubernetes-defined name, or a
 * prefixed qualified name. Upstream's callers pass a path already ending in
 * "strategy" and it appends another: the error is at spec.strategy.strategy.
 */
export function validateCoordinatedLeaseStrategy(strategy: string, path: Path): ErrorList {
  const parts = strategy.split('/');
  if (parts.length === 1) {
    return VALID_LEASE_STRATEGIES.includes(parts[0]) ? [] : [notSupported(path.child('strategy'), strategy, VALID_LEASE_STRATEGIES)];
  }
  return isQualifiedName(strategy).map((m) => invalid(path.child('strategy'), strategy, m));
}

/** ValidateLeaseSpec. */
export function validateLeaseSpec(spec: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const duration = asOptionalInt(spec.leaseDurationSeconds);
  if (duration !== undefined && duration <= 0) errs.push(invalid(path.child('leaseDurationSeconds'), duration, 'must be greater than 0'));
  const transitions = asOptionalInt(spec.leaseTransitions);
  if (transitions !== undefined && transitions < 0) errs.push(invalid(path.child('leaseTransitions'), transitions, 'must be greater than or equal to 0'));
  const strategy = asOptionalString(spec.strategy);
  if (strategy !== undefined) errs.push(...validateCoordinatedLeaseStrategy(strategy, path.child('strategy')));
  const preferredHolder = asOptionalString(spec.preferredHolder);
  if (preferredHolder !== undefined && preferredHolder !== '' && (strategy === undefined || strategy === '')) {
    errs.push(forbidden(path.child('preferredHolder'), 'may only be specified if `strategy` is defined'));
  }
  return errs;
}

/** ValidateLease. */
export function validateLease(lease: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(lease.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateLeaseSpec(asObject(lease.spec) ?? {}, Path.of('spec')));
  return errs;
}

/** ValidateLeaseUpdate. */
export function validateLeaseUpdate(lease: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(lease.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateLeaseSpec(asObject(lease.spec) ?? {}, Path.of('spec')));
  return errs;
}
