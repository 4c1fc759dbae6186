// field.Error and field.ErrorList: what validation returns, one value per
// problem, worded exactly as kube-apiserver prints them.
// src: staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go

import { Path } from './field-path.ts';
import { goQuote } from './go-strconv.ts';
import { compareGoStrings } from './go-values.ts';
import { setOwn } from './json.ts';

/** field.ErrorType: the machine-readable kind of problem. */
export type ErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTooFew'
  | 'InternalError'
  | 'FieldValueTypeInvalid'
  | 'FieldValueTooShort';

/** ErrorType.String(). */
export const ERROR_TYPE_TEXT: Readonly<Record<ErrorType, string>> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueTooFew: 'Too few',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
  FieldValueTooShort: 'Too short',
};

/** Marks a bad value that ErrorBody leaves out (field.omitValue). */
export const OMIT_VALUE: unique symbol = Symbol('omitValue');

/** A bad value as Go would hold it: numbers are int64 unless said float. */
export type BadValue = string | number | boolean | null | undefined | object | typeof OMIT_VALUE | { float: number };

/**
 * One validation problem. `field` is upstream's path string; `path` the same
 * path as segments (to find the line in the learner's YAML).
 */
export interface FieldErr {
  readonly type: ErrorType;
  readonly field: string;
  readonly path: (string | number)[];
  readonly badValue: BadValue;
  readonly detail: string;
}

export type ErrorList = FieldErr[];

function make(type: ErrorType, path: Path, badValue: BadValue, detail: string): FieldErr {
  return { type, field: path.toString(), path: path.segments(), badValue, detail };
}

/** field.Required(path, detail). */
export function required(path: Path, detail = ''): FieldErr {
  return make('FieldValueRequired', path, '', detail);
}

/** field.Invalid(path, value, detail). */
export function invalid(path: Path, value: BadValue, detail = ''): FieldErr {
  return make('FieldValueInvalid', path, value, detail);
}

/** field.TypeInvalid(path, value, detail). */
export function typeInvalid(path: Path, value: BadValue, detail = ''): FieldErr {
  return make('FieldValueTypeInvalid', path, value, detail);
}

/** field.NotFound(path, value). */
export function notFound(path: Path, value: BadValue): FieldErr {
  return make('FieldValueNotFound', path, value, '');
}

/** field.Duplicate(path, value). */
export function duplicate(path: Path, value: BadValue): FieldErr {
  return make('FieldValueDuplicate', path, value, '');
}

/** field.NotSupported(path, value, validValues): detail `supported values: "a", "b"`. */
export function notSupported(path: Path, value: BadValue, validValues: readonly string[]): FieldErr {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map((v) => goQuote(v)).join(', ')}` : '';
  return make('FieldValueNotSupported', path, value, detail);
}

/** field.Forbidden(path, detail). */
export function forbidden(path: Path, detail: string): FieldErr {
  return make('FieldValueForbidden', path, '', detail);
}

/** field.TooLong(path, value, maxLength): counts bytes. */
export function tooLong(path: Path, maxLength: number): FieldErr {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return make('FieldValueTooLong', path, '<value omitted>', detail);
}

/** field.TooLongCharacters(path, value, maxLength). */
export function tooLongCharacters(path: Path, maxLength: number): FieldErr {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'character' : 'characters'}` : 'value is too long';
  return make('FieldValueTooLong', path, '<value omitted>', detail);
}

/** field.TooMany(path, actual, max); a negative actual is omitted. */
export function tooMany(path: Path, actual: number, max: number): FieldErr {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return make('FieldValueTooMany', path, actual >= 0 ? actual : OMIT_VALUE, detail);
}

/** field.TooFew(path, actual, min). */
export function tooFew(path: Path, actual: number, min: number): FieldErr {
  const detail = min >= 0 ? `must have at least ${min} ${min === 1 ? 'item' : 'items'}` : 'has too few items';
  return make('FieldValueTooFew', path, actual >= 0 ? actual : OMIT_VALUE, detail);
}

/** field.TooShort(path, value, minLength). */
export function tooShort(path: Path, value: string, minLength: number): FieldErr {
  const detail = minLength >= 0 ? `must be at least ${minLength} ${minLength === 1 ? 'character' : 'characters'}` : 'value is too short';
  return make('FieldValueTooShort', path, value, detail);
}

/** field.InternalError(path, err). */
export function internalError(path: Path, message: string): FieldErr {
  return make('InternalError', path, message, message);
}

/** Error.ErrorBody(): the message without the field. */
export function errorBody(e: FieldErr): string {
  let s: string;
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
    case 'FieldValueTooShort':
    case 'InternalError':
      s = ERROR_TYPE_TEXT[e.type];
      break;
    default:
      s = e.badValue === OMIT_VALUE ? ERROR_TYPE_TEXT[e.type] : `${ERROR_TYPE_TEXT[e.type]}: ${formatBadValue(e.badValue)}`;
  }
  if (e.detail.length > 0) s += `: ${e.detail}`;
  return s;
}

/** Error.Error(): `field: body`. */
export function errorString(e: FieldErr): string {
  return `${e.field}: ${errorBody(e)}`;
}

/**
 * ErrorList.ToAggregate().Error(): one error as is; several, de-duplicated by
 * message, as `[a, b]`.
 */
export function aggregateMessage(list: readonly FieldErr[]): string {
  const seen = new Set<string>();
  for (const e of list) seen.add(errorString(e));
  const msgs = [...seen];
  if (msgs.length === 0) return '';
  if (msgs.length === 1) return msgs[0];
  return `[${msgs.join(', ')}]`;
}

// ErrorBody's switch on the value's Go type: int/float/bool with %v, string
// with %q, anything else as json.Marshal prints it.
function formatBadValue(v: BadValue): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object' && 'float' in v && Object.keys(v).length === 1 && typeof v.float === 'number') return String(v.float);
  // json.Marshal keeps a struct's field order and sorts a map's keys: a bad value that is a Go map
  // is passed through goMap() (sorted); <, >, & and U+2028/U+2029 are escaped in either case.
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A bad value that is a Go map (labels, a resource list): its keys in Go's
 * order, so the error prints as json.Marshal prints the map.
 *
 * @example errorBody(invalid(path, goMap({ tier: 'db', app: 'web' }), '...')) // 'Invalid value: {"app":"web","tier":"db"}: ...'
 */
export function goMap(m: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(m).sort(compareGoStrings)) setOwn(out, key, m[key]);
  return out;
}
