// Patch application: mergeMap and friends, ported from
// staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go as of
// apimachinery v0.32 (with removeDirectives and discardNullValuesFromPatch;
// checked against `kubectl patch --local` 1.32).
//
// The same mergeMap also combines the deletions patch with the
// additions/changes patch when kubectl creates a three-way patch
// (MergeParallelList: false keeps the parallel lists and nulls as they are).

import { deduplicateScalars, deepEqual, goEquals, goFmtV, goKind, has, isMap, set } from '../go-values.ts';
import type { JsonObject, JsonValue } from '../go-values.ts';
import type { LookupPatchMeta } from './patch-meta.ts';
import {
  SmpError,
  sentinelError,
  errBadArgType,
  errBadPatchType,
  errNoMergeKey,
} from './errors.ts';
import {
  deleteDirective,
  deleteFromPrimitiveListDirectivePrefix,
  directiveMarker,
  extractRetainKeysPatchStrategy,
  mergeDirective,
  replaceDirective,
  retainKeysDirective,
  setElementOrderDirectivePrefix,
} from './directives.ts';
import {
  extractToDeleteItems,
  findMapInSliceBasedOnKeyValue,
  normalizeElementOrder,
  partitionMapsByPresentInList,
  partitionPrimitivesByPresentInList,
  sliceElementType,
} from './order.ts';

export interface MergeOptions {
  /** Server side: apply $deleteFromPrimitiveList lists. Client side (three-way creation): keep them. */
  mergeParallelList: boolean;
  /** Server side: a null for a key the original lacks is dropped instead of kept. */
  ignoreUnmatchedNulls: boolean;
}

/** mergeMap: merges `patch` into `original` (both may be modified). */
export function mergeMap(originalIn: JsonObject | null, patch: JsonObject, schema: LookupPatchMeta, options: MergeOptions): JsonObject {
  if (has(patch, directiveMarker)) return handleDirectiveInMergeMap(patch[directiveMarker], patch);
  const original = originalIn ?? {};
  applyRetainKeysDirective(original, patch, options);
  mergePatchIntoOriginal(original, patch, schema, options);

  for (const patchKey of Object.keys(patch)) {
    if (!has(patch, patchKey)) continue;
    const patchV = patch[patchKey];
    let k = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(deleteFromPrimitiveListDirectivePrefix)) {
      if (!options.mergeParallelList) {
        set(original, patchKey, patchV);
        continue;
      }
      k = extractKey(patchKey, deleteFromPrimitiveListDirectivePrefix);
      isDeleteList = true;
    }

    if (patchV === null) {
      delete original[k];
      if (options.ignoreUnmatchedNulls) continue;
    }

    if (!has(original, k)) {
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV);
        const [value, keep] = removeDirectives(patchV);
        if (keep) set(original, k, value);
        else delete original[k];
      }
      continue;
    }

    const originalKind = goKind(original[k]);
    if (originalKind !== goKind(patchV)) {
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV);
        const [value, keep] = removeDirectives(patchV);
        if (keep) set(original, k, value);
        else delete original[k];
      }
      continue;
    }

    if (originalKind === 'map') {
      const [subschema, meta] = schema.lookupStruct(k);
      const [, patchStrategy] = extractRetainKeysPatchStrategy(meta.strategies);
      set(original, k, mergeMapHandler(original[k], patchV, subschema, patchStrategy, options));
    } else if (originalKind === 'slice') {
      const [subschema, meta] = schema.lookupSlice(k);
      const [, patchStrategy] = extractRetainKeysPatchStrategy(meta.strategies);
      set(original, k, mergeSliceHandler(original[k], patchV, subschema, patchStrategy, meta.mergeKey, isDeleteList, options));
    } else {
      const [value, keep] = removeDirectives(patchV);
      if (keep) set(original, k, value);
      else delete original[k];
    }
  }
  return original;
}

/** discardNullValuesFromPatch: drops nulls everywhere inside a value being added. */
function discardNullValuesFromPatch(value: JsonValue): void {
  if (isMap(value)) {
    for (const k of Object.keys(value)) {
      if (value[k] === null) delete value[k];
      else discardNullValuesFromPatch(value[k]);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) discardNullValuesFromPatch(v);
  }
}

/** removeDirectives: strips maps carrying `$patch` from a value being added; [value, keep]. */
export function removeDirectives(value: JsonValue): [JsonValue, boolean] {
  if (value === null) return [value, true];
  if (isMap(value)) {
    if (has(value, directiveMarker)) return [null, false];
    for (const k of Object.keys(value)) {
      const [v, keep] = removeDirectives(value[k]);
      if (keep) set(value, k, v);
      else delete value[k];
    }
    return [value, true];
  }
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const v of value) {
      const [nv, keep] = removeDirectives(v);
      if (keep) out.push(nv);
    }
    return [out, true];
  }
  return [value, true];
}

function handleDirectiveInMergeMap(directive: JsonValue, patch: JsonObject): JsonObject {
  if (directive === replaceDirective) {
    // `$patch: replace`: the patch (minus the directive) replaces the map.
    delete patch[directiveMarker];
    return patch;
  }
  if (directive === deleteDirective) return {};
  throw errBadPatchType(directive, patch);
}

function mergeMapHandler(original: JsonValue, patch: JsonValue, schema: LookupPatchMeta, strategy: string, options: MergeOptions): JsonObject {
  if (!isMap(original)) throw errBadArgType('map', original);
  if (!isMap(patch)) throw errBadArgType('map', patch);
  if (strategy !== replaceDirective) return mergeMap(original, patch, schema, options);
  return patch;
}

function mergeSliceHandler(
  original: JsonValue,
  patch: JsonValue,
  schema: LookupPatchMeta,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  options: MergeOptions,
): JsonValue[] {
  if (!Array.isArray(original)) throw errBadArgType('slice', original);
  if (!Array.isArray(patch)) throw errBadArgType('slice', patch);
  // Delete lists are handled the same way whatever the field's strategy.
  if (strategy === mergeDirective || isDeleteList) return mergeSlice(original, patch, schema, mergeKey, options, isDeleteList);
  return patch;
}

/**
 * A Go slice header over a shared backing array. Upstream deletes list
 * elements with `append(s[:k], s[k+1:]...)` and appends new ones with
 * `append(s, v)`, both of which write into the caller's backing array; the
 * $setElementOrder code later reads the caller's (longer) slice as the "live
 * order" and so sees those writes. The resulting order is what the API server
 * (and `kubectl patch --local`) produce, so it is reproduced here: the JS array
 * is the backing array, its length the capacity.
 */
interface SliceView {
  arr: JsonValue[];
  len: number;
}

function items(view: SliceView): JsonValue[] {
  return view.arr.slice(0, view.len);
}

/** mergeSlice */
function mergeSlice(original: JsonValue[], patch: JsonValue[], schema: LookupPatchMeta, mergeKey: string, options: MergeOptions, isDeleteList: boolean): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  let merged: JsonValue[];
  let orig = original;
  let pat = patch;
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw new SmpError(`cannot merge lists without merge key for ${schema.name()}`);
    const view: SliceView = { arr: original, len: original.length };
    const [origView, withoutSpecial] = mergeSliceWithSpecialElements(view, patch, mergeKey);
    pat = withoutSpecial;
    merged = mergeSliceWithoutSpecialElements({ ...origView }, pat, mergeKey, schema, options);
    orig = items(origView);
  }
  const [patchItems, serverOnlyItems] =
    mergeKey === '' ? partitionPrimitivesByPresentInList(merged, pat) : partitionMapsByPresentInList(merged, pat, mergeKey);
  return normalizeElementOrder(patchItems, serverOnlyItems, pat, orig, mergeKey, kind);
}

function mergeSliceWithSpecialElements(original: SliceView, patch: JsonValue[], mergeKey: string): [SliceView, JsonValue[]] {
  const withoutSpecial: JsonValue[] = [];
  let replace = false;
  const orig = original;
  for (const v of patch) {
    const typed = v as JsonObject;
    if (!has(typed, directiveMarker)) {
      withoutSpecial.push(v);
      continue;
    }
    const patchType = typed[directiveMarker];
    switch (patchType) {
      case deleteDirective:
        if (!has(typed, mergeKey)) throw errNoMergeKey(typed, mergeKey);
        deleteMatchingEntries(orig, mergeKey, typed[mergeKey]);
        break;
      case replaceDirective:
        // Keep going to prune any other $patch elements.
        replace = true;
        break;
      case mergeDirective:
        throw new SmpError('merging lists cannot yet be specified in the patch');
      default:
        throw errBadPatchType(patchType, typed);
    }
  }
  if (replace) return [{ arr: withoutSpecial, len: withoutSpecial.length }, []];
  return [orig, withoutSpecial];
}

/** deleteMatchingEntries: every element with that merge key value goes (in place, as Go's append does). */
function deleteMatchingEntries(view: SliceView, mergeKey: string, value: JsonValue): void {
  for (;;) {
    const [, index, found] = findMapInSliceBasedOnKeyValue(items(view), mergeKey, value);
    if (!found) return;
    for (let i = index; i < view.len - 1; i++) view.arr[i] = view.arr[i + 1];
    view.len--;
  }
}

function mergeSliceWithoutSpecialElements(view: SliceView, patch: JsonValue[], mergeKey: string, schema: LookupPatchMeta, options: MergeOptions): JsonValue[] {
  for (const v of patch) {
    const typed = v as JsonObject;
    if (!has(typed, mergeKey)) throw errNoMergeKey(typed, mergeKey);
    const [originalMap, index, found] = findMapInSliceBasedOnKeyValue(items(view), mergeKey, typed[mergeKey]);
    if (found) {
      view.arr[index] = mergeMap(originalMap!, typed, schema, options);
    } else if (view.len < view.arr.length) {
      // Room in the backing array: Go's append writes into it.
      view.arr[view.len++] = v;
    } else {
      view.arr = [...items(view), v];
      view.len = view.arr.length;
    }
  }
  return items(view);
}

/** deleteFromSlice: the $deleteFromPrimitiveList parallel list. */
function deleteFromSlice(current: JsonValue[], toDelete: JsonValue[]): JsonValue[] {
  return current.filter((v) => !toDelete.some((d) => goEquals(d, v)));
}

/** extractKey: "$setElementOrder/containers" → "containers". */
function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === deleteFromPrimitiveListDirectivePrefix) throw sentinelError('ErrBadPatchFormatForPrimitiveList');
    if (prefix === setElementOrderDirectivePrefix) throw sentinelError('ErrBadPatchFormatForSetElementOrderList');
    throw new SmpError(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${s}\n`);
  }
  return s.slice(slash + 1);
}

/** applyRetainKeysDirective: keys of original missing from `$retainKeys` are cleared. */
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!has(patch, retainKeysDirective)) return;
  const retainKeysInPatch = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!options.mergeParallelList) {
    // Combining two patches: keep the directive, and it must agree.
    if (has(original, retainKeysDirective)) {
      if (!deepEqual(original[retainKeysDirective], retainKeysInPatch)) {
        throw new SmpError(`${goFmtV(original[retainKeysDirective])} and ${goFmtV(retainKeysInPatch)} are not deep equal: this may happen when calculating the 3-way diff patch`);
      }
    } else {
      set(original, retainKeysDirective, retainKeysInPatch);
    }
    return;
  }
  if (!Array.isArray(retainKeysInPatch)) throw sentinelError('ErrBadPatchFormatForRetainKeys');
  const keep = (k: string) => retainKeysInPatch.some((v) => v === k);
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(deleteFromPrimitiveListDirectivePrefix) || k.startsWith(setElementOrderDirectivePrefix)) continue;
    // A field set by the patch must be listed in $retainKeys.
    if (!keep(k)) throw sentinelError('ErrBadPatchFormatForRetainKeys');
  }
  for (const k of Object.keys(original)) {
    if (!keep(k)) delete original[k];
  }
}

/** mergePatchIntoOriginal: processes `$setElementOrder/<field>` with its list. */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, schema: LookupPatchMeta, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(setElementOrderDirectivePrefix) || !has(patch, key)) continue;
    const setElementOrderInPatch = patch[key];
    if (!options.mergeParallelList) {
      if (has(original, key)) {
        if (!deepEqual(original[key], setElementOrderInPatch)) throw sentinelError('ErrBadPatchFormatForSetElementOrderList');
      } else {
        set(original, key, setElementOrderInPatch);
      }
    }
    delete patch[key];

    if (!Array.isArray(setElementOrderInPatch)) throw errBadArgType('slice', setElementOrderInPatch);
    const order = setElementOrderInPatch;
    const originalKey = extractKey(key, setElementOrderDirectivePrefix);
    const foundOriginal = has(original, originalKey);
    const foundPatch = has(patch, originalKey);
    let originalFieldValue: JsonValue[] | undefined;
    let patchFieldValue: JsonValue[] | undefined;
    if (foundOriginal) {
      const v = original[originalKey];
      if (!Array.isArray(v)) throw errBadArgType('slice', v);
      originalFieldValue = v;
    }
    if (foundPatch) {
      const v = patch[originalKey];
      if (!Array.isArray(v)) throw errBadArgType('slice', v);
      patchFieldValue = v;
    }
    const [subschema, meta] = schema.lookupSlice(originalKey);
    const [, patchStrategy] = extractRetainKeysPatchStrategy(meta.strategies);
    validatePatchWithSetOrderList(patchFieldValue, order, meta.mergeKey);

    let merged: JsonValue[];
    if (foundOriginal && !foundPatch) {
      merged = originalFieldValue!;
    } else if (!foundOriginal && foundPatch) {
      const [v, keep] = removeDirectives(patchFieldValue!);
      if (!keep) continue;
      merged = v as JsonValue[];
    } else if (foundOriginal && foundPatch) {
      merged = mergeSliceHandler(originalFieldValue!, patchFieldValue!, subschema, patchStrategy, meta.mergeKey, false, options);
    } else {
      continue;
    }

    const [patchItems, serverOnlyItems] =
      meta.mergeKey === ''
        ? partitionPrimitivesByPresentInList(merged, order)
        : partitionMapsByPresentInList(merged, order, meta.mergeKey);
    const kind = sliceElementType(originalFieldValue, patchFieldValue);
    set(original, originalKey, normalizeElementOrder(patchItems, serverOnlyItems, order, originalFieldValue ?? [], meta.mergeKey, kind));
    delete patch[originalKey];
  }
}

/** validatePatchWithSetOrderList: the patch list must follow the $setElementOrder order. */
function validatePatchWithSetOrderList(patchListIn: JsonValue[] | undefined, setOrderList: JsonValue[], mergeKey: string): void {
  // A missing list is a nil []interface{} in Go: nothing to check.
  const patchList = patchListIn ?? [];
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDeleteList = mergeKey.length > 0 ? extractToDeleteItems(patchList)[0] : patchList;
  let patchIndex = 0;
  let setOrderIndex = 0;
  while (patchIndex < nonDeleteList.length && setOrderIndex < setOrderList.length) {
    const item = nonDeleteList[patchIndex];
    if (isMap(item) && has(item, directiveMarker)) {
      patchIndex++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrderList[setOrderIndex], mergeKey)) patchIndex++;
    setOrderIndex++;
  }
  if (patchIndex < nonDeleteList.length && setOrderIndex >= setOrderList.length) {
    throw new SmpError(
      `The order in patch list:\n${goFmtV(patchList)}\n doesn't match ${setElementOrderDirectivePrefix} list:\n${goFmtV(setOrderList)}\n`,
    );
  }
}

function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey.length === 0) return goEquals(left, right);
  if (!isMap(left)) throw errBadArgType('map', left);
  if (!isMap(right)) throw errBadArgType('map', right);
  if (!has(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!has(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return goEquals(left[mergeKey], right[mergeKey]);
}
