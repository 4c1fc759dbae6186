// Core's ObjectMeta checks: apimachinery's, plus the rule that a finalizer
// without a "/" must be one of Kubernetes' own.
// src: pkg/apis/core/validation/validation.go (ValidateObjectMeta, ValidateObjectMetaUpdate,
// validateFinalizerName, validateKubeFinalizerName), pkg/apis/core/helper/helpers.go (IsStandardFinalizerName)

import { invalid, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asList, asString, type JsonObject } from '../../../apimachinery/json.ts';
import { isStandardFinalizerName } from './core-helper.ts';
import {
  validateFinalizerNameGeneric,
  validateObjectMeta as apimachineryValidateObjectMeta,
  validateObjectMetaUpdate as apimachineryValidateObjectMetaUpdate,
  type NameFn,
} from './apimachinery-checks.ts';

/** validateKubeFinalizerName */
function validateKubeFinalizerName(value: string, fldPath: Path): ErrorList {
  if (value.split('/').length === 1 && !isStandardFinalizerName(value)) {
    return [invalid(fldPath, value, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

/** validateFinalizerName: a qualified name, and a standard one when unprefixed. */
export function validateFinalizerName(value: string, fldPath: Path): ErrorList {
  return [...validateFinalizerNameGeneric(value, fldPath), ...validateKubeFinalizerName(value, fldPath)];
}

function kubeFinalizerErrors(meta: JsonObject | undefined, fldPath: Path): ErrorList {
  return asList(meta?.finalizers).flatMap((f, i) => validateKubeFinalizerName(asString(f), fldPath.child('finalizers').index(i)));
}

/** ValidateObjectMeta (core) */
export function validateCoreObjectMeta(meta: JsonObject | undefined, requiresNamespace: boolean, nameFn: NameFn, fldPath: Path): ErrorList {
  return [...apimachineryValidateObjectMeta(meta, requiresNamespace, nameFn, fldPath), ...kubeFinalizerErrors(meta, fldPath)];
}

/** ValidateObjectMetaUpdate (core) */
export function validateCoreObjectMetaUpdate(newMeta: JsonObject | undefined, oldMeta: JsonObject | undefined, fldPath: Path): ErrorList {
  return [...apimachineryValidateObjectMetaUpdate(newMeta, oldMeta, fldPath), ...kubeFinalizerErrors(newMeta, fldPath)];
}
