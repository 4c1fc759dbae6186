// ServiceAccount validation: only its metadata (a DNS subdomain name).
// src: pkg/apis/core/validation/validation.go (ValidateServiceAccount, ValidateServiceAccountUpdate)

import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asObject, type JsonObject } from '../../../apimachinery/json.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './object-meta.ts';
import { nameIsDNSSubdomain } from './apimachinery-checks.ts';

/** ValidateServiceAccount (ValidateServiceAccountName is NameIsDNSSubdomain). */
export function validateServiceAccount(obj: JsonObject): ErrorList {
  return validateCoreObjectMeta(asObject(obj.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
}

/** ValidateServiceAccountUpdate. */
export function validateServiceAccountUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateServiceAccount(obj));
  return errs;
}
