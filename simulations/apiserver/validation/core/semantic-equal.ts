// apiequality.Semantic.DeepEqual on v1 JSON: nil and empty slices and maps
// are equal (the forked reflect.DeepEqual apimachinery uses), quantities
// compare by value, and an absent field equals null.
// src: staging/src/k8s.io/apimachinery/pkg/api/equality/semantic.go,
// third_party/forked/golang/reflect/deep_equal.go

import type { JsonValue } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';

function isEmpty(v: JsonValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

// Fields whose values are resource.Quantity (directly, or as a ResourceList's values).
const QUANTITY_FIELDS = new Set(['sizeLimit', 'divisor']);
const QUANTITY_LISTS = new Set(['limits', 'requests', 'overhead', 'capacity', 'allocatable', 'allocatedResources', 'hard', 'used']);

/**
 * Semantic equality of two JSON values. `{}` is kept distinct from absent
 * (a pointer to an empty struct is not nil); quantities ("1", 1, "1000m")
 * compare by value where the field holds one.
 *
 * @example semanticEqual({ a: [] }, {}) // true
 */
export function semanticEqual(a: JsonValue | undefined, b: JsonValue | undefined, quantity = false): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (a === undefined || a === null || b === undefined || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (typeof a === 'object' || typeof b === 'object') {
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (QUANTITY_LISTS.has(k)) {
        const x = a[k];
        const y = b[k];
        const xo = x !== null && typeof x === 'object' && !Array.isArray(x) ? x : {};
        const yo = y !== null && typeof y === 'object' && !Array.isArray(y) ? y : {};
        if (!(isEmpty(x) || typeof x === 'object') || !(isEmpty(y) || typeof y === 'object')) return false;
        const names = new Set([...Object.keys(xo), ...Object.keys(yo)]);
        for (const n of names) if (!semanticEqual(xo[n], yo[n], true)) return false;
      } else if (!semanticEqual(a[k], b[k], QUANTITY_FIELDS.has(k))) {
        return false;
      }
    }
    return true;
  }
  if (a === b) return true;
  if (!quantity) return false;
  const qa = Quantity.tryParse(a);
  const qb = Quantity.tryParse(b);
  return qa !== undefined && qb !== undefined && qa.cmp(qb) === 0;
}

/** The paths (dotted) where two JSON values differ semantically, for a readable diff. */
export function semanticDiff(a: JsonValue | undefined, b: JsonValue | undefined, prefix = ''): string[] {
  if (semanticEqual(a, b)) return [];
  const aObj = a !== null && typeof a === 'object' && !Array.isArray(a);
  const bObj = b !== null && typeof b === 'object' && !Array.isArray(b);
  if (aObj && bObj) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => semanticDiff(a[k], b[k], prefix === '' ? k : `${prefix}.${k}`));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((x, i) => semanticDiff(x, b[i], `${prefix}[${i}]`));
  }
  return [prefix];
}
