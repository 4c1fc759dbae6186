// Defaulting: `default` values of a structural schema fill missing fields
// (and non-nullable nulls) when an object is decoded.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting/algorithm.go (Default)
//      staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting/prunenulls.go (PruneNonNullableNullsWithoutDefaults)

import { deepCopy } from '../apimachinery/deep-copy.ts';
import type { JsonValue } from '../apimachinery/json.ts';
import { setOwn } from '../apimachinery/json.ts';
import { additionalPropertiesOf, isPlainObject, itemsOf, type JSONSchemaProps } from './schema-types.ts';

function hasDefault(s: JSONSchemaProps | null | undefined): s is JSONSchemaProps {
  return !!s && s.default !== undefined && s.default !== null;
}

/** isNonNullableNull: x is null and s says the field is not nullable. */
function isNonNullableNull(x: unknown, s: JSONSchemaProps | null | undefined): boolean {
  return x === null && !!s && s.nullable !== true;
}

function properties(s: JSONSchemaProps): [string, JSONSchemaProps][] {
  if (!isPlainObject(s.properties)) return [];
  return Object.entries(s.properties).map(([k, v]) => [k, isPlainObject(v) ? (v as JSONSchemaProps) : {}]);
}

/** Default: fills defaults into x in place (defaults are deep-copied). */
export function applyDefaults(x: unknown, s: JSONSchemaProps | null | undefined): void {
  if (!s) return;
  if (isPlainObject(x)) {
    for (const [k, prop] of properties(s)) {
      if (!hasDefault(prop)) continue;
      if (!Object.prototype.hasOwnProperty.call(x, k) || isNonNullableNull(x[k], prop)) setOwn(x, k, deepCopy(prop.default as JsonValue));
    }
    const additional = additionalPropertiesOf(s);
    for (const k of Object.keys(x)) {
      const prop = isPlainObject(s.properties) && Object.prototype.hasOwnProperty.call(s.properties, k) ? ((s.properties[k] ?? {}) as JSONSchemaProps) : undefined;
      if (prop) applyDefaults(x[k], prop);
      else if (additional && additional.schema) {
        if (isNonNullableNull(x[k], additional.schema) && hasDefault(additional.schema)) x[k] = deepCopy(additional.schema.default as JsonValue);
        applyDefaults(x[k], additional.schema);
      }
    }
  } else if (Array.isArray(x)) {
    const items = itemsOf(s);
    for (let i = 0; i < x.length; i++) {
      if (isNonNullableNull(x[i], items) && hasDefault(items)) x[i] = deepCopy(items.default as JsonValue);
      applyDefaults(x[i], items);
    }
  }
}

/**
 * PruneNonNullableNullsWithoutDefaults: a null where the schema does not allow
 * null and has no default to put there is dropped (from objects) before defaulting.
 */
export function pruneNonNullableNullsWithoutDefaults(x: unknown, s: JSONSchemaProps | null | undefined): void {
  if (!s) return;
  if (isPlainObject(x)) {
    const additional = additionalPropertiesOf(s);
    for (const k of Object.keys(x)) {
      const prop = isPlainObject(s.properties) && Object.prototype.hasOwnProperty.call(s.properties, k) ? ((s.properties[k] ?? {}) as JSONSchemaProps) : additional?.schema ?? undefined;
      if (!prop) continue;
      if (x[k] === null && prop.nullable !== true && !hasDefault(prop)) {
        delete x[k];
        continue;
      }
      pruneNonNullableNullsWithoutDefaults(x[k], prop);
    }
  } else if (Array.isArray(x)) {
    const items = itemsOf(s);
    for (const v of x) pruneNonNullableNullsWithoutDefaults(v, items);
  }
}
