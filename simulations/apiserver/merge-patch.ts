// application/merge-patch+json: RFC 7386 JSON Merge Patch, as kube-apiserver
// applies it (evanphx/json-patch MergePatch): objects merge key by key, null
// deletes a key, anything else (arrays included) replaces.
// src: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (jsonPatcher, mergePatchType)

import type { JsonObject, JsonValue } from '../apimachinery/json.ts';
import { setOwn } from '../apimachinery/json.ts';
import { deepCopy } from '../apimachinery/deep-copy.ts';

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Applies `patch` to `target` and returns a new value; `target` is not changed.
 *
 * @example
 *   mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: [1] })
 *   // { a: 1, b: { d: 3, e: 4 }, f: [1] }
 */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return deepCopy(patch);
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) delete out[key];
    else setOwn(out, key, mergePatch(out[key], value));
  }
  return out;
}
