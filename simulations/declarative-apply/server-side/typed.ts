// Schema-driven walks server-side apply does over objects
// (sigs.k8s.io/structured-merge-diff/v4 typed: tofieldset.go, compare.go,
// merge.go, remove.go). Lists follow their `+listType` (map/set/atomic;
// without a marker a `patchStrategy:"merge"` tag means map keyed by the merge
// key, else atomic), maps and structs are granular unless marked atomic.

import { clone, deepEqual, has, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/go-values.ts';
import { SchemaNode } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';
import type { PatchMeta } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';
import { FieldSet, elementKey } from '../../apiserver/field-manager/field-set.ts';
import type { Path, PathElement } from '../../apiserver/field-manager/field-set.ts';

type ListKind = { type: 'atomic' } | { type: 'set' } | { type: 'map'; keys: string[] };

interface Child {
  node: SchemaNode;
  list: ListKind;
  atomic: boolean;
}

/** Default values of list-map key fields that the API server fills in before tracking (ports' protocol). */
const KEY_DEFAULTS: Record<string, JsonValue> = { protocol: 'TCP' };

function listKind(meta: PatchMeta | undefined): ListKind {
  const f = meta?.field;
  if (f?.listType === 'atomic') return { type: 'atomic' };
  if (f?.listType === 'set') return { type: 'set' };
  if (f?.listType === 'map') return { type: 'map', keys: f.listMapKeys ?? [meta!.mergeKey] };
  if (meta?.strategies.includes('merge')) return meta.mergeKey ? { type: 'map', keys: f?.listMapKeys ?? [meta.mergeKey] } : { type: 'set' };
  return { type: 'atomic' };
}

function child(parent: SchemaNode, key: string, value: JsonValue | undefined): Child {
  try {
    if (Array.isArray(value)) {
      const [node, meta] = parent.lookupSlice(key);
      return { node, list: listKind(meta), atomic: false };
    }
    const [node, meta] = parent.lookupStruct(key);
    return { node, list: { type: 'atomic' }, atomic: meta.field?.mapType === 'atomic' || node.isAtomicStruct() };
  } catch {
    return { node: SchemaNode.open(), list: { type: 'atomic' }, atomic: false };
  }
}

/** The path element of a list item. */
export function itemElement(kind: ListKind, item: JsonValue, index: number): PathElement {
  if (kind.type === 'map' && isMap(item)) {
    const fields: [string, JsonValue][] = [];
    for (const k of [...kind.keys].sort()) {
      if (has(item, k)) fields.push([k, item[k]]);
      else if (has(KEY_DEFAULTS, k)) fields.push([k, KEY_DEFAULTS[k]]);
    }
    return { t: 'k', fields };
  }
  if (kind.type === 'set') return { t: 'v', value: item };
  return { t: 'i', index };
}

/** TypedValue.ToFieldSet: every leaf and list item the object sets. */
export function toFieldSet(obj: JsonObject, node: SchemaNode): FieldSet {
  const out = new FieldSet();
  walkSet(obj, node, [], out);
  return out;
}

function walkSet(obj: JsonObject, node: SchemaNode, prefix: Path, out: FieldSet): void {
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const path: Path = [...prefix, { t: 'f', name: key }];
    const c = child(node, key, value);
    if (isMap(value) && !c.atomic && Object.keys(value).length > 0) {
      walkSet(value, c.node, path, out);
    } else if (Array.isArray(value) && c.list.type !== 'atomic' && value.length > 0) {
      value.forEach((item, i) => {
        const pe = itemElement(c.list, item, i);
        out.insert([...path, pe]);
        if (c.list.type === 'map' && isMap(item)) walkSet(item, c.node, [...path, pe], out);
      });
    } else {
      out.insert(path);
    }
  }
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** TypedValue.Compare(old, new). */
export function compare(oldObj: JsonObject, newObj: JsonObject, node: SchemaNode): Comparison {
  const cmp: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareMaps(oldObj, newObj, node, [], cmp);
  return cmp;
}

function addAll(target: FieldSet, value: JsonValue, c: Child, path: Path): void {
  target.insert(path);
  if (isMap(value) && !c.atomic) toFieldSet(value, c.node).iterate((p) => target.insert([...path, ...p]));
  if (Array.isArray(value) && c.list.type !== 'atomic') {
    value.forEach((item, i) => {
      const pe = itemElement(c.list, item, i);
      target.insert([...path, pe]);
      if (isMap(item)) toFieldSet(item, c.node).iterate((p) => target.insert([...path, pe, ...p]));
    });
  }
}

function compareMaps(l: JsonObject, r: JsonObject, node: SchemaNode, prefix: Path, cmp: Comparison): void {
  const keys = new Set([...Object.keys(l), ...Object.keys(r)]);
  for (const key of keys) {
    const path: Path = [...prefix, { t: 'f', name: key }];
    const lv = has(l, key) ? l[key] : undefined;
    const rv = has(r, key) ? r[key] : undefined;
    const c = child(node, key, rv ?? lv);
    if (lv === undefined) {
      addAll(cmp.added, rv!, c, path);
    } else if (rv === undefined) {
      addAll(cmp.removed, lv, c, path);
    } else if (isMap(lv ?? {}) && isMap(rv ?? {}) && !c.atomic && !bothEmpty(lv, rv)) {
      // compare.go doMap: a null map reads as an empty one (its items are added or
      // removed, not the field); only when both are empty/null is it compared as a leaf.
      compareMaps((lv ?? {}) as JsonObject, (rv ?? {}) as JsonObject, c.node, path, cmp);
    } else if (Array.isArray(lv ?? []) && Array.isArray(rv ?? []) && c.list.type !== 'atomic' && !bothEmpty(lv, rv)) {
      compareLists((lv ?? []) as JsonValue[], (rv ?? []) as JsonValue[], c, path, cmp);
    } else if (!deepEqual(lv, rv)) {
      cmp.modified.insert(path);
    }
  }
}

/** compare.go emptyPromoteToLeaf: both sides empty or null. */
function bothEmpty(l: JsonValue, r: JsonValue): boolean {
  const empty = (v: JsonValue) => v === null || (Array.isArray(v) ? v.length === 0 : isMap(v) && Object.keys(v).length === 0);
  return empty(l) && empty(r);
}

function compareLists(l: JsonValue[], r: JsonValue[], c: Child, path: Path, cmp: Comparison): void {
  const index = (list: JsonValue[]) => {
    const m = new Map<string, { pe: PathElement; item: JsonValue }>();
    list.forEach((item, i) => {
      const pe = itemElement(c.list, item, i);
      m.set(elementKey(pe), { pe, item });
    });
    return m;
  };
  const li = index(l);
  const ri = index(r);
  for (const [k, { pe, item }] of li) {
    const other = ri.get(k);
    const itemPath = [...path, pe];
    if (!other) {
      cmp.removed.insert(itemPath);
      if (isMap(item)) toFieldSet(item, c.node).iterate((p) => cmp.removed.insert([...itemPath, ...p]));
    } else if (isMap(item) && isMap(other.item)) {
      compareMaps(item, other.item, c.node, itemPath, cmp);
    } else if (!deepEqual(item, other.item)) {
      cmp.modified.insert(itemPath);
    }
  }
  for (const [k, { pe, item }] of ri) {
    if (li.has(k)) continue;
    const itemPath = [...path, pe];
    cmp.added.insert(itemPath);
    if (isMap(item)) toFieldSet(item, c.node).iterate((p) => cmp.added.insert([...itemPath, ...p]));
  }
}

/**
 * The object a create is compared against: the kind's Go zero value as the API
 * server serialises it (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go
 * passes `scope.Creater.New(kind)` as the live object to the field manager).
 * Struct fields that are not pointers are there as `{}`, fields without
 * `omitempty` as null; everything else is absent. So a created object's
 * `spec` and `spec.template` are not "added" as a whole, while its labels,
 * containers' items and pointer structs are.
 *
 * @example zeroValue(SchemaNode.root(schemaFor('apps/v1', 'Deployment')!))
 *   // → { metadata: {}, spec: { template: { metadata: {}, spec: { containers: null } }, strategy: {} }, status: {} }
 */
export function zeroValue(node: SchemaNode): JsonObject {
  const out: JsonObject = {};
  const fields = node.fieldsOf();
  if (!fields) return out;
  for (const key of Object.keys(fields)) {
    const meta = fields[key];
    const [sub] = node.lookupStruct(key);
    if (meta.omitEmpty === false && (sub.kind !== 'struct' || meta.type.startsWith('*'))) {
      set(out, key, null);
      continue;
    }
    if (sub.kind === 'struct' && !meta.type.startsWith('*')) set(out, key, zeroValue(sub));
  }
  return out;
}

/** TypedValue.Merge(live, config): the config's fields win; list-maps merge item by item. */
export function mergeObjects(live: JsonObject, config: JsonObject, node: SchemaNode): JsonObject {
  const out = clone(live);
  for (const key of Object.keys(config)) {
    const rv = config[key];
    const lv = has(out, key) ? out[key] : undefined;
    const c = child(node, key, rv);
    if (isMap(lv) && isMap(rv) && !c.atomic) set(out, key, mergeObjects(lv, rv, c.node));
    else if (Array.isArray(lv) && Array.isArray(rv) && c.list.type !== 'atomic') set(out, key, mergeLists(lv, rv, c));
    else set(out, key, clone(rv));
  }
  return out;
}

/** merge.go visitListItems: live-only items stay in place, shared items follow the config's order, new ones are inserted where the config has them. */
function mergeLists(lhs: JsonValue[], rhs: JsonValue[], c: Child): JsonValue[] {
  const lPEs = lhs.map((item, i) => elementKey(itemElement(c.list, item, i)));
  const rPEs = rhs.map((item, i) => elementKey(itemElement(c.list, item, i)));
  const lMap = new Map<string, JsonValue>();
  lhs.forEach((item, i) => {
    if (!lMap.has(lPEs[i])) lMap.set(lPEs[i], item);
  });
  const rMap = new Map<string, JsonValue>();
  rhs.forEach((item, i) => {
    if (!rMap.has(rPEs[i])) rMap.set(rPEs[i], item);
  });
  const sharedOrder = rPEs.filter((k) => lMap.has(k));
  let nextShared: string | undefined = sharedOrder.shift();
  const mergedRHS = new Set<string>();
  const out: JsonValue[] = [];
  const mergeItem = (k: string, l: JsonValue | undefined, r: JsonValue | undefined): JsonValue => {
    if (l === undefined) return clone(r!);
    if (r === undefined) return clone(l);
    if (isMap(l) && isMap(r)) return mergeObjects(l, r, c.node);
    return clone(r);
  };
  let lI = 0;
  let rI = 0;
  while (lI < lPEs.length || rI < rPEs.length) {
    if (lI < lPEs.length && rI < rPEs.length) {
      const pe = lPEs[lI];
      if (pe === rPEs[rI]) {
        mergedRHS.add(pe);
        out.push(mergeItem(pe, lMap.get(pe), rMap.get(pe)));
        lI++;
        rI++;
        nextShared = sharedOrder.shift();
        continue;
      }
      if (rMap.has(pe) && nextShared !== undefined && nextShared !== pe) {
        lI++;
        continue;
      }
    }
    if (lI < lPEs.length) {
      const pe = lPEs[lI];
      if (!rMap.has(pe)) {
        out.push(clone(lhs[lI]));
        lI++;
        continue;
      } else if (mergedRHS.has(pe)) {
        lI++;
        continue;
      }
    }
    if (rI < rPEs.length) {
      const pe = rPEs[rI];
      mergedRHS.add(pe);
      out.push(mergeItem(pe, lMap.get(pe), rMap.get(pe)));
      rI++;
      if (nextShared !== undefined && nextShared === pe) nextShared = sharedOrder.shift();
    }
  }
  return out;
}

/** TypedValue.RemoveItems: drops every member path of `set` from the object. */
export function removeItems(obj: JsonObject, fields: FieldSet, node: SchemaNode): JsonObject {
  const out = clone(obj);
  removeFrom(out, fields, node);
  return out;
}

function removeFrom(obj: JsonObject, fields: FieldSet, node: SchemaNode): void {
  for (const key of Object.keys(obj)) {
    const pe: PathElement = { t: 'f', name: key };
    const value = obj[key];
    const c = child(node, key, value);
    if (fields.has([pe])) {
      delete obj[key];
      continue;
    }
    const sub = fields.descend(pe);
    if (!sub) continue;
    if (isMap(value) && !c.atomic) removeFrom(value, sub, c.node);
    else if (Array.isArray(value) && c.list.type !== 'atomic') {
      const kept: JsonValue[] = [];
      value.forEach((item, i) => {
        const ipe = itemElement(c.list, item, i);
        if (sub.has([ipe])) return;
        const itemSub = sub.descend(ipe);
        if (itemSub && isMap(item)) removeFrom(item, itemSub, c.node);
        kept.push(item);
      });
      set(obj, key, kept);
    }
  }
}

