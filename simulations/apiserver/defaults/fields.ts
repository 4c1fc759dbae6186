// How a Go defaulter's reads and writes look on a decoded v1 JSON object.
//
// SetDefaults_<Type> works on Go structs, where an absent field already holds
// its zero value: a non-pointer struct is there (empty), a pointer is nil, a
// string is "". These helpers read the JSON the same way, and never touch a
// field holding another JSON type than the Go field's: the decoder rejects
// that object on its own (strict decoding), so the defaulter leaves it alone.
//
// What is written is what the API server would print after defaulting: Go
// omits an empty map or slice (`omitempty`), so a defaulter never adds `{}` or
// `[]` where Go would only have made an empty map; a pointer to an empty
// struct (`securityContext: {}`, `emptyDir: {}`) is printed, so that is added.

import { asObject, setOwn } from '../../apimachinery/json.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/json.ts';

/** A Go nil pointer, nil map or nil slice: the field is absent or null. */
export function isNil(v: unknown): boolean {
  return v === undefined || v === null;
}

/**
 * A non-pointer struct field (`spec`, `template`, `strategy`): Go always has
 * it, so it is created empty when absent or null. Undefined when the field
 * holds another JSON type (a decode error elsewhere).
 */
export function struct(parent: JsonObject, key: string): JsonObject | undefined {
  const v = parent[key];
  if (isNil(v)) {
    const created: JsonObject = {};
    setOwn(parent, key, created);
    return created;
  }
  return asObject(v);
}

/** A pointer-to-struct field: the object when set, undefined when nil (or another JSON type). */
export function pointer(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  return parent ? asObject(parent[key]) : undefined;
}

/** The elements of a slice of structs that are objects (others are decode errors). */
export function structs(v: unknown): JsonObject[] {
  if (!Array.isArray(v)) return [];
  const out: JsonObject[] = [];
  for (const item of v) {
    const o = asObject(item);
    if (o) out.push(o);
  }
  return out;
}

/** `if obj.Field == "" { obj.Field = value }` for a string field (absent and null read as ""). */
export function defaultString(obj: JsonObject, key: string, value: string): void {
  const v = obj[key];
  if (isNil(v) || v === '') setOwn(obj, key, value);
}

/** `if obj.Field == nil { obj.Field = &value }` for a pointer to a scalar. */
export function defaultPointer(obj: JsonObject, key: string, value: string | number | boolean): void {
  if (isNil(obj[key])) setOwn(obj, key, value);
}

/** `if obj.Field == 0 { obj.Field = value }` for a plain integer field. */
export function defaultInt(obj: JsonObject, key: string, value: number): void {
  const v = obj[key];
  if (isNil(v) || v === 0) setOwn(obj, key, value);
}

/** Sets a field to a value built fresh for it (never shared between objects). */
export function put(obj: JsonObject, key: string, value: JsonValue): void {
  setOwn(obj, key, value);
}

/** len(m) for a Go map field (0 when nil or of another JSON type). */
export function mapLen(v: unknown): number {
  const o = asObject(v);
  return o ? Object.keys(o).length : 0;
}
