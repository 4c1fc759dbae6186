// List order and element helpers shared by patch creation and application
// (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go:
// normalizeElementOrder, mergeSortedSlice, index, normalizeSliceOrder,
// extractToDeleteItems, sliceElementType, partition*, findMapInSliceBasedOnKeyValue).

import { deduplicateScalars, get, goEquals, goFmtV, goKind, goSortByString, has, isMap, sortScalars } from '../go-values.ts';
import type { GoKind, JsonObject, JsonValue } from '../go-values.ts';
import { sliceStable } from '../go-sort.ts';
import { SmpError, errBadArgType, errNoMergeKey, sentinelError } from './errors.ts';
import { deleteDirective, directiveMarker } from './directives.ts';

/** sliceElementType: the common element kind of the lists, or an error. */
export function sliceElementType(...slices: (JsonValue[] | undefined)[]): GoKind {
  let prev: GoKind | undefined;
  for (const s of slices) {
    for (const v of s ?? []) {
      const current = goKind(v);
      if (prev === undefined) {
        prev = current;
        if (prev === 'slice') throw sentinelError('ErrNoListOfLists');
      } else if (prev !== current) {
        throw new SmpError(`list element types are not identical: ${goFmtV(slices.map((x) => x ?? null))}`);
      }
    }
  }
  if (prev === undefined) throw new SmpError('no elements in any of the given slices');
  return prev;
}

/** validateMergeKeyInLists */
export function validateMergeKeyInLists(mergeKey: string, ...lists: JsonValue[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw errBadArgType('map', item);
      if (!has(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** extractToDeleteItems: splits out the `$patch: delete` elements. */
export function extractToDeleteItems(list: JsonValue[]): [JsonValue[], JsonValue[]] {
  const nonDelete: JsonValue[] = [];
  const toDelete: JsonValue[] = [];
  for (const v of list) {
    if (!isMap(v)) throw errBadArgType('map', v);
    if (has(v, directiveMarker) && v[directiveMarker] === deleteDirective) toDelete.push(v);
    else nonDelete.push(v);
  }
  return [nonDelete, toDelete];
}

/** index: position of `value` in `list`, comparing merge key values for maps. */
export function indexOf(list: JsonValue[], value: JsonValue, mergeKey: string, kind: GoKind): number {
  const valueOf = kind === 'map' ? (item: JsonValue) => (isMap(item) ? (get(item, mergeKey) ?? null) : null) : (item: JsonValue) => item;
  const wanted = valueOf(value);
  for (let i = 0; i < list.length; i++) {
    if (goEquals(wanted, valueOf(list[i]))) return i;
  }
  return -1;
}

/** normalizeSliceOrder: sorts `toSort` by `order` (sort.SliceStable with upstream's Less). */
export function normalizeSliceOrder(toSort: JsonValue[], order: JsonValue[], mergeKey: string, kind: GoKind): JsonValue[] {
  let items = toSort;
  let toDelete: JsonValue[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, items, order);
    [items, toDelete] = extractToDeleteItems(items);
  }
  // One element (or none) is already sorted; skipping saves the closure allocations in the hot path.
  if (items.length > 1) sliceStable(items, (list, i, j) => {
    const ii = indexOf(order, list[i], mergeKey, kind);
    if (ii >= 0) {
      const ij = indexOf(order, list[j], mergeKey, kind);
      if (ij >= 0) return ii < ij;
    }
    return true;
  });
  return toDelete.length === 0 ? items : [...items, ...toDelete];
}

/** mergeSortedSlice: interleaves server-only items (left) with patch items (right) by live order. */
export function mergeSortedSlice(left: JsonValue[], right: JsonValue[], serverOrder: JsonValue[], mergeKey: string, kind: GoKind): JsonValue[] {
  const less = (l: JsonValue, r: JsonValue): [boolean, boolean] => {
    const li = indexOf(serverOrder, l, mergeKey, kind);
    const ri = indexOf(serverOrder, r, mergeKey, kind);
    return li >= 0 && ri >= 0 ? [li < ri, true] : [false, false];
  };
  const size = left.length + right.length;
  const out: JsonValue[] = new Array(size);
  let i = 0;
  let j = 0;
  for (let k = 0; k < size; k++) {
    if (i >= left.length && j < right.length) {
      out[k] = right[j++];
    } else if (j >= right.length && i < left.length) {
      out[k] = left[i++];
    } else {
      const [isLess, foundBoth] = less(left[i], right[j]);
      out[k] = foundBoth && isLess ? left[i++] : right[j++];
    }
  }
  return out;
}

/** normalizeElementOrder: patch items in patch order, server-only items in live order, interleaved. */
export function normalizeElementOrder(
  patch: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  const sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const sortedServer = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(sortedServer, sortedPatch, serverOrder, mergeKey, kind);
}

/** partitionPrimitivesByPresentInList */
export function partitionPrimitivesByPresentInList(original: JsonValue[], partitionBy: JsonValue[]): [JsonValue[], JsonValue[]] {
  const patch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of original) {
    if (partitionBy.some((p) => goEquals(p, v))) patch.push(v);
    else serverOnly.push(v);
  }
  return [patch, serverOnly];
}

/** partitionMapsByPresentInList */
export function partitionMapsByPresentInList(original: JsonValue[], partitionBy: JsonValue[], mergeKey: string): [JsonValue[], JsonValue[]] {
  const patch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of original) {
    if (!isMap(v)) throw errBadArgType('map', v);
    if (!has(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    const [, , found] = findMapInSliceBasedOnKeyValue(partitionBy, mergeKey, v[mergeKey]);
    if (found) patch.push(v);
    else serverOnly.push(v);
  }
  return [patch, serverOnly];
}

/** findMapInSliceBasedOnKeyValue */
export function findMapInSliceBasedOnKeyValue(list: JsonValue[], key: string, value: JsonValue): [JsonObject | undefined, number, boolean] {
  for (let k = 0; k < list.length; k++) {
    const v = list[k];
    if (!isMap(v)) throw new SmpError(`value for key ${k} is not a map`);
    if (has(v, key) && goEquals(v[key], value)) return [v, k, true];
  }
  return [undefined, 0, false];
}

/** sortMergeListsByNameArray without recursion: how diffListsOfMaps orders both sides. */
export function sortListForDiff(list: JsonValue[], mergeKey: string): JsonValue[] {
  if (list.length === 0) return list;
  const kind = sliceElementType(list);
  if (kind !== 'map') return sortScalars(deduplicateScalars([...list]));
  return goSortByString([...list], (item) => goFmtV(get(item as JsonObject, mergeKey) ?? null));
}
