// The storage under the API server, as etcd serves it to kube-apiserver: one
// revision counter for the whole store (every write makes a new revision, and
// an object's resourceVersion is the revision that last wrote it), keys under
// /registry, a history of changes that watches read from, and compaction,
// after which a watch from an older revision fails with 410 Gone.
//
// Stored objects are frozen: a reader (a watcher, a lister, a controller's
// cache) shares them and may not change them, the rule client-go's informers
// teach. A writer copies, changes the copy and stores it.
// src: staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go (Create, GuaranteedUpdate, Delete),
//      staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go (getAllEventsSinceLocked: "too old resource version"),
//      etcd's mvcc (revisions start at 1; the first write is revision 2).

import type { JsonObject } from '../apimachinery/json.ts';
import { deepCopy } from '../apimachinery/deep-copy.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change, as the history keeps it and a watch delivers it. */
export interface StorageEvent {
  readonly revision: number;
  readonly type: WatchEventType;
  readonly key: string;
  /** The object after the change; for DELETED, the last state with the deletion's resourceVersion. */
  readonly object: Readonly<JsonObject>;
  /** The object before the change (undefined for ADDED). */
  readonly previous?: Readonly<JsonObject>;
}

interface Entry {
  object: Readonly<JsonObject>;
  createRevision: number;
  modRevision: number;
}

/** A watch asked for a revision older than the oldest one the history still holds. */
export class RevisionCompactedError extends Error {
  override readonly name = 'RevisionCompactedError';
  constructor(
    readonly requested: number,
    /** The newest revision compaction removed: the oldest a watch may still start from. */
    readonly compactedThrough: number,
  ) {
    super(`too old resource version: ${requested} (${compactedThrough})`);
  }
}

/**
 * The keyed, revisioned store.
 *
 * @example
 *   const s = new Storage();
 *   s.create('/registry/configmaps/default/a', cm).revision  // 2
 *   s.get('/registry/configmaps/default/a')?.metadata        // { ..., resourceVersion: '2' }
 */
export class Storage {
  private rev = 1;
  private compactedRev = 0;
  private readonly entries = new Map<string, Entry>();
  /**
   * The keys of each "directory" (`/registry/pods/default/`), sorted on
   * demand: a list reads its resource's directories, never the whole store
   * (admission plugins list LimitRanges and ResourceQuotas on every Pod create).
   */
  private readonly buckets = new Map<string, { keys: Set<string>; sorted: string[] | null }>();
  private history: StorageEvent[] = [];
  private readonly listeners: ((event: StorageEvent) => void)[] = [];

  /** The store's current revision (the resourceVersion of a list). */
  get revision(): number {
    return this.rev;
  }

  /** Revisions up to this one are compacted away (0: nothing compacted). */
  get compactedRevision(): number {
    return this.compactedRev;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Readonly<JsonObject> | undefined {
    return this.entries.get(key)?.object;
  }

  /** The revision that created the object at `key` (etcd's create_revision), or undefined. */
  createRevisionOf(key: string): number | undefined {
    return this.entries.get(key)?.createRevision;
  }

  /** Stores a new object at `key`, which must be free; sets its resourceVersion. */
  create(key: string, object: JsonObject): StorageEvent {
    if (this.entries.has(key)) throw new Error(`storage: key exists: ${key}`);
    const revision = ++this.rev;
    const stored = seal(object, revision);
    this.entries.set(key, { object: stored, createRevision: revision, modRevision: revision });
    const bucket = this.bucketOf(key);
    bucket.keys.add(key);
    bucket.sorted = null;
    return this.record({ revision, type: 'ADDED', key, object: stored });
  }

  /** Replaces the object at `key`, which must exist; sets its resourceVersion. */
  update(key: string, object: JsonObject): StorageEvent {
    const entry = this.entries.get(key);
    if (!entry) throw new Error(`storage: no key: ${key}`);
    const revision = ++this.rev;
    const stored = seal(object, revision);
    const previous = entry.object;
    entry.object = stored;
    entry.modRevision = revision;
    return this.record({ revision, type: 'MODIFIED', key, object: stored, previous });
  }

  /** Removes the object at `key`, which must exist. The event carries it with the deletion's revision. */
  delete(key: string): StorageEvent {
    const entry = this.entries.get(key);
    if (!entry) throw new Error(`storage: no key: ${key}`);
    const revision = ++this.rev;
    this.entries.delete(key);
    const bucket = this.bucketOf(key);
    bucket.keys.delete(key);
    bucket.sorted = null;
    // The watch cache hands out the deleted object with the revision of the delete.
    const last = seal(thaw(entry.object), revision);
    return this.record({ revision, type: 'DELETED', key, object: last, previous: entry.object });
  }

  /** Objects whose key starts with `prefix`, in key order (etcd range order). */
  list(prefix: string): Readonly<JsonObject>[] {
    return this.keys(prefix).map((key) => (this.entries.get(key) as Entry).object);
  }

  /** Keys under `prefix`, in key order. */
  keys(prefix: string): string[] {
    let out: string[] = [];
    let contributors = 0;
    for (const [dir, bucket] of this.buckets) {
      if (!dir.startsWith(prefix) && !prefix.startsWith(dir)) continue;
      bucket.sorted ??= [...bucket.keys].sort(compareKeys);
      const keys = dir.startsWith(prefix) ? bucket.sorted : bucket.sorted.filter((k) => k.startsWith(prefix));
      if (keys.length === 0) continue;
      out = contributors === 0 ? keys.slice() : out.concat(keys);
      contributors++;
    }
    return contributors > 1 ? out.sort(compareKeys) : out;
  }

  /** The keys of one "directory" (`/registry/pods/default/`, `/registry/minions/`): the key without its last segment. */
  private bucketOf(key: string): { keys: Set<string>; sorted: string[] | null } {
    // Writes come in runs to one directory (a scenario's Pods, a controller's ReplicaSets): the last
    // bucket is kept, so such a run cuts and hashes no directory string per write.
    const last = this.lastBucket;
    const end = key.lastIndexOf('/') + 1;
    if (last !== undefined && end === last.dir.length && key.startsWith(last.dir)) return last.bucket;
    const dir = key.slice(0, end);
    let bucket = this.buckets.get(dir);
    if (!bucket) {
      bucket = { keys: new Set<string>(), sorted: null };
      this.buckets.set(dir, bucket);
    }
    this.lastBucket = { dir, bucket };
    return bucket;
  }
  private lastBucket: { dir: string; bucket: { keys: Set<string>; sorted: string[] | null } } | undefined;

  /** Drops the history up to `revision` (default: now), as `etcdctl compact` does. */
  compact(revision: number = this.rev): void {
    const through = Math.min(revision, this.rev);
    if (through <= this.compactedRev) return;
    this.compactedRev = through;
    this.history = this.history.filter((e) => e.revision > through);
  }

  /**
   * The changes after `revision` under `prefix`, oldest first; throws
   * RevisionCompactedError when changes after `revision` are gone.
   */
  eventsSince(revision: number, prefix: string): StorageEvent[] {
    if (revision < this.compactedRev) throw new RevisionCompactedError(revision, this.compactedRev);
    const out: StorageEvent[] = [];
    for (const e of this.history) if (e.revision > revision && e.key.startsWith(prefix)) out.push(e);
    return out;
  }

  /** Calls `listener` synchronously after every change, in revision order. */
  onChange(listener: (event: StorageEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  private record(event: StorageEvent): StorageEvent {
    this.history.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }
}

// etcd orders keys bytewise; JS string comparison by UTF-16 code unit agrees for the ASCII keys the API allows.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sets metadata.resourceVersion to the revision and freezes the object deeply. */
function seal(object: JsonObject, revision: number): Readonly<JsonObject> {
  const meta = object.metadata;
  if (meta !== null && typeof meta === 'object' && !Array.isArray(meta)) meta.resourceVersion = String(revision);
  return deepFreeze(object);
}

function thaw(object: Readonly<JsonObject>): JsonObject {
  return deepCopy(object as JsonObject);
}

/** Freezes a JSON value and everything in it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    } else {
      // JSON data: own enumerable keys only (for-in allocates no key array).
      for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
