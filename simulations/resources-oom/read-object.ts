// A core/v1 object handed to a public function (getPodQOS, describePod, ...)
// or pasted into oom-diagnose, read the way Go reads it: the API server's
// decoder checks every field's JSON type, and `null` becomes the Go zero value
// (a struct field absent, a list item or map value its element's zero), so the
// kubelet and kubectl helpers behind never meet a null where Go has a value.

import type { JsonObject, JsonValue } from '../apimachinery/json.ts';
import { setOwn } from '../apimachinery/json.ts';
import { decodeObject, unmarshal } from '../apiserver/decode/decode.ts';
import { GO_TYPES } from '../apiserver/decode/go-types.ts';
import { KIND_STRUCTS } from '../apiserver/decode/schemas.ts';
import { kindKey } from '../apiserver/kinds.ts';
import type { ApiServer } from '../apiserver/api-server.ts';
import { admitObjects } from '../kubectl/create.ts';
import type { Admittance } from '../kubectl/create.ts';
import type { TypeNode } from '../apiserver/decode/go-types.ts';
import { LimitExceededError, ValidationError, describeValue } from '../shared/errors.ts';
import { Quantity, QuantityError } from '../apimachinery/quantity.ts';
import type { FieldPath } from '../shared/errors.ts';

/** How encoding/json names a JSON value's kind. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/** The zero value a null list item or map value decodes to. */
function zero(t: TypeNode): JsonValue | undefined {
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
    case 'map':
      return {};
    case 'slice':
      return [];
    case 'custom':
      return t.custom === 'quantity' ? '0' : t.custom === 'intstr' ? 0 : undefined;
    default:
      return undefined;
  }
}

/** A copy of `value` (already decoded as `t`) with every null replaced as Go reads it. */
function normalize(value: JsonValue, t: TypeNode): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (t.k === 'slice' && Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      if (item === null) {
        const z = zero(t.elem);
        out.push(z === undefined ? null : z);
      } else {
        out.push(normalize(item, t.elem));
      }
    }
    return out;
  }
  if (t.k === 'map' && !Array.isArray(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      const z = item === null ? zero(t.elem) : undefined;
      setOwn(out, key, item === null ? (z === undefined ? null : z) : normalize(item, t.elem));
    }
    return out;
  }
  if (t.k === 'struct' && !Array.isArray(value)) {
    const fields = GO_TYPES.structInfo(t.ref).fields;
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === null) continue;
      const field = fields.get(key);
      setOwn(out, key, field ? normalize(item, field.type) : item);
    }
    return out;
  }
  return value;
}

/**
 * Reads `value` as a core/v1 `kind`: its types checked by the API server's
 * decoder (not strict: a field it does not know is left alone), nulls read as
 * Go's zero values. Throws ValidationError at the first offending field.
 *
 * @example readCoreObject({ spec: { containers: [null] } }, 'Pod').spec.containers // [{}]
 */
export function readCoreObject(value: unknown, kind: 'Pod' | 'Event', at: { object?: object; path?: FieldPath } = {}): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(`json: cannot unmarshal ${jsonKind(value)} into Go value of type v1.${kind}`, { object: at.object, path: at.path ?? [] });
  }
  const { error } = unmarshal(value, 'core', kind, { strict: false });
  if (error) throw new ValidationError(error.message, { object: value, path: error.path });
  return normalize(value as JsonObject, GO_TYPES.typeNode('core', kind)) as JsonObject;
}

/** A stored object (already decoded) with its nulls read as Go's zero values. */
export function withGoZeroValues(value: Readonly<JsonObject>, kind: 'Pod' | 'Event'): JsonObject {
  return normalize(value as JsonObject, GO_TYPES.typeNode('core', kind)) as JsonObject;
}

/** Whether a null is anywhere in the value (most objects have none, and need no second look). */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasNull);
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key) && hasNull((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * A built-in object as the API server's Go code holds it once decoded: a copy
 * with every null read as Go's zero value (a null container is an empty
 * Container). An object the decoder refuses, or of a kind it does not know,
 * comes back as it is, for the API server to refuse in its own words.
 *
 * @example asDecoded({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [null] } }).spec // { containers: [{}] }
 */
export function asDecoded(object: JsonObject): JsonObject {
  if (!hasNull(object)) return object;
  const root = KIND_STRUCTS[kindKey(String(object.apiVersion), String(object.kind))];
  if (root === undefined || !decodeObject(object).ok) return object;
  return normalize(object, GO_TYPES.typeNode(root.slice(0, root.indexOf('.')), root)) as JsonObject;
}

/** The path of the first quantity field (by the kind's Go types) whose value this simulation's Quantity cannot hold. */
function unrepresentable(value: JsonValue, t: TypeNode, path: FieldPath): FieldPath | undefined {
  if (value === null) return undefined;
  if (t.k === 'custom' && t.custom === 'quantity') return (typeof value === 'string' || typeof value === 'number') && !Quantity.tryParse(value) ? path : undefined;
  if (typeof value !== 'object') return undefined;
  if (t.k === 'slice' && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unrepresentable(value[i], t.elem, [...path, i]);
      if (found) return found;
    }
  } else if (t.k === 'map' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      const found = unrepresentable(value[key], t.elem, [...path, key]);
      if (found) return found;
    }
  } else if (t.k === 'struct' && !Array.isArray(value)) {
    const fields = GO_TYPES.structInfo(t.ref).fields;
    for (const key of Object.keys(value)) {
      const field = fields.get(key);
      const found = field ? unrepresentable(value[key], field.type, [...path, key]) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuses a built-in object holding a quantity Go accepts but this
 * simulation's Quantity does not represent (more than 40 digits, an exponent
 * beyond ±60): a limit of the simulation, at that value's line.
 */
export function checkQuantitiesRepresentable(object: JsonObject): void {
  const root = KIND_STRUCTS[kindKey(String(object.apiVersion), String(object.kind))];
  if (root === undefined) return;
  const path = unrepresentable(object, GO_TYPES.typeNode(root.slice(0, root.indexOf('.')), root), []);
  if (!path) return;
  const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], object);
  throw new LimitExceededError(`${describeValue(value)} is a quantity this simulation cannot represent (at most 40 digits, exponents within ±60)`, { object, path });
}

/** Runs an API server call; a QuantityError out of it (a value the Go code would hold) is the learner's limit, at its line. */
export function withRepresentableQuantities<T>(objects: readonly JsonObject[], run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof QuantityError)) throw e;
    for (const o of objects) checkQuantitiesRepresentable(o);
    throw new LimitExceededError(`${e.message}: a quantity this simulation cannot represent`, { path: [] });
  }
}

/**
 * admitObjects (kubectl/create.ts) of the objects as decoded (asDecoded); a
 * refusal points into the object the learner wrote.
 */
export function admitAsDecoded(api: ApiServer, objects: readonly JsonObject[], mode: Admittance): Readonly<JsonObject>[] {
  const decoded = objects.map(asDecoded);
  try {
    return withRepresentableQuantities(objects, () => admitObjects(api, decoded, mode));
  } catch (e) {
    const i = e instanceof ValidationError ? decoded.indexOf(e.object as JsonObject) : -1;
    if (!(e instanceof ValidationError) || i < 0 || decoded[i] === objects[i]) throw e;
    throw new ValidationError(e.reason, { object: objects[i], path: e.path, message: e.message, code: e.code });
  }
}
