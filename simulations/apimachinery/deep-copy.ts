// One deep copy of JSON data (decoded objects, stored objects, patches): the
// store hands out copies so a caller can never change what it holds.
//
// Hand-written rather than structuredClone: both copy JSON values correctly
// (an own "__proto__" key stays data), but on a Pod of ~170 fields
// structuredClone took ~160 µs a copy against ~20-35 µs here (Node 20, a
// loaded 2-core machine; JSON.parse(JSON.stringify()) ~140 µs), and the API
// server copies on every read and write.

import type { JsonValue } from './json.ts';

/**
 * A deep copy of a JSON value. Objects come back as plain objects with the
 * same keys in the same order; an own `__proto__` key is copied as data, never
 * as a prototype.
 *
 * @example const copy = deepCopy(pod); copy.metadata.labels.app = 'x'; // pod unchanged
 */
export function deepCopy<T extends JsonValue | undefined>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  return copyNode(value as JsonValue) as T;
}

function copyNode(v: JsonValue): JsonValue {
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array<JsonValue>(n);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      out[i] = x === null || typeof x !== 'object' ? x : copyNode(x);
    }
    return out;
  }
  const src = v as Record<string, JsonValue>;
  const out: Record<string, JsonValue> = {};
  // for-in is the fastest walk in V8 here; decoded JSON has no inherited enumerable keys.
  for (const k in src) {
    const x = src[k];
    const c = x === null || typeof x !== 'object' ? x : copyNode(x);
    if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out;
}
