// PriorityClass validation.
// src: pkg/apis/scheduling/validation/validation.go (ValidatePriorityClass,
//      ValidatePriorityClassUpdate), pkg/apis/scheduling/v1/helpers.go
//      (SystemPriorityClasses, IsKnownSystemPriorityClass),
//      pkg/apis/scheduling/types.go (HighestUserDefinablePriority, SystemCriticalPriority),
//      pkg/apis/core/validation/validation.go (ValidatePreemptionPolicy)

import { forbidden, notSupported } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asBool, asInt, asObject, asOptionalString, asString } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { nameIsDNSSubdomain, validateImmutablePointer, validateObjectMeta, validateObjectMetaUpdate } from '../apps/shared-helpers.ts';

/** HighestUserDefinablePriority; SystemCriticalPriority is twice it. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';

/** The priority classes created at cluster bootstrap. */
const SYSTEM_PRIORITY_CLASSES: readonly { name: string; value: number; globalDefault: boolean }[] = [
  { name: 'system-node-critical', value: SYSTEM_CRITICAL_PRIORITY + 1000, globalDefault: false },
  { name: 'system-cluster-critical', value: SYSTEM_CRITICAL_PRIORITY, globalDefault: false },
];

/** IsKnownSystemPriorityClass: null when known with the right value and globalDefault, else why not. */
function knownSystemPriorityClassError(name: string, value: number, globalDefault: boolean): string | null {
  for (const spc of SYSTEM_PRIORITY_CLASSES) {
    if (spc.name !== name) continue;
    if (spc.value !== value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
    if (spc.globalDefault !== globalDefault) return `globalDefault of ${spc.name} PriorityClass must be ${spc.globalDefault}`;
    return null;
  }
  return `${name} is not a known system priority class`;
}

/** ValidatePreemptionPolicy (core validation). */
function validatePreemptionPolicy(policy: string, path: Path): ErrorList {
  return policy === 'PreemptLowerPriority' || policy === 'Never' ? [] : [notSupported(path, policy, ['PreemptLowerPriority', 'Never'])];
}

/** ValidatePriorityClass: the system- prefix is reserved, user values are capped. */
export function validatePriorityClass(pc: JsonObject): ErrorList {
  const meta = asObject(pc.metadata);
  const errs = validateObjectMeta(meta, false, nameIsDNSSubdomain, Path.of('metadata'));
  const name = asString(meta?.name);
  const value = asInt(pc.value);
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const e = knownSystemPriorityClassError(name, value, asBool(pc.globalDefault));
    if (e !== null) errs.push(forbidden(Path.of('metadata', 'name'), `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${e}`));
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden(Path.of('value'), `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  const preemptionPolicy = asOptionalString(pc.preemptionPolicy);
  if (preemptionPolicy !== undefined) errs.push(...validatePreemptionPolicy(preemptionPolicy, Path.of('preemptionPolicy')));
  return errs;
}

/** ValidatePriorityClassUpdate: value and preemptionPolicy are immutable (the name is, by metadata). */
export function validatePriorityClassUpdate(pc: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(pc.metadata), asObject(old.metadata), Path.of('metadata'));
  if (asInt(pc.value) !== asInt(old.value)) errs.push(forbidden(Path.of('value'), 'may not be changed in an update.'));
  errs.push(...validateImmutablePointer(pc.preemptionPolicy, old.preemptionPolicy, Path.of('preemptionPolicy')));
  return errs;
}
