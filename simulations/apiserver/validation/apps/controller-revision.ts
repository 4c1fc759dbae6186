// ControllerRevision validation.
// src: pkg/apis/apps/validation/validation.go (ValidateControllerRevisionName,
//      ValidateControllerRevision, ValidateControllerRevisionCreate,
//      ValidateControllerRevisionUpdate)
//
// data is a runtime.RawExtension: JSON null (or no data) leaves it nil, which
// is "data is mandatory". Upstream's create validation (its test
// TestValidateControllerRevision) also refuses data that is not a JSON object;
// the source of that check was not available when this was ported, so its
// detail text below is ours. TODO(upstream): replace with upstream's wording.

import { invalid, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asObject } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateNonnegativeField, validateObjectMeta, validateObjectMetaUpdate } from './shared-helpers.ts';

/** ValidateControllerRevisionName. */
export const validateControllerRevisionName = nameIsDNSSubdomain;

/** ValidateControllerRevision: metadata, data present, revision ≥ 0. */
export function validateControllerRevision(revision: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(revision.metadata), true, validateControllerRevisionName, Path.of('metadata'));
  if (revision.data === undefined || revision.data === null) errs.push(required(Path.of('data'), 'data is mandatory'));
  errs.push(...validateNonnegativeField(asInt(revision.revision), Path.of('revision')));
  return errs;
}

/** ValidateControllerRevisionCreate: ValidateControllerRevision, and data must be a JSON object. */
export function validateControllerRevisionCreate(revision: JsonObject): ErrorList {
  const errs = validateControllerRevision(revision);
  if (revision.data !== undefined && revision.data !== null && !asObject(revision.data)) {
    errs.push(invalid(Path.of('data'), '<value omitted>', 'must be a JSON object'));
  }
  return errs;
}

/** ValidateControllerRevisionUpdate: data is immutable (revision may change). */
export function validateControllerRevisionUpdate(revision: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(revision.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateControllerRevision(revision));
  errs.push(...validateImmutableField(revision.data, old.data, Path.of('data')));
  return errs;
}
