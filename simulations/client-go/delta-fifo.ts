// DeltaFIFO: the queue between a Reflector and the informer's handlers.
// client-go tools/cache/delta_fifo.go (v0.36). Each key accumulates the
// Deltas that happened to it while it waited; Pop hands out a key's whole
// list, oldest first, keys in the order they were first queued.

import type { Delta, DeltaType, DeletedFinalStateUnknown, KubeObject } from './types.ts';
import { isTombstone, keyOf } from './types.ts';

/** delta_fifo.go KeyListerGetter: what the consumer already knows (the informer's indexer). */
export interface KnownObjects {
  listKeys(): string[];
  getByKey(key: string): KubeObject | undefined;
}

export const ErrFIFOClosed = 'DeltaFIFO: manipulating with closed queue';

type Obj = KubeObject | DeletedFinalStateUnknown;

export class DeltaFIFO {
  private readonly items = new Map<string, Delta[]>();
  private queue: string[] = [];
  private head = 0;
  private populated = false;
  private initialPopulationCount = 0;
  private syncedClosed = false;
  private closed = false;

  constructor(
    private readonly knownObjects: KnownObjects | null,
    private readonly emitDeltaTypeReplaced = false,
  ) {}

  close(): void {
    this.closed = true;
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** HasSynced: true once Add/Update/Delete came first, or the first Replace's items have all been popped. */
  hasSynced(): boolean {
    return this.syncedClosed;
  }

  /** checkSynced_locked */
  private checkSynced(): void {
    if (this.populated && this.initialPopulationCount === 0) this.syncedClosed = true;
  }

  add(obj: KubeObject): void {
    this.populated = true;
    this.checkSynced();
    this.queueAction('Added', obj);
  }

  update(obj: KubeObject): void {
    this.populated = true;
    this.checkSynced();
    this.queueAction('Updated', obj);
  }

  /** Delete: ignored when neither the queue nor KnownObjects has the key (a relist already reported it). */
  delete(obj: Obj): void {
    const id = keyOf(obj);
    this.populated = true;
    this.checkSynced();
    if (this.knownObjects === null) {
      if (!this.items.has(id)) return;
    } else if (this.knownObjects.getByKey(id) === undefined && !this.items.has(id)) {
      return;
    }
    this.queueAction('Deleted', obj);
  }

  /** queueActionLocked: append, then dedupDeltas (two trailing deletions collapse into one). */
  private queueAction(type: DeltaType, obj: Obj): void {
    const id = keyOf(obj);
    const old = this.items.get(id);
    const delta: Delta = { type, object: obj };
    if (!old) {
      this.items.set(id, [delta]);
      this.queue.push(id);
      return;
    }
    old.push(delta);
    dedupDeltas(old);
  }

  /**
   * Pop: the oldest key with all its Deltas, and whether it belongs to the
   * initial list (the FIFO had not synced yet). null when Go's Pop would block.
   */
  pop(): { deltas: Delta[]; isInInitialList: boolean } | { error: string } | null {
    for (;;) {
      if (this.head >= this.queue.length) return this.closed ? { error: ErrFIFOClosed } : null;
      const isInInitialList = !this.hasSynced();
      const id = this.queue[this.head++];
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      if (this.initialPopulationCount > 0) {
        this.initialPopulationCount--;
        this.checkSynced();
      }
      const deltas = this.items.get(id);
      if (!deltas) continue; // "Inconceivable!"
      this.items.delete(id);
      return { deltas, isInInitialList };
    }
  }

  /**
   * Replace: a Sync (or Replaced) delta for every listed object, then a
   * Deleted DeletedFinalStateUnknown for every key queued or known that the
   * list lacks, carrying the newest object the FIFO or KnownObjects has.
   */
  replace(list: KubeObject[]): void {
    const keys = new Set<string>();
    const action: DeltaType = this.emitDeltaTypeReplaced ? 'Replaced' : 'Sync';
    for (const item of list) {
      keys.add(keyOf(item));
      this.queueAction(action, item);
    }
    let queuedDeletions = 0;
    // Go ranges over the items map (random order); every such key is already queued, so the order changes nothing.
    for (const [k, oldItem] of this.items) {
      if (keys.has(k)) continue;
      let deletedObj: KubeObject | null = null;
      const newest = oldItem[oldItem.length - 1];
      if (newest) deletedObj = isTombstone(newest.object) ? newest.object.obj : newest.object;
      queuedDeletions++;
      this.queueAction('Deleted', { kind: 'DeletedFinalStateUnknown', key: k, obj: deletedObj });
    }
    if (this.knownObjects !== null) {
      for (const k of this.knownObjects.listKeys()) {
        if (keys.has(k)) continue;
        if ((this.items.get(k)?.length ?? 0) > 0) continue;
        const deletedObj = this.knownObjects.getByKey(k) ?? null;
        queuedDeletions++;
        this.queueAction('Deleted', { kind: 'DeletedFinalStateUnknown', key: k, obj: deletedObj });
      }
    }
    if (!this.populated) {
      this.populated = true;
      this.initialPopulationCount = keys.size + queuedDeletions;
      this.checkSynced();
    }
  }

  /** Resync: a Sync delta for every known object whose key is not queued already. */
  resync(): void {
    if (this.knownObjects === null) return;
    for (const k of this.knownObjects.listKeys()) {
      const obj = this.knownObjects.getByKey(k);
      if (obj === undefined) continue;
      const id = keyOf(obj);
      if ((this.items.get(id)?.length ?? 0) > 0) continue;
      this.queueAction('Sync', obj);
    }
  }

  // delta_fifo_test.go's helpers listKeys / list / getByKey (they left the public API in 1.36).

  /** Keys in queue order. */
  listKeys(): string[] {
    return this.queue.slice(this.head);
  }

  /** The newest object of each queued key (Go: map order; here queue order). */
  list(): Obj[] {
    return this.listKeys().map((k) => {
      const d = this.items.get(k) as Delta[];
      return d[d.length - 1].object;
    });
  }

  getByKey(key: string): Delta[] | null {
    const d = this.items.get(key);
    return d ? d.slice() : null;
  }

  size(): number {
    return this.queue.length - this.head;
  }
}

/** delta_fifo.go dedupDeltas / isDeletionDup: of two trailing deletions keep one, preferring the one that is not a tombstone. */
function dedupDeltas(deltas: Delta[]): void {
  const n = deltas.length;
  if (n < 2) return;
  const a = deltas[n - 1];
  const b = deltas[n - 2];
  if (b.type !== 'Deleted' || a.type !== 'Deleted') return;
  deltas[n - 2] = isTombstone(b.object) ? a : b;
  deltas.length = n - 1;
}
