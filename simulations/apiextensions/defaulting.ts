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

const withDefaults = new WeakMap<JSONSchemaProps, [string, JSONSchemaProps][]>();

/** The properties that have a default (computed once per schema object). */
function properties(s: JSONSchemaProps): [string, JSONSchemaProps][] {
  let list = withDefaults.get(s);
  if (!list) {
    list = isPlainObject(s.properties)
      ? Object.entries(s.properties)
          .map(([k, v]): [string, JSONSchemaProps] => [k, isPlainObject(v) ? (v as JSONSchemaProps) : {}])
          .filter(([, v]) => hasDefault(v))
      : [];
    withDefaults.set(s, list);
  }
  return list;
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
    const props = isPlainObject(s.properties) ? (s.properties as Record<string, unknown>) : undefined;
    for (const k of Object.keys(x)) {
      const v = x[k];
      // A scalar has nothing to default below it; only a null may be replaced (by additionalProperties' default).
      if (typeof v !== 'object' || (v === null && !additional)) continue;
      const prop = props !== undefined && Object.prototype.hasOwnProperty.call(props, k) ? ((props[k] ?? {}) as JSONSchemaProps) : undefined;
      if (prop) applyDefaults(v, prop);
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
    const props = isPlainObject(s.properties) ? (s.properties as Record<string, unknown>) : undefined;
    for (const k of Object.keys(x)) {
      const v = x[k];
      if (typeof v !== 'object') continue; // scalars: nothing to drop
      const prop = props !== undefined && Object.prototype.hasOwnProperty.call(props, k) ? ((props[k] ?? {}) as JSONSchemaProps) : additional?.schema ?? undefined;
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
