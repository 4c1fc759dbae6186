// application/json-patch+json: RFC 6902 JSON Patch, as kube-apiserver applies
// it (gopkg.in/evanphx/json-patch.v4: DecodePatch, Patch.Apply), with that
// library's error texts. kubectl sends one when it moves client-side apply's
// managedFields to a server-side applier (csaupgrade.UpgradeManagedFieldsPatch).
// src: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyJSPatch, JSONPatchType)

import { clone, deepEqual, has, isMap, set } from '../go-values.ts';
import type { JsonObject, JsonValue } from '../go-values.ts';

/** Decoding or applying failed; `decode` says which (the API server answers 400 for one, 422 for the other). */
export class JsonPatchError extends Error {
  override readonly name = 'JsonPatchError';
  constructor(
    message: string,
    readonly decode: boolean,
  ) {
    super(message);
  }
}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: JsonValue;
  hasValue: boolean;
}

/** DecodePatch: a JSON array of operation objects. */
export function decodeJsonPatch(body: unknown): Operation[] {
  if (!Array.isArray(body)) throw new JsonPatchError(`json: cannot unmarshal ${jsonKind(body)} into Go value of type jsonpatch.Patch`, true);
  return body.map((raw) => {
    if (!isMap(raw as JsonValue)) throw new JsonPatchError(`json: cannot unmarshal ${jsonKind(raw)} into Go value of type jsonpatch.Operation`, true);
    const o = raw as JsonObject;
    return {
      op: typeof o.op === 'string' ? o.op : 'unknown',
      path: typeof o.path === 'string' ? o.path : '',
      ...(typeof o.from === 'string' ? { from: o.from } : {}),
      ...(has(o, 'value') ? { value: o.value } : {}),
      hasValue: has(o, 'value'),
    };
  });
}

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** RFC 6901: "/a/b~1c" → ["a", "b/c"]. */
function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${JSON.stringify(path)}`, false);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The container of the last token, or undefined. */
function parentOf(doc: JsonValue, tokens: string[]): JsonValue | undefined {
  let node: JsonValue | undefined = doc;
  for (const t of tokens.slice(0, -1)) {
    if (isMap(node ?? null)) node = has(node as JsonObject, t) ? (node as JsonObject)[t] : undefined;
    else if (Array.isArray(node)) node = /^\d+$/.test(t) ? node[Number(t)] : undefined;
    else return undefined;
  }
  return node;
}

function getAt(container: JsonValue, key: string): JsonValue | undefined {
  if (isMap(container)) return has(container, key) ? container[key] : undefined;
  if (Array.isArray(container) && /^\d+$/.test(key)) return container[Number(key)];
  return undefined;
}

/**
 * Applies the operations to a copy of `doc`.
 *
 * @example applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/a', value: 2 }]) // { a: 2 }
 */
export function applyJsonPatch(doc: JsonValue, body: unknown): JsonValue {
  const ops = decodeJsonPatch(body);
  let out = clone(doc);
  for (const op of ops) out = applyOne(out, op);
  return out;
}

function applyOne(doc: JsonValue, op: Operation): JsonValue {
  const tokens = pointer(op.path);
  switch (op.op) {
    case 'add':
      return add(doc, tokens, op.path, valueOf(op));
    case 'remove': {
      const container = parentOf(doc, tokens);
      const key = tokens[tokens.length - 1];
      if (container === undefined || getAt(container, key) === undefined) {
        throw new JsonPatchError(`remove operation does not apply: doc is missing path: "${op.path}": missing value`, false);
      }
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete (container as JsonObject)[key];
      return doc;
    }
    case 'replace': {
      if (tokens.length === 0) return clone(valueOf(op));
      const container = parentOf(doc, tokens);
      const key = tokens[tokens.length - 1];
      if (container === undefined || (!isMap(container) && !Array.isArray(container))) {
        throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${op.path}: missing value`, false);
      }
      if (getAt(container, key) === undefined) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${op.path}: missing value`, false);
      if (Array.isArray(container)) container[Number(key)] = clone(valueOf(op));
      else set(container, key, clone(valueOf(op)));
      return doc;
    }
    case 'test': {
      const container = tokens.length === 0 ? { '': doc } : parentOf(doc, tokens);
      const current = container === undefined ? undefined : getAt(container, tokens.length === 0 ? '' : tokens[tokens.length - 1]);
      if (!deepEqual(current ?? null, op.hasValue ? (op.value ?? null) : null)) throw new JsonPatchError(`testing value ${op.path} failed: test failed`, false);
      return doc;
    }
    case 'move':
    case 'copy': {
      const from = pointer(op.from ?? '');
      const container = parentOf(doc, from);
      const value = container === undefined ? undefined : getAt(container, from[from.length - 1]);
      if (value === undefined) throw new JsonPatchError(`${op.op} operation does not apply: doc is missing from path: ${op.from ?? ''}: missing value`, false);
      if (op.op === 'move') {
        if (Array.isArray(container)) container.splice(Number(from[from.length - 1]), 1);
        else delete (container as JsonObject)[from[from.length - 1]];
      }
      return add(doc, tokens, op.path, clone(value));
    }
    default:
      throw new JsonPatchError(`Unexpected kind: ${op.op}`, false);
  }
}

function valueOf(op: Operation): JsonValue {
  return op.hasValue ? (op.value ?? null) : null;
}

function add(doc: JsonValue, tokens: string[], path: string, value: JsonValue): JsonValue {
  if (tokens.length === 0) return clone(value);
  const container = parentOf(doc, tokens);
  const key = tokens[tokens.length - 1];
  if (isMap(container ?? null)) {
    set(container as JsonObject, key, clone(value));
    return doc;
  }
  if (Array.isArray(container)) {
    const index = key === '-' ? container.length : /^\d+$/.test(key) ? Number(key) : -1;
    if (index < 0 || index > container.length) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": missing value`, false);
    container.splice(index, 0, clone(value));
    return doc;
  }
  throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": missing value`, false);
}
