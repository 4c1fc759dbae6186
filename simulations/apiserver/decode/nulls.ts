// What a JSON null becomes once kube-apiserver has decoded it into a Go struct
// and encoded it again for storage: a nil pointer, map, slice or interface is
// dropped (omitempty) or stays null; any other field holds its zero value
// ("", 0, false, an empty struct); a null map value or list item is its
// element's zero value — `limits: {cpu: null}` is a limit of 0, `containers:
// [null]` an empty Container. Validation, defaults and every reader then see
// what the API server would have seen.
// src: encoding/json (decode: null leaves the zero value; encode: omitempty),
//      apimachinery pkg/api/resource/quantity.go (the zero Quantity marshals as "0"),
//      pkg/util/intstr (the zero IntOrString marshals as 0), pkg/apis/meta/v1/time.go (the zero Time as null)

import type { JsonObject, JsonValue } from '../../apimachinery/json.ts';
import { setOwn } from '../../apimachinery/json.ts';
import { GO_TYPES } from './go-types.ts';
import { KIND_STRUCTS } from './schemas.ts';
import type { TypeNode } from './go-types.ts';

interface FieldTypes {
  readonly type: TypeNode;
  readonly omitempty: boolean;
  readonly omitzero: boolean;
}

const FIELDS = new Map<string, ReadonlyMap<string, FieldTypes>>();

/** The JSON fields of a struct, embedded (inline) structs' fields promoted, with their omitempty. */
function fieldsOf(ref: string): ReadonlyMap<string, FieldTypes> {
  let fields = FIELDS.get(ref);
  if (fields) return fields;
  const out = new Map<string, FieldTypes>();
  const spec = GO_TYPES.structSpec(ref);
  const pkg = ref.slice(0, ref.indexOf('.'));
  for (const f of spec?.fields ?? []) {
    const type = GO_TYPES.typeNode(pkg, f.goType);
    if (f.embedded) {
      if (type.k === 'struct') for (const [name, inner] of fieldsOf(type.ref)) if (!out.has(name)) out.set(name, inner);
      continue;
    }
    out.set(f.json, { type, omitempty: f.omitempty, omitzero: f.omitzero });
  }
  fields = out;
  FIELDS.set(ref, fields);
  return fields;
}

/** The zero value of a Go type as its JSON encoding, or undefined for nil (null). */
function zeroOf(t: TypeNode): JsonValue | undefined {
  if (t.ptr) return undefined;
  switch (t.k) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
    case 'uint':
    case 'float':
      return 0;
    case 'struct':
      return {};
    case 'custom':
      // Quantity "0", IntOrString 0; Time, MicroTime and the raw kinds encode their zero as null.
      return t.custom === 'quantity' ? '0' : t.custom === 'intstr' ? 0 : t.custom === 'duration' ? '0s' : undefined;
    default:
      // slices, maps, []byte, interface{}: nil
      return undefined;
  }
}

/**
 * A struct field decoded from null and encoded again: its encoding, or
 * undefined when the field is left out (omitempty on an empty value, omitzero
 * on a zero one).
 */
function nullField(field: FieldTypes): JsonValue | undefined {
  if (field.omitzero) return undefined;
  const t = field.type;
  const zero = zeroOf(t);
  // omitempty never drops a struct (Quantity, IntOrString, Time and the other custom types are structs
  // too); a zero Time or RawExtension encodes as null.
  if (t.k === 'struct' || (t.k === 'custom' && !t.ptr)) return zero ?? null;
  if (zero === undefined) return field.omitempty ? undefined : null; // nil
  return field.omitempty ? undefined : zero; // "", 0, false
}

/**
 * Replaces the nulls in `obj`, a decoded object of a built-in kind, as Go's
 * decode and encode would, in place. Objects of other kinds are left alone.
 *
 * @example
 *   settleNulls(pod) // spec.containers[0].resources.limits.cpu: null → "0"; metadata.labels: null → (gone)
 */
export function settleNulls(obj: JsonObject): void {
  const root = KIND_STRUCTS[`${String(obj.apiVersion)}/${String(obj.kind)}`];
  if (root !== undefined) settleStruct(obj, root);
}

/** settleNulls for an object read as a given struct ("core.Pod"), whatever its apiVersion and kind say. */
export function settleNullsAs(obj: JsonObject, structRef: string): void {
  settleStruct(obj, structRef);
}

function settleStruct(obj: JsonObject, ref: string): void {
  const fields = fieldsOf(ref);
  for (const key of Object.keys(obj)) {
    const field = fields.get(key);
    if (!field) continue; // not a field of the struct (the decoder refused such objects already)
    const v = obj[key];
    if (v === null) {
      const settled = nullField(field);
      if (settled === undefined) delete obj[key];
      else setOwn(obj, key, settled);
      continue;
    }
    settleValue(v, field.type);
  }
}

function settleValue(v: JsonValue, t: TypeNode): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    if (t.k !== 'slice') return;
    for (let i = 0; i < v.length; i++) {
      if (v[i] === null) {
        const zero = zeroOf(t.elem);
        if (zero !== undefined) v[i] = zero;
      } else {
        settleValue(v[i], t.elem);
      }
    }
    return;
  }
  if (t.k === 'struct') return settleStruct(v, t.ref);
  if (t.k === 'map') {
    for (const key of Object.keys(v)) {
      const item = v[key];
      if (item === null) {
        const zero = zeroOf(t.elem);
        if (zero !== undefined) setOwn(v, key, zero);
      } else {
        settleValue(item, t.elem);
      }
    }
  }
}
