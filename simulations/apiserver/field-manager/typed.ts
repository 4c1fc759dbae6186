// The walks server-side apply does over objects with their schema
// (sigs.k8s.io/structured-merge-diff/v6 typed: tofieldset.go, compare.go,
// merge.go, remove.go, validate.go). Lists follow their element relationship
// (schema.ts): keyed lists and sets merge item by item, atomic lists are one
// value; maps and structs are granular unless atomic.

import { clone, deepEqual, has, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/go-values.ts';
import { FieldSet, elementKey, pathString } from './field-set.ts';
import type { Path, PathElement } from './field-set.ts';
import { DEDUCED, fieldType, structFields } from './schema.ts';
import type { ListKind, TypeRef } from './schema.ts';
import { GO_TYPES, structSpec } from '../decode/go-types.ts';
import type { TypeNode } from '../decode/go-types.ts';

const ATOMIC: ListKind = { type: 'atomic' };

/**
 * Default values of list-map key fields, for items that leave the key out:
 * the `+default="TCP"` of ContainerPort.protocol and ServicePort.protocol
 * (SMD keyedAssociativeListItemToPathElement falls back to the key field's default).
 */
const KEY_DEFAULTS: Readonly<Record<string, JsonValue>> = { protocol: 'TCP' };

/** The schema below field `key`; an undeclared field reads as deduced. */
function child(t: TypeRef, key: string): TypeRef {
  return fieldType(t, key) ?? DEDUCED;
}

function listOf(t: TypeRef): ListKind {
  return t.kind === 'list' ? (t.list ?? ATOMIC) : ATOMIC;
}

function itemType(t: TypeRef): TypeRef {
  return t.kind === 'list' ? (t.elem ?? DEDUCED) : DEDUCED;
}

/** A value walked into field by field: a granular struct or map (deduced maps too). */
function granularMap(t: TypeRef, v: JsonValue | undefined): v is JsonObject {
  return isMap(v ?? null) && !t.atomic && t.kind !== 'scalar' && t.kind !== 'list';
}

/** A list walked into item by item. */
function granularList(t: TypeRef, v: JsonValue | undefined): v is JsonValue[] {
  return Array.isArray(v) && listOf(t).type !== 'atomic';
}

/** The path element of a list item. */
export function itemElement(kind: ListKind, item: JsonValue, index: number): PathElement {
  if (kind.type === 'map' && isMap(item)) {
    const fields: [string, JsonValue][] = [];
    for (const k of [...kind.keys].sort()) {
      if (has(item, k)) fields.push([k, item[k]]);
      else if (has(KEY_DEFAULTS as JsonObject, k)) fields.push([k, KEY_DEFAULTS[k]]);
    }
    return { t: 'k', fields };
  }
  if (kind.type === 'set') return { t: 'v', value: item };
  return { t: 'i', index };
}

/** TypedValue.ToFieldSet: every leaf and list item the object sets. */
export function toFieldSet(obj: JsonObject, t: TypeRef): FieldSet {
  const out = new FieldSet();
  walkSet(obj, t, [], out);
  return out;
}

function walkSet(obj: JsonObject, t: TypeRef, prefix: Path, out: FieldSet): void {
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const path: Path = [...prefix, { t: 'f', name: key }];
    const c = child(t, key);
    if (granularMap(c, value) && Object.keys(value).length > 0) {
      walkSet(value, c, path, out);
    } else if (granularList(c, value) && value.length > 0) {
      const kind = listOf(c);
      const elem = itemType(c);
      value.forEach((item, i) => {
        const pe = itemElement(kind, item, i);
        out.insert([...path, pe]);
        if (kind.type === 'map' && granularMap(elem, item)) walkSet(item, elem, [...path, pe], out);
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
export function compare(oldObj: JsonObject, newObj: JsonObject, t: TypeRef): Comparison {
  const cmp: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareMaps(oldObj, newObj, t, [], cmp);
  return cmp;
}

function addAll(target: FieldSet, value: JsonValue, c: TypeRef, path: Path): void {
  target.insert(path);
  if (granularMap(c, value)) toFieldSet(value, c).iterate((p) => target.insert([...path, ...p]));
  if (granularList(c, value)) addItems(target, value, c, path);
}

function addItems(target: FieldSet, list: JsonValue[], c: TypeRef, path: Path): void {
  const kind = listOf(c);
  const elem = itemType(c);
  list.forEach((item, i) => {
    const pe = itemElement(kind, item, i);
    target.insert([...path, pe]);
    if (granularMap(elem, item)) toFieldSet(item, elem).iterate((p) => target.insert([...path, pe, ...p]));
  });
}

function compareMaps(l: JsonObject, r: JsonObject, t: TypeRef, prefix: Path, cmp: Comparison): void {
  const keys = new Set([...Object.keys(l), ...Object.keys(r)]);
  for (const key of keys) {
    const path: Path = [...prefix, { t: 'f', name: key }];
    const lv = has(l, key) ? l[key] : undefined;
    const rv = has(r, key) ? r[key] : undefined;
    const c = child(t, key);
    if (lv === undefined) {
      addAll(cmp.added, rv as JsonValue, c, path);
    } else if (rv === undefined) {
      addAll(cmp.removed, lv, c, path);
    } else if (isMap(lv ?? {}) && isMap(rv ?? {}) && granularMap(c, lv ?? {}) && !bothEmpty(lv, rv)) {
      // compare.go doMap: a null map reads as an empty one (its items are added or
      // removed, not the field); only when both are empty/null is it compared as a leaf.
      compareMaps((lv ?? {}) as JsonObject, (rv ?? {}) as JsonObject, c, path, cmp);
    } else if (Array.isArray(lv ?? []) && Array.isArray(rv ?? []) && listOf(c).type !== 'atomic' && !bothEmpty(lv, rv)) {
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

function compareLists(l: JsonValue[], r: JsonValue[], c: TypeRef, path: Path, cmp: Comparison): void {
  const kind = listOf(c);
  const elem = itemType(c);
  const index = (list: JsonValue[]) => {
    const m = new Map<string, { pe: PathElement; item: JsonValue }>();
    list.forEach((item, i) => {
      const pe = itemElement(kind, item, i);
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
      if (granularMap(elem, item)) toFieldSet(item, elem).iterate((p) => cmp.removed.insert([...itemPath, ...p]));
    } else if (granularMap(elem, item) && isMap(other.item)) {
      compareMaps(item, other.item, elem, itemPath, cmp);
    } else if (!deepEqual(item, other.item)) {
      cmp.modified.insert(itemPath);
    }
  }
  for (const [k, { pe, item }] of ri) {
    if (li.has(k)) continue;
    const itemPath = [...path, pe];
    cmp.added.insert(itemPath);
    if (granularMap(elem, item)) toFieldSet(item, elem).iterate((p) => cmp.added.insert([...itemPath, ...p]));
  }
}

/**
 * The object a create is compared against: the kind's Go zero value as
 * runtime.DefaultUnstructuredConverter writes it (endpoints/handlers/create.go
 * passes `scope.Creater.New(kind)` as the live object to the field manager):
 * struct fields are there (as objects) whether omitempty or not, other
 * fields without omitempty as their zero JSON (null for pointers, slices and
 * maps, "" and 0 and false, a Time as null), omitempty ones left out.
 *
 * @example zeroValue('apps.Deployment')
 *   // { metadata: {}, spec: { selector: null, template: { metadata: {}, spec: { containers: null, ... } }, strategy: {} }, status: {} }
 */
export function zeroValue(ref: string): JsonObject {
  const out: JsonObject = {};
  zeroInto(ref, out, new Set());
  return out;
}

/** The JSON a zero non-struct Go value encodes to. */
function zeroScalar(node: TypeNode): JsonValue {
  switch (node.k) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
    case 'uint':
    case 'float':
      return 0;
    case 'custom':
      return node.custom === 'quantity' ? '0' : node.custom === 'intstr' ? 0 : node.custom === 'duration' ? '0s' : null;
    default:
      return null; // nil slices, maps, []byte and interfaces
  }
}

function zeroInto(ref: string, out: JsonObject, seen: Set<string>): void {
  const spec = structSpec(ref);
  if (spec === undefined || seen.has(ref)) return;
  const inner = new Set(seen).add(ref);
  const pkg = ref.slice(0, ref.indexOf('.'));
  const fields = structFields(ref);
  for (const f of spec.fields) {
    if (f.embedded) {
      const dot = f.goType.indexOf('.');
      zeroInto(dot < 0 ? `${pkg}.${f.goType.replace(/^\*/, '')}` : f.goType.replace(/^\*/, ''), out, inner);
      continue;
    }
    const t = fields.get(f.json);
    const pointer = f.goType.startsWith('*');
    if (t?.kind === 'struct' && !pointer) {
      const sub: JsonObject = {};
      zeroInto(t.ref as string, sub, inner);
      set(out, f.json, sub);
    } else if (!f.omitempty) {
      set(out, f.json, pointer ? null : zeroScalar(GO_TYPES.typeNode(pkg, f.goType)));
    }
  }
}

/** TypedValue.Merge(live, config): the config's fields win; keyed lists and sets merge item by item. */
export function mergeObjects(live: JsonObject, config: JsonObject, t: TypeRef): JsonObject {
  const out = clone(live);
  for (const key of Object.keys(config)) {
    const rv = config[key];
    const lv = has(out, key) ? out[key] : undefined;
    const c = child(t, key);
    if (granularMap(c, lv) && isMap(rv)) set(out, key, mergeObjects(lv, rv, c));
    else if (granularList(c, lv) && Array.isArray(rv)) set(out, key, mergeLists(lv, rv, c));
    else set(out, key, clone(rv));
  }
  return out;
}

/** merge.go visitListItems: live-only items stay in place, shared items follow the config's order, new ones are inserted where the config has them. */
function mergeLists(lhs: JsonValue[], rhs: JsonValue[], c: TypeRef): JsonValue[] {
  const kind = listOf(c);
  const elem = itemType(c);
  const lPEs = lhs.map((item, i) => elementKey(itemElement(kind, item, i)));
  const rPEs = rhs.map((item, i) => elementKey(itemElement(kind, item, i)));
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
  const mergeItem = (l: JsonValue | undefined, r: JsonValue | undefined): JsonValue => {
    if (l === undefined) return clone(r as JsonValue);
    if (r === undefined) return clone(l);
    if (granularMap(elem, l) && isMap(r)) return mergeObjects(l, r, elem);
    return clone(r);
  };
  let lI = 0;
  let rI = 0;
  while (lI < lPEs.length || rI < rPEs.length) {
    if (lI < lPEs.length && rI < rPEs.length) {
      const pe = lPEs[lI];
      if (pe === rPEs[rI]) {
        mergedRHS.add(pe);
        out.push(mergeItem(lMap.get(pe), rMap.get(pe)));
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
      out.push(mergeItem(lMap.get(pe), rMap.get(pe)));
      rI++;
      if (nextShared !== undefined && nextShared === pe) nextShared = sharedOrder.shift();
    }
  }
  return out;
}

/** TypedValue.RemoveItems: drops every member path of `fields` from the object. */
export function removeItems(obj: JsonObject, fields: FieldSet, t: TypeRef): JsonObject {
  const out = clone(obj);
  removeFrom(out, fields, t);
  return out;
}

function removeFrom(obj: JsonObject, fields: FieldSet, t: TypeRef): void {
  for (const key of Object.keys(obj)) {
    const pe: PathElement = { t: 'f', name: key };
    const value = obj[key];
    const c = child(t, key);
    if (fields.has([pe])) {
      delete obj[key];
      continue;
    }
    const sub = fields.descend(pe);
    if (!sub) continue;
    if (granularMap(c, value)) removeFrom(value, sub, c);
    else if (granularList(c, value)) {
      const kind = listOf(c);
      const elem = itemType(c);
      const kept: JsonValue[] = [];
      value.forEach((item, i) => {
        const ipe = itemElement(kind, item, i);
        if (sub.has([ipe])) return;
        const itemSub = sub.descend(ipe);
        if (itemSub && granularMap(elem, item)) removeFrom(item, itemSub, elem);
        kept.push(item);
      });
      set(obj, key, kept);
    }
  }
}

/**
 * TypedValue validation as ObjectToTyped does it for an applied object: a field
 * the schema does not declare is an error (`.spec.foo: field not declared in
 * schema`). Returns the errors as SMD's ValidationErrors prints them, or ''.
 */
export function validateTyped(obj: JsonObject, t: TypeRef): string {
  const errs: string[] = [];
  const walk = (v: JsonValue, at: TypeRef, path: Path) => {
    if (isMap(v) && at.kind === 'struct') {
      for (const key of Object.keys(v)) {
        const f = fieldType(at, key);
        const p: Path = [...path, { t: 'f', name: key }];
        if (f === undefined) errs.push(`${pathString(p)}: field not declared in schema`);
        else walk(v[key], f, p);
      }
    } else if (isMap(v) && at.kind === 'map' && at.elem) {
      for (const key of Object.keys(v)) walk(v[key], at.elem, [...path, { t: 'f', name: key }]);
    } else if (Array.isArray(v) && at.kind === 'list' && at.elem) {
      const kind = listOf(at);
      v.forEach((item, i) => walk(item, at.elem as TypeRef, [...path, itemElement(kind, item, i)]));
    }
  };
  walk(obj, t, []);
  if (errs.length === 0) return '';
  return errs.length === 1 ? errs[0] : ['errors:', ...errs.map((e) => `  ${e}`)].join('\n');
}
