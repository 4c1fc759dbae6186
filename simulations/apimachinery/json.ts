// JSON data as Kubernetes objects hold it once decoded from YAML or JSON: the
// values of encoding/json's interface{} (unstructured.Unstructured's content).
// src: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/unstructured.go

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Sets a property as plain data, even for `__proto__`, without touching prototypes. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

// Readers with Go's decoding in mind: a field that is absent, null or of the
// wrong JSON type reads as absent (pointer fields) or as its zero value (plain
// fields), so a validator never trips over input the decoder would refuse.

/** The value if it is a JSON object (a Go struct or map), else undefined (a nil pointer). */
export function asObject(v: unknown): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** A string field: "" when absent (Go's zero value). */
export function asString(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A pointer to a string: undefined when absent. */
export function asOptionalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A pointer to an integer (*int32, *int64): undefined when absent. */
export function asOptionalInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** An integer field: 0 when absent. */
export function asInt(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** A pointer to a bool: undefined when absent. */
export function asOptionalBool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** A bool field: false when absent. */
export function asBool(v: unknown): boolean {
  return v === true;
}

/** A slice: [] when absent. */
export function asList(v: unknown): JsonValue[] {
  return Array.isArray(v) ? (v as JsonValue[]) : [];
}

/** A map[string]string: {} when absent; non-string values are left out. */
export function asStringMap(v: unknown): Record<string, string> {
  const o = asObject(v);
  if (!o) return {};
  const out: Record<string, string> = {};
  for (const key of Object.keys(o)) {
    const value = o[key];
    if (typeof value === 'string') setOwn(out, key, value);
  }
  return out;
}
