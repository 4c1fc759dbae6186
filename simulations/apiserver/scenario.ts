// apiServerScenario: a list of API calls against a fresh virtual API server,
// one result per call. It is how tests and outside checks drive the store
// without a chapter around it. Only the garbage collector runs as a
// controller, and only at `{ op: 'gc' }`.

import type { JsonObject, JsonValue } from '../apimachinery/json.ts';
import { deepCopy } from '../apimachinery/deep-copy.ts';
import { Admission } from './admission/chain.ts';
import { limitRanger } from './admission/limit-ranger.ts';
import { namespaceLifecycle } from './admission/namespace-lifecycle.ts';
import { priority } from './admission/priority.ts';
import { resourceQuota } from './admission/resource-quota.ts';
import { VirtualClock } from './clock.ts';
import { ApiServer } from './api-server.ts';
import type { DeleteOptions } from './api-server.ts';
import { collectGarbage } from './garbage-collector.ts';
import type { ApiResult, WatchEvent } from './result.ts';

type Ref = { apiVersion: string; kind: string; namespace?: string; name: string };

export type Op =
  | { op: 'create'; object: object }
  | ({ op: 'get' } & Ref)
  | { op: 'update'; object: object }
  | ({ op: 'patch'; patch: object } & Ref)
  | ({
      op: 'delete';
      propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
      gracePeriodSeconds?: number;
      preconditions?: { resourceVersion?: string; uid?: string };
    } & Ref)
  | { op: 'list'; apiVersion: string; kind: string; namespace?: string }
  | { op: 'watch'; apiVersion: string; kind: string; namespace?: string; resourceVersion?: string }
  | { op: 'compact' }
  | { op: 'gc' };

export type Result = {
  code: number;
  reason?: string;
  message?: string;
  object?: object;
  items?: object[];
  resourceVersion?: string;
  events?: WatchEvent[];
};

/** The namespaces every cluster starts with. */
const INITIAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/**
 * The admission plugins this API server has, in kube-apiserver's order; all
 * four are on by default.
 * src: pkg/kubeapiserver/options/plugins.go (AllOrderedPlugins, DefaultOffAdmissionPlugins)
 */
export const DEFAULT_ADMISSION = new Admission([namespaceLifecycle, limitRanger, priority, resourceQuota]);

export interface FreshApiServerOptions {
  /** Seeds UIDs and generated names. */
  seed?: string;
  /** The cluster's clock (default: a new one at `epochMs`, or 2025-01-01T00:00:00Z). */
  clock?: VirtualClock;
  epochMs?: number;
  /** Default: DEFAULT_ADMISSION. */
  admission?: Admission;
}

/** A fresh API server as a cluster starts: the three namespaces, and kube-apiserver's default admission chain. */
export function freshApiServer(options: FreshApiServerOptions = {}): ApiServer {
  const clock = options.clock ?? new VirtualClock({ epochMs: options.epochMs });
  const api = new ApiServer({ seed: options.seed ?? 'kube-notebook', clock, admission: options.admission ?? DEFAULT_ADMISSION });
  for (const name of INITIAL_NAMESPACES) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return api;
}

/**
 * Runs `ops` in order against a fresh API server. A string value that is
 * exactly `"{{N.path}}"` is replaced by the value at `path` in result N
 * (`"{{0.object.metadata.uid}}"`, `"{{2.object}}"`, `"{{3.resourceVersion}}"`).
 *
 * @example
 *   apiServerScenario([
 *     { op: 'create', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'foo', namespace: 'default' } } },
 *     { op: 'create', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'foo', namespace: 'default' } } },
 *   ])
 *   // [{ code: 201, object: {...} }, { code: 409, reason: 'AlreadyExists', message: 'configmaps "foo" already exists' }]
 */
export function apiServerScenario(ops: Op[]): Result[] {
  const api = freshApiServer();
  const results: Result[] = [];
  for (const raw of ops) {
    const op = substitute(raw as unknown as JsonValue, results) as unknown as Op;
    results.push(publicResult(runOp(api, op)));
  }
  return results;
}

function runOp(api: ApiServer, op: Op): ApiResult {
  switch (op?.op) {
    case 'create':
      return api.create(op.object);
    case 'get':
      return api.get(op);
    case 'update':
      return api.update(op.object);
    case 'patch':
      return api.patch(op, op.patch);
    case 'delete': {
      const options: DeleteOptions = {};
      if (op.propagationPolicy !== undefined) options.propagationPolicy = op.propagationPolicy;
      if (op.gracePeriodSeconds !== undefined) options.gracePeriodSeconds = op.gracePeriodSeconds;
      if (op.preconditions !== undefined) options.preconditions = op.preconditions;
      return api.delete(op, options);
    }
    case 'list':
      return api.list(op.apiVersion, op.kind, op.namespace);
    case 'watch':
      return api.watchEvents(op.apiVersion, op.kind, op.namespace, op.resourceVersion);
    case 'compact':
      return api.compact();
    case 'gc':
      collectGarbage(api);
      return { code: 200 };
    default:
      return { code: 400, reason: 'BadRequest', message: `unknown op ${JSON.stringify((op as { op?: unknown })?.op)}` };
  }
}

/** The contract's Result: the outcome without the internal Status. */
function publicResult(r: ApiResult): Result {
  const out: Result = { code: r.code };
  if (r.reason !== undefined) out.reason = r.reason;
  if (r.message !== undefined) out.message = r.message;
  if (r.object !== undefined) out.object = r.object;
  if (r.items !== undefined) out.items = r.items;
  if (r.resourceVersion !== undefined) out.resourceVersion = r.resourceVersion;
  if (r.events !== undefined) out.events = r.events;
  return out;
}

const TEMPLATE = /^\{\{(\d+)\.([^}]+)\}\}$/;

/** Replaces every `"{{N.path}}"` string with a copy of the value it names. */
function substitute(value: JsonValue, results: readonly Result[]): JsonValue {
  if (typeof value === 'string') {
    const m = TEMPLATE.exec(value);
    if (!m) return value;
    const found = lookup(results[Number(m[1])] as unknown as JsonValue, m[2]);
    return found === undefined ? value : deepCopy(found);
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, results));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = substitute(value[key], results);
    return out;
  }
  return value;
}

/** `object.metadata.uid`, `items.0.metadata.name`, `items[0].metadata.name`. */
function lookup(root: JsonValue | undefined, path: string): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (part === '') continue;
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(part)] : (cur as JsonObject)[part];
  }
  return cur;
}
