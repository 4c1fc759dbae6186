// The public scenario functions of contracts/clientgo.md for the work queue,
// its rate limiters, the DeltaFIFO, the indexer and processDeltas: each takes
// a script of calls and answers with what each call returns.

import { DeltaFIFO } from './delta-fifo.ts';
import type { KnownObjects } from './delta-fifo.ts';
import { Indexer, IndexerError, indexFuncFor } from './indexer.ts';
import type { IndexFunc, IndexFuncSpec } from './indexer.ts';
import { applyDeltas } from './process-deltas.ts';
import type { Notification } from './process-deltas.ts';
import { msFromNs, newRateLimiter, nsFromMs } from './rate-limiters.ts';
import type { RateLimiterSpec } from './rate-limiters.ts';
import type { Delta, DeletedFinalStateUnknown, KubeObject } from './types.ts';
import { metaNamespaceKey } from './types.ts';
import { bool, fail, kubeObject, list, num, objectOrTombstone, oneOf, record, str } from './validate.ts';
import type { FieldPath } from '../shared/errors.ts';
import { RateLimitingQueue } from './workqueue.ts';

// ---- rate limiters ----

const LIMITER_TYPES = [
  'ItemExponentialFailureRateLimiter',
  'ItemFastSlowRateLimiter',
  'BucketRateLimiter',
  'MaxOfRateLimiter',
  'WithMaxWaitRateLimiter',
  'DefaultControllerRateLimiter',
  'DefaultItemBasedRateLimiter',
] as const;

export function checkRateLimiterSpec(v: unknown, path: FieldPath, depth = 0): RateLimiterSpec {
  if (depth > 16) fail(path, 'rate limiters nest at most 16 deep');
  const s = record(v, path);
  const type = oneOf(s.type, [...path, 'type'], LIMITER_TYPES);
  const ms = (f: string) => num(s[f], [...path, f], { min: 0, max: 1e12 });
  switch (type) {
    case 'ItemExponentialFailureRateLimiter':
      ms('baseDelayMs');
      ms('maxDelayMs');
      break;
    case 'ItemFastSlowRateLimiter':
      ms('fastDelayMs');
      ms('slowDelayMs');
      num(s.maxFastAttempts, [...path, 'maxFastAttempts'], { min: 0, integer: true });
      break;
    case 'BucketRateLimiter':
      if (num(s.qps, [...path, 'qps'], { max: 1e9 }) <= 0) fail([...path, 'qps'], 'must be greater than 0');
      num(s.burst, [...path, 'burst'], { min: 1, integer: true, max: 1e9 });
      break;
    case 'MaxOfRateLimiter':
      list(s.limiters, [...path, 'limiters'], 64).forEach((l, i) => checkRateLimiterSpec(l, [...path, 'limiters', i], depth + 1));
      break;
    case 'WithMaxWaitRateLimiter':
      checkRateLimiterSpec(s.limiter, [...path, 'limiter'], depth + 1);
      ms('maxDelayMs');
      break;
  }
  return s as unknown as RateLimiterSpec;
}

export type RateLimiterOp = { op: 'when'; item: string } | { op: 'forget'; item: string } | { op: 'numRequeues'; item: string } | { op: 'advance'; ms: number };

/**
 * Calls a rate limiter as a work queue would: When (the delay, ms), Forget, NumRequeues; `advance` moves the clock the bucket reads.
 *
 * @example
 *   rateLimiterScenario({ type: 'ItemExponentialFailureRateLimiter', baseDelayMs: 1, maxDelayMs: 1000 },
 *     [{ op: 'when', item: 'one' }, { op: 'when', item: 'one' }, { op: 'numRequeues', item: 'one' }])
 *   // { results: [1, 2, 2] }
 */
export function rateLimiterScenario(spec: RateLimiterSpec, ops: RateLimiterOp[]): { results: Array<number | null> } {
  checkRateLimiterSpec(spec, ['spec']);
  let now = 0;
  const limiter = newRateLimiter(spec, { now: () => now });
  const results: Array<number | null> = [];
  list(ops, ['ops']).forEach((raw, i) => {
    const path = ['ops', i];
    const o = record(raw, path);
    const op = oneOf(o.op, [...path, 'op'], ['when', 'forget', 'numRequeues', 'advance'] as const);
    if (op === 'advance') {
      now += nsFromMs(num(o.ms, [...path, 'ms'], { min: 0, max: 1e12 }));
      results.push(null);
      return;
    }
    const item = str(o.item, [...path, 'item']);
    if (op === 'when') results.push(msFromNs(limiter.when(item)));
    else if (op === 'forget') {
      limiter.forget(item);
      results.push(null);
    } else results.push(limiter.numRequeues(item));
  });
  return { results };
}

// ---- work queue ----

export type QueueOp =
  | { op: 'add'; item: string }
  | { op: 'done'; item: string }
  | { op: 'get' }
  | { op: 'len' }
  | { op: 'shutDown' }
  | { op: 'shutDownWithDrain' }
  | { op: 'shuttingDown' }
  | { op: 'addAfter'; item: string; delayMs: number }
  | { op: 'addRateLimited'; item: string }
  | { op: 'forget'; item: string }
  | { op: 'numRequeues'; item: string }
  | { op: 'advance'; ms: number };

const QUEUE_OPS = ['add', 'done', 'get', 'len', 'shutDown', 'shutDownWithDrain', 'shuttingDown', 'addAfter', 'addRateLimited', 'forget', 'numRequeues', 'advance'] as const;

/**
 * A rate-limiting work queue (queue.go + delaying_queue.go + rate_limiting_queue.go) driven by a script.
 *
 * @example
 *   workqueueScenario({ ops: [{ op: 'add', item: 'foo' }, { op: 'get' }, { op: 'add', item: 'foo' }, { op: 'done', item: 'foo' }, { op: 'len' }] })
 *   // { results: [null, { item: 'foo', shutdown: false }, null, null, 1] }
 */
export function workqueueScenario(input: { rateLimiter?: RateLimiterSpec; ops: QueueOp[] }): { results: unknown[] } {
  const inp = record(input, []);
  const spec: RateLimiterSpec = inp.rateLimiter === undefined ? { type: 'DefaultControllerRateLimiter' } : checkRateLimiterSpec(inp.rateLimiter, ['rateLimiter']);
  const q = new RateLimitingQueue();
  q.setRateLimiter(newRateLimiter(spec, q.clock));
  const results: unknown[] = [];
  list(inp.ops, ['ops']).forEach((raw, i) => {
    const path = ['ops', i];
    const o = record(raw, path);
    const op = oneOf(o.op, [...path, 'op'], QUEUE_OPS);
    const item = () => str(o.item, [...path, 'item']);
    switch (op) {
      case 'add':
        q.add(item());
        return void results.push(null);
      case 'done':
        q.queue.done(item());
        return void results.push(null);
      case 'get':
        return void results.push(q.queue.get() ?? { item: null, shutdown: false });
      case 'len':
        return void results.push(q.queue.len());
      case 'shutDown':
        q.shutDown();
        return void results.push(null);
      case 'shutDownWithDrain':
        q.shutDownWithDrain();
        return void results.push(null);
      case 'shuttingDown':
        return void results.push(q.queue.shuttingDown);
      case 'addAfter':
        q.addAfter(item(), nsFromMs(num(o.delayMs, [...path, 'delayMs'], { max: 1e12 })));
        return void results.push(null);
      case 'addRateLimited':
        return void results.push(msFromNs(q.addRateLimited(item())));
      case 'forget':
        q.forget(item());
        return void results.push(null);
      case 'numRequeues':
        return void results.push(q.numRequeues(item()));
      case 'advance':
        q.advance(nsFromMs(num(o.ms, [...path, 'ms'], { min: 0, max: 1e12 })));
        return void results.push(null);
    }
  });
  return { results };
}

// ---- DeltaFIFO ----

export type DeltaFIFOOp =
  | { op: 'add' | 'update' | 'delete'; object: KubeObject }
  | { op: 'replace'; objects: KubeObject[]; resourceVersion: string }
  | { op: 'resync' }
  | { op: 'close' }
  | { op: 'pop' }
  | { op: 'listKeys' }
  | { op: 'list' }
  | { op: 'getByKey'; key: string }
  | { op: 'hasSynced' };

const FIFO_OPS = ['add', 'update', 'delete', 'replace', 'resync', 'close', 'pop', 'listKeys', 'list', 'getByKey', 'hasSynced'] as const;

/** delta_fifo_test.go literalListerGetter: a fixed list; GetByKey finds the first object with that key. */
function literalKnownObjects(objects: KubeObject[]): KnownObjects {
  const byKey = new Map<string, KubeObject>();
  for (const o of objects) {
    const k = metaNamespaceKey(o);
    if (!byKey.has(k)) byKey.set(k, o);
  }
  return { listKeys: () => objects.map(metaNamespaceKey), getByKey: (k) => byKey.get(k) };
}

/**
 * A DeltaFIFO (KeyFunction MetaNamespaceKeyFunc) driven by a script.
 *
 * @example
 *   // knownObjects [foo@1]: delete foo@1, replace [foo@2], pop
 *   // -> the pop answers { deltas: [{Deleted foo@1}, {Sync foo@2}], isInInitialList: false }
 */
export function deltaFIFOScenario(input: { knownObjects?: KubeObject[]; emitDeltaTypeReplaced?: boolean; ops: DeltaFIFOOp[] }): { results: unknown[] } {
  const inp = record(input, []);
  const known = inp.knownObjects === undefined ? null : list(inp.knownObjects, ['knownObjects']).map((o, i) => kubeObject(o, ['knownObjects', i]));
  const emit = inp.emitDeltaTypeReplaced === undefined ? false : bool(inp.emitDeltaTypeReplaced, ['emitDeltaTypeReplaced']);
  const f = new DeltaFIFO(known === null ? null : literalKnownObjects(known), emit);
  const results: unknown[] = [];
  list(inp.ops, ['ops']).forEach((raw, i) => {
    const path = ['ops', i];
    const o = record(raw, path);
    const op = oneOf(o.op, [...path, 'op'], FIFO_OPS);
    switch (op) {
      case 'add':
        f.add(kubeObject(o.object, [...path, 'object']));
        return void results.push(null);
      case 'update':
        f.update(kubeObject(o.object, [...path, 'object']));
        return void results.push(null);
      case 'delete':
        f.delete(objectOrTombstone(o.object, [...path, 'object']));
        return void results.push(null);
      case 'replace': {
        const objs = list(o.objects, [...path, 'objects']).map((x, j) => kubeObject(x, [...path, 'objects', j]));
        if (o.resourceVersion !== undefined) str(o.resourceVersion, [...path, 'resourceVersion']);
        f.replace(objs);
        return void results.push(null);
      }
      case 'resync':
        f.resync();
        return void results.push(null);
      case 'close':
        f.close();
        return void results.push(null);
      case 'pop':
        return void results.push(f.pop());
      case 'listKeys':
        return void results.push(f.listKeys());
      case 'list':
        return void results.push(f.list());
      case 'getByKey':
        return void results.push(f.getByKey(str(o.key, [...path, 'key'])));
      case 'hasSynced':
        return void results.push(f.hasSynced());
    }
  });
  return { results };
}

// ---- Indexer ----

export type IndexerOp =
  | { op: 'add' | 'update' | 'delete'; object: KubeObject }
  | { op: 'replace'; objects: KubeObject[]; resourceVersion: string }
  | { op: 'get'; object: KubeObject }
  | { op: 'getByKey'; key: string }
  | { op: 'list' }
  | { op: 'listKeys' }
  | { op: 'index'; indexName: string; object: KubeObject }
  | { op: 'byIndex'; indexName: string; indexedValue: string }
  | { op: 'indexKeys'; indexName: string; indexedValue: string }
  | { op: 'listIndexFuncValues'; indexName: string }
  | { op: 'addIndexers'; indexers: Record<string, IndexFuncSpec> }
  | { op: 'lastStoreSyncResourceVersion' };

const INDEXER_OPS = ['add', 'update', 'delete', 'replace', 'get', 'getByKey', 'list', 'listKeys', 'index', 'byIndex', 'indexKeys', 'listIndexFuncValues', 'addIndexers', 'lastStoreSyncResourceVersion'] as const;

export function checkIndexFuncSpec(v: unknown, path: FieldPath): IndexFuncSpec {
  if (v === 'namespace') return v;
  const s = record(v, path);
  if (typeof s.labelValue === 'string') return { labelValue: s.labelValue };
  if (s.labelKeys === true) return { labelKeys: true };
  if (typeof s.annotationValue === 'string') {
    if (s.split !== undefined) str(s.split, [...path, 'split']);
    return { annotationValue: s.annotationValue, split: s.split as string | undefined };
  }
  return fail(path, 'expected "namespace", {labelValue: key}, {labelKeys: true} or {annotationValue: key, split?: separator}');
}

export function checkIndexers(v: unknown, path: FieldPath): Record<string, IndexFunc> {
  const out: Record<string, IndexFunc> = {};
  for (const [name, spec] of Object.entries(record(v, path))) out[name] = indexFuncFor(checkIndexFuncSpec(spec, [...path, name]));
  return out;
}

/**
 * An Indexer (NewIndexer(MetaNamespaceKeyFunc, indexers)) driven by a script.
 *
 * @example
 *   indexerScenario({ indexers: { namespace: 'namespace' }, ops: [
 *     { op: 'add', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'a' } } },
 *     { op: 'indexKeys', indexName: 'namespace', indexedValue: 'a' }] })
 *   // { results: [null, ['a/p1']] }
 */
export function indexerScenario(input: { indexers?: Record<string, IndexFuncSpec>; ops: IndexerOp[] }): { results: unknown[] } {
  const inp = record(input, []);
  const indexer = new Indexer(inp.indexers === undefined ? {} : checkIndexers(inp.indexers, ['indexers']));
  const results: unknown[] = [];
  const guarded = (fn: () => unknown): unknown => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof IndexerError) return { error: e.message };
      throw e;
    }
  };
  list(inp.ops, ['ops']).forEach((raw, i) => {
    const path = ['ops', i];
    const o = record(raw, path);
    const op = oneOf(o.op, [...path, 'op'], INDEXER_OPS);
    const object = () => kubeObject(o.object, [...path, 'object']);
    const indexName = () => str(o.indexName, [...path, 'indexName']);
    switch (op) {
      case 'add':
        indexer.add(object());
        return void results.push(null);
      case 'update':
        indexer.update(object());
        return void results.push(null);
      case 'delete':
        indexer.delete(object());
        return void results.push(null);
      case 'replace': {
        const objs = list(o.objects, [...path, 'objects']).map((x, j) => kubeObject(x, [...path, 'objects', j]));
        indexer.replace(objs, o.resourceVersion === undefined ? '' : str(o.resourceVersion, [...path, 'resourceVersion']));
        return void results.push(null);
      }
      case 'get':
        return void results.push(indexer.get(object()) ?? null);
      case 'getByKey':
        return void results.push(indexer.getByKey(str(o.key, [...path, 'key'])) ?? null);
      case 'list':
        return void results.push(indexer.list());
      case 'listKeys':
        return void results.push(indexer.listKeys());
      case 'index': {
        const name = indexName();
        const obj = object();
        return void results.push(guarded(() => indexer.index(name, obj)));
      }
      case 'byIndex': {
        const name = indexName();
        const value = str(o.indexedValue, [...path, 'indexedValue']);
        return void results.push(guarded(() => indexer.byIndex(name, value)));
      }
      case 'indexKeys': {
        const name = indexName();
        const value = str(o.indexedValue, [...path, 'indexedValue']);
        return void results.push(guarded(() => indexer.indexKeys(name, value)));
      }
      case 'listIndexFuncValues':
        return void results.push(indexer.listIndexFuncValues(indexName()));
      case 'addIndexers': {
        const fns = checkIndexers(o.indexers, [...path, 'indexers']);
        return void results.push(guarded(() => (indexer.addIndexers(fns), null)));
      }
      case 'lastStoreSyncResourceVersion':
        return void results.push(indexer.lastStoreSyncResourceVersion());
    }
  });
  return { results };
}

// ---- processDeltas ----

const DELTA_TYPES = ['Added', 'Updated', 'Deleted', 'Replaced', 'Sync'] as const;

/**
 * controller.go processDeltas for one popped key, over a client state holding `store`.
 *
 * @example
 *   // store [a@1], deltas [Sync a@1] -> notifications [{ type: 'OnUpdate', oldObj: a@1, newObj: a@1 }], store [a@1]
 */
export function processDeltas(input: { store: KubeObject[]; deltas: Delta[]; isInInitialList: boolean }): {
  notifications: Notification[];
  store: KubeObject[];
} {
  const inp = record(input, []);
  const store = list(inp.store, ['store']).map((o, i) => kubeObject(o, ['store', i]));
  const deltas: Delta[] = list(inp.deltas, ['deltas']).map((d, i) => {
    const r = record(d, ['deltas', i]);
    const type = oneOf(r.type, ['deltas', i, 'type'], DELTA_TYPES);
    const object: KubeObject | DeletedFinalStateUnknown =
      type === 'Deleted' ? objectOrTombstone(r.object, ['deltas', i, 'object']) : kubeObject(r.object, ['deltas', i, 'object']);
    return { type, object };
  });
  const isInInitialList = bool(inp.isInInitialList, ['isInInitialList']);
  const clientState = new Indexer();
  for (const o of store) clientState.add(o);
  const notifications: Notification[] = [];
  applyDeltas(
    {
      onAdd: (obj, initial) => notifications.push({ type: 'OnAdd', obj, isInInitialList: initial }),
      onUpdate: (oldObj, newObj) => notifications.push({ type: 'OnUpdate', oldObj, newObj }),
      onDelete: (obj) => notifications.push({ type: 'OnDelete', obj }),
    },
    clientState,
    deltas,
    isInInitialList,
  );
  return { notifications, store: clientState.list() };
}
