// JSON values as Go sees them after k8s.io/apimachinery/pkg/util/json.Unmarshal
// into interface{}: maps, slices, strings, bools, nil, and numbers that are
// int64 when integral and float64 otherwise. The strategic merge patch code
// compares values with reflect.TypeOf, reflect.DeepEqual, `==` and
// fmt.Sprintf("%v"), so those are reproduced here.
//
// Keys such as `__proto__` are ordinary data: objects are created with
// Object.create(null)-free literals but every write goes through setOwn.

import type { JsonObject, JsonValue } from './json.ts';
import { setOwn } from './json.ts';
import { deepCopy } from './deep-copy.ts';

export type { JsonObject, JsonValue };

/** The dynamic Go type of a decoded JSON value (reflect.TypeOf). */
export type GoKind = 'nil' | 'bool' | 'int64' | 'float64' | 'string' | 'slice' | 'map';

export function goKind(value: JsonValue | undefined): GoKind {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return 'slice';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      // apimachinery's json decoder keeps integral numbers as int64 (convertNumber).
      return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? 'int64' : 'float64';
    default:
      return 'map';
  }
}

export function isMap(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Reads an own property only (never the prototype chain). */
export function get(object: JsonObject, key: string): JsonValue | undefined {
  return has(object, key) ? object[key] : undefined;
}

export function set(object: JsonObject, key: string, value: JsonValue): void {
  setOwn(object as Record<string, unknown>, key, value);
}

/** A fresh empty map. */
export function newMap(): JsonObject {
  return {};
}

/** reflect.DeepEqual on decoded JSON. */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  const ka = goKind(a);
  if (ka !== goKind(b)) return false;
  if (ka === 'slice') {
    const la = a as JsonValue[];
    const lb = b as JsonValue[];
    return la.length === lb.length && la.every((v, i) => deepEqual(v, lb[i]));
  }
  if (ka === 'map') {
    const ma = a as JsonObject;
    const mb = b as JsonObject;
    const keys = Object.keys(ma);
    if (keys.length !== Object.keys(mb).length) return false;
    return keys.every((k) => has(mb, k) && deepEqual(ma[k], mb[k]));
  }
  return false;
}

/** Go's `==` on two interface{} values holding scalars (maps and slices never compare equal here). */
export function goEquals(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const ka = goKind(a);
  if (ka !== goKind(b) || ka === 'map' || ka === 'slice') return false;
  return a === b || (ka === 'nil');
}

/** A deep copy (deep-copy.ts: one implementation for all JSON data). */
export function clone<T extends JsonValue | undefined>(value: T): T {
  return deepCopy(value);
}

/** fmt.Sprintf("%v", v) for decoded JSON, used by upstream to sort and to print errors. */
export function goFmtV(value: JsonValue | undefined): string {
  switch (goKind(value)) {
    case 'nil':
      return '<nil>';
    case 'bool':
    case 'string':
    case 'int64':
      return String(value);
    case 'float64':
      return formatFloatG(value as number);
    case 'slice':
      return `[${(value as JsonValue[]).map((v) => goFmtV(v)).join(' ')}]`;
    case 'map': {
      // fmt prints maps with their keys sorted (Go 1.12+).
      const m = value as JsonObject;
      return `map[${sortGoStrings(Object.keys(m))
        .map((k) => `${k}:${goFmtV(m[k])}`)
        .join(' ')}]`;
    }
  }
}

/**
 * fmt's %v for a float64: strconv 'g' with the shortest digits, and (because
 * the precision is "shortest") exponent form when exp < -4 or exp >= 6.
 *
 * @example formatFloatG(0.5) // "0.5";  formatFloatG(1234567.5) // "1.2345675e+06"
 */
export function formatFloatG(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : f < 0 ? '-Inf' : 'NaN';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // Shortest round-trip digits, as strconv finds them.
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(f);
}

/** Go compares strings byte by byte (UTF-8); JS compares UTF-16 code units. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  // Fast path: ASCII-only strings order the same way in both encodings.
  if (/^[\x00-\x7f]*$/.test(a) && /^[\x00-\x7f]*$/.test(b)) return a < b ? -1 : 1;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function sortGoStrings(list: string[]): string[] {
  return [...list].sort(compareGoStrings);
}

/**
 * Go's sort.Sort with upstream's non-strict Less (`sort.StringsAreSorted([i, j])`,
 * i.e. i <= j). For up to 12 elements pdqsort is an insertion sort, which with a
 * non-strict Less reverses runs of equal keys; larger inputs use a stable sort
 * here (the only difference is the order of duplicates).
 * Sorts in place, as upstream does, and returns the same array.
 */
export function goSortByString<T>(list: T[], keyOf: (item: T) => string): T[] {
  const keys = list.map(keyOf);
  const lessOrEqual = (i: number, j: number) => compareGoStrings(keys[i], keys[j]) <= 0;
  if (list.length <= 12) {
    for (let i = 1; i < list.length; i++) {
      for (let j = i; j > 0 && lessOrEqual(j, j - 1); j--) {
        [list[j], list[j - 1]] = [list[j - 1], list[j]];
        [keys[j], keys[j - 1]] = [keys[j - 1], keys[j]];
      }
    }
    return list;
  }
  const order = list.map((item, index) => ({ item, key: keys[index] }));
  order.sort((a, b) => compareGoStrings(a.key, b.key));
  order.forEach((entry, index) => (list[index] = entry.item));
  return list;
}

/** sortScalars: sorts in place by the %v representation. */
export function sortScalars(list: JsonValue[]): JsonValue[] {
  return goSortByString(list, goFmtV);
}

/** deduplicateScalars: upstream's swap-with-last algorithm (order matters for results). */
export function deduplicateScalars(input: JsonValue[]): JsonValue[] {
  const s = input;
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEquals(s[i], s[j])) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}
