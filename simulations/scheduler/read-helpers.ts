// Small typed readers over parsed YAML, each throwing a ValidationError that names the field when a
// value has a shape it cannot be read as (the API server's decoder refuses those before the engine reads).

import { ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

export function objectAt(value: JsonValue | undefined, root: object, path: FieldPath): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new ValidationError(`Invalid value: ${describeValue(value)}: must be a mapping`, { object: root, path });
  return value;
}

export function listAt(value: JsonValue | undefined, root: object, path: FieldPath): JsonValue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ValidationError(`Invalid value: ${describeValue(value)}: must be a list`, { object: root, path });
  return value;
}

export function stringAt(value: JsonValue | undefined, root: object, path: FieldPath): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new ValidationError(`Invalid value: ${describeValue(value)}: must be a string`, { object: root, path });
  return value;
}

export function intAt(value: JsonValue | undefined, root: object, path: FieldPath): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValidationError(`Invalid value: ${describeValue(value)}: must be an integer`, { object: root, path });
  }
  return value;
}

export function boolAt(value: JsonValue | undefined, root: object, path: FieldPath): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ValidationError(`Invalid value: ${describeValue(value)}: must be true or false`, { object: root, path });
  return value;
}

/** Reads a label map into a prototype-free record (whether keys and values are valid labels is the API server's question). */
export function labelsAt(value: JsonValue | undefined, root: object, path: FieldPath): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const map = objectAt(value, root, path);
  if (!map) return out;
  for (const [k, v] of Object.entries(map)) {
    const s = v === null ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
    if (s === undefined) throw new ValidationError(`Invalid value: ${describeValue(v)}: label values must be strings`, { object: root, path: [...path, k] });
    out[k] = s;
  }
  return out;
}

/** `Unsupported value: "Foo": supported values: "A", "B"` (field.NotSupported). */
export function unsupported(value: unknown, supported: readonly string[], root: object, path: FieldPath): ValidationError {
  return new ValidationError(
    `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
    { object: root, path },
  );
}

export function required(root: object, path: FieldPath, detail?: string): ValidationError {
  return new ValidationError(detail ? `Required value: ${detail}` : 'Required value', { object: root, path });
}

/** 32-bit FNV-1a: used for deterministic UIDs and names (upstream uses randomness there). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A UUID-shaped, deterministic stand-in for metadata.uid (the API server makes random v4 UUIDs). */
export function deterministicUid(seed: string): string {
  const parts = [fnv32a(seed), fnv32a(`a${seed}`), fnv32a(`b${seed}`), fnv32a(`c${seed}`)].map((n) => n.toString(16).padStart(8, '0'));
  const hex = parts.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
