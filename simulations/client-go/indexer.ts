// The informer's cache: a keyed store with secondary indexes.
// client-go tools/cache/store.go (cache: keys from a KeyFunc),
// thread_safe_store.go (threadSafeMap, storeIndex) and index.go
// (MetaNamespaceIndexFunc). Go's maps have no order; List, ListKeys, ByIndex,
// Index and ListIndexFuncValues here answer in insertion order, IndexKeys
// sorted as sets.List sorts.

import type { DeletedFinalStateUnknown, KubeObject } from './types.ts';
import { deletionHandlingKey, isTombstone } from './types.ts';

/** How an index computes its values (contracts/clientgo.md IndexFuncSpec). */
export type IndexFuncSpec =
  | 'namespace'
  | { labelValue: string }
  | { labelKeys: true }
  | { annotationValue: string; split?: string };

export type IndexFunc = (obj: KubeObject) => string[];

/** index.go MetaNamespaceIndexFunc and the label / annotation index functions the tests use. */
export function indexFuncFor(spec: IndexFuncSpec): IndexFunc {
  if (spec === 'namespace') return (obj) => [obj.metadata.namespace ?? ''];
  if ('labelValue' in spec) {
    const k = spec.labelValue;
    return (obj) => [obj.metadata.labels?.[k] ?? ''];
  }
  if ('labelKeys' in spec) return (obj) => Object.keys(obj.metadata.labels ?? {});
  const k = spec.annotationValue;
  const sep = spec.split;
  // index_test.go testUsersIndexFunc: strings.Split(annotations["users"], ",")
  return sep === undefined ? (obj) => [obj.metadata.annotations?.[k] ?? ''] : (obj) => (obj.metadata.annotations?.[k] ?? '').split(sep);
}

type Index = Map<string, Set<string>>;

/** Go's fmt %v of a sets.Set[string] (a map[string]Empty): keys sorted, e.g. map[a:{} b:{}]. */
function formatGoSet(keys: string[]): string {
  return `map[${[...keys].sort().map((k) => `${k}:{}`).join(' ')}]`;
}

export class IndexerError extends Error {}

/**
 * cache{cacheStorage: threadSafeMap} with DeletionHandlingMetaNamespaceKeyFunc
 * (a plain MetaNamespaceKeyFunc store never sees a tombstone, so the two agree
 * on every object).
 */
export class Indexer {
  private readonly items = new Map<string, KubeObject>();
  private readonly indexers = new Map<string, IndexFunc>();
  private indices = new Map<string, Index>();
  private rv = '';

  constructor(indexers: Record<string, IndexFunc> = {}) {
    for (const [name, fn] of Object.entries(indexers)) this.indexers.set(name, fn);
  }

  add(obj: KubeObject): void {
    this.update(obj);
  }

  /** threadSafeMap.Update: store, reindex, and remember the object's resourceVersion. */
  update(obj: KubeObject): void {
    const key = deletionHandlingKey(obj);
    this.storeKeyed(key, obj, this.items.get(key));
  }

  /** Update for a caller that already has the key and the old object (processDeltas looked them up). */
  storeKeyed(key: string, obj: KubeObject, old: KubeObject | undefined): void {
    this.items.set(key, obj);
    this.updateIndices(old, obj, key);
    this.rv = obj.metadata.resourceVersion ?? '';
  }

  /** cache.Delete -> DeleteWithObject: a tombstone is deleted by its key; the deleted object's resourceVersion is remembered. */
  delete(obj: KubeObject | DeletedFinalStateUnknown): void {
    const key = deletionHandlingKey(obj);
    const old = this.items.get(key);
    if (old !== undefined) {
      this.updateIndices(old, undefined, key);
      this.items.delete(key);
    }
    // rvFromObject uses meta.Accessor, which a DeletedFinalStateUnknown does not satisfy.
    if (!isTombstone(obj)) this.rv = obj.metadata.resourceVersion ?? '';
  }

  deleteByKey(key: string): void {
    const old = this.items.get(key);
    if (old === undefined) return;
    this.updateIndices(old, undefined, key);
    this.items.delete(key);
  }

  get(obj: KubeObject | DeletedFinalStateUnknown): KubeObject | undefined {
    return this.items.get(deletionHandlingKey(obj));
  }

  getByKey(key: string): KubeObject | undefined {
    return this.items.get(key);
  }

  list(): KubeObject[] {
    return [...this.items.values()];
  }

  listKeys(): string[] {
    return [...this.items.keys()];
  }

  size(): number {
    return this.items.size;
  }

  /** threadSafeMap.Replace: the new items, the list's resourceVersion, and every index rebuilt. */
  replace(list: KubeObject[], resourceVersion: string): void {
    this.items.clear();
    for (const obj of list) this.items.set(deletionHandlingKey(obj), obj);
    this.rv = resourceVersion;
    this.indices = new Map();
    for (const [key, obj] of this.items) this.updateIndices(undefined, obj, key);
  }

  bookmark(rv: string): void {
    this.rv = rv;
  }

  /** LastStoreSyncResourceVersion (the AtomicFIFO gate is on by default in 1.36). */
  lastStoreSyncResourceVersion(): string {
    return this.rv;
  }

  /** Index: the objects sharing any of obj's indexed values. */
  index(indexName: string, obj: KubeObject): KubeObject[] {
    const fn = this.indexFunc(indexName);
    const values = fn(obj);
    const idx = this.indices.get(indexName);
    const keys = new Set<string>();
    for (const v of values) for (const k of idx?.get(v) ?? []) keys.add(k);
    return [...keys].map((k) => this.items.get(k) as KubeObject);
  }

  byIndex(indexName: string, indexedValue: string): KubeObject[] {
    this.indexFunc(indexName);
    return [...(this.indices.get(indexName)?.get(indexedValue) ?? [])].map((k) => this.items.get(k) as KubeObject);
  }

  /** IndexKeys: sets.List, sorted. */
  indexKeys(indexName: string, indexedValue: string): string[] {
    this.indexFunc(indexName);
    return [...(this.indices.get(indexName)?.get(indexedValue) ?? [])].sort();
  }

  listIndexFuncValues(indexName: string): string[] {
    return [...(this.indices.get(indexName)?.keys() ?? [])];
  }

  /** AddIndexers: a name already indexed is a conflict; the new indexes are built over every stored item. */
  addIndexers(newIndexers: Record<string, IndexFunc>): void {
    const conflict = Object.keys(newIndexers).filter((k) => this.indexers.has(k));
    if (conflict.length > 0) throw new IndexerError(`indexer conflict: ${formatGoSet(conflict)}`);
    for (const [name, fn] of Object.entries(newIndexers)) this.indexers.set(name, fn);
    for (const [key, obj] of this.items) for (const name of Object.keys(newIndexers)) this.updateSingleIndex(name, undefined, obj, key);
  }

  private indexFunc(indexName: string): IndexFunc {
    const fn = this.indexers.get(indexName);
    if (!fn) throw new IndexerError(`Index with name ${indexName} does not exist`);
    return fn;
  }

  private updateIndices(oldObj: KubeObject | undefined, newObj: KubeObject | undefined, key: string): void {
    for (const name of this.indexers.keys()) this.updateSingleIndex(name, oldObj, newObj, key);
  }

  /** storeIndex.updateSingleIndex: a single unchanged value is left alone; otherwise old values out, new values in. */
  private updateSingleIndex(name: string, oldObj: KubeObject | undefined, newObj: KubeObject | undefined, key: string): void {
    const fn = this.indexers.get(name) as IndexFunc;
    const oldValues = oldObj !== undefined ? fn(oldObj) : [];
    const values = newObj !== undefined ? fn(newObj) : [];
    let idx = this.indices.get(name);
    if (!idx) {
      idx = new Map();
      this.indices.set(name, idx);
    }
    if (values.length === 1 && oldValues.length === 1 && values[0] === oldValues[0]) return;
    for (const v of oldValues) {
      const set = idx.get(v);
      if (!set) continue;
      set.delete(key);
      if (set.size === 0) idx.delete(v);
    }
    for (const v of values) {
      let set = idx.get(v);
      if (!set) {
        set = new Set();
        idx.set(v, set);
      }
      set.add(key);
    }
  }
}
