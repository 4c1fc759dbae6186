// JSON merge patch (RFC 7386), what kubectl apply uses for kinds it does not
// know (CRDs): staging/src/k8s.io/apimachinery/pkg/util/jsonmergepatch/patch.go
// (CreateThreeWayJSONMergePatch) on top of github.com/evanphx/json-patch
// (CreateMergePatch, MergePatch). Lists are always replaced whole.

import { clone, deepEqual, goKind, has, isMap, set } from '../go-values.ts';
import type { JsonObject, JsonValue } from '../go-values.ts';

/**
 * CreateThreeWayJSONMergePatch: additions and changes against live, deletions
 * against last-applied, as for strategic merge patch but with no list merging.
 *
 * @example
 *   createThreeWayJsonMergePatch({ spec: { a: 1, b: 2 } }, { spec: { a: 1 } }, { spec: { a: 1, b: 2, c: 3 } })
 *   // → { spec: { b: null } }
 */
export function createThreeWayJsonMergePatch(original: JsonObject | null, modified: JsonObject | null, current: JsonObject | null): JsonObject {
  const addAndChange = keepOrDeleteNull(createMergePatch(current ?? {}, modified ?? {}), false);
  const deletions = keepOrDeleteNull(createMergePatch(original ?? {}, modified ?? {}), true);
  // mergepatch.HasConflicts can only fire when both touch the same leaf, which
  // these two never do (one holds only nulls, the other none), so it is not repeated here.
  return mergeMergePatches(deletions, addAndChange);
}

/** evanphx CreateMergePatch (getDiff): the RFC 7386 patch from a to b. */
export function createMergePatch(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const key of Object.keys(b)) {
    const bv = b[key];
    if (!has(a, key)) {
      set(into, key, clone(bv));
      continue;
    }
    const av = a[key];
    if (goKindJson(av) !== goKindJson(bv)) {
      set(into, key, clone(bv));
      continue;
    }
    if (isMap(av)) {
      const dst = createMergePatch(av, bv as JsonObject);
      if (Object.keys(dst).length > 0) set(into, key, dst);
    } else if (!deepEqual(av, bv)) {
      set(into, key, clone(bv));
    }
  }
  for (const key of Object.keys(a)) {
    if (!has(b, key)) set(into, key, null);
  }
  return into;
}

/** evanphx decodes every number as float64, so ints and floats are one kind there. */
function goKindJson(v: JsonValue): string {
  const k = goKind(v);
  return k === 'int64' ? 'float64' : k;
}

/** keepOrDeleteNullInObj: keep only the nulls (deletions) or only the non-nulls. */
function keepOrDeleteNull(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(m)) {
    const val = m[key];
    if (keepNull && val === null) {
      set(out, key, null);
    } else if (val !== null) {
      if (isMap(val)) {
        // An explicitly empty map is a value, not an empty patch.
        if (Object.keys(val).length === 0) {
          if (!keepNull) set(out, key, val);
          continue;
        }
        const sub = keepOrDeleteNull(val, keepNull);
        if (Object.keys(sub).length > 0) set(out, key, sub);
      } else if (!keepNull) {
        set(out, key, val);
      }
    }
  }
  return out;
}

/** jsonpatch.MergePatch(deletePatch, addAndChangePatch) for two patches without overlap. */
function mergeMergePatches(doc: JsonObject, patch: JsonObject): JsonObject {
  const out = clone(doc);
  for (const key of Object.keys(patch)) {
    const pv = patch[key];
    if (has(out, key) && isMap(out[key]) && isMap(pv)) set(out, key, mergeMergePatches(out[key] as JsonObject, pv));
    else set(out, key, clone(pv));
  }
  return out;
}

/**
 * Applies an RFC 7386 merge patch, as the API server does for
 * `Content-Type: application/merge-patch+json`: null deletes, maps merge,
 * everything else (lists included) replaces.
 *
 * @example applyJsonMergePatch({ a: [1, 2], b: 1 }, { a: [3], b: null }) // → { a: [3] }
 */
export function applyJsonMergePatch(doc: JsonValue, patch: JsonValue): JsonValue {
  // evanphx merge(): a patch value replacing a non-object has its nested nulls pruned.
  if (!isMap(doc)) return pruneNulls(clone(patch));
  if (!isMap(patch)) return clone(patch);
  const out: JsonObject = clone(doc);
  for (const key of Object.keys(patch)) {
    const pv = patch[key];
    if (pv === null) {
      delete out[key];
    } else {
      set(out, key, applyJsonMergePatch(has(out, key) ? out[key] : null, pv));
    }
  }
  return out;
}

/** pruneNulls: drops null members of objects, recursively (null list elements stay). */
function pruneNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(pruneNulls);
  if (isMap(value)) {
    for (const k of Object.keys(value)) {
      if (value[k] === null) delete value[k];
      else set(value, k, pruneNulls(value[k]));
    }
  }
  return value;
}
