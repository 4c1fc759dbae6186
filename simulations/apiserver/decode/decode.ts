// Step 1 of a write: decoding the JSON body into the kind's Go struct, as
// kube-apiserver does for a create or update with fieldValidation=Strict (what
// `kubectl create` and `kubectl apply` send by default since 1.27).
//
// What upstream does, and so what this does:
// - sigs.k8s.io/json UnmarshalStrict (a fork of encoding/json: case-sensitive,
//   unknown and duplicate fields collected as strict errors) decodes the body.
//   The keys come in the order kubectl sends them: it marshals the object from
//   a map, so every object's keys are sorted (Go's byte order).
// - A value of the wrong JSON type is an UnmarshalTypeError; the decoder saves
//   the first and carries on: `json: cannot unmarshal string into Go struct
//   field DeploymentSpec.spec.replicas of type int32`. Its Field is the JSON
//   path without indexes or map keys, with the Go names of embedded structs.
// - A type with its own UnmarshalJSON (Quantity, Time, MicroTime, IntOrString,
//   and the CRD schema's JSONSchemaPropsOr*) that fails stops decoding at once,
//   and its error wins over a saved one: `quantities must match the regular
//   expression ...`, `parsing time "yesterday" as ...`.
// - Only if nothing failed are the strict errors reported, all of them (at most
//   100), in the order met: `strict decoding error: unknown field "spec.foo",
//   unknown field "spec.bar"`. Their paths do carry indexes and map keys.
// - The handler wraps any of these into a 400 BadRequest Status:
//   `Deployment in version "v1" cannot be handled as a Deployment: <error>`.
// src: sigs.k8s.io/json internal/golang/encoding/json/decode.go (object, array,
//      literalStore, addErrorContext, unmarshal) and kubernetes_patch.go (strict
//      errors); k8s.io/apimachinery v0.36.3 pkg/runtime/serializer/json/json.go
//      (Serializer.Decode, unmarshal), pkg/runtime/error.go (strictDecodingError);
//      k8s.io/apiserver v0.36.3 pkg/endpoints/handlers/create.go, update.go,
//      rest.go (transformDecodeError), pkg/api/errors NewBadRequest.

import { compareGoStrings } from '../../apimachinery/go-values.ts';
import { quote as goJsonQuote } from '../../apimachinery/go-json.ts';
import { goQuote } from '../../apimachinery/go-strconv.ts';
import type { FieldPath } from '../../apimachinery/field-path.ts';
import { type KindInfo, kindKeyOf, lookupKind } from '../kinds.ts';
import { KIND_STRUCTS } from './schemas.ts';
import { GO_TYPES, GoTypes, UINT8, type StructInfo, type TypeNode } from './go-types.ts';
import { quantityError } from './quantity-syntax.ts';
import { Quantity, QuantityError } from '../../apimachinery/quantity.ts';
import { RFC3339, RFC3339_MICRO, timeParseError } from './go-time-parse.ts';
import { base64Error } from './go-base64.ts';
import { parseGoDuration } from '../../apimachinery/parse-duration.ts';

/** One error of the decoder, and where in the object it is. */
export interface DecodeProblem {
  /** The offending field or value: `["spec", "containers", 0, "image"]`. */
  readonly path: FieldPath;
  /** The error as the decoder words it: `unknown field "spec.foo"`, `json: cannot unmarshal ...`. */
  readonly message: string;
}

/** The metav1.Status kube-apiserver answers a decode error with. */
export interface BadRequestStatus {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Failure';
  readonly message: string;
  readonly reason: 'BadRequest';
  readonly code: 400;
}

export type DecodeResult = DecodeSuccess | DecodeFailure;

export interface DecodeSuccess {
  readonly ok: true;
  /** The object holds a JSON null somewhere (settleNulls then gives it Go's zero values). */
  readonly nulls?: boolean;
  /** The built-in kind decoded; undefined when the object is not one (a custom resource, a notebook kind): not ours to decode. */
  readonly kind: KindInfo | undefined;
}

export interface DecodeFailure {
  readonly ok: false;
  readonly kind: KindInfo;
  /**
   * What the learner is told: the Status message of the 400, or, for a value
   * kubectl cannot even send (a YAML `.inf`), kubectl's own error.
   */
  readonly message: string;
  /** The decoder's error alone: `strict decoding error: unknown field "spec.foo"`. */
  readonly cause: string;
  /** One per error in `cause`, in its order. */
  readonly problems: readonly DecodeProblem[];
  /** The response body; undefined when kubectl refuses before sending. */
  readonly status: BadRequestStatus | undefined;
}

/**
 * Decodes a JSON object strictly as its built-in kind (chosen by its
 * `apiVersion` and `kind`), as kube-apiserver decodes a create or update with
 * fieldValidation=Strict. Never throws.
 *
 * @example
 *   decodeObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: '3', foo: 1 } })
 *   // { ok: false, cause: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
 *   //   message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
 *   //   problems: [{ path: ['spec', 'replicas'], message: 'json: cannot unmarshal ...' }], ... }
 *   // (a type error hides the strict errors: upstream reports those only when nothing else failed)
 */
export function decodeObject(object: unknown): DecodeResult {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return { ok: true, kind: undefined };
  const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return { ok: true, kind: undefined };
  const info = lookupKind(apiVersion, kind);
  if (info === undefined) return { ok: true, kind: undefined };

  const { depth, nonFinite, nulls } = scan(object);
  const unsendable = nonFinite ? findNonFinite(object, []) : undefined;
  if (unsendable !== undefined) {
    // kubectl's YAML-to-JSON conversion (sigs.k8s.io/yaml, json.Marshal) fails
    // first: `error converting YAML to JSON: json: unsupported value: +Inf`.
    const cause = `json: unsupported value: ${unsendable.text}`;
    return {
      ok: false,
      kind: info,
      message: `error converting YAML to JSON: ${cause}`,
      cause,
      problems: [{ path: unsendable.path, message: cause }],
      status: undefined,
    };
  }

  if (depth > MAX_NESTING_DEPTH) {
    // encoding/json's scanner refuses the body before anything is decoded, in
    // meta.Interpret, so the handler does not know the kind it was sent
    // (transformDecodeError without a gvk, summarizeData of the body).
    const cause = `couldn't get version/kind; json parse error: invalid character '${Array.isArray(deepest(object)) ? '[' : '{'}' exceeded max depth`;
    const message = `the object provided is unrecognized (must be of type ${info.kind}): ${cause} (${bodyPrefix(object, 30)})`;
    return { ok: false, kind: info, message, cause, problems: [{ path: [], message: cause }], status: badRequestStatus(message) };
  }
  let decoded: { error: GoError | undefined; strictErrors: readonly DecodeProblem[] };
  try {
    decoded = run(GO_TYPES, true, 'sorted', object, rootType(info));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // Deeper than this decoder's recursion goes, though within Go's 10000
    // levels: a limit of the simulation, said as such.
    const cause = `kube-notebook cannot decode an object nested ${depth} levels deep`;
    return { ok: false, kind: info, message: cause, cause, problems: [{ path: [], message: cause }], status: undefined };
  }
  const { error, strictErrors } = decoded;
  let cause: string;
  let problems: readonly DecodeProblem[];
  if (error !== undefined) {
    cause = errorText(error);
    problems = [{ path: error.path, message: cause }];
  } else if (strictErrors.length > 0) {
    cause = `strict decoding error: ${strictErrors.map((e) => e.message).join(', ')}`;
    problems = strictErrors;
  } else {
    return { ok: true, kind: info, nulls };
  }
  const message = badRequestMessage(info, cause);
  return { ok: false, kind: info, message, cause, problems, status: badRequestStatus(message) };
}

/** The Go type a kind decodes into, resolved once per kind. */
function rootType(info: KindInfo): TypeNode {
  let type = ROOT_TYPES.get(info);
  if (type === undefined) {
    const root = KIND_STRUCTS[kindKeyOf(info)];
    type = GO_TYPES.typeNode(root.slice(0, root.indexOf('.')), root);
    ROOT_TYPES.set(info, type);
  }
  return type;
}
const ROOT_TYPES = new Map<KindInfo, TypeNode>();

/**
 * transformDecodeError: how the create and update handlers word a decode error
 * when the body named its kind.
 *
 * @example badRequestMessage(deployment, 'strict decoding error: unknown field "spec.foo"')
 *   // 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"'
 */
export function badRequestMessage(info: KindInfo, cause: string): string {
  return `${info.kind} in version ${goQuote(info.version)} cannot be handled as a ${info.kind}: ${cause}`;
}

/** errors.NewBadRequest(message) as the response body serializes it. */
export function badRequestStatus(message: string): BadRequestStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 };
}

/** In which order an object's keys are decoded. */
export type KeyOrder = 'sorted' | 'as-written';

export interface UnmarshalOptions {
  /** UnmarshalStrict (unknown fields collected) rather than UnmarshalCaseSensitivePreserveInts. */
  readonly strict: boolean;
  /** 'sorted' (default): as kubectl sends an object; 'as-written': the JS object's own key order. */
  readonly keyOrder?: KeyOrder;
  /** The packages `goType` is looked up in; the transcribed k8s.io packages by default. */
  readonly types?: GoTypes;
}

export interface UnmarshalResult {
  /** The error Unmarshal returns (not a strict one): its text is the problem's message. */
  readonly error: DecodeProblem | undefined;
  /** The strict errors, when there is no error, in the order met. */
  readonly strictErrors: readonly DecodeProblem[];
}

/**
 * sigs.k8s.io/json's UnmarshalStrict (or, not strict, UnmarshalCaseSensitivePreserveInts)
 * of a JSON value into the Go type `goType` of package `pkg`: the building
 * block of decodeObject, exposed so that upstream's own decoder tests can run
 * against it on their own structs. It recurses as deep as the value nests:
 * unlike decodeObject it does not guard against values thousands of levels deep.
 *
 * @example unmarshal({ spec: { replicas: 'x' } }, 'apps', 'Deployment', { strict: true }).error?.message
 *   // 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'
 */
export function unmarshal(value: unknown, pkg: string, goType: string, options: UnmarshalOptions): UnmarshalResult {
  const types = options.types ?? GO_TYPES;
  const { error, strictErrors } = run(types, options.strict, options.keyOrder ?? 'sorted', value, types.typeNode(pkg, goType));
  if (error !== undefined) return { error: { path: error.path, message: errorText(error) }, strictErrors: [] };
  return { error: undefined, strictErrors };
}

/**
 * Decodes in the order asked for. Whether anything fails does not depend on
 * the order, only which error is reported and the strict errors' order: a
 * first pass in the object's own order (no sorting) settles the common case,
 * and only a failure is decoded again in kubectl's order.
 */
function run(types: GoTypes, strict: boolean, keyOrder: KeyOrder, value: unknown, type: TypeNode): { error: GoError | undefined; strictErrors: readonly DecodeProblem[] } {
  // The first pass reuses one decoder (its stacks keep their capacity): every write decodes.
  const first = spare !== undefined && spare.types === types && spare.strict === strict ? spare : new Decoder(types, strict, 'as-written');
  spare = undefined;
  first.reset();
  const result = { error: first.run(value, type), strictErrors: first.strictErrors };
  spare = first;
  if (keyOrder === 'as-written' || (result.error === undefined && result.strictErrors.length === 0)) return result;
  const sorted = new Decoder(types, strict, 'sorted');
  return { error: sorted.run(value, type), strictErrors: sorted.strictErrors };
}
/** The decoder of the last first pass, free again (decoding never re-enters run). */
let spare: Decoder | undefined;
const NO_STRICT_ERRORS: readonly DecodeProblem[] = Object.freeze([]);

/** An error as encoding/json holds it: an UnmarshalTypeError, or any other error's text. */
interface GoError {
  readonly path: FieldPath;
  readonly text?: string;
  /** UnmarshalTypeError.Value: "string", "number 1.5", "object", ... */
  readonly value?: string;
  /** UnmarshalTypeError.Type, as reflect prints it. */
  readonly type?: string;
  readonly struct?: string;
  readonly field?: string;
}

/** UnmarshalTypeError.Error(), or the error's own text. */
function errorText(e: GoError): string {
  if (e.text !== undefined) return e.text;
  if ((e.struct ?? '') !== '' || (e.field ?? '') !== '') {
    return `json: cannot unmarshal ${e.value} into Go struct field ${e.struct}.${e.field} of type ${e.type}`;
  }
  return `json: cannot unmarshal ${e.value} into Go value of type ${e.type}`;
}

/** An UnmarshalJSON error: it unwinds the whole decode. */
class Stop {
  constructor(readonly error: GoError) {}
}

const MAX_STRICT_ERRORS = 100;

/**
 * One decodeState: strict (the body) or not (what a custom UnmarshalJSON
 * decodes with k8s.io/apimachinery/pkg/util/json, which ignores unknown fields).
 */
class Decoder {
  /** Shared and empty until the first strict error: the array handed out is never written to after. */
  strictErrors: readonly DecodeProblem[] = NO_STRICT_ERRORS;
  // Made on the first strict error: every write decodes its object, and most have none.
  private seen: Set<string> | undefined;
  private saved: GoError | undefined;
  // errorContext: the innermost struct and the JSON names down to the field
  private struct: string | undefined;
  private readonly fieldStack: string[] = [];
  // strictFieldStack (the path with indexes and map keys) is not kept as pieces while decoding:
  // it is `path` written out (strictPath), which only an unknown field needs. A strict decoder
  // starts at the root, so the two always agree.
  private readonly path: (string | number)[];

  constructor(
    readonly types: GoTypes,
    readonly strict: boolean,
    private readonly keyOrder: KeyOrder,
    base: FieldPath = [],
  ) {
    this.path = [...base];
  }

  /** Back to the state of a new root decoder, for another value. */
  reset(): void {
    this.strictErrors = NO_STRICT_ERRORS;
    this.seen = undefined;
    this.saved = undefined;
    this.struct = undefined;
    this.fieldStack.length = 0;
    this.path.length = 0;
  }

  /** unmarshal: an UnmarshalJSON error, else the first saved error; strict errors are left in strictErrors. */
  run(value: unknown, type: TypeNode): GoError | undefined {
    try {
      this.value(value, type);
    } catch (e) {
      if (e instanceof Stop) return e.error;
      throw e;
    }
    return this.saved;
  }

  /** addErrorContext: a type error takes the struct and field being decoded. */
  private withContext(e: GoError): GoError {
    if (e.text !== undefined || (this.struct === undefined && this.fieldStack.length === 0)) return e;
    return { ...e, struct: this.struct ?? '', field: this.fieldStack.join('.') };
  }

  private saveError(e: GoError): void {
    if (this.saved === undefined) this.saved = this.withContext(e);
  }

  private typeError(value: string, type: TypeNode): void {
    this.saveError({ path: [...this.path], value, type: type.go });
  }

  /** UnmarshalJSON returned an error: the decode stops, with the context of this moment. */
  private stop(e: GoError): never {
    throw new Stop(this.withContext(e));
  }

  private value(v: unknown, t: TypeNode): void {
    if (v === null) {
      // A pointer is set to nil; a non-pointer with UnmarshalJSON gets "null".
      if (t.k === 'custom' && !t.ptr) this.custom(null, t);
      return;
    }
    if (t.k === 'custom') return this.custom(v, t);
    // interface{}: any JSON value (the numbers JSON can carry all decode, as int64 or float64)
    if (t.k === 'any') return;
    if (Array.isArray(v)) return this.array(v, t);
    switch (typeof v) {
      case 'object':
        return this.object(v as Record<string, unknown>, t);
      case 'string':
        return this.string(v, t);
      case 'number':
        // A safe integer needs no text unless it is refused (no BigInt, no regexp, no string per number).
        if (Number.isSafeInteger(v) && (t.k === 'int' || t.k === 'uint') && safeIntFits(v as number, t.bits, t.k === 'int')) return;
        return this.number(numberText(v), t);
      case 'bigint':
        return this.number(String(v), t);
      case 'boolean':
        if (t.k !== 'bool') this.typeError('bool', t);
        return;
      default:
        // undefined, functions, symbols: JSON has no such value, kubectl would not send it.
        return;
    }
  }

  private array(v: readonly unknown[], t: TypeNode): void {
    if (t.k !== 'slice' && t.k !== 'bytes') return this.typeError('array', t);
    const elem = t.k === 'slice' ? t.elem : UINT8;
    for (let i = 0; i < v.length; i++) {
      this.path.push(i);
      this.value(v[i] === undefined ? null : v[i], elem);
      this.path.pop();
    }
  }

  private object(v: Record<string, unknown>, t: TypeNode): void {
    if (t.k === 'struct') return this.struct_(v, t.ref);
    if (t.k !== 'map') return this.typeError('object', t);
    if (this.keyOrder === 'sorted') {
      for (const key of sortedKeys(v)) this.entry(v[key], key, t.elem);
      return;
    }
    // The object's own order: a for-in walk makes no key array (every object of every write passes here).
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      const x = v[key];
      if (x !== undefined) this.entry(x, key, t.elem);
    }
  }

  private entry(x: unknown, key: string, elem: TypeNode): void {
    this.path.push(key);
    this.value(x, elem);
    this.path.pop();
  }

  private struct_(v: Record<string, unknown>, ref: string): void {
    const info = this.types.structInfo(ref);
    if (this.keyOrder === 'sorted') {
      for (const key of sortedKeys(v)) this.field(v[key], key, info);
      return;
    }
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      const x = v[key];
      if (x !== undefined) this.field(x, key, info);
    }
  }

  private field(x: unknown, key: string, info: StructInfo): void {
    const field = info.fields.get(key);
    if (field === undefined) {
      if (this.strict) this.saveStrictError(key);
      return;
    }
    const fieldLength = this.fieldStack.length;
    const struct = this.struct;
    const via = field.via;
    for (let i = 0; i < via.length; i++) this.fieldStack.push(via[i]);
    this.fieldStack.push(key);
    this.struct = info.name;
    this.path.push(key);
    this.value(x, field.type);
    this.path.pop();
    this.fieldStack.length = fieldLength;
    this.struct = struct;
  }

  /** strictFieldStack joined, then the unknown key: `spec.containers[0].foo`. */
  private strictPath(key: string): string {
    let out = '';
    const path = this.path;
    for (let i = 0; i < path.length; i++) {
      const s = path[i];
      // an index is pushed as "[i]"; a key as "." + key, or the key alone at the start
      out += typeof s === 'number' ? `[${s}]` : i > 0 ? `.${s}` : s;
    }
    return path.length > 0 ? `${out}.${key}` : key;
  }

  private saveStrictError(key: string): void {
    if (this.strictErrors.length >= MAX_STRICT_ERRORS) return;
    const path = this.strictPath(key);
    this.seen ??= new Set<string>();
    if (this.seen.has(path)) return;
    this.seen.add(path);
    if (this.strictErrors === NO_STRICT_ERRORS) this.strictErrors = [];
    (this.strictErrors as DecodeProblem[]).push({ path: [...this.path, key], message: `unknown field ${goQuote(path)}` });
  }

  private string(s: string, t: TypeNode): void {
    if (t.k === 'string') return;
    if (t.k === 'bytes') {
      const error = base64Error(s);
      if (error !== undefined) this.saveError({ path: [...this.path], text: error });
      return;
    }
    this.typeError('string', t);
  }

  private number(text: string, t: TypeNode): void {
    switch (t.k) {
      case 'int':
        if (!intFits(text, t.bits, true)) this.typeError(`number ${text}`, t);
        return;
      case 'uint':
        if (!intFits(text, t.bits, false)) this.typeError(`number ${text}`, t);
        return;
      case 'float':
        // every finite JSON number parses as a float64 (float32 overflow aside: no k8s.io/api field is one)
        return;
      default:
        this.typeError('number', t);
    }
  }

  /** The UnmarshalJSON methods of the types that have one. v is null for JSON null. */
  private custom(v: unknown, t: TypeNode & { k: 'custom' }): void {
    switch (t.custom) {
      case 'raw':
        // RawExtension, FieldsV1, apiextensions JSON: any JSON value is kept as is.
        return;
      case 'quantity': {
        if (v === null) return;
        const error = quantityProblem(v);
        if (error !== undefined) this.stop({ path: [...this.path], text: error });
        return;
      }
      case 'intstr': {
        // A string is a string; anything else json.Unmarshal-s into an int32.
        if (v === null || typeof v === 'string') return;
        const kind = jsonKind(v);
        if (kind === 'number') {
          const text = typeof v === 'number' ? numberText(v) : String(v);
          if (!intFits(text, 32, true)) this.stop({ path: [...this.path], value: `number ${text}`, type: 'int32' });
          return;
        }
        this.stop({ path: [...this.path], value: kind, type: 'int32' });
        return;
      }
      case 'time':
      case 'microtime': {
        if (v === null) return;
        if (typeof v !== 'string') this.stop({ path: [...this.path], value: jsonKind(v), type: 'string' });
        const error = timeParseError(t.custom === 'time' ? RFC3339 : RFC3339_MICRO, v as string);
        if (error !== undefined) this.stop({ path: [...this.path], text: error });
        return;
      }
      case 'duration': {
        // json.Unmarshal into a string (null leaves it ""), then time.ParseDuration: even of "".
        if (v !== null && typeof v !== 'string') this.stop({ path: [...this.path], value: jsonKind(v), type: 'string' });
        const parsed = parseGoDuration(v === null ? '' : v);
        if (typeof parsed === 'string') this.stop({ path: [...this.path], text: parsed });
        return;
      }
      case 'schemaOrBool':
        if (v === true || v === false) return;
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) return this.lenient(v, this.types.typeNode('apiextensions', 'JSONSchemaProps'));
        this.stop({ path: [...this.path], text: 'boolean or JSON schema expected' });
        return;
      case 'schemaOrArray':
      case 'schemaOrStringArray':
        // Only an object or an array is decoded; anything else leaves the field empty.
        if (v === null || typeof v !== 'object') return;
        if (!Array.isArray(v)) return this.lenient(v, this.types.typeNode('apiextensions', 'JSONSchemaProps'));
        return this.lenient(v, this.types.typeNode('apiextensions', t.custom === 'schemaOrArray' ? '[]JSONSchemaProps' : '[]string'));
    }
  }

  /**
   * utiljson.Unmarshal inside an UnmarshalJSON: not strict, its own context;
   * its error is returned to this decoder, which stops and (a type error) puts
   * its own struct and field on it.
   */
  private lenient(v: unknown, t: TypeNode): void {
    const inner = new Decoder(this.types, false, this.keyOrder, this.path);
    const error = inner.run(v, t);
    if (error !== undefined) this.stop(error);
  }
}

/** Object keys as kubectl's json.Marshal of a map orders them; keys whose value is undefined are not sent. */
function sortedKeys(v: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const k in v) if (Object.hasOwn(v, k) && v[k] !== undefined) keys.push(k);
  if (keys.length < 2) return keys;
  // UTF-16 order is Go's byte order for ASCII; otherwise compare as UTF-8.
  return NON_ASCII.test(keys.join('')) ? keys.sort(compareGoStrings) : keys.sort();
}
const NON_ASCII = /[^\x00-\x7f]/;

/** The JSON text kubectl sends for a number: json.Marshal of what its YAML parser produced (-0 becomes 0). */
function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : JSON.stringify(n);
}

/** intFits for a safe integer (its text is all digits, so ParseInt reads it): the same answer without the text. */
function safeIntFits(n: number, bits: number, signed: boolean): boolean {
  if (bits >= 53) return signed || n >= 0;
  const half = 2 ** (bits - 1);
  return signed ? n >= -half && n < half : n >= 0 && n < half * 2;
}

/** strconv.ParseInt / ParseUint of the literal, then reflect's OverflowInt / OverflowUint for the field's size. */
function intFits(text: string, bits: number, signed: boolean): boolean {
  if (!(signed ? /^-?[0-9]+$/ : /^[0-9]+$/).test(text)) return false;
  const n = BigInt(text);
  return signed ? n >= -(1n << BigInt(bits - 1)) && n < 1n << BigInt(bits - 1) : n < 1n << BigInt(bits);
}

/** How encoding/json names a JSON value's kind in an UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

/**
 * The bytes Quantity.UnmarshalJSON parses: the raw JSON with a string's quotes
 * removed (but its escapes kept), trimmed of white space. An object or array
 * starts with `{` or `[`, which never parses.
 */
function quantityText(v: unknown): string {
  if (typeof v === 'string') return goTrimSpace(goJsonQuote(v).slice(1, -1));
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return String(v);
  return '{';
}

// unicode.IsSpace, which strings.TrimSpace trims (JS's trim also trims U+FEFF, Go does not).
const GO_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && GO_SPACE.includes(s[start])) start++;
  while (end > start && GO_SPACE.includes(s[end - 1])) end--;
  return s.slice(start, end);
}

/**
 * One walk over the whole value, without recursion (a learner's value may nest
 * deeper than the JS stack): its nesting depth as Go's scanner counts it (one
 * per object or array) and whether it holds a number JSON cannot carry.
 */
function scan(v: unknown): { depth: number; nonFinite: boolean; nulls: boolean } {
  let depth = 0;
  let nonFinite = false;
  let nulls = false;
  // Two parallel stacks rather than a tuple per value, kept from one call to the next (scan calls
  // nothing that could re-enter it): every object a cell stores passes here.
  const values = SCAN_VALUES;
  const levels = SCAN_LEVELS;
  values.push(v);
  levels.push(0);
  while (values.length > 0) {
    const value = values.pop();
    const level = levels.pop() as number;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) nonFinite = true;
    } else if (value === null) {
      nulls = true;
    } else if (typeof value === 'object') {
      if (level + 1 > depth) depth = level + 1;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          values.push(value[i]);
          levels.push(level + 1);
        }
      } else {
        for (const k in value) {
          if (!Object.hasOwn(value, k)) continue;
          values.push((value as Record<string, unknown>)[k]);
          levels.push(level + 1);
        }
      }
    }
  }
  return { depth, nonFinite, nulls };
}
const SCAN_VALUES: unknown[] = [];
const SCAN_LEVELS: number[] = [];

/** The first non-finite number in kubectl's key order: kubectl's json.Marshal refuses the whole object there. */
function findNonFinite(v: unknown, path: (string | number)[]): { path: FieldPath; text: string } | undefined {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return undefined;
    // strconv.FormatFloat(f, 'g', -1, 64), as json.UnsupportedValueError prints it
    return { path: [...path], text: Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf' };
  }
  if (v === null || typeof v !== 'object') return undefined;
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : sortedKeys(v as Record<string, unknown>);
  for (const key of keys) {
    path.push(key);
    const found = findNonFinite((v as Record<string | number, unknown>)[key], path);
    path.pop();
    if (found) return found;
  }
  return undefined;
}

/** encoding/json's scanner: maxNestingDepth. */
const MAX_NESTING_DEPTH = 10000;

/** The object or array at the deepest level, first met in kubectl's order (its first character is the one the scanner names). */
function deepest(v: unknown): unknown {
  let best: unknown = v;
  let bestDepth = 0;
  const stack: [unknown, number][] = [[v, 1]];
  while (stack.length > 0) {
    const [value, level] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (level > MAX_NESTING_DEPTH && level > bestDepth) {
      // the scanner stops at the first container past the limit
      best = value;
      bestDepth = level;
      break;
    }
    const children = Array.isArray(value) ? [...value] : sortedKeys(value as Record<string, unknown>).map((k) => (value as Record<string, unknown>)[k]);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], level + 1]);
  }
  return best;
}

/** summarizeData: the first bytes of the JSON body kubectl sends, then " ...". */
function bodyPrefix(v: unknown, max: number): string {
  let out = '';
  const stack: (unknown | { text: string })[] = [v];
  while (stack.length > 0 && out.length <= max) {
    const item = stack.pop();
    if (item instanceof Text) {
      out += item.text;
      continue;
    }
    if (Array.isArray(item)) {
      out += '[';
      stack.push(new Text(']'));
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i] === undefined ? null : item[i]);
        if (i > 0) stack.push(new Text(','));
      }
    } else if (item !== null && typeof item === 'object') {
      out += '{';
      stack.push(new Text('}'));
      const keys = sortedKeys(item as Record<string, unknown>);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push((item as Record<string, unknown>)[keys[i]]);
        stack.push(new Text(`${goJsonQuote(keys[i])}:`));
        if (i > 0) stack.push(new Text(','));
      }
    } else if (typeof item === 'string') {
      out += goJsonQuote(item);
    } else if (typeof item === 'number') {
      out += numberText(item);
    } else {
      out += String(item);
    }
  }
  return out.length > max ? `${out.slice(0, max)} ...` : out;
}

class Text {
  constructor(readonly text: string) {}
}

/**
 * Quantity.UnmarshalJSON's error for a JSON value, or, for a value Go holds
 * exactly (inf.Dec) but the simulation's Quantity cannot, the simulation's
 * limit: refused here, before anything reads it. Undefined when it decodes.
 */
function quantityProblem(v: unknown): string | undefined {
  // Memoized by string: the same few quantities ("100m", "500Mi") come in every Pod and Node, and
  // the syntax check and the parse are pure functions of the text.
  if (typeof v !== 'string') return quantityTextProblem(quantityText(v));
  const known = QUANTITY_PROBLEMS.get(v);
  if (known !== undefined) return known === '' ? undefined : known;
  const problem = quantityTextProblem(quantityText(v));
  if (QUANTITY_PROBLEMS.size >= QUANTITY_PROBLEMS_MAX) QUANTITY_PROBLEMS.clear();
  QUANTITY_PROBLEMS.set(v, problem ?? '');
  return problem;
}
/** A JSON string's problem, '' for none. Bounded: a cell may write many distinct values. */
const QUANTITY_PROBLEMS = new Map<string, string>();
const QUANTITY_PROBLEMS_MAX = 4096;

function quantityTextProblem(text: string): string | undefined {
  return quantityError(text) ?? representable(text);
}

/** Why the simulation's Quantity cannot hold a value Go's parses, or undefined when it can. */
function representable(text: string): string | undefined {
  try {
    Quantity.parse(text);
    return undefined;
  } catch (e) {
    if (!(e instanceof QuantityError)) throw e;
    return `kube-notebook cannot hold the quantity ${goQuote(text)} (${e.message}): a limit of this simulation, not of Kubernetes`;
  }
}
