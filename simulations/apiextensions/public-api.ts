// The extending chapter's public functions (contract:
// /work/shared/contracts/containers-extending.md, extending part).

import { errorString, type FieldErr } from '../apimachinery/field-errors.ts';
import { applyDefaults, pruneNonNullableNullsWithoutDefaults } from './defaulting.ts';
import { prune } from './pruning.ts';
import { validateAgainstSchema } from './openapi-validation.ts';
import { validateStructural } from './structural.ts';
import { admitCustomObject, findVersion, invalidError } from './custom-resource.ts';
import { isPlainObject, type JSONSchemaProps } from './schema-types.ts';
import { deepCopy } from '../apimachinery/deep-copy.ts';
import type { JsonValue } from '../apimachinery/json.ts';

export type { JSONSchemaProps } from './schema-types.ts';

/** A field error as the contract gives it: message = field.Error.Error(). */
export type CrdFieldError = { type: string; field: string; detail: string; message: string };

function toContract(e: FieldErr): CrdFieldError {
  return { type: e.type === 'FieldValueTypeInvalid' ? 'FieldValueInvalid' : e.type, field: e.field, detail: e.detail, message: errorString(e) };
}

function copy<T>(v: T): T {
  return v === undefined ? v : (deepCopy(v as unknown as JsonValue) as unknown as T);
}

/**
 * pruning.PruneWithOptions with ReturnPruned.
 * @example pruneObject({properties:{a:{}}}, {a:1, b:2}) // {object:{a:1}, prunedPaths:['b']}
 */
export function pruneObject(schema: JSONSchemaProps | null, obj: unknown, options?: { isResourceRoot?: boolean }): { object: unknown; prunedPaths: string[] } {
  const object = copy(obj);
  const prunedPaths = prune(object, schema ?? null, options?.isResourceRoot === true);
  return { object, prunedPaths };
}

/**
 * defaulting.Default (after PruneNonNullableNullsWithoutDefaults, as the decoder runs them).
 * @example defaultCustomObject({properties:{a:{default:'A'}}}, {}) // {a:'A'}
 */
export function defaultCustomObject(schema: JSONSchemaProps | null, obj: unknown): unknown {
  const object = copy(obj);
  pruneNonNullableNullsWithoutDefaults(object, schema);
  applyDefaults(object, schema);
  return object;
}

/** validation.ValidateCustomResource with a nil path: the errors of one object against one schema. */
export function validateCustomResource(schema: JSONSchemaProps, obj: unknown): CrdFieldError[] {
  return validateAgainstSchema(isPlainObject(schema) ? schema : {}, obj).map(toContract);
}

/** schema.ValidateStructural on a CRD version's openAPIV3Schema. */
export function validateStructuralSchema(schema: JSONSchemaProps, fldPath = 'spec.versions[0].schema.openAPIV3Schema'): CrdFieldError[] {
  return validateStructural(isPlainObject(schema) ? schema : {}, fldPath).map(toContract);
}

/**
 * POST of a custom object to the CRD's endpoint: the stored object, or the
 * API server's error text (`Foo.tests.example.com "foo" is invalid: ...`).
 */
export function createCustomResource(crd: object, obj: object): { object: object } | { error: string } {
  const o = isPlainObject(obj) ? obj : {};
  const info = findVersion(crd, typeof o.apiVersion === 'string' ? o.apiVersion : '', typeof o.kind === 'string' ? o.kind : '');
  if ('error' in info) return { error: info.error };
  const admitted = admitCustomObject(info, o);
  const meta = isPlainObject(admitted.object.metadata) ? admitted.object.metadata : {};
  if (admitted.errors.length > 0) return { error: invalidError(info, typeof meta.name === 'string' ? meta.name : '', admitted.errors).message };
  const stored = admitted.object;
  if (!isPlainObject(stored.metadata)) stored.metadata = {};
  const m = stored.metadata as Record<string, unknown>;
  m.generation = 1;
  return { object: stored };
}
