// Reading the notebook's own documents (PodBehavior): known fields only, and
// objects where objects are expected. Built-in kinds are read by the API server
// (simulations/apiserver/: strict decoding, defaults, validation), not here.

import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Rejects fields that are not in `known`, as strict field validation does. */
export function checkKnownFields(obj: JsonObject, known: readonly string[], root: object, path: FieldPath, typeName: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) {
      throw new ValidationError(`unknown field "${key}" in ${typeName}`, { object: root, path: [...path, key] });
    }
  }
}

export function requireObject(v: JsonValue | undefined, root: object, path: FieldPath, what = 'a mapping'): JsonObject {
  if (v === undefined || v === null) throw new ValidationError('Required value', { object: root, path });
  if (!isObject(v)) throw new ValidationError(`Invalid value: must be ${what}`, { object: root, path });
  return v;
}
