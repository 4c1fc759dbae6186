// Reads JSON data (the learner's YAML, already converted) into well-typed values
// the way the API server decodes a request body into its Go structs: every
// field's JSON type is checked against the field's Go type, `null` is the Go zero
// value (for a struct field: as if it were absent), and fields the struct does not
// declare are dropped (or refused, for a strict struct). Code after the decoder
// never meets a number where it expects a string, or `null` where it expects a
// list.
//
// A wrong type is refused with encoding/json's own UnmarshalTypeError text and the
// field path, so the runtime can point at the line:
//   spec.containers[0].image: json: cannot unmarshal number into Go struct field
//   Container.spec.containers.image of type string
// src: sigs.k8s.io/json internal/golang/encoding/json/decode.go (object, array,
// literalStore, addErrorContext: Struct is the innermost struct type, Field the JSON
// field names from the root joined by "."; list indices and map keys are not part
// of it); apimachinery resource.Quantity, intstr.IntOrString, metav1.Time,
// metav1.Duration UnmarshalJSON.

import { ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import { Quantity } from '../apimachinery/quantity.ts';
import { setOwn } from '../shared/yaml.ts';
import { parseGoDuration } from '../apimachinery/parse-duration.ts';

/** Where a value sits: for the error's path (from `root`) and Go's error context. */
export interface Where {
  /** The object `path` starts from: a parsed manifest, so the runtime finds the line. */
  readonly root: object;
  readonly path: FieldPath;
  /** Go's errorContext.Struct: the innermost struct type ('' at the top). */
  readonly struct: string;
  /** Go's errorContext.FieldStack: JSON field names from the root. */
  readonly fields: readonly string[];
}

/** A Go type: how to read it from JSON, and its zero value. */
export interface GoType<T> {
  /** reflect.Type.String(), for messages: "string", "int32", "[]v1.Container". */
  readonly name: string;
  /** The value `null` decodes to inside a list or a map. */
  zero(): T;
  /** Reads a value that is neither null nor undefined. */
  read(value: unknown, at: Where): T;
}

/** The TypeScript type a GoType decodes to. */
export type Decoded<G> = G extends GoType<infer T> ? T : never;

/** A value at the top of a document. */
export function rootOf(object: object): Where {
  return { root: object, path: [], struct: '', fields: [] };
}

/** JSON's name for a value, as encoding/json reports it. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value; // string, number, object (and, from direct calls, bigint, function…)
}

/** Go's %v of a JSON number literal, close enough for messages ("1.5", "3000000000", "1e+21"). */
function numberText(value: number): string {
  return String(value);
}

/** encoding/json UnmarshalTypeError.Error(). */
export function typeMismatch(at: Where, type: string, value: unknown, withLiteral = false): ValidationError {
  const what = withLiteral && typeof value === 'number' ? `number ${numberText(value)}` : jsonKind(value);
  const reason =
    at.struct !== ''
      ? `json: cannot unmarshal ${what} into Go struct field ${at.struct}.${at.fields.join('.')} of type ${type}`
      : `json: cannot unmarshal ${what} into Go value of type ${type}`;
  return new ValidationError(reason, { object: at.root, path: at.path });
}

/** An error from an UnmarshalJSON method: Go gives it no struct context. */
function unmarshalerMismatch(at: Where, type: string, value: unknown, withLiteral = false): ValidationError {
  return typeMismatch({ ...at, struct: '', fields: [] }, type, value, withLiteral);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// ---- Scalars ----

/** A Go string, or a named string type such as v1.RestartPolicy. */
export function string(name = 'string'): GoType<string> {
  return {
    name,
    zero: () => '',
    read(value, at) {
      if (typeof value !== 'string') throw typeMismatch(at, name, value);
      return value;
    },
  };
}

export const STRING = string();

export const BOOL: GoType<boolean> = {
  name: 'bool',
  zero: () => false,
  read(value, at) {
    if (typeof value !== 'boolean') throw typeMismatch(at, 'bool', value);
    return value;
  },
};

/** int32 or int64: a JSON number without a fraction, inside the type's range. */
export function int(bits: 32 | 64): GoType<number> {
  const name = `int${bits}`;
  const max = 2 ** (bits - 1);
  return {
    name,
    zero: () => 0,
    read(value, at) {
      if (typeof value !== 'number') throw typeMismatch(at, name, value);
      // literalStore: strconv.ParseInt fails on "1.5", OverflowInt on a value out of range.
      if (!Number.isInteger(value) || value >= max || value < -max) throw typeMismatch(at, name, value, true);
      return value;
    },
  };
}

export const INT32 = int(32);
export const INT64 = int(64);

/**
 * resource.Quantity: a string or a number that parses as a quantity; the value is
 * kept as written (string or number) so printing stays as the learner wrote it.
 */
export const QUANTITY: GoType<string | number> = {
  name: 'resource.Quantity',
  zero: () => '0',
  read(value, at) {
    if ((typeof value !== 'string' && typeof value !== 'number') || !Quantity.tryParse(value)) {
      throw new ValidationError(`${describeValue(value)} is not a valid quantity`, { object: at.root, path: at.path });
    }
    return value;
  },
};

/** intstr.IntOrString: a quoted string, or else an int32 (IntOrString.UnmarshalJSON). */
export const INT_OR_STRING: GoType<string | number> = {
  name: 'intstr.IntOrString',
  zero: () => 0,
  read(value, at) {
    if (typeof value === 'string') return value;
    if (typeof value !== 'number') throw unmarshalerMismatch(at, 'int32', value);
    if (!Number.isInteger(value) || value >= 2 ** 31 || value < -(2 ** 31)) throw unmarshalerMismatch(at, 'int32', value, true);
    return value;
  },
};

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Unix milliseconds of an RFC 3339 time, or undefined when it is not one (Go's time.Parse rules for the fields' ranges). */
export function parseRFC3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysIn = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // month length in a leap year
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > daysIn || (month === 2 && day === 29 && !leap)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * metav1.Time and metav1.MicroTime: a JSON string holding an RFC 3339 time (kept as
 * written). The zero value is the zero time, which the API shows as null.
 */
export const TIME: GoType<string | null> = {
  name: 'v1.Time',
  zero: () => null,
  read(value, at) {
    if (typeof value !== 'string') throw unmarshalerMismatch(at, 'string', value);
    if (parseRFC3339(value) === undefined) {
      throw new ValidationError(`Invalid value: ${JSON.stringify(value)}: must be an RFC 3339 time such as "2025-01-01T00:00:00Z"`, {
        object: at.root,
        path: at.path,
      });
    }
    return value;
  },
};

/** metav1.Duration: a JSON string Go's time.ParseDuration reads ("30s", "5m"); decoded to milliseconds. */
export const DURATION: GoType<number> = {
  name: 'v1.Duration',
  zero: () => 0,
  read(value, at) {
    if (typeof value !== 'string') throw unmarshalerMismatch(at, 'string', value);
    const ms = parseGoDuration(value);
    if (typeof ms === 'string') throw new ValidationError(`Invalid value: ${JSON.stringify(value)}: ${ms}`, { object: at.root, path: at.path });
    return ms;
  },
};

// ---- Composites ----

/** []T: a JSON list; a `null` item is T's zero value. */
export function list<T>(of: GoType<T>): GoType<T[]> {
  const name = `[]${of.name}`;
  return {
    name,
    zero: () => [],
    read(value, at) {
      if (!Array.isArray(value)) throw typeMismatch(at, name, value);
      return value.map((item, i) => {
        const here = { ...at, path: [...at.path, i] };
        return item === null || item === undefined ? of.zero() : of.read(item, here);
      });
    },
  };
}

/** map[string]T: a JSON mapping; a `null` value is T's zero value. */
export function map<T>(of: GoType<T>, name = `map[string]${of.name}`): GoType<Record<string, T>> {
  return {
    name,
    zero: () => ({}),
    read(value, at) {
      if (!isMapping(value)) throw typeMismatch(at, name, value);
      const out: Record<string, T> = {};
      for (const [key, item] of Object.entries(value)) {
        const here = { ...at, path: [...at.path, key] };
        setOwn(out, key, item === null || item === undefined ? of.zero() : of.read(item, here));
      }
      return out;
    },
  };
}

type Fields = Record<string, GoType<unknown>>;
/** A struct's decoded shape: every field optional (absent = Go's zero value or nil). */
export type StructOf<F extends Fields> = { [K in keyof F]?: Decoded<F[K]> };

export interface StructOptions {
  /** Package qualifier for reflect's type name (default "v1"). */
  pkg?: string;
  /** Refuse fields the struct does not declare (kubectl's strict field validation) instead of dropping them. */
  strict?: boolean;
}

/**
 * A Go struct with JSON field names. A field set to `null` is left out, as Go
 * leaves the zero value; undeclared fields are dropped, or refused when `strict`.
 *
 * @example
 *   const PORT = struct('ContainerPort', { containerPort: INT32, protocol: string('v1.Protocol') });
 *   PORT.read({ containerPort: '80' }, at)
 *   // throws "json: cannot unmarshal string into Go struct field ContainerPort.….containerPort of type int32"
 */
export function struct<F extends Fields>(goName: string, fields: F, options: StructOptions = {}): GoType<StructOf<F>> {
  const name = `${options.pkg ?? 'v1'}.${goName}`;
  return {
    name,
    zero: () => ({}),
    read(value, at) {
      if (!isMapping(value)) throw typeMismatch(at, name, value);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const type = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
        const path = [...at.path, key];
        if (!type) {
          if (options.strict) throw new ValidationError(`unknown field "${key}"`, { object: at.root, path });
          continue;
        }
        if (item === null || item === undefined) continue;
        out[key] = type.read(item, { root: at.root, path, struct: goName, fields: [...at.fields, key] });
      }
      return out as StructOf<F>;
    },
  };
}
