// The structured-merge-diff schema of a kind, read from the decode schemas:
// what kube-apiserver's type converter builds from the OpenAPI models
// (k8s.io/kube-openapi pkg/schemaconv, which turns the Go markers into
// element relationships) and what server-side apply walks.
//
//   a list   +listType=atomic              → atomic: one value, one owner
//            +listType=set                 → a set: items are `v:<value>`
//            +listType=map +listMapKey=k   → a map keyed by k: items are `k:{"k":...}`
//            no marker, patchStrategy merge → keyed by the patchMergeKey (a set without one)
//            no marker otherwise           → atomic
//   a map    +mapType=atomic → atomic, else granular (every key its own field)
//   a struct +structType=atomic (on the type, or on the field) → atomic, else granular
//   Quantity, IntOrString, Time, []byte, ... → scalars
//   RawExtension, FieldsV1, apiextensions JSON, interface{} → "deduced" (maps
//            granular, lists atomic, as for an untyped value)
// src: sigs.k8s.io/structured-merge-diff/v6 schema/elements.go;
//      k8s.io/kube-openapi pkg/schemaconv/smd.go (getListElementRelationship)

import { GO_TYPES, structSpec } from '../decode/go-types.ts';
import type { TypeNode } from '../decode/go-types.ts';
import type { FieldSpec } from '../decode/schema-types.ts';
import { KIND_STRUCTS } from '../decode/schemas.ts';
import { kindKey } from '../kinds.ts';

export type ListKind = { readonly type: 'atomic' } | { readonly type: 'set' } | { readonly type: 'map'; readonly keys: readonly string[] };

/** The schema at one position of an object. */
export interface TypeRef {
  readonly kind: 'struct' | 'map' | 'list' | 'scalar' | 'deduced';
  /** A struct: its qualified Go name (`core.PodSpec`). */
  readonly ref?: string;
  /** A map's values or a list's items. */
  readonly elem?: TypeRef;
  readonly list?: ListKind;
  /** A struct or map owned as one value. */
  readonly atomic: boolean;
}

export const DEDUCED: TypeRef = { kind: 'deduced', atomic: false };
const SCALAR: TypeRef = { kind: 'scalar', atomic: true };
const ATOMIC_LIST: ListKind = { type: 'atomic' };

/** The schema of a served kind's objects, or undefined. */
export function rootType(apiVersion: string, kind: string): TypeRef | undefined {
  const key = kindKey(apiVersion, kind);
  const ref = Object.hasOwn(KIND_STRUCTS, key) ? KIND_STRUCTS[key] : undefined;
  return ref === undefined ? undefined : { kind: 'struct', ref, atomic: false };
}

const fieldsByStruct = new Map<string, ReadonlyMap<string, TypeRef>>();

/**
 * The schema of field `key` below `t`: a struct's field (undefined when the
 * struct has none of that name), a map's value, anything below a deduced value.
 */
export function fieldType(t: TypeRef, key: string): TypeRef | undefined {
  switch (t.kind) {
    case 'struct':
      return structFields(t.ref as string).get(key);
    case 'map':
      return t.elem;
    default:
      return DEDUCED;
  }
}

/** The JSON fields of a struct, embedded structs' fields promoted (encoding/json typeFields). */
export function structFields(ref: string): ReadonlyMap<string, TypeRef> {
  let fields = fieldsByStruct.get(ref);
  if (fields === undefined) {
    const out = new Map<string, TypeRef>();
    fieldsByStruct.set(ref, out); // before filling: recursive types (JSONSchemaProps) find it
    collect(ref, out);
    fields = out;
  }
  return fields;
}

function collect(ref: string, out: Map<string, TypeRef>): void {
  const spec = structSpec(ref);
  if (spec === undefined) throw new Error(`field-manager: no struct ${ref}`);
  const pkg = ref.slice(0, ref.indexOf('.'));
  const promoted: Map<string, TypeRef>[] = [];
  for (const f of spec.fields) {
    const node = GO_TYPES.typeNode(pkg, f.goType);
    if (f.embedded) {
      if (node.k !== 'struct') throw new Error(`field-manager: embedded ${f.goType} in ${ref} is not a struct`);
      const inner = new Map<string, TypeRef>();
      collect(node.ref, inner);
      promoted.push(inner);
      continue;
    }
    out.set(f.json, typeOf(node, f));
  }
  // A promoted field never hides one declared on the outer struct.
  for (const inner of promoted) for (const [json, t] of inner) if (!out.has(json)) out.set(json, t);
}

function typeOf(node: TypeNode, field?: FieldSpec): TypeRef {
  switch (node.k) {
    case 'string':
    case 'bool':
    case 'float':
    case 'int':
    case 'uint':
    case 'bytes':
      return SCALAR;
    case 'any':
      return DEDUCED;
    case 'custom':
      return node.custom === 'raw' || node.custom.startsWith('schemaOr') ? DEDUCED : SCALAR;
    case 'slice':
      return { kind: 'list', elem: typeOf(node.elem), list: listKind(field), atomic: false };
    case 'map':
      return { kind: 'map', elem: typeOf(node.elem), atomic: field?.mapType === 'atomic' };
    case 'struct': {
      const marker = field?.structType ?? field?.mapType ?? structSpec(node.ref)?.structType;
      return { kind: 'struct', ref: node.ref, atomic: marker === 'atomic' };
    }
  }
}

/** getListElementRelationship: the list markers, else the patch strategy, else atomic. */
function listKind(field: FieldSpec | undefined): ListKind {
  if (field === undefined) return ATOMIC_LIST;
  switch (field.listType) {
    case 'atomic':
      return ATOMIC_LIST;
    case 'set':
      return { type: 'set' };
    case 'map':
      return { type: 'map', keys: field.listMapKeys ?? (field.patchMergeKey ? [field.patchMergeKey] : []) };
  }
  if (field.patchStrategy?.split(',').includes('merge')) return field.patchMergeKey ? { type: 'map', keys: [field.patchMergeKey] } : { type: 'set' };
  return ATOMIC_LIST;
}
