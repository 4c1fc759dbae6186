// MergingMapsHaveConflicts, ported from
// staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go: does the
// patch touch a key that also changed (differently) from last-applied to live?

import { deduplicateScalars, deepEqual, goFmtV, goKind, has, isMap, sortScalars } from '../go-values.ts';
import type { JsonObject, JsonValue } from '../go-values.ts';
import type { LookupPatchMeta } from './patch-meta.ts';
import { SmpError } from './errors.ts';
import { directiveMarker, extractRetainKeysPatchStrategy, mergeDirective, replaceDirective, retainKeysDirective } from './directives.ts';
import { sliceElementType } from './order.ts';

/** MergingMapsHaveConflicts */
export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, schema: LookupPatchMeta): boolean {
  return fieldsHaveConflicts(left, right, schema, '', '');
}

function fieldsHaveConflicts(left: JsonValue, right: JsonValue, schema: LookupPatchMeta, strategy: string, mergeKey: string): boolean {
  const kind = goKind(left);
  if (kind === 'map') {
    if (!isMap(right)) return true;
    const l = left as JsonObject;
    const okLeft = has(l, directiveMarker);
    const okRight = has(right, directiveMarker);
    // A directive acts on the whole map: one side has it and the other does not, or they differ.
    if (okLeft || okRight) {
      if (okLeft !== okRight) return true;
      if (!deepEqual(l[directiveMarker], right[directiveMarker])) return true;
    }
    if (strategy === replaceDirective) return false;
    return mapsHaveConflicts(l, right, schema);
  }
  if (kind === 'slice') {
    if (!Array.isArray(right)) return true;
    return slicesHaveConflicts(left as JsonValue[], right, schema, strategy, mergeKey);
  }
  return !deepEqual(left, right);
}

function mapsHaveConflicts(left: JsonObject, right: JsonObject, schema: LookupPatchMeta): boolean {
  for (const key of Object.keys(left)) {
    if (key === directiveMarker || key === retainKeysDirective || !has(right, key)) continue;
    const leftValue = left[key];
    let subschema = schema;
    let strategy = '';
    let mergeKey = '';
    if (Array.isArray(leftValue)) {
      const [sub, meta] = schema.lookupSlice(key);
      subschema = sub;
      strategy = extractRetainKeysPatchStrategy(meta.strategies)[1];
      mergeKey = meta.mergeKey;
    } else if (isMap(leftValue)) {
      const [sub, meta] = schema.lookupStruct(key);
      subschema = sub;
      strategy = extractRetainKeysPatchStrategy(meta.strategies)[1];
      mergeKey = meta.mergeKey;
    }
    if (fieldsHaveConflicts(leftValue, right[key], subschema, strategy, mergeKey)) return true;
  }
  return false;
}

function slicesHaveConflicts(left: JsonValue[], right: JsonValue[], schema: LookupPatchMeta, strategy: string, mergeKey: string): boolean {
  const elementKind = sliceElementType(left, right);
  if (strategy === mergeDirective) {
    // Merging lists of scalars have no conflicts by definition.
    if (elementKind !== 'map') return false;
    const leftMap = sliceOfMapsToMapOfMaps(left, mergeKey);
    const rightMap = sliceOfMapsToMapOfMaps(right, mergeKey);
    for (const [k, lv] of leftMap) {
      if (rightMap.has(k) && fieldsHaveConflicts(lv, rightMap.get(k)!, schema, '', '')) return true;
    }
    return false;
  }
  if (left.length !== right.length) return true;
  let l = left;
  let r = right;
  if (elementKind !== 'map') {
    l = sortScalars(deduplicateScalars([...left]));
    r = sortScalars(deduplicateScalars([...right]));
  }
  for (let i = 0; i < l.length; i++) {
    if (fieldsHaveConflicts(l[i], r[i], schema, '', '')) return true;
  }
  return false;
}

function sliceOfMapsToMapOfMaps(list: JsonValue[], mergeKey: string): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const value of list) {
    if (!isMap(value)) throw new SmpError(`invalid element type in merging list:${goFmtV(list)}`);
    if (!has(value, mergeKey)) throw new SmpError(`cannot find merge key \`${mergeKey}\` in merging list element:${goFmtV(value)}`);
    // fmt.Sprintf("%s", v): strings as they are, other kinds tagged with their type.
    const key = value[mergeKey];
    out.set(typeof key === 'string' ? key : `%!s(${goKind(key)}=${goFmtV(key)})`, value);
  }
  return out;
}
