// Patch creation: diffMaps and friends, ported from
// staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.
//
// diffMaps(original, modified) returns the patch that turns original into
// modified: added and changed keys with their new values, removed keys as
// null, merge lists as only their changed elements plus `$patch: delete`
// elements, `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>`
// parallel lists, and `$retainKeys` for retainKeys fields. The options let
// CreateThreeWayMergePatch keep only additions/changes (against live) or only
// deletions (against last-applied).

import { clone, deduplicateScalars, deepEqual, get, goEquals, goFmtV, goKind, has, isMap, set, sortScalars } from '../go-values.ts';
import { compareGoStrings } from '../go-values.ts';
import type { JsonObject, JsonValue } from '../go-values.ts';
import type { LookupPatchMeta } from './patch-meta.ts';
import { SmpError, errNoMergeKey, sentinelError } from './errors.ts';
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
import { normalizeSliceOrder, sliceElementType, sortListForDiff } from './order.ts';

export interface DiffOptions {
  /** Generate the $setElementOrder parallel lists. */
  setElementOrder?: boolean;
  /** Keep only deletions. */
  ignoreChangesAndAdditions?: boolean;
  /** Keep only additions and changes. */
  ignoreDeletions?: boolean;
  /** Emit $retainKeys at this level (the field has patchStrategy retainKeys). */
  buildRetainKeysDirective?: boolean;
}

/** diffMaps */
export function diffMaps(original: JsonObject, modified: JsonObject, schema: LookupPatchMeta, options: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeysList: JsonValue[] = [];
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key];
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeysList.push(key);
    if (!has(original, key)) {
      // Key was added.
      if (!options.ignoreChangesAndAdditions) set(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key];
    if (handleDirectiveMarker(key, originalValue, modifiedValue, patch)) continue;
    if (goKind(originalValue) !== goKind(modifiedValue)) {
      // Types have changed, so replace.
      if (!options.ignoreChangesAndAdditions) set(patch, key, modifiedValue);
      continue;
    }
    if (isMap(originalValue)) {
      handleMapDiff(key, originalValue, modifiedValue as JsonObject, patch, schema, options);
    } else if (Array.isArray(originalValue)) {
      handleSliceDiff(key, originalValue, modifiedValue as JsonValue[], patch, schema, options);
    } else {
      replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, options);
    }
  }
  updatePatchIfMissing(original, modified, patch, options);
  // $retainKeys goes in when there is something to patch here or original has keys modified lacks.
  if (retainKeysList.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    set(patch, retainKeysDirective, sortScalars(retainKeysList));
  }
  return patch;
}

function handleDirectiveMarker(key: string, originalValue: JsonValue, modifiedValue: JsonValue, patch: JsonObject): boolean {
  if (key !== directiveMarker) return false;
  if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
    throw new SmpError(`invalid value for special key: ${directiveMarker}`);
  }
  if (modifiedValue !== originalValue) set(patch, directiveMarker, modifiedValue);
  return true;
}

function handleMapDiff(key: string, originalValue: JsonObject, modifiedValue: JsonObject, patch: JsonObject, schema: LookupPatchMeta, options: DiffOptions): void {
  let subschema: LookupPatchMeta;
  let strategies: string[];
  try {
    const [sub, meta] = schema.lookupStruct(key);
    subschema = sub;
    strategies = meta.strategies;
  } catch (error) {
    // No metadata: fine as long as nothing changed.
    if (deepEqual(originalValue, modifiedValue)) return;
    throw error;
  }
  const [retainKeys, patchStrategy] = extractRetainKeysPatchStrategy(strategies);
  const childOptions = { ...options, buildRetainKeysDirective: retainKeys };
  if (patchStrategy === replaceDirective) {
    if (!childOptions.ignoreChangesAndAdditions) set(patch, key, modifiedValue);
    return;
  }
  const patchValue = diffMaps(originalValue, modifiedValue, subschema, childOptions);
  if (Object.keys(patchValue).length > 0) set(patch, key, patchValue);
}

function handleSliceDiff(key: string, originalValue: JsonValue[], modifiedValue: JsonValue[], patch: JsonObject, schema: LookupPatchMeta, options: DiffOptions): void {
  let subschema: LookupPatchMeta;
  let strategies: string[];
  let mergeKey: string;
  try {
    const [sub, meta] = schema.lookupSlice(key);
    subschema = sub;
    strategies = meta.strategies;
    mergeKey = meta.mergeKey;
  } catch (error) {
    if (deepEqual(originalValue, modifiedValue)) return;
    throw error;
  }
  const [retainKeys, patchStrategy] = extractRetainKeysPatchStrategy(strategies);
  if (patchStrategy === mergeDirective) {
    const [addList, deletionList, setOrderList] = diffLists(originalValue, modifiedValue, subschema, mergeKey, {
      ...options,
      buildRetainKeysDirective: retainKeys,
    });
    if (addList.length > 0) set(patch, key, addList);
    if (deletionList.length > 0) set(patch, `${deleteFromPrimitiveListDirectivePrefix}/${key}`, deletionList);
    if (setOrderList.length > 0) set(patch, `${setElementOrderDirectivePrefix}/${key}`, setOrderList);
    return;
  }
  replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, options);
}

function replacePatchFieldIfNotEqual(key: string, original: JsonValue, modified: JsonValue, patch: JsonObject, options: DiffOptions): void {
  if (options.ignoreChangesAndAdditions) return;
  if (deepEqual(original, modified)) return;
  set(patch, key, modified);
}

function updatePatchIfMissing(original: JsonObject, modified: JsonObject, patch: JsonObject, options: DiffOptions): void {
  if (options.ignoreDeletions) return;
  for (const key of Object.keys(original)) {
    if (!has(modified, key)) set(patch, key, null);
  }
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.keys(original).some((k) => original[k] !== null && !has(modified, k));
}

/** diffLists: [patch list, parallel deletion list, $setElementOrder list]. */
export function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  schema: LookupPatchMeta,
  mergeKey: string,
  options: DiffOptions,
): [JsonValue[], JsonValue[], JsonValue[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'map') {
    let [patchList, deleteList] = diffListsOfMaps(original, modified, schema, mergeKey, options);
    patchList = normalizeSliceOrder(patchList, modified, mergeKey, kind);
    const orderSame = isOrderSame(original, modified, mergeKey);
    // Deletions go at the end of the patch list.
    patchList = [...patchList, ...deleteList];
    deleteList = [];
    let setOrderList: JsonValue[] = [];
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && patchList.length > 0))
    ) {
      setOrderList = modified.map((v) => {
        const entry: JsonObject = {};
        set(entry, mergeKey, get(v as JsonObject, mergeKey) ?? null);
        return entry;
      });
    }
    return [patchList, deleteList, setOrderList];
  }
  if (kind === 'slice') throw sentinelError('ErrNoListOfLists');
  let [patchList, deleteList] = diffListsOfScalars(original, modified, options);
  patchList = normalizeSliceOrder(patchList, modified, mergeKey, kind);
  let setOrderList: JsonValue[] = [];
  if (
    options.setElementOrder &&
    ((!options.ignoreDeletions && deleteList.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))
  ) {
    setOrderList = modified;
  }
  return [patchList, deleteList, setOrderList];
}

function isOrderSame(original: JsonValue[], modified: JsonValue[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  for (let i = 0; i < modified.length; i++) {
    const left = original[i] as JsonObject;
    const right = modified[i] as JsonObject;
    if (!has(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
    if (!has(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
    if (!goEquals(left[mergeKey], right[mergeKey])) return false;
  }
  return true;
}

/**
 * diffListsOfScalars: walks both lists sorted by their %v text. (Upstream
 * sorts `original` in place; the lists compared are merge lists, whose order
 * no later step reads, so a sorted copy is the same and leaves the caller's
 * object alone.)
 */
function diffListsOfScalars(original: JsonValue[], modified: JsonValue[], options: DiffOptions): [JsonValue[], JsonValue[]] {
  const originalScalars = sortScalars([...original]);
  const modifiedScalars = sortScalars([...modified]);
  let oi = 0;
  let mi = 0;
  const addList: JsonValue[] = [];
  const deletionList: JsonValue[] = [];
  for (;;) {
    const oIn = oi < originalScalars.length;
    const mIn = mi < modifiedScalars.length;
    if (!oIn && !mIn) break;
    const os = oIn ? goFmtV(originalScalars[oi]) : '';
    const ms = mIn ? goFmtV(modifiedScalars[mi]) : '';
    const cmp = compareGoStrings(os, ms);
    if (oIn && mIn && cmp === 0) {
      oi++;
      mi++;
    } else if (!oIn || (oIn && mIn && cmp > 0)) {
      // modified has an additional scalar
      if (!options.ignoreChangesAndAdditions) addList.push(modifiedScalars[mi]);
      mi++;
    } else {
      // original has an additional scalar
      if (!options.ignoreDeletions) deletionList.push(originalScalars[oi]);
      oi++;
    }
  }
  return [addList, deduplicateScalars(deletionList)];
}

/** diffListsOfMaps: changed and added elements, and `$patch: delete` for removed ones. */
function diffListsOfMaps(original: JsonValue[], modified: JsonValue[], schema: LookupPatchMeta, mergeKey: string, options: DiffOptions): [JsonValue[], JsonValue[]] {
  const patch: JsonValue[] = [];
  const deletionList: JsonValue[] = [];
  const originalSorted = sortListForDiff(original, mergeKey);
  const modifiedSorted = sortListForDiff(modified, mergeKey);
  let oi = 0;
  let mi = 0;
  for (;;) {
    const oIn = oi < originalSorted.length;
    const mIn = mi < modifiedSorted.length;
    if (!oIn && !mIn) break;
    let originalElement: JsonObject | undefined;
    let modifiedElement: JsonObject | undefined;
    let os = '';
    let ms = '';
    if (oIn) {
      originalElement = mapWithKey(originalSorted[oi], mergeKey);
      os = goFmtV(originalElement[mergeKey]);
    }
    if (mIn) {
      modifiedElement = mapWithKey(modifiedSorted[mi], mergeKey);
      ms = goFmtV(modifiedElement[mergeKey]);
    }
    const cmp = compareGoStrings(os, ms);
    if (oIn && mIn && cmp === 0) {
      // Same merge key: recurse.
      const patchValue = diffMaps(originalElement!, modifiedElement!, schema, options);
      if (Object.keys(patchValue).length > 0) {
        set(patchValue, mergeKey, modifiedElement![mergeKey]);
        patch.push(patchValue);
      }
      oi++;
      mi++;
    } else if (!oIn || (oIn && mIn && cmp > 0)) {
      if (!options.ignoreChangesAndAdditions) patch.push(modifiedElement!);
      mi++;
    } else {
      if (!options.ignoreDeletions) deletionList.push(createDeleteDirective(mergeKey, originalElement![mergeKey]));
      oi++;
    }
  }
  return [patch, deletionList];
}

function mapWithKey(item: JsonValue, mergeKey: string): JsonObject {
  if (!isMap(item)) throw new SmpError(`expected a map[string]interface {}, but received a ${goKind(item)}`);
  if (!has(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
  return item;
}

/** CreateDeleteDirective: `{ <mergeKey>: value, $patch: delete }`. */
export function createDeleteDirective(mergeKey: string, value: JsonValue): JsonObject {
  const out: JsonObject = {};
  set(out, mergeKey, clone(value));
  set(out, directiveMarker, deleteDirective);
  return out;
}
